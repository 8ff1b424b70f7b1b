// End to end through dist/: proxies that misbehave (test/servers/bad-proxy.ts) end the run within
// `timeout` with a clear error naming the proxy, whichever transport (an http:// server reached
// through a tunnel, an https:// one with TLS inside it), and the post step within its own limit.
// The bounds are bounds, not benchmarks: `timeout: 2` must end well under 2 s + start-up + 1 s.
import { startBadProxy, type BadProxy, type BadProxyMode } from '../../test/servers/bad-proxy.js'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startConnectProxy } from '../../test/servers/connect-proxy.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../test/harness/run-post.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../test/harness/tls-ca.js'

if (!haveOpenssl())
  throw new Error('proxy-bounds-e2e: the `openssl` command is required to create the test CA and certificates')

const VALUE = 'bounded ✓'
/** `timeout: 2` ends within 2 s + 1 s, plus Node's start-up and a shared machine's slack. */
const BOUND_MS = 3500

let plain: BitwardenServer
let secure: BitwardenServer
let ca: TestCa
const seeded = new Map<BitwardenServer, { token: string; secrets: string }>()
const proxies: BadProxy[] = []

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
  seed(plain)
  seed(secure)
})

afterAll(async () => {
  await Promise.all([plain.close(), secure.close(), ...proxies.map((p) => p.close())])
  ca.cleanup()
})

async function badProxy(mode: BadProxyMode): Promise<BadProxy> {
  const p = await startBadProxy(mode)
  proxies.push(p)
  return p
}

function inputs(target: BitwardenServer, extra: Record<string, string> = {}): Record<string, string> {
  const { token, secrets } = seeded.get(target)!
  return { access_token: token, secrets, base_url: target.url, set_env: 'true', timeout: '2', ...extra }
}

/** Runs the action through `proxy` (HTTP_PROXY for an http:// server, HTTPS_PROXY for https://). */
async function runThrough(proxy: string, target: BitwardenServer): Promise<ActionRun & { ms: number }> {
  const https = target === secure
  const started = Date.now()
  const run = await runAction(https ? inputs(target, { ca_certificate: ca.caPem }) : inputs(target), {
    env: { [https ? 'HTTPS_PROXY' : 'HTTP_PROXY']: proxy },
    timeoutMs: 20_000,
  })
  return { ...run, ms: Date.now() - started }
}

function expectFailedCleanly(run: ActionRun & { ms: number }): void {
  expect(run.exitCode).toBe(1)
  expect(run.env.size).toBe(0)
  expect(run.ms).toBeLessThan(BOUND_MS)
}

const targets = (): [string, BitwardenServer][] => [
  ['http://', plain],
  ['https://', secure],
]

describe.each([['http://'], ['https://']])('a %s server through a proxy', (scheme) => {
  const target = (): BitwardenServer => targets().find(([s]) => s === scheme)![1]
  const variable = scheme === 'https://' ? 'HTTPS_PROXY' : 'HTTP_PROXY'

  test('that never answers CONNECT: ends within timeout, naming the proxy', async () => {
    const proxy = await badProxy('silent')
    const run = await runThrough(proxy.url, target())
    expectFailedCleanly(run)
    expect(run.error).toBe(
      `inject-secrets: POST /identity/connect/token timed out after 1 attempt, through the proxy ${proxy.url} (${variable})`,
    )
    expect(proxy.requests[0]).toMatch(/^CONNECT 127\.0\.0\.1:\d+ HTTP\/1\.1$/)
  })

  test('that answers 200 to CONNECT and then goes silent: ends within timeout, naming the proxy', async () => {
    const proxy = await badProxy('silent-after-200')
    const run = await runThrough(proxy.url, target())
    expectFailedCleanly(run)
    expect(run.error).toBe(
      `inject-secrets: POST /identity/connect/token timed out after 1 attempt, through the proxy ${proxy.url} (${variable})`,
    )
  })

  // Before the fix, `close-after-request` through dist/ with `timeout: 20`: 144,990 CONNECTs, and
  // the run had not ended when killed at 40 s (undici reconnecting at once, never failing the request).
  test.each([['close'], ['close-after-request']] as const)(
    'that closes every connection (%s): a few attempts with backoff, not a tight loop',
    async (mode) => {
      const proxy = await badProxy(mode)
      const run = await runThrough(proxy.url, target())
      expectFailedCleanly(run)
      expect(run.error).toMatch(
        new RegExp(
          `^inject-secrets: POST /identity/connect/token failed \\(ECONNRESET\\) after [1-5] attempts?, through the proxy ${proxy.url} \\(${variable}\\): the proxy closed the connection without answering CONNECT$`,
        ),
      )
      // One connection per attempt, at most the client's five attempts.
      expect(proxy.connections).toBeGreaterThanOrEqual(1)
      expect(proxy.connections).toBeLessThanOrEqual(5)
    },
  )

  test('that answers something that is not HTTP: one clear error, no retry', async () => {
    const proxy = await badProxy('garbage')
    const run = await runThrough(proxy.url, target())
    expectFailedCleanly(run)
    expect(run.error).toBe(
      `inject-secrets: POST /identity/connect/token: the proxy ${proxy.url} (${variable}) did not answer CONNECT with HTTP; check that ${variable} names an HTTP proxy`,
    )
    expect(proxy.connections).toBe(1)
  })

  test('that asks for credentials (407): says how to give them, no retry', async () => {
    const proxy = await badProxy('auth-required')
    const run = await runThrough(proxy.url, target())
    expectFailedCleanly(run)
    expect(run.error).toBe(
      `inject-secrets: POST /identity/connect/token: the proxy ${proxy.url} (${variable}) asks for credentials (HTTP 407 to CONNECT); give them in the proxy URL: http://user:password@host:port`,
    )
    expect(proxy.connections).toBe(1)
  })
})

describe('direct, without a proxy: the same bounds', () => {
  // The misbehaving peers serve as servers here: raw TCP that accepts and says nothing (for https,
  // nothing to the TLS ClientHello), or closes every connection at once.
  async function runDirect(base: string, extra: Record<string, string> = {}): Promise<ActionRun & { ms: number }> {
    const started = Date.now()
    const run = await runAction({ ...inputs(plain), base_url: base, ...extra }, { timeoutMs: 20_000 })
    return { ...run, ms: Date.now() - started }
  }

  test.each([['http'], ['https']])('a %s server that accepts and never answers', async (scheme) => {
    const peer = await badProxy('silent')
    const run = await runDirect(peer.url.replace('http:', `${scheme}:`))
    expectFailedCleanly(run)
    expect(run.error).toBe('inject-secrets: POST /identity/connect/token timed out after 1 attempt')
  })

  test('a server that closes every connection: a few attempts with backoff', async () => {
    const peer = await badProxy('close')
    const run = await runDirect(peer.url)
    expectFailedCleanly(run)
    expect(run.error).toMatch(
      /^inject-secrets: POST \/identity\/connect\/token failed \(ECONNRESET\) after [2-5] attempts$/,
    )
    expect(peer.connections).toBeLessThanOrEqual(5)
  })
})

describe('the post step through a proxy that never answers', () => {
  let vault: VaultServer
  beforeAll(async () => {
    vault = await startVaultServer()
    vault.mountKv('kv', 1)
    vault.writeSecret('kv', 'app', { user: 'svc' })
    vault.setPolicy('issuer', {
      'kv/*': ['read'],
      'auth/token/create': ['update'],
      'auth/token/revoke-accessor': ['update'],
    })
  })
  afterAll(() => vault.close())

  test('revoking the child token gives up within the post step’s 10 s, with a warning naming the proxy', async () => {
    const given = {
      access_token: vault.createToken({ policies: ['issuer'] }),
      secrets: 'kv/app user',
      base_url: vault.url,
      export_token: 'child',
      timeout: '20',
    }
    const run = await runMainWithState(given)
    expect(run.error).toBeUndefined()
    const proxy = await badProxy('silent')
    const started = Date.now()
    const post = await runPost(given, run.state, { HTTP_PROXY: proxy.url })
    const ms = Date.now() - started
    expect(post.exitCode).toBe(0)
    expect(ms).toBeLessThan(12_000)
    expect(post.warnings.join('\n')).toContain(`through the proxy ${proxy.url} (HTTP_PROXY)`)
    expect(proxy.requests.length).toBeGreaterThanOrEqual(1)
  })
})

describe('proxy variables', () => {
  test('without a scheme: read as http://, as curl and @actions/http-client do', async () => {
    const good = await startConnectProxy()
    try {
      const run = await runAction(inputs(plain, { timeout: '20' }), {
        env: { HTTP_PROXY: good.url.replace('http://', '') },
      })
      expect(run.error).toBeUndefined()
      expect(run.env.get('API_KEY')).toBe(VALUE)
      expect(good.tunnels).toEqual([new URL(plain.url).host])
    } finally {
      await good.close()
    }
  })

  test.each([
    ['HTTPS_PROXY', 'socks5://127.0.0.1:1080', 'a socks5:// proxy is not supported: give an http:// or https:// proxy'],
    ['https_proxy', 'socks://127.0.0.1:1080', 'a socks:// proxy is not supported: give an http:// or https:// proxy'],
    ['HTTP_PROXY', 'ftp://127.0.0.1:21', 'a ftp:// proxy is not supported: give an http:// or https:// proxy'],
    ['HTTP_PROXY', 'http://[::1', 'not a URL: give http://host:port'],
  ])('%s=%s: a clear error naming the variable, before any request', async (name, value, message) => {
    const started = Date.now()
    const run = await runAction(inputs(secure, { ca_certificate: ca.caPem }), { env: { [name]: value } })
    expect(run.exitCode).toBe(1)
    expect(run.error).toBe(`inject-secrets: ${name}: ${message}`)
    expect(run.env.size).toBe(0)
    expect(Date.now() - started).toBeLessThan(BOUND_MS)
  })

  test('credentials in a proxy URL never appear in an error', async () => {
    const proxy = await badProxy('garbage')
    const withCreds = proxy.url.replace('http://', 'http://user:pr0xy-pa55@')
    const run = await runThrough(withCreds, plain)
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr).not.toContain('pr0xy-pa55')
    expect(run.error).toContain(`the proxy ${proxy.url} (HTTP_PROXY)`)
  })
})
