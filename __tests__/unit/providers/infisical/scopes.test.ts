// Service-token scopes on the client side (docs/protocols/infisical.md#token-details INF-DET-2..4,
// #glob-scopes): the glob table, defaults, refusals.
import { InputError, ServerError } from '../../../../src/errors.js'
import type { TokenDetails } from '../../../../src/providers/infisical/api.js'
import {
  assertUsable,
  chooseEnvironment,
  choosePath,
  inScope,
  scopeMatches,
} from '../../../../src/providers/infisical/scopes.js'

test.each([
  ['/**', '/', true],
  ['/**', '/folder1', true],
  ['/**', '/folder1/sub', true],
  ['/**', '/folder1/sub/deep', true],
  ['/*', '/', false],
  ['/*', '/folder1', true],
  ['/*', '/folder1/sub', false],
  ['/*', '/folder1/sub/deep', false],
  ['/*/*', '/', false],
  ['/*/*', '/folder1', false],
  ['/*/*', '/folder1/sub', true],
  ['/*/*', '/folder1/sub/deep', false],
  ['/folder1/*', '/', false],
  ['/folder1/*', '/folder1', false],
  ['/folder1/*', '/folder1/sub', true],
  ['/folder1/*', '/folder1/sub/deep', false],
  ['/folder1/**', '/', false],
  ['/folder1/**', '/folder1', true],
  ['/folder1/**', '/folder1/sub', true],
  ['/folder1/**', '/folder1/sub/deep', true],
  ['/', '/', true],
  ['/', '/folder1', false],
  ['/', '/folder1/sub', false],
  ['/', '/folder1/sub/deep', false],
  // Trailing slashes are removed on both sides; an empty glob matches nothing; regex characters are literal.
  ['/folder1/', '/folder1', true],
  ['/folder1', '/folder1/', true],
  ['', '/', false],
  ['/a.b', '/axb', false],
  ['/a.b', '/a.b', true],
  ['/fo*', '/folder1', true],
  ['/fo*', '/fo', true],
])('glob scopes: scope %s grants %s → %s', (glob, path, expected) => {
  expect(scopeMatches(glob, path)).toBe(expected)
})

const details = (over: Partial<TokenDetails> = {}): TokenDetails => ({
  projectId: 'p',
  scopes: [{ environment: 'prod', secretPath: '/**' }],
  permissions: ['read'],
  expiresAt: null,
  legacyShape: false,
  ...over,
})

test.each([
  ['never expires', details(), undefined],
  ['expires later', details({ expiresAt: '2030-01-01T00:00:00.000Z' }), undefined],
  [
    'expired',
    details({ expiresAt: '2020-01-01T00:00:00.000Z' }),
    /The service token expired at 2020-01-01T00:00:00\.000Z/,
  ],
  ['write only', details({ permissions: ['write'] }), /no 'read' permission \(it has: write\)/],
  ['no permissions', details({ permissions: [] }), /no 'read' permission \(it has: none\)/],
])('assertUsable: %s', (_name, d, error) => {
  const now = Date.parse('2025-06-01T00:00:00Z')
  if (error === undefined) expect(() => assertUsable(d, now)).not.toThrow()
  else {
    expect(() => assertUsable(d, now)).toThrow(ServerError)
    expect(() => assertUsable(d, now)).toThrow(error)
  }
})

const two = [
  { environment: 'prod', secretPath: '/backend' },
  { environment: 'dev', secretPath: '/**' },
  { environment: 'dev', secretPath: '/x' },
]

test.each([
  ['the input, when allowed', two, 'dev', 'dev'],
  [
    'the only environment',
    [
      { environment: 'prod', secretPath: '/' },
      { environment: 'prod', secretPath: '/a' },
    ],
    undefined,
    'prod',
  ],
])('chooseEnvironment: %s', (_name, scopes, wanted, expected) => {
  expect(chooseEnvironment(scopes, wanted)).toBe(expected)
})

test.each([
  [
    'an environment outside the scopes',
    two,
    'staging',
    /Input 'environment' is 'staging', but the service token may read only 'prod', 'dev' \(scopes: prod:\/backend, dev:\/\*\*, dev:\/x\)/,
  ],
  [
    'several environments and none given',
    two,
    undefined,
    /Input 'environment' is required: the service token covers 2 environments \('prod', 'dev'\)/,
  ],
])('chooseEnvironment refuses %s', (_name, scopes, wanted, error) => {
  expect(() => chooseEnvironment(scopes, wanted)).toThrow(InputError)
  expect(() => chooseEnvironment(scopes, wanted)).toThrow(error)
})

test.each([
  ['the input wins', 'prod', '/other', '/other'],
  ['one non-glob scope: its path', 'prod', undefined, '/backend'],
  ['several scopes for the environment: /', 'dev', undefined, '/'],
  ['a glob scope: /', 'x', undefined, '/'],
])('choosePath: %s', (_name, env, wanted, expected) => {
  const scopes = [...two, { environment: 'x', secretPath: '/a/**' }]
  expect(choosePath(scopes, env, wanted)).toBe(expected)
})

test('inScope needs the environment and the glob', () => {
  expect(inScope(two, 'prod', '/backend')).toBe(true)
  expect(inScope(two, 'prod', '/')).toBe(false)
  expect(inScope(two, 'dev', '/deep/er')).toBe(true)
  expect(inScope(two, 'staging', '/')).toBe(false)
})
