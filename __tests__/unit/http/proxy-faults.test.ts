// The client through proxies that misbehave (test/servers/bad-proxy.ts): every attempt ends when
// its signal says, whatever undici does (it did not abort a request waiting on an unanswered
// CONNECT); a proxy closing every connection costs one connection per attempt, with backoff, not
// undici's reconnect loop (tens of thousands of CONNECTs a second, a whole core).
import { ServerError } from '../../../src/errors.js'
import { createHttpClient, exchange } from '../../../src/http/client.js'
import { startBadProxy, type BadProxy } from '../../../test/servers/bad-proxy.js'

// One proxy, its misbehaviour changed per test: proxy.ts reads the variables once per process.
let proxy: BadProxy
// No server listens there: nothing gets past these proxies.
const TARGET = 'http://127.0.0.1:9/thing'

beforeAll(async () => {
  proxy = await startBadProxy('silent')
  process.env.HTTP_PROXY = proxy.url
})

afterAll(async () => {
  delete process.env.HTTP_PROXY
  await proxy.close()
})

test('a CONNECT never answered: the exchange rejects with ETIMEDOUT when its signal aborts', async () => {
  proxy.setMode('silent')
  const started = Date.now()
  const err = await exchange(new URL(TARGET), {
    method: 'GET',
    headers: {},
    signal: AbortSignal.timeout(300),
    maxBodyBytes: 1024,
    where: 'GET /thing',
  }).catch((e: unknown) => e as Error & { code?: string })
  expect((err as { code?: string }).code).toBe('ETIMEDOUT')
  expect(Date.now() - started).toBeLessThan(1300)
  expect(proxy.requests).toEqual(['CONNECT 127.0.0.1:9 HTTP/1.1'])
})

test('a proxy closing every connection: one connection per attempt, little CPU, the reason in the message', async () => {
  proxy.setMode('close')
  const before = proxy.connections
  const cpu = process.cpuUsage()
  const started = Date.now()
  const client = createHttpClient({ timeoutMs: 2000, deadlineMs: 2000 })
  const err = (await client.send({ method: 'GET', url: TARGET }).catch((e: unknown) => e)) as Error
  const used = process.cpuUsage(cpu)
  expect(err).toBeInstanceOf(ServerError)
  expect(err.message).toMatch(
    new RegExp(
      `^GET /thing failed \\(ECONNRESET\\) after ([2-5]) attempts, through the proxy ${proxy.url} \\(HTTP_PROXY\\): the proxy closed the connection without answering CONNECT$`,
    ),
  )
  const attempts = Number(/after (\d) attempts/.exec(err.message)![1])
  expect(proxy.connections - before).toBe(attempts)
  expect(Date.now() - started).toBeLessThan(2500)
  // Before the fix: ~2 s of CPU in these 2 s (undici reconnecting at once, forever).
  expect((used.user + used.system) / 1000).toBeLessThan(500)
})
