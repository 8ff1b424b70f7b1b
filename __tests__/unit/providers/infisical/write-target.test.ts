// The Infisical targets of the write action: 'KEY' or '/folder/KEY' (docs/protocols/infisical.md#writing),
// and the form Infisical stores a written value in.
import fc from 'fast-check'
import { InputError } from '../../../../src/errors.js'
import { parseWriteTargets, storedForm } from '../../../../src/providers/infisical/write-target.js'

const req = (target: string, line = 1) => ({ line, source: 'SRC', target, value: 'v' })

describe('Infisical write targets', () => {
  test('a bare key (the run folder), or a folder and a key', () => {
    expect(parseWriteTargets([req('API_KEY'), req('/deploy/api/db.password', 2), req('/ROOT', 3)])).toEqual([
      { ...req('API_KEY'), key: 'API_KEY' },
      { ...req('/deploy/api/db.password', 2), key: 'db.password', path: '/deploy/api' },
      { ...req('/ROOT', 3), key: 'ROOT', path: '/' },
    ])
  })

  test.each([
    ['/deploy/', "the Infisical target \"/deploy/\" names no key: write 'KEY' or '/folder/KEY'"],
    ['deploy/KEY', 'the Infisical target "deploy/KEY" must start with \'/\' when it names a folder'],
    ['/a//KEY', '"/a/" is not a folder path'],
    ['/a/../KEY', '"/a/.." is not a folder path'],
    ['A KEY', '"A KEY" is not an Infisical secret key'],
  ])('%j is refused naming the line', (target, message) => {
    expect(() => parseWriteTargets([req(target, 3)])).toThrow(`Input 'secrets', line 3: ${message}`)
  })

  test('the same key of the same folder twice is refused, a bare key counting in the run folder', () => {
    expect(() => parseWriteTargets([req('/app/K'), req('/app/K', 2)])).toThrow(
      'line 2: it writes the same key as line 1',
    )
    expect(() => parseWriteTargets([req('/app/K'), req('K', 2)], '/app')).toThrow(
      'line 2: it writes the same key as line 1',
    )
    expect(parseWriteTargets([req('/app/K'), req('K', 2)])).toHaveLength(2)
  })

  test('any text gives a target or an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        try {
          const [t] = parseWriteTargets([req(text)])
          expect(t!.key).not.toBe('')
          expect(t!.key).not.toMatch(/[\s/]/)
          if (t!.path !== undefined) expect(t!.path).toMatch(/^\/(?:[^/\s]+(?:\/[^/\s]+)*)?$/)
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
        }
      }),
    )
  })

  test("storedForm is the server's trim: one final newline kept; idempotent", () => {
    expect(storedForm('  a b  ')).toBe('a b')
    expect(storedForm('pem\n')).toBe('pem\n')
    expect(storedForm(' pem\n\n\r\n')).toBe('pem\n')
    expect(storedForm('\n')).toBe('\n')
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (v) => {
        expect(storedForm(storedForm(v))).toBe(storedForm(v))
      }),
    )
  })
})
