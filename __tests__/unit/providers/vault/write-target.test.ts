// The Vault targets of the write action: '<path> <key>' (docs/protocols/vault.md#writing).
import fc from 'fast-check'
import { InputError } from '../../../../src/errors.js'
import { parseWriteTargets } from '../../../../src/providers/vault/write-target.js'

const req = (target: string, line = 1) => ({ line, source: 'SRC', target, value: 'v' })

describe('Vault write targets', () => {
  test('the path, then the rest of the line as a literal key', () => {
    expect(parseWriteTargets([req('secret/data/ci npmToken'), req('/kv/app  db.password x', 2)])).toEqual([
      { ...req('secret/data/ci npmToken'), path: 'secret/data/ci', key: 'npmToken' },
      { ...req('/kv/app  db.password x', 2), path: 'kv/app', key: 'db.password x' },
    ])
  })

  test.each([
    ['secret/data/ci', 'the Vault target "secret/data/ci" is not \'<path> <key>\''],
    ['secret/data/ci?version=2 k', 'the Vault path "secret/data/ci?version=2" cannot be written'],
    ['secret/data/ci/ k', 'the Vault path "secret/data/ci/" cannot be written'],
    ['/ k', 'the Vault path "/" cannot be written'],
  ])('%j is refused naming the line', (target, message) => {
    expect(() => parseWriteTargets([req(target, 3)])).toThrow(`Input 'secrets', line 3: ${message}`)
  })

  test('the same key of the same path twice is refused', () => {
    expect(() => parseWriteTargets([req('a/b k'), req('/a/b   k', 2)])).toThrow(
      'line 2: it writes the same key as line 1',
    )
  })

  test('any text gives a target or an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        try {
          const [t] = parseWriteTargets([req(text.trim())])
          expect(t!.path).not.toBe('')
          expect(t!.key).toBe(t!.key.trim())
          expect(t!.key).not.toBe('')
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
        }
      }),
    )
  })
})
