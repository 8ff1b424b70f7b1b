// A real HTTP CONNECT proxy on 127.0.0.1 (ephemeral port), as corporate proxies and self-hosted
// runners' proxies work: `CONNECT host:port` opens a TCP tunnel; anything else is refused with 405
// (so a client that tried plain forward-proxying would fail visibly). Counts every tunnel.
import http from 'node:http'
import net from 'node:net'
import { closeServer, listenOnLoopback } from './loopback.js'

export interface ConnectProxy {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string
  /** One entry per CONNECT received, `host:port` as asked. */
  readonly tunnels: string[]
  /** Requests that were not CONNECT (refused with 405), `METHOD target`. */
  readonly refused: string[]
  reset(): void
  close(): Promise<void>
}

export interface ConnectProxyOptions {
  /** Answer this status instead of opening the tunnel (e.g. 403 for a policy refusal). */
  deny?: number
}

export async function startConnectProxy(opts: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const refused: string[] = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`)
    res.writeHead(405, { connection: 'close' }).end('this proxy only tunnels (CONNECT)\n')
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const target = req.url ?? ''
    tunnels.push(target)
    if (opts.deny !== undefined) {
      client.end(`HTTP/1.1 ${opts.deny} Denied\r\nconnection: close\r\n\r\n`)
      return
    }
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target)
    if (!m) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(m[2]), m[1]!.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => {
      sockets.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
    client.on('close', () => upstream.destroy())
  })
  const port = await listenOnLoopback(server, 'connect proxy')
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    refused,
    reset() {
      tunnels.length = 0
      refused.length = 0
    },
    async close() {
      for (const s of sockets) s.destroy()
      await closeServer(server)
    },
  }
}
