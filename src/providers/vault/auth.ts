// The session a run reads with: the token as given (checked for shape, never for validity: each
// use of a limited-use token is precious), or the one a login method got (login.ts). On a 403 one
// lookup-self, shared by the parallel reads, says whether the token or a policy is at fault;
// check_token asks up front.
import { InputError, ServerError } from '../../errors.js'
import type { VaultSettings } from '../../inputs.js'
import type { ProviderContext } from '../provider.js'
import { statusError, type ReadResult, type VaultEndpoint } from './api.js'
import { lookupSelf, type TokenInfo } from './api-token.js'
import { parseVaultToken, type VaultToken } from './token.js'

/** A logged-in endpoint, and what it can say about its own token when a read is refused. */
export interface VaultSession {
  readonly ep: VaultEndpoint
  /** The error for a refused read, explained by one lookup-self per run. */
  forbidden(path: string, res: ReadResult & { kind: 'forbidden' }): Promise<ServerError>
  /** check_token: fails early when the token will not last the run (`paths` reads). */
  checkToken(paths: number): Promise<void>
}

function duration(seconds: number): string {
  if (seconds <= 0) return '0s'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('')
}

function describe(info: TokenInfo): string {
  const uses =
    info.numUses === 0
      ? 'unlimited uses'
      : info.numUses < 0
        ? 'no uses left'
        : `${info.numUses} use${info.numUses === 1 ? '' : 's'} left`
  const ttl = info.expires ? `expires in ${duration(info.ttl)}` : 'does not expire'
  return `policies: ${info.policies.join(', ') || '(none)'}; ${ttl}; ${uses}`
}

function namespaceHint(vault: VaultSettings, token: string, info?: TokenInfo): string {
  const used = vault.namespace ?? ''
  if (info && info.namespacePath !== used && !used.startsWith(`${info.namespacePath}/`)) {
    return ` The token belongs to namespace '${info.namespacePath || '(root)'}' but the request used '${used || '(root)'}': set 'namespace: ${info.namespacePath}' (or VAULT_NAMESPACE).`
  }
  if (!info && used !== '') return ` Check also that 'namespace: ${used}' is the token's namespace (or a child of it).`
  // Tokens created in a namespace carry a `.<namespace id>` suffix.
  if (!info && used === '' && /^(hv)?[sb]\.[^.]+\.[^.]+$/.test(token)) {
    return " The token has a namespace suffix: set 'namespace' (or VAULT_NAMESPACE) to the namespace it was created in."
  }
  return ''
}

/** Logs in with the token input: masks it, checks its shape and what the inputs ask of it. */
export function login(vault: VaultSettings, url: string, ctx: ProviderContext): VaultSession {
  const token = parseVaultToken(vault.accessToken)
  ctx.mask(token.value)
  if (token.kind === 'recovery')
    ctx.warning(
      'The access token is a Vault recovery token (hvr./r.): it works only while the server runs in recovery mode.',
    )
  if (token.kind === 'batch' && vault.exportToken === 'child') {
    throw new InputError(
      "Input 'export_token' is 'child', but the access token is a batch token (hvb./b.), which cannot create child tokens.",
    )
  }
  return session(vault, url, token, ctx)
}

/** The session for a token a login method got (masked already). */
export function loggedIn(vault: VaultSettings, url: string, value: string, ctx: ProviderContext): VaultSession {
  const m = /^(hv)?([sbr])\./.exec(value)
  if (m?.[2] === 'b' && vault.exportToken === 'child') {
    throw new ServerError(
      "Input 'export_token' is 'child', but the login gave a batch token, which cannot create child tokens (the role's token_type is batch).",
    )
  }
  return session(vault, url, { value, kind: 'service', legacy: false }, ctx)
}

function session(vault: VaultSettings, url: string, token: VaultToken, ctx: ProviderContext): VaultSession {
  const ep: VaultEndpoint = {
    http: ctx.http,
    url,
    token: token.value,
    namespace: vault.namespace,
    headers: vault.extraHeaders,
  }

  // VLT-LIFE-2 (docs/protocols/vault.md#token-lifetime): at most one lookup-self per run to explain
  // a 403, shared by parallel reads.
  let lookup: Promise<TokenInfo | undefined> | undefined
  const explainLookup = (): Promise<TokenInfo | undefined> => (lookup ??= lookupSelf(ep, ctx.mask))

  async function forbidden(path: string, res: ReadResult & { kind: 'forbidden' }): Promise<ServerError> {
    const base = statusError(res.response, `"${path}"`).message
    let info: TokenInfo | undefined
    try {
      info = await explainLookup()
    } catch (err) {
      return new ServerError(
        `${base}. Vault refuses the token or its policies deny this path (lookup-self to tell which failed: ${(err as Error).message}).`,
        403,
      )
    }
    if (!info) {
      return new ServerError(
        `${base}: the token is invalid, expired, revoked or out of uses (lookup-self was refused too).${namespaceHint(vault, token.value)}`,
        403,
      )
    }
    return new ServerError(
      `${base}: the token is valid (${describe(info)}) but its policies do not allow reading this path; grant 'read' on "${path.replace(/\?.*$/, '')}" to one of them.${namespaceHint(vault, token.value, info)}`,
      403,
    )
  }

  async function checkToken(paths: number): Promise<void> {
    const info = await lookupSelf(ep, ctx.mask)
    if (!info) {
      throw new ServerError(
        `check_token: Vault refused auth/token/lookup-self: the token is invalid, expired, revoked or out of uses.${namespaceHint(vault, token.value)}`,
        403,
      )
    }
    if (info.expires && info.ttl < vault.minTtlSeconds) {
      throw new ServerError(
        `check_token: the token expires in ${duration(info.ttl)}, less than min_ttl (${duration(vault.minTtlSeconds)}); renew it or issue a longer-lived one (${describe(info)}).`,
      )
    }
    // Vault reports num_uses after the lookup's own use; -1 means the lookup spent the last one.
    const needed = paths + (vault.exportToken === 'child' ? 1 : 0)
    if (info.numUses !== 0) {
      const left = Math.max(0, info.numUses)
      if (vault.exportToken === 'child') {
        throw new ServerError(
          `check_token: the token is limited to a number of uses (${left} left after the check), and limited-use tokens cannot create the child token export_token asks for.`,
        )
      }
      if (left < needed) {
        throw new ServerError(
          `check_token: the token has ${left} use${left === 1 ? '' : 's'} left after this check (lookup-self spent one), but the run needs ${needed} (one per distinct path); issue it with num_uses of at least ${needed + 1}, or drop check_token to save a use.`,
        )
      }
    }
    ctx.debug(`check_token: token ok (${describe(info)}); ${needed} request${needed === 1 ? '' : 's'} to go`)
  }

  return { ep, forbidden, checkToken }
}
