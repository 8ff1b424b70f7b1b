// The connection to the proxy itself, as undici's ProxyAgent opens it (its `clientFactory`): the
// CONNECT request's failures made into errors undici does not retry on its own. undici's client
// reconnects at once, forever, after a socket error while connecting (UND_ERR_SOCKET): a proxy that
// closes every connection made the action send tens of thousands of CONNECTs a second. Here that
// becomes a TunnelFailure, which fails the queued request, so client.ts retries with backoff and
// counts attempts. A CONNECT left unanswered is abandoned after CONNECT_HEADERS_MS (undici's own
// default is 300 s), so nothing outlives the attempt that asked for it by long.
import type { Dispatcher } from 'undici'
import Pool from 'undici/lib/dispatcher/pool.js'
import { certificateErrorCode } from './tls.js'

/** Longer than any one attempt (client.ts caps attempts at 30 s). */
const CONNECT_HEADERS_MS = 30_000

export class TunnelFailure extends Error {
  constructor(
    readonly kind: 'closed' | 'not-http' | 'status' | 'proxy-certificate',
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'TunnelFailure'
  }
}

/** `host:port` of every target a CONNECT was asked for (to name the proxy in messages). */
export const tunnelTargets = new Set<string>()

const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED'])

function failure(err: unknown): unknown {
  const { code, name } = (err ?? {}) as { code?: unknown; name?: unknown }
  // An https:// proxy's own certificate (the server's is checked later, inside the tunnel).
  if (certificateErrorCode(err) !== undefined)
    return new TunnelFailure('proxy-certificate', 'the proxy’s TLS certificate was refused', undefined, { cause: err })
  if (typeof code === 'string' && CLOSED.has(code))
    return new TunnelFailure('closed', 'the proxy closed the connection without answering CONNECT', undefined, {
      cause: err,
    })
  if ((typeof code === 'string' && code.startsWith('HPE_')) || name === 'HTTPParserError')
    return new TunnelFailure('not-http', 'the proxy did not answer CONNECT with HTTP', undefined, { cause: err })
  return err
}

type ConnectData = Dispatcher.ConnectData
type Connect = (opts: Dispatcher.ConnectOptions) => Promise<ConnectData>

export function tunnelClientFactory(origin: URL, opts: object): Dispatcher {
  const pool = new Pool(origin, opts) as Dispatcher & { connect: Connect }
  const connect: Connect = pool.connect.bind(pool)
  pool.connect = async (params: Dispatcher.ConnectOptions) => {
    tunnelTargets.add(String(params.path))
    let data: ConnectData
    try {
      data = await connect({ ...params, headersTimeout: CONNECT_HEADERS_MS } as Dispatcher.ConnectOptions)
    } catch (err) {
      throw failure(err)
    }
    if (data.statusCode !== 200) {
      data.socket.on('error', () => {}).destroy()
      throw new TunnelFailure('status', `HTTP ${data.statusCode} to CONNECT`, data.statusCode)
    }
    return data
  }
  return pool
}
