// One HTTP exchange over Node's own http/https modules: the cheapest client to start (~9 ms on
// first use against ~40 ms for the built-in fetch and ~50 ms to load the undici package; see
// docs/benchmarks.md). Connections are kept alive between the few requests of a run; the entry
// point exits once its work is written, so idle sockets never hold the process open.
import type { Agent as HttpAgent, IncomingMessage, OutgoingHttpHeaders } from 'node:http'
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
        ? Promise.all([import('node:https'), ca === undefined ? undefined : import('./tls.js').then((t) => t.trustStore(ca))]).then(
            ([m, trusted]) => ({ request: m.request, agent: new m.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }) }),
          )
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

/** Reads the whole body, refusing more than the limit; a connection cut mid-body is an error. */
function readBody(res: IncomingMessage, opts: ExchangeOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length'] ?? 0)
    if (declared > opts.maxBodyBytes) {
      res.destroy()
      return reject(tooLarge(opts, res.statusCode ?? 0))
    }
    const chunks: Buffer[] = []
    let size = 0
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > opts.maxBodyBytes) {
        res.destroy()
        reject(tooLarge(opts, res.statusCode ?? 0))
      } else chunks.push(chunk)
    })
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    res.on('error', reject)
    res.on('close', () => {
      if (!res.complete) reject(Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' }))
    })
  })
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
  return clientFor(url.protocol, opts.ca).then(({ request, agent }) => new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method, headers: opts.headers, agent, signal: opts.signal }, (res) => {
      readBody(res, opts).then((text) => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }), reject)
    })
    req.on('error', (err) => reject(opts.signal.aborted ? Object.assign(new Error('timed out'), { code: 'ETIMEDOUT', cause: err }) : err))
    req.end(opts.body)
  }))
}
