// The Provider seam: the only code that knows a vendor sits behind this interface.
import type { HttpClient } from '../http.js'
import type { ProviderChoice, Settings } from '../inputs.js'
import type { ParsedMapping } from '../mapping/lines.js'

/** One value to export. `source` says where it came from (ids, paths; never the value). */
export interface Secret {
  /** The environment variable's name (and the output's, unless outputName says otherwise). */
  readonly name: string
  readonly value: string
  readonly source: string
  /** The step output's name when it differs (vault-action keeps the key's case there). */
  readonly outputName?: string
}

/** What a provider may do to the outside world: no @actions/core inside providers. */
export interface ProviderContext {
  readonly http: HttpClient
  /** Registers a mask; called for token parts and for every value as soon as it is decrypted. */
  readonly mask: (value: string) => void
  readonly warning: (message: string) => void
  readonly debug: (message: string) => void
  readonly now: () => number
  /** Saves runner state for the post step (core.saveState); providers record cleanups with it (src/cleanup.ts). */
  readonly saveState?: (key: string, value: string) => void
}

export interface Provider<R = unknown> {
  readonly kind: ProviderKind
  /** Parses the `secrets` input in this provider's grammar (pure; throws InputError with the line). */
  parse(input: string): ParsedMapping<R>
  /** Logs in, fetches and decrypts everything asked for, or throws: never a partial result. */
  fetch(requests: readonly R[]): Promise<Secret[]>
}

export type ProviderKind = Exclude<ProviderChoice, 'auto'>

// Token shapes that select a provider when `provider` is 'auto'. Bitwarden's `0.<id>.<secret>:<key>`
// is the fallback, so that a damaged Bitwarden token gets Bitwarden's precise parse error rather
// than "unknown token".
const TOKEN_SHAPES: ReadonlyArray<readonly [ProviderKind, RegExp]> = [
  // Infisical service token `st.<id>.<secret>.<key>` (spec §2.2 step 2).
  ['infisical', /^st\./],
  // Vault: hvs./hvb./hvr. (1.10+), legacy s./b./r. (≤ 1.9, OpenBao) (vault spec VLT-TOK-1).
  ['vault', /^(hvs|hvb|hvr|s|b|r)\.\S/],
]

/**
 * Picks the provider: the `provider` input when it names one, else the token's shape. With no token
 * but an Infisical `client_id` (a machine identity), Infisical.
 */
export function detectProvider(token: string, choice: ProviderChoice = 'auto', hasClientId = false): ProviderKind {
  if (choice !== 'auto') return choice
  const t = token.trim()
  if (t === '' && hasClientId) return 'infisical'
  return TOKEN_SHAPES.find(([, shape]) => shape.test(t))?.[0] ?? 'bitwarden'
}

/** Creates the provider for a token; its module is loaded only when that provider is used. */
export async function createProvider(settings: Settings, ctx: ProviderContext): Promise<Provider> {
  switch (detectProvider(settings.accessToken, settings.provider, settings.infisical.clientId !== undefined)) {
    case 'bitwarden': {
      const { createBitwardenProvider } = await import('./bitwarden/index.js')
      return createBitwardenProvider(settings, ctx) as Provider
    }
    case 'vault': {
      const { createVaultProvider } = await import('./vault/index.js')
      return createVaultProvider(settings, ctx) as Provider
    }
    case 'infisical': {
      const { createInfisicalProvider } = await import('./infisical/index.js')
      return createInfisicalProvider(settings, ctx) as Provider
    }
  }
}
