// Property tests for Infisical's parsers of untrusted text: each returns or throws one of our own
// error types, never anything else, and its errors never repeat the secret parts of its input.
import { createCipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { ActionError, CryptoError, InputError } from '../../../../src/errors.js'
import { parseInfisicalMapping } from '../../../../src/providers/infisical/mapping.js'
import { decryptSymmetric } from '../../../../src/providers/infisical/crypto.js'
import { parseServiceToken } from '../../../../src/providers/infisical/token.js'
import { echoes, marked, outcome } from '../../../../test/harness/echoes.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

const hex32 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('hex'))
const part = fc.oneof(hex32, marked(fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), fc.uuid())
const tokenish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 140 }),
  fc
    .tuple(
      fc.constantFrom('st', 'st.', 'ST', '', ' st'),
      fc.array(part, { minLength: 0, maxLength: 5 }),
      fc.constantFrom('', '\n', ' ', '\r\n'),
    )
    .map(([prefix, parts, tail]) => [prefix, ...parts].join('.') + tail),
)

describe('fuzz: Infisical', () => {
  test('parseServiceToken only throws InputError and never echoes the secret or key', () => {
    fc.assert(
      fc.property(tokenish, (token) => {
        const err = outcome(() => parseServiceToken(token))
        if (!err) {
          const t = parseServiceToken(token)
          // The bearer never contains the key part.
          expect(t.bearer).toBe(t.text.slice(0, t.text.lastIndexOf('.')))
          expect(t.bearer.split('.')).toHaveLength(3)
          return
        }
        expect(err).toBeInstanceOf(InputError)
        const parts = token.trim().split('.')
        for (const p of parts.slice(1)) expect(echoes(err.message, p)).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })

  test('parseInfisicalMapping only throws InputError naming a line', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .tuple(
          fc.constantFrom('', '/', '/a/', '/a/b/', 'x/', '//', '/../'),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('*', 'KEY', 'api-key', 'db.pw')),
          fc.constantFrom('>', ' > ', '>>', '', ' # c'),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('NAME', '1X', 'A-B', '')),
        )
        .map(([p, k, s, n]) => `${p}${k}${s}${n}`),
    )
    const input = fc
      .array(line, { maxLength: 12 })
      .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)))
    fc.assert(
      fc.property(input, (text) => {
        const err = outcome(() => parseInfisicalMapping(text))
        if (!err) {
          const { requests } = parseInfisicalMapping(text)
          expect(requests.length).toBeGreaterThan(0)
          for (const r of requests) if (r.kind === 'key') expect(r.envName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
          return
        }
        expect(err).toBeInstanceOf(InputError)
        expect(err.message).toMatch(/^Input 'secrets', line \d+: /)
      }),
      { numRuns: RUNS },
    )
  })

  test('decryptSymmetric: damaged fields only throw CryptoError; intact ones round-trip', () => {
    const key = 'f'.repeat(32)
    const sealed = fc
      .tuple(marked(fc.string({ maxLength: 63 })), fc.integer({ min: 8, max: 24 }))
      .map(([plaintext, ivBytes]) => {
        const iv = randomBytes(ivBytes)
        const c = createCipheriv('aes-256-gcm', Buffer.from(key), iv)
        const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()])
        return {
          plaintext,
          field: {
            ciphertext: ct.toString('base64'),
            iv: iv.toString('base64'),
            tag: c.getAuthTag().toString('base64'),
          },
        }
      })
    const damage = fc.oneof(
      fc.constant(undefined),
      fc.record({
        which: fc.constantFrom('ciphertext', 'iv', 'tag'),
        text: fc.string({ unit: 'binary', maxLength: 40 }),
      }),
      fc.record({ which: fc.constantFrom('ciphertext', 'iv', 'tag'), bit: fc.nat(255) }),
    )
    const keys = fc.oneof(fc.constant(key), marked(fc.string({ maxLength: 40 })), hex32)
    fc.assert(
      fc.property(sealed, damage, keys, ({ plaintext, field }, dmg, k) => {
        let f = field
        if (dmg && 'text' in dmg) f = { ...field, [dmg.which]: dmg.text }
        if (dmg && 'bit' in dmg) {
          const bytes = Buffer.from(field[dmg.which], 'base64')
          if (bytes.length > 0) {
            bytes[(dmg.bit >> 3) % bytes.length]! ^= 1 << (dmg.bit & 7)
            f = { ...field, [dmg.which]: bytes.toString('base64') }
          }
        }
        const err = outcome(() => decryptSymmetric(k, f))
        if (!err) {
          // Anything that decrypts must be exactly what was sealed, under the right key.
          expect(k).toBe(key)
          expect(decryptSymmetric(k, f)).toBe(plaintext)
          return
        }
        expect(err).toBeInstanceOf(CryptoError)
        expect(err).toBeInstanceOf(ActionError)
        expect(echoes(err.message, plaintext)).toBe(false)
        expect(echoes(err.message, k)).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })
})
