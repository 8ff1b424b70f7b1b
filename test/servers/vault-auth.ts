// The Vault test server's auth methods (docs/protocols/vault.md#logging-in): what real Vault checks
// at POST auth/{mount}/login[/{user}], with its error texts. AppRole role_id/secret_id (and
// bind_secret_id), JWT (RS256 signature against the key the test registers, expiry and not-before,
// bound_audiences, bound_subject, bound_claims, the mount's default role), Kubernetes (the service
// account token the role expects, standing in for a TokenReview), GitHub (tokens → policies),
// userpass and LDAP (passwords), TLS certificates (the connection's client certificate against each
// role's CA), and a custom method whose check the test gives.
import { X509Certificate } from 'node:crypto'

export interface JwtRole {
  boundAudiences?: string[]
  boundSubject?: string
  boundClaims?: Record<string, string | string[]>
  policies: string[]
}

export type AuthMount =
  | {
      type: 'approle'
      roles: Array<{ roleId: string; secretIds: string[]; bindSecretId?: boolean; policies: string[] }>
    }
  | {
      type: 'jwt'
      /** Checks the signature (RS256) with the registered key; the claims, or undefined. */
      verify: (jwt: string) => Record<string, unknown> | undefined
      defaultRole?: string
      roles: Record<string, JwtRole>
    }
  | { type: 'kubernetes'; roles: Record<string, { serviceAccountToken: string; policies: string[] }> }
  | { type: 'github'; tokens: Record<string, string[]> }
  | { type: 'userpass' | 'ldap'; users: Record<string, { password: string; policies: string[] }> }
  /** TLS certificate auth: each role trusts a CA (or a leaf) certificate, PEM, as `vault write auth/cert/certs/<name>`. */
  | { type: 'cert'; roles: Record<string, { certificate: string; policies: string[] }> }
  | { type: 'custom'; check: (body: Record<string, unknown>) => string[] | string }

export type LoginOutcome =
  | { readonly ok: true; readonly policies: string[]; readonly metadata: Record<string, string> }
  | { readonly ok: false; readonly status: number; readonly error: string }

const fail = (status: number, error: string): LoginOutcome => ({ ok: false, status, error })
const ok = (policies: string[], metadata: Record<string, string> = {}): LoginOutcome => ({
  ok: true,
  policies,
  metadata,
})

function matches(value: unknown, wanted: string | string[]): boolean {
  const list = Array.isArray(wanted) ? wanted : [wanted]
  return typeof value === 'string' && list.includes(value)
}

function jwtLogin(m: Extract<AuthMount, { type: 'jwt' }>, body: Record<string, unknown>, nowMs: number): LoginOutcome {
  const name = typeof body.role === 'string' && body.role !== '' ? body.role : m.defaultRole
  if (name === undefined) return fail(400, 'missing role')
  const role = m.roles[name]
  if (!role) return fail(400, `role "${name}" could not be found`)
  if (typeof body.jwt !== 'string' || body.jwt === '') return fail(400, 'missing token')
  const claims = m.verify(body.jwt)
  if (!claims) return fail(400, 'error validating token: failed to verify id token signature')
  const now = nowMs / 1000
  // go-jose's default leeway is 150 s for exp and nbf (Vault's clock_skew_leeway default 60 s, plus expiration_leeway 150 s).
  if (typeof claims.exp === 'number' && now > claims.exp + 150)
    return fail(400, 'error validating claims: validation failed, token is expired (exp)')
  if (typeof claims.nbf === 'number' && now < claims.nbf - 150)
    return fail(400, 'error validating claims: validation failed, token not valid yet (nbf)')
  if (role.boundAudiences && role.boundAudiences.length > 0) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.some((a) => role.boundAudiences!.includes(a as string)))
      return fail(
        400,
        'error validating claims: invalid audience (aud) claim: audience claim does not match any expected audience',
      )
  } else if (claims.aud !== undefined) {
    return fail(400, 'error validating claims: audience claim found in JWT but no audiences bound to the role')
  }
  if (role.boundSubject !== undefined && claims.sub !== role.boundSubject)
    return fail(400, 'error validating claims: sub claim does not match bound subject')
  for (const [claim, wanted] of Object.entries(role.boundClaims ?? {})) {
    if (!matches(claims[claim], wanted))
      return fail(400, `error validating claims: claim "${claim}" does not match any associated bound claim values`)
  }
  return ok(role.policies, { role: name })
}

/**
 * Vault's cert login (builtin/credential/cert/path_login.go): the connection's client certificate
 * must chain to (or be) a role's certificate and be within its validity; `name` restricts the
 * match to that role. `peer` is undefined on plain HTTP and when no certificate was presented.
 */
function certLogin(
  m: Extract<AuthMount, { type: 'cert' }>,
  body: Record<string, unknown>,
  nowMs: number,
  peer: { tls: boolean; cert?: X509Certificate },
): LoginOutcome {
  if (!peer.tls) return fail(400, 'tls connection required')
  const name = typeof body.name === 'string' ? body.name : ''
  const leaf = peer.cert
  const live = leaf !== undefined && Date.parse(leaf.validFrom) <= nowMs && nowMs <= Date.parse(leaf.validTo)
  for (const [role, entry] of Object.entries(m.roles)) {
    if (name !== '' && role !== name) continue
    const trusted = new X509Certificate(entry.certificate)
    const matches =
      leaf !== undefined &&
      (leaf.fingerprint256 === trusted.fingerprint256 || (leaf.checkIssued(trusted) && leaf.verify(trusted.publicKey)))
    if (live && matches) return ok(entry.policies, { role, cert_name: role })
  }
  return fail(400, 'invalid certificate or no client certificate supplied')
}

/** Checks one login; `rest` is what follows `login` in the path ('' or '/<user>'). */
export function checkLogin(
  m: AuthMount,
  rest: string,
  body: Record<string, unknown>,
  nowMs: number,
  peer: { tls: boolean; cert?: X509Certificate } = { tls: false },
): LoginOutcome {
  switch (m.type) {
    case 'cert':
      return certLogin(m, body, nowMs, peer)
    case 'approle': {
      if (typeof body.role_id !== 'string' || body.role_id === '') return fail(400, 'missing role_id')
      const role = m.roles.find((r) => r.roleId === body.role_id)
      if (!role) return fail(400, 'invalid role or secret ID')
      if (role.bindSecretId === false) return ok(role.policies)
      if (typeof body.secret_id !== 'string' || body.secret_id === '') return fail(400, 'missing secret_id')
      if (!role.secretIds.includes(body.secret_id)) return fail(400, 'invalid role or secret ID')
      return ok(role.policies)
    }
    case 'jwt':
      return jwtLogin(m, body, nowMs)
    case 'kubernetes': {
      if (typeof body.role !== 'string' || body.role === '') return fail(400, 'missing role')
      const role = m.roles[body.role]
      if (!role) return fail(400, `invalid role name "${body.role}"`)
      if (typeof body.jwt !== 'string' || body.jwt === '') return fail(400, 'missing jwt')
      if (body.jwt !== role.serviceAccountToken) return fail(403, 'permission denied')
      return ok(role.policies)
    }
    case 'github': {
      if (typeof body.token !== 'string' || body.token === '') return fail(400, 'missing token')
      const policies = m.tokens[body.token]
      return policies ? ok(policies) : fail(400, 'API error: 401 Bad credentials')
    }
    case 'userpass':
    case 'ldap': {
      const user = decodeURIComponent(rest.replace(/^\//, ''))
      if (user === '') return fail(405, 'unsupported operation')
      const u = m.users[user]
      const bad = m.type === 'ldap' ? 'ldap operation failed: failed to bind as user' : 'invalid username or password'
      if (!u || body.password !== u.password) return fail(400, bad)
      return ok(u.policies, { username: user })
    }
    case 'custom': {
      const r = m.check(body)
      return typeof r === 'string' ? fail(400, r) : ok(r)
    }
  }
}
