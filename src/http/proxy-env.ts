// The proxy variables as this action reads them, before undici sees them: which one applies to a
// URL, what is accepted, and how a proxy is named in messages (never with its credentials).
// Lower-case first, as curl, undici and @actions/http-client read them. A value without a scheme
// (`127.0.0.1:3128`) is an http:// proxy, as curl and @actions/http-client take it (undici alone
// would refuse it, or read `proxy:3128` as a URL of scheme `proxy:`). Only http:// and https://
// proxies are supported: the CONNECT tunnel is undici's ProxyAgent; socks is refused by name.
import { InputError } from '../errors.js'

export interface ProxySetting {
  /** The variable it came from, as set: `HTTPS_PROXY`, `https_proxy`, … */
  readonly variable: string
  /** The proxy URL, normalised (credentials included: for undici only). */
  readonly href: string
  /** scheme://host:port, for messages: credentials left out. */
  readonly shown: string
}

export interface ProxySettings {
  readonly http?: ProxySetting
  readonly https?: ProxySetting
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

/**
 * Which of a proxy variable's two names is set: lower-case first, and blank is unset (undici then
 * goes direct, as it would for an empty value). Also the HTTP client's test for loading the proxy
 * transport at all.
 */
export function proxyVariable(env: NodeJS.ProcessEnv, lower: string, upper: string): string | undefined {
  return env[lower]?.trim() ? lower : env[upper]?.trim() ? upper : undefined
}

function read(env: NodeJS.ProcessEnv, lower: string, upper: string): ProxySetting | undefined {
  const variable = proxyVariable(env, lower, upper)
  if (variable === undefined) return undefined
  const raw = env[variable]!.trim()
  const scheme = SCHEME.exec(raw)?.[1]!.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
    throw new InputError(`${variable}: a ${scheme}:// proxy is not supported: give an http:// or https:// proxy`)
  let url: URL
  try {
    url = new URL(scheme === undefined ? `http://${raw}` : raw)
  } catch {
    throw new InputError(`${variable}: not a URL: give http://host:port`)
  }
  if (url.hostname === '') throw new InputError(`${variable}: not a URL: give http://host:port`)
  return { variable, href: url.href, shown: `${url.protocol}//${url.host}` }
}

/** Both variables, checked: an InputError naming the variable for a value that cannot be a proxy. */
export function readProxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings {
  return { http: read(env, 'http_proxy', 'HTTP_PROXY'), https: read(env, 'https_proxy', 'HTTPS_PROXY') }
}

/** The proxy for a URL before NO_PROXY: https uses HTTPS_PROXY, else HTTP_PROXY; http uses HTTP_PROXY. */
export function proxyFor(url: URL, settings: ProxySettings): ProxySetting | undefined {
  return url.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http
}
