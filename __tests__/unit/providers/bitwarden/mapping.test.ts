import { InputError } from '../../../../src/errors.js'
import { parseBitwardenMapping, type BitwardenRequest } from '../../../../src/providers/bitwarden/mapping.js'
import { meaningfulLines } from '../../../../src/mapping.js'

const A = '91ba3f10-a9a2-4795-bacf-0eee2d39a074'
const B = 'bfd7aa33-54f2-487b-bbbf-4a69b49fdc0d'
const P = '8c1d3c0e-5a4f-4b7e-9d1a-3f2e1b0c9a87'

interface OkCase {
  name: string
  input: string
  expected: BitwardenRequest[]
  warnings?: RegExp[]
}

const ok: OkCase[] = [
  {
    name: 'sm-action v3 parser: two entries',
    input: `${A} > ONE\n${B} > TWO`,
    expected: [
      { line: 1, selector: { kind: 'id', id: A }, envName: 'ONE' },
      { line: 2, selector: { kind: 'id', id: B }, envName: 'TWO' },
    ],
  },
  {
    name: 'sm-action v3 parser: the same UUID twice → one entry, last wins, with a warning naming both',
    input: `${A} > ONE\n${A} > TWO`,
    expected: [{ line: 2, selector: { kind: 'id', id: A }, envName: 'TWO' }],
    warnings: [/line 2: secret 91ba3f10-a9a2-4795-bacf-0eee2d39a074 is also mapped on line 1.*TWO.*ONE/],
  },
  {
    name: 'sm-action v2: spaces around > are optional',
    input: `${A}>ONE`,
    expected: [{ line: 1, selector: { kind: 'id', id: A }, envName: 'ONE' }],
  },
  {
    name: 'upper-case UUIDs are sent lowercased (BW-MAP-4)',
    input: `${A.toUpperCase()} > ONE`,
    expected: [{ line: 1, selector: { kind: 'id', id: A }, envName: 'ONE' }],
  },
  {
    name: 'CRLF, CR, blank lines, tabs and comments',
    input: `# production secrets\r\n\r\n\t${A} > ONE   # the db\r${B} > TWO\n   \n# end`,
    expected: [
      { line: 3, selector: { kind: 'id', id: A }, envName: 'ONE' },
      { line: 4, selector: { kind: 'id', id: B }, envName: 'TWO' },
    ],
  },
  {
    name: 'a secret name instead of an id',
    input: 'DB_USER > DATABASE_USER            # by secret name',
    expected: [{ line: 1, selector: { kind: 'name', name: 'DB_USER' }, envName: 'DATABASE_USER' }],
  },
  {
    name: 'names may hold spaces, dots, slashes and a glued #',
    input: 'my app/db.password#2 > DB',
    expected: [{ line: 1, selector: { kind: 'name', name: 'my app/db.password#2' }, envName: 'DB' }],
  },
  {
    name: 'a name scoped to a project',
    input: `${P}/DB_USER > U`,
    expected: [{ line: 1, selector: { kind: 'name', name: 'DB_USER', projectId: P }, envName: 'U' }],
  },
  {
    name: 'a whole project and everything',
    input: `${P}/*\n*`,
    expected: [
      { line: 1, selector: { kind: 'all', projectId: P } },
      { line: 2, selector: { kind: 'all' } },
    ],
  },
  {
    name: 'underscore and digits in env names',
    input: `${A} > _X1\n${B} > a_b_2`,
    expected: [
      { line: 1, selector: { kind: 'id', id: A }, envName: '_X1' },
      { line: 2, selector: { kind: 'id', id: B }, envName: 'a_b_2' },
    ],
  },
  { name: 'empty input', input: '', expected: [] },
  { name: 'only comments', input: '# a\n  # b\n', expected: [] },
]

describe('parseBitwardenMapping accepts', () => {
  test.each(ok)('$name', ({ input, expected, warnings }) => {
    const parsed = parseBitwardenMapping(input)
    expect(parsed.requests).toEqual(expected)
    expect(parsed.warnings).toHaveLength(warnings?.length ?? 0)
    warnings?.forEach((w, i) => expect(parsed.warnings[i]).toMatch(w))
  })
})

const bad: Array<{ name: string; input: string; error: RegExp }> = [
  {
    name: 'sm-action v3: invalid-uuid > INVALID is an unknown name… but the env name rule still holds',
    input: 'invalid-uuid > 1NVALID',
    error: /line 1: "1NVALID" is not a valid environment variable name/,
  },
  {
    name: 'sm-action v3: a mistyped UUID',
    input: `${A.slice(0, -1)} > ONE`,
    error: /line 1: "91ba3f10-a9a2-4795-bacf-0eee2d39a07" looks like a secret id but is not a valid UUID/,
  },
  {
    name: 'no > at all (BW-MAP-2)',
    input: A,
    error: /line 1: expected '<secret id or name> > ENV_NAME'.*no '>' found/,
  },
  { name: 'a bare name without >', input: '\nDB_USER', error: /line 2: expected/ },
  { name: 'empty id', input: ' > ONE', error: /line 1: the secret id or name before '>' is empty/ },
  { name: 'empty name', input: `${A} > `, error: /line 1: the environment variable name after '>' is empty/ },
  { name: 'a second >', input: `${A} > ONE > TWO`, error: /line 1: it has more than one '>'/ },
  {
    name: 'env name starting with a digit',
    input: `${A} > 1ONE`,
    error: /"1ONE" is not a valid environment variable name/,
  },
  { name: 'env name with a hyphen', input: `${A} > MY-VAR`, error: /"MY-VAR" is not a valid/ },
  { name: 'env name with =', input: `${A} > A=B`, error: /"A=B" is not a valid/ },
  { name: 'env name with a space', input: `${A} > A B`, error: /"A B" is not a valid/ },
  { name: 'env name with unicode', input: `${A} > ÄPFEL`, error: /"ÄPFEL" is not a valid/ },
  {
    name: 'the same env name twice',
    input: `${A} > ONE\n\n${B} > ONE`,
    error: /line 3: the name ONE is already used on line 1; names must be unique/,
  },
  {
    name: 'a wildcard with a name',
    input: '* > ALL',
    error: /line 1: a wildcard exports each secret under its own name/,
  },
  { name: 'a project wildcard with a name', input: `${P}/* > ALL`, error: /line 1: a wildcard/ },
  {
    name: 'a project with an empty name',
    input: `${P}/ > X`,
    error: /line 1: the secret name after the project id is empty/,
  },
  { name: 'the same wildcard twice', input: '*\n*', error: /line 2: it repeats the wildcard of line 1/ },
]

describe('parseBitwardenMapping rejects', () => {
  test.each(bad)('$name', ({ input, error }) => {
    expect(() => parseBitwardenMapping(input)).toThrow(InputError)
    expect(() => parseBitwardenMapping(input)).toThrow(error)
    expect(() => parseBitwardenMapping(input)).toThrow(/^Input 'secrets', line \d+: /)
  })
})

test('meaningfulLines numbers lines as the user sees them', () => {
  expect(meaningfulLines('a\r\n\r\nb\rc\n#d\n e #f')).toEqual([
    { line: 1, text: 'a' },
    { line: 3, text: 'b' },
    { line: 4, text: 'c' },
    { line: 6, text: 'e' },
  ])
})
