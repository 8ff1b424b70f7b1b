// Bitwarden's HTTP API (docs/protocols/bitwarden.md#login, #api): login and the few read endpoints
// the action needs, with response shapes checked field by field. Error messages name the URL path
// and status, never a token, a JWT or a body beyond the server's own short `message`/`error` text.
import { ServerError } from '../../errors.js'
import type { HttpClient, HttpRequest, HttpResponse } from '../../http/client.js'
import { isObject, jsonObjectOf, oneLine, shapeError, stringField, parseJson } from '../../http/json.js'
import type { AccessToken } from './token.js'

export interface LoginResponse {
  /** The JWT bearer (secret: the caller masks it on arrival). */
  readonly accessToken: string
  readonly expiresInSeconds: number
  readonly encryptedPayload: string
}

/** A secret with its value, from get-by-ids or GET /secrets/{id}. */
export interface SecretWithValue {
  readonly id: string
  readonly organizationId: string
  readonly value: string
}

/** A secret as the list endpoints give it: key (name) but no value. */
export interface ListedSecret {
  readonly id: string
  readonly organizationId: string
  readonly key: string
  readonly projectIds: readonly string[]
  /** The machine account may update it: the list's `write` flag; undefined where older servers send none. */
  readonly write?: boolean
}

/** The server's own short error text (`message`, `error`, `error_description`), printable. */
export function serverMessage(res: HttpResponse): string {
  const body = jsonObjectOf(res.text)
  if (!body) return ''
  // One line, bounded: enough to say what the server said, too little to carry a payload.
  return oneLine([body.message, body.error, body.error_description].filter((v) => typeof v === 'string').join(': '))
}

export function statusError(res: HttpResponse, where: string, hint = ''): ServerError {
  const said = serverMessage(res)
  const rate = res.status === 429 ? ' (rate limit hit; the action retried and gave up)' : ''
  return new ServerError(
    `${where} failed with HTTP ${res.status}${rate}${said ? `: ${said}` : ''}${hint ? `${said.endsWith('.') ? '' : '.'} ${hint}` : ''}`,
    res.status,
  )
}

/** Reads the organization id from the JWT's payload without verifying it (BW-LOGIN-3). */
export function organizationIdFromJwt(jwt: string, where: string): string {
  const parts = jwt.split('.')
  if (parts.length !== 3) throw shapeError(where, 'access_token is not a JWT')
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    throw shapeError(where, 'the JWT payload is not JSON')
  }
  const org = isObject(claims) ? claims.organization : undefined
  if (typeof org !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)) {
    throw shapeError(where, "the JWT has no 'organization' claim holding a UUID")
  }
  return org.toLowerCase()
}

/**
 * POST {identity}/connect/token (docs/protocols/bitwarden.md#login-request), with the errors of
 * #login-errors made actionable.
 */
export async function login(http: HttpClient, identityUrl: string, token: AccessToken): Promise<LoginResponse> {
  const url = `${identityUrl}/connect/token`
  const where = `Login to ${identityUrl}`
  const form = new URLSearchParams({
    scope: 'api.secrets',
    client_id: token.clientId,
    client_secret: token.clientSecret,
    grant_type: 'client_credentials',
  })
  const res = await http.send({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'application/json',
      'device-type': '21',
    },
    body: form.toString(),
  })
  if (res.status === 400 && serverMessage(res).startsWith('invalid_client')) {
    throw new ServerError(
      `${where} was refused (invalid_client). The access token is mistyped, expired or revoked; ` +
        'or its machine account or organization is disabled; or it belongs to another server: a token from the ' +
        "EU cloud needs 'cloud_region: eu', one from the US cloud 'cloud_region: us' (the default), and a " +
        "self-hosted one 'base_url' set to that server.",
      400,
    )
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  const body = parseJson(res, where)
  if (!isObject(body)) throw shapeError(where, 'not a JSON object')
  const bad = ['access_token', 'token_type', 'scope', 'encrypted_payload'].filter((f) => typeof body[f] !== 'string')
  const expiresIn = body.expires_in
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0) bad.push('expires_in')
  if (bad.length > 0) throw shapeError(where, `missing or invalid field${bad.length > 1 ? 's' : ''} ${bad.join(', ')}`)
  return {
    accessToken: body.access_token as string,
    expiresInSeconds: expiresIn as number,
    encryptedPayload: body.encrypted_payload as string,
  }
}

function asList(body: unknown, field: string, where: string): unknown[] {
  const list = isObject(body) ? body[field] : undefined
  if (!Array.isArray(list)) throw shapeError(where, `field '${field}' is missing or not a list`)
  return list
}

export function toSecretWithValue(item: unknown, where: string): SecretWithValue {
  if (!isObject(item)) throw shapeError(where, 'a secret is not an object')
  return {
    id: stringField(item, 'id', where).toLowerCase(),
    organizationId: stringField(item, 'organizationId', where).toLowerCase(),
    value: stringField(item, 'value', where),
  }
}

export function toListedSecret(item: unknown, where: string): ListedSecret {
  if (!isObject(item)) throw shapeError(where, 'a secret is not an object')
  const projects = Array.isArray(item.projects) ? item.projects : []
  return {
    id: stringField(item, 'id', where).toLowerCase(),
    organizationId: stringField(item, 'organizationId', where).toLowerCase(),
    key: stringField(item, 'key', where),
    projectIds: projects.filter(isObject).map((p) => String(p.id).toLowerCase()),
    write: typeof item.write === 'boolean' ? item.write : undefined,
  }
}

export type ApiMethod = 'GET' | 'POST' | 'PUT'

/** How a request may be retried, where the client's defaults would be unsafe (a create). */
export type RetryOptions = Pick<HttpRequest, 'retryStatuses' | 'retryNetworkErrors' | 'maxBodyBytes'>

/** Sends an authorised API request; the bearer comes from the session (which renews it). */
export type ApiSend = (method: ApiMethod, path: string, body?: unknown, retry?: RetryOptions) => Promise<HttpResponse>

/** POST /secrets/get-by-ids; undefined when the server answers 404 (some id missing or unreadable). */
// The answer carries every secret asked for (~700 bytes each with short values; the official SDK
// asks for all in one request too): 32 MiB or 4 KiB per id, whichever is more (50,000 ids: 195 MiB).
const BYTES_PER_SECRET = 4096
const MIN_ANSWER_LIMIT = 32 * 1024 * 1024

export async function getSecretsByIds(send: ApiSend, ids: readonly string[]): Promise<SecretWithValue[] | undefined> {
  const maxBodyBytes = Math.max(MIN_ANSWER_LIMIT, ids.length * BYTES_PER_SECRET)
  const res = await send('POST', '/secrets/get-by-ids', { ids }, { maxBodyBytes })
  const where = 'POST /secrets/get-by-ids'
  if (res.status === 404) return undefined
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  return asList(parseJson(res, where), 'data', where).map((item) => toSecretWithValue(item, where))
}

/** GET /secrets/{id}: true when readable, false on 404. Used only to explain a get-by-ids 404. */
export async function isSecretReadable(send: ApiSend, id: string): Promise<boolean> {
  const res = await send('GET', `/secrets/${id}`)
  if (res.status === 404) return false
  if (res.status < 200 || res.status >= 300) throw statusError(res, `GET /secrets/${id}`)
  return true
}

/** GET /organizations/{orgId}/secrets: every secret the machine account can see, keys only. */
export async function listOrganizationSecrets(send: ApiSend, orgId: string): Promise<ListedSecret[]> {
  const path = `/organizations/${orgId}/secrets`
  const where = `GET ${path}`
  const res = await send('GET', path)
  if (res.status === 404) {
    throw statusError(
      res,
      where,
      'The machine account may have no access to any project or secret in this organization',
    )
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  return asList(parseJson(res, where), 'secrets', where).map((item) => toListedSecret(item, where))
}
