// What would break the job after a "successful" step, refused before the first write: an
// environment later processes cannot start with (E2BIG), and a runner file that cannot be written
// (some values would already be exported). Through `node dist/index.js` against the Vault server.
import type { FaultAction } from '../../test/servers/loopback.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction } from '../../test/harness/run-action.js'

let server: VaultServer
let token: string

beforeAll(async () => {
  server = await startVaultServer()
  server.mountKv('kv', 1)
  server.writeSecret('kv', 'big', { blob: 'b'.repeat(200 * 1024), small: 'small-value-1' })
  const many: Record<string, string> = {}
  for (let i = 0; i < 1100; i++) many[`K${i}`] = `${i}-${'v'.repeat(1024)}`
  server.writeSecret('kv', 'many', many)
  const huge: Record<string, string> = {}
  for (let i = 0; i < 50_000; i++) huge[`KEY_${i}`] = `value-${i}-${'x'.repeat(24)}`
  server.writeSecret('kv', 'huge', huge)
  server.setPolicy('read', { 'kv/*': ['read'] })
  token = server.createToken({ policies: ['read'] })
})

afterAll(() => server.close())

const inputs = (secrets: string, extra: Record<string, string> = {}): Record<string, string> => ({
  access_token: token,
  base_url: server.url,
  secrets,
  timeout: '20',
  ...extra,
})

test('one 200 kB value as an environment variable: refused, nothing exported, the way out named', async () => {
  const run = await runAction(inputs('kv/big blob | BLOB ; kv/big small | SMALL'))
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(
    /^inject-secrets: Refusing to export BLOB \(vault kv\/big blob \(line 1\)\) as an environment variable: its value is 201 KiB, over the 128 KiB .*'export_file'.*'set_env: false'/,
  )
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
})

test('the same value as a step output only (set_env: false) is fine', async () => {
  const run = await runAction(inputs('kv/big blob | BLOB', { set_env: 'false' }))
  expect(run.error).toBeUndefined()
  expect(run.outputs.get('BLOB')).toBe('b'.repeat(200 * 1024))
  expect(run.envFile).toBe('')
})

test('1,100 values of 1 KiB (over 1 MiB in all): refused before the first write', async () => {
  const run = await runAction(inputs('kv/many *'))
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(/^inject-secrets: Refusing to export 1100 environment variables holding \d+ KiB in all/)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
})

test('a GITHUB_OUTPUT that cannot be written fails before anything reaches GITHUB_ENV', async () => {
  const run = await runAction(inputs('kv/big small | SMALL'), { env: { GITHUB_OUTPUT: '/nonexistent-dir/output' } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toBe(
    'inject-secrets: Cannot write GITHUB_OUTPUT (/nonexistent-dir/output): ENOENT; nothing was exported.',
  )
  expect(run.envFile).toBe('')
})

// Item 2 of issue 14: 50,000 secrets by wildcard once took ~150 s of CPU (masking and the summary
// were quadratic) and a small timeout did not stop it. The work after the answer is linear now, and
// the deadline is checked there too: whichever comes first, the run ends within timeout + 1 s and
// either exports all 50,000 or nothing.
test('50,000 secrets by wildcard with timeout 2: done or refused within 3 s, never half exported', async () => {
  const started = Date.now()
  const run = await runAction(inputs('kv/huge *', { timeout: '2', set_env: 'false' }))
  const took = Date.now() - started
  expect(took).toBeLessThan(3000 + 1500) // + the test harness's own process start-up
  if (run.exitCode === 0) {
    expect(run.outputs.get('KEY_49999')).toBe(`value-49999-${'x'.repeat(24)}`)
    expect(run.outputs.size).toBe(50_000)
  } else {
    expect(run.error).toMatch(/^inject-secrets: Timed out after 2 s \(input 'timeout'\)/)
    expect(run.outputFile).toBe('')
  }
}, 30_000)

describe('a hostile server', () => {
  let hostile: VaultServer
  let hostileToken: string
  let deep = false
  let redirect: string | undefined

  beforeAll(async () => {
    hostile = await startVaultServer({
      onRequest: (): FaultAction | undefined =>
        deep
          ? {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: `{"data":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
            }
          : redirect
            ? { status: 307, headers: { location: redirect } }
            : undefined,
    })
    hostile.mountKv('kv', 1)
    hostile.writeSecret('kv', 'app', { a: 'value-a' })
    hostile.setPolicy('read', { 'kv/*': ['read'] })
    hostileToken = hostile.createToken({ policies: ['read'] })
  })
  afterAll(() => hostile.close())
  afterEach(() => {
    deep = false
    redirect = undefined
  })

  const hostileInputs = () => ({
    access_token: hostileToken,
    base_url: hostile.url,
    secrets: 'kv/app a | A',
    timeout: '20',
  })

  test('200,000 nested arrays in a read: refused by name, nothing exported', async () => {
    deep = true
    const run = await runAction(hostileInputs())
    expect(run.exitCode).toBe(1)
    expect(run.error).toMatch(
      /^inject-secrets: GET "kv\/app": the JSON answer nests deeper than 64 levels \(HTTP 200\); refusing to read it\.$/,
    )
    expect(run.envFile).toBe('')
  })

  test('a 307 from a loopback http URL to a plain-http host elsewhere is not followed with the token', async () => {
    redirect = 'http://10.255.255.1:9/v1/kv/app'
    const run = await runAction(hostileInputs())
    expect(run.exitCode).toBe(1)
    expect(run.error).toMatch(
      /refusing a redirect to http:\/\/10\.255\.255\.1:9: requests carrying a token go over https only/,
    )
    expect(run.envFile).toBe('')
  })
})
