// One HTTP exchange over Node's own http/https modules: the cheapest client to start (~9 ms on
// first use against ~40 ms for the built-in fetch and ~50 ms to load the undici package; see
// docs/benchmarks.md). Connections are kept alive between the few requests of a run; the entry
// point exits once its work is written, so idle sockets never hold the process open.
import type { Agent as HttpAgent, OutgoingHttpHeaders } from 'node:http'
import { ServerError } from './errors.js'
import { certificateError } from './tls.js'

export interface Exchange {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly text: string
}

export interface ExchangeOptions {
  readonly method: string
  readonly headers: OutgoingHttpHeaders
  readonly body?: string
  readonly signal: AbortSignal
  readonly maxBodyBytes: number
  /** For messages: method and path, never the query. */
  readonly where: string
  /** Extra trusted CA certificates (PEM, validated by inputs.ts), added to Node's default store. */
  readonly ca?: string
}

interface Client {
  request: typeof import('node:http').request
  agent: HttpAgent
}

const clients = new Map<string, Promise<Client>>()

/** node:https only for https URLs (it loads TLS); one keep-alive agent per protocol. */
function clientFor(protocol: string, ca: string | undefined): Promise<Client> {
  let client = clients.get(protocol)
  if (!client) {
    client =
      protocol === 'https:'
        ? Promise.all([
            import('node:https'),
            ca === undefined ? undefined : import('./tls.js').then((t) => t.trustStore(ca)),
          ]).then(([m, trusted]) => ({
            request: m.request,
            agent: new m.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }),
          }))
        : import('node:http').then((m) => ({ request: m.request, agent: new m.Agent({ keepAlive: true }) }))
    clients.set(protocol, client)
  }
  return client
}

/**
 * Whether a proxy variable is set that could apply to this URL (as undici reads them: https uses
 * HTTPS_PROXY, else HTTP_PROXY; http uses HTTP_PROXY). NO_PROXY is left to undici's
 * EnvHttpProxyAgent. Without any, the undici package (~50 ms to load) is never loaded.
 */
export function proxyConfigured(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  const http = Boolean(env.http_proxy || env.HTTP_PROXY)
  return url.protocol === 'https:' ? http || Boolean(env.https_proxy || env.HTTPS_PROXY) : http
}

function tooLarge(opts: ExchangeOptions, status: number): ServerError {
  return new ServerError(`${opts.where}: response larger than ${opts.maxBodyBytes} bytes`, status)
}

/** A response body as both transports give it: a Node Readable of Buffers. */
export interface BodyStream extends AsyncIterable<Buffer> {
  destroy(): void
  on(event: 'error', listener: () => void): unknown
  /** IncomingMessage only: false when the connection closed before the body was whole. */
  readonly complete?: boolean
}

/**
 * Reads a whole body, refusing more than the limit (the declared length first, then what arrives),
 * so a hostile server cannot exhaust memory; a connection cut mid-body is an ECONNRESET, retried.
 */
export async function readLimited(
  body: BodyStream,
  declaredLength: unknown,
  status: number,
  opts: ExchangeOptions,
): Promise<string> {
  const refuse = (): never => {
    // A late stream error after destroy() must not become an uncaught exception.
    body.on('error', () => {})
    body.destroy()
    throw tooLarge(opts, status)
  }
  if (Number(declaredLength ?? 0) > opts.maxBodyBytes) refuse()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > opts.maxBodyBytes) refuse()
    chunks.push(chunk)
  }
  if (body.complete === false)
    throw Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' })
  return Buffer.concat(chunks).toString('utf8')
}

/** Sends one request and reads its answer; network failures reject with Node's error codes. */
export async function exchange(url: URL, opts: ExchangeOptions): Promise<Exchange> {
  try {
    if (proxyConfigured(url)) return await (await import('./proxy.js')).proxyExchange(url, opts)
    return await nodeExchange(url, opts)
  } catch (err) {
    // An untrusted certificate will not be trusted on the next attempt either: one clear error.
    throw certificateError(err, url, opts.where) ?? err
  }
}

function nodeExchange(url: URL, opts: ExchangeOptions): Promise<Exchange> {
  return clientFor(url.protocol, opts.ca).then(
    ({ request, agent }) =>
      new Promise((resolve, reject) => {
        const req = request(url, { method: opts.method, headers: opts.headers, agent, signal: opts.signal }, (res) => {
          const status = res.statusCode ?? 0
          readLimited(res, res.headers['content-length'], status, opts).then(
            (text) => resolve({ status, headers: res.headers, text }),
            reject,
          )
        })
        req.on('error', (err) =>
          reject(opts.signal.aborted ? Object.assign(new Error('timed out'), { code: 'ETIMEDOUT', cause: err }) : err),
        )
        req.end(opts.body)
      }),
  )
}
