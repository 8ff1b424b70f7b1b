// Vault's HTTP API (docs/protocols/vault.md#requests, #token-lifetime, #reading-secrets, #errors,
// #retries-and-timeouts): reads, lists, logins and writes (the token endpoints are api-token.ts), with
// response shapes checked and errors that carry the status, the path and Vault's own `errors`
// strings (bounded), never a token or a body.
import { ServerError } from '../../errors.js'
import type { ClientTls, HttpClient, HttpRequest, HttpResponse } from '../../http/client.js'
import { isObject, type Json, jsonObjectOf, oneLine, parseJson } from '../../http/json.js'

export interface VaultEndpoint {
  readonly http: HttpClient
  /** Base URL without a trailing slash. */
  readonly url: string
  readonly token: string
  readonly namespace?: string
  /** `extraHeaders`, sent on every request (ours win over them). */
  readonly headers?: Readonly<Record<string, string>>
}

/** An endpoint before login: no token yet. */
export type VaultServerEndpoint = Omit<VaultEndpoint, 'token'>

// VLT-RETRY-1/2: reads retry 408, 412 (performance standbys), 429 and 5xx gateways, at most 2
// retries; POSTs are never retried.
export const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504])
export const NO_RETRY = new Set<number>()
const MAX_ERROR_TEXT = 300

/** VLT-URL-1: url + /v1/ + path (leading slashes removed), the query kept as a query. */
export function apiUrl(base: string, path: string): string {
  return `${base}/v1/${path.replace(/^\/+/, '').replaceAll('#', '%23')}`
}

export function headers(ep: VaultServerEndpoint & { token?: string }): Record<string, string> {
  return {
    ...ep.headers,
    ...(ep.token !== undefined ? { 'x-vault-token': ep.token } : {}),
    'x-vault-request': 'true',
    ...(ep.namespace ? { 'x-vault-namespace': ep.namespace } : {}),
  }
}

/** Vault's `{"errors":[…]}` strings, whitespace folded and bounded; '' when there are none. */
export function vaultErrors(res: HttpResponse): string {
  const body = jsonObjectOf(res.text)
  if (!body || !Array.isArray(body.errors)) return ''
  const text = body.errors
    .filter((e): e is string => typeof e === 'string')
    .map((e) => oneLine(e.replace(/^\d+ errors? occurred:\s*\*\s*/, ''), MAX_ERROR_TEXT))
    .filter((e) => e !== '')
    .join('; ')
  return oneLine(text, MAX_ERROR_TEXT)
}

/** Vault's `warnings`, bounded (they hold hints such as the versioned K/V one). */
function vaultWarnings(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.warnings)) return []
  return body.warnings.filter((w): w is string => typeof w === 'string').map((w) => oneLine(w, MAX_ERROR_TEXT))
}

export function statusError(res: HttpResponse, what: string): ServerError {
  const errs = vaultErrors(res)
  return new ServerError(`Vault returned ${res.status}${errs ? ` (${errs})` : ''} for ${what}`, res.status)
}

export type ReadResult =
  | { readonly kind: 'ok'; readonly data: Json; readonly v2: boolean }
  | { readonly kind: 'forbidden'; readonly response: HttpResponse }
  | { readonly kind: 'not-found'; readonly errors: string; readonly versioned: boolean; readonly deleted: boolean }

/** GET {url}/v1/{path}: one read (retries aside), with the vendor's per-response KV v2 detection. */
export async function readPath(ep: VaultEndpoint, path: string): Promise<ReadResult> {
  const req: HttpRequest = {
    method: 'GET',
    url: apiUrl(ep.url, path),
    headers: headers(ep),
    retryStatuses: READ_RETRY,
    maxAttempts: 3,
    maxRedirects: 10,
  }
  const res = await ep.http.send(req)
  const where = `"${path}"`
  if (res.status === 403) return { kind: 'forbidden', response: res }
  if (res.status === 404) {
    let body: unknown
    try {
      body = JSON.parse(res.text)
    } catch {
      body = undefined
    }
    const versioned = vaultWarnings(body).some((w) => /versioned K\/V/i.test(w))
    const deleted = isObject(body) && isObject(body.data) && body.data.data === null && isObject(body.data.metadata)
    const list = isObject(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string') : []
    const errors = JSON.stringify({ errors: list })
    // The '…' also lets the scrubber catch a secret the bound cuts in two.
    return {
      kind: 'not-found',
      errors: errors.length > MAX_ERROR_TEXT ? `${errors.slice(0, MAX_ERROR_TEXT)}…` : errors,
      versioned,
      deleted,
    }
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  if (res.text.trim() === '')
    throw new ServerError(
      `Vault answered ${res.status} with an empty body for ${where}: there is no secret data to read.`,
      res.status,
    )
  const body = parseJson(res, `GET ${where}`)
  if (!isObject(body)) throw new ServerError(`Vault's answer for ${where} is not a JSON object.`, res.status)
  if (body.data === null && isObject(body.wrap_info)) {
    throw new ServerError(
      `Vault's answer for ${where} is response-wrapped (wrap_info): the token or a policy asks for wrapping; unwrap it in a step of its own or read the path without wrapping.`,
      res.status,
    )
  }
  if (!isObject(body.data))
    throw new ServerError(
      `Vault's answer for ${where} has no data object (data is ${body.data === null ? 'null' : typeof body.data}).`,
      res.status,
    )
  const inner = body.data.data
  // VLT-READ-1: KV v2 when data.data is neither undefined nor null, exactly as the vendor decides.
  if (inner !== undefined && inner !== null) {
    if (!isObject(inner)) throw new ServerError(`Vault's answer for ${where}: data.data is not an object.`, res.status)
    return { kind: 'ok', data: inner, v2: true }
  }
  return { kind: 'ok', data: body.data, v2: false }
}

export type ListResult =
  | { readonly kind: 'ok'; readonly keys: readonly string[] }
  | { readonly kind: 'forbidden'; readonly response: HttpResponse }
  | { readonly kind: 'not-found' }

/**
 * LIST {url}/v1/{path} as `GET …?list=true` (the same request to Vault: docs/protocols/vault.md#folders),
 * `path` ending in '/': `{"data":{"keys":[…]}}`, sub-folders ending in '/'; 404 when nothing is there.
 */
export async function listPath(ep: VaultEndpoint, path: string): Promise<ListResult> {
  const res = await ep.http.send({
    method: 'GET',
    url: `${apiUrl(ep.url, path)}?list=true`,
    headers: headers(ep),
    retryStatuses: READ_RETRY,
    maxAttempts: 3,
    maxRedirects: 10,
  })
  const where = `LIST "${path}"`
  if (res.status === 403) return { kind: 'forbidden', response: res }
  if (res.status === 404) return { kind: 'not-found' }
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  const body = parseJson(res, where)
  const keys = isObject(body) && isObject(body.data) ? body.data.keys : undefined
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string'))
    throw new ServerError(`Vault's answer for ${where} has no data.keys list of strings.`, res.status)
  return { kind: 'ok', keys }
}

/**
 * POST auth/{mount}/login[/{user}] (docs/protocols/vault.md#logging-in): no token; never retried,
 * since a login may spend a one-time credential (a secret_id with secret_id_num_uses).
 */
export async function loginRequest(ep: VaultServerEndpoint, path: string, payload: unknown): Promise<HttpResponse> {
  return ep.http.send({
    method: 'POST',
    url: apiUrl(ep.url, path),
    headers: { ...headers(ep), 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    retryStatuses: NO_RETRY,
    maxAttempts: 1,
  })
}

/**
 * The run's client with Vault's own TLS settings (tlsSkipVerify, clientCertificate/clientKey) on
 * every request sent through it (docs/protocols/vault.md#tls, VLT-TLS-5): the wing and its post-step
 * handlers send through this, while the run's client (GitHub's OIDC token service, other
 * providers) keeps verifying servers and presents no certificate. Here rather than in
 * src/http/client.ts: a value import from there would make rollup fold wing code into the
 * start-up chunk (measured: index.js's static closure 127 KB → 158 KB).
 */
export function withTls(http: HttpClient, tls: ClientTls | undefined): HttpClient {
  return tls === undefined
    ? http
    : { send: (req) => http.send({ ...req, tls }), preconnect: (url) => http.preconnect(url, tls) }
}

/** POST {path} with a JSON body (PKI issue): a write; never retried (a retry would issue twice). */
export async function writePath(ep: VaultEndpoint, path: string, body: unknown): Promise<HttpResponse> {
  return ep.http.send({
    method: 'POST',
    url: apiUrl(ep.url, path),
    headers: { ...headers(ep), 'content-type': 'application/json' },
    body: JSON.stringify(body),
    retryStatuses: NO_RETRY,
    maxAttempts: 1,
  })
}
