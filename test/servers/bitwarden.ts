/**
 * A local Bitwarden Secrets Manager (identity + API) that behaves like the real service on the wire.
 *
 * Faithful to docs/protocols/bitwarden.md (token minting #access-token, #login, the payload
 * #organization-key, API and errors #api) and to bitwarden/server's controllers where the notes are
 * silent (write endpoints, authorization rules). Identity lives under /identity and the API under
 * /api, like a self-hosted install, so `base_url = server.url` works. Crypto is node:crypto
 * (./bitwarden-crypto.ts), sharing no code with the action's. Listens on 127.0.0.1 only.
 *
 * Run standalone: `npx tsx test/servers/bitwarden.ts` seeds the demo data and prints the token.
 */
import http from 'node:http'
import https from 'node:https'
import { randomBytes, randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import {
  createJwtSigner,
  decryptEncString,
  deriveAccessTokenKey,
  encryptToEncString,
  fromBase64,
  generateClientSecret,
  hashClientSecret,
  hashesEqual,
  parseEncString,
  randomKey64,
  tamperEncString,
  toBase64,
  type JwtSigner,
} from './bitwarden-crypto.js'
import { closeServer, listenOnLoopback, type FaultAction } from './loopback.js'

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type { FaultAction }

export interface BitwardenServerOptions {
  /** Clock in ms since the epoch; drives token expiry, JWT exp, dates and the rate limiter. */
  now?: () => number
  /**
   * Per-second POST limit, counted separately for identity and API (they are separate services in
   * production). Requests over the limit get 429 + Retry-After + the vendor's body
   * (docs/protocols/bitwarden.md#login-errors, #api-errors).
   */
  rateLimit?: { postPerSecond: number }
  /** Called first for every request; `attempt` counts this method+path, 1-based. */
  onRequest?: (req: { method: string; path: string; attempt: number }) => FaultAction | undefined
  /** `expires_in` of issued JWTs in seconds (default 3600, like SecretsManagerApiKeyProvider). */
  accessTokenLifetime?: number
  /**
   * List secrets without their `read`/`write` flags, as older bitwarden/server versions did
   * (SecretWithProjectsListResponseModel before the flags were added).
   */
  legacyListing?: boolean
  /** Serve HTTPS with this key and certificate (PEM); `url` is then https://127.0.0.1:PORT. */
  tls?: { key: string; cert: string }
}

export interface RequestLogEntry {
  method: string
  /** Full path without the query string, e.g. `/api/secrets/get-by-ids`. */
  path: string
  /** Status sent; 0 if the socket was destroyed by a fault. */
  status: number
  /** The query string including `?`, or ''. */
  query: string
  /** Request headers as received (lower-case names), to check what a client sends. */
  headers: http.IncomingHttpHeaders
  /** Request body as text ('' if none or not read). Test data only: it may hold secrets. */
  body: string
}

export interface Grants {
  projects?: string[]
  secrets?: string[]
  /** Grant write as well as read (needed to create/update/delete). Default false. */
  write?: boolean
}

/** A secret as stored: key/value/note are EncStrings under the organization key. */
export interface StoredSecret {
  id: string
  organizationId: string
  key: string
  value: string
  note: string
  projectIds: string[]
  creationDate: number
  revisionDate: number
}

export interface BitwardenServer {
  url: string
  identityUrl: string
  apiUrl: string
  requests: RequestLogEntry[]
  /** Empties `requests` and restarts the per-method+path `attempt` counts of the fault hook. */
  resetLog(): void
  close(): Promise<void>
  createOrganization(opts?: { id?: string; key?: Uint8Array }): { id: string; key: Uint8Array }
  /** Disabled organizations cannot log in (invalid_client), like an org without SM. */
  setOrganizationEnabled(orgId: string, enabled: boolean): void
  createProject(orgId: string, name: string): string
  createSecret(orgId: string, s: { key: string; value: string; note?: string; projectIds?: string[] }): string
  /** Stores already-encrypted fields verbatim (e.g. the login vector, docs/protocols/bitwarden.md#login-vector). */
  importSecret(
    orgId: string,
    s: { id?: string; key: string; value: string; note: string; projectIds?: string[]; creationDate?: Date },
  ): string
  createMachineAccount(orgId: string, grants?: Grants, opts?: { id?: string }): string
  grant(accountId: string, grants: Grants): void
  /** Mints a token like the web vault and returns its full text. */
  createAccessToken(
    accountId: string,
    opts?: { expiresAt?: Date; id?: string; clientSecret?: string; seed?: Uint8Array; encryptedPayload?: string },
  ): string
  revokeAccessToken(token: string): void
  tamperSecretValue(secretId: string): void
  /** The stored record (EncStrings verbatim), e.g. to inspect what a client wrote. */
  getStoredSecret(secretId: string): StoredSecret | undefined
  /** Decrypts a stored secret with the server's own crypto. */
  readSecret(secretId: string): { key: string; value: string; note: string; projectIds: string[] }
  /** Decrypts a stored project name with the server's own crypto. */
  readProjectName(projectId: string): string
}

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

interface Organization {
  id: string
  key: Uint8Array
  enabled: boolean
}

interface Project {
  id: string
  organizationId: string
  name: string
  creationDate: number
  revisionDate: number
}

interface Access {
  read: boolean
  write: boolean
}

interface MachineAccount {
  id: string
  organizationId: string
  projects: Map<string, Access>
  secrets: Map<string, Access>
  /** Bumped on grant changes so that sync reports hasChanges. */
  revisionDate: number
}

interface AccessTokenRecord {
  id: string
  accountId: string
  secretHash: string
  encryptedPayload: string
  expiresAt: number | null
  revoked: boolean
}

const NO_ACCESS: Access = { read: false, write: false }

class Store {
  readonly orgs = new Map<string, Organization>()
  readonly projects = new Map<string, Project>()
  /** Insertion order is "database order": list endpoints and get-by-ids answer in it. */
  readonly secrets = new Map<string, StoredSecret>()
  readonly accounts = new Map<string, MachineAccount>()
  readonly tokens = new Map<string, AccessTokenRecord>()

  org(id: string): Organization {
    return must(this.orgs.get(id), `organization ${id}`)
  }

  account(id: string): MachineAccount {
    return must(this.accounts.get(id), `machine account ${id}`)
  }

  /** Direct grant or a grant on one of the secret's projects (bitwarden/server AccessToSecretAsync). */
  secretAccess(account: MachineAccount, secret: StoredSecret): Access {
    if (secret.organizationId !== account.organizationId) return NO_ACCESS
    const grants = [account.secrets.get(secret.id), ...secret.projectIds.map((p) => account.projects.get(p))]
    return {
      read: grants.some((g) => g?.read === true),
      write: grants.some((g) => g?.write === true),
    }
  }

  projectAccess(account: MachineAccount, project: Project): Access {
    if (project.organizationId !== account.organizationId) return NO_ACCESS
    return account.projects.get(project.id) ?? NO_ACCESS
  }

  readableSecrets(account: MachineAccount, filter: (s: StoredSecret) => boolean = () => true): StoredSecret[] {
    return [...this.secrets.values()].filter((s) => filter(s) && this.secretAccess(account, s).read)
  }
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test server: unknown ${what}`)
  return value
}

/** Grants only add: a read grant never takes away write access given earlier. */
function addGrants(account: MachineAccount, grants: Grants, now: number): void {
  const add = (map: Map<string, Access>, id: string): void => {
    const key = normalizeGuid(id) ?? id
    map.set(key, { read: true, write: grants.write === true || map.get(key)?.write === true })
  }
  for (const p of grants.projects ?? []) add(account.projects, p)
  for (const s of grants.secrets ?? []) add(account.secrets, s)
  account.revisionDate = now
}

// ---------------------------------------------------------------------------------------------
// Wire helpers
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number
  json?: unknown
  headers?: Record<string, string>
}

/** Thrown by handlers to answer early (404, 400, ...). */
class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`)
  }
}

/** bitwarden/server ErrorResponseModel, camelCase. */
function errorModel(message: string, validationErrors: Record<string, string[]> | null = null): unknown {
  return {
    message,
    validationErrors,
    exceptionMessage: null,
    exceptionStackTrace: null,
    innerExceptionMessage: null,
    object: 'error',
  }
}

function notFound(): never {
  throw new ReplyError({ status: 404, json: errorModel('Resource not found.') })
}

function badRequest(message: string): never {
  throw new ReplyError({ status: 400, json: errorModel(message) })
}

function invalidModel(field: string, message: string): never {
  throw new ReplyError({ status: 400, json: errorModel('The model state is invalid.', { [field]: [message] }) })
}

function oauthError(error: string): Reply {
  return { status: 400, json: { error } }
}

/** .NET Guid.TryParse forms: hyphenated (optionally braced) or 32 digits; the server writes lowercase hyphenated. */
function normalizeGuid(text: string): string | undefined {
  const t = text.trim()
  const hyphenated = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i.exec(t)
  const braced = t.startsWith('{') === t.endsWith('}')
  const hex = hyphenated && braced ? hyphenated.slice(1).join('') : /^[0-9a-f]{32}$/i.test(t) ? t : undefined
  if (hex === undefined) return undefined
  const h = hex.toLowerCase()
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function routeGuid(text: string, name: string): string {
  return normalizeGuid(decodeURIComponent(text)) ?? invalidModel(name, `The value '${text}' is not valid.`)
}

/** .NET DateTime "O" format, 7 fractional digits, as bitwarden/server writes dates. */
function dotnetDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis: string) => `.${millis}0000Z`)
}

function isEncString(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    parseEncString(value)
    return true
  } catch {
    return false
  }
}

function parseJsonBody(body: string): unknown {
  if (body.trim() === '') invalidModel('', 'A non-empty request body is required.')
  try {
    return JSON.parse(body) as unknown
  } catch {
    return invalidModel('$', 'The JSON value could not be parsed.')
  }
}

function requireEncString(body: Record<string, unknown>, field: string, maxLength?: number): string {
  const value = body[field]
  if (value === undefined || value === null)
    invalidModel(capitalize(field), `The ${capitalize(field)} field is required.`)
  if (!isEncString(value)) invalidModel(capitalize(field), `${capitalize(field)} is not a valid encrypted string.`)
  // EncryptedStringLengthAttribute (bitwarden/server src/Core/Utilities): the EncString's characters.
  if (maxLength !== undefined && value.length > maxLength)
    invalidModel(
      capitalize(field),
      `The field ${capitalize(field)} exceeds the maximum encrypted value length of ${maxLength} characters.`,
    )
  return value
}

/** SecretCreateRequestModel / SecretUpdateRequestModel: [EncryptedStringLength] of key, value, note. */
const SECRET_FIELD_LIMITS = { key: 1000, value: 35000, note: 10000 } as const

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidModel('$', 'Expected a JSON object.')
  return value as Record<string, unknown>
}

function guidList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) invalidModel(field, `The ${field} field is required.`)
  return value.map((v, i) =>
    typeof v === 'string' && normalizeGuid(v) !== undefined
      ? (normalizeGuid(v) as string)
      : invalidModel(`${field}[${i}]`, 'The JSON value could not be converted to System.Guid.'),
  )
}

// ---------------------------------------------------------------------------------------------
// Response models (bitwarden/server src/Api/SecretsManager/Models/Response)
// ---------------------------------------------------------------------------------------------

interface Principal {
  account: MachineAccount
  organizationId: string
}

class Models {
  /** false: the secrets listing leaves out `read`/`write`, as older servers' SecretsWithProjectsInnerSecret did. */
  listingFlags = true

  constructor(private readonly store: Store) {}

  private innerProjects(secret: StoredSecret): Array<{ id: string; name: string }> {
    return secret.projectIds.map((id) => ({ id, name: must(this.store.projects.get(id), `project ${id}`).name }))
  }

  /** BaseSecretResponseModel: every field the SDK requires, no read/write. */
  baseSecret(secret: StoredSecret, object = 'baseSecret'): Record<string, unknown> {
    return {
      object,
      id: secret.id,
      organizationId: secret.organizationId,
      key: secret.key,
      value: secret.value,
      note: secret.note,
      creationDate: dotnetDate(secret.creationDate),
      revisionDate: dotnetDate(secret.revisionDate),
      projects: this.innerProjects(secret),
    }
  }

  secret(secret: StoredSecret, access: Access): Record<string, unknown> {
    return { ...this.baseSecret(secret, 'secret'), read: access.read, write: access.write }
  }

  /** SecretWithProjectsListResponseModel: keys only, never value or note. */
  secretsWithProjects(principal: Principal, secrets: StoredSecret[]): unknown {
    const projectIds = [...new Set(secrets.flatMap((s) => s.projectIds))]
    return {
      secrets: secrets.map((s) => {
        const access = this.store.secretAccess(principal.account, s)
        return {
          id: s.id,
          organizationId: s.organizationId,
          key: s.key,
          creationDate: dotnetDate(s.creationDate),
          revisionDate: dotnetDate(s.revisionDate),
          projects: this.innerProjects(s),
          ...(this.listingFlags ? { read: access.read, write: access.write } : {}),
        }
      }),
      projects: projectIds.map((id) => ({ id, name: must(this.store.projects.get(id), `project ${id}`).name })),
      object: 'SecretsWithProjectsList',
    }
  }

  project(project: Project, access: Access): Record<string, unknown> {
    return {
      object: 'project',
      id: project.id,
      organizationId: project.organizationId,
      name: project.name,
      creationDate: dotnetDate(project.creationDate),
      revisionDate: dotnetDate(project.revisionDate),
      read: access.read,
      write: access.write,
    }
  }

  list(data: unknown[]): unknown {
    return { object: 'list', data, continuationToken: null }
  }
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

interface RequestContext {
  req: http.IncomingMessage
  path: string
  query: URLSearchParams
  body: string
}

interface ApiContext extends RequestContext {
  principal: Principal
}

interface Route {
  method: string
  pattern: RegExp
  /** Route segments captured by `pattern` arrive as `params`. */
  handle: (ctx: RequestContext, params: string[]) => Reply
}

// Bitwarden's server is ASP.NET Core on Kestrel, whose default MaxRequestBodySize is 30,000,000 bytes;
// the official SDK sends every id in one get-by-ids (50,000 ids is ~2 MB), so the same limit here.
const MAX_BODY = 30_000_000

class Server implements BitwardenServer {
  url = ''
  identityUrl = ''
  apiUrl = ''
  requests: RequestLogEntry[] = []

  private readonly store = new Store()
  private readonly models = new Models(this.store)
  private readonly signer: JwtSigner = createJwtSigner()
  private readonly now: () => number
  private readonly lifetime: number
  private readonly attempts = new Map<string, number>()
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly http: http.Server
  private readonly routes: Route[]

  constructor(private readonly opts: BitwardenServerOptions) {
    this.now = opts.now ?? Date.now
    this.lifetime = opts.accessTokenLifetime ?? 3600
    this.models.listingFlags = opts.legacyListing !== true
    this.routes = this.buildRoutes()
    const handler: http.RequestListener = (req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        // A bug in the test server must show up as a 500, not as a hung client.
        console.error('bitwarden test server:', error)
        if (!res.headersSent) res.writeHead(500).end()
      })
    }
    this.http = opts.tls
      ? (https.createServer(opts.tls, handler) as unknown as http.Server)
      : http.createServer(handler)
  }

  async listen(): Promise<void> {
    const port = await listenOnLoopback(this.http, 'bitwarden test server')
    this.url = `${this.opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`
    this.identityUrl = `${this.url}/identity`
    this.apiUrl = `${this.url}/api`
  }

  close(): Promise<void> {
    return closeServer(this.http)
  }

  resetLog(): void {
    this.requests.length = 0
    this.attempts.clear()
  }

  // ---- routing ---------------------------------------------------------------------------

  private buildRoutes(): Route[] {
    const api = (method: string, pattern: RegExp, fn: (ctx: ApiContext, params: string[]) => Reply): Route => ({
      method,
      pattern,
      handle: (ctx, params) => fn({ ...ctx, principal: this.authenticate(ctx.req) }, params),
    })
    const G = '([^/]+)' // a route segment; handlers parse it as a GUID
    return [
      { method: 'POST', pattern: /^\/identity\/connect\/token$/, handle: (ctx) => this.token(ctx) },
      api('POST', /^\/api\/secrets\/get-by-ids$/, (ctx) => this.getByIds(ctx)),
      api('POST', /^\/api\/secrets\/delete$/, (ctx) => this.deleteSecrets(ctx)),
      api('GET', new RegExp(`^/api/secrets/${G}$`), (ctx, [id]) => this.getSecret(ctx, id)),
      api('PUT', new RegExp(`^/api/secrets/${G}$`), (ctx, [id]) => this.updateSecret(ctx, id)),
      api('GET', new RegExp(`^/api/organizations/${G}/secrets/sync$`), (ctx, [org]) => this.sync(ctx, org)),
      api('GET', new RegExp(`^/api/organizations/${G}/secrets$`), (ctx, [org]) => this.listOrgSecrets(ctx, org)),
      api('POST', new RegExp(`^/api/organizations/${G}/secrets$`), (ctx, [org]) => this.createSecretApi(ctx, org)),
      api('GET', new RegExp(`^/api/projects/${G}/secrets$`), (ctx, [id]) => this.listProjectSecrets(ctx, id)),
      api('POST', /^\/api\/projects\/delete$/, (ctx) => this.deleteProjects(ctx)),
      api('GET', new RegExp(`^/api/projects/${G}$`), (ctx, [id]) => this.getProject(ctx, id)),
      api('PUT', new RegExp(`^/api/projects/${G}$`), (ctx, [id]) => this.updateProject(ctx, id)),
      api('GET', new RegExp(`^/api/organizations/${G}/projects$`), (ctx, [org]) => this.listProjects(ctx, org)),
      api('POST', new RegExp(`^/api/organizations/${G}/projects$`), (ctx, [org]) => this.createProjectApi(ctx, org)),
    ]
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = parsed.pathname
    let body = ''
    const log = (status: number): void =>
      void this.requests.push({ method, path, status, query: parsed.search, headers: req.headers, body })

    const attemptKey = `${method} ${path}`
    const attempt = (this.attempts.get(attemptKey) ?? 0) + 1
    this.attempts.set(attemptKey, attempt)

    const fault = this.opts.onRequest?.({ method, path, attempt })
    if (fault && 'destroy' in fault) {
      log(0)
      req.socket.destroy()
      return
    }
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs))

    try {
      body = await readBody(req)
    } catch {
      return this.send(res, { status: 413 }, log)
    }

    if (fault && 'status' in fault) {
      log(fault.status)
      res.writeHead(fault.status, fault.headers ?? {})
      res.end(fault.body ?? '')
      return
    }

    const truncateAfter = fault && 'truncateAfter' in fault ? fault.truncateAfter : undefined
    this.send(res, this.dispatch({ req, path, query: parsed.searchParams, body }, method), log, truncateAfter)
  }

  private dispatch(ctx: RequestContext, method: string): Reply {
    const limited = this.rateLimited(ctx.path, method)
    if (limited) return limited
    const matching = this.routes.filter((r) => r.pattern.test(ctx.path))
    const route = matching.find((r) => r.method === method)
    // ASP.NET answers an unknown path with an empty 404 and a wrong verb with an empty 405.
    if (!route) return { status: matching.length > 0 ? 405 : 404 }
    const params = (route.pattern.exec(ctx.path) ?? []).slice(1)
    try {
      return route.handle(ctx, params)
    } catch (error) {
      if (error instanceof ReplyError) return error.reply
      throw error
    }
  }

  private send(res: http.ServerResponse, reply: Reply, log: (status: number) => void, truncateAfter?: number): void {
    const headers: Record<string, string> = { ...reply.headers }
    let payload = ''
    if (reply.json !== undefined) {
      payload = JSON.stringify(reply.json)
      headers['content-type'] = 'application/json; charset=utf-8'
    }
    log(reply.status)
    if (truncateAfter !== undefined) {
      const bytes = Buffer.from(payload)
      res.writeHead(reply.status, { ...headers, 'content-length': String(bytes.length) })
      res.write(bytes.subarray(0, truncateAfter), () => res.socket?.destroy())
      return
    }
    res.writeHead(reply.status, headers)
    res.end(payload)
  }

  /** Fixed one-second windows per service; over-limit requests still count, as in AspNetCoreRateLimit. */
  private rateLimited(path: string, method: string): Reply | undefined {
    const limit = this.opts.rateLimit?.postPerSecond
    if (limit === undefined || method !== 'POST') return undefined
    const service = path.startsWith('/identity/') ? 'identity' : 'api'
    const now = this.now()
    let window = this.windows.get(service)
    if (!window || now >= window.start + 1000) {
      window = { start: now, count: 0 }
      this.windows.set(service, window)
    }
    window.count++
    if (window.count <= limit) return undefined
    const retryAfter = Math.max(1, Math.ceil((window.start + 1000 - now) / 1000))
    return {
      status: 429,
      headers: { 'retry-after': String(retryAfter) },
      json: errorModel(`Slow down! Too many requests. Try again in ${retryAfter}s.`),
    }
  }

  // ---- identity --------------------------------------------------------------------------

  /**
   * POST /identity/connect/token (docs/protocols/bitwarden.md#login): client credentials → JWT +
   * encrypted_payload.
   */
  private token(ctx: RequestContext): Reply {
    const contentType = ctx.req.headers['content-type'] ?? ''
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) return oauthError('invalid_request')
    const form = new URLSearchParams(ctx.body)

    // Duende authenticates the client before it looks at grant type and scope.
    const record = this.authenticateClient(form.get('client_id'), form.get('client_secret'))
    if (!record) return oauthError('invalid_client')
    if (form.get('grant_type') !== 'client_credentials') return oauthError('unsupported_grant_type')
    const scopes = (form.get('scope') ?? 'api.secrets').split(' ').filter((s) => s !== '')
    if (scopes.some((s) => s !== 'api.secrets')) return oauthError('invalid_scope')

    const account = this.store.account(record.accountId)
    const iat = Math.floor(this.now() / 1000)
    const jwt = this.signer.sign({
      nbf: iat,
      exp: iat + this.lifetime,
      iss: this.identityUrl,
      client_id: record.id,
      sub: account.id,
      type: 'ServiceAccount',
      organization: account.organizationId,
      jti: randomBytes(16).toString('hex').toUpperCase(),
      iat,
      scope: ['api.secrets'],
    })
    return {
      status: 200,
      headers: { 'cache-control': 'no-store, no-cache, max-age=0', pragma: 'no-cache' },
      // No Kdf/KdfIterations: the SDK would take it for a user login (BW-LOGIN-9).
      json: {
        access_token: jwt,
        expires_in: this.lifetime,
        token_type: 'Bearer',
        scope: 'api.secrets',
        encrypted_payload: record.encryptedPayload,
      },
    }
  }

  /** SecretsManagerApiKeyProvider: every failure is the same invalid_client. */
  private authenticateClient(clientId: string | null, secret: string | null): AccessTokenRecord | undefined {
    const id = clientId === null ? undefined : normalizeGuid(clientId)
    const record = id === undefined ? undefined : this.store.tokens.get(id)
    if (!record || secret === null || !hashesEqual(hashClientSecret(secret), record.secretHash)) return undefined
    if (record.revoked) return undefined
    if (record.expiresAt !== null && record.expiresAt <= this.now()) return undefined
    const account = this.store.accounts.get(record.accountId)
    if (!account || !this.store.orgs.get(account.organizationId)?.enabled) return undefined
    return record
  }

  /** JWT bearer validation: RS256 signature by this server and an unexpired `exp`, else 401. */
  private authenticate(req: http.IncomingMessage): Principal {
    const unauthorized = (): never => {
      throw new ReplyError({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } })
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
    const claims = match?.[1] === undefined ? undefined : this.signer.verify(match[1])
    if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now()) return unauthorized()
    const scope = Array.isArray(claims.scope) ? claims.scope : [claims.scope]
    if (!scope.includes('api.secrets') && !scope.includes('api')) {
      throw new ReplyError({ status: 403, json: errorModel('Invalid token.') })
    }
    const account = typeof claims.sub === 'string' ? this.store.accounts.get(claims.sub) : undefined
    if (!account) return unauthorized()
    return { account, organizationId: account.organizationId }
  }

  // ---- secrets ---------------------------------------------------------------------------

  /** Looks up a secret the caller can read; anything else is the same 404. */
  private readableSecret(principal: Principal, id: string): StoredSecret {
    const secret = this.store.secrets.get(id)
    if (!secret || !this.store.secretAccess(principal.account, secret).read) return notFound()
    return secret
  }

  private getSecret(ctx: ApiContext, rawId: string | undefined): Reply {
    const secret = this.readableSecret(ctx.principal, routeGuid(rawId ?? '', 'id'))
    return { status: 200, json: this.models.secret(secret, this.store.secretAccess(ctx.principal.account, secret)) }
  }

  /**
   * All-or-nothing: one missing or unreadable id → 404 for the whole request
   * (docs/protocols/bitwarden.md#api-errors).
   */
  private getByIds(ctx: ApiContext): Reply {
    const body = asObject(parseJsonBody(ctx.body))
    const ids = guidList(body.ids ?? body.Ids, 'ids')
    const seen = new Set<string>()
    const duplicated = [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))]
    if (duplicated.length > 0) {
      invalidModel('GetSecretsRequestModel', `The following GUIDs were duplicated ${duplicated.join(', ')} `)
    }
    const wanted = new Set(ids)
    const found = [...this.store.secrets.values()].filter((s) => wanted.has(s.id))
    if (found.length === 0 || found.length !== ids.length) return notFound()
    if (!found.every((s) => this.store.secretAccess(ctx.principal.account, s).read)) return notFound()
    return { status: 200, json: this.models.list(found.map((s) => this.models.baseSecret(s))) }
  }

  private ownOrganization(ctx: ApiContext, rawOrg: string | undefined): string {
    const orgId = routeGuid(rawOrg ?? '', 'organizationId')
    if (orgId !== ctx.principal.organizationId) notFound()
    return orgId
  }

  private listOrgSecrets(ctx: ApiContext, rawOrg: string | undefined): Reply {
    const orgId = this.ownOrganization(ctx, rawOrg)
    const secrets = this.store.readableSecrets(ctx.principal.account, (s) => s.organizationId === orgId)
    return { status: 200, json: this.models.secretsWithProjects(ctx.principal, secrets) }
  }

  /** 404 only for a missing or foreign project; an unshared project lists as empty (like the server). */
  private listProjectSecrets(ctx: ApiContext, rawId: string | undefined): Reply {
    const projectId = routeGuid(rawId ?? '', 'projectId')
    const project = this.store.projects.get(projectId)
    if (!project || project.organizationId !== ctx.principal.organizationId) return notFound()
    const secrets = this.store.readableSecrets(ctx.principal.account, (s) => s.projectIds.includes(projectId))
    return { status: 200, json: this.models.secretsWithProjects(ctx.principal, secrets) }
  }

  private sync(ctx: ApiContext, rawOrg: string | undefined): Reply {
    const since = this.parseLastSyncedDate(ctx.query.get('lastSyncedDate'))
    const orgId = this.ownOrganization(ctx, rawOrg)
    const account = ctx.principal.account
    const secrets = this.store.readableSecrets(account, (s) => s.organizationId === orgId)
    const latest = Math.max(account.revisionDate, ...secrets.map((s) => s.revisionDate))
    const hasChanges = since === undefined || latest > since
    return {
      status: 200,
      json: {
        object: 'secretsSync',
        hasChanges,
        secrets: hasChanges ? this.models.list(secrets.map((s) => this.models.baseSecret(s))) : null,
      },
    }
  }

  private parseLastSyncedDate(text: string | null): number | undefined {
    if (text === null || text === '') return undefined
    const ms = Date.parse(text)
    if (Number.isNaN(ms)) invalidModel('lastSyncedDate', `The value '${text}' is not valid.`)
    if (ms > this.now()) badRequest('Last synced date must be in the past.')
    return ms
  }

  /** Machine accounts must name a project they can write to (SecretAuthorizationHandler). */
  private createSecretApi(ctx: ApiContext, rawOrg: string | undefined): Reply {
    const orgId = this.ownOrganization(ctx, rawOrg)
    const body = asObject(parseJsonBody(ctx.body))
    const fields = {
      key: requireEncString(body, 'key', SECRET_FIELD_LIMITS.key),
      value: requireEncString(body, 'value', SECRET_FIELD_LIMITS.value),
      note: requireEncString(body, 'note', SECRET_FIELD_LIMITS.note),
    }
    const projectIds = this.secretProjectIds(body)
    this.requireProjectWrite(ctx.principal, projectIds)
    const id = this.insertSecret(orgId, { ...fields, projectIds })
    const secret = must(this.store.secrets.get(id), 'secret')
    return { status: 200, json: this.models.secret(secret, { read: true, write: true }) }
  }

  private updateSecret(ctx: ApiContext, rawId: string | undefined): Reply {
    const secret = this.store.secrets.get(routeGuid(rawId ?? '', 'id'))
    if (!secret) return notFound()
    const body = asObject(parseJsonBody(ctx.body))
    const fields = {
      key: requireEncString(body, 'key', SECRET_FIELD_LIMITS.key),
      value: requireEncString(body, 'value', SECRET_FIELD_LIMITS.value),
      note: requireEncString(body, 'note', SECRET_FIELD_LIMITS.note),
    }
    const projectIds = this.secretProjectIds(body)
    if (!this.store.secretAccess(ctx.principal.account, secret).write) return notFound()
    this.requireProjectWrite(ctx.principal, projectIds)
    Object.assign(secret, fields, { projectIds, revisionDate: this.now() })
    return { status: 200, json: this.models.secret(secret, { read: true, write: true }) }
  }

  /** SecretCreateRequestModel / SecretUpdateRequestModel.Validate: one project at most. */
  private secretProjectIds(body: Record<string, unknown>): string[] {
    const projectIds = body.projectIds == null ? [] : guidList(body.projectIds, 'projectIds')
    if (projectIds.length > 1) invalidModel('ProjectIds', 'Only one project assignment is supported.')
    return projectIds
  }

  /**
   * A machine account creates only inside a project it can write to, and updates only when it can
   * write the secret and the project it is sent with: an update without projectIds (which would take
   * the secret out of every project) is refused (SecretAuthorizationHandler, CanUpdateSecretAsync).
   */
  private requireProjectWrite(principal: Principal, projectIds: string[]): void {
    const first = projectIds[0]
    const projects = projectIds.map((id) => this.store.projects.get(id))
    if (first === undefined || projects.some((p) => p?.organizationId !== principal.organizationId)) notFound()
    const project = must(this.store.projects.get(first), 'project')
    if (!this.store.projectAccess(principal.account, project).write) notFound()
  }

  /** POST /secrets/delete with a JSON array of ids; per-item "access denied" like the server. */
  private deleteSecrets(ctx: ApiContext): Reply {
    const ids = guidList(parseJsonBody(ctx.body), 'ids')
    const found = ids.map((id) => this.store.secrets.get(id))
    if (found.length === 0 || found.some((s) => s?.organizationId !== ctx.principal.organizationId)) return notFound()
    const results = (found as StoredSecret[]).map((secret) => {
      if (!this.store.secretAccess(ctx.principal.account, secret).write) return bulkDelete(secret.id, 'access denied')
      this.store.secrets.delete(secret.id)
      return bulkDelete(secret.id, '')
    })
    return { status: 200, json: this.models.list(results) }
  }

  // ---- projects --------------------------------------------------------------------------

  private readableProject(principal: Principal, rawId: string | undefined): Project {
    const project = this.store.projects.get(routeGuid(rawId ?? '', 'id'))
    if (!project || !this.store.projectAccess(principal.account, project).read) return notFound()
    return project
  }

  private getProject(ctx: ApiContext, rawId: string | undefined): Reply {
    const project = this.readableProject(ctx.principal, rawId)
    return { status: 200, json: this.models.project(project, this.store.projectAccess(ctx.principal.account, project)) }
  }

  private listProjects(ctx: ApiContext, rawOrg: string | undefined): Reply {
    const orgId = this.ownOrganization(ctx, rawOrg)
    const account = ctx.principal.account
    const projects = [...this.store.projects.values()].filter(
      (p) => p.organizationId === orgId && this.store.projectAccess(account, p).read,
    )
    return {
      status: 200,
      json: this.models.list(projects.map((p) => this.models.project(p, this.store.projectAccess(account, p)))),
    }
  }

  /** A machine account that creates a project gets read+write on it (CreateProjectCommand). */
  private createProjectApi(ctx: ApiContext, rawOrg: string | undefined): Reply {
    const orgId = this.ownOrganization(ctx, rawOrg)
    const name = requireEncString(asObject(parseJsonBody(ctx.body)), 'name')
    const id = this.insertProject(orgId, name)
    ctx.principal.account.projects.set(id, { read: true, write: true })
    const project = must(this.store.projects.get(id), 'project')
    return { status: 200, json: this.models.project(project, { read: true, write: true }) }
  }

  private updateProject(ctx: ApiContext, rawId: string | undefined): Reply {
    const project = this.readableProject(ctx.principal, rawId)
    const name = requireEncString(asObject(parseJsonBody(ctx.body)), 'name')
    if (!this.store.projectAccess(ctx.principal.account, project).write) return notFound()
    Object.assign(project, { name, revisionDate: this.now() })
    return { status: 200, json: this.models.project(project, { read: true, write: true }) }
  }

  private deleteProjects(ctx: ApiContext): Reply {
    const ids = guidList(parseJsonBody(ctx.body), 'ids')
    const found = ids.map((id) => this.store.projects.get(id))
    if (found.length === 0 || found.some((p) => p?.organizationId !== ctx.principal.organizationId)) return notFound()
    const results = (found as Project[]).map((project) => {
      if (!this.store.projectAccess(ctx.principal.account, project).write)
        return bulkDelete(project.id, 'access denied')
      this.store.projects.delete(project.id)
      for (const s of this.store.secrets.values()) s.projectIds = s.projectIds.filter((p) => p !== project.id)
      return bulkDelete(project.id, '')
    })
    return { status: 200, json: this.models.list(results) }
  }

  // ---- fixture API -----------------------------------------------------------------------

  createOrganization(opts: { id?: string; key?: Uint8Array } = {}): { id: string; key: Uint8Array } {
    const id = opts.id === undefined ? randomUUID() : must(normalizeGuid(opts.id), `GUID ${opts.id}`)
    const key = opts.key ?? randomKey64()
    if (key.length !== 64) throw new Error('organization key must be 64 bytes')
    this.store.orgs.set(id, { id, key, enabled: true })
    return { id, key }
  }

  setOrganizationEnabled(orgId: string, enabled: boolean): void {
    this.store.org(orgId).enabled = enabled
  }

  createProject(orgId: string, name: string): string {
    return this.insertProject(orgId, encryptToEncString(name, this.store.org(orgId).key))
  }

  private insertProject(orgId: string, encryptedName: string): string {
    const id = randomUUID()
    const now = this.now()
    this.store.projects.set(id, {
      id,
      organizationId: orgId,
      name: encryptedName,
      creationDate: now,
      revisionDate: now,
    })
    return id
  }

  createSecret(orgId: string, s: { key: string; value: string; note?: string; projectIds?: string[] }): string {
    const key = this.store.org(orgId).key
    return this.insertSecret(orgId, {
      key: encryptToEncString(s.key, key),
      value: encryptToEncString(s.value, key),
      // The server always has a note; an empty one is still an EncString
      // (docs/protocols/bitwarden.md#endpoints).
      note: encryptToEncString(s.note ?? '', key),
      projectIds: s.projectIds ?? [],
    })
  }

  importSecret(
    orgId: string,
    s: { id?: string; key: string; value: string; note: string; projectIds?: string[]; creationDate?: Date },
  ): string {
    this.store.org(orgId)
    return this.insertSecret(orgId, { ...s, projectIds: s.projectIds ?? [] })
  }

  private insertSecret(
    orgId: string,
    s: { id?: string; key: string; value: string; note: string; projectIds: string[]; creationDate?: Date },
  ): string {
    const id = s.id === undefined ? randomUUID() : must(normalizeGuid(s.id), `GUID ${s.id}`)
    for (const p of s.projectIds) {
      if (this.store.projects.get(p)?.organizationId !== orgId) throw new Error(`test server: project ${p} not in org`)
    }
    const created = s.creationDate?.getTime() ?? this.now()
    this.store.secrets.set(id, {
      id,
      organizationId: orgId,
      key: s.key,
      value: s.value,
      note: s.note,
      projectIds: [...s.projectIds],
      creationDate: created,
      revisionDate: created,
    })
    return id
  }

  createMachineAccount(orgId: string, grants: Grants = {}, opts: { id?: string } = {}): string {
    this.store.org(orgId)
    const id = opts.id === undefined ? randomUUID() : must(normalizeGuid(opts.id), `GUID ${opts.id}`)
    const account: MachineAccount = {
      id,
      organizationId: orgId,
      projects: new Map(),
      secrets: new Map(),
      revisionDate: 0,
    }
    addGrants(account, grants, this.now())
    this.store.accounts.set(id, account)
    return id
  }

  grant(accountId: string, grants: Grants): void {
    addGrants(this.store.account(accountId), grants, this.now())
  }

  /**
   * Mints a token as the web vault does (docs/protocols/bitwarden.md#access-token): the server
   * keeps only the secret's hash and the encrypted payload; the seed goes into the token text and
   * is forgotten.
   */
  createAccessToken(
    accountId: string,
    opts: { expiresAt?: Date; id?: string; clientSecret?: string; seed?: Uint8Array; encryptedPayload?: string } = {},
  ): string {
    const account = this.store.account(accountId)
    const id = opts.id === undefined ? randomUUID() : must(normalizeGuid(opts.id), `GUID ${opts.id}`)
    const clientSecret = opts.clientSecret ?? generateClientSecret()
    const seed = opts.seed ?? new Uint8Array(randomBytes(16))
    const orgKey = this.store.org(account.organizationId).key
    const encryptedPayload =
      opts.encryptedPayload ??
      encryptToEncString(JSON.stringify({ encryptionKey: toBase64(orgKey) }), deriveAccessTokenKey(seed))
    this.store.tokens.set(id, {
      id,
      accountId,
      secretHash: hashClientSecret(clientSecret),
      encryptedPayload,
      expiresAt: opts.expiresAt?.getTime() ?? null,
      revoked: false,
    })
    return `0.${id}.${clientSecret}:${toBase64(seed)}`
  }

  revokeAccessToken(token: string): void {
    const id = normalizeGuid(token.trim().split('.')[1] ?? '')
    must(id === undefined ? undefined : this.store.tokens.get(id), 'access token').revoked = true
  }

  tamperSecretValue(secretId: string): void {
    const secret = must(this.store.secrets.get(secretId), `secret ${secretId}`)
    secret.value = tamperEncString(secret.value)
  }

  getStoredSecret(secretId: string): StoredSecret | undefined {
    const secret = this.store.secrets.get(secretId)
    return secret && { ...secret, projectIds: [...secret.projectIds] }
  }

  readSecret(secretId: string): { key: string; value: string; note: string; projectIds: string[] } {
    const secret = must(this.store.secrets.get(secretId), `secret ${secretId}`)
    const key = this.store.org(secret.organizationId).key
    return {
      key: decryptEncString(secret.key, key),
      value: decryptEncString(secret.value, key),
      note: decryptEncString(secret.note, key),
      projectIds: [...secret.projectIds],
    }
  }

  readProjectName(projectId: string): string {
    const project = must(this.store.projects.get(projectId), `project ${projectId}`)
    return decryptEncString(project.name, this.store.org(project.organizationId).key)
  }
}

function bulkDelete(id: string, error: string): unknown {
  return { object: 'bulkDelete', id, error }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) reject(new Error('body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startBitwardenServer(opts: BitwardenServerOptions = {}): Promise<BitwardenServer> {
  const server = new Server(opts)
  await server.listen()
  return server
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Handles of the demo secrets; ids are random per run, the shape is fixed. */
export type DemoSecretName =
  | 'databaseUrl'
  | 'tlsKey'
  | 'unicode'
  | 'empty'
  | 'percent'
  | 'colons'
  | 'crlf'
  | 'quotes'
  | 'trailingNewline'
  | 'dashedKey'
  | 'sharedProduction'
  | 'sharedStaging'
  | 'direct'
  | 'hidden'

export interface DemoSecret {
  id: string
  key: string
  value: string
  note: string
  projectIds: string[]
}

export interface DemoSeed {
  token: string
  orgId: string
  orgKey: Uint8Array
  accountId: string
  /** `production` and `staging` are shared with the machine account; `hidden` is not. */
  projectIds: { production: string; staging: string; hidden: string }
  secretIds: Record<DemoSecretName, string>
  secrets: Record<DemoSecretName, DemoSecret>
  /** The secret name that exists in both shared projects (for ambiguity errors). */
  ambiguousKey: string
}

const DEMO_PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  '-----END PRIVATE KEY-----',
].join('\n')

const DEMO_SECRETS: Record<
  DemoSecretName,
  { key: string; value: string; note?: string; project?: 'production' | 'staging' | 'hidden' }
> = {
  databaseUrl: {
    key: 'DATABASE_URL',
    value: 'postgres://app:s3cr3t@db.internal:5432/app',
    note: 'primary',
    project: 'production',
  },
  tlsKey: { key: 'TLS_PRIVATE_KEY', value: `${DEMO_PEM}\n`, project: 'production' },
  unicode: { key: 'GREETING', value: 'Grüße, 世界! 🔐 naïve café', project: 'production' },
  empty: { key: 'EMPTY_VALUE', value: '', project: 'production' },
  percent: { key: 'PERCENT_VALUE', value: '100%25 of %s and %0A literally', project: 'production' },
  colons: { key: 'COLONS_VALUE', value: '::set-output name=x::y ::add-mask:: a::b', project: 'production' },
  crlf: { key: 'CRLF_VALUE', value: 'line one\r\nline two\r\n', project: 'production' },
  quotes: { key: 'QUOTES_VALUE', value: `he said "hi" and 'bye' \`tick\` \\ back`, project: 'production' },
  trailingNewline: { key: 'TRAILING_NEWLINE', value: 'ends with newline\n', project: 'production' },
  dashedKey: { key: 'api-key', value: 'dashed-key-value', project: 'production' },
  sharedProduction: { key: 'SHARED_NAME', value: 'production value', project: 'production' },
  sharedStaging: { key: 'SHARED_NAME', value: 'staging value', project: 'staging' },
  direct: { key: 'DIRECT_GRANT', value: 'granted without a project' },
  hidden: { key: 'HIDDEN_SECRET', value: 'the machine account cannot read this', project: 'hidden' },
}

/** A realistic organization: two shared projects, one unshared, and awkward values. */
export function seedDemo(server: BitwardenServer): DemoSeed {
  const org = server.createOrganization()
  const projectIds = {
    production: server.createProject(org.id, 'production'),
    staging: server.createProject(org.id, 'staging'),
    hidden: server.createProject(org.id, 'hidden'),
  }
  const secrets = {} as Record<DemoSecretName, DemoSecret>
  for (const [name, s] of Object.entries(DEMO_SECRETS) as Array<
    [DemoSecretName, (typeof DEMO_SECRETS)[DemoSecretName]]
  >) {
    const ids = s.project === undefined ? [] : [projectIds[s.project]]
    const id = server.createSecret(org.id, { key: s.key, value: s.value, note: s.note, projectIds: ids })
    secrets[name] = { id, key: s.key, value: s.value, note: s.note ?? '', projectIds: ids }
  }
  const accountId = server.createMachineAccount(org.id, {
    projects: [projectIds.production, projectIds.staging],
    secrets: [secrets.direct.id],
  })
  const secretIds = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v.id])) as Record<
    DemoSecretName,
    string
  >
  return {
    token: server.createAccessToken(accountId),
    orgId: org.id,
    orgKey: org.key,
    accountId,
    projectIds,
    secretIds,
    secrets,
    ambiguousKey: 'SHARED_NAME',
  }
}

/**
 * The official login vector (docs/protocols/bitwarden.md#login-vector), verbatim: token, payload,
 * org id and the "TEST" secret.
 */
export const SPEC_VECTOR = {
  token: '0.ec2c1d46-6a4b-4751-a310-af9601317f2d.C2IgxjjLF7qSshsbwe8JGcbM075YXw:X8vbvA0bduihIDe/qrzIQQ==',
  clientId: 'ec2c1d46-6a4b-4751-a310-af9601317f2d',
  clientSecret: 'C2IgxjjLF7qSshsbwe8JGcbM075YXw',
  seedBase64: 'X8vbvA0bduihIDe/qrzIQQ==',
  encryptedPayload:
    '2.E9fE8+M/VWMfhhim1KlCbQ==|eLsHR484S/tJbIkM6spnG/HP65tj9A6Tba7kAAvUp+rYuQmGLixiOCfMsqt5OvBctDfvvr/AesBu7cZimPLyOEhqEAjn52jF0eaI38XZfeOG2VJl0LOf60Wkfh3ryAMvfvLj3G4ZCNYU8sNgoC2+IQ==|lNApuCQ4Pyakfo/wwuuajWNaEX/2MW8/3rjXB/V7n+k=',
  encryptionKey: 'k/6PcwG7Hm/eZfvvOvP6EqGx1JKgbzYrWwpOIHsxbJHQMpIMg5Ud94AQHduSR+XMMaFiSB+nszbO4JPXj04YwA==',
  organizationId: 'f4e44a7f-1190-432a-9d4a-af96013127cb',
  serviceAccountId: 'd34804ca-4f6c-4392-86b7-af96013175d0',
  secret: {
    id: '15744a66-341a-4c62-af50-af960166b6bc',
    key: '2.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==|Q6PkuT+KX/axrgN9ubD5Ajk2YNwxQkgs3WJM0S0wtG8=',
    value: '2.Gl34n9JYABC7V21qHcBzHg==|c1Ds244pob7i+8+MXe4++w==|Shimz/qKMYZmzSFWdeBzFb9dFz7oF6Uv9oqkws7rEe0=',
    note: '2.Cn9ABJy7+WfR4uUHwdYepg==|+nbJyU/6hSknoa5dcEJEUg==|1DTp/ZbwGO3L3RN+VMsCHz8XDr8egn/M5iSitGGysPA=',
    creationDate: '2023-01-26T21:46:02.218Z',
    plaintext: 'TEST',
  },
} as const

/** Loads the login vector into a server, so a client logs in with the official token. */
export function seedSpecVector(server: BitwardenServer): { token: string; orgId: string; secretId: string } {
  const v = SPEC_VECTOR
  const org = server.createOrganization({ id: v.organizationId, key: fromBase64(v.encryptionKey) })
  const secretId = server.importSecret(org.id, {
    id: v.secret.id,
    key: v.secret.key,
    value: v.secret.value,
    note: v.secret.note,
    creationDate: new Date(v.secret.creationDate),
  })
  const accountId = server.createMachineAccount(org.id, { secrets: [secretId] }, { id: v.serviceAccountId })
  const token = server.createAccessToken(accountId, {
    id: v.clientId,
    clientSecret: v.clientSecret,
    seed: fromBase64(v.seedBase64),
    encryptedPayload: v.encryptedPayload, // served verbatim, not re-encrypted
  })
  return { token, orgId: org.id, secretId }
}

// ---------------------------------------------------------------------------------------------
// Standalone: `npx tsx test/servers/bitwarden.ts`
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const server = await startBitwardenServer()
  const demo = seedDemo(server)
  console.log(`base_url:     ${server.url}`)
  console.log(`access_token: ${demo.token}`)
  console.log(`org:          ${demo.orgId}`)
  console.log(
    `projects:     ${Object.entries(demo.projectIds)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')}`,
  )
  for (const [name, s] of Object.entries(demo.secrets)) console.log(`  ${s.id}  ${s.key}  (${name})`)
  console.log('Ctrl-C to stop.')
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main()
}
