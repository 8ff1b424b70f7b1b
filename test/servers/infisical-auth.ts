/**
 * The machine-identity logins of the test Infisical server beyond Universal Auth, checked as the
 * real server checks them (docs/protocols/infisical.md#oidc-auth, #aws-iam-auth):
 *
 * - OIDC Auth: the JWT's signature against the identity provider's key (here the GitHub OIDC
 *   stand-in's signer), then expiry and not-before (jsonwebtoken's verify, no clock tolerance), the
 *   bound issuer, the bound subject (exact or picomatch glob), the bound audiences (", "-separated,
 *   any one matching) and bound claims, with the real server's statuses and messages.
 * - AWS Auth: the real server forwards the signed GetCallerIdentity to STS; this stand-in checks the
 *   request's shape (method, body, Host for the region in the credential scope, X-Amz-Date near the
 *   clock, the signed header list) and then recomputes the SigV4 signature with the identity's
 *   secret key, as STS would, with node:crypto written here (not the action's code).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { globMatch } from './infisical.js'

export class AuthFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export interface OidcAuthConfig {
  /** The provider's signature check: the claims when the signature is its own, else undefined. */
  verify(jwt: string): Record<string, unknown> | undefined
  boundIssuer: string
  /** Comma-and-space-separated audiences; '' allows any. */
  boundAudiences: string
  /** Exact subject or glob; '' allows any. */
  boundSubject: string
  boundClaims?: Record<string, string>
}

const fieldMatches = (value: string, policy: string): boolean => value === policy || globMatch(value, policy)

/** identity-oidc-auth-service.ts login: throws AuthFailure with the server's status and message. */
export function checkOidcToken(jwt: string, config: OidcAuthConfig, nowMs: number): Record<string, unknown> {
  const claims = config.verify(jwt)
  if (!claims) throw new AuthFailure(401, 'Access denied: invalid signature')
  const now = Math.floor(nowMs / 1000)
  if (typeof claims.exp === 'number' && now >= claims.exp) throw new AuthFailure(401, 'Access denied: jwt expired')
  if (typeof claims.nbf === 'number' && now < claims.nbf) throw new AuthFailure(401, 'Access denied: jwt not active')
  if (claims.iss !== config.boundIssuer)
    throw new AuthFailure(401, `Access denied: jwt issuer invalid. expected: ${config.boundIssuer}`)
  if (config.boundSubject && !fieldMatches(String(claims.sub ?? ''), config.boundSubject))
    throw new AuthFailure(403, 'Access denied: OIDC subject not allowed.')
  if (config.boundAudiences) {
    const auds = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud ?? '')]
    const allowed = config.boundAudiences.split(', ')
    if (!allowed.some((policy) => auds.some((aud) => fieldMatches(aud, policy))))
      throw new AuthFailure(401, 'Access denied: OIDC audience not allowed.')
  }
  for (const [name, policy] of Object.entries(config.boundClaims ?? {})) {
    const value = claims[name]
    if (value === undefined || value === '') throw new AuthFailure(401, `Access denied: token has no ${name} field`)
    if (!policy.split(', ').some((p) => fieldMatches(String(value), p)))
      throw new AuthFailure(401, 'Access denied: OIDC claim not allowed.')
  }
  return claims
}

export interface AwsAuthConfig {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

export interface AwsLoginFields {
  iamHttpRequestMethod?: unknown
  iamRequestBody?: unknown
  iamRequestHeaders?: unknown
}

const hex = (data: string): string => createHash('sha256').update(data).digest('hex')

/** STS's view of the forwarded request; throws AuthFailure as the server would relay STS's refusal. */
export function checkAwsRequest(fields: AwsLoginFields, config: AwsAuthConfig, nowMs: number): void {
  const method = typeof fields.iamHttpRequestMethod === 'string' ? fields.iamHttpRequestMethod : 'POST'
  if (typeof fields.iamRequestBody !== 'string' || typeof fields.iamRequestHeaders !== 'string')
    throw new AuthFailure(422, 'iamRequestBody and iamRequestHeaders are required')
  const body = Buffer.from(fields.iamRequestBody, 'base64').toString('utf8')
  let headers: Record<string, string>
  try {
    headers = JSON.parse(Buffer.from(fields.iamRequestHeaders, 'base64').toString('utf8')) as Record<string, string>
  } catch {
    throw new AuthFailure(400, 'iamRequestHeaders is not base64 JSON')
  }
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
  const auth = headers.Authorization ?? headers.authorization ?? ''
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/sts\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    )
  if (!m) throw new AuthFailure(400, 'Invalid AWS region')
  const [, keyId, date, region, signedList, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (!/^[a-z0-9-]{1,20}$/.test(region)) throw new AuthFailure(400, 'Invalid AWS region')
  // What STS would refuse, relayed by Infisical as a failed request.
  const refuse = (why: string): never => {
    throw new AuthFailure(401, `Request failed with status code 403 (${why})`)
  }
  if (method !== 'POST' || body !== 'Action=GetCallerIdentity&Version=2011-06-15') refuse('not GetCallerIdentity')
  if (lower.host !== `sts.${region}.amazonaws.com`) refuse('Host is not the region’s STS endpoint')
  const amzDate = lower['x-amz-date'] ?? ''
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
  if (Number.isNaN(signedAt) || Math.abs(nowMs - signedAt) > 15 * 60_000 || amzDate.slice(0, 8) !== date)
    refuse('X-Amz-Date missing or not within 15 minutes')
  const signed = signedList.split(';')
  for (const h of ['host', 'x-amz-date', ...(config.sessionToken ? ['x-amz-security-token'] : [])])
    if (!signed.includes(h)) refuse(`${h} is not signed`)
  if (keyId !== config.accessKeyId) refuse('unknown access key')
  if ((lower['x-amz-security-token'] ?? '') !== (config.sessionToken ?? '')) refuse('bad security token')
  const canonical = [
    'POST',
    '/',
    '',
    ...signed.map((h) => `${h}:${(lower[h] ?? '').trim().replace(/\s+/g, ' ')}`),
    '',
    signedList,
    hex(body),
  ].join('\n')
  const scope = `${date}/${region}/sts/aws4_request`
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${hex(canonical)}`
  let key: Buffer = createHmac('sha256', `AWS4${config.secretAccessKey}`).update(date).digest()
  for (const part of [region, 'sts', 'aws4_request']) key = createHmac('sha256', key).update(part).digest()
  const expected = createHmac('sha256', key).update(toSign).digest()
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) refuse('SignatureDoesNotMatch')
}
