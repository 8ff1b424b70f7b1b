// Infisical: a service token (details + one raw read per folder; a legacy end-to-end-encrypted
// project costs one failed raw read more and is decrypted here) or a machine identity (Universal
// Auth login + one raw read per folder). All or nothing.
import { CryptoError, InputError, ServerError } from '../../errors.js'
import type { HttpResponse } from '../../http.js'
import type { Settings } from '../../inputs.js'
import { ENV_NAME, quote } from '../../mapping/lines.js'
import { exampleMapping, parseInfisicalMapping, type InfisicalRequest } from '../../mapping/infisical.js'
import type { Provider, ProviderContext, Secret } from '../index.js'
import {
  getTokenDetails,
  listEncrypted,
  listRaw,
  statusError,
  universalAuthLogin,
  type EncryptedSecret,
  type ListQuery,
  type RawSecret,
  type ReadFailure,
  type Scope,
  type SecretList,
} from './api.js'
import { decryptProjectKey, decryptSymmetric, type EncryptedField } from './crypto.js'
import { applyPersonalOverrides, mergeWithImports, type Item, type Merged } from './merge.js'
import { expandReferences, folderId, type Folder } from './references.js'
import { assertUsable, chooseEnvironment, choosePath, describeScopes, inScope } from './scopes.js'
import { parseServiceToken, type ServiceToken } from './token.js'

/** Infisical cloud (spec §13.2 `domain` default). */
export const INFISICAL_CLOUD = 'https://app.infisical.com'

/** The API base: `domain` without `/api` (INF-COMPAT-3); the cloud when none is given. */
export function apiBase(baseUrl: string | undefined): string {
  return (baseUrl ?? INFISICAL_CLOUD).replace(/\/api$/, '')
}

const PROJECT_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i

/** Who reads: a service token (with its scopes and sealed key) or a logged-in machine identity. */
interface Session {
  readonly bearer: string
  readonly project: { readonly id?: string; readonly slug?: string }
  readonly environment: string
  readonly path: string
  /** Service tokens only: what the token may read, and its sealed project key. */
  readonly scopes?: readonly Scope[]
  readonly sealedKey?: EncryptedField
  readonly symKey?: string
}

/** One list call: a folder of an environment, with the run's flags. */
interface Read {
  readonly id: string
  readonly environment: string
  readonly path: string
  readonly recursive: boolean
  readonly includeImports: boolean
}

/** The outcome of one read: merged keys, and for E2EE reads the folders for reference expansion. */
interface ReadResult {
  readonly merged: Merged
  /** Set for E2EE reads, whose values still hold `${…}` references. */
  readonly folders?: ReadonlyMap<string, Folder>
}

type Credentials =
  | { readonly kind: 'token'; readonly token: ServiceToken }
  | { readonly kind: 'identity'; readonly clientId: string; readonly clientSecret: string }

function readCredentials(settings: Settings, ctx: ProviderContext): Credentials {
  const { clientId, clientSecret } = settings.infisical
  if (settings.accessToken.trim() !== '') {
    if (clientId !== undefined) {
      throw new InputError(
        "Give either 'access_token' (an Infisical service token) or 'client_id' + 'client_secret' (a machine identity), not both.",
      )
    }
    const token = parseServiceToken(settings.accessToken)
    // Every part at once, before the first request (INF-TOK-3).
    for (const part of [token.text, token.bearer, token.tokenId, token.tokenSecret, token.symKey]) ctx.mask(part)
    return { kind: 'token', token }
  }
  if (clientId === undefined || clientSecret === undefined) {
    throw new InputError(
      "Infisical needs 'access_token' (a service token, st.<id>.<secret>.<key>) or 'client_id' + 'client_secret' (a machine identity).",
    )
  }
  ctx.mask(clientSecret)
  return { kind: 'identity', clientId, clientSecret }
}

export function createInfisicalProvider(settings: Settings, ctx: ProviderContext): Provider<InfisicalRequest> {
  const credentials = readCredentials(settings, ctx)
  const options = settings.infisical
  const baseUrl = apiBase(settings.baseUrl)

  async function openSession(): Promise<Session> {
    if (credentials.kind === 'identity') {
      if (options.environment === undefined)
        throw new InputError("Input 'environment' is required with 'client_id' + 'client_secret' (e.g. 'prod').")
      if (options.project === undefined)
        throw new InputError(
          "Input 'project' is required with 'client_id' + 'client_secret': the project's id or slug.",
        )
      const login = await universalAuthLogin(ctx.http, baseUrl, credentials.clientId, credentials.clientSecret)
      ctx.mask(login.accessToken)
      return {
        bearer: login.accessToken,
        project: PROJECT_ID.test(options.project) ? { id: options.project } : { slug: options.project },
        environment: options.environment,
        path: options.secretPath ?? '/',
      }
    }
    const { token } = credentials
    const details = await getTokenDetails(ctx.http, baseUrl, token.bearer)
    assertUsable(details, ctx.now())
    if (options.project !== undefined) {
      if (PROJECT_ID.test(options.project) && options.project.toLowerCase() !== details.projectId.toLowerCase()) {
        throw new InputError(
          `Input 'project' is ${options.project}, but the service token belongs to project ${details.projectId}.`,
        )
      }
      if (!PROJECT_ID.test(options.project))
        ctx.debug(
          `Input 'project' (${options.project}) is ignored: a service token reads its own project, ${details.projectId}.`,
        )
    }
    const environment = chooseEnvironment(details.scopes, options.environment)
    return {
      bearer: token.bearer,
      project: { id: details.projectId },
      environment,
      path: choosePath(details.scopes, environment, options.secretPath),
      scopes: details.scopes,
      symKey: token.symKey,
      ...(details.sealedProjectKey ? { sealedKey: details.sealedProjectKey } : {}),
    }
  }

  return {
    kind: 'infisical',
    parse: parseInfisicalMapping,
    async fetch(requests) {
      const session = await openSession()
      return new Reader(session, baseUrl, ctx, options).fetch(requests)
    },
  }
}

class Reader {
  private projectKey: string | undefined
  private readonly project: string

  constructor(
    private readonly session: Session,
    private readonly baseUrl: string,
    private readonly ctx: ProviderContext,
    private readonly options: Settings['infisical'],
  ) {
    this.project = session.project.id ?? `'${session.project.slug}'`
  }

  async fetch(requests: readonly InfisicalRequest[]): Promise<Secret[]> {
    const main: Read = {
      id: 'main',
      environment: this.session.environment,
      path: this.session.path,
      recursive: this.options.recursive,
      includeImports: this.options.includeImports,
    }
    const readOf = (r: InfisicalRequest): Read =>
      r.kind === 'all' || r.path === undefined || (r.path === main.path && !main.recursive)
        ? main
        : {
            id: `path:${r.path}`,
            environment: main.environment,
            path: r.path,
            recursive: false,
            includeImports: main.includeImports,
          }
    const reads = new Map<string, Read>()
    for (const r of requests) {
      const read = readOf(r)
      this.assertInScope(read, r)
      reads.set(read.id, read)
    }
    const results = new Map<string, ReadResult>()
    for (const read of reads.values()) results.set(read.id, await this.read(read))

    // Select: explicit keys first, then the wildcard over what they left.
    const chosen: Array<{ name: string; item: Item; read: Read }> = []
    const explicit = new Set<string>()
    for (const r of requests) {
      if (r.kind !== 'key') continue
      const read = readOf(r)
      explicit.add(`${read.id}\u0000${r.key}`)
      chosen.push({ name: r.envName, item: this.pick(results.get(read.id)!.merged, r, read), read })
    }
    const wildcard = requests.find((r) => r.kind === 'all')
    if (wildcard) {
      const where =
        wildcard.line === 0
          ? "Input 'secrets' is empty, which means every secret in scope, but"
          : `Input 'secrets', line ${wildcard.line}: '*' means every secret in scope, but`
      const bad: string[] = []
      for (const [key, item] of results.get(main.id)!.merged.items) {
        if (explicit.has(`${main.id}\u0000${key}`)) continue
        this.assertNoCollision(results.get(main.id)!.merged, key, where)
        if (item.hidden) {
          this.ctx.warning(`Skipping ${key} (${item.location}): the token may see this secret but not its value.`)
          continue
        }
        if (!ENV_NAME.test(key)) bad.push(key)
        else chosen.push({ name: key, item, read: main })
      }
      if (bad.length > 0) {
        throw new InputError(
          `${where} these keys are not valid environment variable names: ${bad
            .slice(0, 10)
            .map((k) => quote(k))
            .join(', ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}. ` +
            `Map each explicitly on its own line${exampleMapping(bad[0]!, bad[0]!)}; the wildcard then leaves it to that line.`,
        )
      }
    }
    const secrets: Secret[] = []
    for (const { name, item, read } of chosen) {
      const value = await this.finalValue(item, results.get(read.id)!)
      this.ctx.mask(value)
      secrets.push({ name, value, source: `infisical ${item.location} ${item.key}` })
    }
    return secrets
  }

  private assertInScope(read: Read, request: InfisicalRequest): void {
    const { scopes } = this.session
    if (scopes === undefined || inScope(scopes, read.environment, read.path)) return
    const what =
      request.kind === 'key' && request.path !== undefined
        ? `Input 'secrets', line ${request.line}: folder '${read.path}'`
        : `Input 'secret_path': folder '${read.path}'`
    throw new InputError(
      `${what} in environment '${read.environment}' is outside the service token's scopes (${describeScopes(scopes)}).`,
    )
  }

  private pick(merged: Merged, r: Extract<InfisicalRequest, { kind: 'key' }>, read: Read): Item {
    const item = merged.items.get(r.key)
    const at = `Input 'secrets', line ${r.line}:`
    if (!item) {
      const imports = read.includeImports ? ' (imports included)' : ''
      throw new InputError(
        `${at} no secret ${JSON.stringify(r.key)} in environment '${read.environment}', folder '${read.path}'${read.recursive ? ' and its sub-folders' : ''}${imports} of project ${this.project}. Keys are case-sensitive.`,
      )
    }
    this.assertNoCollision(merged, r.key, at)
    if (item.hidden)
      throw new ServerError(
        `${at} no permission to read the value of ${r.key} (${item.location}): the token may see the secret but not its value.`,
      )
    return item
  }

  private assertNoCollision(merged: Merged, key: string, at: string): void {
    const folders = merged.collisions.get(key)
    if (folders) {
      throw new InputError(
        `${at} the key ${JSON.stringify(key)} exists in more than one folder of the recursive read (${folders.join(', ')}); name the folder: '/folder/${key} > NAME'.`,
      )
    }
  }

  private failure(read: Read): ReadFailure {
    return (res: HttpResponse, where: string) => {
      if (res.status !== 403 && res.status !== 404) return statusError(res, where)
      const scopes = this.session.scopes ? `; the token's scopes: ${describeScopes(this.session.scopes)}` : ''
      return statusError(
        res,
        where,
        `Requested project ${this.project}, environment '${read.environment}', folder '${read.path}'${scopes}`,
      )
    }
  }

  private query(read: Read): ListQuery {
    return {
      ...(this.session.project.id !== undefined
        ? { projectId: this.session.project.id }
        : { projectSlug: this.session.project.slug! }),
      environment: read.environment,
      secretPath: read.path,
      includeImports: read.includeImports,
      recursive: read.recursive,
    }
  }

  /** The raw endpoint first; a legacy E2EE project switches this run to the encrypted one. */
  private async read(read: Read): Promise<ReadResult> {
    if (this.projectKey === undefined) {
      const raw = await listRaw(this.ctx.http, this.baseUrl, this.session.bearer, this.query(read), this.failure(read))
      if (raw !== 'e2ee') return this.fromRaw(raw, read)
      this.projectKey = this.unsealProjectKey()
    }
    const list = await listEncrypted(
      this.ctx.http,
      this.baseUrl,
      this.session.bearer,
      this.query(read),
      this.failure(read),
    )
    return this.fromEncrypted(list, read)
  }

  private unsealProjectKey(): string {
    const { sealedKey, symKey } = this.session
    if (symKey === undefined) {
      throw new ServerError(
        `Project ${this.project} is a legacy end-to-end encrypted project, which a machine identity cannot read; upgrade the project in Infisical, or use a service token.`,
      )
    }
    if (sealedKey === undefined) {
      throw new CryptoError(
        'This token cannot decrypt an end-to-end encrypted project; upgrade the project or create the token with a client that stores the key.',
      )
    }
    const key = decryptProjectKey(symKey, sealedKey)
    this.ctx.mask(key)
    return key
  }

  /** Every value fetched is a secret from now on, selected or not: a later error may echo it. */
  private maskFetched(values: Iterable<{ value: string; hidden?: boolean }>): void {
    for (const v of values) if (!v.hidden && v.value.length >= 3) this.ctx.mask(v.value)
  }

  private fromRaw(list: SecretList<RawSecret>, read: Read): ReadResult {
    this.maskFetched([...list.secrets, ...list.imports.flatMap((imp) => imp.secrets)])
    const local = applyPersonalOverrides(
      list.secrets.map((s) => {
        const location = `${read.environment}:${s.path ?? read.path}`
        return { key: s.key, value: s.value, type: s.type, location, folder: location, hidden: s.hidden }
      }),
    )
    const imports = list.imports.map((imp) => {
      const location = `${imp.environment}:${imp.path} (imported)`
      return applyPersonalOverrides(
        imp.secrets.map((s) => ({
          key: s.key,
          value: s.value,
          type: s.type,
          location,
          folder: location,
          hidden: s.hidden,
        })),
      )
    })
    return { merged: mergeWithImports(local, imports) }
  }

  private decryptAll(
    items: readonly EncryptedSecret[],
    what: string,
  ): Array<{ key: string; value: string; type: string; folderId: string }> {
    const decrypted = items.map((s, i) => {
      try {
        return {
          key: decryptSymmetric(this.projectKey!, s.key),
          value: decryptSymmetric(this.projectKey!, s.value),
          type: s.type,
          folderId: s.folderId,
        }
      } catch (cause) {
        const why = cause instanceof CryptoError ? cause.message : 'decryption failed'
        throw new CryptoError(`Secret #${i + 1} of ${what} could not be decrypted: ${why}.`, { cause })
      }
    })
    this.maskFetched(decrypted)
    return decrypted
  }

  private fromEncrypted(list: SecretList<EncryptedSecret>, read: Read): ReadResult {
    const folders = new Map<string, Folder>()
    const here = `${read.environment}:${read.path}`
    const toItems = (
      decrypted: ReturnType<Reader['decryptAll']>,
      label: (folderId: string) => string,
      id: (folderId: string) => string,
    ): Item[] =>
      applyPersonalOverrides(
        decrypted.map((d) => ({
          key: d.key,
          value: d.value,
          type: d.type,
          location: label(d.folderId),
          folder: id(d.folderId),
          hidden: false,
        })),
      )
    // A recursive read says only each item's folder id; a flat read is all one known folder.
    const local = toItems(
      this.decryptAll(list.secrets, `GET /api/v3/secrets (${here})`),
      (f) => (read.recursive ? `${here} (folder ${f})` : here),
      (f) => (read.recursive ? `folder ${f}` : folderId(read.environment, read.path)),
    )
    const imports = list.imports.map((imp, n) =>
      toItems(
        this.decryptAll(
          imp.secrets,
          `import ${n + 1} (${imp.environment}:${imp.path}) of GET /api/v3/secrets (${here})`,
        ),
        () => `${imp.environment}:${imp.path} (imported)`,
        () => folderId(imp.environment, imp.path),
      ),
    )
    for (const item of [...local, ...imports.flat()]) {
      let folder = folders.get(item.folder)
      if (!folder) {
        const [environment, path] = item.folder.startsWith('folder ')
          ? [undefined, undefined]
          : splitFolderId(item.folder)
        folder = { id: item.folder, ...(environment ? { environment, path } : {}), values: new Map() }
        folders.set(item.folder, folder)
      }
      ;(folder.values as Map<string, string>).set(item.key, item.value)
    }
    return { merged: mergeWithImports(local, imports), folders }
  }

  /** Cross-folder references load these folders (flat, no imports), once each. */
  private readonly extraFolders = new Map<string, Folder | 'unavailable'>()

  /** The value to export: raw values as the server expanded them; E2EE values expanded here (§8). */
  private async finalValue(item: Item, result: ReadResult): Promise<string> {
    if (result.folders === undefined) return item.value
    const here = result.folders.get(item.folder)!
    const lookup = (environment: string, path: string): Folder | undefined => {
      const id = folderId(environment, path)
      const known = result.folders!.get(id) ?? this.extraFolders.get(id)
      return known === 'unavailable' ? undefined : known
    }
    for (let round = 0; ; round++) {
      const expanded = expandReferences(item.value, item.key, here, lookup)
      const toLoad = expanded.missing.filter((f) => !this.extraFolders.has(folderId(f.environment, f.path)))
      if (toLoad.length === 0 || round >= 10) {
        if (expanded.unresolved)
          this.ctx.warning(
            `Secret ${item.key} (${item.location}) holds a reference that could not be resolved; it is left as written.`,
          )
        return expanded.value
      }
      for (const f of toLoad)
        this.extraFolders.set(folderId(f.environment, f.path), await this.loadFolder(f.environment, f.path))
    }
  }

  private async loadFolder(environment: string, path: string): Promise<Folder | 'unavailable'> {
    const { scopes } = this.session
    if (scopes !== undefined && !inScope(scopes, environment, path)) return 'unavailable'
    const read: Read = { id: `ref:${environment}:${path}`, environment, path, recursive: false, includeImports: false }
    let list: SecretList<EncryptedSecret>
    try {
      list = await listEncrypted(this.ctx.http, this.baseUrl, this.session.bearer, this.query(read), this.failure(read))
    } catch (err) {
      // A folder that is missing or not readable leaves the reference as written, as the server does.
      if (err instanceof ServerError && (err.status === 403 || err.status === 404)) return 'unavailable'
      throw err
    }
    const items = applyPersonalOverrides(
      this.decryptAll(list.secrets, `GET /api/v3/secrets (${environment}:${path})`).map((d) => ({
        ...d,
        location: '',
        folder: '',
        hidden: false,
      })),
    )
    return { id: folderId(environment, path), environment, path, values: new Map(items.map((i) => [i.key, i.value])) }
  }
}

function splitFolderId(id: string): [string, string] {
  const colon = id.indexOf(':')
  return [id.slice(0, colon), id.slice(colon + 1)]
}
