// Vault logins other than a given token (docs/protocols/vault.md#logging-in): one POST to
// auth/{path or method}/login with what the method sends, as hashicorp/vault-action v3.4.0 does.
// Loaded only when `method` is not token. Every credential is masked before it is sent, and so is
// the token Vault answers with.
import { readFile } from 'node:fs/promises'
import { InputError, ServerError } from '../../errors.js'
import { isObject, parseJson } from '../../http/json.js'
import type { VaultLogin } from '../../inputs.js'
import type { ProviderContext } from '../provider.js'
import { loginRequest, vaultErrors, type VaultServerEndpoint } from './api.js'
import { stringLeaves } from './values.js'

export type MethodLogin = Exclude<VaultLogin, { method: 'token' }>

export interface LoginResult {
  /** The new token (masked). */
  readonly token: string
  /** Vault's token_type: a batch token cannot revoke itself. */
  readonly batch: boolean
}

interface LoginRequest {
  readonly path: string
  readonly payload: unknown
  /** What a failure names besides method and mount (never a credential). */
  readonly role?: string
  readonly jwt?: string
}

/** The Kubernetes service account token, sent as read (vault-action does not trim it). */
async function kubernetesToken(path: string, mask: (s: string) => void): Promise<string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new InputError(
      `Input 'kubernetesTokenPath': cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); 'method: kubernetes' needs the pod's service account token there.`,
    )
  }
  if (text.trim() === '') throw new InputError(`Input 'kubernetesTokenPath': ${path} is empty.`)
  mask(text.trim())
  return text
}

async function requestFor(login: MethodLogin, ep: VaultServerEndpoint, ctx: ProviderContext): Promise<LoginRequest> {
  const path = `auth/${login.mount}/login`
  switch (login.method) {
    case 'approle':
      if (login.secretId !== '') ctx.mask(login.secretId)
      return { path, payload: { role_id: login.roleId, secret_id: login.secretId } }
    case 'github':
      ctx.mask(login.githubToken)
      return { path, payload: { token: login.githubToken } }
    case 'jwt': {
      // A job's ID token comes first, from GitHub's token service: Vault's connection opens meanwhile.
      const early = (): void => ep.http.preconnect(ep.url)
      const jwt = await (await import('./login-jwt.js')).jwtFor(login, ctx, early)
      return { path, payload: { jwt, role: login.role }, role: login.role, jwt }
    }
    case 'kubernetes': {
      const jwt = await kubernetesToken(login.tokenPath, ctx.mask)
      return { path, payload: { jwt, role: login.role }, role: login.role }
    }
    case 'userpass':
    case 'ldap':
      ctx.mask(login.password)
      return {
        path: `${path}/${encodeURIComponent(login.username)}`,
        payload: { password: login.password },
        role: `user '${login.username}'`,
      }
    case 'cert': {
      // The credential is the TLS client certificate; the body names the certificate role at most.
      const payload = JSON.parse(login.payload) as Record<string, unknown>
      return { path, payload, role: typeof payload.name === 'string' ? payload.name : undefined }
    }
    default: {
      const payload: unknown = JSON.parse(login.payload)
      // Whatever the payload carries may be a credential.
      for (const leaf of stringLeaves(payload)) if (leaf.length >= 4) ctx.mask(leaf)
      return { path, payload }
    }
  }
}

/** Logs in; throws an error naming method, mount and role, with Vault's own error text. */
export async function logIn(login: MethodLogin, ep: VaultServerEndpoint, ctx: ProviderContext): Promise<LoginResult> {
  const req = await requestFor(login, ep, ctx)
  const method = login.method === 'custom' ? login.name : login.method
  const role =
    req.role === undefined
      ? ''
      : req.role.startsWith('user ')
        ? `, ${req.role}`
        : req.role === ''
          ? ", role '' (the mount's default role)"
          : `, role '${req.role}'`
  const what = `Vault login failed (method '${method}', mount 'auth/${login.mount}'${role})`
  const res = await loginRequest(ep, req.path, req.payload)
  if (res.status < 200 || res.status >= 300) {
    const errs = vaultErrors(res)
    let hint = ''
    if (req.jwt !== undefined) hint = ` ${(await import('./login-jwt.js')).describeJwt(req.jwt)}`
    else if (res.status === 404 || /no handler for route/.test(errs))
      hint = ` Is an auth method mounted at 'auth/${login.mount}'? Set 'path' to its mount.`
    throw new ServerError(`${what}: Vault returned ${res.status}${errs ? ` (${errs})` : ''}.${hint}`, res.status)
  }
  const body = parseJson(res, `POST ${req.path}`)
  const auth = isObject(body) ? body.auth : undefined
  if (!isObject(auth) || typeof auth.client_token !== 'string' || auth.client_token === '') {
    throw new ServerError(`${what}: Vault answered ${res.status} without auth.client_token.`, res.status)
  }
  ctx.mask(auth.client_token)
  const policies = Array.isArray(auth.policies) ? auth.policies.filter((p) => typeof p === 'string') : []
  ctx.debug(
    `Vault login (method '${method}', mount 'auth/${login.mount}'): policies ${policies.join(', ') || '(none)'}`,
  )
  return { token: auth.client_token, batch: auth.token_type === 'batch' || /^(hv)?b\./.test(auth.client_token) }
}
