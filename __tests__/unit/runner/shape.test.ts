// Shaping the exported names (src/runner/shape.ts): parse_json's flattening as AWS's
// aws-secretsmanager-get-secrets names keys (upper-cased, invalid characters as '_', nested objects
// joined with '_', non-strings as JSON text, the whole object not exported), then name_transformation
// and name_prefix; fuzzed for names, depth and size.
import fc from 'fast-check'
import { ENV_NAME } from '../../../src/mapping.js'
import type { Secret } from '../../../src/providers/provider.js'
import { assertExportable } from '../../../src/runner/export-names.js'
import {
  flattenJson,
  keyPart,
  MAX_JSON_DEPTH,
  MAX_JSON_KEYS,
  NO_SHAPING,
  shapeName,
  shapeSecrets,
  type ShapeSettings,
} from '../../../src/runner/shape.js'

const secret = (name: string, value: string, extra: Partial<Secret> = {}): Secret => ({
  name,
  value,
  source: `fake ${name}`,
  ...extra,
})
const json = (v: unknown): string => JSON.stringify(v)
const pairs = (secrets: readonly Secret[]): [string, string][] => secrets.map((s) => [s.name, s.value])
const PARSE: ShapeSettings = { ...NO_SHAPING, parseJson: true }

test('parse_json: one variable per key, nested joined with _, non-strings as JSON text, no NAME', () => {
  const db = secret(
    'DB',
    json({ user: 'app', conn: { port: 5432, tls: true }, hosts: ['a', 'b'], none: null, empty: {}, 'api-key': 'k' }),
  )
  const out = shapeSecrets([db], PARSE)
  expect(pairs(out)).toEqual([
    ['DB_USER', 'app'],
    ['DB_CONN_PORT', '5432'],
    ['DB_CONN_TLS', 'true'],
    ['DB_HOSTS', '["a","b"]'],
    ['DB_NONE', 'null'],
    ['DB_EMPTY', '{}'],
    ['DB_API_KEY', 'k'],
  ])
  expect(out.every((s) => s.from === 'DB')).toBe(true)
  expect(out[1]!.source).toBe('fake DB, JSON conn.port')
})

test.each([
  ['plain text', 'hunter2'],
  ['an array', '[1,2]'],
  ['a number', '42'],
  ['a JSON string', '"{\\"a\\":1}"'],
  ['an empty object', '{}'],
  ['broken JSON', '{"a": '],
  ['empty', ''],
])('parse_json: %s is exported unchanged under its name', (_what, value) => {
  const s = secret('X', value)
  expect(shapeSecrets([s], PARSE)).toEqual([s])
})

test('parse_json keeps only/outputName: a Vault output keeps its case and gets the upper-cased keys', () => {
  const s = secret('NPMTOKEN', json({ user: 'u' }), { outputName: 'npmToken', only: 'output' })
  expect(shapeSecrets([s], PARSE)).toEqual([
    {
      ...s,
      name: 'NPMTOKEN_USER',
      outputName: 'npmToken_USER',
      value: 'u',
      source: 'fake NPMTOKEN, JSON user',
      from: 'NPMTOKEN',
      // The field's key, not the mapping, names it: the strict name policy applies.
      mapped: false,
    },
  ])
})

test('keys: characters a name cannot hold become _, upper case; an empty key adds nothing', () => {
  expect(keyPart('db.host-1')).toBe('DB_HOST_1')
  expect(keyPart('mot de passe')).toBe('MOT_DE_PASSE')
  expect(keyPart('ß')).toBe('_')
  expect(pairs(flattenJson(secret('A', json({ '': 'x', b: { '': 'y' } }))))).toEqual([
    ['A', 'x'],
    ['A_B', 'y'],
  ])
})

test('name_transformation, then name_prefix as given; from is set only where the name changed', () => {
  const opts: ShapeSettings = { parseJson: false, namePrefix: 'TF_VAR_', nameTransformation: 'lowercase' }
  expect(shapeName('DB_PASSWORD', opts)).toBe('TF_VAR_db_password')
  const out = shapeSecrets([secret('Db', 'v', { outputName: 'dbOut' })], opts)
  expect(out).toEqual([{ name: 'TF_VAR_db', value: 'v', source: 'fake Db', outputName: 'TF_VAR_dbout', from: 'Db' }])
  expect(shapeSecrets([secret('A', 'v')], { ...NO_SHAPING, nameTransformation: 'uppercase' })).toEqual([
    secret('A', 'v'),
  ])
  const none = [secret('a', 'v')]
  expect(shapeSecrets(none, NO_SHAPING)).toBe(none)
})

test('a collision after shaping is refused by the name checks, naming both sources', () => {
  const out = shapeSecrets([secret('db', 'a'), secret('DB', 'b')], { ...NO_SHAPING, nameTransformation: 'uppercase' })
  expect(() => assertExportable(out, { setEnv: true, allowDangerousNames: false })).toThrow(
    'Refusing to export DB twice (fake db and fake DB).',
  )
  const json2 = shapeSecrets([secret('A', json({ 'b-c': 1, b_c: 2 }))], PARSE)
  expect(() => assertExportable(json2, { setEnv: true, allowDangerousNames: false })).toThrow(
    'Refusing to export A_B_C twice (fake A, JSON b-c and fake A, JSON b_c).',
  )
})

test('a prefix or a JSON key cannot smuggle in a dangerous name', () => {
  const check = (secrets: readonly Secret[]): void =>
    void assertExportable(secrets, { setEnv: true, allowDangerousNames: false })
  expect(() => check(shapeSecrets([secret('ATH', 'v')], { ...NO_SHAPING, namePrefix: 'P' }))).toThrow(
    /Refusing to export PATH \(fake ATH\)/,
  )
  expect(() => check(shapeSecrets([secret('GITHUB', json({ token: 't' }))], PARSE))).toThrow(
    /Refusing to export GITHUB_TOKEN/,
  )
})

test(`bounds: ${MAX_JSON_KEYS} keys and ${MAX_JSON_DEPTH} levels are fine, one more is a clear error`, () => {
  const wide = (n: number): string => json(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))
  expect(flattenJson(secret('W', wide(MAX_JSON_KEYS)))).toHaveLength(MAX_JSON_KEYS)
  expect(() => flattenJson(secret('W', wide(MAX_JSON_KEYS + 1)))).toThrow(
    `parse_json: W (fake W) has more than ${MAX_JSON_KEYS} keys; split it into several secrets, or turn parse_json off.`,
  )
  const deep = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
  expect(pairs(flattenJson(secret('D', deep(MAX_JSON_DEPTH))))).toEqual([[`D${'_A'.repeat(MAX_JSON_DEPTH)}`, '1']])
  expect(() => flattenJson(secret('D', deep(MAX_JSON_DEPTH + 1)))).toThrow(
    `parse_json: D (fake D) nests JSON deeper than ${MAX_JSON_DEPTH} levels`,
  )
  // Arrays count too: a leaf's JSON text would overflow the stack 100,000 levels down.
  const arrays = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
  expect(() => flattenJson(secret('D', arrays))).toThrow(/deeper than/)
})

// JSON values of bounded size whose keys are any strings.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
})).object

test('fuzz: every name valid and unique-or-refused, every leaf exported exactly, nothing else', () => {
  fc.assert(
    fc.property(jsonValue, fc.constantFrom('none', 'uppercase', 'lowercase' as const), (obj, how) => {
      const text = JSON.stringify(obj)
      let out: readonly Secret[]
      try {
        out = shapeSecrets([secret('S', text)], { parseJson: true, namePrefix: 'P_', nameTransformation: how })
      } catch (err) {
        // Only the bounds may refuse, with their message.
        expect(String(err)).toMatch(/parse_json: S \(fake S\) (nests JSON deeper|has more than)/)
        return
      }
      for (const s of out) {
        expect(s.name).toMatch(ENV_NAME)
        expect(s.name.startsWith('P_')).toBe(true)
        expect(s.source.startsWith('fake S')).toBe(true)
      }
      // The leaves, in order, are the values exported (or the text itself when not split).
      const leaves: string[] = []
      const walk = (v: unknown): void => {
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0)
          Object.values(v).forEach(walk)
        else leaves.push(typeof v === 'string' ? v : JSON.stringify(v))
      }
      if (Object.keys(obj).length === 0) expect(out.map((s) => s.value)).toEqual([text])
      else {
        walk(obj)
        expect(out.map((s) => s.value)).toEqual(leaves)
      }
    }),
    { numRuns: 300 },
  )
})

test('fuzz: any text is either split (a JSON object) or passed through unchanged', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const s = secret('T', text)
      const out = flattenJson(s)
      let isObject = false
      try {
        const v = JSON.parse(text) as unknown
        isObject = typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0
      } catch {
        // not JSON
      }
      if (!isObject) expect(out).toEqual([s])
      else expect(out.every((x) => x.name.startsWith('T') && x.from === 'T')).toBe(true)
    }),
    { numRuns: 500 },
  )
})
