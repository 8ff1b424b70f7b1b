// End to end: `node dist/index.js` through a real local HTTP CONNECT proxy (test/servers/connect-proxy.ts),
// as on a self-hosted runner with HTTPS_PROXY/HTTP_PROXY/NO_PROXY set: undici's EnvHttpProxyAgent.
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startConnectProxy, type ConnectProxy } from '../../test/servers/connect-proxy.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../test/harness/tls-ca.js'

if (!haveOpenssl())
  throw new Error('proxy-e2e: the `openssl` command is required to create the test CA and certificates')

const VALUE = 'through-the-proxy ✓'

let plain: BitwardenServer
let secure: BitwardenServer
let ca: TestCa
let proxy: ConnectProxy
let denying: ConnectProxy
const seeded = new Map<BitwardenServer, { token: string; secrets: string }>()

function seed(s: BitwardenServer): void {
  const org = s.createOrganization()
  const project = s.createProject(org.id, 'p')
  const id = s.createSecret(org.id, { key: 'API_KEY', value: VALUE, projectIds: [project] })
  seeded.set(s, {
    token: s.createAccessToken(s.createMachineAccount(org.id, { projects: [project] })),
    secrets: `${id} > API_KEY`,
  })
}

beforeAll(async () => {
  ca = createTestCa()
  plain = await startBitwardenServer()
  secure = await startBitwardenServer({ tls: ca.issue(['127.0.0.1', 'localhost']) })
  proxy = await startConnectProxy()
  denying = await startConnectProxy({ deny: 403 })
  seed(plain)
  seed(secure)
})

afterAll(async () => {
  await Promise.all([plain.close(), secure.close(), proxy.close(), denying.close()])
  ca.cleanup()
})

beforeEach(() => {
  plain.resetLog()
  secure.resetLog()
  proxy.reset()
  denying.reset()
})

function inputs(target: BitwardenServer, extra: Record<string, string> = {}): Record<string, string> {
  const { token, secrets } = seeded.get(target)!
  return { access_token: token, secrets, base_url: target.url, set_env: 'true', timeout: '20', ...extra }
}

function expectExported(run: ActionRun): void {
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  expect(run.env.get('API_KEY')).toBe(VALUE)
}

const hostOf = (s: BitwardenServer): string => new URL(s.url).host

test.each([['HTTP_PROXY'], ['http_proxy']])(
  '%s: an http:// server is reached through CONNECT tunnels of the proxy',
  async (name) => {
    const run = await runAction(inputs(plain), { env: { [name]: proxy.url } })
    expectExported(run)
    // One tunnel, kept alive for both requests (login, then the read).
    expect(proxy.tunnels).toEqual([hostOf(plain)])
    expect(proxy.refused).toEqual([])
    expect(plain.requests.map((r) => r.path)).toEqual(['/identity/connect/token', '/api/secrets/get-by-ids'])
  },
)

test.each([['HTTPS_PROXY'], ['https_proxy'], ['HTTP_PROXY']])(
  '%s: an https:// server is reached through the tunnel, TLS end to end with ca_certificate',
  async (name) => {
    const run = await runAction(inputs(secure, { ca_certificate: ca.caPem }), { env: { [name]: proxy.url } })
    expectExported(run)
    expect(new Set(proxy.tunnels)).toEqual(new Set([hostOf(secure)]))
    expect(secure.requests).toHaveLength(2)
  },
)

test('through the proxy, NODE_EXTRA_CA_CERTS is trusted too (undici uses Node’s default store)', async () => {
  const run = await runAction(inputs(secure), { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile } })
  expectExported(run)
  expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
})

test('through the proxy without the CA: the clear TLS error naming the host and ca_certificate', async () => {
  const run = await runAction(inputs(secure), { env: { HTTPS_PROXY: proxy.url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toContain(
    `the TLS certificate of ${hostOf(secure)} is not signed by a trusted certificate authority`,
  )
  expect(run.error).toContain("'ca_certificate' input")
  expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
  expect(secure.requests).toHaveLength(0)
  expect(run.env.size).toBe(0)
})

test('through the proxy, a certificate for another host name: the host-name message, even with the CA', async () => {
  const wrong = await startBitwardenServer({ tls: ca.issue(['secrets.example.invalid']) })
  try {
    seed(wrong)
    const run = await runAction(inputs(wrong, { ca_certificate: ca.caPem }), { env: { HTTPS_PROXY: proxy.url } })
    expect(run.exitCode).toBe(1)
    // undici wraps this one (SecureProxyConnectionError); the code is found in its cause.
    expect(run.error).toContain(
      `the TLS certificate of ${hostOf(wrong)} is not issued for that host name (ERR_TLS_CERT_ALTNAME_INVALID)`,
    )
    expect(proxy.tunnels).toContain(hostOf(wrong))
    expect(wrong.requests).toHaveLength(0)
  } finally {
    await wrong.close()
  }
})

test.each([
  ['NO_PROXY', '127.0.0.1'],
  ['no_proxy', '127.0.0.1'],
  ['NO_PROXY', 'example.com, 127.0.0.1'],
  ['NO_PROXY', '*'],
])('%s=%s bypasses the proxy: direct connection, no tunnel', async (name, value) => {
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: proxy.url, [name]: value } })
  expectExported(run)
  expect(proxy.tunnels).toEqual([])
  expect(plain.requests).toHaveLength(2)
})

test('NO_PROXY naming another port of the same host does not bypass the proxy', async () => {
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' } })
  expectExported(run)
  expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1)
})

test('HTTPS_PROXY alone does not apply to an http:// server (as curl and undici read it)', async () => {
  const run = await runAction(inputs(plain), { env: { HTTPS_PROXY: proxy.url } })
  expectExported(run)
  expect(proxy.tunnels).toEqual([])
})

test('a proxy that refuses the tunnel: a clear error with its status, nothing exported', async () => {
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: denying.url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    `inject-secrets: POST /identity/connect/token: the proxy ${denying.url} (HTTP_PROXY) refused to connect (HTTP 403 to CONNECT); check HTTP_PROXY and NO_PROXY`,
  )
  expect(denying.tunnels).toEqual([hostOf(plain)])
  expect(plain.requests).toHaveLength(0)
  expect(run.env.size).toBe(0)
})

test('a proxy that is not listening: the request fails with the connection error after retries', async () => {
  const closed = await startConnectProxy()
  const url = closed.url
  await closed.close()
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    `inject-secrets: POST /identity/connect/token failed (ECONNREFUSED) after 5 attempts, through the proxy ${url} (HTTP_PROXY)`,
  )
  expect(plain.requests).toHaveLength(0)
})
