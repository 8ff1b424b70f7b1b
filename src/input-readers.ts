// Typed readers over one source of input text: the runner's INPUT_* variables for the action, the
// command line for the CLI. Each reader names the input in its error and rejects what it cannot
// read (never coerces). Pure apart from the source it is given.
import { InputError } from './errors.js'
import { isLoopback } from './http/client.js'

/** Reads one input by its action.yml name; '' when not given. Trimmed unless `trim` is false. */
export type InputSource = (name: string, options?: { readonly trim?: boolean }) => string

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the log raw
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * User text for an error message: as given when short and printable, else cut at 60 characters and
 * with control characters escaped, so a pasted 100 kB value or a terminal escape is never echoed.
 */
export function shown(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text
  const safe = cut.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `'${safe}'`
}

/**
 * The most characters an input may put in one HTTP header value. Servers and proxies refuse header
 * lines past 8–16 KiB (Node's server: 16 KiB for all headers), so anything longer is a wrong paste.
 */
export const MAX_HEADER_VALUE = 8192

// eslint-disable-next-line no-control-regex -- C0 controls but tab, DEL and the C1 controls
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/

/**
 * Why an input's text cannot be an HTTP header value, or undefined when it can: Node's http and
 * undici send tab, visible ASCII and Latin-1 only, and throw on anything else mid-run; a control
 * character would end or corrupt the header line.
 */
export function headerValueProblem(value: string): string | undefined {
  if (value.length > MAX_HEADER_VALUE)
    return `is ${value.length} characters long, more than the ${MAX_HEADER_VALUE} an HTTP header value may hold`
  if (HEADER_CONTROL.test(value)) return 'contains a control character'
  if (/[^\t\x20-\x7e\xa0-\xff]/.test(value))
    return 'contains a character outside Latin-1, which an HTTP header cannot carry'
  return undefined
}

/** The most characters one input's headers may add up to (Node's server takes 16 KiB in all). */
export const MAX_HEADERS_TOTAL = 16384

/** Refuses headers from `input` that together would make the server refuse every request. */
export function checkHeadersTotal(headers: Readonly<Record<string, string>>, input: string): void {
  const total = Object.entries(headers).reduce((n, [name, value]) => n + name.length + value.length + 4, 0)
  if (total > MAX_HEADERS_TOTAL)
    throw new InputError(
      `Input '${input}': the headers add up to ${total} characters, more than the ${MAX_HEADERS_TOTAL} servers accept on a request.`,
    )
}

/**
 * Checks a server URL: https, or plain http to a loopback host only (a token must not cross a
 * network in clear text). Trailing slashes are removed so paths join cleanly.
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
  const loopback = isLoopback(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `Input '${input}' must use https:// (plain http:// is allowed only for localhost and 127.0.0.1).`,
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/** A duration: seconds, or Go-style `90s`, `10m`, `1h`, `1h30m`. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)
  if (/^\d+$/.test(text)) return Number(text)
  if (!m || text === '') return undefined
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
}

export interface InputReader {
  /** The text as given ('' when absent). */
  text(name: string, options?: { readonly trim?: boolean }): string
  /** The text, or undefined when empty. */
  optional(name: string): string | undefined
  /**
   * One setting under several input names (ours first, then a vendor action's): whichever is given.
   * Two given with different values is an error naming both; '' when none is given.
   */
  either(names: readonly string[], options?: { readonly trim?: boolean }): string
  /** Whitespace alone counts as missing. */
  required(name: string): string
  /** Strict YAML 1.2 booleans, as core.getBooleanInput, naming the input in the error. */
  boolean(name: string, fallback: boolean): boolean
  /** One of `choices`, case-insensitive; '' gives the first. */
  choice<T extends string>(name: string, choices: readonly T[]): T
  duration(name: string, fallback: number): number
  /** A server URL checked by normalizeServerUrl, or undefined when empty. */
  url(name: string): string | undefined
}

export function createInputReader(source: InputSource): InputReader {
  const text = (name: string, options?: { readonly trim?: boolean }): string => source(name, options)
  return {
    text,
    optional: (name) => text(name) || undefined,
    either(names, options) {
      let found: [string, string] | undefined
      for (const name of names) {
        const v = text(name, options)
        if (v === '') continue
        if (found && found[1] !== v) {
          throw new InputError(
            `Inputs '${found[0]}' and '${name}' are two names for the same setting but have different values; give only one of them.`,
          )
        }
        found ??= [name, v]
      }
      return found?.[1] ?? ''
    },
    required(name) {
      const v = text(name)
      if (v === '')
        throw new InputError(
          `Input '${name}' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it.`,
        )
      return v
    },
    boolean(name, fallback) {
      const v = text(name)
      if (v === '') return fallback
      if (['true', 'True', 'TRUE'].includes(v)) return true
      if (['false', 'False', 'FALSE'].includes(v)) return false
      throw new InputError(`Input '${name}' must be 'true' or 'false', got ${shown(v)}.`)
    },
    choice<T extends string>(name: string, choices: readonly T[]): T {
      const v = text(name).toLowerCase()
      if (v === '') return choices[0]!
      if ((choices as readonly string[]).includes(v)) return v as T
      throw new InputError(
        `Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${shown(v)}.`,
      )
    },
    duration(name, fallback) {
      const v = text(name)
      if (v === '') return fallback
      const n = parseDuration(v)
      if (n === undefined)
        throw new InputError(`Input '${name}' must be a duration like '90s', '10m' or '1h', got ${shown(v)}.`)
      return n
    },
    url(name) {
      const v = text(name)
      return v === '' ? undefined : normalizeServerUrl(v, name)
    },
  }
}

/** What every vendor's slice starts from: the credential and the server, read once. */
export interface CommonInputs {
  /** The access token as given (trimmed; secret); '' when a login method stands in for it. */
  readonly accessToken: string
  /** base_url, normalised; absent when empty. */
  readonly baseUrl?: string
  /** VAULT_ADDR and the like. */
  readonly env: NodeJS.ProcessEnv
}
