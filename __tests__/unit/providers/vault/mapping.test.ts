// The vault-action grammar (docs/protocols/vault.md#mapping-grammar), rule by rule, plus fuzzing (VLT-GRM-8).
import fc from 'fast-check'
import { ActionError, InputError } from '../../../../src/errors.js'
import { normalizeName, parseVaultMapping, type VaultRequest } from '../../../../src/providers/vault/mapping.js'
import { evaluatePath } from '../../../../src/providers/vault/evaluate.js'
import { needsName, parseSelector } from '../../../../src/providers/vault/selector.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

function one(input: string): VaultRequest {
  const { requests } = parseVaultMapping(input)
  expect(requests).toHaveLength(1)
  return requests[0]!
}

function names(input: string): Array<[string, string | undefined, string | undefined]> {
  return parseVaultMapping(input).requests.map((r) => [r.path, r.envName, r.outputName])
}

function err(input: string): string {
  try {
    parseVaultMapping(input)
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as Error).message
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`)
}

// The data map of docs/protocols/vault.md#examples.
const DATA = {
  npmToken: 't1',
  'api-key': 'k',
  'tls.crt': 'PEM',
  db: { password: 'pw' },
  list: ['a', 'b'],
  one: ['x'],
  none: [],
  'a.b': 'literal',
}

function value(input: string, data: unknown = DATA): unknown {
  const r = one(input)
  return evaluatePath(r.steps!, data)
}

describe('entries (docs/protocols/vault.md#entries)', () => {
  test.each([
    [
      'split on ";" only',
      'secret/data/ci npmToken | A ; secret/data/ci api-key | B',
      [
        ['secret/data/ci', 'A', 'A'],
        ['secret/data/ci', 'B', 'B'],
      ],
    ],
    [
      'empty pieces ignored (a b;, ;;, trailing ;)',
      ';; secret/data/ci npmToken ;;',
      [['secret/data/ci', 'NPMTOKEN', 'npmToken']],
    ],
    [
      'newlines are whitespace inside an entry (vendor meaning kept)',
      'secret/data/ci\nnpmToken',
      [['secret/data/ci', 'NPMTOKEN', 'npmToken']],
    ],
    ['tabs and CR are whitespace', 'secret/data/ci\t\r\nnpmToken\t|\tX', [['secret/data/ci', 'X', 'X']]],
    [
      'the usual multi-line block with ";"',
      'secret/data/ci npmToken | NPM_TOKEN ;\nsecret/data/ci * ;\nkv/app db.password | DB_PASSWORD\n',
      [
        ['secret/data/ci', 'NPM_TOKEN', 'NPM_TOKEN'],
        ['secret/data/ci', undefined, undefined],
        ['kv/app', 'DB_PASSWORD', 'DB_PASSWORD'],
      ],
    ],
    [
      'superset: newline-separated entries where ";" alone fails',
      'a/b k1 | ONE\na/b k2 | TWO\n\na/c k3',
      [
        ['a/b', 'ONE', 'ONE'],
        ['a/b', 'TWO', 'TWO'],
        ['a/c', 'K3', 'k3'],
      ],
    ],
    [
      'superset and ";" mixed',
      'a/b k1 | ONE\na/b k2 | TWO; a/c k3',
      [
        ['a/b', 'ONE', 'ONE'],
        ['a/b', 'TWO', 'TWO'],
        ['a/c', 'K3', 'k3'],
      ],
    ],
    ['empty input is allowed', '', []],
    ['whitespace only is allowed', ' \n ; \n', []],
  ])('%s', (_n, input, expected) => {
    expect(names(input)).toEqual(expected)
  })

  test('line numbers point at the start of each entry, with ";" and newlines', () => {
    const rs = parseVaultMapping('\n a/b k1 ;\n\n a/b k2 | X;a/c\n k3').requests
    expect(rs.map((r) => r.line)).toEqual([2, 4, 4])
    expect(err('a/b k1;\n\na/b api-key')).toMatch(/^Input 'secrets', line 3: /)
    expect(err('a/b k1 | A\n\na/b api-key')).toMatch(/^Input 'secrets', line 3: /)
  })
})

describe('one entry (docs/protocols/vault.md#entry-syntax)', () => {
  test.each([
    ['the last | starts the name', 'p key | A | B', /valid path and key/],
    [
      'empty name',
      'secret/data/ci npmToken |',
      /You must provide a value when mapping a secret to a name\. Input: "secret\/data\/ci npmToken \|"/,
    ],
    ['lone path', 'secret/data/ci', /You must provide a valid path and key\. Input: "secret\/data\/ci"/],
    ['empty path spec', '| NAME', /valid path and key/],
    ['three tokens', 'a b c', /valid path and key/],
    ['no comment syntax', 'p key # note', /valid path and key/],
    [
      'arithmetic selector needs a name',
      'secret/data/ci api-key',
      /You must provide a name for the output key when using json selectors.*"\\"api-key\\"" or add '\| NAME'/,
    ],
    ['a*b needs a name', 'p a*b', /name for the output key/],
    ['a/b needs a name', 'p a/b', /name for the output key/],
    ['number needs a name', 'p 123', /name for the output key/],
    ['true needs a name', 'p true', /name for the output key/],
    ['null needs a name', 'p null', /name for the output key/],
    ['function call needs a name', 'p $count(a)', /name for the output key/],
    ['predicate on the first step needs a name', 'p key[0]', /name for the output key/],
    ['lone $ needs a name', 'p $', /name for the output key/],
    ['JSONata syntax error', 'p a[', /not valid JSONata: .*end of expression/],
    ['unterminated string', "p 'abc", /not valid JSONata: String literal must be terminated/],
    ['unterminated backtick', 'p `abc', /not valid JSONata/],
    ['literal step in a path', 'p a.1 | X', /cannot be used as a step/],
    ['selectors we cannot evaluate are errors, never empty values', 'p a.b[x=1] | X', /cannot be evaluated/],
    ['function steps in a dotted selector are refused', 'p key.$count($) | X', /cannot be evaluated/],
    ['object constructor refused', 'p {a:1} | X', /cannot be evaluated/],
    ['name with = refused (VLT-GRM-4)', 'p key | A=B', /'=', NUL or a line break/],
    ['name that is not an env name', 'p key | a b', /not a valid environment variable name/],
    ['derived name that normalises to nothing', 'p "" ', /gives an empty name/],
    ['derived unicode name is not an env name', 'p 测试', /not a valid environment variable name.*add '\| NAME'/],
    ['same name twice (VLT-GRM-5)', 'p a | X; q b | X', /line 1: X is also produced by line 1/],
    ['bad JSONata escape after wrapping in quotes', 'p a\\q | X', /Unsupported escape sequence/],
  ])('%s', (_n, input, message) => {
    expect(err(input)).toMatch(message)
  })

  test.each([
    ['plain key', 'p key', false],
    ['dotted path', 'p a.b', false],
    ['backticks', 'p `a.b`', false],
    ['$.$', 'p $.$', false],
    ['a.b[0]: predicate on a later step', 'p a.b[0]', false],
    ['double-quoted string', 'p "api-key"', false],
    ['single-quoted string', "p 'username'", false],
  ])('no name required: %s', (_n, input) => {
    expect(() => parseVaultMapping(input)).not.toThrow()
  })

  test('needsName follows the JSONata AST', () => {
    expect(needsName(parseSelector('key'))).toBe(false)
    expect(needsName(parseSelector('测试'))).toBe(false)
    expect(needsName(parseSelector('key[0]'))).toBe(true)
    expect(needsName(parseSelector('"x"'))).toBe(false)
    expect(needsName(parseSelector('a-b'))).toBe(true)
    expect(needsName(parseSelector('$count(a)'))).toBe(true)
    expect(needsName(parseSelector('(a)'))).toBe(true)
  })

  test('the path is verbatim, ?version=N included', () => {
    expect(one('secret/data/ci?version=3 npmToken').path).toBe('secret/data/ci?version=3')
    expect(one('ns1/secret/data/ci npmToken').path).toBe('ns1/secret/data/ci')
  })
})

describe('names (docs/protocols/vault.md#names)', () => {
  test.each([
    ['npmToken', 'NPMTOKEN', 'npmToken'],
    ['db.password', 'DB__PASSWORD', 'db__password'],
    ['"api-key"', 'APIKEY', 'apikey'],
    ['a.b.c', 'A__B__C', 'a__b__c'],
    ['`a.b`', 'A__B', 'a__b'],
    ['$.$', '__', '__'],
    ['straße', 'STRASSE', 'straße'],
    ["'username'", 'USERNAME', 'username'],
    ['a.b[0]', 'A__B0', 'a__b0'],
  ])('%s → env %s, output %s', (selector, env, output) => {
    const r = one(`p ${selector}`)
    expect([r.envName, r.outputName]).toEqual([env, output])
  })

  test('| NAME is used verbatim for env and output', () => {
    const r = one('secret/data/ci npmToken | NPM_token')
    expect([r.envName, r.outputName]).toEqual(['NPM_token', 'NPM_token'])
  })

  test('normalise: . → __, - dropped, then only letters, numbers, _', () => {
    expect(normalizeName('a.b-c$d[0]`é`')).toBe('a__bcd0é')
    expect(normalizeName('test-123')).toBe('test123')
    expect(normalizeName('"\'`$()')).toBe('')
  })
})

describe('lookup (docs/protocols/vault.md#selectors)', () => {
  test.each([
    ['secret/data/ci npmToken', 't1'],
    ['secret/data/ci db.password', 'pw'],
    ['secret/data/ci "api-key"', 'k'],
    ['secret/data/ci `tls.crt` | TLS_CRT', 'PEM'],
    ["secret/data/ci 'tls.crt' | TLS_CRT", 'PEM'],
    ['secret/data/ci db', { password: 'pw' }],
    ['secret/data/ci list', ['a', 'b']],
    ['secret/data/ci one', 'x'],
    ['secret/data/ci list.$ | L', ['a', 'b']],
    ['secret/data/ci $.$', DATA],
    ['secret/data/ci db.* | W', 'pw'],
  ])('%s', (input, expected) => {
    expect(value(input)).toEqual(expected)
  })

  test.each([
    ['an empty array is no match (JSONata sequences)', 'secret/data/ci none'],
    ['a missing key', 'secret/data/ci nokey'],
    ['a dotted key is a path, not a literal key', 'secret/data/ci a.b | X'],
    ['double quotes are stripped, so "a.b" is a path too', 'secret/data/ci "a.b" | X'],
    ['backticks around a key without . stay part of the key', 'secret/data/ci `npmToken` | X'],
    ['single quotes on a plain key stay part of the key', "secret/data/ci 'npmToken' | X"],
    ['key[0] is the literal key "key[0]"', 'secret/data/ci list[0] | X'],
  ])('no match: %s', (_n, input) => {
    expect(value(input)).toBeUndefined()
  })

  test('predicates: a.b[0], negative index, nested arrays flattened one level', () => {
    const data = { a: { b: ['x', 'y'] }, rows: [{ v: 1 }, { v: 2 }] }
    expect(value('p a.b[0] | X', data)).toBe('x')
    expect(value('p a.b[-1] | X', data)).toBe('y')
    expect(value('p rows.v | X', data)).toEqual([1, 2])
    expect(value('p rows.v[0] | X', data)).toEqual([1, 2])
    expect(value('p $.rows[1].v | X', data)).toBe(2)
  })

  test('dot-free selectors are JSONata string bodies: escapes interpreted', () => {
    expect(value('p a\\u0041 | X', { aA: 'ok' })).toBe('ok')
    expect(value('p a\\tb | X', { 'a\tb': 'tab' })).toBe('tab')
  })

  test('the error expression is what the vendor prints', () => {
    expect(one('p nokey').expression).toBe('"nokey"')
    expect(one('p db.x').expression).toBe('db.x')
  })
})

describe('wildcards (docs/protocols/vault.md#wildcards)', () => {
  test.each([
    ['p *', '*', ''],
    ['p **', '**', ''],
    ['p * | APP_', '*', 'APP_'],
    ['p ** | app_', '**', 'app_'],
    ['p * | *', '*', ''],
    ['p ** | **', '**', ''],
    ['p "*"', '*', ''],
  ])('%s', (input, wildcard, prefix) => {
    const r = one(input)
    expect([r.wildcard, r.prefix]).toEqual([wildcard, prefix])
  })
})

describe('fuzz (VLT-GRM-8)', () => {
  const piece = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'secret/data/ci',
      'kv/app',
      '*',
      '**',
      '|',
      ';',
      '\n',
      ' ',
      '"',
      "'",
      '`',
      '.',
      '$',
      '[0]',
      'a-b',
      'db.password',
      '$count(',
      ')',
      '\\',
    ),
  )
  const input = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))

  test('parseVaultMapping returns or throws InputError, never anything else', () => {
    fc.assert(
      fc.property(input, (text) => {
        try {
          const { requests } = parseVaultMapping(text)
          for (const r of requests) {
            expect(r.path).not.toMatch(/\s/)
            if (r.envName !== undefined) expect(r.envName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
            if (r.steps) evaluatePath(r.steps, { a: [1, { b: 2 }], db: { password: 'x' } })
          }
        } catch (e) {
          expect(e).toBeInstanceOf(ActionError)
          expect((e as Error).message).toMatch(/^Input 'secrets', line \d+: /)
        }
      }),
      { numRuns: RUNS },
    )
  })

  test('normalizeName yields only letters, numbers and _', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(normalizeName(s)).toMatch(/^[\p{L}\p{N}_]*$/u)
      }),
      { numRuns: RUNS },
    )
  })

  test('an error never quotes a name given after | beyond the entry itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (s) => {
        try {
          parseVaultMapping(s)
        } catch (e) {
          expect(e).toBeInstanceOf(InputError)
        }
      }),
      { numRuns: RUNS },
    )
  })
})
