/**
 * A local Infisical server that behaves like the real one on the wire, for the action's tests.
 *
 * Faithful to docs/protocols/infisical.md: service tokens (auth errors, #token-errors; details in
 * the current and the legacy single-environment shape, #token-details), the raw endpoint with
 * scopes, globs, single-scope override, imports, recursion and server-side reference expansion
 * (#raw-read, #secret-references, #glob-scopes), legacy end-to-end-encrypted projects whose data is
 * stored only as AES-256-GCM ciphertexts under the project key and that answer the raw endpoint
 * with `bot_not_found_error` (#e2ee-fallback, #decryption), the machine-identity logins (Universal
 * Auth in form or JSON bodies, OIDC Auth and AWS Auth: infisical-auth.ts), access-token revocation
 * and the error shape of #errors-and-retries. Crypto is node:crypto, sharing no code with the
 * action's. Listens on 127.0.0.1, on an ephemeral port.
 */
import http from 'node:http'
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto'
import {
  AuthFailure,
  checkAwsRequest,
  checkOidcToken,
  type AwsAuthConfig,
  type OidcAuthConfig,
} from './infisical-auth.js'
import { closeServer, listenOnLoopback, type FaultAction } from './loopback.js'

export type { AwsAuthConfig, OidcAuthConfig }

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** What the fault hook may do with a request instead of (or before) serving it. */
export type { FaultAction }

export interface InfisicalServerOptions {
  /** Clock in ms since the epoch; drives token expiry. */
  now?: () => number
  /** Called first for every request; `attempt` counts this method+path, 1-based. */
  onRequest?: (req: { method: string; path: string; attempt: number }) => FaultAction | undefined
  /** Answer a legacy project's raw read as servers before 2024 did: `failed to find bot key`. */
  oldBotWording?: boolean
}

export interface RequestLogEntry {
  method: string
  /** Path without the query string, e.g. `/api/v3/secrets/raw`. */
  path: string
  /** Status sent; 0 if the socket was destroyed by a fault. */
  status: number
  /** The query string including `?`, or ''. */
  query: string
  /** The query parsed, for assertions. */
  params: Record<string, string>
  /** Request headers as received (lower-case names), to check what a client sends. */
  headers: http.IncomingHttpHeaders
  /** Request body as text ('' if none). Test data only: it may hold secrets. */
  body: string
}

export interface Scope {
  environment: string
  secretPath: string
}

export interface ProjectInfo {
  id: string
  slug: string
  /** Legacy end-to-end encrypted: no bot, data stored encrypted under `key`. */
  e2ee: boolean
  /** The project key, a 32-character hex string (E2EE projects only). */
  key?: string
}

export interface ServiceTokenOptions {
  scopes?: Scope[]
  permissions?: string[]
  expiresAt?: Date | null
  /** Answer details in the Mongo-era shape: one `environment`, no `scopes` (uses scopes[0]). */
  legacyShape?: boolean
  /**
   * Store the project key encrypted under the token's key (what the old web UI did). Default: true
   * for E2EE projects, false otherwise (newer clients upload empty fields).
   */
  withKey?: boolean
  /** Choose the token's key part (32 hex characters by default). */
  symKey?: string
}

export interface IdentityOptions {
  readOnly?: boolean
}

export interface InfisicalServer {
  url: string
  requests: RequestLogEntry[]
  /** Empties `requests` and restarts the per-method+path `attempt` counts of the fault hook. */
  resetLog(): void
  close(): Promise<void>
  createProject(opts?: { slug?: string; e2ee?: boolean; environments?: string[] }): ProjectInfo
  /** Creates an (empty) folder and its parents. */
  createFolder(projectId: string, environment: string, path: string): void
  /** Adds or replaces a secret (encrypted at rest under the project key for E2EE projects). */
  setSecret(
    projectId: string,
    s: {
      environment: string
      path?: string
      key: string
      value: string
      comment?: string
      type?: 'shared' | 'personal'
    },
  ): void
  /** Makes folder `into` import folder `from` (appended: later imports come last). */
  addImport(projectId: string, into: Scope, from: Scope): void
  createServiceToken(projectId: string, opts?: ServiceTokenOptions): string
  /** `readOnly`: its project role may read secrets but not create or edit them (403 on a write). */
  createIdentity(projectIds: string[], opts?: IdentityOptions): { clientId: string; clientSecret: string }
  /** A machine identity with OIDC Auth configured; returns its identity id. */
  createOidcIdentity(projectIds: string[], config: OidcAuthConfig, opts?: IdentityOptions): string
  /** A machine identity with AWS Auth for one AWS credential; returns its identity id. */
  createAwsIdentity(projectIds: string[], config: AwsAuthConfig): string
  /** Access tokens revoked through POST /api/v1/auth/token/revoke, in order. */
  readonly revoked: string[]
  /** Flips a bit of a stored E2EE field's tag. */
  tamperSecret(projectId: string, environment: string, path: string, key: string, field: 'value' | 'key'): void
  /**
   * A secret-approval policy on a folder: a raw create or update there answers `{approval}` and
   * writes nothing (secret-router.ts v3, SecretProtectionType.Approval).
   */
  requireApproval(projectId: string, environment: string, path: string): void
  /** Marks a secret's value as hidden from readers (secretValueHidden). */
  hideSecretValue(projectId: string, environment: string, path: string, key: string): void
  /** Decrypts a stored E2EE secret with the server's own crypto (for tests of the store itself). */
  readStored(
    projectId: string,
    environment: string,
    path: string,
    key: string,
  ): { value: string; comment: string } | undefined
}

// ---------------------------------------------------------------------------------------------
// Crypto (node:crypto): AES-256-GCM, key = UTF-8 bytes of a 32-char hex string, 16-byte iv
// ---------------------------------------------------------------------------------------------

interface Sealed {
  ciphertext: string
  iv: string
  tag: string
}

export function encryptSymmetric(plaintext: string, key: string): Sealed {
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), iv)
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return { ciphertext: ct.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

export function decryptSymmetric(sealed: Sealed, key: string): string {
  const d = createDecipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(sealed.iv, 'base64'))
  d.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([d.update(Buffer.from(sealed.ciphertext, 'base64')), d.final()]).toString('utf8')
}

const hex32 = (): string => randomBytes(16).toString('hex')

// ---------------------------------------------------------------------------------------------
// Globs (picomatch semantics for the patterns scopes use, docs/protocols/infisical.md#glob-scopes)
// ---------------------------------------------------------------------------------------------

const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p)

/** picomatch isMatch(path, glob, { strictSlashes: false }) for `*`, `**` and literal segments. */
export function globMatch(path: string, glob: string): boolean {
  if (glob === '') return false
  const p = trimSlash(path)
  const g = trimSlash(glob)
  let re = ''
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!
    if (c === '*' && g[i + 1] === '*') {
      // `/x/**` also matches `/x` itself.
      if (re.endsWith('/')) re = `${re.slice(0, -1)}(?:/.*)?`
      else re += '.*'
      i++
    } else if (c === '*') re += '[^/]+'
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`).test(p)
}

const isGlob = (p: string): boolean => p.includes('*')

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

interface StoredSecret {
  id: string
  type: 'shared' | 'personal'
  version: number
  /** Raw projects: plaintext. */
  key?: string
  value?: string
  comment?: string
  /** E2EE projects: ciphertexts only. */
  keyEnc?: Sealed
  valueEnc?: Sealed
  commentEnc?: Sealed
  hidden: boolean
  createdAt: string
}

interface Folder {
  id: string
  secrets: StoredSecret[]
  imports: Scope[]
  /** A secret-approval policy covers it: writes become approval requests. */
  approval?: boolean
}

interface Project {
  info: ProjectInfo
  environments: Set<string>
  /** `${env}:${path}` → folder. */
  folders: Map<string, Folder>
}

interface TokenRecord {
  id: string
  secret: string
  projectId: string
  scopes: Scope[]
  permissions: string[]
  expiresAt: number | null
  legacyShape: boolean
  encryptedKey: string
  iv: string
  tag: string
  createdAt: string
}

interface IdentityRecord {
  clientId: string
  clientSecret: string
  projectIds: Set<string>
  readOnly?: boolean
  oidc?: OidcAuthConfig
  aws?: AwsAuthConfig
}

type Principal = { kind: 'token'; token: TokenRecord } | { kind: 'identity'; identity: IdentityRecord }

class ReplyError extends Error {
  constructor(
    readonly status: number,
    readonly payload: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'UnauthorizedError',
  403: 'PermissionDenied',
  404: 'NotFound',
  422: 'ValidationFailure',
}

/**
 * DefaultResponseErrorsSchema (docs/protocols/infisical.md#errors-and-retries): {reqId, statusCode,
 * message, error}.
 */
function fail(status: number, message: string, error = ERROR_NAMES[status] ?? 'Error'): never {
  throw new ReplyError(status, { reqId: `req-${randomBytes(6).toString('hex')}`, statusCode: status, message, error })
}

// ---------------------------------------------------------------------------------------------
// Writes: POST (create) and PATCH (update) /api/v3/secrets/raw/{name} (secret-router.ts v3)
// ---------------------------------------------------------------------------------------------

/** What a write needs of the server: the principal's project, folder and permission checks. */
interface WriteAccess {
  project(body: Record<string, unknown>): Project
  canWrite(environment: string, path: string): boolean
  now(): string
}

/** The body schema's secretValue transform: trimmed, keeping one final newline if there was one. */
export const serverTrim = (v: string): string => (v.at(-1) === '\n' ? `${v.trim()}\n` : v.trim())

/**
 * `${KEY}` and `${env.folder.KEY}` in a written value must name existing secrets
 * (getAllSecretReferences' pattern, $validateSecretReferences), else 400.
 */
function validateReferences(project: Project, environment: string, path: string, value: string): void {
  for (const [, ref] of value.matchAll(/\$\{([a-zA-Z0-9\-_.]+)\}/g)) {
    const parts = ref!.split('.')
    const key = parts.pop()!
    const env = parts.length === 0 ? environment : parts[0]!
    const folderPath = parts.length === 0 ? path : `/${parts.slice(1).join('/')}`
    if (!project.environments.has(env)) fail(400, `Referenced environment not found. Missing ${env}`)
    const folder = project.folders.get(`${env}:${trimSlash(folderPath)}`)
    if (!folder) fail(400, `Referenced path ${folderPath} doesn't exist`)
    if (!folder.secrets.some((x) => x.type === 'shared' && x.key === key))
      fail(400, `Referenced secret(s) not found: ${key}`)
  }
}

function writeRaw(
  access: WriteAccess,
  method: 'POST' | 'PATCH',
  rawName: string,
  body: Record<string, unknown>,
): unknown {
  const name = rawName.trim()
  const text = (field: string): string | undefined =>
    typeof body[field] === 'string' ? (body[field] as string).trim() : undefined
  if (typeof body.secretValue !== 'string') fail(422, 'secretValue: Required', 'ValidationFailure')
  const environment = text('environment')
  if (environment === undefined) fail(422, 'environment: Required', 'ValidationFailure')
  const type = body.type ?? 'shared'
  if (type !== 'shared' && type !== 'personal') fail(422, 'type: Invalid enum value', 'ValidationFailure')
  const project = access.project(body)
  const secretPath = trimSlash(text('secretPath') || '/')
  if (!project.environments.has(environment))
    fail(404, `Environment with slug '${environment}' in project with ID '${project.info.id}' not found`)
  if (project.info.e2ee) fail(400, 'Project bot not found. Please upgrade your project.', 'bot_not_found_error')
  const folder = project.folders.get(`${environment}:${secretPath}`)
  const value = serverTrim(body.secretValue)
  if (folder?.approval) {
    const id = randomUUID()
    return { approval: { id, slug: `approval-${id.slice(0, 8)}`, status: 'open', folderId: folder.id } }
  }
  // secret-v2-bridge-service.ts createSecret / updateSecret: the folder, then the key, then the
  // permission, then the references in the value.
  if (!folder) fail(404, `Folder with path '${secretPath}' in environment with slug '${environment}' not found`)
  const index = folder.secrets.findIndex((x) => x.type === type && x.key === name)
  if (method === 'POST' && index >= 0) fail(400, 'Secret already exist')
  if (method === 'PATCH' && index < 0) fail(404, `Secret with name ${name} not found`)
  if (!access.canWrite(environment, secretPath))
    fail(403, `You are not allowed to ${method === 'POST' ? 'create' : 'edit'} on secrets`, 'PermissionDenied')
  validateReferences(project, environment, secretPath, value)
  let stored: StoredSecret
  if (method === 'POST') {
    stored = {
      id: randomUUID(),
      type,
      version: 1,
      key: name,
      value,
      comment: '',
      hidden: false,
      createdAt: access.now(),
    }
    folder.secrets.push(stored)
  } else {
    stored = { ...folder.secrets[index]!, value, version: folder.secrets[index]!.version + 1 }
    folder.secrets[index] = stored
  }
  return {
    secret: {
      id: stored.id,
      _id: stored.id,
      workspace: project.info.id,
      environment,
      version: stored.version,
      type: stored.type,
      secretKey: stored.key,
      secretValue: stored.value,
      secretComment: stored.comment,
      secretPath,
      skipMultilineEncoding: false,
      secretValueHidden: false,
      createdAt: stored.createdAt,
      updatedAt: access.now(),
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

class Server implements InfisicalServer {
  url = ''
  requests: RequestLogEntry[] = []
  revoked: string[] = []
  private readonly projects = new Map<string, Project>()
  private readonly tokens = new Map<string, TokenRecord>()
  private readonly identities = new Map<string, IdentityRecord>()
  /** Identity access token → identity. */
  private readonly sessions = new Map<string, IdentityRecord>()
  private readonly attempts = new Map<string, number>()
  private readonly http: http.Server
  private readonly now: () => number

  constructor(private readonly opts: InfisicalServerOptions) {
    this.now = opts.now ?? Date.now
    this.http = http.createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        console.error('infisical test server:', error)
        if (!res.headersSent) res.writeHead(500).end()
      })
    })
  }

  async listen(): Promise<void> {
    const port = await listenOnLoopback(this.http, 'infisical test server')
    this.url = `http://127.0.0.1:${port}`
  }

  close(): Promise<void> {
    return closeServer(this.http)
  }

  resetLog(): void {
    this.requests.length = 0
    this.attempts.clear()
  }

  // ---- seeding --------------------------------------------------------------------------------

  createProject(opts: { slug?: string; e2ee?: boolean; environments?: string[] } = {}): ProjectInfo {
    const id = randomUUID()
    const e2ee = opts.e2ee === true
    const info: ProjectInfo = {
      id,
      slug: opts.slug ?? `project-${id.slice(0, 8)}`,
      e2ee,
      ...(e2ee ? { key: hex32() } : {}),
    }
    const project: Project = {
      info,
      environments: new Set(opts.environments ?? ['dev', 'staging', 'prod']),
      folders: new Map(),
    }
    for (const env of project.environments)
      project.folders.set(`${env}:/`, { id: randomUUID(), secrets: [], imports: [] })
    this.projects.set(id, project)
    return info
  }

  private project(id: string): Project {
    const p = this.projects.get(id)
    if (!p) throw new Error(`test server: unknown project ${id}`)
    return p
  }

  createFolder(projectId: string, environment: string, path: string): void {
    this.folderFor(this.project(projectId), environment, path)
  }

  private folderFor(project: Project, environment: string, path: string): Folder {
    if (!project.environments.has(environment)) throw new Error(`test server: unknown environment ${environment}`)
    const norm = trimSlash(path.startsWith('/') ? path : `/${path}`)
    const parts = norm.split('/').filter(Boolean)
    let folder = project.folders.get(`${environment}:/`)!
    for (let i = 1; i <= parts.length; i++) {
      const p = `/${parts.slice(0, i).join('/')}`
      let f = project.folders.get(`${environment}:${p}`)
      if (!f) {
        f = { id: randomUUID(), secrets: [], imports: [] }
        project.folders.set(`${environment}:${p}`, f)
      }
      folder = f
    }
    return folder
  }

  setSecret(
    projectId: string,
    s: {
      environment: string
      path?: string
      key: string
      value: string
      comment?: string
      type?: 'shared' | 'personal'
    },
  ): void {
    const project = this.project(projectId)
    const folder = this.folderFor(project, s.environment, s.path ?? '/')
    const type = s.type ?? 'shared'
    const index = folder.secrets.findIndex((x) => x.type === type && this.plainKey(project, x) === s.key)
    const stored: StoredSecret = {
      id: randomUUID(),
      type,
      version: 1,
      hidden: false,
      createdAt: new Date(this.now()).toISOString(),
      ...(project.info.e2ee
        ? {
            keyEnc: encryptSymmetric(s.key, project.info.key!),
            valueEnc: encryptSymmetric(s.value, project.info.key!),
            commentEnc: encryptSymmetric(s.comment ?? '', project.info.key!),
          }
        : { key: s.key, value: s.value, comment: s.comment ?? '' }),
    }
    if (index >= 0) folder.secrets[index] = { ...stored, version: folder.secrets[index]!.version + 1 }
    else folder.secrets.push(stored)
  }

  addImport(projectId: string, into: Scope, from: Scope): void {
    const project = this.project(projectId)
    this.folderFor(project, from.environment, from.secretPath)
    this.folderFor(project, into.environment, into.secretPath).imports.push({
      environment: from.environment,
      secretPath: trimSlash(from.secretPath),
    })
  }

  createServiceToken(projectId: string, opts: ServiceTokenOptions = {}): string {
    const project = this.project(projectId)
    const id = randomUUID()
    const secret = hex32()
    const symKey = opts.symKey ?? hex32()
    const withKey = opts.withKey ?? project.info.e2ee
    const sealed =
      withKey && project.info.key ? encryptSymmetric(project.info.key, symKey) : { ciphertext: '', iv: '', tag: '' }
    this.tokens.set(id, {
      id,
      secret,
      projectId,
      scopes: opts.scopes ?? [{ environment: 'prod', secretPath: '/**' }],
      permissions: opts.permissions ?? ['read'],
      expiresAt: opts.expiresAt ? opts.expiresAt.getTime() : null,
      legacyShape: opts.legacyShape === true,
      encryptedKey: sealed.ciphertext,
      iv: sealed.iv,
      tag: sealed.tag,
      createdAt: new Date(this.now()).toISOString(),
    })
    return `st.${id}.${secret}.${symKey}`
  }

  createIdentity(projectIds: string[], opts: IdentityOptions = {}): { clientId: string; clientSecret: string } {
    const identity = {
      clientId: randomUUID(),
      clientSecret: randomBytes(32).toString('hex'),
      projectIds: new Set(projectIds),
      readOnly: opts.readOnly === true,
    }
    this.identities.set(identity.clientId, identity)
    return { clientId: identity.clientId, clientSecret: identity.clientSecret }
  }

  createOidcIdentity(projectIds: string[], config: OidcAuthConfig, opts: IdentityOptions = {}): string {
    const id = randomUUID()
    this.identities.set(id, {
      clientId: id,
      clientSecret: '',
      projectIds: new Set(projectIds),
      readOnly: opts.readOnly === true,
      oidc: config,
    })
    return id
  }

  createAwsIdentity(projectIds: string[], config: AwsAuthConfig): string {
    const id = randomUUID()
    this.identities.set(id, { clientId: id, clientSecret: '', projectIds: new Set(projectIds), aws: config })
    return id
  }

  private findStored(projectId: string, environment: string, path: string, key: string): StoredSecret {
    const project = this.project(projectId)
    const folder = project.folders.get(`${environment}:${trimSlash(path)}`)
    const s = folder?.secrets.find((x) => this.plainKey(project, x) === key)
    if (!s) throw new Error(`test server: no secret ${key} at ${environment}:${path}`)
    return s
  }

  tamperSecret(projectId: string, environment: string, path: string, key: string, field: 'value' | 'key'): void {
    const s = this.findStored(projectId, environment, path, key)
    const sealed = field === 'value' ? s.valueEnc : s.keyEnc
    if (!sealed) throw new Error('test server: only E2EE secrets can be tampered with')
    const tag = Buffer.from(sealed.tag, 'base64')
    tag[0]! ^= 1
    sealed.tag = tag.toString('base64')
  }

  requireApproval(projectId: string, environment: string, path: string): void {
    this.folderFor(this.project(projectId), environment, path).approval = true
  }

  hideSecretValue(projectId: string, environment: string, path: string, key: string): void {
    this.findStored(projectId, environment, path, key).hidden = true
  }

  readStored(
    projectId: string,
    environment: string,
    path: string,
    key: string,
  ): { value: string; comment: string } | undefined {
    const project = this.project(projectId)
    const s = this.findStored(projectId, environment, path, key)
    if (!project.info.e2ee) return { value: s.value!, comment: s.comment! }
    return {
      value: decryptSymmetric(s.valueEnc!, project.info.key!),
      comment: decryptSymmetric(s.commentEnc!, project.info.key!),
    }
  }

  /** The key in clear, for seeding only (the server of an E2EE project never does this on the wire). */
  private plainKey(project: Project, s: StoredSecret): string {
    return project.info.e2ee ? decryptSymmetric(s.keyEnc!, project.info.key!) : s.key!
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = parsed.pathname
    const params = Object.fromEntries(parsed.searchParams)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const log = (status: number): void =>
      void this.requests.push({ method, path, status, query: parsed.search, params, headers: req.headers, body })

    const attemptKey = `${method} ${path}`
    const attempt = (this.attempts.get(attemptKey) ?? 0) + 1
    this.attempts.set(attemptKey, attempt)
    const fault = this.opts.onRequest?.({ method, path, attempt })
    if (fault && 'destroy' in fault) {
      log(0)
      req.socket.destroy()
      return
    }
    if (fault && 'delayMs' in fault) {
      await new Promise((r) => setTimeout(r, fault.delayMs))
      // The client gave up (a timeout): drop the request unlogged, so a later test's log stays its own.
      if (req.socket.destroyed) return
    }
    if (fault && 'status' in fault) {
      log(fault.status)
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(fault.body ?? '')
      return
    }

    let status = 200
    let payload: unknown
    try {
      payload = this.route(method, path, params, req.headers, body)
    } catch (err) {
      if (!(err instanceof ReplyError)) throw err
      status = err.status
      payload = err.payload
    }
    log(status)
    if (fault && 'truncateAfter' in fault) {
      const bytes = Buffer.from(JSON.stringify(payload))
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(bytes.length),
      })
      res.write(bytes.subarray(0, fault.truncateAfter), () => res.socket?.destroy())
      return
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload))
  }

  private route(
    method: string,
    path: string,
    params: Record<string, string>,
    headers: http.IncomingHttpHeaders,
    body: string,
  ): unknown {
    if (method === 'POST' && path === '/api/v1/auth/universal-auth/login') return this.login(headers, body)
    if (method === 'POST' && path === '/api/v1/auth/oidc-auth/login') return this.oidcLogin(headers, body)
    if (method === 'POST' && path === '/api/v1/auth/aws-auth/login') return this.awsLogin(headers, body)
    if (method === 'POST' && path === '/api/v1/auth/token/revoke') return this.revoke(headers, body)
    if (method === 'GET' && path === '/api/v2/service-token') return this.tokenDetails(this.authenticate(headers))
    if (method === 'GET' && path === '/api/v3/secrets/raw') return this.listRaw(this.authenticate(headers), params)
    if (method === 'GET' && path === '/api/v3/secrets') return this.listEncrypted(this.authenticate(headers), params)
    const name = /^\/api\/v3\/secrets\/raw\/([^/]+)$/.exec(path)?.[1]
    if (name !== undefined && (method === 'POST' || method === 'PATCH'))
      return writeRaw(
        this.writeAccess(this.authenticate(headers)),
        method,
        decodeURIComponent(name),
        this.fields(headers, body),
      )
    return fail(404, `Route ${method}:${path} not found`, 'Not Found')
  }

  /** inject-identity.ts: `Bearer ` + a service token (st.) or an identity access token. */
  private authenticate(headers: http.IncomingHttpHeaders): Principal {
    if (headers['x-api-key'] !== undefined) fail(401, 'API key authentication is not supported anymore')
    const auth = headers.authorization
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) fail(401, 'Token missing', 'UnauthorizedError')
    const value = auth.slice(7)
    if (value.startsWith('st.')) {
      if (headers['x-infisical-org'] !== undefined) fail(400, 'Service tokens cannot select an organization')
      // fnValidateServiceToken: split into at most 3 parts; a 4th part is ignored.
      const [, id = '', secret = ''] = value.split('.', 3)
      const token = this.tokens.get(id)
      if (!token) fail(404, `Service token with ID '${id}' not found`)
      if (token.expiresAt !== null && token.expiresAt < this.now()) {
        this.tokens.delete(id)
        fail(403, 'Service token has expired')
      }
      if (secret !== token.secret) fail(401, 'Invalid service token')
      return { kind: 'token', token }
    }
    const identity = this.sessions.get(value)
    if (!identity) fail(401, 'Invalid token', 'UnauthorizedError')
    return { kind: 'identity', identity }
  }

  /** The server registers @fastify/formbody: a body is form-urlencoded or JSON, by its content type. */
  private fields(headers: http.IncomingHttpHeaders, body: string): Record<string, unknown> {
    const type = String(headers['content-type'] ?? '')
    try {
      if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body))
      if (type.startsWith('application/json')) return JSON.parse(body) as Record<string, unknown>
    } catch {
      fail(400, 'Body is not valid JSON')
    }
    return fail(415, `Unsupported Media Type: ${type}`, 'Unsupported Media Type')
  }

  private issue(identity: IdentityRecord): unknown {
    const accessToken = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ identityId: identity.clientId, nonce: hex32() })).toString('base64url')}.${randomBytes(32).toString('base64url')}`
    this.sessions.set(accessToken, identity)
    return { accessToken, expiresIn: 2592000, accessTokenMaxTTL: 2592000, tokenType: 'Bearer' }
  }

  /** Looks up identityId for a method, as the real services do (404 when that auth is not configured). */
  private identityFor(fields: Record<string, unknown>, kind: 'oidc' | 'aws'): IdentityRecord {
    const identityId = typeof fields.identityId === 'string' ? fields.identityId.trim() : ''
    const identity = this.identities.get(identityId)
    if (!identity?.[kind]) {
      fail(
        404,
        kind === 'oidc'
          ? 'OIDC auth method not found for identity, did you configure OIDC auth?'
          : 'AWS auth method not found for identity, did you configure AWS auth?',
      )
    }
    return identity
  }

  private oidcLogin(headers: http.IncomingHttpHeaders, body: string): unknown {
    const fields = this.fields(headers, body)
    const identity = this.identityFor(fields, 'oidc')
    const jwt = typeof fields.jwt === 'string' ? fields.jwt.trim() : ''
    try {
      checkOidcToken(jwt, identity.oidc!, this.now())
    } catch (err) {
      if (err instanceof AuthFailure) fail(err.status, err.message)
      throw err
    }
    return this.issue(identity)
  }

  private awsLogin(headers: http.IncomingHttpHeaders, body: string): unknown {
    const fields = this.fields(headers, body)
    const identity = this.identityFor(fields, 'aws')
    try {
      checkAwsRequest(fields, identity.aws!, this.now())
    } catch (err) {
      if (err instanceof AuthFailure) fail(err.status, err.message)
      throw err
    }
    return this.issue(identity)
  }

  /** identity-access-token-router.ts: no bearer; the token in the body. */
  private revoke(headers: http.IncomingHttpHeaders, body: string): unknown {
    const fields = this.fields(headers, body)
    const token = typeof fields.accessToken === 'string' ? fields.accessToken.trim() : ''
    if (!this.sessions.delete(token)) fail(401, 'Invalid token', 'UnauthorizedError')
    this.revoked.push(token)
    return { message: 'Successfully revoked access token' }
  }

  private login(headers: http.IncomingHttpHeaders, body: string): unknown {
    const fields = this.fields(headers, body)
    const clientId = typeof fields.clientId === 'string' ? fields.clientId.trim() : ''
    const clientSecret = typeof fields.clientSecret === 'string' ? fields.clientSecret.trim() : ''
    if (clientId === '' || clientSecret === '') fail(422, 'clientId and clientSecret are required', 'ValidationFailure')
    const identity = this.identities.get(clientId)
    if (!identity || identity.clientSecret === '' || identity.clientSecret !== clientSecret)
      fail(401, 'Invalid credentials', 'UnauthorizedError')
    return this.issue(identity)
  }

  private tokenDetails(principal: Principal): unknown {
    if (principal.kind !== 'token') fail(403, 'Only service tokens can read service-token details')
    const t = principal.token
    const user = { id: 'u-1', _id: 'u-1', email: 'owner@example.com', firstName: 'Ada', lastName: 'Owner' }
    const common = {
      _id: t.id,
      __v: 0,
      name: 'ci',
      workspace: t.projectId,
      permissions: t.permissions,
      expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt).toISOString(),
      encryptedKey: t.encryptedKey,
      iv: t.iv,
      tag: t.tag,
      user,
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
    }
    if (t.legacyShape) return { ...common, environment: t.scopes[0]?.environment ?? '' }
    return {
      ...common,
      id: t.id,
      projectId: t.projectId,
      scopes: t.scopes,
      lastUsed: new Date(this.now()).toISOString(),
      createdBy: 'u-1',
      expiryNotificationSent: false,
    }
  }

  /**
   * Parses the query shared by the raw and the encrypted list, with the service-token rules of
   * docs/protocols/infisical.md#raw-read.
   */
  private readQuery(
    principal: Principal,
    params: Record<string, string>,
  ): {
    project: Project
    environment: string
    secretPath: string
    imports: boolean
    recursive: boolean
    expand: boolean
  } {
    const bool = (name: string): boolean => {
      const v = params[name]
      if (v === undefined) return false
      if (v !== 'true' && v !== 'false')
        fail(422, `Invalid value for ${name}: expected 'true' or 'false'`, 'ValidationFailure')
      return v === 'true'
    }
    let workspaceId = params.workspaceId
    let environment = params.environment
    let secretPath = trimSlash(params.secretPath ?? '/')
    if (principal.kind === 'token') {
      const t = principal.token
      // Single-scope override (deprecated-secret-router.ts).
      if (t.scopes.length === 1 && !isGlob(t.scopes[0]!.secretPath)) {
        workspaceId = t.projectId
        environment = t.scopes[0]!.environment
        secretPath = trimSlash(t.scopes[0]!.secretPath)
      }
    } else if (!workspaceId && params.workspaceSlug) {
      workspaceId = [...this.projects.values()].find((p) => p.info.slug === params.workspaceSlug)?.info.id
      if (!workspaceId) fail(404, `Project with slug '${params.workspaceSlug}' not found`)
    }
    if (!workspaceId || !environment) fail(400, 'Missing project id or environment')
    const project = this.projects.get(workspaceId)
    if (!project) fail(404, `Project with ID '${workspaceId}' not found`)
    if (principal.kind === 'token' && principal.token.projectId !== workspaceId)
      fail(403, 'You are not allowed to access this project')
    if (principal.kind === 'identity' && !principal.identity.projectIds.has(workspaceId))
      fail(403, 'You are not allowed to access this project')
    if (!project.environments.has(environment))
      fail(404, `Environment with slug '${environment}' in project with ID '${workspaceId}' not found`)
    if (!project.folders.has(`${environment}:${secretPath}`)) {
      fail(
        404,
        `Folder with path '${secretPath}' in environment '${environment}' was not found. Please ensure the environment slug and secret path is correct.`,
      )
    }
    if (!this.canRead(principal, environment, secretPath))
      fail(403, `You are not allowed to read secrets in environment '${environment}' at path '${secretPath}'`)
    return {
      project,
      environment,
      secretPath,
      imports: bool('include_imports'),
      recursive: bool('recursive'),
      expand: bool('expandSecretReferences'),
    }
  }

  /** The project a write names (workspaceId, or projectSlug), with the principal's access to it. */
  private writeAccess(principal: Principal): WriteAccess {
    return {
      project: (body) => {
        const id = typeof body.workspaceId === 'string' ? body.workspaceId.trim() : ''
        const slug = typeof body.projectSlug === 'string' ? body.projectSlug.trim() : ''
        if (id === '' && slug === '') fail(400, 'Must provide either project slug or projectId')
        const project =
          id !== '' ? this.projects.get(id) : [...this.projects.values()].find((p) => p.info.slug === slug)
        if (!project)
          fail(404, id !== '' ? `Project with ID '${id}' not found` : `Project with slug '${slug}' not found`)
        const allowed =
          principal.kind === 'token'
            ? principal.token.projectId === project.info.id
            : principal.identity.projectIds.has(project.info.id)
        if (!allowed) fail(403, 'You are not allowed to access this project', 'PermissionDenied')
        return project
      },
      canWrite: (environment, path) =>
        principal.kind === 'identity'
          ? principal.identity.readOnly !== true
          : principal.token.permissions.includes('write') &&
            principal.token.scopes.some((s) => s.environment === environment && globMatch(path, s.secretPath)),
      now: () => new Date(this.now()).toISOString(),
    }
  }

  private canRead(principal: Principal, environment: string, path: string): boolean {
    if (principal.kind === 'identity') return true
    const t = principal.token
    return (
      t.permissions.includes('read') &&
      t.scopes.some((s) => s.environment === environment && globMatch(path, s.secretPath))
    )
  }

  /** The folders a read covers: the folder, and with `recursive` every readable sub-folder. */
  private foldersOf(
    principal: Principal,
    project: Project,
    environment: string,
    secretPath: string,
    recursive: boolean,
  ): Array<[string, Folder]> {
    const out: Array<[string, Folder]> = []
    for (const [k, folder] of project.folders) {
      const [env, path] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)]
      if (env !== environment) continue
      const inside =
        path === secretPath || (recursive && (secretPath === '/' ? true : path.startsWith(`${secretPath}/`)))
      if (inside && (path === secretPath || this.canRead(principal, env, path))) out.push([path, folder])
    }
    return out
  }

  private listRaw(principal: Principal, params: Record<string, string>): unknown {
    const q = this.readQuery(principal, params)
    if (q.project.info.e2ee) {
      if (this.opts.oldBotWording) fail(400, 'failed to find bot key', 'BadRequest')
      fail(400, 'Project bot not found. Please upgrade your project.', 'bot_not_found_error')
    }
    const personalOk = principal.kind !== 'token' // service tokens get shared secrets only
    const rawItem = (s: StoredSecret, environment: string, path: string): Record<string, unknown> => {
      const value = s.hidden
        ? '<hidden-by-infisical>'
        : q.expand
          ? this.expand(
              principal,
              q.project,
              environment,
              path,
              s.value!,
              0,
              new Set([`${environment}:${path}:${s.key}`]),
            )
          : s.value!
      return {
        id: s.id,
        _id: s.id,
        workspace: q.project.info.id,
        environment,
        version: s.version,
        type: s.type,
        secretKey: s.key,
        secretValue: value,
        secretComment: s.comment,
        secretPath: path,
        skipMultilineEncoding: false,
        secretValueHidden: s.hidden,
        tags: [],
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
      }
    }
    const secrets = this.foldersOf(principal, q.project, q.environment, q.secretPath, q.recursive).flatMap(
      ([path, folder]) =>
        folder.secrets.filter((s) => s.type === 'shared' || personalOk).map((s) => rawItem(s, q.environment, path)),
    )
    const result: Record<string, unknown> = { secrets }
    if (q.imports) {
      const root = q.project.folders.get(`${q.environment}:${q.secretPath}`)!
      result.imports = root.imports.map((imp) => {
        const folder = q.project.folders.get(`${imp.environment}:${imp.secretPath}`)!
        return {
          secretPath: imp.secretPath,
          environment: imp.environment,
          folderId: folder.id,
          secrets: folder.secrets
            .filter((s) => s.type === 'shared')
            .map((s) => {
              const item = rawItem(s, imp.environment, imp.secretPath)
              return {
                id: item.id,
                secretKey: item.secretKey,
                secretValue: item.secretValue,
                type: item.type,
                version: item.version,
                secretValueHidden: item.secretValueHidden,
                secretComment: item.secretComment,
              }
            }),
        }
      })
    }
    return result
  }

  /**
   * Server-side `${…}` expansion (docs/protocols/infisical.md#secret-references): depth 10, unknown
   * or unreadable references stay literal.
   */
  private expand(
    principal: Principal,
    project: Project,
    environment: string,
    path: string,
    value: string,
    depth: number,
    seen: Set<string>,
  ): string {
    if (depth >= 10) return value
    return value.replace(/\$\{([^}]+)\}/g, (whole, ref: string) => {
      const parts = ref.split('.')
      const key = parts.pop()!
      const env = parts.length === 0 ? environment : parts[0]!
      const folderPath = parts.length === 0 ? path : `/${parts.slice(1).join('/')}`
      const id = `${env}:${folderPath}:${key}`
      if (seen.has(id) || !this.canRead(principal, env, folderPath)) return whole
      const s = project.folders.get(`${env}:${folderPath}`)?.secrets.find((x) => x.type === 'shared' && x.key === key)
      if (!s) return whole
      return this.expand(principal, project, env, folderPath, s.value!, depth + 1, new Set([...seen, id]))
    })
  }

  private listEncrypted(principal: Principal, params: Record<string, string>): unknown {
    const q = this.readQuery(principal, params)
    // Upgraded (bot/KMS) projects have nothing in the legacy table.
    if (!q.project.info.e2ee) return { secrets: [], ...(q.imports ? { imports: [] } : {}) }
    const item = (s: StoredSecret, environment: string, folder: Folder): Record<string, unknown> => ({
      id: s.id,
      _id: s.id,
      version: s.version,
      type: s.type,
      workspace: q.project.info.id,
      environment,
      secretKeyCiphertext: s.keyEnc!.ciphertext,
      secretKeyIV: s.keyEnc!.iv,
      secretKeyTag: s.keyEnc!.tag,
      secretValueCiphertext: s.valueEnc!.ciphertext,
      secretValueIV: s.valueEnc!.iv,
      secretValueTag: s.valueEnc!.tag,
      secretCommentCiphertext: s.commentEnc!.ciphertext,
      secretCommentIV: s.commentEnc!.iv,
      secretCommentTag: s.commentEnc!.tag,
      algorithm: 'aes-256-gcm',
      keyEncoding: 'utf8',
      folderId: folder.id,
      tags: [],
      createdAt: s.createdAt,
      updatedAt: s.createdAt,
    })
    const secrets = this.foldersOf(principal, q.project, q.environment, q.secretPath, q.recursive).flatMap(
      ([, folder]) => folder.secrets.map((s) => item(s, q.environment, folder)),
    )
    const result: Record<string, unknown> = { secrets }
    if (q.imports) {
      const root = q.project.folders.get(`${q.environment}:${q.secretPath}`)!
      result.imports = root.imports.map((imp) => {
        const folder = q.project.folders.get(`${imp.environment}:${imp.secretPath}`)!
        return {
          secretPath: imp.secretPath,
          environment: imp.environment,
          folderId: folder.id,
          secrets: folder.secrets.map((s) => item(s, imp.environment, folder)),
        }
      })
    }
    return result
  }
}

export async function startInfisicalServer(opts: InfisicalServerOptions = {}): Promise<InfisicalServer> {
  const server = new Server(opts)
  await server.listen()
  return server
}
