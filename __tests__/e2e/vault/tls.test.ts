// End to end: vault-action's TLS inputs through dist/ against the Vault test server over HTTPS
// (docs/protocols/vault.md#tls). A CA, a server certificate and TLS client certificates are made
// here with openssl (test/harness/tls-ca.ts). vault-action's own e2e-tls block (caCertificate,
// clientCertificate, clientKey, all base64) against a listener that requires a client certificate;
// tlsSkipVerify against a server nobody trusts, the post step's revocation included; the cert login.
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../../test/harness/run-post.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../../test/harness/tls-ca.js'
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'
import { X509Certificate } from 'node:crypto'

if (!haveOpenssl()) throw new Error('vault tls e2e: the `openssl` command is required to create the test CA')

const SECRETS = 'secret/data/ci npmToken | NPM_TOKEN ;\nsecret/data/ci dbPassword'
const b64 = (text: string): string => Buffer.from(text).toString('base64')

let ca: TestCa
let clientCa: TestCa
let strangerCa: TestCa
let client: { key: string; cert: string }
let stranger: { key: string; cert: string }
/** Requires a client certificate signed by clientCa on every connection. */
let mtls: VaultServer
/** Asks for a client certificate but does not require one (the cert login checks it). */
let asks: VaultServer
let token: string
let tokenAsks: string

function seed(server: VaultServer): string {
  server.mountKv('secret', 2)
  server.writeSecret('secret', 'ci', { npmToken: 'npm_secret_value_1', dbPassword: 'db-pass-value-2' })
  server.setPolicy('ci', { 'secret/data/*': ['read'] })
  server.enableAuth('cert', { type: 'cert', roles: { ci: { certificate: clientCa.caPem, policies: ['ci'] } } })
  server.enableAuth('approle', {
    type: 'approle',
    roles: [{ roleId: 'role-id-1', secretIds: ['secret-id-1'], policies: ['ci'] }],
  })
  return server.createToken({ policies: ['ci'] })
}

beforeAll(async () => {
  ca = createTestCa('vault test CA')
  clientCa = createTestCa('vault client CA')
  strangerCa = createTestCa('some other CA')
  client = clientCa.issue(['ci-runner'], { client: true })
  stranger = strangerCa.issue(['intruder'], { client: true })
  const serverCert = ca.issue(['127.0.0.1'])
  mtls = await startVaultServer({ tls: { ...serverCert, clientCa: clientCa.caPem, requireClientCert: true } })
  asks = await startVaultServer({ tls: { ...serverCert, clientCa: clientCa.caPem } })
  token = seed(mtls)
  tokenAsks = seed(asks)
})

afterAll(async () => {
  await Promise.all([mtls.close(), asks.close()])
  for (const c of [ca, clientCa, strangerCa]) c.cleanup()
})

beforeEach(() => {
  mtls.resetLog()
  asks.resetLog()
})

function expectVaultActionExports(run: ActionRun): void {
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  expect(Object.fromEntries(run.env)).toEqual({ NPM_TOKEN: 'npm_secret_value_1', DBPASSWORD: 'db-pass-value-2' })
  expect(Object.fromEntries(run.outputs)).toEqual({ NPM_TOKEN: 'npm_secret_value_1', dbPassword: 'db-pass-value-2' })
}

const fingerprint = (): string => new X509Certificate(client.cert).fingerprint256
const clientInputs = (): Record<string, string> => ({ clientCertificate: b64(client.cert), clientKey: b64(client.key) })

test('vault-action`s e2e-tls block (caCertificate, clientCertificate, clientKey) against a listener requiring mTLS', async () => {
  const run = await runAction({
    url: mtls.url,
    token,
    caCertificate: b64(ca.caPem),
    ...clientInputs(),
    secrets: SECRETS,
  })
  expectVaultActionExports(run)
  expect(mtls.requests.map((r) => [r.path, r.clientCert])).toEqual([['/v1/secret/data/ci', fingerprint()]])
  // The decoded private key is a secret too (its lines are masked).
  expect(run.masks).toEqual(expect.arrayContaining([client.key.split('\n')[1]!]))
})

test('without the client certificate the listener refuses the handshake: one clear error naming the inputs, nothing exported', async () => {
  const run = await runAction({ url: mtls.url, token, caCertificate: b64(ca.caPem), secrets: SECRETS })
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.error).toMatch(
    /^inject-secrets: GET \/v1\/secret\/data\/ci: 127\.0\.0\.1:\d+ refused the TLS handshake \(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED\): .*'clientCertificate' and 'clientKey'/,
  )
})

test('tlsSkipVerify: true reaches a server whose CA is not given, warns naming the input; the post step revokes over it too', async () => {
  const inputs = {
    url: asks.url,
    method: 'approle',
    roleId: 'role-id-1',
    secretId: 'secret-id-1',
    tlsSkipVerify: 'true',
    secrets: SECRETS,
  }
  const run = await runMainWithState(inputs)
  expectVaultActionExports(run)
  expect(run.stdout).toMatch(/^::warning::Input 'tlsSkipVerify' is true: Vault's TLS certificate is not verified/m)
  const issued = asks.tokens().at(-1)!
  expect(issued.revoked).toBe(false)
  const post = await runPost(inputs, run.state)
  expect(post.exitCode).toBe(0)
  expect(post.warnings).toEqual([])
  expect(asks.requests.at(-1)!.path).toBe('/v1/auth/token/revoke-self')
  expect(issued.revoked).toBe(true)
})

test('without tlsSkipVerify (and no CA) the same server is refused as untrusted', async () => {
  const run = await runAction({ url: asks.url, token: tokenAsks, secrets: SECRETS })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain('is not signed by a trusted certificate authority')
  expect(asks.requests).toEqual([])
})

test('method: cert logs in with the client certificate ({name: role}), reads, and the post step revokes over mTLS', async () => {
  const inputs = { url: mtls.url, method: 'cert', role: 'ci', caCertificate: b64(ca.caPem), ...clientInputs() }
  const run = await runMainWithState({ ...inputs, secrets: SECRETS })
  expectVaultActionExports(run)
  const login = mtls.requests[0]!
  expect([login.method, login.path, JSON.parse(login.body), login.clientCert]).toEqual([
    'POST',
    '/v1/auth/cert/login',
    { name: 'ci' },
    fingerprint(),
  ])
  const issued = mtls.tokens().at(-1)!
  expect(mtls.requests[1]!.headers['x-vault-token']).toBe(issued.id)
  const post = await runPost({ ...inputs, secrets: SECRETS }, run.state)
  expect(post.warnings).toEqual([])
  expect(mtls.requests.at(-1)).toMatchObject({ path: '/v1/auth/token/revoke-self', status: 204 })
  expect(issued.revoked).toBe(true)
})

test('method: cert as vault-action takes it (authPayload) sends that payload; no role sends {}', async () => {
  const viaPayload = await runAction({
    url: mtls.url,
    method: 'cert',
    authPayload: '{"name": "ci"}',
    caCertificate: b64(ca.caPem),
    ...clientInputs(),
    secrets: SECRETS,
  })
  expectVaultActionExports(viaPayload)
  expect(JSON.parse(mtls.requests[0]!.body)).toEqual({ name: 'ci' })
  mtls.resetLog()
  const noRole = await runAction({ url: mtls.url, method: 'cert', caCertificate: b64(ca.caPem), ...clientInputs() })
  expect(noRole.error).toBeUndefined()
  expect(JSON.parse(mtls.requests[0]!.body)).toEqual({})
})

test('method: cert with a certificate Vault does not trust: the login error names method, mount and role with Vault`s text', async () => {
  const run = await runAction({
    url: asks.url,
    method: 'cert',
    role: 'ci',
    tlsSkipVerify: 'true',
    clientCertificate: b64(stranger.cert),
    clientKey: b64(stranger.key),
    secrets: SECRETS,
  })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain(
    "Vault login failed (method 'cert', mount 'auth/cert', role 'ci'): Vault returned 400 (invalid certificate or no client certificate supplied)",
  )
  expect(Object.fromEntries(run.outputs)).toEqual({ errorMessage: run.error })
})

test.each([
  [() => ({ clientCertificate: b64(client.cert) }), "Input 'clientKey' is empty, but 'clientCertificate' is given"],
  [() => ({ clientKey: b64(client.key) }), "Input 'clientCertificate' is empty, but 'clientKey' is given"],
  [
    () => ({ clientCertificate: b64('not a certificate'), clientKey: b64(client.key) }),
    "Input 'clientCertificate' must be the base64 encoding of a PEM certificate",
  ],
  [
    () => ({ clientCertificate: client.cert, clientKey: b64(client.key) }),
    "Input 'clientCertificate' must be the base64 encoding of a PEM certificate",
  ],
  [
    () => ({ clientCertificate: b64(client.cert), clientKey: b64(client.cert) }),
    "Input 'clientKey' must be the base64 encoding of a PEM private key",
  ],
  [
    () => ({ clientCertificate: b64(client.cert), clientKey: b64(stranger.key) }),
    "Input 'clientKey' is not the private key of the (first) certificate in 'clientCertificate'",
  ],
  [() => ({ method: 'cert', role: 'ci' }), "Input 'clientCertificate' is empty: 'method: cert' needs it"],
  [() => ({ tlsSkipVerify: 'yes' }), "Input 'tlsSkipVerify' must be 'true' or 'false', got 'yes'"],
])('bad TLS input %#: a clear error naming the input, before any request', async (extra, message) => {
  const run = await runAction({ url: mtls.url, token, secrets: SECRETS, ...extra() })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain(message)
  expect(run.envFile).toBe('')
  expect(mtls.requests).toEqual([])
  // Never the key, whatever went wrong.
  expect(run.stdout + run.stderr).not.toContain(client.key.split('\n')[1]!)
})
