// Revokes the access token a machine-identity login issued for the run (POST
// /api/v1/auth/token/revoke, docs/protocols/infisical.md#token-revocation) as soon as the reads are
// done, whether they succeeded or not: the token would otherwise stay valid for its TTL (30 days by
// default), and nothing after the reads needs it. Done in the main step rather than the post step
// so that the bearer token is never written to the runner's state. A failure is a warning.
import { ServerError } from '../../errors.js'
import type { ProviderContext } from '../provider.js'
import { revokeAccessToken } from './api-auth.js'

export async function revokeIssuedToken(baseUrl: string, token: string, ctx: ProviderContext): Promise<void> {
  try {
    await revokeAccessToken(ctx.http, baseUrl, token)
    ctx.debug('Infisical access token revoked.')
  } catch (err) {
    // An expired or already revoked token is refused as unknown: it is gone either way.
    if (err instanceof ServerError && (err.status === 401 || err.status === 404)) return
    ctx.warning(
      `The Infisical access token of this run was not revoked (${err instanceof Error ? err.message : String(err)}); it stays valid until its TTL ends.`,
    )
  }
}
