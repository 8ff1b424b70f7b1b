// The one HTTP client. Every connection the action opens goes through here: per-request timeout,
// an overall deadline, bounded retries with backoff that honours Retry-After, a size limit on
// bodies, and errors and debug lines that carry method, path and status only — never headers,
// bodies or query strings, which may hold tokens.
// The transport is Node's own http/https (node.ts), the cheapest client to start; proxy.ts (undici)
// is loaded only when a proxy variable is set.
import { ActionError, causeChain, ServerError } from '../errors.js'
import type { ClientTls, ExchangeOptions, HttpResponse } from './body.js'
import { nodeExchange, nodePreconnect } from './node.js'
import { proxyVariable } from './proxy-env.js'
import { certificateError } from './tls.js'
import { runQueuedWork } from './while-waiting.js'

export type { ClientTls, HttpResponse } from './body.js'

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/** A loopback host name, where plain http is allowed (nothing crosses a network). */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK.test(hostname)
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Statuses worth retrying for this request; default 429, 502, 503, 504. */
  readonly retryStatuses?: ReadonlySet<number>
  /**
   * false: a network error is retried only when the connection was refused (nothing reached the
   * server), for requests that are not safe to repeat (a create); default true.
   */
  readonly retryNetworkErrors?: boolean
  /** Attempts for this request (overrides the client's maxAttempts). */
  readonly maxAttempts?: number
  /** Redirects to follow (GET only, headers kept, never https → http); default 0: a 3xx is returned. */
  readonly maxRedirects?: number
  /**
   * This request's own TLS settings (a wing's, e.g. Vault's tlsSkipVerify and client certificate:
   * providers/vault/api.ts withTls); absent: verify the server, present no client certificate.
   */
  readonly tls?: ClientTls
  /** This request's answer may be this large (an answer that grows with what was asked for). */
  readonly maxBodyBytes?: number
}

export interface HttpClient {
  /** Sends a request, retrying what is worth retrying; returns the final response whatever its status. */
  send(req: HttpRequest): Promise<HttpResponse>
  /**
   * Opens the connection for a request to `url` that will follow (with `tls`, the request's own TLS
   * settings), while the run does other work; errors, if any, are that request's.
   */
  preconnect(url: string, tls?: ClientTls): void
}

export interface HttpOptions {
  /** Per-attempt timeout. */
  readonly timeoutMs: number
  /** Wall-clock budget for everything sent through this client, retries and waits included. */
  readonly deadlineMs: number
  readonly maxAttempts?: number
  /** Upper bound of the first backoff window (doubles per attempt, full jitter). */
  readonly backoffBaseMs?: number
  readonly maxBodyBytes?: number
  readonly userAgent?: string
  /** Extra trusted CA certificates (PEM), added to Node's default store (`ca_certificate`). */
  readonly ca?: string
  readonly debug?: (line: string) => void
  readonly sleep?: (ms: number) => Promise<void>
  readonly now?: () => number
}

// Rate limits and gateway hiccups pass; everything else 4xx is the caller's mistake and repeats.
const RETRY_STATUS = new Set([429, 502, 503, 504])
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
])
const MAX_BACKOFF_MS = 8_000
/** Least time worth starting an attempt with (a round trip on a slow network, a TLS handshake). */
const MIN_ATTEMPT_MS = 250

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The request's path, for messages: no origin, no query (ids in paths are not secret). */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return '(invalid URL)'
  }
}

/** Parses Retry-After (delta-seconds or HTTP-date) into milliseconds from now. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value
  if (v === undefined || v.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000
  const date = Date.parse(v)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function errorCode(err: unknown): string {
  for (const e of causeChain(err)) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    if ((e as { name?: unknown }).name === 'TimeoutError') return 'ETIMEDOUT'
  }
  return 'UNKNOWN'
}

/**
 * Whether a proxy variable is set that could apply to this URL (as undici reads them: https uses
 * HTTPS_PROXY, else HTTP_PROXY; http uses HTTP_PROXY). NO_PROXY is left to undici's
 * EnvHttpProxyAgent. Without any, the undici package (~50 ms to load) is never loaded.
 */
export function proxyConfigured(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  const http = proxyVariable(env, 'http_proxy', 'HTTP_PROXY') !== undefined
  return url.protocol === 'https:' ? http || proxyVariable(env, 'https_proxy', 'HTTPS_PROXY') !== undefined : http
}

/**
 * Settles with `work`, or rejects with ETIMEDOUT as soon as the signal aborts, whether or not the
 * transport noticed: undici does not abort a request still waiting for its connection (a proxy
 * silent on CONNECT held it 300 s; a TLS handshake inside a silent tunnel, 10 s), so the bound is
 * enforced here, for every transport. What was abandoned ends with the process.
 */
function withinSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** A network failure of a request that went through a proxy: `proxy` names it for the message. */
class ThroughProxy extends Error {
  /** The failure's own code (exchange's contract: Node's error codes). */
  readonly code: string
  constructor(
    readonly proxy: string,
    cause: unknown,
  ) {
    super(`through the proxy ${proxy}`, { cause })
    this.code = errorCode(cause)
  }
}

/** Sends one request and reads its answer; network failures reject with Node's error codes. */
export async function exchange(url: URL, opts: ExchangeOptions): Promise<HttpResponse> {
  const proxied = proxyConfigured(url)
  try {
    const sent = proxied ? import('./proxy.js').then((p) => p.proxyExchange(url, opts)) : nodeExchange(url, opts)
    // node.ts runs the queued work once the request's bytes are out; undici does not say when, so
    // through a proxy it runs once the exchange settles: queued work never waits longer than that.
    if (proxied) sent.then(runQueuedWork, runQueuedWork)
    return await withinSignal(sent, opts.signal)
  } catch (err) {
    if (err instanceof ActionError) throw err
    // An untrusted certificate will not be trusted on the next attempt either: one clear error.
    const tls = certificateError(err, url, opts.where)
    if (tls) throw tls
    if (proxied) {
      const proxy = (await import('./proxy.js')).proxyThrough(url)
      if (proxy !== undefined) throw new ThroughProxy(proxy, err)
    }
    throw err
  }
}

/** ", through the proxy P: what it did", or '' for a direct request. */
function proxyNote(err: unknown): string {
  let note = ''
  for (const e of causeChain(err)) {
    if (e instanceof ThroughProxy) note = `, through the proxy ${e.proxy}`
    const reason = (e as { reason?: unknown }).reason
    if (note && typeof reason === 'string') return `${note}: ${reason}`
  }
  return note
}

export function createHttpClient(opts: HttpOptions): HttpClient {
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? defaultSleep
  const maxAttempts = opts.maxAttempts ?? 5
  const base = opts.backoffBaseMs ?? 500
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024
  const deadline = now() + opts.deadlineMs
  const debug = opts.debug ?? ((): void => {})

  async function attempt(req: HttpRequest): Promise<HttpResponse> {
    const timeout = Math.max(1, Math.min(opts.timeoutMs, deadline - now()))
    const signal = AbortSignal.timeout(timeout)
    const headers = { ...(opts.userAgent ? { 'user-agent': opts.userAgent } : {}), ...req.headers }
    const where = `${req.method} ${pathOf(req.url)}`
    let url = new URL(req.url)
    for (let hops = 0; ; hops++) {
      const res = await exchange(url, {
        method: req.method,
        headers,
        body: req.body,
        signal,
        maxBodyBytes: req.maxBodyBytes ?? maxBody,
        where,
        ca: opts.ca,
        tls: req.tls,
      })
      const location = res.headers.location
      if (
        res.status >= 300 &&
        res.status < 400 &&
        typeof location === 'string' &&
        req.method === 'GET' &&
        hops < (req.maxRedirects ?? 0)
      ) {
        const next = new URL(location, url)
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
          throw new ServerError(`${where}: refusing a redirect from https to ${next.protocol}`, res.status)
        }
        // Every hop carries the request's headers (a Vault token among them): the https-only rule
        // that applies to the configured URL applies to each hop too.
        if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopback(next.hostname))) {
          throw new ServerError(
            `${where}: refusing a redirect to ${next.protocol}//${next.host}: requests carrying a token go over https only (plain http only to localhost)`,
            res.status,
          )
        }
        url = next
        continue
      }
      return res
    }
  }

  function backoff(n: number): number {
    return Math.random() * Math.min(MAX_BACKOFF_MS, base * 2 ** (n - 1))
  }

  return {
    preconnect(url, tls) {
      // URL.parse: null for what is no URL (send() says so, with its own error).
      const target = URL.parse(url)
      if (target && !proxyConfigured(target)) nodePreconnect(target, { ca: opts.ca, tls })
    },
    async send(req) {
      const where = `${req.method} ${pathOf(req.url)}`
      const retryStatuses = req.retryStatuses ?? RETRY_STATUS
      const attempts = req.maxAttempts ?? maxAttempts
      for (let n = 1; ; n++) {
        const started = now()
        let wait: number
        try {
          const res = await attempt(req)
          debug(`${where} → ${res.status} in ${now() - started} ms`)
          if (!retryStatuses.has(res.status) || n >= attempts) return res
          wait = parseRetryAfter(res.headers['retry-after'], now()) ?? backoff(n)
          if (now() + wait > deadline) return res
        } catch (err) {
          // Our own errors (a refused certificate, a proxy variable, a proxy's refusal) are final.
          if (err instanceof ActionError) throw err
          const code = errorCode(err)
          debug(`${where} → ${code} after ${now() - started} ms`)
          const timedOut = code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT')
          // The wait is cut so that the next attempt still has MIN_ATTEMPT_MS before the deadline; an
          // attempt started with no time left could only time out, hiding the real failure.
          wait = Math.min(backoff(n), deadline - now() - MIN_ATTEMPT_MS)
          const retryable = req.retryNetworkErrors === false ? code === 'ECONNREFUSED' : RETRY_CODES.has(code)
          if (!retryable || n >= attempts || wait < 0) {
            const what = timedOut ? 'timed out' : `failed (${code})`
            const attempts = `after ${n} attempt${n > 1 ? 's' : ''}`
            throw new ServerError(`${where} ${what} ${attempts}${proxyNote(err)}`, undefined, { cause: err })
          }
        }
        debug(`${where}: retrying in ${Math.round(wait)} ms (attempt ${n + 1} of ${attempts})`)
        await sleep(wait)
      }
    },
  }
}
