// Faults on the wire against the Infisical server (its onRequest hook), through dist/index.js:
// retried statuses end in a full export; everything else ends in a clean failure with nothing
// exported and no value or token part in the log.
import { startInfisicalServer, type FaultAction, type InfisicalServer } from '../../../test/servers/infisical.js'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'

let server: InfisicalServer
let token: string
let legacyToken: string
let fault: ((req: { method: string; path: string; attempt: number }) => FaultAction | undefined) | undefined

beforeAll(async () => {
  server = await startInfisicalServer({ onRequest: (req) => fault?.(req) })
  const project = server.createProject()
  server.setSecret(project.id, { environment: 'prod', key: 'VALUE', value: 'fault-test-value-1' })
  token = server.createServiceToken(project.id)
  const legacy = server.createProject({ e2ee: true })
  server.setSecret(legacy.id, { environment: 'prod', key: 'VALUE', value: 'fault-test-value-2' })
  legacyToken = server.createServiceToken(legacy.id)
})

afterAll(async () => server.close())

beforeEach(() => {
  server.resetLog()
  fault = undefined
})

const run = (t: string): Promise<ActionRun> =>
  runAction({ access_token: t, secrets: 'VALUE', base_url: server.url, timeout: '20' })

function expectCleanFailure(r: ActionRun, t: string): void {
  expect(r.exitCode).not.toBe(0)
  expect(r.envFile).toBe('')
  expect(r.outputFile).toBe('')
  const log = (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of [t, t.split('.')[2]!, t.split('.')[3]!, 'fault-test-value-1', 'fault-test-value-2'])
    expect(log).not.toContain(secret)
}

const rateLimited: FaultAction = {
  status: 429,
  headers: { 'retry-after': '0' },
  body: JSON.stringify({
    statusCode: 429,
    message: 'Rate limit exceeded. Please try again in 0 seconds',
    error: 'RateLimitExceeded',
  }),
}

test.each([
  ['429 with Retry-After on the details call', '/api/v2/service-token', rateLimited],
  ['503 on the raw read', '/api/v3/secrets/raw', { status: 503 } as FaultAction],
  ['a reset connection on the raw read', '/api/v3/secrets/raw', { destroy: true } as FaultAction],
])('%s is retried and the run succeeds', async (_name, path, action) => {
  fault = (req) => (req.path === path && req.attempt === 1 ? action : undefined)
  const r = await run(token)
  expect(r.error).toBeUndefined()
  expect(r.env.get('VALUE')).toBe('fault-test-value-1')
  expect(server.requests.filter((q) => q.path === path).map((q) => q.status)).toEqual([
    'destroy' in action ? 0 : (action as { status: number }).status,
    200,
  ])
})

test('the encrypted list of an E2EE project is retried after a 502 too', async () => {
  fault = (req) => (req.path === '/api/v3/secrets' && req.attempt === 1 ? { status: 502 } : undefined)
  const r = await run(legacyToken)
  expect(r.error).toBeUndefined()
  expect(r.env.get('VALUE')).toBe('fault-test-value-2')
  expect(server.requests.map((q) => `${q.path} ${q.status}`)).toEqual([
    '/api/v2/service-token 200',
    '/api/v3/secrets/raw 400',
    '/api/v3/secrets 502',
    '/api/v3/secrets 200',
  ])
})

test.each([
  [
    'a 500 on the raw read',
    '/api/v3/secrets/raw',
    {
      status: 500,
      body: JSON.stringify({
        reqId: 'req-1',
        statusCode: 500,
        message: 'Something went wrong',
        error: 'InternalServerError',
      }),
    },
    /GET \/api\/v3\/secrets\/raw failed with HTTP 500: Something went wrong — InternalServerError \(reqId req-1\)/,
  ],
  [
    'HTML instead of JSON',
    '/api/v2/service-token',
    { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy</html>' },
    /GET \/api\/v2\/service-token: expected JSON, got 18 bytes of text\/html/,
  ],
  [
    'a details body without a project',
    '/api/v2/service-token',
    { status: 200, body: JSON.stringify({ scopes: [], permissions: ['read'] }) },
    /unexpected response from the server \(no 'workspace' or 'projectId'\)/,
  ],
  [
    'a raw list without secrets',
    '/api/v3/secrets/raw',
    { status: 200, body: JSON.stringify({ imports: [] }) },
    /field 'secrets' is missing or not a list/,
  ],
  [
    'a 400 that is not the bot error',
    '/api/v3/secrets/raw',
    {
      status: 400,
      body: JSON.stringify({ statusCode: 400, message: 'Missing project id or environment', error: 'BadRequest' }),
    },
    /HTTP 400: Missing project id or environment/,
  ],
] as Array<[string, string, FaultAction, RegExp]>)('%s fails cleanly, once', async (_name, path, action, error) => {
  fault = (req) => (req.path === path ? action : undefined)
  const r = await run(token)
  expectCleanFailure(r, token)
  expect(r.error).toMatch(error)
  expect(server.requests.filter((q) => q.path === path)).toHaveLength(1)
})

// A machine identity's access token is revoked once everything is read; the revocation's round
// trip overlaps the run's own work (names, masks, exports), and the run ends only once it is answered.
describe("the revocation of a login's access token", () => {
  let identity: { clientId: string; clientSecret: string }
  let project: string
  beforeAll(() => {
    const p = server.createProject()
    server.setSecret(p.id, { environment: 'prod', key: 'REVOKE_ME', value: 'revoke-test-value' })
    identity = server.createIdentity([p.id])
    project = p.slug
  })
  const runIdentity = (): Promise<ActionRun> =>
    runAction({
      client_id: identity.clientId,
      client_secret: identity.clientSecret,
      project,
      environment: 'prod',
      secrets: 'REVOKE_ME',
      base_url: server.url,
      timeout: '20',
    })
  const REVOKE = '/api/v1/auth/token/revoke'
  const lineOf = (r: ActionRun, re: RegExp): number => r.stdout.split('\n').findIndex((l) => re.test(l))

  test('a slow answer: everything is exported meanwhile, and the run waits for it', async () => {
    fault = (req) => (req.path === REVOKE ? { delayMs: 600 } : undefined)
    const r = await runIdentity()
    expect(r.error).toBeUndefined()
    expect(r.env.get('REVOKE_ME')).toBe('revoke-test-value')
    const accessToken = server.requests[1]!.headers.authorization!.slice('Bearer '.length)
    expect(server.revoked).toContain(accessToken)
    const done = lineOf(r, /^inject-secrets: 1 secret from infisical: REVOKE_ME$/)
    const revoked = lineOf(r, /^::debug::POST \/api\/v1\/auth\/token\/revoke → 200 in \d+ ms$/)
    expect(done).toBeGreaterThanOrEqual(0)
    // Exported (and said so) before the revocation was answered, not after.
    expect(revoked).toBeGreaterThan(done)
  })

  test('a refused revocation: a warning, and the exports stand', async () => {
    fault = (req) => (req.path === REVOKE ? { status: 500 } : undefined)
    const r = await runIdentity()
    expect(r.exitCode).toBe(0)
    expect(r.env.get('REVOKE_ME')).toBe('revoke-test-value')
    // Before or after the exports' log line, as the round trip and the run's work race.
    expect(
      lineOf(r, /^::warning::The Infisical access token of this run was not revoked \(.*HTTP 500/),
    ).toBeGreaterThan(0)
    const log = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(log).not.toContain('revoke-test-value')
  })
})

// Issue 5's fault list, row for row with the Bitwarden and Vault matrices: each ends in a full,
// exact export or a clean failure with one ::error:: line, nothing exported and nothing leaked.
describe("issue 5's fault matrix", () => {
  const VALUES = {
    ALPHA: 'alpha-infisical-value',
    BETA: 'beta-first\nbeta-second\r\nbeta-third',
    GAMMA: 'gämmä "quoted" \\ value',
  }
  const DETAILS = '/api/v2/service-token'
  const RAW = '/api/v3/secrets/raw'
  const LIST = '/api/v3/secrets'
  const LOGIN = '/api/v1/auth/universal-auth/login'
  let rawProject: string
  let rawToken: string
  let e2eeToken: string
  let identity: { clientId: string; clientSecret: string }

  beforeAll(() => {
    rawProject = server.createProject().id
    const e2ee = server.createProject({ e2ee: true }).id
    for (const [key, value] of Object.entries(VALUES)) {
      server.setSecret(rawProject, { environment: 'prod', key, value })
      server.setSecret(e2ee, { environment: 'prod', key, value })
    }
    rawToken = server.createServiceToken(rawProject)
    e2eeToken = server.createServiceToken(e2ee)
    identity = server.createIdentity([rawProject])
  })

  type Who = 'token' | 'e2ee' | 'identity'
  interface Row {
    name: string
    who: Who
    path: string
    fault: (attempt: number) => FaultAction | undefined
    error?: RegExp
    timeout?: string
    /** Statuses the server logged for `path`, in order (0: destroyed before an answer). */
    log?: number[]
  }

  const limited = (seconds: string): FaultAction => ({
    status: 429,
    headers: { 'retry-after': seconds },
    body: JSON.stringify({ statusCode: 429, message: 'Rate limit exceeded', error: 'RateLimitExceeded' }),
  })
  const rows: Row[] = [
    {
      name: '429 with an HTTP-date Retry-After on the details call',
      who: 'token',
      path: DETAILS,
      fault: (n) =>
        n === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } } : undefined,
      log: [429, 200],
    },
    {
      name: '429 with Retry-After in seconds on the Universal Auth login',
      who: 'identity',
      path: LOGIN,
      fault: (n) => (n === 1 ? limited('1') : undefined),
      log: [429, 200],
    },
    {
      name: '503 twice on the details call',
      who: 'token',
      path: DETAILS,
      fault: (n) => (n <= 2 ? { status: 503 } : undefined),
      log: [503, 503, 200],
    },
    {
      name: '503 twice on the login',
      who: 'identity',
      path: LOGIN,
      fault: (n) => (n <= 2 ? { status: 503, body: '<html>unavailable</html>' } : undefined),
      log: [503, 503, 200],
    },
    {
      name: 'a connection reset before the login answer',
      who: 'identity',
      path: LOGIN,
      fault: (n) => (n === 1 ? { destroy: true } : undefined),
      log: [0, 200],
    },
    {
      name: 'a connection reset mid-body on the raw read',
      who: 'token',
      path: RAW,
      fault: (n) => (n === 1 ? { truncateAfter: 40 } : undefined),
      log: [200, 200],
    },
    {
      name: 'a connection reset mid-body on the encrypted list',
      who: 'e2ee',
      path: LIST,
      fault: (n) => (n === 1 ? { truncateAfter: 60 } : undefined),
      log: [200, 200],
    },
    {
      name: 'a connection reset mid-body on every attempt',
      who: 'token',
      path: RAW,
      fault: () => ({ truncateAfter: 40 }),
      error: /GET \/api\/v3\/secrets\/raw failed \(ECONNRESET\) after 5 attempts/,
      log: [200, 200, 200, 200, 200],
    },
    {
      name: 'a hang past the timeout on the raw read',
      who: 'token',
      path: RAW,
      fault: () => ({ delayMs: 10_000 }),
      timeout: '2',
      error: /GET \/api\/v3\/secrets\/raw timed out after 1 attempt/,
    },
    {
      name: 'a hang past the timeout on the login',
      who: 'identity',
      path: LOGIN,
      fault: () => ({ delayMs: 10_000 }),
      timeout: '2',
      error: /POST \/api\/v1\/auth\/universal-auth\/login timed out after 1 attempt/,
    },
    {
      name: 'a 200 with non-JSON on the encrypted list',
      who: 'e2ee',
      path: LIST,
      fault: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy login</html>' }),
      error: /GET \/api\/v3\/secrets: expected JSON, got 24 bytes of text\/html \(HTTP 200\)/,
      log: [200],
    },
    {
      name: 'a 200 with truncated JSON on the raw read',
      who: 'token',
      path: RAW,
      fault: () => ({ status: 200, body: '{"secrets":[{"secretKey":"ALPHA","secretValue":"alp' }),
      error: /GET \/api\/v3\/secrets\/raw: expected JSON, got 51 bytes of application\/json \(HTTP 200\)/,
      log: [200],
    },
    {
      name: 'a 200 with truncated JSON on the login',
      who: 'identity',
      path: LOGIN,
      fault: () => ({ status: 200, body: '{"accessToken":"ey' }),
      error: /POST \/api\/v1\/auth\/universal-auth\/login: expected JSON, got 18 bytes/,
      log: [200],
    },
    {
      name: 'a 200 with JSON of the wrong shape on the login',
      who: 'identity',
      path: LOGIN,
      fault: () => ({ status: 200, body: JSON.stringify({ accessToken: 42 }) }),
      error:
        /POST \/api\/v1\/auth\/universal-auth\/login: unexpected response from the server \(field 'accessToken' is missing or not a string\)/,
      log: [200],
    },
    {
      name: 'a 200 with a secret of the wrong shape on the raw read',
      who: 'token',
      path: RAW,
      fault: () => ({ status: 200, body: JSON.stringify({ secrets: [{ secretKey: 'ALPHA', secretValue: 7 }] }) }),
      error:
        /GET \/api\/v3\/secrets\/raw: unexpected response from the server \(field 'secretValue' is missing or not a string\)/,
      log: [200],
    },
    {
      name: 'a 500 on the login is not retried',
      who: 'identity',
      path: LOGIN,
      fault: () => ({
        status: 500,
        body: JSON.stringify({
          reqId: 'req-9',
          statusCode: 500,
          message: 'Something went wrong',
          error: 'InternalServerError',
        }),
      }),
      error:
        /POST \/api\/v1\/auth\/universal-auth\/login failed with HTTP 500: Something went wrong — InternalServerError \(reqId req-9\)/,
      log: [500],
    },
    {
      name: 'a 503 that never ends',
      who: 'token',
      path: RAW,
      fault: () => ({ status: 503 }),
      error: /GET \/api\/v3\/secrets\/raw failed with HTTP 503/,
      log: [503, 503, 503, 503, 503],
    },
    {
      name: 'a 429 that never ends',
      who: 'token',
      path: DETAILS,
      fault: () => limited('0'),
      error:
        /GET \/api\/v2\/service-token failed with HTTP 429 \(rate limit hit; the action retried and gave up\): Rate limit exceeded — RateLimitExceeded/,
      log: [429, 429, 429, 429, 429],
    },
  ]

  function inputsFor(who: Who, timeout: string): Record<string, string> {
    const common = { secrets: 'ALPHA\nBETA\nGAMMA', base_url: server.url, timeout }
    if (who === 'identity')
      return {
        ...common,
        client_id: identity.clientId,
        client_secret: identity.clientSecret,
        project: rawProject,
        environment: 'prod',
      }
    return { ...common, access_token: who === 'token' ? rawToken : e2eeToken }
  }

  function secretsOf(who: Who): string[] {
    const t = who === 'token' ? rawToken : e2eeToken
    const parts = who === 'identity' ? [identity.clientSecret] : [t, t.split('.')[2]!, t.split('.')[3]!]
    return [...parts, ...Object.values(VALUES).flatMap((v) => [v, ...v.split(/\r?\n/)])].filter(
      (s) => s.trim().length >= 4,
    )
  }

  test.each(rows)('$name', async (row) => {
    fault = (req) => (req.path === row.path ? row.fault(req.attempt) : undefined)
    const r = await runAction(inputsFor(row.who, row.timeout ?? '30'), { timeoutMs: 60_000 })
    if (row.error === undefined) {
      expect(r.error).toBeUndefined()
      expect(r.exitCode).toBe(0)
      expect(Object.fromEntries(r.env)).toEqual(VALUES)
      expect(Object.fromEntries(r.outputs)).toEqual(VALUES)
    } else {
      expect(r.exitCode).toBe(1)
      expect(r.envFile).toBe('')
      expect(r.outputFile).toBe('')
      expect(r.error).toMatch(/^inject-secrets: /)
      expect(r.error).toMatch(row.error)
      expect(r.stdout.match(/^::error::/gm)).toHaveLength(1)
    }
    if (row.log) expect(server.requests.filter((q) => q.path === row.path).map((q) => q.status)).toEqual(row.log)
    const log = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const s of secretsOf(row.who)) expect(log).not.toContain(s.trim())
  })

  test('a tampered GCM tag in the E2EE path fails cleanly: the tag is checked before any value is used', async () => {
    const project = server.createProject({ e2ee: true }).id
    server.setSecret(project, { environment: 'prod', key: 'GOOD', value: 'good-value-before-tamper' })
    server.setSecret(project, { environment: 'prod', key: 'BAD', value: 'tampered-value-gcm' })
    server.tamperSecret(project, 'prod', '/', 'BAD', 'value')
    const t = server.createServiceToken(project)
    const r = await runAction({ access_token: t, secrets: 'GOOD\nBAD', base_url: server.url, timeout: '30' })
    expect(r.exitCode).toBe(1)
    expect(r.envFile).toBe('')
    expect(r.outputFile).toBe('')
    expect(r.error).toMatch(
      /^inject-secrets: Secret #2 of GET \/api\/v3\/secrets \(prod:\/\) could not be decrypted: authentication failed: the tag does not match \(tampered data or another key\)\.$/,
    )
    expect(r.stdout.match(/^::error::/gm)).toHaveLength(1)
    // Nothing of the project was masked or exported: no value had been accepted.
    const log = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const s of [t, t.split('.')[2]!, t.split('.')[3]!, 'good-value-before-tamper', 'tampered-value-gcm'])
      expect(log).not.toContain(s)
  })
})
