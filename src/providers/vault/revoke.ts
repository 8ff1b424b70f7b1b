// The post step's half of export_token: child: revoke the child token by its accessor, with the
// parent token's permission (POST auth/token/revoke-accessor), so a child whose uses are spent or
// whose token text is gone can still be revoked. A failure is a warning, never an error.
import type { HttpClient } from '../../http.js'
import { revokeAccessor, vaultErrors } from './api.js'

export interface RevokeContext {
  readonly http: HttpClient
  /** The parent token (the step's access_token input), masked by the caller. */
  readonly token: string
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
}

export async function revokeChild(data: Readonly<Record<string, string>>, ctx: RevokeContext): Promise<void> {
  const { url, namespace, accessor } = data
  if (!url || !accessor) {
    ctx.warning(
      'Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.',
    )
    return
  }
  const res = await revokeAccessor(
    { http: ctx.http, url, token: ctx.token.trim(), namespace: namespace || undefined },
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
