// End to end: vault-action's `pki` input through dist/ against the Vault test server's PKI engine,
// which issues real certificates signed by a CA made here with openssl (docs/protocols/vault.md#pki).
// vault-action v3.4.0's README block unchanged: the same names (env upper-cased, outputs as
// normalised), the values Vault answered, every one masked; one POST per entry with its JSON.
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { runAction, type ActionRun } from '../../../test/harness/run-action.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../../test/harness/tls-ca.js'
import { startVaultServer, type VaultServer } from '../../../test/servers/vault.js'

if (!haveOpenssl()) throw new Error('vault pki e2e: the `openssl` command is required to create the test CA')

let server: VaultServer
let ca: TestCa
let token: string

beforeAll(async () => {
  ca = createTestCa('Vault PKI test CA')
  server = await startVaultServer()
  server.mountPki('pki', {
    ca,
    roles: { rolename: {}, otherrole: {}, 'web-server': { allowedDomains: ['example.com'] } },
  })
  server.mountKv('secret', 2)
  server.setPolicy('issuer', { 'pki/issue/*': ['update'] })
  token = server.createToken({ policies: ['issuer'] })
})

afterAll(async () => {
  await server.close()
  ca.cleanup()
})

beforeEach(() => server.resetLog())

/** The certificate is Vault's (signed by the CA, for the common name) and the key is its own. */
function expectIssued(run: ActionRun, env: string, output: string, cn: string): void {
  const cert = run.env.get(`${env}_CERT`)!
  const x509 = new X509Certificate(cert)
  expect(x509.subject).toBe(`CN=${cn}`)
  expect(x509.verify(new X509Certificate(ca.caPem).publicKey)).toBe(true)
  expect(x509.checkPrivateKey(createPrivateKey(run.env.get(`${env}_KEY`)!))).toBe(true)
  expect(run.env.get(`${env}_CA`)).toBe(ca.caPem.trim())
  expect(run.env.get(`${env}_CA_CHAIN`)).toBe(ca.caPem.trim())
  for (const suffix of ['cert', 'key', 'ca', 'ca_chain'])
    expect(run.outputs.get(`${output}_${suffix}`)).toBe(run.env.get(`${env}_${suffix.toUpperCase()}`))
  // Every value masked (line by line: the runner matches masks per line).
  for (const line of run.env.get(`${env}_KEY`)!.split('\n').slice(1, -1)) expect(run.masks).toContain(line)
  for (const line of cert.split('\n').slice(1, -1)) expect(run.masks).toContain(line)
}

test('vault-action`s README block: ROLENAME_CERT/_KEY/_CA/_CA_CHAIN and OTHERROLE_…, outputs in their case', async () => {
  const run = await runAction({
    url: server.url,
    token,
    pki: 'pki/issue/rolename {"common_name": "role.mydomain.com", "ttl": "1h"} ;\npki/issue/otherrole {"common_name": "otherrole.mydomain.com", "ttl": "1h"} ;\n',
  })
  expect(run.error).toBeUndefined()
  expect([...run.env.keys()].sort()).toEqual(
    ['ROLENAME', 'OTHERROLE'].flatMap((r) => ['CA', 'CA_CHAIN', 'CERT', 'KEY'].map((s) => `${r}_${s}`)).sort(),
  )
  expectIssued(run, 'ROLENAME', 'rolename', 'role.mydomain.com')
  expectIssued(run, 'OTHERROLE', 'otherrole', 'otherrole.mydomain.com')
  expect(server.requests.map((r) => [r.method, r.path, JSON.parse(r.body), r.headers['x-vault-token']])).toEqual([
    ['POST', '/v1/pki/issue/rolename', { common_name: 'role.mydomain.com', ttl: '1h' }, token],
    ['POST', '/v1/pki/issue/otherrole', { common_name: 'otherrole.mydomain.com', ttl: '1h' }, token],
  ])
})

test('names are vault-action`s normalisation of the last segment: web-server → WEBSERVER_CERT, webserver_cert', async () => {
  const run = await runAction({ url: server.url, token, pki: 'pki/issue/web-server {"common_name": "ci.example.com"}' })
  expect(run.error).toBeUndefined()
  expectIssued(run, 'WEBSERVER', 'webserver', 'ci.example.com')
})

test('Vault refusing the request names the entry, with Vault`s text; nothing exported', async () => {
  const run = await runAction({
    url: server.url,
    token,
    pki: 'pki/issue/rolename {"common_name": "a.example.com"};\npki/issue/web-server {"common_name": "evil.example.org"}',
  })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain(
    `Input 'pki', line 2 ("pki/issue/web-server"): Vault returned 400 (common name evil.example.org not allowed by this role)`,
  )
  expect(run.envFile).toBe('')
  expect(Object.fromEntries(run.outputs)).toEqual({ errorMessage: run.error })
})

test.each([
  [{ secrets: 'secret/data/ci key' }, "Inputs 'secrets' and 'pki' cannot both be given"],
  [{ pki: 'pki/issue/rolename' }, "Input 'pki', line 1: You must provide a valid path and parameters"],
  [
    { pki: 'pki/issue/a {"common_name": "x"};\n pki/issue/b {common_name: x}' },
    "Input 'pki', line 2: the parameters after",
  ],
  [{ pki: 'pki/issue/a ["x"]' }, 'Input \'pki\', line 1: the parameters after "pki/issue/a" must be a JSON object'],
])('bad pki input %j: a clear error naming the input and line, before any request', async (extra, message) => {
  const run = await runAction({ url: server.url, token, pki: 'pki/issue/rolename {"common_name": "a"}', ...extra })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toContain(message)
  expect(server.requests).toEqual([])
})
