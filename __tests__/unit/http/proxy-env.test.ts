// The proxy variables as the action reads them (src/http/proxy-env.ts): which applies, what is
// accepted (a value without a scheme is http://, as curl and @actions/http-client take it), what is
// refused with an error naming the variable, and that messages never carry the value's credentials.
import fc from 'fast-check'
import { InputError } from '../../../src/errors.js'
import { proxyFor, readProxySettings } from '../../../src/http/proxy-env.js'

test.each([
  ['127.0.0.1:3128', 'http://127.0.0.1:3128/', 'http://127.0.0.1:3128'],
  ['localhost:3128', 'http://localhost:3128/', 'http://localhost:3128'],
  ['proxy.corp', 'http://proxy.corp/', 'http://proxy.corp'],
  ['http://proxy.corp:3128', 'http://proxy.corp:3128/', 'http://proxy.corp:3128'],
  ['HTTP://Proxy.Corp:3128/', 'http://proxy.corp:3128/', 'http://proxy.corp:3128'],
  ['https://proxy.corp:443', 'https://proxy.corp/', 'https://proxy.corp'],
  ['  http://proxy.corp:3128  ', 'http://proxy.corp:3128/', 'http://proxy.corp:3128'],
  ['http://u%40x:p%3Ass@proxy.corp:3128', 'http://u%40x:p%3Ass@proxy.corp:3128/', 'http://proxy.corp:3128'],
])('HTTP_PROXY=%s is %s, shown as %s', (value, href, shown) => {
  expect(readProxySettings({ HTTP_PROXY: value }).http).toEqual({ variable: 'HTTP_PROXY', href, shown })
})

test.each([
  ['socks5://127.0.0.1:1080', 'a socks5:// proxy is not supported: give an http:// or https:// proxy'],
  ['SOCKS5H://127.0.0.1:1080', 'a socks5h:// proxy is not supported: give an http:// or https:// proxy'],
  ['socks://127.0.0.1:1080', 'a socks:// proxy is not supported: give an http:// or https:// proxy'],
  ['ftp://proxy', 'a ftp:// proxy is not supported: give an http:// or https:// proxy'],
  ['http://[::1', 'not a URL: give http://host:port'],
  ['http://', 'not a URL: give http://host:port'],
  ['http://:3128', 'not a URL: give http://host:port'],
  ['proxy:port', 'not a URL: give http://host:port'],
])('https_proxy=%s: an InputError naming the variable', (value, message) => {
  expect(() => readProxySettings({ https_proxy: value })).toThrow(new InputError(`https_proxy: ${message}`))
})

test('lower-case first, as curl, undici and @actions/http-client read them; empty is unset', () => {
  const s = readProxySettings({
    http_proxy: 'http://a:1',
    HTTP_PROXY: 'http://b:2',
    https_proxy: '',
    HTTPS_PROXY: 'http://c:3',
  })
  expect([s.http?.variable, s.http?.shown, s.https?.variable, s.https?.shown]).toEqual([
    'http_proxy',
    'http://a:1',
    'HTTPS_PROXY',
    'http://c:3',
  ])
  expect(readProxySettings({ HTTP_PROXY: '' })).toEqual({ http: undefined, https: undefined })
  expect(readProxySettings({ http_proxy: ' ', HTTP_PROXY: 'http://b:2' }).http?.variable).toBe('HTTP_PROXY')
})

test('https:// uses HTTPS_PROXY, else HTTP_PROXY; http:// only HTTP_PROXY', () => {
  const both = readProxySettings({ HTTP_PROXY: 'http://h:1', HTTPS_PROXY: 'http://s:2' })
  expect(proxyFor(new URL('https://x'), both)?.variable).toBe('HTTPS_PROXY')
  expect(proxyFor(new URL('http://x'), both)?.variable).toBe('HTTP_PROXY')
  const http = readProxySettings({ HTTP_PROXY: 'http://h:1' })
  expect(proxyFor(new URL('https://x'), http)?.variable).toBe('HTTP_PROXY')
  const https = readProxySettings({ HTTPS_PROXY: 'http://s:2' })
  expect(proxyFor(new URL('http://x'), https)).toBeUndefined()
})

const ERROR =
  /^HTTP_PROXY: (a [a-z][a-z0-9+.-]*:\/\/ proxy is not supported: give an http:\/\/ or https:\/\/ proxy|not a URL: give http:\/\/host:port)$/

test('any value: an http(s) proxy, or one of two fixed messages that echo at most the scheme', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.tuple(fc.constantFrom('', 'http://', 'https://', 'socks5://', 'x+y://'), fc.string()).map(([a, b]) => a + b),
      ),
      (value) => {
        try {
          const s = readProxySettings({ HTTP_PROXY: value }).http
          if (value.trim() === '') return s === undefined
          expect(s).toBeDefined()
          expect(['http:', 'https:']).toContain(new URL(s!.href).protocol)
          expect(s!.shown).not.toContain('@')
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
          expect((err as Error).message).toMatch(ERROR)
        }
        return true
      },
    ),
    { numRuns: 1000 },
  )
})

test('credentials never reach the shown name', () => {
  fc.assert(
    fc.property(fc.webUrl(), fc.stringMatching(/^[a-z0-9]{4,12}$/), (url, password) => {
      const withCreds = url.replace('://', `://user:${password}@`)
      const s = readProxySettings({ HTTPS_PROXY: withCreds }).https!
      expect(s.shown).not.toContain(password)
      expect(s.href).toContain(password)
    }),
  )
})
