// One HTTP exchange over Node's own http/https modules: the cheapest client to start (~9 ms on
// first use against ~40 ms for the built-in fetch and ~50 ms to load the undici package; see
// docs/benchmarks.md). Connections are kept alive between the few requests of a run; the entry
// point exits once its work is written, so idle sockets never hold the process open.
import type { Agent as HttpAgent } from 'node:http'
import { readLimited, type ClientTls, type ExchangeOptions, type HttpResponse } from './body.js'
import { clientTlsOptions, retryWithSystemStore } from './tls.js'
import { runQueuedWork } from './while-waiting.js'

interface Client {
  request: typeof import('node:http').request
  agent: HttpAgent
}

let plain: Promise<Client> | undefined
/** https: one keep-alive agent per ClientTls object (undefined: the default one). */
const secure = new Map<ClientTls | undefined, Promise<Client>>()
/** Whether the agents were rebuilt after the system's CAs joined the default store. */
let rebuilt = false

/**
 * node:https only for https URLs (it loads TLS); keep-alive agents. Built-ins come from
 * process.getBuiltinModule, never import(): on Node 24 a dynamic import of node:http builds its ESM
 * namespace, which evaluates the lazy `WebSocket` getter and loads undici's WebSocket (measured:
 * 22–31 ms, against ~1.5 ms).
 */
function clientFor(protocol: string, ca: string | undefined, tls: ClientTls | undefined): Promise<Client> {
  if (protocol !== 'https:') {
    const http = process.getBuiltinModule('node:http')
    plain ??= Promise.resolve({ request: http.request, agent: new http.Agent({ keepAlive: true }) })
    return plain
  }
  let client = secure.get(tls)
  if (!client) {
    const https = process.getBuiltinModule('node:https')
    client = (ca === undefined ? Promise.resolve(undefined) : import('./tls.js').then((t) => t.trustStore(ca))).then(
      (trusted) => ({
        request: https.request,
        agent: new https.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}), ...clientTlsOptions(tls) }),
      }),
    )
    secure.set(tls, client)
  }
  return client
}

/**
 * One exchange. A server whose certificate only a CA from the system's store makes trusted (a
 * corporate CA on a self-hosted runner) is tried once more after reading that store, with new
 * agents: the store is never read on the usual path, where it would cost 20–50 ms (src/http/tls.ts).
 */
export function nodeExchange(url: URL, opts: ExchangeOptions): Promise<HttpResponse> {
  return send(url, opts).catch((err: unknown) => {
    if (!retryWithSystemStore(err)) throw err
    // Requests in flight together fail together: the first rebuilds the agents, all try again.
    if (!rebuilt) secure.clear()
    rebuilt = true
    return send(url, opts)
  })
}

function send(url: URL, opts: ExchangeOptions): Promise<HttpResponse> {
  return clientFor(url.protocol, opts.ca, opts.tls).then(
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
        // Sent: the wait for the answer is the time for work queued for later (while-waiting.ts).
        req.on('finish', runQueuedWork)
        req.end(opts.body)
      }),
  )
}
