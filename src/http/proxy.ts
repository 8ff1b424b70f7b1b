// The proxy path of the transport: loaded by transport.ts (dynamic import) only when HTTP_PROXY or
// HTTPS_PROXY (or their lower-case forms) is set, because the undici package costs ~50 ms of
// start-up. undici's EnvHttpProxyAgent reads the variables as self-hosted runners set them,
// NO_PROXY included (hosts listed there are reached directly through the same agent).
// The contract is transport.ts's: status, headers, text, size limit, timeout via the signal, and
// network failures rejected with Node's (or undici's) error codes so http.ts retries the same way.
// The modules used, not the package's index: it also loads fetch, WebSocket, caches and mocks,
// which more than doubles the cost of this path (measured: ~40 ms against ~85 ms to require).
import type { Dispatcher } from 'undici'
import api from 'undici/lib/api/index.js'
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js'
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js'
import { setFlagsFromString } from 'node:v8'
import { ServerError } from '../errors.js'
import { agentTls, trustStore } from './tls.js'
import { readLimited, type ClientTls, type ExchangeOptions, type HttpResponse } from './body.js'

// What undici's index does: request(), and connect() that ProxyAgent uses for CONNECT tunnels.
Object.assign(DispatcherClass.prototype, api)

// undici parses HTTP with llhttp compiled to WebAssembly on the first request. V8 then optimises it
// with TurboFan in the background, and a process waits for that work at exit: ~100 ms added to
// every proxied run (measured) for a parser that reads a few kilobytes here. The baseline compiler
// is plenty; this flag only concerns WebAssembly, which nothing else in the action uses.
setFlagsFromString('--liftoff-only')

const agents = new Map<ClientTls | undefined, Promise<Dispatcher>>()

/**
 * One agent per ClientTls object (undefined: the default one). A `ca_certificate` is added to
 * Node's default trust store for the target server (direct: `connect`; through a tunnel:
 * `requestTls`) and for an https:// proxy (`proxyTls`). A wing's ClientTls (skip verification, a
 * client certificate) concerns its server only, never the proxy. Without a CA, undici's TLS uses
 * Node's default store, which includes NODE_EXTRA_CA_CERTS.
 */
function agentFor(ca: string | undefined, tls: ClientTls | undefined): Promise<Dispatcher> {
  let agent = agents.get(tls)
  if (!agent) {
    agent = (ca === undefined ? Promise.resolve(undefined) : trustStore(ca)).then((trusted) => {
      const trust = trusted ? { ca: trusted } : {}
      const server = { ...trust, ...agentTls(tls) }
      return new EnvHttpProxyAgent({ connect: server, requestTls: server, proxyTls: trust })
    })
    agents.set(tls, agent)
  }
  return agent
}

/** The proxy refused the tunnel (undici reports it as an aborted request): say so, not "aborted". */
function proxyRefusal(err: unknown, opts: ExchangeOptions): ServerError | undefined {
  const message = err instanceof Error ? err.message : ''
  const m = /^Proxy response \((\d+)\) !== 200 when HTTP Tunneling$/.exec(message)
  if (!m) return undefined
  return new ServerError(
    `${opts.where}: the proxy refused to connect (HTTP ${m[1]} to CONNECT); check HTTPS_PROXY/HTTP_PROXY and NO_PROXY`,
    Number(m[1]),
    { cause: err },
  )
}

export async function proxyExchange(url: URL, opts: ExchangeOptions): Promise<HttpResponse> {
  const dispatcher = await agentFor(opts.ca, opts.tls)
  try {
    const res = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: opts.method as Dispatcher.HttpMethod,
      headers: opts.headers as Record<string, string>,
      body: opts.body,
      signal: opts.signal,
    })
    const text = await readLimited(res.body, res.headers['content-length'], res.statusCode, opts)
    await new Promise((resolve) => setImmediate(resolve))
    return { status: res.statusCode, headers: res.headers, text }
  } catch (err) {
    if (err instanceof ServerError) throw err
    if (opts.signal.aborted) throw Object.assign(new Error('timed out'), { code: 'ETIMEDOUT', cause: err })
    throw proxyRefusal(err, opts) ?? err
  }
}
