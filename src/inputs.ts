// Reads every action input once into one frozen, validated Settings. getInput appears nowhere else.
import * as core from '@actions/core'
import { InputError } from './errors.js'

export const PROVIDER_CHOICES = ['auto', 'bitwarden'] as const
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number]

/** Inputs only Bitwarden uses. */
export interface BitwardenSettings {
  /** Cloud region, when given. */
  readonly cloudRegion?: 'us' | 'eu'
  readonly identityUrl?: string
  readonly apiUrl?: string
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
  readonly bitwarden: BitwardenSettings
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
    throw new InputError(`Input '${input}' must use https:// (plain http:// is allowed only for localhost and 127.0.0.1).`)
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
    core.warning(`Input 'set_env' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`)
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
  if (v === '') throw new InputError(`Input '${name}' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it.`)
  return v
}

function readChoice<T extends string>(name: string, choices: readonly T[]): T {
  const v = core.getInput(name).toLowerCase()
  if (v === '') return choices[0]!
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new InputError(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got '${v}'.`)
}

function readBitwarden(): BitwardenSettings {
  return Object.freeze({
    cloudRegion: readRegion(),
    identityUrl: optionalUrl('identity_url'),
    apiUrl: optionalUrl('api_url'),
  })
}

export function readSettings(): Settings {
  return Object.freeze({
    provider: readChoice('provider', PROVIDER_CHOICES),
    accessToken: readRequired('access_token'),
    secrets: core.getInput('secrets', { trimWhitespace: false }),
    baseUrl: optionalUrl('base_url'),
    setEnv: readSetEnv(),
    timeoutSeconds: readTimeout(),
    allowDangerousNames: readBoolean('allow_dangerous_names', false),
    bitwarden: readBitwarden(),
  })
}
