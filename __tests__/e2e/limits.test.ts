// What would break the job after a "successful" step, refused before the first write: an
// environment later processes cannot start with (E2BIG), and a runner file that cannot be written
// (some values would already be exported). Through `node dist/index.js` against the Vault server.
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
