// The transport's proxy path (src/proxy.ts via src/transport.ts) keeps exchange()'s contract:
// status, headers and text; the body size limit; the timeout through the signal (ETIMEDOUT); a cut
// body as a retryable error; and http.ts's retries work the same through the proxy.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ServerError } from '../../../src/errors.js'
import { createHttpClient, exchange } from '../../../src/http/client.js'
import { startConnectProxy, type ConnectProxy } from '../../../test/servers/connect-proxy.js'

let proxy: ConnectProxy
let server: Server
let base: string
let handler: (path: string, res: ServerResponse) => void = (_p, res) => res.end()
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy }

beforeAll(async () => {
  proxy = await startConnectProxy()
  server = createServer((req, res) => handler(req.url ?? '', res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.HTTP_PROXY = proxy.url
  delete process.env.NO_PROXY
  delete process.env.no_proxy
})

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await proxy.close()
})

beforeEach(() => proxy.reset())

const opts = (extra: { maxBodyBytes?: number; signal?: AbortSignal } = {}) => ({
  method: 'GET',
  headers: { 'x-test': '1' },
  signal: extra.signal ?? AbortSignal.timeout(5000),
  maxBodyBytes: extra.maxBodyBytes ?? 1024,
  where: 'GET /thing',
})

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p
  } catch (e) {
    return e as Error & { code?: string }
  }
  throw new Error('expected a rejection')
}

test('status, headers and text come back as from the direct path, through a tunnel', async () => {
  handler = (_p, res) =>
    res.writeHead(418, { 'content-type': 'text/plain', 'x-multi': ['a', 'b'] }).end('short and stout ✓')
  const res = await exchange(new URL(`${base}/thing?q=1`), opts())
  expect(res.status).toBe(418)
  expect(res.text).toBe('short and stout ✓')
  expect(res.headers['content-type']).toBe('text/plain')
  expect(res.headers['x-multi']).toEqual(['a', 'b'])
  expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
})

test('sequential requests share one kept-alive tunnel', async () => {
  handler = (_p, res) => res.end('ok')
  for (const path of ['/1', '/2', '/3']) expect((await exchange(new URL(`${base}${path}`), opts())).text).toBe('ok')
  expect(proxy.tunnels.length).toBeLessThanOrEqual(1)
})

test('a declared Content-Length over the limit is refused before reading', async () => {
  handler = (_p, res) => res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000))
  const err = await rejection(exchange(new URL(`${base}/big`), opts()))
  expect(err).toBeInstanceOf(ServerError)
  expect(err.message).toBe('GET /thing: response larger than 1024 bytes')
})

test('a chunked body that grows over the limit is refused', async () => {
  handler = (_p, res) => {
    res.writeHead(200)
    for (let i = 0; i < 10; i++) res.write('y'.repeat(500))
    res.end()
  }
  const err = await rejection(exchange(new URL(`${base}/chunked`), opts()))
  expect(err).toBeInstanceOf(ServerError)
  expect(err.message).toBe('GET /thing: response larger than 1024 bytes')
})

test('a server that never answers: the signal ends it as ETIMEDOUT', async () => {
  handler = () => {}
  const err = await rejection(exchange(new URL(`${base}/hang`), opts({ signal: AbortSignal.timeout(300) })))
  expect(err.code).toBe('ETIMEDOUT')
})

test('a body cut short: a retryable socket error, not a truncated text', async () => {
  handler = (_p, res) => {
    res.writeHead(200, { 'content-length': '100' })
    res.write('partial')
    setTimeout(() => res.destroy(), 20)
  }
  const err = await rejection(exchange(new URL(`${base}/cut`), opts()))
  expect(err).not.toBeInstanceOf(ServerError)
  expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(err.code)
})

test('http.ts retries 503 then succeeds, every attempt through the proxy', async () => {
  let n = 0
  // Connection: close, so every attempt needs its own tunnel and the proxy counts each one.
  handler = (_p, res) =>
    ++n < 3
      ? res.writeHead(503, { connection: 'close' }).end()
      : res.writeHead(200, { connection: 'close' }).end('{"ok":true}')
  const client = createHttpClient({ timeoutMs: 5000, deadlineMs: 10_000, sleep: async () => {} })
  const res = await client.send({ method: 'GET', url: `${base}/flaky` })
  expect(res.status).toBe(200)
  expect(n).toBe(3)
  // The first attempt may reuse a tunnel kept alive by the previous test; the two after a close cannot.
  expect(proxy.tunnels.length).toBeGreaterThanOrEqual(2)
})

test('a POST body goes through unchanged', async () => {
  let received = ''
  server.removeAllListeners('request')
  server.on('request', (req, res) => {
    req.setEncoding('utf8').on('data', (d: string) => (received += d))
    req.on('end', () => res.end('done'))
  })
  const res = await exchange(new URL(`${base}/post`), {
    ...opts(),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"a":"ü"}',
  })
  expect(res.text).toBe('done')
  expect(received).toBe('{"a":"ü"}')
})
