// End to end: whole Vault folders (docs/protocols/vault.md#folders) through dist/: one LIST per
// folder (KV v2 on <mount>/metadata/, KV v1 on the path), level by level, then one GET per secret,
// request counts exact; {path} in the name; collisions, empty folders and a LIST refused.
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'
import { runAction } from '../../../test/harness/run-action.js'

let server: VaultServer

beforeAll(async () => {
  server = await startVaultServer()
  server.mountKv('secret', 2)
  server.mountKv('kv', 1)
  server.writeSecret('secret', 'app/db', { user: 'db-user-1', pass: 'db-pass-secret' })
  server.writeSecret('secret', 'app/api', { key: 'api-key-secret' })
  server.writeSecret('secret', 'app/sub/deep', { token: 'deep-token-secret' })
  server.writeSecret('secret', 'app/sub/gone', { token: 'deleted-token' })
  server.deleteVersion('secret', 'app/sub/gone', 1)
  server.writeSecret('secret', 'other', { x: 'outside-the-folder' })
  server.writeSecret('secret', 'clash/a', { user: 'user-of-a' })
  server.writeSecret('secret', 'clash/b', { user: 'user-of-b' })
  server.writeSecret('kv', 'app/one', { name: 'kv-one-value' })
  server.writeSecret('kv', 'app/two/three', { 'api-key': 'kv-three-value' })
  server.setPolicy('apps', {
    'secret/data/*': ['read'],
    'secret/metadata/*': ['list'],
    'kv/*': ['read', 'list'],
  })
  server.setPolicy('read-only', { 'secret/data/*': ['read'] })
})

afterAll(() => server.close())

beforeEach(() => server.resetLog())

const inputs = (token: string, secrets: string, extra: Record<string, string> = {}): Record<string, string> => ({
  access_token: token,
  secrets,
  base_url: server.url,
  timeout: '20',
  ...extra,
})
const requests = (): string[] => server.requests.map((r) => `${r.method} ${r.path}${r.query} ${r.status}`)

test('KV v2: every key of every secret below the folder, recursively; one LIST per folder, one GET per secret', async () => {
  const token = server.createToken({ policies: ['apps'] })
  const run = await runAction(inputs(token, 'secret/data/app/ *'))
  expect(run.error).toBeUndefined()
  expect(Object.fromEntries(run.env)).toEqual({
    KEY: 'api-key-secret',
    PASS: 'db-pass-secret',
    USER: 'db-user-1',
    TOKEN: 'deep-token-secret',
  })
  const log = requests()
  // The first level is listed before the next, and every read after the last LIST.
  expect(log.slice(0, 2)).toEqual([
    'GET /v1/secret/metadata/app/?list=true 200',
    'GET /v1/secret/metadata/app/sub/?list=true 200',
  ])
  expect(log.slice(2).sort()).toEqual([
    'GET /v1/secret/data/app/api 200',
    'GET /v1/secret/data/app/db 200',
    'GET /v1/secret/data/app/sub/deep 200',
    // Listed (its metadata is there) but deleted: read once, skipped.
    'GET /v1/secret/data/app/sub/gone 404',
  ])
  expect(run.masks).toEqual(expect.arrayContaining(['db-pass-secret', 'deep-token-secret']))
  expect(run.summary).toContain('vault secret/data/app/sub/deep key &#34;token&#34; (line 1)')
})

test('KV v1: LIST on the path itself; | PREFIX_ and {path} put the prefix and each path in the names', async () => {
  const token = server.createToken({ policies: ['apps'] })
  const run = await runAction(inputs(token, 'kv/app/ * | APP_{path}_'))
  expect(run.error).toBeUndefined()
  expect(Object.fromEntries(run.env)).toEqual({ APP_ONE_NAME: 'kv-one-value', APP_TWO_THREE_APIKEY: 'kv-three-value' })
  expect(requests().slice(0, 2)).toEqual(['GET /v1/kv/app/?list=true 200', 'GET /v1/kv/app/two/?list=true 200'])
  expect(requests().slice(2).sort()).toEqual(['GET /v1/kv/app/one 200', 'GET /v1/kv/app/two/three 200'])
})

test('a key found in two secrets is an error naming both paths; {path} keeps them apart', async () => {
  const token = server.createToken({ policies: ['apps'] })
  const run = await runAction(inputs(token, 'secret/data/clash/ *'))
  expect(run.error).toBe(
    `inject-secrets: Input 'secrets': USER would be exported twice: from vault secret/data/clash/a key "user" (line 1) and from vault secret/data/clash/b key "user" (line 1). Map one of them with '| NAME' (on a folder line, '| {path}_' puts each secret's path in its names).`,
  )
  expect(run.envFile).toBe('')
  const ok = await runAction(inputs(token, 'secret/data/clash/ ** | {path}_'))
  expect(Object.fromEntries(ok.env)).toEqual({ a_user: 'user-of-a', b_user: 'user-of-b' })
})

test('an empty or missing folder is an error, or a warning with ignore_not_found; a LIST refused is a 403', async () => {
  const token = server.createToken({ policies: ['apps'] })
  const run = await runAction(inputs(token, 'secret/data/nothing/ *'))
  expect(run.error).toBe(
    `inject-secrets: Input 'secrets', line 1: the folder "secret/data/nothing/" has no secrets (Vault answered 404 to LIST "secret/metadata/nothing/"). Vault answers 404 for an empty or missing folder, and also when the folder is outside what the token may list.`,
  )
  expect(requests()).toEqual(['GET /v1/secret/metadata/nothing/?list=true 404'])
  server.resetLog()
  const skipped = await runAction(
    inputs(token, 'secret/data/nothing/ *\nsecret/data/other x | X', { ignore_not_found: 'true' }),
  )
  expect(skipped.exitCode).toBe(0)
  expect(Object.fromEntries(skipped.env)).toEqual({ X: 'outside-the-folder' })
  expect(skipped.stdout).toContain('::warning::✘ the folder "secret/data/nothing/" has no secrets')
  const readOnly = server.createToken({ policies: ['read-only'] })
  const refused = await runAction(inputs(readOnly, 'secret/data/app/ *'))
  expect(refused.error).toMatch(
    /^inject-secrets: Vault returned 403 \(permission denied\) for "LIST secret\/metadata\/app\/"/,
  )
  expect(refused.envFile).toBe('')
})

test('a folder path with a key selector, or {path} on a plain line, is an input error before any request', async () => {
  const token = server.createToken({ policies: ['apps'] })
  const run = await runAction(inputs(token, 'secret/data/app/ user'))
  expect(run.error).toBe(
    `inject-secrets: Input 'secrets', line 1: "secret/data/app/" ends in '/', a folder: read every key of every secret below it with '*' or '**', e.g. 'secret/data/app/ *'.`,
  )
  const placeholder = await runAction(inputs(token, 'secret/data/app/db * | {path}_'))
  expect(placeholder.error).toBe(
    `inject-secrets: Input 'secrets', line 1: {path} in a name works on a folder line only (a path ending in '/').`,
  )
  expect(server.requests).toEqual([])
})
