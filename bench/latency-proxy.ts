// A TCP proxy on 127.0.0.1 that delays every chunk by `oneWayMs` in each direction, so a request
// and its answer cost one round trip of 2 × oneWayMs, as on a real network.
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface LatencyProxy {
  readonly url: string
  /** Bytes the server sent back (headers and bodies) since the last reset: the response size of a run. */
  readonly bytesDown: number
  resetBytes(): void
  close(): Promise<void>
}

function delayedPipe(from: Socket, to: Socket, ms: number, count?: (n: number) => void): void {
  from.on('data', (chunk) => {
    count?.(chunk.length)
    setTimeout(() => to.write(chunk), ms)
  })
  from.on('end', () => setTimeout(() => to.end(), ms))
  from.on('error', () => to.destroy())
}

export async function startLatencyProxy(target: string, oneWayMs: number): Promise<LatencyProxy> {
  const { hostname, port } = new URL(target)
  const sockets = new Set<Socket>()
  let bytesDown = 0
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname)
    for (const s of [client, upstream]) {
      // No Nagle: with delayed ACKs it would add its own ~40 ms stalls to small writes.
      s.setNoDelay(true)
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    }
    delayedPipe(client, upstream, oneWayMs)
    delayedPipe(upstream, client, oneWayMs, (n) => (bytesDown += n))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    get bytesDown() {
      return bytesDown
    },
    resetBytes: () => void (bytesDown = 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
