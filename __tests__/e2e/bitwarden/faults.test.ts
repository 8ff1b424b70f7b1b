// The fault matrix: whatever the server or the network does, a run either exports every requested
// secret exactly or exports nothing and fails with one clear message — and never shows a secret.
import { startBitwardenServer, type FaultAction } from '../../../test/servers/bitwarden.js'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'

const VALUES = {
  ALPHA: 'alpha-secret-value',
  BETA: 'beta-first\nbeta-second\r\nbeta-third',
  GAMMA: 'gämmä "quoted" \\ value',
}
const LOGIN = '/identity/connect/token'
const READ = '/api/secrets/get-by-ids'

type Expect = 'export' | 'fail'
interface Row {
  name: string
  path: string
  fault: (attempt: number) => FaultAction | undefined
  expect: Expect
  error?: RegExp
  timeout?: string
  tamper?: boolean
}

const rows: Row[] = [
  {
    name: '429 with Retry-After on the read',
    path: READ,
    fault: (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: '{"message":"Slow down!"}' } : undefined,
    expect: 'export',
  },
  {
    name: '429 with an HTTP-date Retry-After on login',
    path: LOGIN,
    fault: (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } } : undefined,
    expect: 'export',
  },
  {
    name: '503 twice on login',
    path: LOGIN,
    fault: (n) => (n <= 2 ? { status: 503, body: '<html>unavailable</html>' } : undefined),
    expect: 'export',
  },
  { name: '502 once on the read', path: READ, fault: (n) => (n === 1 ? { status: 502 } : undefined), expect: 'export' },
  {
    name: 'a connection reset before the answer',
    path: READ,
    fault: (n) => (n === 1 ? { destroy: true } : undefined),
    expect: 'export',
  },
  {
    name: 'a connection reset mid-body',
    path: READ,
    fault: (n) => (n === 1 ? { truncateAfter: 40 } : undefined),
    expect: 'export',
  },
  {
    name: 'a connection reset mid-body on every attempt',
    path: LOGIN,
    fault: () => ({ truncateAfter: 10 }),
    expect: 'fail',
    error: /POST \/identity\/connect\/token failed \(\w+\) after 5 attempts/,
  },
  {
    name: 'a hang past the timeout',
    path: READ,
    fault: () => ({ delayMs: 10_000 }),
    expect: 'fail',
    timeout: '2',
    error: /POST \/api\/secrets\/get-by-ids timed out/,
  },
  {
    name: 'a 200 with non-JSON',
    path: READ,
    fault: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy login</html>' }),
    expect: 'fail',
    error: /POST \/secrets\/get-by-ids: expected JSON, got 24 bytes of text\/html \(HTTP 200\)/,
  },
  {
    name: 'a 200 with truncated JSON',
    path: LOGIN,
    fault: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token":"ey' }),
    expect: 'fail',
    error: /Login to .*: expected JSON/,
  },
  {
    name: 'a 200 with JSON of the wrong shape',
    path: READ,
    fault: () => ({ status: 200, body: '{"data":[{"id":1}]}' }),
    expect: 'fail',
    error: /unexpected response from the server \(field 'id' is missing or not a string\)/,
  },
  {
    name: 'a 500 is not retried',
    path: READ,
    fault: () => ({ status: 500, body: '{"message":"An error has occurred."}' }),
    expect: 'fail',
    error: /failed with HTTP 500: An error has occurred\./,
  },
  {
    name: 'a 503 that never ends',
    path: READ,
    fault: () => ({ status: 503 }),
    expect: 'fail',
    error: /failed with HTTP 503/,
  },
  {
    name: 'a tampered MAC',
    path: READ,
    fault: () => undefined,
    tamper: true,
    expect: 'fail',
    error: /could not be decrypted: MAC mismatch/,
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

test.each(rows)('$name → $expect', async (row) => {
  const server = await startBitwardenServer({
    onRequest: (r) => (r.path === row.path ? row.fault(r.attempt) : undefined),
  })
  try {
    const org = server.createOrganization()
    const ids = Object.entries(VALUES).map(([key, value]) => server.createSecret(org.id, { key, value }))
    if (row.tamper) server.tamperSecretValue(ids[1]!)
    const token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: ids }))
    const mapping = Object.keys(VALUES)
      .map((name, i) => `${ids[i]} > ${name}`)
      .join('\n')
    const run = await runAction(
      { access_token: token, secrets: mapping, base_url: server.url, timeout: row.timeout ?? '30' },
      { timeoutMs: 60_000 },
    )
    if (row.expect === 'export') {
      expect(run.error).toBeUndefined()
      expect(run.exitCode).toBe(0)
      expect(Object.fromEntries(run.env)).toEqual(VALUES)
      expect(Object.fromEntries(run.outputs)).toEqual(VALUES)
    } else {
      expect(run.exitCode).toBe(1)
      expect(run.envFile).toBe('')
      expect(run.outputFile).toBe('')
      expect(run.error).toMatch(row.error!)
      expect(run.stdout.match(/^::error::/gm)).toHaveLength(1)
    }
    expectNoLeak(run, [token, token.split(':')[1]!, token.split('.')[2]!.split(':')[0]!, ...Object.values(VALUES)])
  } finally {
    await server.close()
  }
})

test('a server error that echoes the client secret is scrubbed from the message', async () => {
  let secret = ''
  const server = await startBitwardenServer({
    onRequest: (r) =>
      r.path === LOGIN
        ? {
            status: 400,
            body: JSON.stringify({ error: 'invalid_request', error_description: `bad client_secret ${secret}` }),
          }
        : undefined,
  })
  try {
    const org = server.createOrganization()
    const id = server.createSecret(org.id, { key: 'K', value: 'v' })
    const token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: [id] }))
    secret = token.split('.')[2]!.split(':')[0]!
    const run = await runAction({ access_token: token, secrets: `${id} > K`, base_url: server.url })
    expect(run.exitCode).toBe(1)
    expect(run.error).toMatch(/failed with HTTP 400: invalid_request: bad client_secret \*\*\*/)
    expectNoLeak(run, [secret])
  } finally {
    await server.close()
  }
})
