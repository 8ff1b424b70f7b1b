// Picks the wing for a run and is the only importer of one. A wing's module is loaded only when its
// provider is used; only the token shapes (a regular expression each) are loaded up front.
import type { BitwardenSettings, ProviderChoice, Settings } from '../inputs.js'
import type { VaultWriteServer } from '../write/inputs.js'
import { INFISICAL_METHODS, type InfisicalLoginSettings } from '../inputs/infisical.js'
import { TOKEN_SHAPE as INFISICAL_TOKEN } from './infisical/token.js'
import type { CleanupContext, CleanupHandler, Provider, ProviderContext, ProviderKind } from './provider.js'
import { TOKEN_SHAPE as VAULT_TOKEN } from './vault/token.js'
import type { Writer } from './writer.js'

// Token shapes that select a provider when `provider` is 'auto'. Bitwarden's `0.<id>.<secret>:<key>`
// is the fallback, so that a damaged Bitwarden token gets Bitwarden's precise parse error rather
// than "unknown token".
const TOKEN_SHAPES: ReadonlyArray<readonly [ProviderKind, RegExp]> = [
  ['infisical', INFISICAL_TOKEN],
  ['vault', VAULT_TOKEN],
]

/**
 * Picks the provider: the `provider` input when it names one, else the token's shape. With no token
 * but an Infisical machine identity (`client_id`, or Infisical/secrets-action's `client-id`,
 * `identity-id` or `method`), Infisical; when hashicorp/vault-action's own input names (`url`,
 * `token`, `method`) are used, Vault (a vault-action workflow, any login method).
 */
export function detectProvider(
  token: string,
  choice: ProviderChoice = 'auto',
  infisicalIdentity = false,
  vaultActionInputs = false,
): ProviderKind {
  if (choice !== 'auto') return choice
  if (token === '' && infisicalIdentity) return 'infisical'
  if (vaultActionInputs) return 'vault'
  return TOKEN_SHAPES.find(([, shape]) => shape.test(token))?.[0] ?? 'bitwarden'
}

/** Creates the provider for the run, handing its wing only that wing's slice of the settings. */
export async function createProvider(settings: Settings, ctx: ProviderContext): Promise<Provider> {
  const { clientId, identityId, method } = settings.infisical
  const identity = clientId !== undefined || identityId !== undefined || INFISICAL_METHODS.some((m) => m === method)
  switch (detectProvider(settings.accessToken, settings.provider, identity, settings.vault.named)) {
    case 'bitwarden':
      return (await import('./bitwarden/index.js')).create(settings.bitwarden, ctx) as Provider
    case 'vault':
      return (await import('./vault/index.js')).create(settings.vault, ctx) as Provider
    case 'infisical':
      return (await import('./infisical/index.js')).create(settings.infisical, ctx) as Provider
  }
}

/** What the write action needs to pick and create a writer. */
export interface WriterChoice {
  readonly provider: ProviderChoice
  readonly accessToken: string
  readonly bitwarden: BitwardenSettings
  readonly infisical: InfisicalLoginSettings & { readonly secretPath?: string }
  /** An Infisical machine identity stands in for the token. */
  readonly infisicalIdentity: boolean
  readonly vault: VaultWriteServer
  /** vault-action's own input names (url, token, a Vault method) were used. */
  readonly vaultNamed: boolean
}

/** Creates the write action's writer for the provider the token, the login inputs or `provider` name. */
export async function createWriter(settings: WriterChoice, ctx: ProviderContext): Promise<Writer> {
  const kind = detectProvider(settings.accessToken, settings.provider, settings.infisicalIdentity, settings.vaultNamed)
  switch (kind) {
    case 'bitwarden':
      return (await import('./bitwarden/write.js')).createWriter(settings.bitwarden, ctx) as Writer
    case 'vault':
      return (await import('./vault/write.js')).createWriter(settings, ctx) as Writer
    case 'infisical':
      return (await import('./infisical/write.js')).createWriter(settings.infisical, ctx) as Writer
  }
}

/**
 * The post step's handler for a cleanup a wing recorded (its kind starts with the wing's name), or
 * undefined when no wing owns the kind. Loaded only when a run recorded such a cleanup.
 */
export async function loadCleanupHandler(
  kind: string,
  settings: Settings,
  ctx: CleanupContext,
): Promise<CleanupHandler | undefined> {
  if (kind.startsWith('vault-')) {
    const handler = (await import('./vault/revoke.js')).CLEANUP_HANDLERS[kind]
    return handler && ((data) => handler(data, settings.vault, ctx))
  }
  return undefined
}
