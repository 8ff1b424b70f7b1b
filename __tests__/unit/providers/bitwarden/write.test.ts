// The write side of the Bitwarden wing, pure parts: encryptString (the counterpart of
// decryptString, docs/protocols/bitwarden.md#encryption) checked against the test server's
// independent crypto, and the target grammar (docs/protocols/bitwarden.md#writing).
import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import { InputError } from '../../../../src/errors.js'
import { decryptString, encryptString, parseEncString, splitKey } from '../../../../src/providers/bitwarden/crypto.js'
import {
  encStringLength,
  maxPlaintextBytes,
  parseWriteTargets,
} from '../../../../src/providers/bitwarden/write-target.js'
import { decryptEncString, encryptToEncString } from '../../../../test/servers/bitwarden-crypto.js'

const P = '11111111-2222-4333-8444-555555555555'
const S = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'

describe('encryptString', () => {
  const raw = new Uint8Array(randomBytes(64))
  const key = splitKey(raw)

  test('gives the same EncString as the test server for the same IV (known answer)', () => {
    const iv = new Uint8Array(16).fill(7)
    for (const text of ['', 'a', 'x'.repeat(16), 'Grüße 🔐\r\n']) {
      expect(encryptString(text, key, iv)).toBe(encryptToEncString(text, raw, iv))
    }
  })

  test('round-trips through our decryption and the independent one, with a fresh IV each time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const a = encryptString(text, key)
        const b = encryptString(text, key)
        expect(a).not.toBe(b)
        expect(parseEncString(a).iv).not.toEqual(parseEncString(b).iv)
        expect(decryptString(a, key)).toBe(text)
        expect(decryptEncString(a, raw)).toBe(text)
      }),
      { numRuns: 200 },
    )
  })

  test('an empty value is one block of padding, as the vendor clients send it', () => {
    expect(parseEncString(encryptString('', key)).data).toHaveLength(16)
  })
})

describe('parseWriteTargets', () => {
  const req = (target: string, line = 1) => ({ line, source: 'SRC', target, value: 'v' })

  test('an id, or a project id and a name', () => {
    expect(parseWriteTargets([req(S.toUpperCase()), req(`${P}/DB password > x`, 2)])).toEqual([
      { ...req(S.toUpperCase()), kind: 'id', id: S },
      { ...req(`${P}/DB password > x`, 2), kind: 'name', projectId: P, name: 'DB password > x' },
    ])
  })

  test.each([
    ['NAME', 'the Bitwarden target "NAME" is neither a secret id nor'],
    ['not-a-uuid/NAME', 'the Bitwarden target "not-a-uuid/NAME" is neither a secret id nor'],
    [`${P}/`, 'the secret name after the project id is empty'],
    [`${P}/*`, "the secret name after the project id is '*'"],
  ])('%s is refused naming the line', (target, message) => {
    expect(() => parseWriteTargets([req(target, 4)])).toThrow(InputError)
    expect(() => parseWriteTargets([req(target, 4)])).toThrow(`Input 'secrets', line 4: ${message}`)
  })

  test('the same secret twice is refused', () => {
    expect(() => parseWriteTargets([req(S), req(S.toUpperCase(), 3)])).toThrow(
      "Input 'secrets', line 3: it writes the same secret as line 1",
    )
  })

  test('any text gives targets or an InputError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        try {
          const [t] = parseWriteTargets([req(text)])
          expect(['id', 'name']).toContain(t!.kind)
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
        }
      }),
    )
  })
})

describe('value and name sizes (bitwarden/server [EncryptedStringLength]: value 35,000, key 1,000 characters)', () => {
  const key = splitKey(new Uint8Array(randomBytes(64)))

  test('encStringLength is the length of the EncString encryptString makes, for every size', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), (n) => {
        expect(encryptString('a'.repeat(n), key).length).toBe(encStringLength(n))
      }),
    )
  })

  test('the largest plaintexts that fit: 26,191 bytes of value, 687 of name', () => {
    expect(maxPlaintextBytes(35000)).toBe(26191)
    expect(encryptString('v'.repeat(26191), key).length).toBeLessThanOrEqual(35000)
    expect(encryptString('v'.repeat(26192), key).length).toBeGreaterThan(35000)
    expect(maxPlaintextBytes(1000)).toBe(687)
  })

  test('a value over the limit is refused naming the line and the source, counted in UTF-8 bytes', () => {
    const big = { line: 4, source: 'BIG', target: S, value: 'é'.repeat(13096) } // 26,192 bytes
    expect(() => parseWriteTargets([big])).toThrow(
      "Input 'secrets', line 4: the value of BIG is 26192 bytes (UTF-8); Bitwarden stores at most 26191 bytes in a secret's value",
    )
    expect(parseWriteTargets([{ ...big, value: 'é'.repeat(13095) + 'x' }])).toHaveLength(1)
    expect(() => parseWriteTargets([{ ...big, value: 'v', target: `${P}/${'n'.repeat(688)}` }])).toThrow(
      'line 4: the secret name is 688 bytes (UTF-8); Bitwarden allows at most 687',
    )
  })
})
