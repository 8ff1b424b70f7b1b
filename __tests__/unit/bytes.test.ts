// The strict decoders every wing's crypto uses (src/bytes.ts): one row per rule.
import { decodeBase64Strict, decodeUtf8Strict } from '../../src/bytes.js'

test.each([
  ['padded', 'QUJD', {}, 'ABC'],
  ['padding optional by default', 'QUI', {}, 'AB'],
  ['padding present and complete', 'QUI=', {}, 'AB'],
  ['two padding characters', 'QQ==', {}, 'A'],
  ['empty', '', {}, ''],
  ['padded mode accepts padded text', 'QUI=', { padded: true }, 'AB'],
] as const)('decodeBase64Strict: %s', (_name, text, options, expected) => {
  expect(Buffer.from(decodeBase64Strict(text, options)!).toString('latin1')).toBe(expected)
})

test.each([
  ['the URL-safe alphabet', 'QU-_', {}],
  ['a space inside', 'QU JD', {}],
  ['padding that does not complete the quantum', 'QUI==', {}],
  ['a lone padding character', 'QQ=', {}],
  ['one character too many', 'QUJDR', {}],
  ['unpadded text in padded mode', 'QUI', { padded: true }],
] as const)('decodeBase64Strict refuses %s', (_name, text, options) => {
  expect(decodeBase64Strict(text, options)).toBeUndefined()
})

test('decodeUtf8Strict: valid text as is (a BOM kept), invalid bytes throw', () => {
  expect(decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa')
  expect(() => decodeUtf8Strict(new Uint8Array([0xc3, 0x28]))).toThrow(/not valid for encoding utf-8/)
  expect(() => decodeUtf8Strict(new Uint8Array([0xed, 0xa0, 0x80]))).toThrow(/not valid for encoding utf-8/)
})
