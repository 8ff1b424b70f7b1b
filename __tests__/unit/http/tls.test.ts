// Unit tests of src/tls.ts: PEM validation of `ca_certificate`, the trust store it builds, and the
// messages for certificate failures. Property tests for the PEM parser (it reads workflow text).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'
import fc from 'fast-check'
import { ServerError } from '../../../src/errors.js'
import {
  certificateError,
  certificateErrorCode,
  parsePemCertificates,
  retryWithSystemStore,
  trustStore,
} from '../../../src/http/tls.js'
import { proxyConfigured } from '../../../src/http/client.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

function pem(der: Uint8Array, lineLength = 64, eol = '\n'): string {
  const b64 = Buffer.from(der).toString('base64')
  const lines = b64.match(new RegExp(`.{1,${lineLength}}`, 'g')) ?? []
  return `-----BEGIN CERTIFICATE-----${eol}${lines.join(eol)}${eol}-----END CERTIFICATE-----${eol}`
}

const ROOT = rootCertificates[0]!
/** A block's base64 body, whatever its line width. */
const body = (block: string): string => block.replace(/-----[^-]+-----|\s/g, '')

describe('parsePemCertificates', () => {
  test('a real certificate (one of Node’s roots) parses to itself', () => {
    expect(parsePemCertificates(ROOT)?.map(body)).toEqual([body(ROOT)])
  })

  test('a bundle with comments, blank lines, CRLF and 76-column lines keeps every certificate in order', () => {
    const a = rootCertificates[1]!
    const b = rootCertificates[2]!
    const text = `# Corp root\n${a}\n\nsubject=CN = issuing\n${b.replace(/\n/g, '\r\n')}\n`
    expect(parsePemCertificates(text)?.map(body)).toEqual([body(a), body(b)])
    const wide = pem(Buffer.from(body(ROOT), 'base64'), 76)
    expect(parsePemCertificates(wide)?.map(body)).toEqual([body(ROOT)])
  })

  test.each([
    ['empty', ''],
    ['plain text', 'my certificate'],
    [
      'a private key',
      '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n',
    ],
    ['a certificate then a key', `${ROOT}\n-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n`],
    ['a BEGIN without END', ROOT.replace('-----END CERTIFICATE-----', '')],
    ['a body that is not base64', '-----BEGIN CERTIFICATE-----\n' + '*'.repeat(80) + '\n-----END CERTIFICATE-----'],
    ['a body too short to be a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
    ['a body with a bad length', '-----BEGIN CERTIFICATE-----\n' + 'A'.repeat(81) + '\n-----END CERTIFICATE-----'],
    [
      'a second certificate that is broken',
      `${ROOT}-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n`,
    ],
  ])('refuses %s', (_what, text) => {
    expect(parsePemCertificates(text)).toBeUndefined()
  })

  test('property: any DER bytes (≥ 48) PEM-encoded parse back to one block with the same bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 48, maxLength: 600 }),
        fc.constantFrom(64, 76),
        fc.constantFrom('\n', '\r\n'),
        (der, width, eol) => {
          const blocks = parsePemCertificates(pem(der, width, eol))
          expect(blocks).toHaveLength(1)
          expect(Buffer.from(blocks![0]!.replace(/-----[^-]+-----|\s/g, ''), 'base64')).toEqual(Buffer.from(der))
        },
      ),
      { numRuns: RUNS },
    )
  })

  test('property: never throws on arbitrary text; what it accepts is only certificate blocks and re-parses to itself', () => {
    const pemish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .tuple(
          fc.string({ maxLength: 20 }),
          fc.uint8Array({ minLength: 0, maxLength: 200 }),
          fc.string({ maxLength: 20 }),
        )
        .map(([pre, der, post]) => `${pre}${pem(der)}${post}`),
      fc
        .tuple(fc.uint8Array({ minLength: 48, maxLength: 100 }), fc.integer({ min: 0, max: 150 }))
        .map(([der, cut]) => pem(der).slice(0, cut)),
    )
    fc.assert(
      fc.property(pemish, (text) => {
        const blocks = parsePemCertificates(text)
        if (blocks === undefined) return
        expect(blocks.length).toBeGreaterThan(0)
        for (const b of blocks)
          expect(b).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/)
        expect(parsePemCertificates(blocks.join('\n'))).toEqual(blocks)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('trustStore', () => {
  const saved = process.env.NODE_EXTRA_CA_CERTS
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS
    else process.env.NODE_EXTRA_CA_CERTS = saved
  })

  test('adds the given certificates to Node’s bundled roots, never replacing them', async () => {
    delete process.env.NODE_EXTRA_CA_CERTS
    const extra = pem(new Uint8Array(300).fill(7))
    const store = await trustStore(extra)
    expect(store.slice(-1)).toEqual([extra.trim()])
    for (const root of rootCertificates) expect(store).toContain(root)
  })

  test('keeps NODE_EXTRA_CA_CERTS in the store (giving `ca` would otherwise drop it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-test-'))
    try {
      const fromFile = pem(new Uint8Array(200).fill(9))
      writeFileSync(join(dir, 'extra.pem'), fromFile)
      process.env.NODE_EXTRA_CA_CERTS = join(dir, 'extra.pem')
      const given = pem(new Uint8Array(200).fill(3))
      const store = await trustStore(given)
      // Node < 22.15 reads the file here; newer Node reports it through tls.getCACertificates('default'),
      // which only knows the file if it was set when the process started: check the fallback's result.
      const { getCACertificates } = (await import('node:tls')) as { getCACertificates?: unknown }
      if (getCACertificates === undefined) expect(store).toContain(fromFile.trim())
      expect(store).toContain(given.trim())
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('retryWithSystemStore', () => {
  // What the system store cannot fix is never retried: the server's own certificate is wrong, or
  // the error is not about trust at all. (The store itself is read in the e2e tests, under Node 24.)
  test.each([['CERT_HAS_EXPIRED'], ['CERT_NOT_YET_VALID'], ['ERR_TLS_CERT_ALTNAME_INVALID'], ['ECONNRESET']])(
    '%s: no retry',
    (code) => {
      const err = new Error('request failed', { cause: Object.assign(new Error('x'), { code }) })
      expect(retryWithSystemStore(err)).toBe(false)
    },
  )
  test('no code at all: no retry', () => {
    expect(retryWithSystemStore(new Error('boom'))).toBe(false)
    expect(retryWithSystemStore(undefined)).toBe(false)
  })
})

describe('certificateError', () => {
  const url = new URL('https://vault.corp.example:8200/v1/secret/data/app?version=2')

  test.each([
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'the TLS certificate of vault.corp.example:8200 is not signed by a trusted certificate authority',
    ],
    [
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'the TLS certificate of vault.corp.example:8200 is not signed by a trusted certificate authority',
    ],
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'the TLS certificate of vault.corp.example:8200 is not signed by a trusted certificate authority',
    ],
    [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'vault.corp.example:8200 presents a self-signed TLS certificate, which is not trusted',
    ],
    ['CERT_HAS_EXPIRED', 'the TLS certificate of vault.corp.example:8200 has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'the TLS certificate of vault.corp.example:8200 is not issued for that host name'],
  ])('%s: names the host, the code and the ca_certificate input; no query string', (code, what) => {
    const err = certificateError(Object.assign(new Error('boom'), { code }), url, 'GET /v1/secret/data/app')
    expect(err).toBeInstanceOf(ServerError)
    expect(err!.message).toContain(`GET /v1/secret/data/app: ${what} (${code}).`)
    expect(err!.message).toContain("'ca_certificate' input")
    expect(err!.message).not.toContain('version=2')
    expect(err!.status).toBeUndefined()
  })

  test('finds the code in a cause chain (undici wraps tunnel TLS errors)', () => {
    const inner = Object.assign(new Error('x'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' })
    const outer = Object.assign(new Error('y', { cause: inner }), { code: 'UND_ERR_PRX_TLS' })
    expect(certificateErrorCode(outer)).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
  })

  test.each([['ECONNRESET'], ['ETIMEDOUT'], ['EPROTO'], [undefined]])('%s is not a certificate error', (code) => {
    expect(certificateError(Object.assign(new Error('x'), { code }), url, 'GET /')).toBeUndefined()
  })
})

describe('proxyConfigured (whether the undici path is loaded at all)', () => {
  const http = new URL('http://127.0.0.1:8080/x')
  const https = new URL('https://example.com/x')
  test.each([
    [{}, false, false],
    [{ HTTP_PROXY: '' }, false, false],
    [{ HTTP_PROXY: 'http://p:3128' }, true, true],
    [{ http_proxy: 'http://p:3128' }, true, true],
    [{ HTTPS_PROXY: 'http://p:3128' }, false, true],
    [{ https_proxy: 'http://p:3128' }, false, true],
    [{ NO_PROXY: '*' }, false, false],
    // Blank is unset, as the proxy transport reads the variables (http/proxy-env.ts).
    [{ HTTPS_PROXY: '   ' }, false, false],
    [{ http_proxy: ' ', HTTP_PROXY: 'http://p:3128' }, true, true],
  ])('%j → http %s, https %s', (env, forHttp, forHttps) => {
    expect(proxyConfigured(http, env)).toBe(forHttp)
    expect(proxyConfigured(https, env)).toBe(forHttps)
  })
})
