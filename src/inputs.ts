// Reads every action input once into one frozen, validated Settings. getInput appears nowhere else.
import * as core from '@actions/core'
import { isAbsolute, join } from 'node:path'
import { InputError } from './errors.js'
import { normalizeSecretPath } from './mapping/infisical.js'
import { parsePemCertificates } from './tls.js'

export const PROVIDER_CHOICES = ['auto', 'bitwarden', 'infisical', 'vault'] as const
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number]

/** Inputs only Bitwarden uses. */
export interface BitwardenSettings {
  /** Cloud region, when given. */
  readonly cloudRegion?: 'us' | 'eu'
  readonly identityUrl?: string
  readonly apiUrl?: string
}

/** Inputs only Infisical uses. */
export interface InfisicalSettings {
  /** Environment slug; optional with a service token that covers one environment. */
  readonly environment?: string
  /** Folder, normalised to `/a/b`; absent: the token's single scope path, else `/`. */
  readonly secretPath?: string
  readonly recursive: boolean
  readonly includeImports: boolean
  /** Machine identity (Universal Auth): both or neither; the secret is masked by the provider. */
  readonly clientId?: string
  readonly clientSecret?: string
  /** Project id or slug (machine identities; with a service token it must match the token's). */
  readonly project?: string
}

/** Inputs only HashiCorp Vault uses. */
export interface VaultSettings {
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
  /** The raw `secrets` mapping text; parsed by the provider's grammar in src/mapping/. */
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

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * Checks a server URL: https, or plain http to a loopback host only (a token must not cross a
 * network in clear text). Trailing slashes are removed so paths join cleanly (BW-URL-1).
 */
export function normalizeServerUrl(value: string, input: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(`Input '${input}' is not a valid URL (expected e.g. https://secrets.example.com).`)
  }
  if (url.username || url.password) throw new InputError(`Input '${input}' must not contain credentials.`)
  if (url.search || url.hash) throw new InputError(`Input '${input}' must not contain a query or fragment.`)
  const loopback = LOOPBACK.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `Input '${input}' must use https:// (plain http:// is allowed only for localhost and 127.0.0.1).`,
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function optionalUrl(name: string): string | undefined {
  const v = core.getInput(name)
  return v === '' ? undefined : normalizeServerUrl(v, name)
}

function readRegion(): 'us' | 'eu' | undefined {
  const v = core.getInput('cloud_region').toLowerCase()
  if (v === '') return undefined
  if (v === 'us' || v === 'eu') return v
  throw new InputError(`Input 'cloud_region' must be 'us' or 'eu' (or left empty for a custom server URL).`)
}

/** sm-action semantics: only a case-insensitive 'false' turns it off (BW-COMPAT-3). */
function readSetEnv(): boolean {
  const v = core.getInput('set_env')
  if (v.toLowerCase() === 'false') return false
  if (!['', 'true', 'True', 'TRUE'].includes(v)) {
    core.warning(
      `Input 'set_env' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`,
    )
  }
  return true
}

/** Strict YAML 1.2 booleans, as core.getBooleanInput, but naming the input in our own error. */
function readBoolean(name: string, fallback: boolean): boolean {
  const v = core.getInput(name)
  if (v === '') return fallback
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new InputError(`Input '${name}' must be 'true' or 'false', got '${v}'.`)
}

function readTimeout(): number {
  const v = core.getInput('timeout')
  if (v === '') return 60
  const n = Number(v)
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3600) {
    throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got '${v}'.`)
  }
  return n
}

/** A required input; whitespace alone counts as missing (getInput's own check does not). */
function readRequired(name: string): string {
  const v = core.getInput(name)
  if (v === '')
    throw new InputError(
      `Input '${name}' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it.`,
    )
  return v
}

function readChoice<T extends string>(name: string, choices: readonly T[]): T {
  const v = core.getInput(name).toLowerCase()
  if (v === '') return choices[0]!
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new InputError(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got '${v}'.`)
}

/**
 * `access_token` is required, except that an Infisical machine identity (client_id + client_secret)
 * may stand in for it; then it is ''.
 */
function readAccessToken(): string {
  const token = core.getInput('access_token')
  if (token !== '') return token
  const pair = assertClientPair(" (or give 'access_token' instead)")
  return pair === 'both' ? '' : readRequired('access_token')
}

/** client_id and client_secret come together: 'both', 'neither', or an error naming the missing one. */
function assertClientPair(hint = ''): 'both' | 'neither' {
  const id = core.getInput('client_id') !== ''
  const secret = core.getInput('client_secret') !== ''
  if (id !== secret) {
    throw new InputError(
      `Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`,
    )
  }
  return id ? 'both' : 'neither'
}

function readInfisical(): InfisicalSettings {
  const pathText = core.getInput('secret_path')
  const secretPath = pathText === '' ? undefined : normalizeSecretPath(pathText)
  if (secretPath === undefined && pathText !== '') {
    throw new InputError(
      `Input 'secret_path' is not a folder path (e.g. '/backend' or '/backend/api'), got '${pathText}'.`,
    )
  }
  const optional = (name: string): string | undefined => core.getInput(name) || undefined
  assertClientPair()
  const clientId = optional('client_id')
  const clientSecret = optional('client_secret')
  return Object.freeze({
    environment: optional('environment'),
    secretPath,
    recursive: readBoolean('recursive', false),
    includeImports: readBoolean('include_imports', true),
    clientId,
    clientSecret,
    project: optional('project'),
  })
}

/** A duration: seconds, or Go-style `90s`, `10m`, `1h`, `1h30m`. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)
  if (/^\d+$/.test(text)) return Number(text)
  if (!m || text === '') return undefined
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
}

function readDuration(name: string, fallback: number): number {
  const v = core.getInput(name)
  if (v === '') return fallback
  const n = parseDuration(v)
  if (n === undefined) throw new InputError(`Input '${name}' must be a duration like '90s', '10m' or '1h', got '${v}'.`)
  return n
}

function readVault(baseUrl: string | undefined): VaultSettings {
  let url = baseUrl
  let urlProblem: string | undefined
  const addr = process.env.VAULT_ADDR ?? ''
  if (url === undefined && addr !== '') {
    try {
      url = normalizeServerUrl(addr, 'VAULT_ADDR')
    } catch (err) {
      urlProblem = (err as Error).message.replace("Input 'VAULT_ADDR'", 'The environment variable VAULT_ADDR')
    }
  }
  const namespace = (core.getInput('namespace') || (process.env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '')
  const encoding = core.getInput('encoding')
  if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
    throw new InputError(`Input 'encoding' must be 'base64' or 'hex' (or empty), got '${encoding}'.`)
  }
  const exportToken = core.getInput('export_token')
  if (exportToken !== '' && exportToken !== 'child') {
    throw new InputError(
      `Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`,
    )
  }
  const uses = core.getInput('num_uses')
  if (uses !== '' && !/^\d{1,9}$/.test(uses))
    throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`)
  const policyList = core.getInput('policies')
  const policies = policyList.split(/[,\s]+/).filter((p) => p !== '')
  return Object.freeze({
    url,
    urlProblem,
    namespace: namespace === '' ? undefined : namespace,
    checkToken: readBoolean('check_token', false),
    minTtlSeconds: readDuration('min_ttl', 600),
    encoding: encoding === '' ? undefined : encoding,
    ignoreNotFound: readBoolean('ignore_not_found', false),
    exportToken: exportToken === '' ? undefined : exportToken,
    ttlSeconds: readDuration('ttl', 900),
    numUses: uses === '' || uses === '0' ? undefined : Number(uses),
    policies: policies.length === 0 ? undefined : Object.freeze(policies),
  })
}

function readBitwarden(): BitwardenSettings {
  return Object.freeze({
    cloudRegion: readRegion(),
    identityUrl: optionalUrl('identity_url'),
    apiUrl: optionalUrl('api_url'),
  })
}

/** PEM text of one or more CA certificates, checked before any connection; absent when empty. */
function readCaCertificate(): string | undefined {
  const v = core.getInput('ca_certificate')
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
function readExportFile(): ExportFileSettings | undefined {
  const path = core.getInput('export_file')
  const format = readChoice('export_format', ['dotenv', 'json'] as const)
  const keep = readBoolean('keep_file', false)
  if (path === '') return undefined
  if (/[\0\r\n]/.test(path)) throw new InputError(`Input 'export_file' must be a single-line path.`)
  let absolute = path
  if (!isAbsolute(path)) {
    const temp = process.env.RUNNER_TEMP ?? ''
    if (temp === '')
      throw new InputError(
        `Input 'export_file' is a relative path ('${path}'), which is taken under RUNNER_TEMP, but RUNNER_TEMP is not set; give an absolute path.`,
      )
    absolute = join(temp, path)
  }
  return Object.freeze({ path: absolute, format, keep })
}

export function readSettings(): Settings {
  const baseUrl = optionalUrl('base_url')
  return Object.freeze({
    provider: readChoice('provider', PROVIDER_CHOICES),
    accessToken: readAccessToken(),
    secrets: core.getInput('secrets', { trimWhitespace: false }),
    baseUrl,
    setEnv: readSetEnv(),
    timeoutSeconds: readTimeout(),
    allowDangerousNames: readBoolean('allow_dangerous_names', false),
    caCertificate: readCaCertificate(),
    bitwarden: readBitwarden(),
    infisical: readInfisical(),
    vault: readVault(baseUrl),
    summary: readBoolean('summary', true),
    exportFile: readExportFile(),
  })
}
