import { CryptoError } from '../../../../src/errors.js'
import {
  decryptBytes,
  decryptOrganizationKey,
  decryptString,
  deriveShareableKey,
  deriveTokenKey,
  parseEncString,
  splitKey,
} from '../../../../src/providers/bitwarden/crypto.js'
import { createCipheriv, createHmac } from 'node:crypto'

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'))
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'ascii'))

// Encrypting and MACing test data (the action only decrypts): OpenSSL through node:crypto.
function cbcEncrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array, { padding = true } = {}): Uint8Array {
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(padding)
  return new Uint8Array(Buffer.concat([cipher.update(plain), cipher.final()]))
}
const hmacSha256 = (key: Uint8Array, data: Uint8Array): Uint8Array =>
  new Uint8Array(createHmac('sha256', key).update(data).digest())

/** HKDF-Expand as RFC 5869 §2.3 defines it: T(i) = HMAC(PRK, T(i-1) | info | i). */
function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const out: number[] = []
  let t: Uint8Array = new Uint8Array(0)
  for (let i = 1; out.length < length; i++) {
    t = hmacSha256(prk, new Uint8Array([...t, ...info, i]))
    out.push(...t)
  }
  return new Uint8Array(out.slice(0, length))
}

describe('key derivation (docs/protocols/bitwarden.md#token-vectors)', () => {
  test('access token key from the official token', () => {
    const key = deriveTokenKey(b64('X8vbvA0bduihIDe/qrzIQQ=='))
    expect(Buffer.from([...key.enc, ...key.mac]).toString('base64')).toBe(
      'H9/oIRLtL9nGCQOVDjSMoEbJsjWXSOCb3qeyDt6ckzS3FhyboEDWyTP/CQfbIszNmAVg2ExFganG1FVFGXO/Jg==',
    )
    expect(hex(key.enc)).toBe('1fdfe82112ed2fd9c60903950e348ca046c9b2359748e09bdea7b20ede9c9334')
    expect(hex(key.mac)).toBe('b7161c9ba040d6c933ff0907db22cccd980560d84c4581a9c6d455451973bf26')
  })

  test('derive_shareable_key without info', () => {
    expect(Buffer.from(deriveShareableKey(ascii('&/$%F1a895g67HlX'), 'test_key')).toString('base64')).toBe(
      '4PV6+PcmF2w7YHRatvyMcVQtI7zvCyssv/wFWmzjiH6Iv9altjmDkuBD1aagLVaLezbthbSe+ktR+U6qswxNnQ==',
    )
  })

  test('derive_shareable_key with info "test"', () => {
    expect(Buffer.from(deriveShareableKey(ascii('67t9b5g67$%Dh89n'), 'test_key', 'test')).toString('base64')).toBe(
      'F9jVQmrACGx9VUPjuzfMYDjr726JtL300Y3Yg+VYUnVQtQ1s8oImJ5xtp1KALC9h2nav04++1LDW4iFD+infng==',
    )
  })

  test('hkdf_expand vector (HKDF-Expand as RFC 5869 defines it, which derive_shareable_key builds on)', () => {
    const prk = new Uint8Array([
      23, 152, 120, 41, 214, 16, 156, 133, 71, 226, 178, 135, 208, 255, 66, 101, 189, 70, 173, 30, 39, 215, 175, 236,
      38, 180, 180, 62, 196, 4, 159, 70,
    ])
    expect([...hkdfExpand(prk, ascii('info'), 64)]).toEqual([
      6, 114, 42, 38, 87, 231, 30, 109, 30, 255, 104, 129, 255, 94, 92, 108, 124, 145, 215, 208, 17, 60, 135, 22, 70,
      158, 40, 53, 45, 182, 8, 63, 65, 87, 239, 234, 185, 227, 153, 122, 115, 205, 144, 56, 102, 149, 92, 139, 217, 102,
      119, 57, 37, 57, 251, 178, 18, 52, 94, 77, 132, 215, 239, 100,
    ])
  })
})

// docs/protocols/bitwarden.md#login-vector.
const PAYLOAD =
  '2.E9fE8+M/VWMfhhim1KlCbQ==|eLsHR484S/tJbIkM6spnG/HP65tj9A6Tba7kAAvUp+rYuQmGLixiOCfMsqt5OvBctDfvvr/AesBu7cZimPLyOEhqEAjn52jF0eaI38XZfeOG2VJl0LOf60Wkfh3ryAMvfvLj3G4ZCNYU8sNgoC2+IQ==|lNApuCQ4Pyakfo/wwuuajWNaEX/2MW8/3rjXB/V7n+k='
const SECRET_KEY = '2.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==|Q6PkuT+KX/axrgN9ubD5Ajk2YNwxQkgs3WJM0S0wtG8='
const SECRET_VALUE = '2.Gl34n9JYABC7V21qHcBzHg==|c1Ds244pob7i+8+MXe4++w==|Shimz/qKMYZmzSFWdeBzFb9dFz7oF6Uv9oqkws7rEe0='
const SECRET_NOTE = '2.Cn9ABJy7+WfR4uUHwdYepg==|+nbJyU/6hSknoa5dcEJEUg==|1DTp/ZbwGO3L3RN+VMsCHz8XDr8egn/M5iSitGGysPA='

describe('end-to-end login vector (docs/protocols/bitwarden.md#login-vector)', () => {
  const tokenKey = deriveTokenKey(b64('X8vbvA0bduihIDe/qrzIQQ=='))

  test('encrypted_payload decrypts to the organization key', () => {
    expect(decryptString(PAYLOAD, tokenKey)).toBe(
      '{"encryptionKey":"k/6PcwG7Hm/eZfvvOvP6EqGx1JKgbzYrWwpOIHsxbJHQMpIMg5Ud94AQHduSR+XMMaFiSB+nszbO4JPXj04YwA=="}',
    )
    const org = decryptOrganizationKey(PAYLOAD, tokenKey)
    expect(hex(org.enc)).toBe('93fe8f7301bb1e6fde65fbef3af3fa12a1b1d492a06f362b5b0a4e207b316c91')
    expect(hex(org.mac)).toBe('d032920c83951df780101ddb9247e5cc31a162481fa7b336cee093d78f4e18c0')
  })

  test('the secret key, value and note decrypt to "TEST"', () => {
    const org = decryptOrganizationKey(PAYLOAD, tokenKey)
    expect(decryptString(SECRET_KEY, org)).toBe('TEST')
    expect(decryptString(SECRET_VALUE, org)).toBe('TEST')
    expect(decryptString(SECRET_NOTE, org)).toBe('TEST')
  })

  test('a wrong seed is reported as a token key mismatch (BW-ORG-2)', () => {
    const wrong = deriveTokenKey(b64('X8vbvA0bduihIDe9qrzIQQ=='))
    expect(() => decryptOrganizationKey(PAYLOAD, wrong)).toThrow(/access token's key does not match/)
  })
})

describe('AES-256-CBC-HMAC-SHA256 (docs/protocols/bitwarden.md#cipher-vectors)', () => {
  const key = splitKey(new Uint8Array(Array.from({ length: 64 }, (_, i) => i)))

  test('test_decrypt_testvector', () => {
    const iv = new Uint8Array([216, 218, 36, 0, 196, 186, 150, 85, 49, 147, 110, 168, 185, 227, 42, 172])
    const data = new Uint8Array([
      234, 77, 16, 15, 189, 82, 36, 188, 182, 88, 64, 67, 145, 94, 30, 178, 36, 235, 130, 67, 255, 207, 183, 168, 73,
      231, 82, 122, 193, 139, 25, 129,
    ])
    const mac = new Uint8Array([
      60, 78, 44, 111, 72, 233, 3, 6, 86, 250, 217, 242, 62, 229, 184, 221, 231, 150, 189, 44, 99, 189, 220, 55, 196,
      194, 101, 60, 102, 195, 149, 130,
    ])
    expect(Buffer.from(decryptBytes({ iv, data, mac }, key)).toString('utf8')).toBe('Bitwarden SDK test vector')
  })

  test('the same vector as an EncString (derived)', () => {
    expect(
      decryptString(
        '2.2NokAMS6llUxk26oueMqrA==|6k0QD71SJLy2WEBDkV4esiTrgkP/z7eoSedSesGLGYE=|PE4sb0jpAwZW+tnyPuW43eeWvSxjvdw3xMJlPGbDlYI=',
        key,
      ),
    ).toBe('Bitwarden SDK test vector')
  })

  test('test_encrypt_is_deterministic: the ciphertext decrypts back', () => {
    const iv = new Uint8Array([62, 0, 239, 47, 137, 95, 64, 214, 127, 91, 184, 232, 31, 9, 165, 161])
    const data = new Uint8Array([214, 76, 187, 97, 58, 146, 212, 140, 95, 164, 177, 204, 179, 133, 172, 148])
    expect(hex(cbcEncrypt(key.enc, iv, ascii('EncryptMe!')))).toBe(hex(data))
    const mac = hmacSha256(key.mac, new Uint8Array([...iv, ...data]))
    expect(Buffer.from(decryptBytes({ iv, data, mac }, key)).toString()).toBe('EncryptMe!')
  })
})

describe('EncString parsing (docs/protocols/bitwarden.md#encstring-vectors, BW-ENC-1..4)', () => {
  const key = splitKey(new Uint8Array(Array.from({ length: 64 }, (_, i) => i)))
  const good =
    '2.2NokAMS6llUxk26oueMqrA==|6k0QD71SJLy2WEBDkV4esiTrgkP/z7eoSedSesGLGYE=|PE4sb0jpAwZW+tnyPuW43eeWvSxjvdw3xMJlPGbDlYI='

  test('test_enc_from_to_buffer: iv, data and mac land where the buffer layout says', () => {
    const enc = parseEncString(SECRET_KEY)
    const buffer = [
      2, 164, 196, 186, 254, 39, 19, 64, 0, 109, 186, 92, 57, 218, 154, 182, 150, 67, 163, 228, 185, 63, 138, 95, 246,
      177, 174, 3, 125, 185, 176, 249, 2, 57, 54, 96, 220, 49, 66, 72, 44, 221, 98, 76, 209, 45, 48, 180, 111, 93, 118,
      241, 43, 16, 211, 135, 233, 150, 136, 221, 71, 140, 125, 141, 215,
    ]
    expect([2, ...enc.iv, ...enc.mac, ...enc.data]).toEqual(buffer)
  })

  const rejected: Array<[string, string, RegExp]> = [
    ['type 0 (test_from_str_cbc256; downgrade)', '0.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==', /type 0/],
    ['type 0 downgrade vector', '0.NQfjHLr6za7VQVAbrpL81w==|wfrjmyJ0bfwkQlySrhw8dA==', /type 0/],
    [
      'type 1 (test_decrypt_cbc128_hmac)',
      '1.CU/oG4VZuxbHoZSDZjCLQw==|kb1HGwAk+fQ275ORfLf5Ew==|8UaEYHyqRZcG37JWhYBOBdEatEXd1u1/wN7OuImolcM=',
      /type 1/,
    ],
    ['test_from_str_invalid (8.ABC)', '8.ABC', /type 8/],
    ['7.ABC', '7.ABC', /type 7/],
    ['types 3..6', '4.abcd', /type 4/],
    ['header-less', 'pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==', /no type header/],
    ['two parts', '2.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==', /expected 3 parts/],
    [
      'short iv',
      '2.pMS6/icTQABtulw52pq2|XXbxKxDTh+mWiN1HjH2N1w==|Q6PkuT+KX/axrgN9ubD5Ajk2YNwxQkgs3WJM0S0wtG8=',
      /iv must be 16 bytes/,
    ],
    ['short mac', '2.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==|Q6PkuT+KX/axrgN9', /mac must be 32 bytes/],
    [
      'ciphertext not whole blocks',
      '2.pMS6/icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1H|Q6PkuT+KX/axrgN9ubD5Ajk2YNwxQkgs3WJM0S0wtG8=',
      /multiple of 16/,
    ],
    [
      'url-safe alphabet',
      '2.pMS6_icTQABtulw52pq2lg==|XXbxKxDTh+mWiN1HjH2N1w==|Q6PkuT+KX/axrgN9ubD5Ajk2YNwxQkgs3WJM0S0wtG8=',
      /not standard base64/,
    ],
  ]
  test.each(rejected)('rejects %s', (_name, text, message) => {
    expect(() => decryptString(text, key)).toThrow(CryptoError)
    expect(() => decryptString(text, key)).toThrow(message)
  })

  test('type 0 under a 32-byte key is refused too (test_decrypt_fails_for_cbc256_keys)', () => {
    expect(() => splitKey(b64('hvBMMb1t79YssFZkpetYsM3deyVuQv4r88Uj9gvYe08='))).toThrow(CryptoError)
    const key64 = splitKey(
      b64('hvBMMb1t79YssFZkpetYsM3deyVuQv4r88Uj9gvYe0+G8EwxvW3v1iywVmSl61iwzd17JW5C/ivzxSP2C9h7Tw=='),
    )
    expect(() => decryptString('0.NQfjHLr6za7VQVAbrpL81w==|wfrjmyJ0bfwkQlySrhw8dA==', key64)).toThrow(/type 0/)
  })

  test('a tampered iv, ciphertext or mac is a MAC mismatch and yields nothing (BW-ENC-3)', () => {
    const [head, data, mac] = good.split('|') as [string, string, string]
    const flip = (s: string): string =>
      Buffer.from(Buffer.from(s, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64')
    for (const tampered of [
      `2.${flip(head.slice(2))}|${data}|${mac}`,
      `${head}|${flip(data)}|${mac}`,
      `${head}|${data}|${flip(mac)}`,
    ]) {
      expect(() => decryptString(tampered, key)).toThrow(/MAC mismatch/)
    }
  })

  test('padding is checked strictly and the empty plaintext decrypts to "" (BW-ENC-4)', () => {
    const iv = new Uint8Array(16).fill(7)
    const seal = (plain: Uint8Array): string => {
      const data = cbcEncrypt(key.enc, iv, plain, { padding: false })
      const mac = hmacSha256(key.mac, new Uint8Array([...iv, ...data]))
      return `2.${Buffer.from(iv).toString('base64')}|${Buffer.from(data).toString('base64')}|${Buffer.from(mac).toString('base64')}`
    }
    expect(decryptString(seal(new Uint8Array(16).fill(16)), key)).toBe('')
    const badPad = new Uint8Array(16).fill(3)
    badPad[15] = 2
    badPad[14] = 1
    expect(() => decryptString(seal(badPad), key)).toThrow(/bad padding/)
    const zeroPad = new Uint8Array(16)
    expect(() => decryptString(seal(zeroPad), key)).toThrow(/bad padding/)
    const invalidUtf8 = new Uint8Array([0xc3, 0x28, ...new Array(14).fill(14)])
    expect(() => decryptString(seal(invalidUtf8), key)).toThrow(/not valid UTF-8/)
  })

  test('organization keys other than 64 bytes are unsupported (BW-ORG-1)', () => {
    const iv = new Uint8Array(16).fill(1)
    const tokenKey = deriveTokenKey(new Uint8Array(16).fill(9))
    const seal = (json: string): string => {
      const data = cbcEncrypt(tokenKey.enc, iv, ascii(json))
      const mac = hmacSha256(tokenKey.mac, new Uint8Array([...iv, ...data]))
      return `2.${Buffer.from(iv).toString('base64')}|${Buffer.from(data).toString('base64')}|${Buffer.from(mac).toString('base64')}`
    }
    const k32 = Buffer.alloc(32, 1).toString('base64')
    expect(() => decryptOrganizationKey(seal(JSON.stringify({ encryptionKey: k32 })), tokenKey)).toThrow(
      /Unsupported organization key type \(32-byte/,
    )
    expect(() => decryptOrganizationKey(seal('null'), tokenKey)).toThrow(CryptoError)
    expect(() => decryptOrganizationKey(seal('{}'), tokenKey)).toThrow(/no base64 'encryptionKey'/)
  })
})
