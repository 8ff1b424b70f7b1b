import { normalizeServerUrl } from '../../src/input-readers.js'

test.each([
  ['https://vault.example.com/', 'https://vault.example.com'],
  ['https://vault.example.com/bw///', 'https://vault.example.com/bw'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ['http://127.5.0.1:8080/x/', 'http://127.5.0.1:8080/x'],
  ['http://localhost:1/', 'http://localhost:1'],
  ['http://[::1]:9/', 'http://[::1]:9'],
  ['HTTPS://Example.COM', 'https://example.com'],
])('normalizeServerUrl(%s) → %s', (input, expected) => {
  expect(normalizeServerUrl(input, 'base_url')).toBe(expected)
})

test.each([
  ['plain http to a remote host', 'http://vault.example.com', /Input 'base_url' must use https:\/\//],
  ['http to a private address', 'http://10.0.0.1', /must use https/],
  ['a localhost look-alike', 'http://localhost.evil.com', /must use https/],
  ['not a URL', 'vault.example.com', /Input 'base_url' is not a valid URL/],
  ['ftp', 'ftp://example.com', /must use https/],
  ['credentials', 'https://u:p@example.com', /must not contain credentials/],
  ['a query', 'https://example.com/?a=1', /must not contain a query/],
])('normalizeServerUrl refuses %s', (_name, input, error) => {
  expect(() => normalizeServerUrl(input, 'base_url')).toThrow(error)
})
