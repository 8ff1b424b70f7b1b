// Infisical's HTTP API as the action reads with it (docs/protocols/infisical.md#token-details,
// #raw-read, #encrypted-list, #errors-and-retries): service-token details, the raw list and the
// legacy encrypted list, with response shapes checked field by field (the logins are in api-auth.ts).
// Messages name method, path and status plus the server's own short message and reqId; never a
// header, a token or a body.
import { ServerError } from '../../errors.js'
import type { HttpClient, HttpResponse } from '../../http/client.js'
import { isObject, type Json, jsonObjectOf, oneLine, shapeError, stringField, parseJson } from '../../http/json.js'
import type { EncryptedField } from './crypto.js'

export interface Scope {
  readonly environment: string
  readonly secretPath: string
}

export interface TokenDetails {
  readonly projectId: string
  readonly scopes: readonly Scope[]
  readonly permissions: readonly string[]
  /** ISO 8601, or null: never expires. */
  readonly expiresAt: string | null
  /** The project key sealed under the token's key; absent for tokens made by newer clients. */
  readonly sealedProjectKey?: EncryptedField
  /** Details came in the Mongo-era shape (one environment, no scopes). */
  readonly legacyShape: boolean
}

export interface RawSecret {
  readonly key: string
  readonly value: string
  readonly type: string
  /** The folder, when the server says (recursive reads). */
  readonly path?: string
  readonly hidden: boolean
}

export interface Imported<T> {
  readonly environment: string
  readonly path: string
  readonly secrets: readonly T[]
}

export interface SecretList<T> {
  readonly secrets: readonly T[]
  /** Empty when the server sent none (`include_imports=false` omits the field, INF-RAW-2). */
  readonly imports: readonly Imported<T>[]
}

export interface EncryptedSecret {
  readonly type: string
  /** The folder's id: recursive encrypted reads say no more than that about where an item lives. */
  readonly folderId: string
  readonly key: EncryptedField
  readonly value: EncryptedField
}

/** What to read: a project (by id, or by slug for machine identities), environment and folder. */
export interface ListQuery {
  readonly projectId?: string
  readonly projectSlug?: string
  readonly environment: string
  readonly secretPath: string
  readonly includeImports: boolean
  readonly recursive: boolean
}

/**
 * The server's `message` and `reqId` (docs/protocols/infisical.md#errors-and-retries), one bounded
 * line; '' when the body says nothing usable.
 */
export function serverMessage(res: HttpResponse): string {
  const body = jsonObjectOf(res.text)
  if (!body) return ''
  const said = [body.message, body.error]
    .filter((v, i, all) => typeof v === 'string' && v !== '' && all.indexOf(v) === i)
    .join(' — ')
  const bounded = oneLine(said)
  const reqId = typeof body.reqId === 'string' && /^[\w.:-]{1,64}$/.test(body.reqId) ? ` (reqId ${body.reqId})` : ''
  return bounded === '' ? reqId.trim() : `${bounded}${reqId}`
}

export function statusError(res: HttpResponse, where: string, hint = ''): ServerError {
  const said = serverMessage(res)
  const rate = res.status === 429 ? ' (rate limit hit; the action retried and gave up)' : ''
  return new ServerError(
    `${where} failed with HTTP ${res.status}${rate}${said ? `: ${said}` : ''}${hint ? `. ${hint}` : ''}`,
    res.status,
  )
}

export const ok = (res: HttpResponse): boolean => res.status >= 200 && res.status < 300

function authHeaders(bearer: string): Record<string, string> {
  return { authorization: `Bearer ${bearer}`, accept: 'application/json' }
}

function optionalField(o: Json, name: string, where: string): string | undefined {
  const v = o[name]
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v !== 'string') throw shapeError(where, `field '${name}' is not a string`)
  return v
}

/**
 * GET /api/v2/service-token (docs/protocols/infisical.md#token-details, INF-DET-1): project, scopes
 * (or the legacy environment), permissions, expiry, sealed key.
 */
export async function getTokenDetails(http: HttpClient, baseUrl: string, bearer: string): Promise<TokenDetails> {
  const where = 'GET /api/v2/service-token'
  const res = await http.send({ method: 'GET', url: `${baseUrl}/api/v2/service-token`, headers: authHeaders(bearer) })
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    throw statusError(
      res,
      where,
      'The service token was refused: it is mistyped, revoked or expired (Infisical deletes expired tokens), or it belongs to another Infisical server (set base_url for a self-hosted one)',
    )
  }
  if (!ok(res)) throw statusError(res, where)
  const body = parseJson(res, where)
  if (!isObject(body)) throw shapeError(where, 'not a JSON object')
  const projectId = optionalField(body, 'workspace', where) ?? optionalField(body, 'projectId', where)
  if (projectId === undefined) throw shapeError(where, "no 'workspace' or 'projectId'")
  let scopes: Scope[]
  let legacyShape = false
  if (Array.isArray(body.scopes)) {
    scopes = body.scopes.map((s) => {
      if (!isObject(s)) throw shapeError(where, 'a scope is not an object')
      const secretPath = s.secretPath === undefined || s.secretPath === null ? '/' : s.secretPath
      if (typeof secretPath !== 'string') throw shapeError(where, "a scope's 'secretPath' is not a string")
      return { environment: stringField(s, 'environment', where), secretPath }
    })
  } else if (typeof body.environment === 'string') {
    scopes = [{ environment: body.environment, secretPath: '/' }]
    legacyShape = true
  } else {
    throw shapeError(where, "neither 'scopes' nor 'environment'")
  }
  const permissions = Array.isArray(body.permissions)
    ? body.permissions.filter((p): p is string => typeof p === 'string')
    : []
  const expiresAt = body.expiresAt === null || body.expiresAt === undefined ? null : body.expiresAt
  if (expiresAt !== null && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))))
    throw shapeError(where, "'expiresAt' is not a date")
  const ciphertext = optionalField(body, 'encryptedKey', where)
  const iv = optionalField(body, 'iv', where)
  const tag = optionalField(body, 'tag', where)
  const sealedProjectKey =
    ciphertext !== undefined && iv !== undefined && tag !== undefined ? { ciphertext, iv, tag } : undefined
  return { projectId, scopes, permissions, expiresAt, legacyShape, ...(sealedProjectKey ? { sealedProjectKey } : {}) }
}

function queryString(q: ListQuery, raw: boolean): string {
  const params = new URLSearchParams()
  if (q.projectId !== undefined) params.set('workspaceId', q.projectId)
  else if (q.projectSlug !== undefined) params.set('workspaceSlug', q.projectSlug)
  params.set('environment', q.environment)
  params.set('secretPath', q.secretPath)
  params.set('include_imports', String(q.includeImports))
  params.set('recursive', String(q.recursive))
  if (raw) params.set('expandSecretReferences', 'true')
  return params.toString()
}

function list<T>(body: unknown, where: string, item: (v: unknown, where: string) => T): SecretList<T> {
  if (!isObject(body) || !Array.isArray(body.secrets))
    throw shapeError(where, "field 'secrets' is missing or not a list")
  const secrets = body.secrets.map((s) => item(s, where))
  const rawImports = body.imports === undefined || body.imports === null ? [] : body.imports
  if (!Array.isArray(rawImports)) throw shapeError(where, "field 'imports' is not a list")
  const imports = rawImports.map((imp) => {
    if (!isObject(imp) || !Array.isArray(imp.secrets))
      throw shapeError(where, 'an import is not an object with secrets')
    return {
      environment: stringField(imp, 'environment', where),
      path: stringField(imp, 'secretPath', where),
      secrets: imp.secrets.map((s) => item(s, where)),
    }
  })
  return { secrets, imports }
}

function rawItem(v: unknown, where: string): RawSecret {
  if (!isObject(v)) throw shapeError(where, 'a secret is not an object')
  const path = typeof v.secretPath === 'string' ? v.secretPath : undefined
  return {
    key: stringField(v, 'secretKey', where),
    value: stringField(v, 'secretValue', where),
    type: typeof v.type === 'string' ? v.type : 'shared',
    hidden: v.secretValueHidden === true,
    ...(path === undefined ? {} : { path }),
  }
}

function encryptedItem(v: unknown, where: string): EncryptedSecret {
  if (!isObject(v)) throw shapeError(where, 'a secret is not an object')
  const field = (name: 'Key' | 'Value'): EncryptedField => ({
    ciphertext: stringField(v, `secret${name}Ciphertext`, where),
    iv: stringField(v, `secret${name}IV`, where),
    tag: stringField(v, `secret${name}Tag`, where),
  })
  if (v.algorithm !== undefined && v.algorithm !== 'aes-256-gcm')
    throw shapeError(where, `unsupported algorithm ${JSON.stringify(String(v.algorithm)).slice(0, 40)}`)
  if (v.keyEncoding !== undefined && v.keyEncoding !== 'utf8')
    throw shapeError(where, `unsupported keyEncoding ${JSON.stringify(String(v.keyEncoding)).slice(0, 40)}`)
  return {
    type: typeof v.type === 'string' ? v.type : 'shared',
    folderId: typeof v.folderId === 'string' ? v.folderId : '',
    key: field('Key'),
    value: field('Value'),
  }
}

/** The wordings by which a raw read says the project is a legacy E2EE one (INF-E2E-1). */
const BOT_NOT_FOUND = /bot_not_found_error|failed to find bot key|bot is not active/i

/** True when a raw read failed because the project has no bot: the E2EE fallback applies. */
export function isBotNotFound(res: HttpResponse): boolean {
  return res.status === 400 && BOT_NOT_FOUND.test(res.text)
}

export type ReadFailure = (res: HttpResponse, where: string) => Error

/** GET /api/v3/secrets/raw (INF-RAW-1); 'e2ee' when the project is a legacy end-to-end-encrypted one. */
export async function listRaw(
  http: HttpClient,
  baseUrl: string,
  bearer: string,
  q: ListQuery,
  failure: ReadFailure,
): Promise<SecretList<RawSecret> | 'e2ee'> {
  const where = 'GET /api/v3/secrets/raw'
  const res = await http.send({
    method: 'GET',
    url: `${baseUrl}/api/v3/secrets/raw?${queryString(q, true)}`,
    headers: authHeaders(bearer),
  })
  if (isBotNotFound(res)) return 'e2ee'
  if (!ok(res)) throw failure(res, where)
  return list(parseJson(res, where), where, rawItem)
}

/** GET /api/v3/secrets (INF-E2E-3): the legacy table's ciphertexts. */
export async function listEncrypted(
  http: HttpClient,
  baseUrl: string,
  bearer: string,
  q: ListQuery,
  failure: ReadFailure,
): Promise<SecretList<EncryptedSecret>> {
  const where = 'GET /api/v3/secrets'
  const res = await http.send({
    method: 'GET',
    url: `${baseUrl}/api/v3/secrets?${queryString(q, false)}`,
    headers: authHeaders(bearer),
  })
  if (!ok(res)) throw failure(res, where)
  return list(parseJson(res, where), where, encryptedItem)
}
