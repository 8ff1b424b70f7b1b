// One HTTP exchange over Node's own http/https modules: the cheapest client to start (~9 ms on
// first use against ~40 ms for the built-in fetch and ~50 ms to load the undici package; see
// docs/benchmarks.md). Connections are kept alive between the few requests of a run; the entry
// point exits once its work is written, so idle sockets never hold the process open.
import type { Agent as HttpAgent, AgentOptions } from 'node:http'
import type { Socket } from 'node:net'
import { readLimited, type ClientTls, type ExchangeOptions, type HttpResponse } from './body.js'
import { clientTlsOptions, retryWithSystemStore } from './tls.js'
import { runQueuedWork } from './while-waiting.js'

interface Client {
  request: typeof import('node:http').request
  agent: HttpAgent
  /** Opens a connection to the origin ahead of its first request (nodePreconnect). */
  openAhead: (url: URL) => void
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
    plain ??= Promise.resolve(withAhead(http.request, new http.Agent({ keepAlive: true }), { keepAlive: true }))
    return plain
  }
  let client = secure.get(tls)
  if (!client) {
    const https = process.getBuiltinModule('node:https')
    client = (ca === undefined ? Promise.resolve(undefined) : import('./tls.js').then((t) => t.trustStore(ca))).then(
      (trusted) => {
        const options = { keepAlive: true, ...(trusted ? { ca: trusted } : {}), ...clientTlsOptions(tls) }
        return withAhead(https.request, new https.Agent(options), options)
      },
    )
    secure.set(tls, client)
  }
  return client
}

/** An early connection's error is kept on the socket (`errored`), which is then never handed over. */
const ignore = (): void => {}

/**
 * How long an early connection may wait for its request. The waits it covers (a login's round
 * trip, GitHub's token service) take well under a second; a server drops a connection that sends
 * no request after its own limit (Vault's header timeout is 10 s), and one about to be dropped
 * would fail the request with a reset that a fresh connection avoids.
 */
const AHEAD_MS = 5_000

/** An early connection, and what it met while it waited. */
interface Ahead {
  readonly socket: Socket
  readonly openedAt: number
  /** The server sent something (a 408 as it gave up on us) or closed its side. */
  spoilt: boolean
  /** Marks it spoilt: the 'readable' and 'end' listener, removed at hand-over. */
  readonly spoil: () => void
}

/**
 * Whether the request may take the early connection: open both ways, nothing arrived on it (bytes
 * sent before any request, such as a 408 a server writes as it gives up on a silent connection,
 * would be read as the answer), and young (see AHEAD_MS).
 */
function usable(ahead: Ahead): boolean {
  const { socket } = ahead
  return (
    !ahead.spoilt &&
    !socket.destroyed &&
    !socket.errored &&
    socket.writable &&
    socket.readableLength === 0 &&
    Date.now() - ahead.openedAt < AHEAD_MS
  )
}

/**
 * The agent's connection for a new request is the one opened ahead for its origin when there is
 * one still usable; otherwise the agent opens one as usual, so a failure the early connection met
 * (refused, an untrusted certificate) happens again, on the request, and is handled there like any
 * other (its error, retries, the system-CA retry). `createConnection` is the Agent method Node
 * documents for overriding; the agent calls it with the request's host and port and its own
 * options over them (Agent#createSocket), which the early connection is opened with too.
 */
function withAhead(request: Client['request'], agent: HttpAgent, options: AgentOptions): Client {
  const open = agent.createConnection.bind(agent)
  const ready = new Map<string, Ahead>()
  agent.createConnection = (opts, callback) => {
    const name = agent.getName(opts)
    const ahead = ready.get(name)
    ready.delete(name)
    if (ahead && usable(ahead)) {
      ahead.socket.off('readable', ahead.spoil).off('end', ahead.spoil).off('error', ignore)
      ahead.socket.ref()
      return ahead.socket
    }
    ahead?.socket.destroy()
    return open(opts, callback)
  }
  const openAhead = (url: URL): void => {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
    const opts = {
      host,
      port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      ...options,
      // As the agent sets them: the TLS server name (none for an address), no Nagle delay.
      servername: process.getBuiltinModule('node:net').isIP(host) ? '' : host,
      noDelay: true,
    }
    const name = agent.getName(opts)
    const previous = ready.get(name)
    if (previous && usable(previous)) return
    previous?.socket.destroy()
    // The agent's key too, as Agent#createSocket passes it: https caches the TLS session under it,
    // so the run's other connections to the origin resume it.
    const socket = open({ ...opts, _agentKey: name } as AgentOptions) as Socket
    const ahead: Ahead = { socket, openedAt: Date.now(), spoilt: false, spoil: () => void (ahead.spoilt = true) }
    // Watched without reading: anything that arrives stays buffered and spoils the connection.
    socket.on('readable', ahead.spoil).on('end', ahead.spoil).on('error', ignore)
    // Unused (the run failed first), it never holds the process open.
    socket.unref()
    ready.set(name, ahead)
  }
  return { request, agent, openAhead }
}

/**
 * Opens the connection a request to `url` will use, now, while other work goes on (the login to
 * another host, the GitHub OIDC token): its TCP handshake, and for https its TLS one, then cost the
 * request no round trips. At most one per origin; never an error here (a failure is the
 * request's, when it is sent). Direct connections only: proxy.ts (undici) has its own pool.
 */
export function nodePreconnect(url: URL, opts: { readonly ca?: string; readonly tls?: ClientTls }): void {
  clientFor(url.protocol, opts.ca, opts.tls).then(({ openAhead }) => openAhead(url), ignore)
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
