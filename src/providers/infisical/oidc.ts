// GitHub OIDC login (`method: oidc`, docs/protocols/infisical.md#oidc-auth): the job's GitHub ID
// token for `oidc-audience` (GitHub's default audience when empty, as the vendor's getIDToken) goes
// to Infisical with the identity's id. A refusal names the identity, the audience and the subject
// the token carried (claims, not the token), which is what an identity's OIDC settings are matched
// against.
import type { ProviderContext } from '../provider.js'
import { postLogin, type LoginResult } from './api-auth.js'

/** `aud` and `sub` of a JWT, read without verifying it (for messages only); '?' when unreadable. */
export function claimsForMessage(jwt: string): { audience: string; subject: string } {
  let payload: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null) payload = parsed as Record<string, unknown>
  } catch {
    // Not a JWT: the message says '?'.
  }
  const text = (v: unknown): string =>
    (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : typeof v === 'string' ? v : '?').slice(
      0,
      200,
    ) || '?'
  return { audience: text(payload.aud), subject: text(payload.sub) }
}

export async function oidcLogin(
  ctx: ProviderContext,
  baseUrl: string,
  identityId: string,
  audience: string | undefined,
): Promise<LoginResult> {
  // The ID token comes first, from GitHub's token service: Infisical's connection opens meanwhile.
  const jwt = await ctx.idToken(audience, "Input 'method' is 'oidc'", () => ctx.http.preconnect(baseUrl))
  return postLogin(ctx.http, baseUrl, 'oidc', { identityId, jwt }, () => {
    const sent = claimsForMessage(jwt)
    return (
      `Infisical refused identity ${identityId}'s GitHub ID token (audience '${sent.audience}', subject '${sent.subject}'). ` +
      "Check the identity's OIDC Auth settings: discovery URL and issuer https://token.actions.githubusercontent.com, " +
      `an allowed audience equal to ${audience === undefined ? "GitHub's default audience (or set 'oidc-audience')" : "'oidc-audience'"}, ` +
      "and a subject pattern that matches; and that 'identity-id' is the identity's id"
    )
  })
}
