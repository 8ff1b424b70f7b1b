// End to end through dist/ (issue 14, item 12): a private CA in the runner's system trust store (a
// self-hosted runner with a corporate CA installed) is trusted, as Bitwarden's action (its SDK over
// OpenSSL) trusts it. The CA is reachable only through SSL_CERT_FILE (or SSL_CERT_DIR); SSL_CERT_DIR
// points at an empty directory so the machine's own store plays no part. Under a Node that cannot
// add the system's CAs (Node 20: no tls.setDefaultCACertificates) the documented behaviour holds:
// the certificate is not trusted, and the message says how to trust it.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startConnectProxy } from '../../test/servers/connect-proxy.js'
import { startVaultServer } from '../../test/servers/vault.js'
import { runAction, TEST_NODE } from '../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../test/harness/tls-ca.js'

if (!haveOpenssl()) throw new Error('system-ca-e2e: the `openssl` command is required to create the test CA')

/** Whether the node that runs dist/ can add the system's CAs to its default store (Node ≥ 24.5). */
const CAN_TRUST_SYSTEM =
  spawnSync(TEST_NODE, ['-p', "typeof require('node:tls').setDefaultCACertificates"], {
    encoding: 'utf8',
  }).stdout.trim() === 'function'

const VALUE = 'trusted-through-the-system-store'

let ca: TestCa
let server: BitwardenServer
let token: string
let mapping: string
let empty: string

beforeAll(async () => {
  ca = createTestCa('corporate root CA (system store only)')
  server = await startBitwardenServer({ tls: ca.issue(['127.0.0.1']) })
  const org = server.createOrganization()
  const project = server.createProject(org.id, 'p')
  const id = server.createSecret(org.id, { key: 'DB_PASSWORD', value: VALUE, projectIds: [project] })
  token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project] }))
  mapping = `${id} > DB_PASSWORD`
  empty = mkdtempSync(join(tmpdir(), 'inject-secrets-empty-certs-'))
})

afterAll(async () => {
  await server.close()
  ca.cleanup()
  rmSync(empty, { recursive: true, force: true })
})

const inputs = (): Record<string, string> => ({
  access_token: token,
  secrets: mapping,
  base_url: server.url,
  timeout: '20',
})

test('without the CA anywhere: not trusted (the test is not passing by accident)', async () => {
  const run = await runAction(inputs(), { env: { SSL_CERT_FILE: join(empty, 'none.pem'), SSL_CERT_DIR: empty } })
  expect(run.exitCode).toBe(1)
  expect(run.error).toContain('is not signed by a trusted certificate authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE)')
})

test(`a CA only in SSL_CERT_FILE: ${CAN_TRUST_SYSTEM ? 'trusted (Node 24)' : 'not trusted under this Node (documented)'}`, async () => {
  const run = await runAction(inputs(), { env: { SSL_CERT_FILE: ca.caFile, SSL_CERT_DIR: empty } })
  if (CAN_TRUST_SYSTEM) {
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    expect(run.env.get('DB_PASSWORD')).toBe(VALUE)
  } else {
    expect(run.exitCode).toBe(1)
    expect(run.error).toContain('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)')
    expect(run.error).toContain("'ca_certificate' input, or point NODE_EXTRA_CA_CERTS at a file holding it")
  }
})

test(`a CA only in SSL_CERT_DIR: ${CAN_TRUST_SYSTEM ? 'trusted (Node 24)' : 'not trusted under this Node'}`, async () => {
  const dir = join(empty, 'dir')
  mkdirSync(dir, { recursive: true })
  spawnSync('cp', [ca.caFile, join(dir, 'corp-root.pem')])
  const run = await runAction(inputs(), { env: { SSL_CERT_FILE: join(empty, 'none.pem'), SSL_CERT_DIR: dir } })
  expect(run.exitCode).toBe(CAN_TRUST_SYSTEM ? 0 : 1)
  if (CAN_TRUST_SYSTEM) expect(run.env.get('DB_PASSWORD')).toBe(VALUE)
})

test('with ca_certificate given for another CA, the system store is still trusted', async () => {
  const other = createTestCa('some other CA')
  try {
    const run = await runAction(
      { ...inputs(), ca_certificate: other.caPem },
      { env: { SSL_CERT_FILE: ca.caFile, SSL_CERT_DIR: empty } },
    )
    expect(run.exitCode).toBe(CAN_TRUST_SYSTEM ? 0 : 1)
  } finally {
    other.cleanup()
  }
})

test('the system store is never read for a plain-http run; it is when an https server is not trusted without it', async () => {
  // Node says on stderr when it cannot open SSL_CERT_DIR: the sign that the store was read.
  const missing = join(empty, 'missing-dir')
  const plain = await startBitwardenServer()
  try {
    const org = plain.createOrganization()
    const project = plain.createProject(org.id, 'p')
    const id = plain.createSecret(org.id, { key: 'X', value: 'plain-http-value', projectIds: [project] })
    const plainToken = plain.createAccessToken(plain.createMachineAccount(org.id, { projects: [project] }))
    const http = await runAction(
      { access_token: plainToken, secrets: `${id} > X`, base_url: plain.url },
      { env: { SSL_CERT_DIR: missing } },
    )
    expect(http.exitCode).toBe(0)
    expect(http.stderr).not.toContain(missing)
    const https = await runAction(inputs(), { env: { SSL_CERT_FILE: ca.caFile, SSL_CERT_DIR: missing } })
    expect(https.exitCode).toBe(CAN_TRUST_SYSTEM ? 0 : 1)
    if (CAN_TRUST_SYSTEM) expect(https.stderr).toContain(missing)
  } finally {
    await plain.close()
  }
})

test('a trusted https server never costs a read of the system store', async () => {
  const missing = join(empty, 'missing-dir')
  const run = await runAction(inputs(), { env: { NODE_EXTRA_CA_CERTS: ca.caFile, SSL_CERT_DIR: missing } })
  expect(run.exitCode).toBe(0)
  expect(run.stderr).not.toContain(missing)
})

test('through an HTTPS_PROXY CONNECT tunnel: the system store is trusted too', async () => {
  const proxy = await startConnectProxy()
  try {
    const run = await runAction(inputs(), {
      env: { HTTPS_PROXY: proxy.url, SSL_CERT_FILE: ca.caFile, SSL_CERT_DIR: empty },
    })
    expect(run.exitCode).toBe(CAN_TRUST_SYSTEM ? 0 : 1)
    if (CAN_TRUST_SYSTEM) expect(run.env.get('DB_PASSWORD')).toBe(VALUE)
  } finally {
    await proxy.close()
  }
})

test('Vault reads in parallel, all refused at first: every one is tried again once', async () => {
  const vault = await startVaultServer({ tls: ca.issue(['127.0.0.1']) })
  try {
    vault.mountKv('secret', 2)
    for (const n of [1, 2, 3, 4]) vault.writeSecret('secret', `app${n}`, { v: `vault-value-${n}` })
    vault.setPolicy('ci', { 'secret/data/*': ['read'] })
    const secrets = [1, 2, 3, 4].map((n) => `secret/data/app${n} v | V${n}`).join('\n')
    const run = await runAction(
      { access_token: vault.createToken({ policies: ['ci'] }), secrets, base_url: vault.url, timeout: '20' },
      { env: { SSL_CERT_FILE: ca.caFile, SSL_CERT_DIR: empty } },
    )
    expect(run.exitCode).toBe(CAN_TRUST_SYSTEM ? 0 : 1)
    if (CAN_TRUST_SYSTEM) expect([...run.env.keys()].sort()).toEqual(['V1', 'V2', 'V3', 'V4'])
    // The first handshakes fail before any request is written: each read reaches Vault once.
    if (CAN_TRUST_SYSTEM) expect(vault.requests.filter((r) => r.path.startsWith('/v1/secret/data/'))).toHaveLength(4)
  } finally {
    await vault.close()
  }
})
