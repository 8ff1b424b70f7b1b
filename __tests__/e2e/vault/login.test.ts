// End to end: vault-action v3.4.0 `with:` blocks, unchanged, run through dist/ against the local
// Vault server's auth methods (test/servers/vault-auth.ts) and the runner's OIDC token service
// stand-in. The exports are vault-action's (names, case, values: env upper-cased by default, outputs
// keep the key's case; exportToken → env VAULT_TOKEN, outputToken → output vault_token), the login
// request is what vault-action sends, and the token a login created is revoked by the post step.
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../../test/harness/run-post.js'
import { DEFAULT_AUDIENCE, startGithubOidcServer, type GithubOidcServer } from '../../../test/servers/github-oidc.js'
import { startLatencyProxy } from '../../../test/servers/latency-proxy.js'
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'

const SECRETS = 'secret/data/ci npmToken | NPM_TOKEN ;\nsecret/data/ci dbPassword'
const ROLE_ID = 'b0c7e3b2-4f5d-4c1e-9a8f-0d1e2f3a4b5c'
const SECRET_ID = 'secret-id-0f1e2d3c4b5a69788796'
const GITHUB_TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ012345'
const PASSWORD = 'pw-of-alice-1234'
const SA_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.sa-token-payload.sig\n' // a file ends with a newline
const AUDIENCE = 'https://vault.example.com'

let server: VaultServer
let oidc: GithubOidcServer
let dir: string
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const KEY_B64 = Buffer.from(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).toString('base64')

/** The signature check the JWT mount does for keys the test registered (jwt_validation_pubkeys). */
function verifyWith(key: ReturnType<typeof createPublicKey>) {
  return (jwt: string): Record<string, unknown> | undefined => {
    const [h, p, s] = jwt.split('.')
    if (!h || !p || !s) return undefined
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string }
    if (header.alg !== 'RS256') return undefined
    if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return undefined
    return JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
  }
}

beforeAll(async () => {
  server = await startVaultServer()
  oidc = await startGithubOidcServer()
  dir = mkdtempSync(join(tmpdir(), 'vault-login-'))
  writeFileSync(join(dir, 'sa-token'), SA_TOKEN)
  server.mountKv('secret', 2)
  server.writeSecret('secret', 'ci', { npmToken: 'npm_secret_value_1', dbPassword: 'db-pass-value-2' })
  server.setPolicy('ci', { 'secret/data/*': ['read'] })
  server.enableAuth('approle', {
    type: 'approle',
    roles: [{ roleId: ROLE_ID, secretIds: [SECRET_ID], policies: ['ci'] }],
  })
  server.enableAuth('jwt', {
    type: 'jwt',
    verify: (jwt) => oidc.signer.verify(jwt),
    roles: {
      ci: { boundAudiences: [AUDIENCE], boundSubject: 'repo:acme/app:ref:refs/heads/main', policies: ['ci'] },
      'default-aud': { boundAudiences: [DEFAULT_AUDIENCE], boundClaims: { repository: 'acme/app' }, policies: ['ci'] },
    },
    defaultRole: 'default-aud',
  })
  server.enableAuth('jwt-key', {
    type: 'jwt',
    verify: verifyWith(createPublicKey(rsa.privateKey)),
    roles: { signed: { boundClaims: { iss: 'vault-action', repository: 'acme/app' }, policies: ['ci'] } },
  })
  server.enableAuth('kubernetes', {
    type: 'kubernetes',
    roles: { app: { serviceAccountToken: SA_TOKEN, policies: ['ci'] } },
  })
  server.enableAuth('github', { type: 'github', tokens: { [GITHUB_TOKEN]: ['ci'] } })
  server.enableAuth('userpass', { type: 'userpass', users: { alice: { password: PASSWORD, policies: ['ci'] } } })
  server.enableAuth('corp-ldap', { type: 'ldap', users: { bob: { password: PASSWORD, policies: ['ci'] } } })
  server.enableAuth('custom', {
    type: 'custom',
    check: (b) => (b.name === 'web' && b.proof === 'custom-proof-5678' ? ['ci'] : 'invalid proof'),
  })
})

afterAll(async () => {
  await Promise.all([server.close(), oidc.close()])
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  server.resetLog()
  oidc.requests.length = 0
})

function expectVaultActionExports(run: ActionRun): void {
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  // vault-action: `| NAME` as is for both; a bare key upper-cased for env, case kept for the output.
  expect(Object.fromEntries(run.env)).toEqual({ NPM_TOKEN: 'npm_secret_value_1', DBPASSWORD: 'db-pass-value-2' })
  expect(Object.fromEntries(run.outputs)).toEqual({ NPM_TOKEN: 'npm_secret_value_1', dbPassword: 'db-pass-value-2' })
}

/** Nothing exported; vault-action's errorMessage output holds the failure message (the step has `url`). */
function expectOnlyErrorMessage(run: ActionRun): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.error).toMatch(/^inject-secrets: /)
  expect(Object.fromEntries(run.outputs)).toEqual({ errorMessage: run.error })
}

function loginRequest(): { path: string; body: Record<string, unknown>; headers: Record<string, unknown> } {
  const r = server.requests.find((q) => q.method === 'POST' && /\/login/.test(q.path))!
  return { path: r.path, body: JSON.parse(r.body) as Record<string, unknown>, headers: r.headers }
}

function issued(): string {
  // The latest login's (the server keeps every token ever issued, in order).
  return server
    .tokens()
    .filter((t) => t.path.includes('/login'))
    .at(-1)!.id
}

function expectNoLeak(run: { stdout: string; stderr: string }, secrets: string[]): void {
  const log = (run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, '')
  for (const s of secrets) expect(log).not.toContain(s.trim())
}

test('approle: the login is vault-action`s (role_id, secret_id; headers), the reads use its token, the post step revokes it', async () => {
  const inputs = {
    url: server.url,
    method: 'approle',
    roleId: ROLE_ID,
    secretId: SECRET_ID,
    extraHeaders: 'X-Team: platform\nx-team: ci',
    secrets: SECRETS,
  }
  const run = await runMainWithState(inputs)
  expectVaultActionExports(run)
  const login = loginRequest()
  expect(login.path).toBe('/v1/auth/approle/login')
  expect(login.body).toEqual({ role_id: ROLE_ID, secret_id: SECRET_ID })
  expect(login.headers['x-vault-token']).toBeUndefined()
  // extraHeaders: names lower-cased, repeats joined with ', ', on every request including the login.
  for (const r of server.requests) expect(r.headers['x-team']).toBe('platform, ci')
  expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'POST /v1/auth/approle/login 200',
    'GET /v1/secret/data/ci 200',
  ])
  const token = issued()
  expect(server.requests[1]!.headers['x-vault-token']).toBe(token)
  expect(run.masks).toEqual(expect.arrayContaining([SECRET_ID, token]))
  expectNoLeak(run, [SECRET_ID, token])
  expect(server.token(token)!.revoked).toBe(false)
  server.resetLog()
  const post = await runPost(inputs, run.state)
  expect([post.exitCode, post.warnings]).toEqual([0, []])
  expect(post.stdout).toContain('Vault login token revoked')
  expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'POST /v1/auth/token/revoke-self 204',
  ])
  expect(server.requests[0]!.headers['x-team']).toBe('platform, ci')
  expect(post.masks).toContain(token)
  expect(server.token(token)!.revoked).toBe(true)
  expectNoLeak(post, [token])
})

test('approle: a run that fails after the login (a refused name) still has its login token revoked by the post step', async () => {
  server.resetLog()
  const inputs = {
    url: server.url,
    method: 'approle',
    roleId: ROLE_ID,
    secretId: SECRET_ID,
    secrets: 'secret/data/ci npmToken | NODE_OPTIONS',
  }
  const run = await runMainWithState(inputs)
  expect(run.exitCode).not.toBe(0)
  expect(run.stdout).toContain('Refusing to export NODE_OPTIONS')
  const token = issued()
  expect(server.token(token)!.revoked).toBe(false)
  const post = await runPost(inputs, run.state)
  expect([post.exitCode, post.warnings]).toEqual([0, []])
  expect(server.token(token)!.revoked).toBe(true)
})

test('jwt with GitHub OIDC: the ID token for jwtGithubAudience is sent with the role; exportToken and outputToken keep the token', async () => {
  const run = await runMainWithState(
    {
      url: server.url,
      method: 'jwt',
      role: 'ci',
      jwtGithubAudience: AUDIENCE,
      exportToken: 'true',
      outputToken: 'true',
      secrets: SECRETS,
    },
    { env: oidc.env },
  )
  expect(run.error).toBeUndefined()
  expect(oidc.requests).toEqual([AUDIENCE])
  const login = loginRequest()
  expect(login.path).toBe('/v1/auth/jwt/login')
  expect(Object.keys(login.body).sort()).toEqual(['jwt', 'role'])
  expect(login.body.role).toBe('ci')
  expect(oidc.signer.verify(login.body.jwt as string)).toMatchObject({
    aud: AUDIENCE,
    sub: 'repo:acme/app:ref:refs/heads/main',
  })
  const token = issued()
  // vault-action: VAULT_TOKEN in env (exportToken), vault_token as an output (outputToken).
  expect(Object.fromEntries(run.env)).toEqual({
    NPM_TOKEN: 'npm_secret_value_1',
    DBPASSWORD: 'db-pass-value-2',
    VAULT_TOKEN: token,
  })
  expect(Object.fromEntries(run.outputs)).toEqual({
    NPM_TOKEN: 'npm_secret_value_1',
    dbPassword: 'db-pass-value-2',
    vault_token: token,
  })
  expect(run.masks).toEqual(expect.arrayContaining([login.body.jwt, token]))
  expect(run.state.size).toBe(0) // kept: nothing for the post step to revoke
  expectNoLeak(run, [login.body.jwt as string, token])
})

test("jwt: an empty audience asks GitHub for its default; an empty role is sent as '' (the mount's default role)", async () => {
  const run = await runAction(
    { url: server.url, method: 'jwt', secrets: SECRETS, exportEnv: 'false' },
    { env: oidc.env },
  )
  expect(run.error).toBeUndefined()
  expect(oidc.requests).toEqual([''])
  expect(loginRequest().body.role).toBe('')
  // exportEnv: false: outputs only.
  expect(run.env.size).toBe(0)
  expect(Object.fromEntries(run.outputs)).toEqual({ NPM_TOKEN: 'npm_secret_value_1', dbPassword: 'db-pass-value-2' })
})

test('jwt: a role bound to another audience fails naming method, mount, role, the aud and sub sent, never the JWT; nothing exported', async () => {
  const run = await runAction(
    { url: server.url, method: 'jwt', role: 'ci', jwtGithubAudience: 'sts.amazonaws.com', secrets: SECRETS },
    { env: oidc.env },
  )
  expect(run.exitCode).not.toBe(0)
  expectOnlyErrorMessage(run)
  expect(run.error).toContain("Vault login failed (method 'jwt', mount 'auth/jwt', role 'ci'): Vault returned 400")
  expect(run.error).toContain('audience claim does not match any expected audience')
  expect(run.error).toContain("aud 'sts.amazonaws.com' and sub 'repo:acme/app:ref:refs/heads/main'")
  expectNoLeak(run, [loginRequest().body.jwt as string])
})

test('jwt without id-token: write says so and how to fix it, before any request', async () => {
  const run = await runAction({ url: server.url, method: 'jwt', role: 'ci', secrets: SECRETS })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain("Input 'method' is 'jwt' without 'jwtPrivateKey'")
  expect(run.error).toContain("add 'permissions: id-token: write'")
  expect(server.requests).toEqual([])
})

test("jwt with jwtPrivateKey: an RS256 JWT with exactly vault-action's claims, exp = iat + jwtTtl", async () => {
  const github = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_ACTOR: 'octocat',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REF: 'refs/heads/main',
  }
  const before = Math.floor(Date.now() / 1000)
  const run = await runAction(
    {
      url: server.url,
      method: 'jwt',
      path: 'jwt-key',
      role: 'signed',
      jwtPrivateKey: KEY_B64,
      jwtTtl: '120',
      secrets: SECRETS,
    },
    { env: github },
  )
  expectVaultActionExports(run)
  const jwt = loginRequest().body.jwt as string
  expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' })
  const claims = verifyWith(createPublicKey(rsa.privateKey))(jwt)!
  expect(Object.keys(claims)).toEqual([
    'iss',
    'iat',
    'nbf',
    'exp',
    'event',
    'workflow',
    'sha',
    'actor',
    'repository',
    'ref',
  ])
  expect(claims).toMatchObject({
    iss: 'vault-action',
    event: 'push',
    workflow: 'ci',
    sha: 'a'.repeat(40),
    actor: 'octocat',
    repository: 'acme/app',
    ref: 'refs/heads/main',
  })
  expect(claims.iat).toBe(claims.nbf)
  expect(claims.exp).toBe((claims.iat as number) + 120)
  expect(claims.iat as number).toBeGreaterThanOrEqual(before)
  expect(oidc.requests).toEqual([])
  expect(run.masks).toContain(jwt)
})

test('kubernetes: the token file is sent as read (not trimmed) with the role', async () => {
  const run = await runAction({
    url: server.url,
    method: 'kubernetes',
    role: 'app',
    kubernetesTokenPath: join(dir, 'sa-token'),
    secrets: SECRETS,
  })
  expectVaultActionExports(run)
  expect(loginRequest()).toMatchObject({ path: '/v1/auth/kubernetes/login', body: { jwt: SA_TOKEN, role: 'app' } })
})

test.each([
  ['github', { githubToken: GITHUB_TOKEN }, '/v1/auth/github/login', { token: GITHUB_TOKEN }],
  ['userpass', { username: 'alice', password: PASSWORD }, '/v1/auth/userpass/login/alice', { password: PASSWORD }],
  [
    'ldap',
    { path: 'corp-ldap', username: 'bob', password: PASSWORD },
    '/v1/auth/corp-ldap/login/bob',
    { password: PASSWORD },
  ],
  [
    'oci',
    { path: 'custom', authPayload: '{"name": "web", "proof": "custom-proof-5678"}' },
    '/v1/auth/custom/login',
    { name: 'web', proof: 'custom-proof-5678' },
  ],
])('%s: the login vault-action sends, the same exports', async (method, extra, path, body) => {
  const run = await runAction({ url: server.url, method, ...extra, secrets: SECRETS })
  expectVaultActionExports(run)
  expect(loginRequest()).toMatchObject({ path, body })
  expectNoLeak(run, Object.values(body))
})

test('a refused login names method and mount with Vault`s text, revokes nothing, exports nothing, never echoes the secret_id', async () => {
  const run = await runAction({
    url: server.url,
    method: 'approle',
    roleId: ROLE_ID,
    secretId: 'wrong-secret-id-999',
    secrets: SECRETS,
  })
  expect(run.exitCode).not.toBe(0)
  expectOnlyErrorMessage(run)
  expect(run.error).toContain(
    "Vault login failed (method 'approle', mount 'auth/approle'): Vault returned 400 (invalid role or secret ID)",
  )
  expectNoLeak(run, ['wrong-secret-id-999'])
  expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v1/auth/approle/login 400'])
})

test('a failed read after a login revokes the login token at once; nothing exported', async () => {
  const run = await runMainWithState({
    url: server.url,
    method: 'userpass',
    username: 'alice',
    password: PASSWORD,
    secrets: 'secret/data/missing key',
  })
  expect(run.exitCode).not.toBe(0)
  expectOnlyErrorMessage(run)
  expect(run.state.size).toBe(0)
  expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'POST /v1/auth/userpass/login/alice 200',
    'GET /v1/secret/data/missing 404',
    'POST /v1/auth/token/revoke-self 204',
  ])
  expect(server.token(issued())!.revoked).toBe(true)
})

test.each([
  [{ method: 'approle' }, "Input 'roleId' is empty: 'method: approle' needs it"],
  [{ method: 'kubernetes' }, "Input 'role' is empty: 'method: kubernetes' needs it"],
  [{ method: 'userpass', username: 'alice' }, "Input 'password' is empty: 'method: userpass' needs it"],
  [
    { method: 'oci' },
    "Input 'method' is 'oci', which is not one of token, approle, github, jwt, kubernetes, ldap, userpass, cert, and no 'authPayload' is given",
  ],
  [{ method: 'oci', authPayload: '{"role": ' }, "Input 'authPayload' is not valid JSON"],
  [
    { method: 'jwt', jwtPrivateKey: 'bm90IGEga2V5' },
    "Input 'jwtPrivateKey' must be the base64 encoding of a PEM private key",
  ],
  [
    { method: 'approle', roleId: 'r', caCertificate: 'bm90IGEgY2VydA==' },
    "Input 'caCertificate' must be the base64 encoding of PEM certificates",
  ],
  [
    { method: 'approle', roleId: 'r', extraHeaders: 'no colon here' },
    "Input 'extraHeaders', line 1: expected 'Header-Name: value'",
  ],
  [
    { token: 'hvs.abc', access_token: 'hvs.def' },
    "Inputs 'access_token' and 'token' are two names for the same setting",
  ],
])('bad input %j: a clear error naming the input, before any request', async (extra, message) => {
  const run = await runAction({ url: server.url, secrets: SECRETS, ...extra } as Record<string, string>)
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain(message)
  expectOnlyErrorMessage(run)
  expect(server.requests).toEqual([])
})

test("jwt with GitHub OIDC: Vault's connection opens while the ID token is fetched, and carries the login", async () => {
  // Each server behind a proxy where a connection costs a round trip, as TCP's does.
  const vaultProxy = await startLatencyProxy(server.url, 20, { handshake: true })
  const oidcUrl = new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL)
  const oidcProxy = await startLatencyProxy(oidcUrl.origin, 20, { handshake: true })
  try {
    const run = await runAction(
      { url: vaultProxy.url, method: 'jwt', role: 'ci', jwtGithubAudience: AUDIENCE, secrets: SECRETS },
      {
        env: {
          ...oidc.env,
          ACTIONS_ID_TOKEN_REQUEST_URL: `${oidcProxy.url}${oidcUrl.pathname}${oidcUrl.search}`,
        },
      },
    )
    expect(run.error).toBeUndefined()
    expect(loginRequest().path).toBe('/v1/auth/jwt/login')
    expect(vaultProxy.connections).toHaveLength(1)
    expect(vaultProxy.connections[0]!.acceptedAt).toBeLessThan(oidcProxy.connections[0]!.firstDownAt!)
  } finally {
    await Promise.all([vaultProxy.close(), oidcProxy.close()])
  }
})

test('jwt with GitHub OIDC in a job without id-token permission: fails before any connection to Vault', async () => {
  const vaultProxy = await startLatencyProxy(server.url, 0)
  try {
    const run = await runAction({ url: vaultProxy.url, method: 'jwt', role: 'ci', secrets: SECRETS })
    expect(run.error).toMatch(/id-token: write/)
    expect(vaultProxy.connections).toHaveLength(0)
  } finally {
    await vaultProxy.close()
  }
})
