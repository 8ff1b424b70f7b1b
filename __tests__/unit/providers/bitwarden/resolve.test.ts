import { InputError } from '../../../../src/errors.js'
import { parseBitwardenMapping } from '../../../../src/providers/bitwarden/mapping.js'
import { needsListing, resolveTargets, type NamedSecret } from '../../../../src/providers/bitwarden/resolve.js'

const P1 = '11111111-1111-4111-8111-111111111111'
const P2 = '22222222-2222-4222-8222-222222222222'
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const listed: NamedSecret[] = [
  { id: id(1), name: 'DB_USER', projectIds: [P1] },
  { id: id(2), name: 'DB_USER', projectIds: [P2] },
  { id: id(3), name: 'API_TOKEN', projectIds: [P1] },
  { id: id(4), name: 'api-key', projectIds: [P2] },
  { id: id(5), name: 'LONELY', projectIds: [] },
]

const resolve = (text: string): ReturnType<typeof resolveTargets> =>
  resolveTargets(parseBitwardenMapping(text).requests, listed)

test('ids alone need no listing; names and wildcards do', () => {
  expect(needsListing(parseBitwardenMapping(`${id(1)} > A`).requests)).toBe(false)
  expect(needsListing(parseBitwardenMapping('X > A').requests)).toBe(true)
  expect(needsListing(parseBitwardenMapping('*').requests)).toBe(true)
})

const ok: Array<{ name: string; input: string; expected: Array<[string, string]> }> = [
  { name: 'by id', input: `${id(9)} > A`, expected: [[id(9), 'A']] },
  { name: 'a unique name', input: 'API_TOKEN > T', expected: [[id(3), 'T']] },
  { name: 'a name scoped to its project', input: `${P2}/DB_USER > U`, expected: [[id(2), 'U']] },
  {
    name: 'a project wildcard',
    input: `${P1}/*`,
    expected: [
      [id(1), 'DB_USER'],
      [id(3), 'API_TOKEN'],
    ],
  },
  {
    name: 'an explicit mapping takes its secret out of the wildcard (how invalid keys are fixed)',
    input: `${P2}/*\n${id(4)} > API_KEY`,
    expected: [
      [id(4), 'API_KEY'],
      [id(2), 'DB_USER'],
    ],
  },
  {
    name: 'two wildcards over the same secret export it once',
    input: `${P1}/*\n${P1}/API_TOKEN > T`,
    expected: [
      [id(3), 'T'],
      [id(1), 'DB_USER'],
    ],
  },
]

test.each(ok)('resolves $name', ({ input, expected }) => {
  expect(resolve(input).map((t) => [t.id, t.envName])).toEqual(expected)
})

const bad: Array<{ name: string; input: string; error: RegExp }> = [
  {
    name: 'an unknown name',
    input: '\nNOPE > X',
    error: /line 2: no secret named "NOPE" among the secrets this machine account can read/,
  },
  {
    name: 'an ambiguous name lists the candidate ids and projects',
    input: 'DB_USER > U',
    error: new RegExp(
      `line 1: the name "DB_USER" is ambiguous: 2 secrets have it: ${id(1)} \\(project ${P1}\\); ${id(2)} \\(project ${P2}\\)`,
    ),
  },
  {
    name: 'a name outside the given project',
    input: `${P2}/API_TOKEN > T`,
    error: new RegExp(`no secret named "API_TOKEN" among project ${P2}`),
  },
  {
    name: 'an invalid key in a wildcard',
    input: `${P2}/*`,
    error: new RegExp(
      `line 1: in project ${P2}, these secret names are not valid environment variable names: "api-key" \\(${id(4)}\\)`,
    ),
  },
  {
    name: 'a wildcard key clashing with duplicate keys',
    input: `${P1}/*\n${P2}/*\n${id(4)} > K`,
    error: new RegExp(`line 2: the secret ${id(2)} would be exported as DB_USER, which secret ${id(1)} also has`),
  },
  {
    name: 'a wildcard key clashing with an explicit name',
    input: `${id(9)} > API_TOKEN\n${P1}/*`,
    error: /line 2: the secret .* would be exported as API_TOKEN, which line 1 already uses/,
  },
  {
    name: 'an empty project',
    input: '33333333-3333-4333-8333-333333333333/*',
    error: /project 33333333-3333-4333-8333-333333333333 holds no secret this machine account can read/,
  },
]

test.each(bad)('refuses $name', ({ input, error }) => {
  expect(() => resolve(input)).toThrow(InputError)
  expect(() => resolve(input)).toThrow(error)
})

test('nothing readable at all for *', () => {
  expect(() => resolveTargets(parseBitwardenMapping('*').requests, [])).toThrow(
    /the secrets this machine account can read hold no secret/,
  )
})
