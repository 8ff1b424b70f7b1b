// Reading folders: the raw endpoint first; a legacy end-to-end encrypted project switches the run to
// the encrypted one, whose values are decrypted and their references expanded here.
import { CryptoError, ServerError } from '../../errors.js'
import type { HttpResponse } from '../../http/client.js'
import type { ProviderContext } from '../provider.js'
import {
  listEncrypted,
  listRaw,
  statusError,
  type EncryptedSecret,
  type ListQuery,
  type RawSecret,
  type ReadFailure,
  type SecretList,
} from './api.js'
import type { Session } from './auth.js'
import { decryptProjectKey, decryptSymmetric } from './crypto.js'
import { applyPersonalOverrides, mergeWithImports, type Item, type Merged } from './merge.js'
import { expandReferences, folderId, type Folder } from './references.js'
import { describeScopes, inScope } from './scopes.js'

/** One list call: a folder of an environment, with the run's flags. */
export interface Read {
  readonly id: string
  readonly environment: string
  readonly path: string
  readonly recursive: boolean
  readonly includeImports: boolean
}

/** The outcome of one read: merged keys, and for E2EE reads the folders for reference expansion. */
export interface ReadResult {
  readonly merged: Merged
  /** Set for E2EE reads, whose values still hold `${…}` references. */
  readonly folders?: ReadonlyMap<string, Folder>
}

export class FolderReader {
  private projectKey: string | undefined

  constructor(
    private readonly session: Session,
    private readonly ctx: ProviderContext,
    private readonly project: string,
  ) {}

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
  async read(read: Read): Promise<ReadResult> {
    if (this.projectKey === undefined) {
      const raw = await listRaw(
        this.ctx.http,
        this.session.baseUrl,
        this.session.bearer,
        this.query(read),
        this.failure(read),
      )
      if (raw !== 'e2ee') return this.fromRaw(raw, read)
      this.projectKey = this.unsealProjectKey()
    }
    const list = await listEncrypted(
      this.ctx.http,
      this.session.baseUrl,
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
      decrypted: ReturnType<FolderReader['decryptAll']>,
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

  /**
   * The value to export: raw values as the server expanded them; E2EE values expanded here
   * (docs/protocols/infisical.md#secret-references).
   */
  async finalValue(item: Item, result: ReadResult): Promise<string> {
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
      list = await listEncrypted(
        this.ctx.http,
        this.session.baseUrl,
        this.session.bearer,
        this.query(read),
        this.failure(read),
      )
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
