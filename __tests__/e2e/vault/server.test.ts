// The Vault test server behaves as Vault does (docs/protocols/vault.md#token-lifetime,
// docs/protocols/vault.md#reading-secrets, docs/protocols/vault.md#errors), so the e2e tests prove something.
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are probed field by field in assertions */
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'

let server: VaultServer
let clock = Date.UTC(2026, 0, 1)

beforeAll(async () => {
  server = await startVaultServer({ now: () => clock })
  server.mountKv('secret', 2)
  server.mountKv('kv', 1)
  server.addNamespace('team-a')
  server.mountKv('secret', 2, 'team-a')
  server.writeSecret('secret', 'ci', { npmToken: 't1' })
  server.writeSecret('secret', 'ci', { npmToken: 't2' })
  server.writeSecret('kv', 'app', { password: 'pw' })
  server.writeSecret('secret', 'ci', { ns: 'a' }, 'team-a')
  server.setPolicy('ci', { 'secret/data/*': ['read'], 'kv/*': ['read'] })
})

afterAll(() => server.close())

async function get(
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${server.url}/v1/${path}`, { headers: { 'x-vault-token': token, ...headers } })
  const text = await res.text()
  return { status: res.status, text, body: text === '' ? undefined : JSON.parse(text) }
}

test('KV v2 latest and ?version=N; KV v1; error bodies end with a newline', async () => {
  const t = server.createToken({ policies: ['ci'] })
  expect((await get('secret/data/ci', t)).body.data.data).toEqual({ npmToken: 't2' })
  expect((await get('secret/data/ci?version=1', t)).body.data.data).toEqual({ npmToken: 't1' })
  expect((await get('kv/app', t)).body.data).toEqual({ password: 'pw' })
  const missing = await get('secret/data/nope', t)
  expect([missing.status, missing.text]).toEqual([404, '{"errors":[]}\n'])
  const nodata = await get('secret/ci', server.createToken({ policies: ['root'] }))
  expect(nodata.status).toBe(404)
  expect(nodata.body.warnings[0]).toMatch(/^Invalid path for a versioned K\/V secrets engine/)
})

test('deleted versions answer 404 with data: null', async () => {
  server.writeSecret('secret', 'gone', { a: 1 })
  server.deleteVersion('secret', 'gone', 1)
  const r = await get('secret/data/gone', server.createToken({ policies: ['ci'] }))
  expect(r.status).toBe(404)
  expect(r.body.data.data).toBeNull()
})

test('policies deny with 403; unknown tokens get 403 too', async () => {
  const t = server.createToken({ policies: ['default'] })
  expect((await get('secret/data/ci', t)).status).toBe(403)
  expect((await get('secret/data/ci', 'hvs.nonsense')).text).toBe('{"errors":["permission denied"]}\n')
  expect((await get('auth/token/lookup-self', t)).status).toBe(200)
})

test('num_uses counts down on every request, failed ones and lookup-self included; the last use revokes', async () => {
  const t = server.createToken({ policies: ['ci'], numUses: 3 })
  expect((await get('secret/data/nope', t)).status).toBe(404)
  const look = await get('auth/token/lookup-self', t)
  expect(look.body.data.num_uses).toBe(1)
  expect((await get('secret/data/ci', t)).status).toBe(200)
  expect(server.token(t)!.revoked).toBe(true)
  expect((await get('secret/data/ci', t)).status).toBe(403)
})

test('TTL: an expired token is refused', async () => {
  const t = server.createToken({ policies: ['ci'], ttl: 60 })
  expect((await get('auth/token/lookup-self', t)).body.data.ttl).toBe(60)
  clock += 61_000
  expect((await get('secret/data/ci', t)).status).toBe(403)
})

test('namespaces: header or path prefix; a namespace token suffix; no access above its namespace', async () => {
  const root = server.createToken({ policies: ['root'] })
  expect((await get('secret/data/ci', root, { 'x-vault-namespace': 'team-a' })).body.data.data).toEqual({ ns: 'a' })
  expect((await get('team-a/secret/data/ci', root)).body.data.data).toEqual({ ns: 'a' })
  const nsToken = server.createToken({ policies: ['root'], namespace: 'team-a' })
  expect(nsToken).toMatch(/^hvs\.[A-Za-z0-9]{91}\.[A-Za-z0-9]+$/)
  expect((await get('secret/data/ci', nsToken)).status).toBe(403)
  expect((await get('secret/data/ci', nsToken, { 'x-vault-namespace': 'team-a' })).status).toBe(200)
})

test('child tokens: created under the parent, revoked with it or by accessor', async () => {
  const parent = server.createToken({ policies: ['root'] })
  const res = await fetch(`${server.url}/v1/auth/token/create`, {
    method: 'POST',
    headers: { 'x-vault-token': parent },
    body: JSON.stringify({ ttl: '15m', num_uses: 5, policies: ['ci'] }),
  })
  const child = ((await res.json()) as any).auth
  expect(server.token(child.client_token)).toMatchObject({ parent, numUses: 5, creationTtl: 900, policies: ['ci'] })
  const rev = await fetch(`${server.url}/v1/auth/token/revoke-accessor`, {
    method: 'POST',
    headers: { 'x-vault-token': parent },
    body: JSON.stringify({ accessor: child.accessor }),
  })
  expect(rev.status).toBe(204)
  expect(server.token(child.client_token)!.revoked).toBe(true)
  const limited = server.createToken({ policies: ['root'], numUses: 2 })
  const denied = await fetch(`${server.url}/v1/auth/token/create`, {
    method: 'POST',
    headers: { 'x-vault-token': limited },
    body: '{}',
  })
  expect(denied.status).toBe(400)
  const plain = server.createToken({ policies: ['ci'] })
  const sub = await fetch(`${server.url}/v1/auth/token/create`, {
    method: 'POST',
    headers: { 'x-vault-token': plain },
    body: '{}',
  })
  expect(sub.status).toBe(403)
})

test('request log and fault hook (a fault spends no use)', async () => {
  const faulty = await startVaultServer({
    onRequest: ({ attempt }) => (attempt === 1 ? { status: 412, body: '{"errors":[]}' } : undefined),
  })
  try {
    faulty.mountKv('secret', 2)
    faulty.writeSecret('secret', 'ci', { a: 'b' })
    const t = faulty.createToken({ policies: ['root'], numUses: 1 })
    const first = await fetch(`${faulty.url}/v1/secret/data/ci`, { headers: { 'x-vault-token': t } })
    expect(first.status).toBe(412)
    expect(faulty.token(t)!.numUses).toBe(1)
    const second = await fetch(`${faulty.url}/v1/secret/data/ci`, { headers: { 'x-vault-token': t } })
    expect(second.status).toBe(200)
    expect(faulty.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v1/secret/data/ci', 412],
      ['GET', '/v1/secret/data/ci', 200],
    ])
    faulty.resetLog()
    expect(faulty.requests).toEqual([])
  } finally {
    await faulty.close()
  }
})
