import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ServerError } from '../../../src/errors.js'
import { createHttpClient, parseRetryAfter } from '../../../src/http/client.js'
import { parseJson } from '../../../src/http/json.js'

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void

async function serve(handler: Handler): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let n = 0
  const server = createServer((req, res) => handler(req, res, ++n))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/p?secret=q`,
    hits: () => n,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

const waits: number[] = []
const client = (extra: Partial<Parameters<typeof createHttpClient>[0]> = {}): ReturnType<typeof createHttpClient> =>
  createHttpClient({
    timeoutMs: 2000,
    deadlineMs: 10_000,
    backoffBaseMs: 1,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  })

beforeEach(() => (waits.length = 0))

test('retries 429 honouring Retry-After seconds, then succeeds', async () => {
  const s = await serve((_q, res, n) => {
    if (n === 1) return res.writeHead(429, { 'retry-after': '2' }).end('{}')
    res.writeHead(200).end('{"ok":true}')
  })
  const res = await client().send({ method: 'GET', url: s.url })
  expect(res.status).toBe(200)
  expect(s.hits()).toBe(2)
  expect(waits).toEqual([2000])
  await s.close()
})

test.each([502, 503, 504])('retries %i with backoff and gives up after 5 attempts', async (status) => {
  const s = await serve((_q, res) => res.writeHead(status).end('<html>bad gateway</html>'))
  const res = await client().send({ method: 'POST', url: s.url, body: 'x' })
  expect(res.status).toBe(status)
  expect(s.hits()).toBe(5)
  expect(waits).toHaveLength(4)
  await s.close()
})

test.each([400, 401, 403, 404])('never retries %i', async (status) => {
  const s = await serve((_q, res) => res.writeHead(status).end('{}'))
  expect((await client().send({ method: 'GET', url: s.url })).status).toBe(status)
  expect(s.hits()).toBe(1)
  await s.close()
})

test('a Retry-After beyond the deadline returns the 429 at once', async () => {
  const s = await serve((_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end('{}'))
  expect((await client().send({ method: 'GET', url: s.url })).status).toBe(429)
  expect(s.hits()).toBe(1)
  await s.close()
})

test('a connection reset is retried', async () => {
  const s = await serve((req, res, n) => {
    if (n === 1) return req.socket.destroy()
    res.writeHead(200).end('ok')
  })
  expect((await client().send({ method: 'GET', url: s.url })).text).toBe('ok')
  expect(s.hits()).toBe(2)
  await s.close()
})

test('a hang past the timeout fails with a message naming method and path only', async () => {
  const s = await serve(() => {})
  const err = await client({ timeoutMs: 100, maxAttempts: 2 })
    .send({ method: 'GET', url: s.url })
    .catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ServerError)
  expect((err as Error).message).toBe('GET /p timed out after 2 attempts')
  expect(s.hits()).toBe(2)
  await s.close()
})

test('a refused connection fails cleanly', async () => {
  const s = await serve(() => {})
  await s.close()
  const err = await client({ maxAttempts: 2 })
    .send({ method: 'GET', url: s.url })
    .catch((e: unknown) => e)
  expect((err as Error).message).toBe('GET /p failed (ECONNREFUSED) after 2 attempts')
})

test('bodies over the size limit are refused', async () => {
  const s = await serve((_q, res) => res.writeHead(200).end('x'.repeat(5000)))
  await expect(client({ maxBodyBytes: 1000 }).send({ method: 'GET', url: s.url })).rejects.toThrow(
    'GET /p: response larger than 1000 bytes',
  )
  await s.close()
})

test('debug lines carry method, path, status and timing only', async () => {
  const lines: string[] = []
  const s = await serve((_q, res) => res.writeHead(200).end('{"value":"hunter2"}'))
  await client({ debug: (l) => lines.push(l) }).send({
    method: 'POST',
    url: s.url,
    headers: { authorization: 'Bearer tok' },
    body: 'secret',
  })
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^POST \/p → 200 in \d+ ms$/)
  await s.close()
})

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  expect(parseRetryAfter('7', now)).toBe(7000)
  expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:09 GMT', now)).toBe(9000)
  expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
  expect(parseRetryAfter('soon', now)).toBeUndefined()
  expect(parseRetryAfter(undefined, now)).toBeUndefined()
})

test('parseJson refuses non-JSON without quoting it', () => {
  expect(() =>
    parseJson({ status: 200, headers: { 'content-type': 'text/html' }, text: '<p>hunter2</p>' }, 'GET /x'),
  ).toThrow('GET /x: expected JSON, got 14 bytes of text/html (HTTP 200)')
})

test('a body cut off mid-stream is retried', async () => {
  const s = await serve((req, res, n) => {
    if (n === 1) {
      res.writeHead(200, { 'content-length': '100' })
      res.write('{"partial":')
      setTimeout(() => req.socket.destroy(), 10)
      return
    }
    res.writeHead(200).end('{"whole":true}')
  })
  expect((await client().send({ method: 'GET', url: s.url })).text).toBe('{"whole":true}')
  expect(s.hits()).toBe(2)
  await s.close()
})

test('a 3xx is returned as it is unless redirects are allowed', async () => {
  const s = await serve((req, res) => {
    if (req.url?.startsWith('/p')) return res.writeHead(307, { location: '/moved' }).end()
    res.writeHead(200).end(`token=${req.headers['x-token']}`)
  })
  expect((await client().send({ method: 'GET', url: s.url })).status).toBe(307)
  const followed = await client().send({ method: 'GET', url: s.url, headers: { 'x-token': 't1' }, maxRedirects: 10 })
  expect(followed.text).toBe('token=t1')
  expect(s.hits()).toBe(3)
  await s.close()
})

test('a redirect loop stops at the limit', async () => {
  const s = await serve((_q, res) => res.writeHead(307, { location: '/again' }).end())
  expect((await client().send({ method: 'GET', url: s.url, maxRedirects: 3 })).status).toBe(307)
  expect(s.hits()).toBe(4)
  await s.close()
})

test('per-request retry statuses and attempts', async () => {
  const s = await serve((_q, res) => res.writeHead(412).end('{}'))
  const res = await client().send({ method: 'GET', url: s.url, retryStatuses: new Set([412]), maxAttempts: 3 })
  expect(res.status).toBe(412)
  expect(s.hits()).toBe(3)
  await s.close()
})

test('a redirect hop to plain http off loopback is refused before it is followed (it would carry the token)', async () => {
  const s = await serve((_q, res) => res.writeHead(307, { location: 'http://10.255.255.1:9/v1/secret' }).end())
  // The message is the refusal's: an attempted connection there would fail otherwise (a timeout).
  await expect(client().send({ method: 'GET', url: s.url, maxRedirects: 5 })).rejects.toThrow(
    /^GET \/p: refusing a redirect to http:\/\/10\.255\.255\.1:9: requests carrying a token go over https only/,
  )
  await s.close()
})

test('a redirect between loopback addresses over plain http is followed', async () => {
  const target = await serve((_q, res) => res.writeHead(200).end('{"ok":true}'))
  const s = await serve((_q, res) => res.writeHead(307, { location: target.url }).end())
  const res = await client().send({ method: 'GET', url: s.url, maxRedirects: 5 })
  expect([res.status, res.text]).toEqual([200, '{"ok":true}'])
  await Promise.all([s.close(), target.close()])
})
