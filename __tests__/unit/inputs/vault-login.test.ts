// vault-action's login inputs (src/inputs/vault-login.ts): extraHeaders, an untrusted multi-line
// text, read as vault-action reads it (names lower-cased, repeats joined with ', ') or refused with
// the line; fuzzed. And the methods' required inputs.
import fc from 'fast-check'
import { InputError } from '../../../src/errors.js'
import { createInputReader } from '../../../src/input-readers.js'
import { parseExtraHeaders, readVaultLogin } from '../../../src/inputs/vault-login.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/

test("extraHeaders: vault-action's reading", () => {
  expect(parseExtraHeaders('X-Team: platform\n\n  x-team:ci \nCF-Access-Client-Id: a:b')).toEqual({
    'x-team': 'platform, ci',
    'cf-access-client-id': 'a:b',
  })
  expect(parseExtraHeaders('')).toEqual({})
  expect(() => parseExtraHeaders('ok: 1\nbroken')).toThrow(
    "Input 'extraHeaders', line 2: expected 'Header-Name: value'",
  )
  expect(() => parseExtraHeaders('X-Vault-Token: hvs.x')).toThrow('x-vault-token is set by the action itself')
  const proto = parseExtraHeaders('__proto__: x')
  expect([Object.getPrototypeOf(proto), Object.keys(proto), proto['__proto__']]).toEqual([null, ['__proto__'], 'x'])
})

test('extraHeaders fuzz: a header map or an InputError naming the line; names are tokens, values one line', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      let headers: Record<string, string>
      try {
        headers = parseExtraHeaders(text)
      } catch (err) {
        expect(err).toBeInstanceOf(InputError)
        expect((err as Error).message).toMatch(/^Input 'extraHeaders', line \d+: /)
        return
      }
      for (const [name, value] of Object.entries(headers)) {
        expect(name).toMatch(TOKEN)
        expect([...value].some((c) => c !== '\t' && (c < ' ' || c === '\x7f'))).toBe(false)
      }
    }),
    { numRuns: RUNS },
  )
})

test('extraHeaders fuzz: what is written as Name: value lines reads back', () => {
  const name = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/).filter((n) => !/^x-vault-(token|namespace)$/i.test(n))
  const value = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/)
  fc.assert(
    fc.property(fc.array(fc.tuple(name, value), { maxLength: 8 }), (pairs) => {
      const want: Record<string, string> = {}
      for (const [n, v] of pairs) {
        const k = n.toLowerCase()
        want[k] = Object.hasOwn(want, k) ? `${want[k]}, ${v}` : v
      }
      expect({ ...parseExtraHeaders(pairs.map(([n, v]) => `${n}: ${v}`).join('\n')) }).toEqual(want)
    }),
    { numRuns: RUNS },
  )
})

function login(inputs: Record<string, string>) {
  return readVaultLogin(
    createInputReader((n) => inputs[n] ?? ''),
    {},
  )
}

test("methods: vault-action's defaults applied in code", () => {
  expect(login({})).toEqual({ method: 'token' })
  expect(login({ method: 'AppRole', roleId: 'r' })).toEqual({
    method: 'approle',
    mount: 'approle',
    roleId: 'r',
    secretId: '',
  })
  expect(login({ method: 'kubernetes', role: 'app', path: '/k8s-prod/' })).toEqual({
    method: 'kubernetes',
    mount: 'k8s-prod',
    role: 'app',
    tokenPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  })
  expect(login({ method: 'jwt' })).toMatchObject({ method: 'jwt', mount: 'jwt', role: '', ttlSeconds: 3600 })
  expect(() => login({ method: 'jwt', jwtTtl: '1h' })).toThrow("Input 'jwtTtl' must be a whole number of seconds")
  expect(() => login({ method: 'approle', roleId: 'r', path: '../sys' })).toThrow(
    "Input 'path' must name an auth mount",
  )
  // cert: authPayload as is when given (vault-action's only way to it), else {name: role} or {}.
  expect(login({ method: 'cert', authPayload: ' {"name": "web"} ' })).toEqual({
    method: 'cert',
    mount: 'cert',
    role: '',
    payload: '{"name": "web"}',
  })
  expect(login({ method: 'cert', role: 'web', path: 'certs' })).toMatchObject({
    mount: 'certs',
    payload: '{"name":"web"}',
  })
  expect(login({ method: 'CERT' })).toMatchObject({ method: 'cert', payload: '{}' })
  expect(login({ method: 'oci', authPayload: '{"a": 1}' })).toMatchObject({ method: 'custom', name: 'oci' })
  expect(() => login({ method: 'oci', authPayload: '[1]' })).toThrow("Input 'authPayload' must be a JSON object")
})
