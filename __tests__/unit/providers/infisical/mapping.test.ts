import { InputError } from '../../../../src/errors.js'
import {
  normalizeSecretPath,
  parseInfisicalMapping,
  type InfisicalRequest,
} from '../../../../src/providers/infisical/mapping.js'

interface OkCase {
  name: string
  input: string
  expected: InfisicalRequest[]
}

const ok: OkCase[] = [
  {
    name: 'KEY > NAME',
    input: 'DATABASE_URL > DB_URL',
    expected: [{ kind: 'key', line: 1, key: 'DATABASE_URL', envName: 'DB_URL' }],
  },
  {
    name: 'spaces around > are optional',
    input: 'DATABASE_URL>DB_URL',
    expected: [{ kind: 'key', line: 1, key: 'DATABASE_URL', envName: 'DB_URL' }],
  },
  {
    name: 'KEY alone keeps its name',
    input: 'STRIPE_KEY',
    expected: [{ kind: 'key', line: 1, key: 'STRIPE_KEY', envName: 'STRIPE_KEY' }],
  },
  {
    name: '/path/KEY > NAME',
    input: '/shared/STRIPE_KEY > STRIPE',
    expected: [{ kind: 'key', line: 1, key: 'STRIPE_KEY', path: '/shared', envName: 'STRIPE' }],
  },
  {
    name: '/path/KEY alone, nested folders',
    input: '/a/b/KEY',
    expected: [{ kind: 'key', line: 1, key: 'KEY', path: '/a/b', envName: 'KEY' }],
  },
  {
    name: '/KEY is the root folder',
    input: '/ROOT_KEY > R',
    expected: [{ kind: 'key', line: 1, key: 'ROOT_KEY', path: '/', envName: 'R' }],
  },
  {
    name: 'keys that are not env names are fine when mapped explicitly',
    input: 'api-key > API_KEY\n/svc/db.password > DB_PASSWORD',
    expected: [
      { kind: 'key', line: 1, key: 'api-key', envName: 'API_KEY' },
      { kind: 'key', line: 2, key: 'db.password', path: '/svc', envName: 'DB_PASSWORD' },
    ],
  },
  {
    name: 'keys are case-sensitive and kept verbatim',
    input: 'lower_case > UPPER',
    expected: [{ kind: 'key', line: 1, key: 'lower_case', envName: 'UPPER' }],
  },
  {
    name: '* alone',
    input: '*',
    expected: [{ kind: 'all', line: 1 }],
  },
  {
    name: 'an empty input means everything in scope',
    input: '',
    expected: [{ kind: 'all', line: 0 }],
  },
  {
    name: 'only blank lines and comments also mean everything',
    input: '\n  # nothing here\n\r\n',
    expected: [{ kind: 'all', line: 0 }],
  },
  {
    name: '* together with explicit lines',
    input: '*\napi-key > API_KEY',
    expected: [
      { kind: 'all', line: 1 },
      { kind: 'key', line: 2, key: 'api-key', envName: 'API_KEY' },
    ],
  },
  {
    name: 'CRLF, CR, blank lines, tabs and comments (the issue example)',
    input:
      'DATABASE_URL > DB_URL\r\n\r\n\t/shared/STRIPE_KEY > STRIPE_KEY   # shared\r*       # or leave secrets empty\n# end',
    expected: [
      { kind: 'key', line: 1, key: 'DATABASE_URL', envName: 'DB_URL' },
      { kind: 'key', line: 3, key: 'STRIPE_KEY', path: '/shared', envName: 'STRIPE_KEY' },
      { kind: 'all', line: 4 },
    ],
  },
  {
    name: 'the same key twice under two names',
    input: 'K > A\nK > B',
    expected: [
      { kind: 'key', line: 1, key: 'K', envName: 'A' },
      { kind: 'key', line: 2, key: 'K', envName: 'B' },
    ],
  },
  {
    name: 'a trailing slash on the folder is ignored only before the key',
    input: '/shared/KEY',
    expected: [{ kind: 'key', line: 1, key: 'KEY', path: '/shared', envName: 'KEY' }],
  },
  {
    name: "a '#' glued to a key stays part of it",
    input: 'K#1 > K1',
    expected: [{ kind: 'key', line: 1, key: 'K#1', envName: 'K1' }],
  },
]

test.each(ok)('$name', ({ input, expected }) => {
  const parsed = parseInfisicalMapping(input)
  expect(parsed.requests).toEqual(expected)
  expect(parsed.warnings).toEqual([])
})

const bad: Array<[string, string, RegExp]> = [
  [
    'a key that is not an env name, unmapped',
    'api-key',
    /^Input 'secrets', line 1: the key "api-key" is not a valid environment variable name; map it explicitly, e.g\. 'api-key > API_KEY'/,
  ],
  [
    'a /path key that is not an env name, unmapped',
    '\n/svc/db.pw',
    /line 2: the key "db\.pw" is not a valid environment variable name; map it explicitly, e.g\. '\/svc\/db\.pw > DB_PW'/,
  ],
  ['a key starting with a digit, unmapped', '1KEY', /line 1: .*map it explicitly, e\.g\. '1KEY > _1KEY'/],
  ['an invalid env name', 'KEY > 1X', /line 1: "1X" is not a valid environment variable name/],
  ['a dash in the env name', 'KEY > A-B', /line 1: "A-B" is not a valid environment variable name/],
  ['two >', 'A > B > C', /line 1: it has more than one '>'/],
  ['empty key', ' > NAME', /line 1: the secret key before '>' is empty/],
  ['empty env name', 'KEY >', /line 1: the environment variable name after '>' is empty/],
  ['spaces inside the key', 'MY KEY > X', /line 1: "MY KEY" is not a secret key/],
  ['a wildcard with a name', '* > ALL', /line 1: '\*' exports each secret under its own key; remove '> ALL'/],
  ['a repeated wildcard', '*\n\n*', /line 3: it repeats the '\*' of line 1/],
  ['a duplicate env name', 'A > X\nB > X', /line 2: the name X is already used on line 1/],
  ['a duplicate implicit name', 'X\n/p/X', /line 2: the name X is already used on line 1/],
  ['a folder wildcard', '/shared/*', /line 1: a folder wildcard is not supported/],
  ['a folder path without the key', '/shared/', /line 1: "\/shared\/" ends with '\/'/],
  ['a relative folder', 'shared/KEY > K', /line 1: "shared\/KEY": start a folder path with '\/'/],
  ['an empty folder segment', '/a//KEY > K', /line 1: "\/a\/" is not a folder path/],
  ['a .. segment', '/a/../KEY > K', /line 1: "\/a\/\.\." is not a folder path/],
]

test.each(bad)('refuses %s, naming the input and the line', (_name, input, error) => {
  expect(() => parseInfisicalMapping(input)).toThrow(InputError)
  expect(() => parseInfisicalMapping(input)).toThrow(error)
})

test.each([
  ['', '/'],
  ['/', '/'],
  ['sub', '/sub'],
  ['/sub', '/sub'],
  ['/sub/', '/sub'],
  ['  /a/b/  ', '/a/b'],
  ['a/b', '/a/b'],
])('normalizeSecretPath(%j) → %j (secrets-action #4)', (input, expected) => {
  expect(normalizeSecretPath(input)).toBe(expected)
})

test.each([['//'], ['/a//b'], ['/a/./b'], ['/../x'], ['/a b'], ['/a/*'], ['/a\nb']])(
  'normalizeSecretPath(%j) is not a folder path',
  (input) => {
    expect(normalizeSecretPath(input)).toBeUndefined()
  },
)

test('a huge invalid key gives a bounded message (no example line echoing it)', () => {
  const key = 'k-'.repeat(50_000)
  let message = ''
  try {
    parseInfisicalMapping(key)
  } catch (e) {
    message = (e as Error).message
  }
  expect(message).toMatch(
    /^Input 'secrets', line 1: the key ".*…" is not a valid environment variable name; map it explicitly\.$/,
  )
  expect(message.length).toBeLessThan(300)
})
