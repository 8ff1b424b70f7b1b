// Vault's token endpoints (docs/protocols/vault.md#token-lifetime, #child-token): lookup-self,
// child-token create, revoke-accessor and revoke-self. Shapes checked as in api.ts.
import { ServerError } from '../../errors.js'
import type { HttpResponse } from '../../http/client.js'
import { isObject, parseJson } from '../../http/json.js'
import { apiUrl, headers, NO_RETRY, READ_RETRY, statusError, type VaultEndpoint } from './api.js'

export interface TokenInfo {
  readonly policies: readonly string[]
  /** Remaining seconds; 0 for a non-expiring token (expireTime null). */
  readonly ttl: number
  readonly expires: boolean
  /** As reported after the lookup's own use: 0 unlimited, < 0 none left (revocation pending). */
  readonly numUses: number
  readonly namespacePath: string
  readonly type: string
}

/** GET auth/token/lookup-self (spends a use). undefined when Vault refuses it (403). */
export async function lookupSelf(ep: VaultEndpoint, mask: (s: string) => void): Promise<TokenInfo | undefined> {
  const res = await ep.http.send({
    method: 'GET',
    url: apiUrl(ep.url, 'auth/token/lookup-self'),
    headers: headers(ep),
    retryStatuses: READ_RETRY,
    maxAttempts: 3,
  })
  if (res.status === 403) return undefined
  if (res.status !== 200) throw statusError(res, 'auth/token/lookup-self')
  const body = parseJson(res, 'GET auth/token/lookup-self')
  const data = isObject(body) ? body.data : undefined
  if (!isObject(data)) throw new ServerError('Vault answered auth/token/lookup-self without a data object.', res.status)
  // data.id is the token itself (VLT-LIFE-1).
  if (typeof data.id === 'string') mask(data.id)
  const policies = [
    ...(Array.isArray(data.policies) ? data.policies : []),
    ...(Array.isArray(data.identity_policies) ? data.identity_policies : []),
  ]
  return {
    policies: policies.filter((p): p is string => typeof p === 'string'),
    ttl: typeof data.ttl === 'number' ? data.ttl : 0,
    expires: typeof data.expire_time === 'string' && data.expire_time !== '',
    numUses: typeof data.num_uses === 'number' ? data.num_uses : 0,
    namespacePath: typeof data.namespace_path === 'string' ? data.namespace_path.replace(/^\/+|\/+$/g, '') : '',
    type: typeof data.type === 'string' ? data.type : 'service',
  }
}

export interface ChildToken {
  readonly token: string
  readonly accessor: string
}

/** POST auth/token/create: a child (never orphan) of the given token. Not retried. */
export async function createChildToken(
  ep: VaultEndpoint,
  opts: { ttlSeconds: number; numUses?: number; policies?: readonly string[] },
  mask: (s: string) => void,
): Promise<ChildToken> {
  const body = JSON.stringify({
    ttl: `${opts.ttlSeconds}s`,
    no_parent: false,
    renewable: false,
    display_name: 'inject-secrets',
    ...(opts.numUses !== undefined ? { num_uses: opts.numUses } : {}),
    ...(opts.policies !== undefined ? { policies: opts.policies } : {}),
  })
  const res = await ep.http.send({
    method: 'POST',
    url: apiUrl(ep.url, 'auth/token/create'),
    headers: { ...headers(ep), 'content-type': 'application/json' },
    body,
    retryStatuses: NO_RETRY,
    maxAttempts: 1,
  })
  if (res.status !== 200) {
    const hint =
      res.status === 403
        ? ": the token's policies must allow 'update' on auth/token/create"
        : res.status === 400
          ? ' (batch tokens and limited-use tokens cannot create child tokens; policies must be a subset of the parent’s)'
          : ''
    throw new ServerError(`${statusError(res, 'auth/token/create (export_token: child)').message}${hint}.`, res.status)
  }
  const parsed = parseJson(res, 'POST auth/token/create')
  const auth = isObject(parsed) ? parsed.auth : undefined
  if (
    !isObject(auth) ||
    typeof auth.client_token !== 'string' ||
    auth.client_token === '' ||
    typeof auth.accessor !== 'string'
  ) {
    throw new ServerError('Vault answered auth/token/create without auth.client_token and auth.accessor.', res.status)
  }
  mask(auth.client_token)
  return { token: auth.client_token, accessor: auth.accessor }
}

/** POST auth/token/revoke-accessor with the parent's token: revokes the child and its children. */
export async function revokeAccessor(ep: VaultEndpoint, accessor: string): Promise<HttpResponse> {
  return ep.http.send({
    method: 'POST',
    url: apiUrl(ep.url, 'auth/token/revoke-accessor'),
    headers: { ...headers(ep), 'content-type': 'application/json' },
    body: JSON.stringify({ accessor }),
    retryStatuses: NO_RETRY,
    // Revoking is idempotent: one more attempt after a reset or a dropped connection.
    maxAttempts: 2,
  })
}

/** POST auth/token/revoke-self: the token revokes itself (Vault's default policy allows it). */
export async function revokeSelf(ep: VaultEndpoint): Promise<HttpResponse> {
  return ep.http.send({
    method: 'POST',
    url: apiUrl(ep.url, 'auth/token/revoke-self'),
    headers: headers(ep),
    retryStatuses: NO_RETRY,
    // Revoking is idempotent: one more attempt after a reset or a dropped connection.
    maxAttempts: 2,
  })
}
