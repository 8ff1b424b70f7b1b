import { createInputReader, normalizeServerUrl } from '../../src/input-readers.js'

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

describe('either: one setting under two names', () => {
  const reader = (values: Record<string, string>) => createInputReader((name) => values[name] ?? '')
  test.each([
    ['ours only', { base_url: 'a' }, 'a'],
    ['theirs only', { url: 'b' }, 'b'],
    ['both, equal', { base_url: 'c', url: 'c' }, 'c'],
    ['neither', {}, ''],
  ])('%s', (_name, values, expected) => {
    expect(reader(values).either(['base_url', 'url'])).toBe(expected)
  })

  test('both with different values: an error naming both', () => {
    expect(() => reader({ base_url: 'a', url: 'b' }).either(['base_url', 'url'])).toThrow(
      /^Inputs 'base_url' and 'url' are two names for the same setting but have different values; give only one of them\.$/,
    )
  })
})

describe('echoed input is bounded and escaped', () => {
  const reader = (values: Record<string, string>) => createInputReader((name) => values[name] ?? '')
  test('a long value is cut at 60 characters', () => {
    expect(() => reader({ summary: 'y'.repeat(120_000) }).boolean('summary', true)).toThrow(
      new RegExp(`^Input 'summary' must be 'true' or 'false', got '${'y'.repeat(60)}…'\\.$`),
    )
  })
  test('control characters are escaped, never written raw', () => {
    expect(() => reader({ summary: 'yes\u001b[31m\n' }).boolean('summary', true)).toThrow(
      "Input 'summary' must be 'true' or 'false', got 'yes\\u001b[31m\\u000a'.",
    )
  })
})
