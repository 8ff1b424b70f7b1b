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
  /** Vault's server settings; the token is accessToken (access_token, or vault-action's token). */
  readonly vault: VaultServerSettings
  /** vault-action's own names (url, token) were used: Vault, whatever the token looks like. */
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
  if (accessToken === '' && !infisicalIdentity) {
    throw new InputError(
      "Input 'access_token' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it. For Infisical, a machine identity stands in for it: 'client_id' + 'client_secret', or 'method' with 'identity-id'.",
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
    vault: Object.freeze(readVaultServer(read, { baseUrl, env })),
    vaultNamed: read.text('url') !== '' || read.text('token') !== '',
  })
}
