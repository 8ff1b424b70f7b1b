// The write action's `SOURCE > TARGET` grammar (src/write/mapping.ts).
import fc from 'fast-check'
import { InputError } from '../../../src/errors.js'
import { parseWriteMapping, sourceNames } from '../../../src/write/mapping.js'

describe('parseWriteMapping', () => {
  test('lines, comments and blanks; the first > separates; a source may feed several targets', () => {
    const text = '# release\nAPI_KEY > proj/API_KEY\n\n  TOKEN>id-1  # rotated\nAPI_KEY > proj/a > b\n'
    expect(parseWriteMapping(text)).toEqual([
      { line: 2, source: 'API_KEY', target: 'proj/API_KEY' },
      { line: 4, source: 'TOKEN', target: 'id-1' },
      { line: 5, source: 'API_KEY', target: 'proj/a > b' },
    ])
  })

  test.each([
    ['API_KEY', 1, "expected 'SOURCE_ENV_NAME > TARGET' (no '>' found)"],
    [' > target', 1, "the source environment variable before '>' is empty"],
    ['1BAD > target', 1, 'the source "1BAD" is not an environment variable name'],
    ['$API_KEY > target', 1, 'the source "$API_KEY" is not an environment variable name'],
    ['API_KEY >', 1, "the target after '>' is empty"],
    ['# only a comment', 1, 'there are no mappings'],
    ['A > t\nB > t', 2, 'the target "t" is already written on line 1'],
  ])('%j is refused naming line %i', (text, line, message) => {
    expect(() => parseWriteMapping(text)).toThrow(InputError)
    expect(() => parseWriteMapping(text)).toThrow(`Input 'secrets', line ${line}: ${message}`)
  })

  test('any text parses or is an InputError; every parsed source is among sourceNames', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        let lines
        try {
          lines = parseWriteMapping(text)
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
          return
        }
        const names = sourceNames(text)
        for (const l of lines) {
          expect(names).toContain(l.source)
          expect(l.target).not.toBe('')
        }
      }),
      { numRuns: 500 },
    )
  })
})
