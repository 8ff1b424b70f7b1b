import { jest } from '@jest/globals'

// @actions/core is the module boundary: record what reveal asks of it, in order.
const calls: Array<[string, string, string?]> = []
jest.unstable_mockModule('@actions/core', () => ({
  setSecret: (v: string) => calls.push(['mask', v]),
  exportVariable: (n: string, v: string) => calls.push(['env', n, v]),
  setOutput: (n: string, v: string) => calls.push(['output', n, v]),
}))
const { masksFor, reveal } = await import('../src/reveal.js')

beforeEach(() => (calls.length = 0))

test.each([
  ['empty value: nothing to mask', '', []],
  ['one line', 'hunter2', ['hunter2']],
  ['LF lines, whole value first', 'a1\nb2', ['a1\nb2', 'a1', 'b2']],
  ['CRLF, blank and padded lines', ' x \r\n\r\n y', [' x \r\n\r\n y', 'x', 'y']],
  ['trailing newline', 'v\n', ['v\n', 'v']],
  ['a lone CR separates lines too', 'p\rq', ['p\rq', 'p', 'q']],
])('masksFor: %s', (_name, value, expected) => {
  expect(masksFor(value)).toEqual(expected)
})

const s = (name: string, value: string) => ({ name, value, source: "test secret" })

test('masks every value before the first export, then env and outputs', () => {
  reveal([s('A', 'one\ntwo'), s('B', '')], { setEnv: true })
  expect(calls).toEqual([
    ['mask', 'one\ntwo'],
    ['mask', 'one'],
    ['mask', 'two'],
    ['env', 'A', 'one\ntwo'],
    ['output', 'A', 'one\ntwo'],
    ['env', 'B', ''],
    ['output', 'B', ''],
  ])
})

test('set_env false still sets outputs', () => {
  reveal([s('A', 'x')], { setEnv: false })
  expect(calls).toEqual([['mask', 'x'], ['output', 'A', 'x']])
})

test.each([
  ['a newline', 'A\nLD_PRELOAD'],
  ['=', 'A=B'],
  ['<', 'A<<EOF'],
  ['empty', ''],
])('refuses a name with %s before writing anything', (_name, name) => {
  expect(() => reveal([s('OK', 'v'), s(name, 'w')], { setEnv: true })).toThrow(/Refusing to export .*not a valid environment variable name/)
  expect(calls).toEqual([])
})

test('refuses a duplicate name before writing anything', () => {
  expect(() => reveal([s('A', 'v'), s('A', 'w')], { setEnv: true })).toThrow('Refusing to export A twice')
  expect(calls).toEqual([])
})
