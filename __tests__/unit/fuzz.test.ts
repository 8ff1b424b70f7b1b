// Property tests: every parser of untrusted text returns or throws one of our own error types,
// never anything else, and its errors never repeat the secret parts of what it was given.
import fc from 'fast-check'
import { ActionError } from '../../src/errors.js'
import { parseBitwardenMapping } from '../../src/providers/bitwarden/mapping.js'
import { parseAccessToken } from '../../src/providers/bitwarden/token.js'
import { decryptString, parseEncString, splitKey } from '../../src/providers/bitwarden/crypto.js'
import { organizationIdFromJwt, toSecretWithValue } from '../../src/providers/bitwarden/api.js'
import { echoes, marked, outcome } from '../../test/harness/echoes.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

const b64 = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((b) => Buffer.from(b).toString('base64'))
const uuid = fc.uuid()
const secretChars = marked(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }))

// Token-shaped strings: real structure with damaged parts, plus arbitrary text.
const tokenish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom('0', '1', '', '00'),
      fc.oneof(uuid, fc.string()),
      secretChars,
      fc.constantFrom(':', '.', ''),
      fc.oneof(b64, marked(fc.string())),
    )
    .map(([v, id, s, sep, k]) => `${v}.${id}.${s}${sep}${k}`),
)

describe('fuzz', () => {
  test('parseAccessToken only throws InputError and never echoes the secret or key', () => {
    fc.assert(
      fc.property(tokenish, (token) => {
        const err = outcome(() => parseAccessToken(token))
        if (!err) return
        expect(err).toBeInstanceOf(ActionError)
        const colon = token.indexOf(':')
        const key = colon >= 0 ? token.slice(colon + 1).trim() : ''
        const secret = token.slice(0, colon >= 0 ? colon : undefined).split('.')[2] ?? ''
        expect(echoes(err.message, key)).toBe(false)
        expect(echoes(err.message, secret)).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })

  test('parseBitwardenMapping only throws InputError naming a line', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc
        .tuple(fc.oneof(uuid, fc.string(), fc.constant('*')), fc.constantFrom('>', ' > ', '>>', ''), fc.string())
        .map(([a, s, b]) => `${a}${s}${b}`),
      fc.tuple(uuid, fc.constantFrom('/*', '/DB', '/')).map(([a, b]) => a + b),
    )
    const input = fc
      .array(line, { maxLength: 12 })
      .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)))
    fc.assert(
      fc.property(input, (text) => {
        const err = outcome(() => parseBitwardenMapping(text))
        if (err) {
          expect(err).toBeInstanceOf(ActionError)
          expect(err.message).toMatch(/^Input 'secrets', line \d+: /)
        }
      }),
      { numRuns: RUNS },
    )
  })

  test('EncString parsing and decryption only throw CryptoError', () => {
    const key = splitKey(new Uint8Array(64).fill(5))
    const enc = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(fc.constantFrom('0', '1', '2', '2', '7', 'x'), fc.array(b64, { minLength: 1, maxLength: 4 }))
        .map(([t, parts]) => `${t}.${parts.join('|')}`),
      fc
        .tuple(
          fc.uint8Array({ minLength: 16, maxLength: 16 }),
          fc.uint8Array({ minLength: 1, maxLength: 4 }).map((n) => new Uint8Array(16 * n.length)),
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
        )
        .map(
          ([iv, data, mac]) =>
            `2.${Buffer.from(iv).toString('base64')}|${Buffer.from(data).toString('base64')}|${Buffer.from(mac).toString('base64')}`,
        ),
    )
    fc.assert(
      fc.property(enc, (text) => {
        const err = outcome(() => decryptString(text, key))
        // Random bytes never carry a valid MAC, so decryption must fail, and with our error.
        expect(err).toBeInstanceOf(ActionError)
        const parsed = outcome(() => parseEncString(text))
        if (parsed) expect(parsed).toBeInstanceOf(ActionError)
      }),
      { numRuns: RUNS },
    )
  })

  test('server JSON shapes are checked without crashing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ maxLength: 80 }), (json, jwt) => {
        const a = outcome(() => toSecretWithValue(json, 'test'))
        if (a) expect(a).toBeInstanceOf(ActionError)
        const b = outcome(() => organizationIdFromJwt(jwt, 'test'))
        expect(b).toBeInstanceOf(ActionError)
      }),
      { numRuns: RUNS },
    )
  })
})
