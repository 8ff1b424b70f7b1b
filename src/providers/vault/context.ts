// What the read and the write action do alike before Vault's first request: its address checked,
// and a context whose HTTP client sends Vault's own TLS inputs (tlsSkipVerify, clientCertificate /
// clientKey) with this wing's requests only (ctx.idToken keeps the run's client).
import { InputError } from '../../errors.js'
import type { VaultSettings } from '../../inputs.js'
import type { ProviderContext } from '../provider.js'
import { withTls } from './api.js'

export function vaultContext(
  vault: Pick<VaultSettings, 'url' | 'urlProblem' | 'tls'>,
  runCtx: ProviderContext,
  /** What an impostor would read besides the token: "the secrets", "the values written". */
  exposed: string,
): { readonly url: string; readonly ctx: ProviderContext } {
  if (vault.url === undefined) {
    throw new InputError(
      vault.urlProblem ??
        "Input 'base_url' is empty: Vault needs its address, e.g. https://vault.example.com:8200; give it in 'base_url' or 'url' (vault-action's name), or set the VAULT_ADDR environment variable.",
    )
  }
  const ctx: ProviderContext = { ...runCtx, http: withTls(runCtx.http, vault.tls) }
  if (vault.tls?.key !== undefined) ctx.mask(vault.tls.key)
  if (vault.tls?.insecure) {
    ctx.warning(
      `Input 'tlsSkipVerify' is true: Vault's TLS certificate is not verified for this step's requests, so anyone on the network path could pose as Vault and read the token and ${exposed}. Give the CA that signed Vault's certificate in 'ca_certificate' (PEM) or 'caCertificate' (base64) instead.`,
    )
  }
  return { url: vault.url, ctx }
}
