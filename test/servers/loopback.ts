// What every local test server shares: listening on 127.0.0.1 with an ephemeral port, closing
// without waiting for idle keep-alive sockets, and the faults a test may inject into a request.
import type http from 'node:http'

/** What a server's fault hook may do with a request instead of (or before) serving it. */
export type FaultAction =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { destroy: true }
  | { delayMs: number }
  /** Serve the real reply, but cut the connection after `bytes` bytes of its body (Content-Length stays whole). */
  | { truncateAfter: number }

/** Listens on 127.0.0.1, port chosen by the OS; resolves to that port. */
export async function listenOnLoopback(server: http.Server, name: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error(`${name}: no TCP address`)
  return address.port
}

/** Closes the server; keep-alive sockets would otherwise hold close() open. */
export async function closeServer(server: http.Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  await closed
}
