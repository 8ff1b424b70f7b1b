// Infisical E2EE decryption (docs/protocols/infisical.md#decryption, #test-vectors): the official vector verbatim, its negative cases, and
// the encoding rules INF-GCM-1..5. Independent ciphertexts come from node:crypto.
import { createCipheriv, randomBytes } from 'node:crypto'
import { CryptoError } from '../../../../src/errors.js'
import {
  decodeBase64,
  decryptBytes,
  decryptProjectKey,
  decryptSymmetric,
  keyBytes,
} from '../../../../src/providers/infisical/crypto.js'

// docs/protocols/infisical.md#test-vectors, verbatim (Infisical/infisical-python tests/test_utils/test_crypto_decrypt_symmetric.py @ 637e4b6).
const VECTOR = {
  keyBase64: 'NDQxYThhNGFlOTdlMDQyNzBmOWI0MDkyZDgzYThmMGQ=',
  key: '441a8a4ae97e04270f9b4092d83a8f0d',
  ciphertext: '6ggRNtwCS58YBk8YoOQBTX0Y9Em/jY5BjJDrf8OseFU=',
  tag: 'DlHIpSGeE7FIJQ3bxyqB7Q==',
  iv: 'H/cRvADtxDa4XWzM2p1j0w==',
  plaintext: '9c07298c06c6aaa762fcee342cf6bc34',
  ciphertextHex: 'ea081136dc024b9f18064f18a0e4014d7d18f449bf8d8e418c90eb7fc3ac7855',
  tagHex: '0e51c8a5219e13b148250ddbc72a81ed',
  ivHex: '1ff711bc00edc436b85d6cccda9d63d3',
}
const FIELD = { ciphertext: VECTOR.ciphertext, iv: VECTOR.iv, tag: VECTOR.tag }

function encrypt(key: string, plaintext: string, ivBytes = 16): { ciphertext: string; iv: string; tag: string } {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), iv)
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return { ciphertext: ct.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

function flipBit(b64: string, bit: number): string {
  const bytes = Buffer.from(b64, 'base64')
  bytes[bit >> 3]! ^= 1 << (bit & 7)
  return bytes.toString('base64')
}

describe('official vector (docs/protocols/infisical.md#test-vectors)', () => {
  test('the base64 key of the Python test is the ASCII hex string used as the key', () => {
    expect(Buffer.from(VECTOR.keyBase64, 'base64').toString('ascii')).toBe(VECTOR.key)
  })

  test('the derived hex forms match the base64 forms', () => {
    expect(Buffer.from(VECTOR.ciphertext, 'base64').toString('hex')).toBe(VECTOR.ciphertextHex)
    expect(Buffer.from(VECTOR.tag, 'base64').toString('hex')).toBe(VECTOR.tagHex)
    expect(Buffer.from(VECTOR.iv, 'base64').toString('hex')).toBe(VECTOR.ivHex)
  })

  test('decrypts to 9c07298c06c6aaa762fcee342cf6bc34 with key = UTF-8 bytes of the hex string and a 16-byte iv', () => {
    expect(decryptSymmetric(VECTOR.key, FIELD)).toBe(VECTOR.plaintext)
  })

  test('as step 3 of #decryption: the plaintext is the project key', () => {
    expect(decryptProjectKey(VECTOR.key, FIELD)).toBe(VECTOR.plaintext)
  })

  test('negative: the hex-decoded 16-byte key is refused before decryption (INF-GCM-2)', () => {
    const hexKey = Buffer.from(VECTOR.key, 'hex')
    expect(hexKey.length).toBe(16)
    expect(() =>
      decryptBytes(
        hexKey,
        Buffer.from(VECTOR.ivHex, 'hex'),
        Buffer.from(VECTOR.ciphertextHex, 'hex'),
        Buffer.from(VECTOR.tagHex, 'hex'),
      ),
    ).toThrow(/key must be 32 bytes, got 16/)
  })

  test('negative: the hex-decoded key as AES-128-GCM fails authentication (checked with node:crypto)', async () => {
    const { createDecipheriv } = await import('node:crypto')
    const d = createDecipheriv('aes-128-gcm', Buffer.from(VECTOR.key, 'hex'), Buffer.from(VECTOR.ivHex, 'hex'))
    d.setAuthTag(Buffer.from(VECTOR.tagHex, 'hex'))
    d.update(Buffer.from(VECTOR.ciphertextHex, 'hex'))
    expect(() => d.final()).toThrow(/unable to authenticate/)
  })

  test.each([
    ['empty key', { key: '', field: FIELD }, /key must be 32 bytes .*got 0/],
    ['empty tag', { key: VECTOR.key, field: { ...FIELD, tag: '' } }, /tag must be 16 bytes, got 0/],
    ['empty iv', { key: VECTOR.key, field: { ...FIELD, iv: '' } }, /iv is empty/],
    [
      'empty ciphertext with the vector tag (INF-GCM-3: tag fails)',
      { key: VECTOR.key, field: { ...FIELD, ciphertext: '' } },
      /authentication failed/,
    ],
  ])('negative: %s is an error', (_name, { key, field }, error) => {
    expect(() => decryptSymmetric(key, field)).toThrow(CryptoError)
    expect(() => decryptSymmetric(key, field)).toThrow(error)
  })

  test('derived: every single-bit change of ciphertext, tag or iv fails authentication', () => {
    for (const part of ['ciphertext', 'tag', 'iv'] as const) {
      const bits = Buffer.from(FIELD[part], 'base64').length * 8
      for (let bit = 0; bit < bits; bit++) {
        expect(() => decryptSymmetric(VECTOR.key, { ...FIELD, [part]: flipBit(FIELD[part], bit) })).toThrow(
          /authentication failed/,
        )
      }
    }
  })
})

describe('INF-GCM rules', () => {
  const key = 'a'.repeat(32)

  test.each([
    ['16-byte iv', 16],
    ['12-byte iv', 12],
    ['8-byte iv', 8],
    ['4-byte iv (any non-empty nonce is GCM)', 4],
    ['1-byte iv', 1],
    ['32-byte iv', 32],
  ])('accepts a %s', (_name, ivBytes) => {
    expect(decryptSymmetric(key, encrypt(key, 'multi\nline ✓', ivBytes))).toBe('multi\nline ✓')
  })

  test('an empty plaintext with a valid tag decrypts to ""', () => {
    const field = encrypt(key, '')
    expect(field.ciphertext).toBe('')
    expect(decryptSymmetric(key, field)).toBe('')
  })

  test('an empty ciphertext whose tag does not verify fails', () => {
    const field = encrypt(key, '')
    expect(() => decryptSymmetric(key, { ...field, tag: flipBit(field.tag, 3) })).toThrow(/authentication failed/)
  })

  test('another key fails authentication', () => {
    expect(() => decryptSymmetric('b'.repeat(32), encrypt(key, 'x'))).toThrow(/authentication failed/)
  })

  test('invalid UTF-8 after decryption is an error (INF-GCM-5)', () => {
    const iv = randomBytes(16)
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), iv)
    const ct = Buffer.concat([cipher.update(Buffer.from([0xff, 0xfe])), cipher.final()])
    const field = {
      ciphertext: ct.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    }
    expect(() => decryptSymmetric(key, field)).toThrow(/not valid UTF-8/)
  })

  test.each([
    [
      'a 15-byte tag',
      (f: { tag: string }) => ({ ...f, tag: Buffer.from(f.tag, 'base64').subarray(0, 15).toString('base64') }),
      /tag must be 16 bytes, got 15/,
    ],
    [
      'URL-safe base64',
      (f: { ciphertext: string }) => ({ ...f, ciphertext: '-_-_' }),
      /ciphertext is not standard base64/,
    ],
    ['unpadded base64', (f: { iv: string }) => ({ ...f, iv: f.iv.replace(/=+$/, '') }), /iv is not standard base64/],
  ])('rejects %s', (_name, damage, error) => {
    expect(() => decryptSymmetric(key, damage(encrypt(key, 'x')) as never)).toThrow(error)
  })

  test('a tag failure on the project key says the token key does not match (INF-GCM-4)', () => {
    expect(() => decryptProjectKey('b'.repeat(32), FIELD)).toThrow(
      /The service token's key does not match this project/,
    )
  })

  test('a project key that is not 32 hex characters is refused', () => {
    expect(() => decryptProjectKey(key, encrypt(key, 'not a hex key'))).toThrow(/not a 32-character hex string/)
  })

  test('keyBytes is the UTF-8 of the string, not hex-decoding', () => {
    expect(Buffer.from(keyBytes(VECTOR.key)).toString('ascii')).toBe(VECTOR.key)
  })

  test.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
  ])('decodeBase64(%j) has %i bytes', (text, n) => {
    expect(decodeBase64(text)?.length).toBe(n)
  })
})
