// Reads every input once into one frozen, validated Settings, with each vendor's slice apart (a
// wing is given only its own). The action reads the runner's INPUT_* variables (runnerInputs); the
// CLI gives its command line as the source. core.getInput appears nowhere else.
import * as core from '@actions/core'
import { isAbsolute, join } from 'node:path'
import { InputError } from './errors.js'
import { parsePemCertificates } from './http/tls.js'
import { createInputReader, normalizeServerUrl, type InputReader, type InputSource } from './input-readers.js'
import { PROVIDER_KINDS, type ProviderKind } from './providers/provider.js'

export const PROVIDER_CHOICES = ['auto', ...PROVIDER_KINDS] as const
export type ProviderChoice = 'auto' | ProviderKind

/** The action's inputs: INPUT_<NAME> as the runner sets them (defaults from action.yml filled in). */
export const runnerInputs: InputSource = (name, options) =>
  core.getInput(name, { trimWhitespace: options?.trim ?? true })

/** Bitwarden's slice. */
export interface BitwardenSettings {
  /** Machine-account access token as given (trimmed; secret). */
  readonly accessToken: string
  /** Self-hosted server (base_url). */
  readonly baseUrl?: string
  /** Cloud region, when given. */
  readonly cloudRegion?: 'us' | 'eu'
  readonly identityUrl?: string
  readonly apiUrl?: string
}

/** Infisical's slice. */
export interface InfisicalSettings {
  /** Service token as given (trimmed; secret); '' with a machine identity. */
  readonly accessToken: string
  /** Self-hosted server (base_url). */
  readonly baseUrl?: string
  /** Environment slug; optional with a service token that covers one environment. */
  readonly environment?: string
  /** Folder as given (the wing normalises it to `/a/b`); absent: the token's single scope path, else `/`. */
  readonly secretPath?: string
  readonly recursive: boolean
  readonly includeImports: boolean
  /** Machine identity (Universal Auth): both or neither; the secret is masked by the provider. */
  readonly clientId?: string
  readonly clientSecret?: string
  /** Project id or slug (machine identities; with a service token it must match the token's). */
  readonly project?: string
}

/** HashiCorp Vault's slice. */
export interface VaultSettings {
  /** The Vault token as given (trimmed; secret). */
  readonly accessToken: string
  /** base_url, else env VAULT_ADDR, normalised; absent when neither is set. */
  readonly url?: string
  /** Why VAULT_ADDR could not be used, when base_url is empty and VAULT_ADDR is invalid. */
  readonly urlProblem?: string
  /** `namespace` input, else env VAULT_NAMESPACE; slashes trimmed; absent when empty. */
  readonly namespace?: string
  readonly checkToken: boolean
  readonly minTtlSeconds: number
  readonly encoding?: 'base64' | 'hex'
  readonly ignoreNotFound: boolean
  readonly exportToken?: 'child'
  readonly ttlSeconds: number
  readonly numUses?: number
  readonly policies?: readonly string[]
}

export interface Settings {
  /** `provider` input: 'auto' picks the provider from the token's shape. */
  readonly provider: ProviderChoice
  /** The access token as given (secret: masked by main before anything else is printed). */
  readonly accessToken: string
  /** The raw `secrets` mapping text; parsed by the wing's grammar (src/providers/<vendor>/mapping.ts). */
  readonly secrets: string
  /** Server base URL (self-hosted), trailing slashes removed. */
  readonly baseUrl?: string
  /** Export values as environment variables (outputs are always set). */
  readonly setEnv: boolean
  /** Overall time budget for the run, in seconds. */
  readonly timeoutSeconds: number
  /** Allow exporting PATH, NODE_OPTIONS, GITHUB_* and the like. */
  readonly allowDangerousNames: boolean
  /** `ca_certificate`: extra trusted CA certificates (PEM), added to Node's default store. */
  readonly caCertificate?: string
  readonly bitwarden: BitwardenSettings
  readonly infisical: InfisicalSettings
  readonly vault: VaultSettings
  /** `summary`: write the job summary table (names and sources, never values). */
  readonly summary: boolean
  /** `export_file` and its options; absent when export_file is empty. */
  readonly exportFile?: ExportFileSettings
}

/** `export_file`, `export_format`, `keep_file`. */
export interface ExportFileSettings {
  /** Absolute: a relative export_file is taken under RUNNER_TEMP. */
  readonly path: string
  readonly format: 'dotenv' | 'json'
  readonly keep: boolean
}

/** sm-action semantics: only a case-insensitive 'false' turns it off (docs/protocols/bitwarden.md). */
function readSetEnv(read: InputReader, warning: (message: string) => void): boolean {
  const v = read.text('set_env')
  if (v.toLowerCase() === 'false') return false
  if (!['', 'true', 'True', 'TRUE'].includes(v)) {
    warning(
      `Input 'set_env' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`,
    )
  }
  return true
}

function readTimeout(read: InputReader): number {
  const v = read.text('timeout')
  if (v === '') return 60
  const n = Number(v)
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3600) {
    throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got '${v}'.`)
  }
  return n
}

/** client_id and client_secret come together: 'both', 'neither', or an error naming the missing one. */
function assertClientPair(read: InputReader, hint = ''): 'both' | 'neither' {
  const id = read.text('client_id') !== ''
  const secret = read.text('client_secret') !== ''
  if (id !== secret) {
    throw new InputError(
      `Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`,
    )
  }
  return id ? 'both' : 'neither'
}

/**
 * `access_token` is required, except that an Infisical machine identity (client_id + client_secret)
 * may stand in for it; then it is ''.
 */
function readAccessToken(read: InputReader): string {
  const token = read.text('access_token')
  if (token !== '') return token
  const pair = assertClientPair(read, " (or give 'access_token' instead)")
  return pair === 'both' ? '' : read.required('access_token')
}

function readBitwarden(read: InputReader, accessToken: string, baseUrl: string | undefined): BitwardenSettings {
  const region = read.text('cloud_region').toLowerCase()
  if (region !== '' && region !== 'us' && region !== 'eu') {
    throw new InputError(`Input 'cloud_region' must be 'us' or 'eu' (or left empty for a custom server URL).`)
  }
  return Object.freeze({
    accessToken,
    baseUrl,
    cloudRegion: region === '' ? undefined : region,
    identityUrl: read.url('identity_url'),
    apiUrl: read.url('api_url'),
  })
}

function readInfisical(read: InputReader, accessToken: string, baseUrl: string | undefined): InfisicalSettings {
  assertClientPair(read)
  return Object.freeze({
    accessToken,
    baseUrl,
    environment: read.optional('environment'),
    secretPath: read.optional('secret_path'),
    recursive: read.boolean('recursive', false),
    includeImports: read.boolean('include_imports', true),
    clientId: read.optional('client_id'),
    clientSecret: read.optional('client_secret'),
    project: read.optional('project'),
  })
}

function readVault(
  read: InputReader,
  accessToken: string,
  baseUrl: string | undefined,
  env: NodeJS.ProcessEnv,
): VaultSettings {
  let url = baseUrl
  let urlProblem: string | undefined
  const addr = env.VAULT_ADDR ?? ''
  if (url === undefined && addr !== '') {
    try {
      url = normalizeServerUrl(addr, 'VAULT_ADDR')
    } catch (err) {
      urlProblem = (err as Error).message.replace("Input 'VAULT_ADDR'", 'The environment variable VAULT_ADDR')
    }
  }
  const namespace = (read.text('namespace') || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '')
  const encoding = read.text('encoding')
  if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
    throw new InputError(`Input 'encoding' must be 'base64' or 'hex' (or empty), got '${encoding}'.`)
  }
  const exportToken = read.text('export_token')
  if (exportToken !== '' && exportToken !== 'child') {
    throw new InputError(
      `Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`,
    )
  }
  const uses = read.text('num_uses')
  if (uses !== '' && !/^\d{1,9}$/.test(uses))
    throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`)
  const policies = read
    .text('policies')
    .split(/[,\s]+/)
    .filter((p) => p !== '')
  return Object.freeze({
    accessToken,
    url,
    urlProblem,
    namespace: namespace === '' ? undefined : namespace,
    checkToken: read.boolean('check_token', false),
    minTtlSeconds: read.duration('min_ttl', 600),
    encoding: encoding === '' ? undefined : encoding,
    ignoreNotFound: read.boolean('ignore_not_found', false),
    exportToken: exportToken === '' ? undefined : exportToken,
    ttlSeconds: read.duration('ttl', 900),
    numUses: uses === '' || uses === '0' ? undefined : Number(uses),
    policies: policies.length === 0 ? undefined : Object.freeze(policies),
  })
}

/** PEM text of one or more CA certificates, checked before any connection; absent when empty. */
function readCaCertificate(read: InputReader): string | undefined {
  const v = read.text('ca_certificate')
  if (v === '') return undefined
  const certs = parsePemCertificates(v)
  if (certs === undefined) {
    throw new InputError(
      `Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`,
    )
  }
  return certs.join('\n')
}

/** export_file resolved (relative → under RUNNER_TEMP), with its format and keep_file. */
function readExportFile(read: InputReader, env: NodeJS.ProcessEnv): ExportFileSettings | undefined {
  const path = read.text('export_file')
  const format = read.choice('export_format', ['dotenv', 'json'] as const)
  const keep = read.boolean('keep_file', false)
  if (path === '') return undefined
  if (/[\0\r\n]/.test(path)) throw new InputError(`Input 'export_file' must be a single-line path.`)
  let absolute = path
  if (!isAbsolute(path)) {
    const temp = env.RUNNER_TEMP ?? ''
    if (temp === '')
      throw new InputError(
        `Input 'export_file' is a relative path ('${path}'), which is taken under RUNNER_TEMP, but RUNNER_TEMP is not set; give an absolute path.`,
      )
    absolute = join(temp, path)
  }
  return Object.freeze({ path: absolute, format, keep })
}

export interface ReadOptions {
  /** Where a doubtful but accepted value is reported. */
  readonly warning?: (message: string) => void
  /** VAULT_ADDR, VAULT_NAMESPACE, RUNNER_TEMP come from here. */
  readonly env?: NodeJS.ProcessEnv
}

export function readSettings(source: InputSource = runnerInputs, options: ReadOptions = {}): Settings {
  const read = createInputReader(source)
  const env = options.env ?? process.env
  const baseUrl = read.url('base_url')
  const accessToken = readAccessToken(read)
  return Object.freeze({
    provider: read.choice('provider', PROVIDER_CHOICES),
    accessToken,
    secrets: read.text('secrets', { trim: false }),
    baseUrl,
    setEnv: readSetEnv(read, options.warning ?? (() => {})),
    timeoutSeconds: readTimeout(read),
    allowDangerousNames: read.boolean('allow_dangerous_names', false),
    caCertificate: readCaCertificate(read),
    bitwarden: readBitwarden(read, accessToken, baseUrl),
    infisical: readInfisical(read, accessToken, baseUrl),
    vault: readVault(read, accessToken, baseUrl, env),
    summary: read.boolean('summary', true),
    exportFile: readExportFile(read, env),
  })
}
