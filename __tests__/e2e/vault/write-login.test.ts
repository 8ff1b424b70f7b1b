// End to end: the write action (`node dist/write.js`) logs in to Vault with vault-action's `method`
// inputs, exactly as the read action does (approle, GitHub OIDC jwt), writes with the token the
// login returned, and revokes that token when the step ends (it has no post step), whether the
// writes succeeded or not; the read action reads back what was written.
import { runAction, WRITE_ENTRY, type ActionRun } from '../../../test/harness/run-action.js'
import { DEFAULT_AUDIENCE, startGithubOidcServer, type GithubOidcServer } from '../../../test/servers/github-oidc.js'
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'

const ROLE_ID = 'b0c7e3b2-4f5d-4c1e-9a8f-0d1e2f3a4b5c'
const SECRET_ID = 'secret-id-0f1e2d3c4b5a69788796'

let server: VaultServer
let oidc: GithubOidcServer

beforeAll(async () => {
  server = await startVaultServer()
  oidc = await startGithubOidcServer()
  server.mountKv('secret', 2)
  server.setPolicy('writer', { 'secret/data/*': ['read', 'create', 'update'] })
  server.setPolicy('reader', { 'secret/data/*': ['read'] })
  server.enableAuth('approle', {
    type: 'approle',
    roles: [
      { roleId: ROLE_ID, secretIds: [SECRET_ID], policies: ['writer'] },
      { roleId: 'read-only-role', secretIds: ['read-only-secret-id'], policies: ['reader'] },
    ],
  })
  server.enableAuth('jwt', {
    type: 'jwt',
    verify: (jwt) => oidc.signer.verify(jwt),
    roles: {
      release: { boundAudiences: [DEFAULT_AUDIENCE], boundClaims: { repository: 'acme/app' }, policies: ['writer'] },
    },
  })
})

afterAll(async () => {
  await server.close()
  await oidc.close()
})

beforeEach(() => {
  server.resetLog()
  oidc.requests.length = 0
})

/** The latest login's token (the server keeps every token ever issued, in order). */
const issued = (): string =>
  server
    .tokens()
    .filter((t) => t.path.includes('/login'))
    .at(-1)!.id

const calls = (): string[] => server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const log = (run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, '')
  for (const s of secrets) expect(log).not.toContain(s)
}

test('approle: logged in as vault-action does, written with its token, the token revoked at the end; the read action reads it back', async () => {
  const env = { NEW_KEY: 'minted-by-approle-✓' }
  const run = await runAction(
    {
      url: server.url,
      method: 'approle',
      roleId: ROLE_ID,
      secretId: SECRET_ID,
      secrets: 'NEW_KEY > secret/data/release apiKey',
    },
    { entry: WRITE_ENTRY, env },
  )
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  const token = issued()
  expect(calls()).toEqual([
    'POST /v1/auth/approle/login 200',
    'GET /v1/secret/data/release 404',
    'GET /v1/sys/internal/ui/mounts/secret/data/release 200',
    'POST /v1/sys/capabilities-self 200',
    'POST /v1/secret/data/release 200',
    'POST /v1/auth/token/revoke-self 204',
  ])
  for (const r of server.requests.slice(1)) expect(r.headers['x-vault-token']).toBe(token)
  expect(server.token(token)!.revoked).toBe(true)
  expect(server.readSecretData('secret', 'release')).toEqual({ data: { apiKey: env.NEW_KEY }, version: 1 })
  expect(run.masks).toEqual(expect.arrayContaining([SECRET_ID, token]))
  expectNoLeak(run, [SECRET_ID, token, env.NEW_KEY])
  const reader = server.createToken({ policies: ['reader'] })
  const read = await runAction({ url: server.url, token: reader, secrets: 'secret/data/release apiKey | API_KEY' })
  expect(Object.fromEntries(read.env)).toEqual({ API_KEY: env.NEW_KEY })
})

test('jwt with the job`s GitHub OIDC token: written, the login token revoked', async () => {
  const run = await runAction(
    { url: server.url, method: 'jwt', role: 'release', secrets: 'V > secret/data/oidc version' },
    { entry: WRITE_ENTRY, env: { ...oidc.env, V: '2.0.0', GITHUB_REPOSITORY: 'acme/app' } },
  )
  expect(run.error).toBeUndefined()
  expect(oidc.requests).toEqual([''])
  expect(server.requests[0]!.path).toBe('/v1/auth/jwt/login')
  expect(server.readSecretData('secret', 'oidc')).toEqual({ data: { version: '2.0.0' }, version: 1 })
  expect(calls().at(-1)).toBe('POST /v1/auth/token/revoke-self 204')
  expect(server.token(issued())!.revoked).toBe(true)
})

test('a failed check (a read-only role) still revokes the login token; nothing written', async () => {
  const run = await runAction(
    {
      url: server.url,
      method: 'approle',
      roleId: 'read-only-role',
      secretId: 'read-only-secret-id',
      secrets: 'V > secret/data/ro key',
    },
    { entry: WRITE_ENTRY, env: { V: 'value-ro-1' } },
  )
  expect(run.error).toMatch(/line 1: the token's policies do not allow 'create' on "secret\/data\/ro"/)
  expect(calls().filter((c) => c.startsWith('POST /v1/secret/'))).toEqual([])
  expect(calls().at(-1)).toBe('POST /v1/auth/token/revoke-self 204')
  expect(server.token(issued())!.revoked).toBe(true)
})

test('a failed login: its error, no write, nothing to revoke', async () => {
  const run = await runAction(
    {
      url: server.url,
      method: 'approle',
      roleId: ROLE_ID,
      secretId: 'wrong-secret-id',
      secrets: 'V > secret/data/x k',
    },
    { entry: WRITE_ENTRY, env: { V: 'value-x-1' } },
  )
  expect(run.error).toMatch(/^inject-secrets: Vault login failed \(method 'approle', mount 'auth\/approle'\)/)
  expect(calls()).toEqual(['POST /v1/auth/approle/login 400'])
  expectNoLeak(run, ['wrong-secret-id'])
})

test('a login input missing: an error naming it before any request', async () => {
  const run = await runAction(
    { url: server.url, method: 'approle', secrets: 'V > secret/data/x k' },
    { entry: WRITE_ENTRY, env: { V: 'value-x-1' } },
  )
  expect(run.error).toBe("inject-secrets: Input 'roleId' is empty: 'method: approle' needs it (the AppRole's role_id).")
  expect(calls()).toEqual([])
})
