// A TCP proxy on 127.0.0.1 that delays every chunk by `oneWayMs` in each direction, so a request
// and its answer cost one round trip of 2 × oneWayMs, as on a real network. With `handshake`, a
// new connection costs a round trip too, as TCP's does: the client's first bytes leave no earlier
// than one round trip after it connected (a client that connects early, while it does other work,
// has that round trip behind it when it sends). TLS is not modelled: the servers speak plain http.
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface LatencyOptions {
  /** A connection costs a round trip before the client's first byte goes out. */
  readonly handshake?: boolean
}

/** One connection the proxy accepted: when, and when its first answer byte left. */
export interface ProxiedConnection {
  readonly acceptedAt: number
  firstDownAt?: number
}

export interface LatencyProxy {
  readonly url: string
  /** Bytes the server sent back (headers and bodies) since the last reset: the response size of a run. */
  readonly bytesDown: number
  /** When each connection since the last reset was accepted, and when its first answer byte left. */
  readonly connections: readonly ProxiedConnection[]
  reset(): void
  close(): Promise<void>
}

/**
 * Pipes `from` to `to`, each chunk (and the end) delayed by `ms`, and none before `notBefore + ms`;
 * one queue, so chunks keep their order whatever their delays.
 */
function delayedPipe(from: Socket, to: Socket, ms: number, notBefore: number, onChunk?: (n: number) => void): void {
  const queue: { due: number; chunk: Buffer | null }[] = []
  let timer: NodeJS.Timeout | undefined
  const pump = (): void => {
    timer = undefined
    const now = Date.now()
    for (let next = queue[0]; next !== undefined && next.due <= now; next = queue[0]) {
      queue.shift()
      if (next.chunk === null) to.end()
      else to.write(next.chunk)
    }
    const next = queue[0]
    if (next) timer = setTimeout(pump, next.due - now)
  }
  const push = (chunk: Buffer | null): void => {
    const due = Math.max(Date.now(), notBefore) + ms
    queue.push({ due, chunk })
    timer ??= setTimeout(pump, due - Date.now())
  }
  from.on('data', (chunk: Buffer) => {
    onChunk?.(chunk.length)
    push(chunk)
  })
  from.on('end', () => push(null))
  from.on('error', () => to.destroy())
}

export async function startLatencyProxy(
  target: string,
  oneWayMs: number,
  options: LatencyOptions = {},
): Promise<LatencyProxy> {
  const { hostname, port } = new URL(target)
  const sockets = new Set<Socket>()
  let bytesDown = 0
  let connections: ProxiedConnection[] = []
  const server = createServer((client) => {
    const acceptedAt = Date.now()
    const connection: ProxiedConnection = { acceptedAt }
    connections.push(connection)
    const upstream = connect(Number(port), hostname)
    for (const s of [client, upstream]) {
      // No Nagle: with delayed ACKs it would add its own ~40 ms stalls to small writes.
      s.setNoDelay(true)
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    }
    delayedPipe(client, upstream, oneWayMs, options.handshake ? acceptedAt + 2 * oneWayMs : 0)
    delayedPipe(upstream, client, oneWayMs, 0, (n) => {
      connection.firstDownAt ??= Date.now()
      bytesDown += n
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    get bytesDown() {
      return bytesDown
    },
    get connections() {
      return connections
    },
    reset: () => {
      bytesDown = 0
      connections = []
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
