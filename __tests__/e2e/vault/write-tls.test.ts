// End to end: the write action honours Vault's TLS inputs exactly as the read path does
// (docs/protocols/vault.md#tls): caCertificate, clientCertificate + clientKey on every request to a
// listener that requires a client certificate (the login's and the revocation's included), method:
// cert, and tlsSkipVerify with its warning. Certificates are made here with openssl.
import { X509Certificate } from 'node:crypto'
import { runAction, WRITE_ENTRY } from '../../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../../test/harness/tls-ca.js'
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'

if (!haveOpenssl()) throw new Error('vault write tls e2e: the `openssl` command is required to create the test CA')

const b64 = (text: string): string => Buffer.from(text).toString('base64')

let ca: TestCa
let clientCa: TestCa
let client: { key: string; cert: string }
/** Requires a client certificate signed by clientCa on every connection. */
let mtls: VaultServer
/** Signed by a CA nobody is told about. */
let untrusted: VaultServer
let token: string

function seed(server: VaultServer): string {
  server.mountKv('secret', 2)
  server.setPolicy('writer', { 'secret/data/*': ['read', 'create', 'update'] })
  server.enableAuth('cert', { type: 'cert', roles: { ci: { certificate: clientCa.caPem, policies: ['writer'] } } })
  return server.createToken({ policies: ['writer'] })
}

beforeAll(async () => {
  ca = createTestCa('vault test CA')
  clientCa = createTestCa('vault client CA')
  client = clientCa.issue(['ci-runner'], { client: true })
  const serverCert = ca.issue(['127.0.0.1'])
  mtls = await startVaultServer({ tls: { ...serverCert, clientCa: clientCa.caPem, requireClientCert: true } })
  untrusted = await startVaultServer({ tls: serverCert })
  token = seed(mtls)
  seed(untrusted)
})

afterAll(async () => {
  await Promise.all([mtls.close(), untrusted.close()])
  for (const c of [ca, clientCa]) c.cleanup()
})

beforeEach(() => {
  mtls.resetLog()
  untrusted.resetLog()
})

const fingerprint = (): string => new X509Certificate(client.cert).fingerprint256
const clientInputs = (): Record<string, string> => ({ clientCertificate: b64(client.cert), clientKey: b64(client.key) })

test('a token over mTLS: every request presents the client certificate; the value written', async () => {
  const run = await runAction(
    { url: mtls.url, token, caCertificate: b64(ca.caPem), ...clientInputs(), secrets: 'V > secret/data/tls key' },
    { entry: WRITE_ENTRY, env: { V: 'written-over-mtls' } },
  )
  expect(run.error).toBeUndefined()
  expect(mtls.requests.length).toBeGreaterThan(2)
  for (const r of mtls.requests) expect(r.clientCert).toBe(fingerprint())
  expect(mtls.readSecretData('secret', 'tls')).toEqual({ data: { key: 'written-over-mtls' }, version: 1 })
  expect(run.masks).toEqual(expect.arrayContaining([client.key.split('\n')[1]!]))
})

test('method: cert logs in with the client certificate, writes, and revokes the token over mTLS', async () => {
  const run = await runAction(
    {
      url: mtls.url,
      method: 'cert',
      role: 'ci',
      caCertificate: b64(ca.caPem),
      ...clientInputs(),
      secrets: 'V > secret/data/cert key',
    },
    { entry: WRITE_ENTRY, env: { V: 'written-after-cert-login' } },
  )
  expect(run.error).toBeUndefined()
  expect(mtls.requests[0]).toMatchObject({ method: 'POST', path: '/v1/auth/cert/login' })
  expect(mtls.requests.at(-1)).toMatchObject({ path: '/v1/auth/token/revoke-self', status: 204 })
  expect(mtls.tokens().at(-1)!.revoked).toBe(true)
  expect(mtls.readSecretData('secret', 'cert')).toEqual({ data: { key: 'written-after-cert-login' }, version: 1 })
})

test('method: cert without clientCertificate: an error naming it before any request', async () => {
  const run = await runAction(
    { url: mtls.url, method: 'cert', secrets: 'V > secret/data/cert key' },
    { entry: WRITE_ENTRY, env: { V: 'x-value-1' } },
  )
  expect(run.error).toMatch(/^inject-secrets: Input 'clientCertificate' is empty: 'method: cert' needs it/)
  expect(mtls.requests).toEqual([])
})

test('tlsSkipVerify reaches a server whose CA is not given, with the warning; without it, refused', async () => {
  const refused = await runAction(
    { url: untrusted.url, token, secrets: 'V > secret/data/skip key' },
    { entry: WRITE_ENTRY, env: { V: 'x-value-1' } },
  )
  expect(refused.error).toContain('is not signed by a trusted certificate authority')
  const other = untrusted.createToken({ policies: ['writer'] })
  const run = await runAction(
    { url: untrusted.url, token: other, tlsSkipVerify: 'true', secrets: 'V > secret/data/skip key' },
    { entry: WRITE_ENTRY, env: { V: 'written-unverified' } },
  )
  expect(run.error).toBeUndefined()
  expect(run.stdout).toMatch(/^::warning::Input 'tlsSkipVerify' is true: Vault's TLS certificate is not verified/m)
  expect(untrusted.readSecretData('secret', 'skip')).toEqual({ data: { key: 'written-unverified' }, version: 1 })
})
