// The proxy path of the transport: loaded by client.ts (dynamic import) only when HTTP_PROXY or
// HTTPS_PROXY (or their lower-case forms) is set, because the undici package costs ~50 ms of
// start-up. undici's EnvHttpProxyAgent tunnels every request (CONNECT), NO_PROXY included (hosts
// listed there are reached directly through the same agent); the variables are read and checked
// first by proxy-env.ts. The contract is node.ts's: status, headers, text, size limit, and network
// failures rejected with Node's (or undici's) error codes so client.ts retries the same way;
// client.ts bounds each attempt by its signal whatever undici does.
// The modules used, not the package's index: it also loads fetch, WebSocket, caches and mocks,
// which more than doubles the cost of this path (measured: ~40 ms against ~85 ms to require).
import type { Dispatcher } from 'undici'
import api from 'undici/lib/api/index.js'
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js'
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js'
import { setFlagsFromString } from 'node:v8'
import { ServerError } from '../errors.js'
import { agentTls, certificateError, trustStore } from './tls.js'
import { readLimited, type ClientTls, type ExchangeOptions, type HttpResponse } from './body.js'
import { proxyFor, readProxySettings, type ProxySettings } from './proxy-env.js'
import { tunnelClientFactory, tunnelTargets, TunnelFailure } from './proxy-tunnel.js'

// What undici's index does: request(), and connect() that ProxyAgent uses for CONNECT tunnels.
Object.assign(DispatcherClass.prototype, api)

// undici parses HTTP with llhttp compiled to WebAssembly on the first request. V8 then optimises it
// with TurboFan in the background, and a process waits for that work at exit: ~100 ms added to
// every proxied run (measured) for a parser that reads a few kilobytes here. The baseline compiler
// is plenty; this flag only concerns WebAssembly, which nothing else in the action uses.
setFlagsFromString('--liftoff-only')

let settings: ProxySettings | undefined
const agents = new Map<ClientTls | undefined, Promise<Dispatcher>>()

/**
 * One agent per ClientTls object (undefined: the default one). A `ca_certificate` is added to
 * Node's default trust store for the target server (direct: `connect`; through a tunnel:
 * `requestTls`) and for an https:// proxy (`proxyTls`). A wing's ClientTls (skip verification, a
 * client certificate) concerns its server only, never the proxy. Without a CA, undici's TLS uses
 * Node's default store, which includes NODE_EXTRA_CA_CERTS.
 */
function agentFor(ca: string | undefined, tls: ClientTls | undefined): Promise<Dispatcher> {
  settings ??= readProxySettings()
  const { http, https } = settings
  let agent = agents.get(tls)
  if (!agent) {
    agent = (ca === undefined ? Promise.resolve(undefined) : trustStore(ca)).then((trusted) => {
      const trust = trusted ? { ca: trusted } : {}
      const server = { ...trust, ...agentTls(tls) }
      // The checked, normalised URLs ('' for none: undici would read the variables again).
      return new EnvHttpProxyAgent({
        httpProxy: http?.href ?? '',
        httpsProxy: https?.href ?? http?.href ?? '',
        connect: server,
        requestTls: server,
        proxyTls: trust,
        clientFactory: tunnelClientFactory,
      })
    })
    agents.set(tls, agent)
  }
  return agent
}

/** scheme://host:port (VARIABLE) of the proxy a request to `url` went through; undefined: it went direct. */
export function proxyThrough(url: URL): string | undefined {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  if (!settings || !tunnelTargets.has(`${url.hostname}:${port}`)) return undefined
  const proxy = proxyFor(url, settings)
  return proxy && `${proxy.shown} (${proxy.variable})`
}

/** What the proxy itself did wrong, as one clear message (or, for a closed connection, a retryable error). */
function tunnelError(err: TunnelFailure, url: URL, opts: ExchangeOptions): Error {
  const setting = settings && proxyFor(url, settings)
  const proxy = setting ? `${setting.shown} (${setting.variable})` : '(HTTPS_PROXY/HTTP_PROXY)'
  const variable = setting?.variable ?? 'HTTPS_PROXY/HTTP_PROXY'
  switch (err.kind) {
    case 'closed':
      return Object.assign(new Error(err.message, { cause: err.cause }), { code: 'ECONNRESET', reason: err.message })
    case 'not-http':
      return new ServerError(
        `${opts.where}: the proxy ${proxy} did not answer CONNECT with HTTP; check that ${variable} names an HTTP proxy`,
        undefined,
        { cause: err },
      )
    case 'proxy-certificate':
      return (
        (setting && certificateError(err.cause, new URL(setting.href), `${opts.where}: the proxy ${proxy}`)) ??
        new ServerError(`${opts.where}: the proxy ${proxy}: its TLS certificate was refused`, undefined, { cause: err })
      )
    case 'status':
      if (err.status === 407)
        return new ServerError(
          `${opts.where}: the proxy ${proxy} asks for credentials (HTTP 407 to CONNECT); give them in the proxy URL: http://user:password@host:port`,
          407,
        )
      return new ServerError(
        `${opts.where}: the proxy ${proxy} refused to connect (HTTP ${err.status} to CONNECT); check ${variable} and NO_PROXY`,
        err.status,
      )
  }
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
    if (err instanceof TunnelFailure) throw tunnelError(err, url, opts)
    throw err
  }
}
