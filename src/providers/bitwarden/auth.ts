// A logged-in API session: the JWT, the organization and its key, and a `send` that renews the
// login when fewer than 300 s remain and once more after a 401 (BW-LOGIN-8,
// docs/protocols/bitwarden.md#token-renewal).
import { ServerError } from '../../errors.js'
import type { HttpResponse } from '../../http/client.js'
import { requestSent } from '../../http/while-waiting.js'
import type { ProviderContext } from '../provider.js'
import { login, organizationIdFromJwt, type ApiMethod, type ApiSend, type RetryOptions } from './api.js'
import type { SymmetricKey } from './crypto.js'
import type { BitwardenSettings } from '../../inputs.js'
import { resolveEndpoints, type Endpoints } from './endpoints.js'
import { parseAccessToken, type AccessToken } from './token.js'

export interface Session {
  readonly organizationId: string
  readonly send: ApiSend
  /** Verifies and decrypts an EncString under the organization key. */
  readonly decrypt: (text: string) => string
  /** Encrypts text into a fresh type-2 EncString under the organization key (the write action). */
  readonly encrypt: (text: string) => string
}

const RENEW_MARGIN_MS = 300_000

interface Auth {
  readonly jwt: string
  readonly renewAt: number
  readonly organizationId: string
  readonly organizationKey: SymmetricKey
  readonly decrypt: (text: string) => string
  readonly encrypt: (text: string) => string
}

async function authenticate(ctx: ProviderContext, endpoints: Endpoints, token: AccessToken): Promise<Auth> {
  // Once the login is on the wire, the crypto module loads and the token's key (which needs no
  // answer) is derived, in the round trip instead of after it. Promise.all, so a failed login is
  // never an unhandled rejection.
  const keyed = requestSent()
    .then(() => import('./crypto.js'))
    .then((crypto) => ({ crypto, tokenKey: crypto.deriveTokenKey(token.seed) }))
  const [res, { crypto, tokenKey }] = await Promise.all([login(ctx.http, endpoints.identityUrl, token), keyed])
  ctx.mask(res.accessToken)
  const organizationId = organizationIdFromJwt(res.accessToken, `Login to ${endpoints.identityUrl}`)
  const organizationKey = crypto.decryptOrganizationKey(res.encryptedPayload, tokenKey)
  return {
    jwt: res.accessToken,
    renewAt: ctx.now() + res.expiresInSeconds * 1000 - RENEW_MARGIN_MS,
    organizationId,
    organizationKey,
    decrypt: (text) => crypto.decryptString(text, organizationKey),
    encrypt: (text) => crypto.encryptString(text, organizationKey),
  }
}

export async function openSession(ctx: ProviderContext, endpoints: Endpoints, token: AccessToken): Promise<Session> {
  // The API is another host in Bitwarden's clouds (identity.bitwarden.com, api.bitwarden.com): its
  // connection opens during the login, so the first API request pays no handshakes of its own.
  // With one origin for both (base_url) the login's connection is kept alive and reused instead.
  if (URL.parse(endpoints.apiUrl)?.origin !== URL.parse(endpoints.identityUrl)?.origin)
    ctx.http.preconnect(endpoints.apiUrl)
  let auth = await authenticate(ctx, endpoints, token)
  const first = auth

  async function renew(): Promise<void> {
    auth = await authenticate(ctx, endpoints, token)
    if (auth.organizationId !== first.organizationId) {
      throw new ServerError('The server changed the organization of the access token between two logins.')
    }
  }

  async function once(method: ApiMethod, path: string, body?: unknown, retry?: RetryOptions): Promise<HttpResponse> {
    return ctx.http.send({
      ...retry,
      method,
      url: `${endpoints.apiUrl}${path}`,
      headers: {
        authorization: `Bearer ${auth.jwt}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  // A 401 is answered before anything is done, so sending again after the renewal is safe for
  // writes too.
  const send: ApiSend = async (method, path, body, retry) => {
    if (ctx.now() >= auth.renewAt) await renew()
    const res = await once(method, path, body, retry)
    if (res.status !== 401) return res
    ctx.debug(`${method} ${path} → 401: logging in again once`)
    await renew()
    return once(method, path, body, retry)
  }

  return { organizationId: first.organizationId, decrypt: first.decrypt, encrypt: first.encrypt, send }
}

/**
 * The login the inputs describe, checked before any request (the token parsed and its secret parts
 * masked, the servers resolved), for the read and the write action alike; the returned function
 * logs in.
 */
export function prepareLogin(settings: BitwardenSettings, ctx: ProviderContext): () => Promise<Session> {
  const token = parseAccessToken(settings.accessToken)
  ctx.mask(token.clientSecret)
  ctx.mask(token.keyText)
  const endpoints = resolveEndpoints(settings)
  return () => openSession(ctx, endpoints, token)
}

/** A secret's field decrypted under the session's key; a failure names the secret and the field. */
export function decryptField(session: Session, text: string, id: string, field: string): string {
  try {
    return session.decrypt(text)
  } catch (err) {
    throw new ServerError(`Secret ${id}: its ${field} could not be decrypted: ${(err as Error).message}`, undefined, {
      cause: err,
    })
  }
}
