// The post step's half of export_token: child: revoke the child token by its accessor, with the
// parent token's permission (POST auth/token/revoke-accessor), so a child whose uses are spent or
// whose token text is gone can still be revoked. A failure is a warning, never an error.
import type { VaultSettings } from '../../inputs.js'
import type { CleanupContext } from '../provider.js'
import { revokeAccessor, vaultErrors } from './api.js'

/** The cleanup kind export_token: child records (providers/index.ts routes 'vault-…' kinds here). */
export const CHILD_TOKEN_CLEANUP = 'vault-revoke-child'

/** `vault` is the post step's own reading of the inputs: the parent token, masked by the caller. */
export async function revokeChild(
  data: Readonly<Record<string, string>>,
  vault: Pick<VaultSettings, 'accessToken'>,
  ctx: CleanupContext,
): Promise<void> {
  const { url, namespace, accessor } = data
  if (!url || !accessor) {
    ctx.warning(
      'Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.',
    )
    return
  }
  const res = await revokeAccessor(
    { http: ctx.http, url, token: vault.accessToken, namespace: namespace || undefined },
    accessor,
  )
  if (res.status >= 200 && res.status < 300) {
    ctx.info('Vault child token revoked (export_token: child).')
    return
  }
  const errs = vaultErrors(res)
  // An expired child, or one that spent its last use, is already gone.
  if (res.status === 400 && /invalid accessor/i.test(errs)) {
    ctx.info('Vault child token already gone (expired, used up or revoked).')
    return
  }
  const hint =
    res.status === 403 ? " The parent token's policies must allow 'update' on auth/token/revoke-accessor." : ''
  ctx.warning(
    `Vault child token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-accessor; it lives until its TTL ends.${hint}`,
  )
}

/** Every cleanup kind this wing records, with its handler. */
export const CLEANUP_HANDLERS: Readonly<
  Record<
    string,
    (
      data: Readonly<Record<string, string>>,
      vault: Pick<VaultSettings, 'accessToken'>,
      ctx: CleanupContext,
    ) => Promise<void>
  >
> = { [CHILD_TOKEN_CLEANUP]: revokeChild }
