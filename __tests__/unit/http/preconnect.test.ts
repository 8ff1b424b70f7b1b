// HttpClient.preconnect: the connection opened ahead is the one the request then uses; when it
// failed or was dropped, the request opens its own and meets the same errors a request without it
// meets; behind a proxy variable it opens nothing. Real servers on 127.0.0.1 (http, and https with
// certificates made by openssl).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { createHttpClient } from '../../../src/http/client.js'
import { createTestCa, haveOpenssl } from '../../../test/harness/tls-ca.js'

if (!haveOpenssl()) throw new Error('preconnect: the `openssl` command is required to create the test CA')

interface Served {
  readonly url: string
  /** Connections accepted, in order, and the connection each request came on. */
  readonly connections: Socket[]
  readonly requests: Socket[]
  close(): Promise<void>
}

const open: Served[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

/** A server counting connections (`event`: the plain or the TLS one) and the connection of each request. */
async function listen(server: HttpServer, scheme: string, event: string): Promise<Served> {
  const connections: Socket[] = []
  const requests: Socket[] = []
  server.on(event, (s: Socket) => connections.push(s))
  server.on('request', (req, res) => {
    requests.push(req.socket)
    res.end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const served: Served = {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/x`,
    connections,
    requests,
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  open.push(served)
  return served
}

const client = (ca?: string): ReturnType<typeof createHttpClient> =>
  createHttpClient({ timeoutMs: 5000, deadlineMs: 10_000, backoffBaseMs: 1, maxAttempts: 1, ca })

/** Waits (a few ms at a time, 2 s at most) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  for (let waited = 0; !ready(); waited += 5) {
    if (waited >= 2000) throw new Error('the early connection never reached the server')
    await sleep(5)
  }
}

test('http: the request goes out on the connection opened ahead, and no other is opened', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  const http = client()
  http.preconnect(s.url)
  await until(() => s.connections.length === 1)
  expect(s.requests).toHaveLength(0)
  expect((await http.send({ method: 'GET', url: s.url })).status).toBe(200)
  expect(s.connections).toHaveLength(1)
  expect(s.requests[0]).toBe(s.connections[0])
})

test('http: preconnect twice to one origin opens one connection', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  const http = client()
  http.preconnect(s.url)
  http.preconnect(`${s.url}/other?q=1`)
  await until(() => s.connections.length === 1)
  await sleep(20)
  expect(s.connections).toHaveLength(1)
  await http.send({ method: 'GET', url: s.url })
  expect(s.connections).toHaveLength(1)
})

test('a connection the server dropped before the request is not used: the request opens its own', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  const http = client()
  http.preconnect(s.url)
  await until(() => s.connections.length === 1)
  // The server closes it unused, as an idle timeout would.
  s.connections[0]!.destroy()
  await sleep(20)
  expect((await http.send({ method: 'GET', url: s.url })).status).toBe(200)
  expect(s.connections).toHaveLength(2)
  expect(s.requests[0]).toBe(s.connections[1])
})

test('a connection the server answered before any request (a 408 as it gives up on it) is not used', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  const http = client()
  http.preconnect(s.url)
  await until(() => s.connections.length === 1)
  // What a server writes when a connection sends no request in time; its close follows later.
  s.connections[0]!.write('HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n')
  await sleep(50)
  expect((await http.send({ method: 'GET', url: s.url })).status).toBe(200)
  expect(s.connections).toHaveLength(2)
  expect(s.requests[0]).toBe(s.connections[1])
})

test('a refused early connection: the request meets the same refusal, with the same error', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  await s.close()
  const without = await client()
    .send({ method: 'GET', url: s.url })
    .catch((e: Error) => e.message)
  const http = client()
  http.preconnect(s.url)
  await sleep(20)
  const withEarly = await http.send({ method: 'GET', url: s.url }).catch((e: Error) => e.message)
  expect(withEarly).toBe(without)
  expect(withEarly).toMatch(/^GET \/x failed \(ECONNREFUSED\) after 1 attempt/)
})

describe('https', () => {
  const ca = createTestCa('preconnect CA')
  const other = createTestCa('another CA')

  test('the TLS connection opened ahead (trusting ca_certificate) carries the request', async () => {
    const s = await listen(createHttpsServer(ca.issue(['127.0.0.1'])), 'https', 'secureConnection')
    const http = client(ca.caPem)
    http.preconnect(s.url)
    await until(() => s.connections.length === 1)
    expect((await http.send({ method: 'GET', url: s.url })).status).toBe(200)
    expect(s.connections).toHaveLength(1)
    expect(s.requests[0]).toBe(s.connections[0])
  })

  test('an untrusted certificate: the same error as without the early connection', async () => {
    const s = await listen(createHttpsServer(other.issue(['127.0.0.1'])), 'https', 'secureConnection')
    const without = await client(ca.caPem)
      .send({ method: 'GET', url: s.url })
      .catch((e: Error) => e.message)
    const http = client(ca.caPem)
    http.preconnect(s.url)
    await sleep(50)
    const withEarly = await http.send({ method: 'GET', url: s.url }).catch((e: Error) => e.message)
    expect(withEarly).toBe(without)
    expect(withEarly).toContain('is not signed by a trusted certificate authority')
    expect(s.requests).toHaveLength(0)
  })
})

test('with a proxy variable set, preconnect opens nothing (the proxy client keeps its own pool)', async () => {
  const s = await listen(createHttpServer(), 'http', 'connection')
  const saved = process.env.HTTP_PROXY
  process.env.HTTP_PROXY = 'http://127.0.0.1:9'
  try {
    client().preconnect(s.url)
    await sleep(50)
  } finally {
    if (saved === undefined) delete process.env.HTTP_PROXY
    else process.env.HTTP_PROXY = saved
  }
  expect(s.connections).toHaveLength(0)
})

test('what is no URL is ignored (the request that follows says so)', () => {
  expect(() => client().preconnect('not a url')).not.toThrow()
})
