// End to end: `node dist/index.js` as the runner runs it, against the local Bitwarden server.
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'

// Values that break naive exporters and maskers.
const VALUES: Record<string, string> = {
  PLAIN: 'correct-horse-battery-staple',
  UNICODE: 'pässwörd ✓ 密码 🔑',
  EMPTY: '',
  MULTILINE: '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END KEY-----',
  CRLF: 'first line\r\nsecond line\r\n',
  TRAILING_NL: 'ends with newline\n',
  QUOTES: `it's "quoted" \`back\``,
  PERCENT: '100%25 %0A not an escape %',
  COLONS: '::error::not a command :: really',
  DELIMITER: 'ghadelimiter_3f0b1c9e-0000-4000-8000-000000000000\nEOF\nafter',
  SPACES: '  padded value  ',
}

let server: BitwardenServer
let orgId: string
let token: string
const ids: Record<string, string> = {}
let projectA: string
let projectB: string

beforeAll(async () => {
  server = await startBitwardenServer()
  const org = server.createOrganization()
  orgId = org.id
  projectA = server.createProject(orgId, 'backend')
  projectB = server.createProject(orgId, 'frontend')
  for (const [name, value] of Object.entries(VALUES))
    ids[name] = server.createSecret(orgId, { key: name, value, projectIds: [projectA] })
  ids.DB_USER_A = server.createSecret(orgId, { key: 'DB_USER', value: 'alice', projectIds: [projectA] })
  ids.DB_USER_B = server.createSecret(orgId, { key: 'DB_USER', value: 'bob', projectIds: [projectB] })
  ids.API_KEY = server.createSecret(orgId, { key: 'api-key', value: 'k-123456', projectIds: [projectB] })
  ids.FRONT = server.createSecret(orgId, { key: 'FRONT_TOKEN', value: 'front-secret-value', projectIds: [projectB] })
  const account = server.createMachineAccount(orgId, { projects: [projectA, projectB] })
  token = server.createAccessToken(account)
})

afterAll(async () => {
  await server.close()
})

beforeEach(() => server.resetLog())

function inputs(secrets: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    access_token: token,
    secrets,
    base_url: server.url,
    set_env: 'true',
    timeout: '20',
    cloud_region: '',
    identity_url: '',
    api_url: '',
    ...extra,
  }
}

/** The log a person sees must not show any value, token part or JWT outside ::add-mask:: lines. */
function expectNoLeak(run: ActionRun, values: string[]): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  const [, clientSecret] = /^0\.[^.]+\.([^:]+):(.*)$/.exec(token)!.slice(0, 3) as [string, string, string]
  for (const secret of [token, clientSecret, token.split(':')[1]!, ...values]) {
    for (const line of secret.split(/\r?\n/).map((l) => l.trim())) {
      if (line.length >= 4) expect(log).not.toContain(line)
    }
  }
}

function expectNothingExported(run: ActionRun): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
}

test('by id: every value exported byte for byte, masked line by line, in exactly 2 requests', async () => {
  const mapping = Object.keys(VALUES)
    .map((name) => `${ids[name]} > ${name}`)
    .join('\n')
  const run = await runAction(inputs(mapping))
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  for (const [name, value] of Object.entries(VALUES)) {
    expect(run.env.get(name)).toBe(value)
    expect(run.outputs.get(name)).toBe(value)
  }
  for (const value of Object.values(VALUES).filter((v) => v !== '')) {
    expect(run.masks).toContain(value)
    for (const line of value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean))
      expect(run.masks).toContain(line)
  }
  expect(run.masks).toContain(token)
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'POST /identity/connect/token',
    'POST /api/secrets/get-by-ids',
  ])
  expectNoLeak(run, Object.values(VALUES))
})

test('names, a project scope and a project wildcard cost 3 requests', async () => {
  const run = await runAction(
    inputs(`PLAIN > BY_NAME\n${projectB}/DB_USER > USER_B\n${projectB}/*\n${ids.API_KEY} > API_KEY`),
  )
  expect(run.error).toBeUndefined()
  expect(Object.fromEntries(run.env)).toEqual({
    BY_NAME: VALUES.PLAIN,
    USER_B: 'bob',
    API_KEY: 'k-123456',
    FRONT_TOKEN: 'front-secret-value',
  })
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'POST /identity/connect/token',
    `GET /api/organizations/${orgId}/secrets`,
    'POST /api/secrets/get-by-ids',
  ])
})

test('set_env: false sets outputs only', async () => {
  const run = await runAction(inputs(`${ids.PLAIN} > P`, { set_env: 'FALSE' }))
  expect(run.exitCode).toBe(0)
  expect(run.envFile).toBe('')
  expect(run.outputs.get('P')).toBe(VALUES.PLAIN)
})

test('a token with a trailing newline still works', async () => {
  const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: `${token}\n` }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('P')).toBe(VALUES.PLAIN)
})

describe('failures export nothing and say what is wrong', () => {
  test('a malformed token names the input and the rule, never the secret', async () => {
    const bad = token.replace(/^0\./, '1.')
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: bad }))
    expectNothingExported(run)
    expect(run.error).toMatch(/Input 'access_token' is not a valid Bitwarden access token: it is the wrong version/)
    expect(run.masks[0]).toBe(bad)
    expect(server.requests).toEqual([])
  })

  test('a bad line names the input and the line', async () => {
    const run = await runAction(inputs(`${ids.PLAIN} > P\n\n${ids.EMPTY} > 9LIVES`))
    expectNothingExported(run)
    expect(run.error).toMatch(/Input 'secrets', line 3: "9LIVES" is not a valid environment variable name/)
    expect(server.requests).toEqual([])
  })

  test('an unknown id is found and reported with its line and name', async () => {
    const unknown = '0badc0de-0000-4000-8000-000000000000'
    const run = await runAction(inputs(`${ids.PLAIN} > P\n${unknown} > MISSING`))
    expectNothingExported(run)
    expect(run.error).toContain(`${unknown} (line 2, MISSING)`)
    expect(run.error).not.toContain(ids.PLAIN)
    expect(server.requests.filter((r) => r.path.startsWith('/api/secrets/') && r.method === 'GET')).toHaveLength(2)
  })

  test('a revoked token gets the invalid_client explanation naming cloud_region and base_url', async () => {
    const account = server.createMachineAccount(orgId, { projects: [projectA] })
    const revoked = server.createAccessToken(account)
    server.revokeAccessToken(revoked)
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: revoked }))
    expectNothingExported(run)
    expect(run.error).toMatch(
      /Login to http:\/\/127\.0\.0\.1:\d+\/identity was refused \(invalid_client\).*cloud_region.*base_url/,
    )
  })

  test('an expired token is refused the same way', async () => {
    const account = server.createMachineAccount(orgId, { projects: [projectA] })
    const expired = server.createAccessToken(account, { expiresAt: new Date(Date.now() - 1000) })
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: expired }))
    expectNothingExported(run)
    expect(run.error).toMatch(/invalid_client/)
  })

  test('a mistyped key part fails as the key, not as one secret, and nothing is exported', async () => {
    // A valid 16-byte seed, but not this token's: the login succeeds, its encrypted payload does not decrypt.
    const wrongSeed = token.replace(/:.*$/, `:${Buffer.alloc(16, 7).toString('base64')}`)
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: wrongSeed }))
    expectNothingExported(run)
    expect(run.error).toBe(
      "inject-secrets: The access token's key does not match the server's encrypted payload (token damaged or mistyped: check the part after ':').",
    )
  })

  test('a tampered value is a MAC error, and the other values are not exported', async () => {
    const victim = server.createSecret(orgId, { key: 'VICTIM', value: 'victim-value', projectIds: [projectA] })
    server.tamperSecretValue(victim)
    const run = await runAction(inputs(`${ids.PLAIN} > P\n${victim} > V`))
    expectNothingExported(run)
    expect(run.error).toMatch(new RegExp(`Secret ${victim}: its value could not be decrypted: MAC mismatch`))
  })

  test('an ambiguous name lists the candidates', async () => {
    const run = await runAction(inputs('DB_USER > U'))
    expectNothingExported(run)
    expect(run.error).toContain(`the name "DB_USER" is ambiguous: 2 secrets have it`)
    expect(run.error).toContain(ids.DB_USER_A)
    expect(run.error).toContain(ids.DB_USER_B)
  })

  test('a wildcard over an invalid key names the key and how to fix it', async () => {
    const run = await runAction(inputs(`${projectB}/*`))
    expectNothingExported(run)
    expect(run.error).toContain(`"api-key" (${ids.API_KEY})`)
  })

  test('cloud_region together with base_url is a conflict', async () => {
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { cloud_region: 'eu' }))
    expectNothingExported(run)
    expect(run.error).toMatch(/Conflicting inputs: 'cloud_region' \(eu\) and 'base_url'/)
  })

  test('a server error is reported with its status after retries', async () => {
    const s = await startBitwardenServer({
      onRequest: (r) => (r.path.endsWith('/get-by-ids') ? { status: 503, body: '<html>down</html>' } : undefined),
    })
    try {
      const org = s.createOrganization()
      const id = s.createSecret(org.id, { key: 'K', value: 'v-v-v-v' })
      const t = s.createAccessToken(s.createMachineAccount(org.id, { secrets: [id] }))
      const run = await runAction({ ...inputs(`${id} > K`), access_token: t, base_url: s.url }, { timeoutMs: 60_000 })
      expectNothingExported(run)
      expect(run.error).toMatch(/POST \/secrets\/get-by-ids failed with HTTP 503/)
      expect(s.requests.filter((r) => r.path.endsWith('/get-by-ids'))).toHaveLength(5)
    } finally {
      await s.close()
    }
  })

  test('an empty access_token is refused before anything else', async () => {
    const run = await runAction(inputs(`${ids.PLAIN} > P`, { access_token: '' }))
    expectNothingExported(run)
    expect(run.error).toMatch(/access_token/)
  })
})
