// Infisical's machine-identity logins and the revocation of the access token they issue
// (docs/protocols/infisical.md#universal-auth, #oidc-auth, #aws-iam-auth, #token-revocation). Bodies
// are form-urlencoded, as Infisical/secrets-action sends them (the server takes JSON too). Messages
// name method, path and status plus the server's short message; never a body, which holds secrets.
import type { HttpClient, HttpResponse } from '../../http/client.js'
import { isObject, parseJson, shapeError, stringField } from '../../http/json.js'
import { ok, statusError } from './api.js'

export interface LoginResult {
  readonly accessToken: string
  readonly expiresIn: number
}

/** Where each login posts, relative to the API base. */
export const LOGIN_PATHS = {
  universal: '/api/v1/auth/universal-auth/login',
  oidc: '/api/v1/auth/oidc-auth/login',
  'aws-iam': '/api/v1/auth/aws-auth/login',
} as const

export type LoginKind = keyof typeof LOGIN_PATHS

/**
 * Posts one login (never retried on 4xx: Universal Auth locks an identity out after 3 failures) and
 * reads `accessToken`. `hint` says what to check when the server refuses it.
 */
export async function postLogin(
  http: HttpClient,
  baseUrl: string,
  kind: LoginKind,
  fields: Readonly<Record<string, string>>,
  hint: (res: HttpResponse) => string,
): Promise<LoginResult> {
  const where = `POST ${LOGIN_PATHS[kind]}`
  const res = await http.send({
    method: 'POST',
    url: `${baseUrl}${LOGIN_PATHS[kind]}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
  })
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw statusError(res, where, hint(res))
  if (!ok(res)) throw statusError(res, where)
  const body = parseJson(res, where)
  if (!isObject(body)) throw shapeError(where, 'not a JSON object')
  const accessToken = stringField(body, 'accessToken', where)
  if (accessToken === '') throw shapeError(where, "'accessToken' is empty")
  const expiresIn = typeof body.expiresIn === 'number' ? body.expiresIn : 0
  return { accessToken, expiresIn }
}

/** POST /api/v1/auth/token/revoke (docs/protocols/infisical.md#token-revocation): no bearer, the token in the body. */
export async function revokeAccessToken(http: HttpClient, baseUrl: string, accessToken: string): Promise<void> {
  const path = '/api/v1/auth/token/revoke'
  const res = await http.send({
    method: 'POST',
    url: `${baseUrl}${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ accessToken }).toString(),
  })
  if (!ok(res)) throw statusError(res, `POST ${path}`)
}
