// End to end: `node dist/index.js` (and dist/post.js) as the runner runs them, against the
// local Vault server: exact exports, masks, request counts, token uses, failures that export nothing.
import { startVaultServer, type FaultAction, type VaultServer } from '../../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../../test/harness/run-post.js'

const VALUES = {
  npmToken: 'npm_0123456789abcdef',
  'api-key': 'k-ä✓-42',
  'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\r\nQm9ndXMgY2VydA==\n-----END CERTIFICATE-----\n',
  db: { password: 'pw-nested-secret', port: 5432 },
  spaces: '  padded  ',
  percent: '100% %0A ::error::no',
  empty: '',
}

let server: VaultServer
let fault: ((req: { method: string; path: string; attempt: number }) => FaultAction | undefined) | undefined
let clock = Date.now()

beforeAll(async () => {
  server = await startVaultServer({ now: () => clock, onRequest: (r) => fault?.(r) })
  server.mountKv('secret', 2)
  server.mountKv('kv', 1)
  server.addNamespace('team-a')
  server.mountKv('secret', 2, 'team-a')
  server.writeSecret('secret', 'ci', { npmToken: 'old' })
  server.writeSecret('secret', 'ci', VALUES)
  server.writeSecret('kv', 'app', { user: 'svc', 'db.password': 'dotted-pw-value' })
  server.writeSecret('secret', 'b64', { cert: Buffer.from('decoded\nsecret').toString('base64'), bad: 'not*base64' })
  server.writeSecret('secret', 'ci', { only: 'namespaced-value' }, 'team-a')
  for (let i = 0; i < 12; i++) server.writeSecret('kv', `many/${i}`, { v: `value-${i}-xyz` })
  server.setPolicy('ci', { 'secret/data/*': ['read'], 'kv/*': ['read'] })
  server.setPolicy('kv-only', { 'kv/*': ['read'] })
  server.setPolicy('ci', { 'secret/data/*': ['read'] }, 'team-a')
  server.setPolicy('issuer', {
    'secret/data/*': ['read'],
    'kv/*': ['read'],
    'auth/token/create': ['update'],
    'auth/token/revoke-accessor': ['update'],
  })
})

afterAll(() => server.close())

beforeEach(() => {
  fault = undefined
  server.resetLog()
})

function inputs(token: string, secrets: string, extra: Record<string, string> = {}): Record<string, string> {
  return { access_token: token, secrets, base_url: server.url, timeout: '20', ...extra }
}

function reads(): string[] {
  return server.requests.map((r) => `${r.method} ${r.path}${r.query} ${r.status}`)
}

function expectNoLeak(run: { stdout: string; stderr: string }, secrets: string[]): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const s of secrets)
    for (const line of s.split(/\r?\n/).map((l) => l.trim())) if (line.length >= 4) expect(log).not.toContain(line)
}

function expectNothingExported(run: ActionRun): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
}

test("the issue's example block: exact exports, masks, one GET per distinct path, no lookup-self", async () => {
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(
    inputs(token, 'secret/data/ci npmToken | NPM_TOKEN ;\nsecret/data/ci * ;\nkv/app `db.password` | DB_PASSWORD\n'),
  )
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  const expected: Record<string, string> = {
    NPM_TOKEN: VALUES.npmToken,
    NPMTOKEN: VALUES.npmToken,
    APIKEY: VALUES['api-key'],
    TLS__CRT: VALUES['tls.crt'],
    DB: '{"password":"pw-nested-secret","port":5432}',
    SPACES: VALUES.spaces,
    PERCENT: VALUES.percent,
    EMPTY: '',
    DB_PASSWORD: 'dotted-pw-value',
  }
  expect(Object.fromEntries(run.env)).toEqual(expected)
  // Outputs keep the normalised key's case, as vault-action's do (docs/protocols/vault.md#names,
  // docs/protocols/vault.md#wildcards).
  expect(Object.fromEntries(run.outputs)).toEqual({
    NPM_TOKEN: VALUES.npmToken,
    npmToken: VALUES.npmToken,
    apikey: VALUES['api-key'],
    tls__crt: VALUES['tls.crt'],
    db: '{"password":"pw-nested-secret","port":5432}',
    spaces: VALUES.spaces,
    percent: VALUES.percent,
    empty: '',
    DB_PASSWORD: 'dotted-pw-value',
  })
  for (const v of [
    VALUES.npmToken,
    VALUES['api-key'],
    VALUES.percent,
    'dotted-pw-value',
    '-----BEGIN CERTIFICATE-----',
    'MIIBszCCAVmgAwIBAgIU',
    'pw-nested-secret',
    token,
  ]) {
    expect(run.masks).toContain(v)
  }
  expect(reads().sort()).toEqual(['GET /v1/kv/app 200', 'GET /v1/secret/data/ci 200'])
  const headers = server.requests[0]!.headers
  expect(headers['x-vault-token']).toBe(token)
  expect(headers['x-vault-request']).toBe('true')
  expect(headers['x-vault-namespace']).toBeUndefined()
  expectNoLeak(run, [token, VALUES.npmToken, 'pw-nested-secret'])
})

test('a one-time token reads its one path (one request, one use)', async () => {
  const token = server.createToken({ policies: ['ci'], numUses: 1 })
  const run = await runAction(
    inputs(token, 'secret/data/ci npmToken | A; secret/data/ci db.password | B; secret/data/ci "api-key"'),
  )
  expect(run.error).toBeUndefined()
  expect(run.env.get('A')).toBe(VALUES.npmToken)
  expect(run.env.get('B')).toBe('pw-nested-secret')
  expect(run.env.get('APIKEY')).toBe(VALUES['api-key'])
  expect(reads()).toEqual(['GET /v1/secret/data/ci 200'])
  expect(server.token(token)!.revoked).toBe(true)
})

test('?version=N reads that version', async () => {
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(inputs(token, 'secret/data/ci?version=1 npmToken | OLD\nsecret/data/ci npmToken | NEW'))
  expect(run.error).toBeUndefined()
  expect([run.env.get('OLD'), run.env.get('NEW')]).toEqual(['old', VALUES.npmToken])
  expect(reads().sort()).toEqual(['GET /v1/secret/data/ci 200', 'GET /v1/secret/data/ci?version=1 200'])
})

test('a use-limited token that runs out: one lookup-self says so; nothing exported, nothing leaked', async () => {
  const token = server.createToken({ policies: ['ci'], numUses: 2 })
  const run = await runAction(inputs(token, 'kv/many/0 v | A\nkv/many/1 v | B\nkv/many/2 v | C'))
  expectNothingExported(run)
  expect(run.error).toMatch(
    /Vault returned 403 \(permission denied\) for "kv\/many\/\d": the token is invalid, expired, revoked or out of uses \(lookup-self was refused too\)/,
  )
  expect(reads().filter((r) => r.includes('lookup-self'))).toEqual(['GET /v1/auth/token/lookup-self 403'])
  expectNoLeak(run, [token, 'value-0-xyz', 'value-1-xyz'])
})

test('an expired token: the 403 is explained as the token, not a policy', async () => {
  const token = server.createToken({ policies: ['ci'], ttl: 30 })
  clock += 31_000
  const run = await runAction(inputs(token, 'secret/data/ci npmToken'))
  expectNothingExported(run)
  expect(run.error).toMatch(/the token is invalid, expired, revoked or out of uses/)
  expect(reads()).toEqual(['GET /v1/secret/data/ci 403', 'GET /v1/auth/token/lookup-self 403'])
  expectNoLeak(run, [token])
})

test('a policy denial: one lookup-self for several denied paths; policies, TTL and uses shown, never the token', async () => {
  const token = server.createToken({ policies: ['kv-only'], numUses: 10, ttl: 3600 })
  const run = await runAction(inputs(token, 'secret/data/ci npmToken\nsecret/data/b64 cert | C\nkv/app user'))
  expectNothingExported(run)
  expect(run.error).toMatch(
    /Vault returned 403 \(permission denied\) for "secret\/data\/(ci|b64)": the token is valid \(policies: kv-only; expires in 1h; \d uses left\) but its policies do not allow reading this path/,
  )
  expect(reads().filter((r) => r.includes('lookup-self'))).toHaveLength(1)
  expectNoLeak(run, [token])
})

test('check_token: fewer uses than the run needs fails before any read, counting the lookup itself', async () => {
  const token = server.createToken({ policies: ['ci'], numUses: 2 })
  const run = await runAction(inputs(token, 'secret/data/ci npmToken\nkv/app user', { check_token: 'true' }))
  expectNothingExported(run)
  expect(run.error).toMatch(
    /check_token: the token has 1 use left after this check \(lookup-self spent one\), but the run needs 2/,
  )
  expect(reads()).toEqual(['GET /v1/auth/token/lookup-self 200'])
})

test('check_token: exactly enough uses passes and spends them all', async () => {
  const token = server.createToken({ policies: ['ci'], numUses: 3 })
  const run = await runAction(inputs(token, 'secret/data/ci npmToken\nkv/app user', { check_token: 'true' }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('USER')).toBe('svc')
  expect(reads()[0]).toBe('GET /v1/auth/token/lookup-self 200')
  expect(reads()).toHaveLength(3)
  expect(server.token(token)!.revoked).toBe(true)
})

test('check_token: a token expiring within min_ttl fails before any read', async () => {
  const token = server.createToken({ policies: ['ci'], ttl: 300 })
  const run = await runAction(inputs(token, 'secret/data/ci npmToken', { check_token: 'true', min_ttl: '10m' }))
  expectNothingExported(run)
  expect(run.error).toMatch(/check_token: the token expires in 5m, less than min_ttl \(10m\)/)
  expect(reads()).toEqual(['GET /v1/auth/token/lookup-self 200'])
  const ok = await runAction(inputs(token, 'secret/data/ci npmToken', { check_token: 'true', min_ttl: '4m' }))
  expect(ok.error).toBeUndefined()
})

test('check_token: a dead token is reported before any read', async () => {
  const run = await runAction(inputs('hvs.thisTokenDoesNotExist', 'secret/data/ci npmToken', { check_token: 'true' }))
  expectNothingExported(run)
  expect(run.error).toMatch(
    /check_token: Vault refused auth\/token\/lookup-self: the token is invalid, expired, revoked or out of uses/,
  )
  expect(reads()).toEqual(['GET /v1/auth/token/lookup-self 403'])
})

test("404: the vendor's message; ignore_not_found skips the path with a warning; a missing key still fails", async () => {
  const token = server.createToken({ policies: ['ci'] })
  const missing = await runAction(inputs(token, 'secret/data/missing key | K\nkv/app user'))
  expectNothingExported(missing)
  expect(missing.error).toContain(
    'Unable to retrieve result for "secret/data/missing" because it was not found: {"errors":[]}',
  )
  const ignored = await runAction(
    inputs(token, 'secret/data/missing key | K\nkv/app user', { ignore_not_found: 'true' }),
  )
  expect(ignored.error).toBeUndefined()
  expect(Object.fromEntries(ignored.env)).toEqual({ USER: 'svc' })
  expect(ignored.stdout).toMatch(/::warning::✘ Unable to retrieve result for "secret\/data\/missing"/)
  const key = await runAction(inputs(token, 'kv/app nokey', { ignore_not_found: 'true' }))
  expectNothingExported(key)
  expect(key.error).toContain(
    'Unable to retrieve result for data."nokey". No match data was found. Double check your Key or Selector.',
  )
  const dotted = await runAction(inputs(token, 'kv/app db.password | P'))
  expect(dotted.error).toContain('select it with `db.password` (backticks)')
})

test('KV v2 without /data/: the error suggests inserting it', async () => {
  const run = await runAction(inputs(server.createToken({ policies: ['root'] }), 'secret/ci npmToken'))
  expectNothingExported(run)
  expect(run.error).toContain('insert /data/ after the mount, e.g. "secret/data/ci"')
})

test('412 from a performance standby is retried (each attempt that reaches the handler would spend a use)', async () => {
  fault = ({ path, attempt }) =>
    path === '/v1/secret/data/ci' && attempt === 1 ? { status: 412, body: '{"errors":[]}\n' } : undefined
  const token = server.createToken({ policies: ['ci'], numUses: 1 })
  const run = await runAction(inputs(token, 'secret/data/ci npmToken'))
  expect(run.error).toBeUndefined()
  expect(reads()).toEqual(['GET /v1/secret/data/ci 412', 'GET /v1/secret/data/ci 200'])
})

test('403 and 404 are never retried', async () => {
  const run = await runAction(inputs(server.createToken({ policies: ['ci'] }), 'secret/data/missing k | K'))
  expectNothingExported(run)
  expect(reads()).toEqual(['GET /v1/secret/data/missing 404'])
})

test('namespace input and VAULT_NAMESPACE; a namespace mismatch is hinted', async () => {
  const nsToken = server.createToken({ policies: ['ci'], namespace: 'team-a' })
  const run = await runAction(inputs(nsToken, 'secret/data/ci only', { namespace: 'team-a' }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('ONLY')).toBe('namespaced-value')
  expect(server.requests[0]!.headers['x-vault-namespace']).toBe('team-a')
  const env = await runAction(inputs(nsToken, 'secret/data/ci only'), { env: { VAULT_NAMESPACE: 'team-a' } })
  expect(env.env.get('ONLY')).toBe('namespaced-value')
  const root = server.createToken({ policies: ['ci'] })
  server.resetLog()
  const wrong = await runAction(inputs(nsToken, 'secret/data/ci only'))
  expectNothingExported(wrong)
  expect(wrong.error).toMatch(/namespace suffix: set 'namespace'/)
  expect(root).toMatch(/^hvs\./)
})

test('base_url falls back to VAULT_ADDR; without either the error names both', async () => {
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(
    { access_token: token, secrets: 'kv/app user' },
    { env: { VAULT_ADDR: `${server.url}/` } },
  )
  expect(run.error).toBeUndefined()
  expect(run.env.get('USER')).toBe('svc')
  const none = await runAction({ access_token: token, secrets: 'kv/app user' })
  expectNothingExported(none)
  expect(none.error).toMatch(/Input 'base_url' is empty.*'base_url' or 'url' \(vault-action's name\).*VAULT_ADDR/)
  expectNoLeak(none, [token])
})

test('encoding: base64 decodes before masking; invalid base64 fails naming the entry, not the value', async () => {
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(inputs(token, 'secret/data/b64 cert | CERT', { encoding: 'base64' }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('CERT')).toBe('decoded\nsecret')
  expect(run.masks).toEqual(
    expect.arrayContaining(['decoded', 'secret', Buffer.from('decoded\nsecret').toString('base64')]),
  )
  const bad = await runAction(inputs(token, 'secret/data/b64 bad | BAD', { encoding: 'base64' }))
  expectNothingExported(bad)
  expect(bad.error).toMatch(/line 1 \(secret\/data\/b64\), selector bad: the value is not valid base64/)
  expect(bad.error).not.toContain('not*base64')
})

test('provider detection: s./b. legacy tokens select Vault; provider: vault accepts a prefix-less dev token', async () => {
  const legacy = server.createToken({ policies: ['ci'], legacy: true })
  expect(legacy).toMatch(/^s\.[A-Za-z0-9]{24}$/)
  expect((await runAction(inputs(legacy, 'kv/app user'))).env.get('USER')).toBe('svc')
  const dev = server.createToken({ policies: ['ci'], id: 'testtoken' })
  expect((await runAction(inputs(dev, 'kv/app user', { provider: 'vault' }))).env.get('USER')).toBe('svc')
})

test('grammar errors fail before any request, naming the line', async () => {
  const run = await runAction(inputs(server.createToken({ policies: ['ci'] }), 'kv/app user\nsecret/data/ci api-key'))
  expectNothingExported(run)
  expect(run.error).toMatch(
    /Input 'secrets', line 2: You must provide a name for the output key when using json selectors/,
  )
  expect(server.requests).toEqual([])
})

test('export_token: child → VAULT_TOKEN is a masked child (not orphan), the parent is never exported; the post step revokes it', async () => {
  const parent = server.createToken({ policies: ['issuer', 'ci'] })
  const given = inputs(parent, 'kv/app user', { export_token: 'child', ttl: '20m', num_uses: '7', policies: 'ci' })
  const run = await runMainWithState(given)
  expect(run.error).toBeUndefined()
  const child = run.env.get('VAULT_TOKEN')!
  expect(child).toMatch(/^hvs\./)
  expect(child).not.toBe(parent)
  expect(run.outputs.get('VAULT_TOKEN')).toBe(child)
  expect(run.masks).toContain(child)
  expect([...run.env.values(), ...run.outputs.values()]).not.toContain(parent)
  expect(server.token(child)).toMatchObject({ parent, creationTtl: 1200, numUses: 7, policies: ['ci'], revoked: false })
  expect(reads()).toEqual(['GET /v1/kv/app 200', 'POST /v1/auth/token/create 200'])
  expect(run.state.size).toBe(1)
  expect([...run.state.values()].join('')).not.toContain(child)
  expectNoLeak(run, [parent, child])

  server.resetLog()
  const post = await runPost(given, run.state)
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([])
  expect(post.stdout).toContain('Vault child token revoked')
  expect(post.masks).toContain(parent)
  expect(reads()).toEqual(['POST /v1/auth/token/revoke-accessor 204'])
  expect(server.token(child)!.revoked).toBe(true)
  expect(server.token(parent)!.revoked).toBe(false)
  expectNoLeak(post, [parent, child])
})

test('export_token: child with a failed read creates no child; the post step has nothing to do', async () => {
  const parent = server.createToken({ policies: ['issuer'] })
  const given = inputs(parent, 'kv/app nokey', { export_token: 'child' })
  const run = await runMainWithState(given)
  expectNothingExported(run)
  expect(reads()).toEqual(['GET /v1/kv/app 200'])
  expect(run.state.size).toBe(0)
  const post = await runPost(given, run.state)
  expect([post.exitCode, post.warnings]).toEqual([0, []])
})

test('the post step warns (never fails) when the revocation is refused', async () => {
  const parent = server.createToken({ policies: ['issuer'] })
  const given = inputs(parent, 'kv/app user', { export_token: 'child' })
  const run = await runMainWithState(given)
  expect(run.error).toBeUndefined()
  fault = ({ path }) =>
    path.endsWith('revoke-accessor') ? { status: 500, body: '{"errors":["internal error"]}\n' } : undefined
  const post = await runPost(given, run.state)
  expect(post.exitCode).toBe(0)
  expect(post.warnings.join('\n')).toMatch(/Vault child token not revoked: Vault returned 500 \(internal error\)/)
  expectNoLeak(post, [parent, run.env.get('VAULT_TOKEN')!])
})

test('the post step retries a revocation once after a connection reset', async () => {
  const parent = server.createToken({ policies: ['issuer'] })
  const given = inputs(parent, 'kv/app user', { export_token: 'child' })
  const run = await runMainWithState(given)
  expect(run.error).toBeUndefined()
  const child = run.env.get('VAULT_TOKEN')!
  fault = ({ path, attempt }) => (path.endsWith('revoke-accessor') && attempt === 1 ? { destroy: true } : undefined)
  server.resetLog()
  const post = await runPost(given, run.state)
  expect([post.exitCode, post.warnings]).toEqual([0, []])
  expect(post.stdout).toContain('Vault child token revoked')
  expect(server.token(child)!.revoked).toBe(true)
})

test('export_token: child with a limited-use token under check_token fails before any read', async () => {
  const parent = server.createToken({ policies: ['issuer'], numUses: 10 })
  const run = await runAction(inputs(parent, 'kv/app user', { export_token: 'child', check_token: 'true' }))
  expectNothingExported(run)
  expect(run.error).toMatch(/limited-use tokens cannot create the child token/)
  expect(reads()).toEqual(['GET /v1/auth/token/lookup-self 200'])
})

test("export_token: child with policies outside the parent's: Vault says no, nothing is exported", async () => {
  const parent = server.createToken({ policies: ['issuer'] })
  const run = await runMainWithState(inputs(parent, 'kv/app user', { export_token: 'child', policies: 'ci' }))
  expectNothingExported(run)
  expect(run.error).toMatch(/Vault returned 400 \(child policies must be subset of parent\) for auth\/token\/create/)
  expect(run.state.size).toBe(0)
  expectNoLeak(run, [parent, 'svc'])
})

test.each([
  [
    'a response-wrapped answer',
    { status: 200, body: '{"data":null,"wrap_info":{"token":"hvs.wrapped-token-xyz","ttl":60}}' },
    /is response-wrapped/,
  ],
  ['data: null', { status: 200, body: '{"data":null}' }, /has no data object \(data is null\)/],
  ['an empty 2xx body', { status: 204 }, /answered 204 with an empty body for "kv\/app"/],
  ['not JSON', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy</html>' }, /expected JSON/],
  [
    'a 500 after retries',
    { status: 500, body: '{"errors":["internal error"]}\n' },
    /Vault returned 500 \(internal error\) for "kv\/app"/,
  ],
])('VLT-READ-3 / errors: %s fails clearly, naming the path, exporting nothing', async (_n, reply, message) => {
  fault = ({ path }) => (path === '/v1/kv/app' ? reply : undefined)
  const token = server.createToken({ policies: ['ci'] })
  const run = await runAction(inputs(token, 'kv/app user'))
  expectNothingExported(run)
  expect(run.error).toMatch(message)
  expectNoLeak(run, [token, 'wrapped-token-xyz'])
})

test('empty secrets with export_token: child just hands over a child token', async () => {
  const parent = server.createToken({ policies: ['issuer'] })
  const run = await runMainWithState(inputs(parent, '', { export_token: 'child' }))
  expect(run.error).toBeUndefined()
  expect([...run.env.keys()]).toEqual(['VAULT_TOKEN'])
  expect(reads()).toEqual(['POST /v1/auth/token/create 200'])
})

test.each([
  [{ encoding: 'utf16' }, /Input 'encoding' must be 'base64' or 'hex'/],
  [{ export_token: 'true' }, /Input 'export_token' must be 'child'/],
  [{ num_uses: '-1' }, /Input 'num_uses' must be a whole number/],
  [{ min_ttl: '10 minutes' }, /Input 'min_ttl' must be a duration like '90s', '10m' or '1h'/],
  [{ ttl: '1d' }, /Input 'ttl' must be a duration/],
  [{ check_token: 'yes' }, /Input 'check_token' must be 'true' or 'false'/],
  [{ base_url: '', provider: 'vault' }, /Input 'base_url' is empty/],
])('bad Vault inputs fail before any request: %j', async (extra, message) => {
  const run = await runAction(inputs(server.createToken({ policies: ['ci'] }), 'kv/app user', extra))
  expectNothingExported(run)
  expect(run.error).toMatch(message)
  expect(server.requests).toEqual([])
})

test('VAULT_ADDR with plain http to another host is refused, naming VAULT_ADDR', async () => {
  const run = await runAction(
    { access_token: server.createToken({ policies: ['ci'] }), secrets: 'kv/app user' },
    { env: { VAULT_ADDR: 'http://vault.example.com:8200' } },
  )
  expectNothingExported(run)
  expect(run.error).toMatch(/The environment variable VAULT_ADDR must use https:\/\//)
})
