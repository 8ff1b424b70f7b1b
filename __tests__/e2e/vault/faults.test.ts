// The Vault fault matrix: whatever the server or the network does, a run either exports every
// requested secret exactly or exports nothing and fails with one clear message — and never shows
// the token or a value. Reads retry 408/412/429/500/502/503/504 and resets, at most 3 attempts
// (spec VLT-RETRY-1); each attempt that reaches Vault's handler spends a use of a limited-use token.
import { startVaultServer, type FaultAction, type VaultServer } from '../../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'

const VALUES = {
  ALPHA: 'alpha-secret-value',
  BETA: 'beta-first\nbeta-second\r\nbeta-third',
  GAMMA: 'gämmä "quoted" \\ value',
}
const READ = '/v1/secret/data/ci'
const OTHER = '/v1/kv/other'
const MAPPING = 'secret/data/ci ALPHA | ALPHA\nsecret/data/ci BETA | BETA\nkv/other GAMMA | GAMMA'

let server: VaultServer
let fault: ((req: { method: string; path: string; attempt: number }) => FaultAction | undefined) | undefined

beforeAll(async () => {
  server = await startVaultServer({ onRequest: (r) => fault?.(r) })
  server.mountKv('secret', 2)
  server.mountKv('kv', 1)
  server.writeSecret('secret', 'ci', { ALPHA: VALUES.ALPHA, BETA: VALUES.BETA })
  server.writeSecret('kv', 'other', { GAMMA: VALUES.GAMMA })
  server.setPolicy('ci', { 'secret/data/*': ['read'], 'kv/*': ['read'] })
})

afterAll(() => server.close())

beforeEach(() => {
  fault = undefined
  server.resetLog()
})

type Expect = 'export' | 'fail'
interface Row {
  name: string
  path: string
  fault: (attempt: number) => FaultAction | undefined
  expect: Expect
  error?: RegExp
  timeout?: string
  /** Statuses the server logged for `path`, in order (0: the socket was destroyed before an answer). */
  log?: number[]
}

const json = (body: unknown): string => `${JSON.stringify(body)}\n`
const rows: Row[] = [
  {
    name: '429 with Retry-After in seconds',
    path: READ,
    fault: (n) =>
      n === 1
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: json({ errors: ['request path "secret/data/ci": rate limit quota exceeded'] }),
          }
        : undefined,
    expect: 'export',
    log: [429, 200],
  },
  {
    name: '429 with an HTTP-date Retry-After',
    path: READ,
    fault: (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } } : undefined,
    expect: 'export',
    log: [429, 200],
  },
  {
    name: '503 twice (sealed, then standby)',
    path: READ,
    fault: (n) => (n <= 2 ? { status: 503, body: json({ errors: ['Vault is sealed'] }) } : undefined),
    expect: 'export',
    log: [503, 503, 200],
  },
  {
    name: '412 from a performance standby',
    path: READ,
    fault: (n) => (n === 1 ? { status: 412, body: json({ errors: [] }) } : undefined),
    expect: 'export',
    log: [412, 200],
  },
  {
    name: '502 once on the other path',
    path: OTHER,
    fault: (n) => (n === 1 ? { status: 502 } : undefined),
    expect: 'export',
    log: [502, 200],
  },
  {
    name: 'a 500 once (reads retry 5xx)',
    path: READ,
    fault: (n) => (n === 1 ? { status: 500, body: json({ errors: ['internal error'] }) } : undefined),
    expect: 'export',
    log: [500, 200],
  },
  {
    name: 'a connection reset before the answer',
    path: READ,
    fault: (n) => (n === 1 ? { destroy: true } : undefined),
    expect: 'export',
    log: [0, 200],
  },
  {
    name: 'a connection reset mid-body',
    path: READ,
    fault: (n) => (n === 1 ? { truncateAfter: 40 } : undefined),
    expect: 'export',
    log: [200, 200],
  },
  {
    name: 'a connection reset mid-body on every attempt',
    path: READ,
    fault: () => ({ truncateAfter: 40 }),
    expect: 'fail',
    error: /GET \/v1\/secret\/data\/ci failed \(ECONNRESET\) after 3 attempts/,
    log: [200, 200, 200],
  },
  {
    name: 'a hang past the timeout',
    path: READ,
    fault: () => ({ delayMs: 10_000 }),
    expect: 'fail',
    timeout: '2',
    error: /GET \/v1\/secret\/data\/ci timed out after 1 attempt/,
  },
  {
    name: 'a 200 with non-JSON',
    path: READ,
    fault: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy login</html>' }),
    expect: 'fail',
    error: /GET "secret\/data\/ci": expected JSON, got 24 bytes of text\/html \(HTTP 200\)/,
    log: [200],
  },
  {
    name: 'a 200 with truncated JSON',
    path: READ,
    fault: () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"data":{"data":{"ALPHA":"alp',
    }),
    expect: 'fail',
    error: /GET "secret\/data\/ci": expected JSON, got 29 bytes of application\/json \(HTTP 200\)/,
    log: [200],
  },
  {
    name: 'a 200 with JSON of the wrong shape (data a string)',
    path: OTHER,
    fault: () => ({ status: 200, body: json({ data: 'GAMMA' }) }),
    expect: 'fail',
    error: /Vault's answer for "kv\/other" has no data object \(data is string\)/,
    log: [200],
  },
  {
    name: 'a 200 with JSON of the wrong shape (data.data a list)',
    path: READ,
    fault: () => ({ status: 200, body: json({ data: { data: ['ALPHA'] } }) }),
    expect: 'fail',
    error: /Vault's answer for "secret\/data\/ci": data\.data is not an object/,
    log: [200],
  },
  {
    name: 'a 200 with an empty body',
    path: READ,
    fault: () => ({ status: 200 }),
    expect: 'fail',
    error: /Vault answered 200 with an empty body for "secret\/data\/ci"/,
    log: [200],
  },
  {
    name: 'a 500 on every attempt',
    path: READ,
    fault: () => ({ status: 500, body: json({ errors: ['1 error occurred:\n\t* internal error\n\n'] }) }),
    expect: 'fail',
    error: /Vault returned 500 \(internal error\) for "secret\/data\/ci"$/,
    log: [500, 500, 500],
  },
  {
    name: 'a 503 that never ends',
    path: READ,
    fault: () => ({ status: 503, body: json({ errors: ['Vault is sealed'] }) }),
    expect: 'fail',
    error: /Vault returned 503 \(Vault is sealed\) for "secret\/data\/ci"$/,
    log: [503, 503, 503],
  },
  {
    name: 'a 400 is not retried',
    path: READ,
    fault: () => ({ status: 400, body: json({ errors: ['invalid request'] }) }),
    expect: 'fail',
    error: /Vault returned 400 \(invalid request\) for "secret\/data\/ci"$/,
    log: [400],
  },
]

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of secrets) {
    for (const part of [secret, ...secret.split(/\r?\n/)].map((p) => p.trim()).filter((p) => p.length >= 4)) {
      expect(log).not.toContain(part)
    }
  }
}

function expectCleanFailure(run: ActionRun, error: RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
  expect(run.error).toMatch(/^inject-secrets: /)
  expect(run.error).toMatch(error)
  expect(run.stdout.match(/^::error::/gm)).toHaveLength(1)
}

const statusesOf = (path: string): number[] => server.requests.filter((r) => r.path === path).map((r) => r.status)

test.each(rows)('$name → $expect', async (row) => {
  fault = (r) => (r.path === row.path ? row.fault(r.attempt) : undefined)
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(
    { access_token: token, secrets: MAPPING, base_url: server.url, timeout: row.timeout ?? '30' },
    { timeoutMs: 60_000 },
  )
  if (row.expect === 'export') {
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    expect(Object.fromEntries(run.env)).toEqual(VALUES)
    expect(Object.fromEntries(run.outputs)).toEqual(VALUES)
  } else {
    expectCleanFailure(run, row.error!)
  }
  if (row.log) expect(statusesOf(row.path)).toEqual(row.log)
  expectNoLeak(run, [token, token.slice(4, 30), ...Object.values(VALUES)])
})

describe('a use-limited token: every attempt that reaches the handler spends a use', () => {
  const ONE_PATH = 'secret/data/ci ALPHA | ALPHA\nsecret/data/ci BETA | BETA'

  test('a read cut mid-body is retried: two uses counted for one path, the last one revokes the token', async () => {
    fault = (r) => (r.path === READ && r.attempt === 1 ? { truncateAfter: 40 } : undefined)
    const token = server.createToken({ policies: ['ci'], numUses: 2 })
    const run = await runAction({ access_token: token, secrets: ONE_PATH, base_url: server.url, timeout: '30' })
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual({ ALPHA: VALUES.ALPHA, BETA: VALUES.BETA })
    expect(statusesOf(READ)).toEqual([200, 200])
    expect(server.requests).toHaveLength(2)
    expect(server.token(token)!.numUses).toBe(-1)
    expect(server.token(token)!.revoked).toBe(true)
    expectNoLeak(run, [token, VALUES.ALPHA, VALUES.BETA])
  })

  test('a 429 turned away before the handler spends nothing: one use for one path', async () => {
    fault = (r) => (r.path === READ && r.attempt === 1 ? { status: 429, headers: { 'retry-after': '0' } } : undefined)
    const token = server.createToken({ policies: ['ci'], numUses: 2 })
    const run = await runAction({ access_token: token, secrets: ONE_PATH, base_url: server.url, timeout: '30' })
    expect(run.error).toBeUndefined()
    expect(statusesOf(READ)).toEqual([429, 200])
    expect(server.token(token)!.numUses).toBe(1)
    expect(server.token(token)!.revoked).toBe(false)
  })

  test('a one-use token whose only answer is cut mid-body: the retry is refused, nothing exported, the cause named', async () => {
    fault = (r) => (r.path === READ && r.attempt === 1 ? { truncateAfter: 40 } : undefined)
    const token = server.createToken({ policies: ['ci'], numUses: 1 })
    const run = await runAction({ access_token: token, secrets: ONE_PATH, base_url: server.url, timeout: '30' })
    expectCleanFailure(
      run,
      /Vault returned 403 \(permission denied\) for "secret\/data\/ci": the token is invalid, expired, revoked or out of uses \(lookup-self was refused too\)/,
    )
    expect(server.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      `${READ} 200`,
      `${READ} 403`,
      '/v1/auth/token/lookup-self 403',
    ])
    expect(server.token(token)!.revoked).toBe(true)
    expectNoLeak(run, [token, VALUES.ALPHA, VALUES.BETA])
  })
})
