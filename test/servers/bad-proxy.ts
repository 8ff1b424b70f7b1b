// Proxies that misbehave, on 127.0.0.1 (ephemeral port), for the cases a real proxy only shows on
// a bad day: it accepts the connection and never answers; it answers `200 Connection established`
// and then goes silent; it closes every connection at once; it answers something that is not HTTP;
// it asks for credentials (407) it never accepts. Raw TCP (node:net), so nothing in Node's HTTP
// server tidies the misbehaviour away. Counts connections and the requests' first lines.
import net from 'node:net'

export type BadProxyMode =
  | 'silent'
  | 'silent-after-200'
  /** Closes each connection as soon as it is accepted. */
  | 'close'
  /** Reads the request, then closes without a word (a proxy dropping what it will not serve). */
  | 'close-after-request'
  | 'garbage'
  | 'auth-required'

export interface BadProxy {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string
  /** Connections accepted so far. */
  readonly connections: number
  /** Each request's first line as received, e.g. `CONNECT 127.0.0.1:4443 HTTP/1.1`. */
  readonly requests: string[]
  /** Misbehaves another way from the next connection on (the same URL: a process reads its proxy once). */
  setMode(mode: BadProxyMode): void
  close(): Promise<void>
}

/** Not HTTP: what an SSH server (a mistyped port) says first. */
export const GARBAGE_REPLY = 'SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'

export async function startBadProxy(mode: BadProxyMode): Promise<BadProxy> {
  const requests: string[] = []
  const sockets = new Set<net.Socket>()
  let connections = 0
  const server = net.createServer((socket) => {
    connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    if (mode === 'close') {
      socket.destroy()
      return
    }
    let head = ''
    let answered = false
    socket.on('data', (chunk: Buffer) => {
      if (answered) return
      head += chunk.toString('latin1')
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      answered = true
      requests.push(head.slice(0, head.indexOf('\r\n')))
      if (mode === 'close-after-request') socket.end()
      else if (mode === 'silent-after-200') socket.write('HTTP/1.1 200 Connection established\r\n\r\n')
      else if (mode === 'garbage') socket.end(GARBAGE_REPLY)
      else if (mode === 'auth-required')
        socket.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="proxy"\r\ncontent-length: 0\r\nconnection: close\r\n\r\n',
        )
      // 'silent': read everything, say nothing.
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections
    },
    requests,
    setMode(next) {
      mode = next
    },
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
