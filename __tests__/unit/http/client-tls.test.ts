// A wing's own TLS settings (a request's `tls`, which Vault's withTls adds: tlsSkipVerify,
// clientCertificate/clientKey) apply to the requests sent through the wrapped client only, directly
// and through a CONNECT proxy; the run's client keeps verifying the server and presents no
// certificate. Real HTTPS servers on
// 127.0.0.1 with certificates made by openssl (test/harness/tls-ca.ts).
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { createHttpClient, type HttpClient } from '../../../src/http/client.js'
import { withTls } from '../../../src/providers/vault/api.js'
import { createTestCa, haveOpenssl, type TestCa } from '../../../test/harness/tls-ca.js'
import { startConnectProxy, type ConnectProxy } from '../../../test/servers/connect-proxy.js'

if (!haveOpenssl()) throw new Error('client-tls: the `openssl` command is required to create the test CA')

let ca: TestCa
let clientCa: TestCa
let server: https.Server
let url: string
let proxy: ConnectProxy
let client: { key: string; cert: string }

beforeAll(async () => {
  ca = createTestCa('untrusted server CA')
  clientCa = createTestCa('client CA')
  client = clientCa.issue(['runner'], { client: true })
  server = https.createServer(
    { ...ca.issue(['127.0.0.1']), ca: clientCa.caPem, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerX509Certificate()
      res.end(peer ? `client ${peer.subject.replace(/\n/g, ',')}` : 'anonymous')
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/x`
  proxy = await startConnectProxy()
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await proxy.close()
  ca.cleanup()
  clientCa.cleanup()
})

const run = (): HttpClient => createHttpClient({ timeoutMs: 5000, deadlineMs: 10000, maxAttempts: 1 })

async function both(http: HttpClient): Promise<[string, string]> {
  const wing = withTls(http, { insecure: true, cert: client.cert, key: client.key })
  const direct = await wing.send({ method: 'GET', url })
  const plain = await http.send({ method: 'GET', url }).then(
    (r) => `answered ${r.status}`,
    (e: Error) => e.message,
  )
  return [`${direct.status} ${direct.text}`, plain]
}

test('direct: the wrapped client skips verification and presents its certificate; the run`s client does neither', async () => {
  const [wing, plain] = await both(run())
  expect(wing).toBe('200 client CN=runner')
  expect(plain).toContain('is not signed by a trusted certificate authority')
})

test('through a CONNECT proxy: the same, per request', async () => {
  const saved = process.env.HTTPS_PROXY
  process.env.HTTPS_PROXY = proxy.url
  try {
    const [wing, plain] = await both(run())
    expect(wing).toBe('200 client CN=runner')
    expect(plain).toContain('is not signed by a trusted certificate authority')
    expect(proxy.tunnels.length).toBeGreaterThan(0)
  } finally {
    if (saved === undefined) delete process.env.HTTPS_PROXY
    else process.env.HTTPS_PROXY = saved
  }
})

test('withTls(undefined) is the client itself', () => {
  const http = run()
  expect(withTls(http, undefined)).toBe(http)
})
