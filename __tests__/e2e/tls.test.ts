// End to end: `node dist/index.js` against the Bitwarden test server over HTTPS, with a certificate
// signed by a CA made here (openssl). Direct connections: Node's own https (src/transport.ts).
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../test/harness/tls-ca.js'

if (!haveOpenssl()) {
  // Loud, not silent: these tests need the openssl command to make the test CA.
  throw new Error('tls-e2e: the `openssl` command is required to create the test CA and certificates')
}

let ca: TestCa
let otherCa: TestCa
let server: BitwardenServer
let wrongName: BitwardenServer
let byOtherCa: BitwardenServer
let token: string
let secrets: string
let tokenOther: string
let secretsOther: string

const VALUE = 'behind-a-private-ca ✓'

function seed(s: BitwardenServer): { token: string; secrets: string } {
  const org = s.createOrganization()
  const project = s.createProject(org.id, 'p')
  const id = s.createSecret(org.id, { key: 'DB_PASSWORD', value: VALUE, projectIds: [project] })
  return {
    token: s.createAccessToken(s.createMachineAccount(org.id, { projects: [project] })),
    secrets: `${id} > DB_PASSWORD`,
  }
}

beforeAll(async () => {
  ca = createTestCa('inject-secrets test CA')
  otherCa = createTestCa('another private CA')
  server = await startBitwardenServer({ tls: ca.issue(['127.0.0.1', 'localhost']) })
  wrongName = await startBitwardenServer({ tls: ca.issue(['secrets.example.invalid']) })
  byOtherCa = await startBitwardenServer({ tls: otherCa.issue(['127.0.0.1']) })
  ;({ token, secrets } = seed(server))
  ;({ token: tokenOther, secrets: secretsOther } = seed(byOtherCa))
})

afterAll(async () => {
  await Promise.all([server.close(), wrongName.close(), byOtherCa.close()])
  ca.cleanup()
  otherCa.cleanup()
})

beforeEach(() => server.resetLog())

function inputs(extra: Record<string, string> = {}, target = server): Record<string, string> {
  return {
    access_token: target === byOtherCa ? tokenOther : token,
    secrets: target === byOtherCa ? secretsOther : secrets,
    base_url: target.url,
    set_env: 'true',
    timeout: '20',
    ...extra,
  }
}

function expectExported(run: ActionRun): void {
  expect(run.error).toBeUndefined()
  expect(run.exitCode).toBe(0)
  expect(run.env.get('DB_PASSWORD')).toBe(VALUE)
}

test('the test server really speaks TLS on an https:// URL', () => {
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
})

test('without the CA: fails before any request with a TLS message naming the host and ca_certificate, not retried', async () => {
  const run = await runAction(inputs(), { env: { RUNNER_DEBUG: '1' } })
  expect(run.exitCode).toBe(1)
  const host = new URL(server.url).host
  expect(run.error).toContain(
    `the TLS certificate of ${host} is not signed by a trusted certificate authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE)`,
  )
  expect(run.error).toContain("'ca_certificate' input")
  expect(run.error).toContain('NODE_EXTRA_CA_CERTS')
  expect(run.error).toMatch(/^inject-secrets: POST \/identity\/connect\/token: /)
  expect(run.stdout).not.toMatch(/retrying/)
  expect(run.env.size).toBe(0)
  expect(run.outputs.size).toBe(0)
  expect(server.requests).toHaveLength(0)
})

test('with ca_certificate: the secret is fetched and exported', async () => {
  const run = await runAction(inputs({ ca_certificate: ca.caPem }))
  expectExported(run)
  expect(server.requests.map((r) => r.path)).toEqual(['/identity/connect/token', '/api/secrets/get-by-ids'])
})

test('with ca_certificate holding several certificates (a bundle), any of them may sign', async () => {
  const run = await runAction(inputs({ ca_certificate: `${otherCa.caPem}\n# ours:\n${ca.caPem}` }))
  expectExported(run)
})

test('with NODE_EXTRA_CA_CERTS: the secret is fetched and exported', async () => {
  const run = await runAction(inputs(), { env: { NODE_EXTRA_CA_CERTS: ca.caFile } })
  expectExported(run)
})

test('ca_certificate adds to the trust store: NODE_EXTRA_CA_CERTS still counts alongside it', async () => {
  // The server is signed by otherCa, known only through NODE_EXTRA_CA_CERTS; ca_certificate names ca.
  const run = await runAction(inputs({ ca_certificate: ca.caPem }, byOtherCa), {
    env: { NODE_EXTRA_CA_CERTS: otherCa.caFile },
  })
  expectExported(run)
})

test('ca_certificate of another CA does not make an unrelated certificate trusted', async () => {
  const run = await runAction(inputs({ ca_certificate: ca.caPem }, byOtherCa))
  expect(run.exitCode).toBe(1)
  expect(run.error).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  expect(run.env.size).toBe(0)
})

test('a certificate for another host name is refused even with the right CA, naming the host', async () => {
  const run = await runAction(inputs({ ca_certificate: ca.caPem }, wrongName))
  expect(run.exitCode).toBe(1)
  expect(run.error).toContain(
    `the TLS certificate of ${new URL(wrongName.url).host} is not issued for that host name (ERR_TLS_CERT_ALTNAME_INVALID)`,
  )
  expect(run.error).toContain('ca_certificate')
  expect(run.env.size).toBe(0)
})

test.each([
  ['not PEM at all', 'hello'],
  [
    'a private key',
    '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----',
  ],
  ['a truncated certificate', () => ca.caPem.slice(0, 120)],
  [
    'a certificate followed by a key',
    () => `${ca.caPem}-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n`,
  ],
])('ca_certificate that is %s: an input error naming ca_certificate, no request', async (_what, value) => {
  const run = await runAction(inputs({ ca_certificate: typeof value === 'function' ? value() : value }))
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(/^inject-secrets: Input 'ca_certificate' must be one or more PEM certificates/)
  expect(server.requests).toHaveLength(0)
  expect(run.env.size).toBe(0)
})
