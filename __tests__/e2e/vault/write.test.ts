// End to end: `node dist/write.js` against the local Vault server (docs/protocols/vault.md#writing):
// KV v2 with check-and-set on the version read (a concurrent write fails the run, nothing lost),
// other keys kept, KV v1 read-modify-write, capabilities checked before the first write, and what
// was written read back by the read action (`node dist/index.js`).
import { startVaultServer, type FaultAction, type VaultServer } from '../../../test/servers/vault.js'
import { maskedLog, runAction, WRITE_ENTRY, type ActionRun } from '../../../test/harness/run-action.js'

let server: VaultServer
let fault: ((req: { method: string; path: string; attempt: number }) => FaultAction | undefined) | undefined
let writer: string
let reader: string
let creator: string

beforeAll(async () => {
  server = await startVaultServer({ onRequest: (r) => fault?.(r) })
  server.mountKv('secret', 2)
  server.mountKv('kv', 1)
  server.setPolicy('writer', { 'secret/data/*': ['read', 'create', 'update'], 'kv/*': ['read', 'create', 'update'] })
  server.setPolicy('reader', { 'secret/data/*': ['read'], 'kv/*': ['read'] })
  server.setPolicy('creator', { 'secret/data/*': ['read', 'create'] })
  server.setPolicy('broad', { 'secret/*': ['read', 'create', 'update'] })
  writer = server.createToken({ policies: ['writer'] })
  reader = server.createToken({ policies: ['reader'] })
  creator = server.createToken({ policies: ['creator'] })
})

afterAll(() => server.close())

beforeEach(() => {
  fault = undefined
  server.resetLog()
})

const write = (secrets: string, env: Record<string, string>, extra: Record<string, string> = {}): Promise<ActionRun> =>
  runAction({ token: writer, url: server.url, secrets, ...extra }, { entry: WRITE_ENTRY, env })

function writes(): string[] {
  return server.requests
    .filter((r) => r.method === 'POST' && !r.path.startsWith('/v1/sys/'))
    .map((r) => `${r.method} ${r.path}`)
}

describe('write action, Vault', () => {
  test('KV v2: keys merged into the version read, check-and-set on it; KV v1 read-modify-write; the read action reads it back', async () => {
    const v = server.writeSecret('secret', 'release', { keep: 'kept-value', version: '1.0.0' })
    server.writeSecret('kv', 'legacy', { keep: 'kv1-kept', token: 'old-token' })
    const env = { VERSION: '1.1.0', KEY: 'minted-key-✓\nsecond-part', TOKEN: 'new-token-123', SAME: 'kept-value' }
    const run = await write(
      [
        'VERSION > secret/data/release version',
        'KEY > secret/data/release apiKey',
        'SAME > secret/data/release keep',
        'TOKEN > kv/legacy token',
        'KEY > secret/data/fresh apiKey',
      ].join('\n'),
      env,
    )
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    expect(server.readSecretData('secret', 'release')).toEqual({
      data: { keep: 'kept-value', version: '1.1.0', apiKey: env.KEY },
      version: v + 1,
    })
    expect(server.readSecretData('kv', 'legacy')).toEqual({
      data: { keep: 'kv1-kept', token: 'new-token-123' },
      version: 0,
    })
    expect(server.readSecretData('secret', 'fresh')).toEqual({ data: { apiKey: env.KEY }, version: 1 })
    // One write per path, with check-and-set on the version read (0: must not exist yet).
    const bodies = server.requests
      .filter((r) => r.method === 'POST' && r.path.startsWith('/v1/secret/'))
      .map((r) => JSON.parse(r.body) as { options: unknown })
    expect(bodies.map((b) => b.options)).toEqual([{ cas: v }, { cas: 0 }])
    expect(writes()).toEqual(['POST /v1/secret/data/release', 'POST /v1/kv/legacy', 'POST /v1/secret/data/fresh'])
    expect(run.stdout).toContain('line 1: VERSION > "secret/data/release" key "version" (version 2): updated')
    // An equal key is not changed, though KV v2 stores it again in the path's new version.
    expect(run.stdout).toContain('line 3: SAME > "secret/data/release" key "keep" (version 2): unchanged')
    expect(run.stdout).toContain('5 targets in vault: 2 created, 2 updated, 1 unchanged')
    const log = maskedLog(run)
    for (const value of [...Object.values(env), 'old-token', 'kv1-kept'])
      for (const l of value.split('\n')) expect(log).not.toContain(l)

    // The read action reads back exactly what was written.
    const read = await runAction({
      token: reader,
      url: server.url,
      secrets: 'secret/data/release apiKey | API_KEY ; kv/legacy token | TOKEN ; secret/data/fresh apiKey | FRESH',
    })
    expect(read.exitCode).toBe(0)
    expect([read.env.get('API_KEY'), read.env.get('TOKEN'), read.env.get('FRESH')]).toEqual([
      env.KEY,
      env.TOKEN,
      env.KEY,
    ])
  })

  test('a concurrent write between the read and the write fails the run; nothing is overwritten', async () => {
    server.writeSecret('secret', 'race', { a: 'first-value' })
    fault = ({ method, path }) => {
      // Someone else writes right before our write arrives.
      if (method === 'POST' && path === '/v1/secret/data/race')
        server.writeSecret('secret', 'race', { a: 'their-value' })
      return undefined
    }
    const run = await write('A > secret/data/race a', { A: 'our-value' })
    expect(run.exitCode).not.toBe(0)
    expect(run.error).toContain(
      'Writing stopped at line 1 ("secret/data/race" key "a"): Vault refused the write to "secret/data/race": it changed since it was read (check-and-set on version 1 failed), so nothing was overwritten.',
    )
    expect(server.readSecretData('secret', 'race')).toEqual({ data: { a: 'their-value' }, version: 2 })
  })

  test('a read-only token, or one that may create but not update, is refused before any write', async () => {
    server.writeSecret('secret', 'ro', { a: 'stored-value' })
    const ro = await write(
      'A > secret/data/ro a\nB > secret/data/new-one b',
      { A: 'new-a-value', B: 'new-b-value' },
      { token: reader },
    )
    expect(ro.error).toContain(
      `Input 'secrets', line 1: the token's policies do not allow 'update' on "secret/data/ro" (they allow: read)`,
    )
    const cr = await write(
      'B > secret/data/brand-new b\nA > secret/data/ro a',
      { A: 'new-a-value', B: 'new-b-value' },
      { token: creator },
    )
    expect(cr.error).toContain(
      `line 2: the token's policies do not allow 'update' on "secret/data/ro" (they allow: create, read)`,
    )
    expect(writes()).toEqual([])
    expect(server.readSecretData('secret', 'brand-new')).toBeUndefined()
  })

  test('create: false, a KV v2 path without data/, and a target in the wrong shape fail before any write', async () => {
    expect((await write('A > secret/data/missing a', { A: 'new-a-value' }, { create: 'false' })).error).toContain(
      `line 1: "secret/data/missing" does not exist in Vault, and 'create' is false`,
    )
    server.writeSecret('secret', 'plain', { a: 'stored-value' })
    const broad = server.createToken({ policies: ['broad'] })
    expect((await write('A > secret/plain a', { A: 'new-a-value' }, { token: broad })).error).toContain(
      `line 1: "secret/plain" is on a KV v2 mount: write to '<mount>/data/<path>'`,
    )
    // Without read on the path the answer is a 403; the message says what a KV v2 path looks like.
    expect((await write('A > secret/plain a', { A: 'new-a-value' })).error).toContain(
      `line 1: Vault refused to read "secret/plain" (403): writing needs 'read' on it too, to compare values and check-and-set on the version read; on a KV v2 mount the path also needs 'data/' after the mount`,
    )
    expect((await write('A > secret/nodata a', { A: 'new-a-value' }, { token: broad })).error).toContain(
      `line 1: "secret/nodata" is on a KV v2 mount: write to '<mount>/data/<path>'`,
    )
    const shape = await write('A > secret/data/x', { A: 'new-a-value' })
    expect(shape.error).toContain(`line 1: the Vault target "secret/data/x" is not '<path> <key>'`)
    expect(writes()).toEqual([])
  })
})
