// End to end through dist/ and real proxies: tinyproxy and squid from Debian (test/servers/real-proxy.ts
// starts them on loopback with their own configuration; installs them when missing). An http://
// server and an https:// one through each, as on a self-hosted runner behind a corporate proxy;
// tinyproxy's Basic credentials (407 without them); squid refusing a port by policy (403).
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startSquid, startTinyproxy, type RealProxy } from '../../test/servers/real-proxy.js'
import { runAction } from '../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../test/harness/tls-ca.js'

if (!haveOpenssl())
  throw new Error('proxy-real-e2e: the `openssl` command is required to create the test CA and certificates')

const VALUE = 'through a real proxy ✓'
const CREDENTIALS = { user: 'runner', password: 'pr0xy-s3cret' }

let plain: BitwardenServer
let secure: BitwardenServer
let refused: BitwardenServer
let ca: TestCa
let squid: RealProxy
let tinyproxy: RealProxy
let tinyproxyAuth: RealProxy
let squidTls: RealProxy
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

const portOf = (s: BitwardenServer): string => new URL(s.url).port

beforeAll(async () => {
  ca = createTestCa()
  plain = await startBitwardenServer()
  secure = await startBitwardenServer({ tls: ca.issue(['127.0.0.1', 'localhost']) })
  refused = await startBitwardenServer()
  for (const s of [plain, secure, refused]) seed(s)
  // One squid for the whole file (it is the slower to start); it refuses CONNECT to one port.
  ;[squid, tinyproxy, tinyproxyAuth, squidTls] = await Promise.all([
    startSquid([`acl refused_port port ${portOf(refused)}`, 'http_access deny CONNECT refused_port']),
    startTinyproxy(),
    startTinyproxy({ basicAuth: CREDENTIALS }),
    startSquid([], { tls: ca.issue(['127.0.0.1', 'localhost']) }),
  ])
}, 120_000)

afterAll(async () => {
  await Promise.all([plain, secure, refused, squid, tinyproxy, tinyproxyAuth, squidTls].map((x) => x?.close()))
  ca.cleanup()
})

function inputs(target: BitwardenServer): Record<string, string> {
  const { token, secrets } = seeded.get(target)!
  return {
    access_token: token,
    secrets,
    base_url: target.url,
    set_env: 'true',
    timeout: '10',
    ...(target === secure ? { ca_certificate: ca.caPem } : {}),
  }
}

const proxies = (): [string, RealProxy][] => [
  ['tinyproxy', tinyproxy],
  ['squid', squid],
]

describe.each([['tinyproxy'], ['squid']])('%s', (name) => {
  const proxy = (): RealProxy => proxies().find(([n]) => n === name)![1]

  test.each([
    ['HTTP_PROXY', 'http://'],
    ['HTTPS_PROXY', 'https://'],
  ])('%s: an %s server through its CONNECT tunnel', async (variable, scheme) => {
    const target = scheme === 'https://' ? secure : plain
    const run = await runAction(inputs(target), { env: { [variable]: proxy().url } })
    expect(run.error).toBeUndefined()
    expect(run.env.get('API_KEY')).toBe(VALUE)
    expect(target.requests.map((r) => r.path)).toContain('/api/secrets/get-by-ids')
    // The proxy's own log shows the tunnel to the server's port.
    expect(proxy().log()).toMatch(new RegExp(`CONNECT.*127\\.0\\.0\\.1:${portOf(target)}`))
  })
})

test('tinyproxy with Basic credentials: without them, the 407 error says how to give them', async () => {
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: tinyproxyAuth.url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    `inject-secrets: POST /identity/connect/token: the proxy ${tinyproxyAuth.url} (HTTP_PROXY) asks for credentials (HTTP 407 to CONNECT); give them in the proxy URL: http://user:password@host:port`,
  )
  expect(run.env.size).toBe(0)
})

test('tinyproxy with Basic credentials in the proxy URL: through, and the password is never printed', async () => {
  const url = tinyproxyAuth.url.replace('http://', `http://${CREDENTIALS.user}:${CREDENTIALS.password}@`)
  const run = await runAction(inputs(secure), { env: { HTTPS_PROXY: url, RUNNER_DEBUG: '1' } })
  expect(run.error).toBeUndefined()
  expect(run.env.get('API_KEY')).toBe(VALUE)
  expect(run.stdout + run.stderr).not.toContain(CREDENTIALS.password)
})

test('squid refusing the port by policy: the 403 error names the proxy and NO_PROXY', async () => {
  const run = await runAction(inputs(refused), { env: { HTTP_PROXY: squid.url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    `inject-secrets: POST /identity/connect/token: the proxy ${squid.url} (HTTP_PROXY) refused to connect (HTTP 403 to CONNECT); check HTTP_PROXY and NO_PROXY`,
  )
  expect(refused.requests).toHaveLength(0)
})

test('NO_PROXY still bypasses a real proxy: nothing in its log for that server', async () => {
  const before = squid.log()
  const run = await runAction(inputs(plain), { env: { HTTP_PROXY: squid.url, NO_PROXY: '127.0.0.1' } })
  expect(run.error).toBeUndefined()
  expect(run.env.get('API_KEY')).toBe(VALUE)
  expect(squid.log()).toBe(before)
})

test('squid as an https:// proxy: TLS to the proxy (its CA from ca_certificate), then TLS to the server inside', async () => {
  const run = await runAction(inputs(secure), { env: { HTTPS_PROXY: squidTls.url } })
  expect(run.error).toBeUndefined()
  expect(run.env.get('API_KEY')).toBe(VALUE)
  expect(squidTls.log()).toMatch(new RegExp(`CONNECT.*127\\.0\\.0\\.1:${portOf(secure)}`))
})

test('an https:// proxy whose certificate is not trusted: a TLS error naming the proxy, not retried', async () => {
  const run = await runAction({ ...inputs(plain) }, { env: { HTTP_PROXY: squidTls.url } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    `inject-secrets: POST /identity/connect/token: the proxy ${squidTls.url} (HTTP_PROXY): the TLS certificate of ${new URL(squidTls.url).host} is not signed by a trusted certificate authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE). If the server uses a private or corporate certificate authority, give that CA's certificate (PEM) in the 'ca_certificate' input, or point NODE_EXTRA_CA_CERTS at a file holding it.`,
  )
  expect(run.env.size).toBe(0)
})
