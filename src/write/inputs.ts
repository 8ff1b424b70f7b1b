// The write action's inputs (write/action.yml), read once into a frozen WriteSettings. The provider
// settings are the read action's, read by the same code (src/inputs.ts, src/inputs/<vendor>.ts),
// so a name and its meaning are the same in both actions; only what writing adds is read here.
import { createInputReader, type InputSource } from '../input-readers.js'
import { InputError } from '../errors.js'
import {
  PROVIDER_CHOICES,
  readBaseUrl,
  readCaCertificate,
  readTimeout,
  runnerInputs,
  type BitwardenSettings,
  type ProviderChoice,
} from '../inputs.js'
import { readBitwarden } from '../inputs/bitwarden.js'
import {
  assertClientPair,
  hasIdentityLogin,
  readInfisicalLogin,
  type InfisicalLoginSettings,
} from '../inputs/infisical.js'
import { readVaultServer, type VaultServerSettings } from '../inputs/vault.js'
import { readVaultLogin, type VaultLogin } from '../inputs/vault-login.js'
import { readVaultTls } from '../inputs/vault-tls.js'
import type { ClientTls } from '../http/body.js'

/** Vault's server, login and TLS settings: the read action's, read by the same code. */
export type VaultWriteServer = VaultServerSettings & {
  /** `method` and its inputs (vault-action's names); `token` (the default) uses accessToken. */
  readonly login: VaultLogin
  /** `tlsSkipVerify`, `clientCertificate` + `clientKey`, for Vault's requests only. */
  readonly tls?: ClientTls
}

export interface WriteSettings {
  readonly provider: ProviderChoice
  /** The access token as given (secret: masked before anything else is printed). */
  readonly accessToken: string
  /** The raw `secrets` mapping: 'SOURCE > TARGET' lines (src/write/mapping.ts). */
  readonly secrets: string
  /** `create`: create a target that does not exist (default), or only update. */
  readonly create: boolean
  /** `dry_run`: resolve and check everything, write nothing. */
  readonly dryRun: boolean
  /** `allow_empty`: an empty source variable is written as an empty value instead of failing. */
  readonly allowEmpty: boolean
  readonly timeoutSeconds: number
  readonly caCertificate?: string
  /** `summary`: the job summary table of targets and outcomes (never a value). */
  readonly summary: boolean
  readonly bitwarden: BitwardenSettings
  /** Infisical's login, project and environment (the read action's inputs), and the folder of a bare KEY. */
  readonly infisical: InfisicalLoginSettings & { readonly secretPath?: string }
  /** An Infisical machine identity stands in for the token (client_id, identity-id or an Infisical method). */
  readonly infisicalIdentity: boolean
  /** Vault's server, login and TLS; a token login uses accessToken (access_token, or vault-action's token). */
  readonly vault: VaultWriteServer
  /** vault-action's own names (url, token, a Vault method) were used: Vault, whatever the token looks like. */
  readonly vaultNamed: boolean
}

export function readWriteSettings(
  source: InputSource = runnerInputs,
  env: NodeJS.ProcessEnv = process.env,
): WriteSettings {
  const read = createInputReader(source)
  const accessToken = read.either(['access_token', 'token'])
  const infisicalIdentity =
    hasIdentityLogin(read) || assertClientPair(read, " (or give 'access_token' instead)") === 'both'
  const vaultLogin = readVaultLogin(read, env)
  const tls = readVaultTls(read)
  if (vaultLogin.method === 'cert' && tls?.cert === undefined) {
    throw new InputError(
      "Input 'clientCertificate' is empty: 'method: cert' needs it (the TLS client certificate Vault's cert auth method checks, with 'clientKey').",
    )
  }
  if (accessToken === '' && !infisicalIdentity && vaultLogin.method === 'token') {
    throw new InputError(
      "Input 'access_token' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it. A login stands in for it: an Infisical machine identity ('client_id' + 'client_secret', or 'method' with 'identity-id'), or a Vault 'method'.",
    )
  }
  const baseUrl = readBaseUrl(read)
  const common = { accessToken, baseUrl, env }
  return Object.freeze({
    provider: read.choice('provider', PROVIDER_CHOICES),
    accessToken,
    secrets: read.required('secrets'),
    create: read.boolean('create', true),
    dryRun: read.boolean('dry_run', false),
    allowEmpty: read.boolean('allow_empty', false),
    timeoutSeconds: readTimeout(read),
    caCertificate: readCaCertificate(read),
    summary: read.boolean('summary', true),
    bitwarden: readBitwarden(read, common),
    infisical: Object.freeze({
      ...readInfisicalLogin(read, common),
      secretPath: read.either(['secret_path', 'secret-path']) || undefined,
    }),
    infisicalIdentity,
    vault: Object.freeze({ ...readVaultServer(read, { baseUrl, env }), login: vaultLogin, tls }),
    vaultNamed: read.text('url') !== '' || read.text('token') !== '' || vaultLogin.method !== 'token',
  })
}
