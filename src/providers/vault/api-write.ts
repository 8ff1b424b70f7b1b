// Vault's write side (docs/protocols/vault.md#writing): the read that gives the current data and
// KV v2 version, the mount's KV version for a path that does not exist yet, the token's
// capabilities, and the writes. Errors carry the status, the path and Vault's own `errors`.
import { ServerError } from '../../errors.js'
import type { HttpResponse } from '../../http/client.js'
import { isObject, jsonObjectOf, parseJson, type Json } from '../../http/json.js'
import { apiUrl, headers, statusError, vaultErrors, type VaultEndpoint } from './api.js'

/** What is stored at a path: KV v2 with its version (0: none yet), KV v1, or nothing. */
export type Stored =
  | { readonly kind: 'v2'; readonly version: number; readonly data: Json }
  | { readonly kind: 'v1'; readonly data: Json }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unversioned-path' }
  | { readonly kind: 'forbidden' }

const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504])

async function send(ep: VaultEndpoint, method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResponse> {
  return ep.http.send({
    method,
    url: apiUrl(ep.url, path),
    headers: { ...headers(ep), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    // Reads retry as the read action's do; a write never: a lost answer may hide a write made.
    ...(method === 'GET' ? { retryStatuses: READ_RETRY, maxAttempts: 3 } : { maxAttempts: 1 }),
  })
}

/** GET <path>, the read-before-write: the current keys and, for KV v2, the version to check-and-set on. */
export async function readStored(ep: VaultEndpoint, path: string): Promise<Stored> {
  const res = await send(ep, 'GET', path)
  if (res.status === 403) return { kind: 'forbidden' }
  const body = jsonObjectOf(res.text)
  if (res.status === 404) {
    const warnings = isObject(body) && Array.isArray(body.warnings) ? body.warnings : []
    if (warnings.some((w) => typeof w === 'string' && /versioned K\/V/i.test(w))) return { kind: 'unversioned-path' }
    // A deleted (not destroyed) KV v2 version: 404 with its metadata; the next write must name it.
    const meta = isObject(body) && isObject(body.data) ? body.data.metadata : undefined
    if (isObject(meta) && typeof meta.version === 'number') return { kind: 'v2', version: meta.version, data: {} }
    return { kind: 'missing' }
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, `"${path}"`)
  const json = parseJson(res, `GET "${path}"`)
  if (!isObject(json) || !isObject(json.data)) throw new ServerError(`Vault's answer for "${path}" has no data object.`)
  const inner = json.data.data
  // The read action's KV v2 test (VLT-READ-1), plus the version its metadata carries.
  if (inner !== undefined && inner !== null) {
    const meta = json.data.metadata
    if (!isObject(inner) || !isObject(meta) || typeof meta.version !== 'number') {
      throw new ServerError(`Vault's answer for "${path}" is KV v2 without data or a version number.`)
    }
    return { kind: 'v2', version: meta.version, data: inner }
  }
  return { kind: 'v1', data: json.data }
}

/**
 * The KV version of the mount a path lives on (GET sys/internal/ui/mounts/<path>, as the Vault CLI
 * asks before `kv put`): needed only for a path that does not exist yet.
 */
export async function mountOf(ep: VaultEndpoint, path: string): Promise<{ mount: string; version: 1 | 2 } | undefined> {
  const res = await send(ep, 'GET', `sys/internal/ui/mounts/${path}`)
  if (res.status < 200 || res.status >= 300) return undefined
  const body = jsonObjectOf(res.text)
  const data = isObject(body) && isObject(body.data) ? body.data : undefined
  if (!data || (data.type !== 'kv' && data.type !== 'generic') || typeof data.path !== 'string') return undefined
  const version = isObject(data.options) && data.options.version === '2' ? 2 : 1
  return { mount: data.path, version }
}

/** POST sys/capabilities-self: the token's capabilities on each path; undefined when Vault will not say. */
export async function capabilities(
  ep: VaultEndpoint,
  paths: readonly string[],
): Promise<ReadonlyMap<string, readonly string[]> | undefined> {
  const res = await send(ep, 'POST', 'sys/capabilities-self', { paths })
  if (res.status < 200 || res.status >= 300) return undefined
  const body = jsonObjectOf(res.text)
  const data = isObject(body) && isObject(body.data) ? body.data : body
  if (!data) return undefined
  const out = new Map<string, string[]>()
  for (const p of paths) {
    const caps = data[p]
    if (!Array.isArray(caps)) return undefined
    out.set(
      p,
      caps.filter((c): c is string => typeof c === 'string'),
    )
  }
  return out
}

const CAS_MISMATCH = /check-and-set parameter did not match/i

/** POST <mount>/data/<path> with check-and-set on the version read; the new version. */
export async function writeV2(ep: VaultEndpoint, path: string, data: Json, cas: number): Promise<number> {
  const res = await send(ep, 'POST', path, { data, options: { cas } })
  if (res.status === 400 && CAS_MISMATCH.test(vaultErrors(res))) {
    throw new ServerError(
      `Vault refused the write to "${path}": it changed since it was read (check-and-set on version ${cas} failed), so nothing was overwritten. Run again to write over the new version.`,
      400,
    )
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, `the write to "${path}"`)
  const body = jsonObjectOf(res.text)
  const version = isObject(body) && isObject(body.data) ? body.data.version : undefined
  if (typeof version !== 'number') throw new ServerError(`Vault's answer to the write to "${path}" has no version.`)
  return version
}

/** POST <path> on KV v1: the whole secret replaced (no check-and-set exists there). */
export async function writeV1(ep: VaultEndpoint, path: string, data: Json): Promise<void> {
  const res = await send(ep, 'POST', path, data)
  if (res.status < 200 || res.status >= 300) throw statusError(res, `the write to "${path}"`)
}
