import { jest } from '@jest/globals'

// @actions/core is the module boundary: record what the name checks, masking and the writes ask of
// it, in order.
const calls: Array<[string, string, string?]> = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: (v: string) => calls.push(['mask', v]),
  exportVariable: (n: string, v: string) => {
    if (n === 'THROWS') throw new Error('disk full')
    // As @actions/core does: the file command, and the variable for this process.
    process.env[n] = v
    calls.push(['env', n, v])
  },
  setOutput: (n: string, v: string) => calls.push(['output', n, v]),
}))
const core = await import('@actions/core')
const { createMasks, masksFor } = await import('../../../src/runner/masking.js')
const { assertExportable } = await import('../../../src/runner/export-names.js')
const { writeExports } = await import('../../../src/runner/reveal.js')
type Secret = import('../../../src/providers/provider.js').Secret

// The order src/main.ts runs them in: every name checked, every value masked, then the writes.
const { mask, scrub } = createMasks(core.setSecret)
function reveal(secrets: readonly Secret[], opts: { setEnv: boolean; allowDangerousNames: boolean }): void {
  assertExportable(secrets, opts)
  for (const s of secrets) mask(s.value)
  writeExports(secrets, opts.setEnv)
}

beforeEach(() => (calls.length = 0))

test.each([
  ['empty value: nothing to mask', '', []],
  ['one line', 'hunter2', ['hunter2']],
  [
    'LF lines, whole value first, then its JSON-escaped form, then folded to one line',
    'a1\nb2',
    ['a1\nb2', 'a1', 'b2', 'a1\\nb2', 'a1 b2'],
  ],
  ['CRLF, blank and padded lines', ' x \r\n\r\n y', [' x \r\n\r\n y', 'x', 'y', ' x \\r\\n\\r\\n y', 'x y']],
  ['trailing newline', 'v\n', ['v\n', 'v', 'v\\n']],
  ['a lone CR separates lines too', 'p\rq', ['p\rq', 'p', 'q', 'p\\rq', 'p q']],
  ['quotes and backslashes get their JSON form', 'say "hi" \\o/', ['say "hi" \\o/', 'say \\"hi\\" \\\\o/']],
])('masksFor: %s', (_name, value, expected) => {
  expect(masksFor(value)).toEqual(expected)
})

const s = (name: string, value: string) => ({ name, value, source: 'test secret' })
const opts = { setEnv: true, allowDangerousNames: false }

test('masks every value before the first export, then env and outputs', () => {
  reveal([s('A', 'one\ntwo'), s('B', '')], opts)
  expect(calls).toEqual([
    ['mask', 'one\ntwo'],
    ['mask', 'one'],
    ['mask', 'two'],
    ['mask', 'one\\ntwo'],
    ['mask', 'one two'],
    ['env', 'A', 'one\ntwo'],
    ['output', 'A', 'one\ntwo'],
    ['env', 'B', ''],
    ['output', 'B', ''],
  ])
})

test('a value masked before is not registered twice, and the scrubber knows it', () => {
  reveal([s('C', 'scrub-me-now')], opts)
  reveal([s('D', 'scrub-me-now')], opts)
  expect(calls.filter(([k]) => k === 'mask')).toEqual([['mask', 'scrub-me-now']])
  expect(scrub('error: got scrub-me-now back')).toBe('error: got *** back')
  expect(scrub('multi: one / two')).toBe('multi: *** / ***')
})

test('set_env false still sets outputs', () => {
  reveal([s('A', 'x')], { ...opts, setEnv: false })
  expect(calls.filter(([k]) => k !== 'mask')).toEqual([['output', 'A', 'x']])
})

test.each([
  ['a newline', 'A\nLD_PRELOAD'],
  ['=', 'A=B'],
  ['<', 'A<<EOF'],
  ['empty', ''],
])('refuses a name with %s before writing anything', (_name, name) => {
  expect(() => reveal([s('OK', 'v'), s(name, 'w')], opts)).toThrow(
    /Refusing to export .*not a valid environment variable name/,
  )
  expect(calls).toEqual([])
})

test('refuses a duplicate name before writing anything', () => {
  expect(() => reveal([s('A', 'v'), s('A', 'w')], opts)).toThrow('Refusing to export A twice')
  expect(calls).toEqual([])
})

test.each([
  'NODE_OPTIONS',
  'LD_PRELOAD',
  'LD_LIBRARY_PATH',
  'DYLD_INSERT_LIBRARIES',
  'BASH_ENV',
  'ENV',
  'PATH',
  'Path',
  'GITHUB_TOKEN',
  'RUNNER_TEMP',
  'ACTIONS_RUNTIME_TOKEN',
])('refuses the dangerous env name %s unless allowed', (name) => {
  expect(() => reveal([s('OK', 'v'), s(name, 'w')], opts)).toThrow(
    new RegExp(
      `Refusing to export ${name} \\(test secret\\) as an environment variable: it would change how every later step runs.*allow_dangerous_names: true`,
    ),
  )
  expect(calls).toEqual([])
  reveal([s(name, 'w')], { ...opts, allowDangerousNames: true })
  expect(calls.filter(([k]) => k === 'env')).toEqual([['env', name, 'w']])
})

test('dangerous names are fine as outputs only, and look-alikes are fine', () => {
  reveal([s('PATH', 'p')], { ...opts, setEnv: false })
  reveal([s('MY_PATH', 'p'), s('ENVIRONMENT', 'e'), s('XGITHUB_X', 'g')], opts)
  expect(calls.filter(([k]) => k === 'env').map(([, n]) => n)).toEqual(['MY_PATH', 'ENVIRONMENT', 'XGITHUB_X'])
})

test('a provider may name the output differently (vault-action keeps the case there)', () => {
  reveal([{ name: 'NPMTOKEN', outputName: 'npmToken', value: 'n', source: 'vault' }], opts)
  expect(calls.filter(([k]) => k !== 'mask')).toEqual([
    ['env', 'NPMTOKEN', 'n'],
    ['output', 'npmToken', 'n'],
  ])
})

test.each([
  [
    'an output name with a newline',
    [{ name: 'A', outputName: 'a\nb', value: 'v', source: 'x' }],
    /not a valid output name/,
  ],
  [
    'two secrets with one output name',
    [
      { name: 'A', outputName: 'o', value: 'v', source: 'x' },
      { name: 'B', outputName: 'o', value: 'w', source: 'y' },
    ],
    /set the output o twice/,
  ],
])('refuses %s before writing anything', (_n, secrets, error) => {
  expect(() => reveal(secrets, opts)).toThrow(error)
  expect(calls).toEqual([])
})

test('output names that differ only in case are refused (expressions ignore case)', () => {
  const secrets = [
    { name: 'A', outputName: 'token', value: 'v', source: 'x' },
    { name: 'B', outputName: 'TOKEN', value: 'w', source: 'y' },
  ]
  expect(() => reveal(secrets, opts)).toThrow(/set the output TOKEN twice, ignoring case/)
  expect(calls).toEqual([])
})

test("the exports' process.env assignments land on a copy: the process's own environment is put back, also after a failure", () => {
  const real = process.env
  writeExports([{ name: 'EXPORTED_IN_TEST', value: 'v', source: 's' }], true)
  expect(process.env).toBe(real)
  expect(process.env.EXPORTED_IN_TEST).toBeUndefined()
  expect(() => writeExports([{ name: 'THROWS', value: 'v', source: 's' }], true)).toThrow('disk full')
  expect(process.env).toBe(real)
})
