// Reads every input once into one frozen, validated Settings, with each vendor's slice apart (a
// wing is given only its own). The action reads the runner's INPUT_* variables (runnerInputs); the
// CLI gives its command line as the source. core.getInput appears nowhere else.
import * as core from '@actions/core'
import { isAbsolute, join } from 'node:path'
import { InputError } from './errors.js'
import { parsePemCertificates } from './http/tls.js'
import {
  createInputReader,
  shown,
  type CommonInputs,
  normalizeServerUrl,
  type InputReader,
  type InputSource,
} from './input-readers.js'
import { readBitwarden, type BitwardenSettings } from './inputs/bitwarden.js'
import { assertClientPair, hasIdentityLogin, readInfisical, type InfisicalSettings } from './inputs/infisical.js'
import { givenInputs, type GivenInput } from './inputs/owners.js'
import { readShaping } from './inputs/shaping.js'
import { readVault, type VaultSettings } from './inputs/vault.js'
import { base64Text } from './inputs/vault-login.js'
import { PROVIDER_KINDS, type ProviderKind } from './providers/provider.js'
import type { ShapeSettings } from './runner/shape.js'

export type { BitwardenSettings } from './inputs/bitwarden.js'
export type { AwsEnvironment, InfisicalSettings } from './inputs/infisical.js'
export type { VaultLogin, VaultSettings } from './inputs/vault.js'

export const PROVIDER_CHOICES = ['auto', ...PROVIDER_KINDS] as const
export type ProviderChoice = 'auto' | ProviderKind

/** The action's inputs: INPUT_<NAME> as the runner sets them (defaults from action.yml filled in). */
export const runnerInputs: InputSource = (name, options) =>
  core.getInput(name, { trimWhitespace: options?.trim ?? true })

/**
 * Whether the step uses hashicorp/vault-action's `url` input (vault-action requires it, so every
 * vault-action step has it): such a step gets vault-action's `errorMessage` output on failure.
 */
export function usesVaultActionUrl(source: InputSource = runnerInputs): boolean {
  return source('url') !== ''
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
  /** `parse_json`, `name_prefix`, `name_transformation`: the names exported (src/runner/shape.ts). */
  readonly shape: ShapeSettings
  /** `clean`: the post step empties every env var this step exported. */
  readonly clean: boolean
  /** The inputs the step gave (not empty, not action.yml's default) and who reads each: see ignoredInputs. */
  readonly given: readonly GivenInput[]
}

/** `export_file`, `export_format`, `keep_file`. */
export interface ExportFileSettings {
  /** Absolute: a relative export_file is taken under RUNNER_TEMP. */
  readonly path: string
  readonly format: 'dotenv' | 'json'
  readonly keep: boolean
}

/** sm-action semantics: only a case-insensitive 'false' turns it off (docs/protocols/bitwarden.md). */
// vault-action's exportEnv is the same setting (only 'false' turns it off there too).
function readSetEnv(read: InputReader, warning: (message: string) => void): boolean {
  const v = read.either(['set_env', 'exportEnv'])
  if (v.toLowerCase() === 'false') return false
  if (!['', 'true', 'True', 'TRUE'].includes(v)) {
    warning(
      `Input '${read.text('set_env') !== '' ? 'set_env' : 'exportEnv'}' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`,
    )
  }
  return true
}

export function readTimeout(read: InputReader): number {
  const v = read.text('timeout')
  if (v === '') return 60
  const n = Number(v)
  if (!/^\d+(\.\d+)?$/.test(v) || !(n >= 1) || n > 3600) {
    throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got ${shown(v)}.`)
  }
  return n
}

/**
 * `access_token` (vault-action's `token`) is required, except where a login stands in for it: an
 * Infisical machine identity (client_id + client_secret, or Infisical/secrets-action's identity-id
 * and method) or a Vault login `method` other than token; then it is ''.
 */
function readAccessToken(read: InputReader): string {
  const token = read.either(['access_token', 'token'])
  if (token !== '') return token
  // An Infisical identity login, or a Vault login method other than token.
  if (hasIdentityLogin(read)) return ''
  const method = read.text('method').toLowerCase()
  if (method !== '' && method !== 'token') return ''
  const pair = assertClientPair(read, " (or give 'access_token' instead)")
  return pair === 'both' ? '' : read.required('access_token')
}

/**
 * PEM text of one or more CA certificates, checked before any connection; absent when empty.
 * vault-action's `caCertificate` is the same setting as base64 of the PEM text (vault-action does
 * not check it; a bad one surfaced as a TLS error): decoded and checked here.
 */
export function readCaCertificate(read: InputReader): string | undefined {
  const pem = read.text('ca_certificate')
  const b64 = read.text('caCertificate')
  let fromPem: string | undefined
  let fromB64: string | undefined
  if (pem !== '') {
    const certs = parsePemCertificates(pem)
    if (certs === undefined) {
      throw new InputError(
        `Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`,
      )
    }
    fromPem = certs.join('\n')
  }
  if (b64 !== '') {
    const certs = parsePemCertificates(base64Text(b64))
    if (certs === undefined) {
      throw new InputError(
        "Input 'caCertificate' must be the base64 encoding of PEM certificates (e.g. `base64 -w0 ca.pem`), as vault-action takes it; it is not. Or give the PEM text itself in 'ca_certificate'.",
      )
    }
    fromB64 = certs.join('\n')
  }
  if (fromPem !== undefined && fromB64 !== undefined && fromPem !== fromB64) {
    throw new InputError(
      "Inputs 'ca_certificate' and 'caCertificate' are two names for the same setting but have different certificates; give only one of them.",
    )
  }
  return fromPem ?? fromB64
}

/** `base_url`, or vault-action's `url` for the same setting, normalised; absent when neither is given. */
export function readBaseUrl(read: InputReader): string | undefined {
  const v = read.either(['base_url', 'url'])
  return v === '' ? undefined : normalizeServerUrl(v, read.text('base_url') !== '' ? 'base_url' : 'url')
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
  const common: CommonInputs = { accessToken: readAccessToken(read), baseUrl: readBaseUrl(read), env }
  const { accessToken, baseUrl } = common
  const infisical = readInfisical(read, common)
  const setEnv = readSetEnv(read, options.warning ?? (() => {}))
  const keep = read.boolean('keep_file', false)
  return Object.freeze({
    provider: read.choice('provider', PROVIDER_CHOICES),
    accessToken,
    secrets: read.text('secrets', { trim: false }),
    baseUrl,
    // Infisical's `export-type: file` writes the file and exports no env, as its action does.
    setEnv: infisical.fileOutputPath === undefined && setEnv,
    timeoutSeconds: readTimeout(read),
    allowDangerousNames: read.boolean('allow_dangerous_names', false),
    caCertificate: readCaCertificate(read),
    bitwarden: readBitwarden(read, common),
    infisical,
    vault: readVault(read, common),
    summary: read.boolean('summary', true),
    exportFile:
      infisical.fileOutputPath === undefined
        ? readExportFile(read, env)
        : Object.freeze({
            path: infisical.fileOutputPath,
            format: read.choice('export_format', ['dotenv', 'json'] as const),
            keep,
          }),
    shape: readShaping(read),
    clean: read.boolean('clean', false),
    given: givenInputs(source),
  })
}
