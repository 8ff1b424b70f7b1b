import { InputError } from '../../../../src/errors.js'
import { looksLikeBitwardenToken, parseAccessToken } from '../../../../src/providers/bitwarden/token.js'

// docs/protocols/bitwarden.md#token-vectors, verbatim.
const ID = 'ec2c1d46-6a4b-4751-a310-af9601317f2d'
const SECRET = 'C2IgxjjLF7qSshsbwe8JGcbM075YXw'
const KEY = 'X8vbvA0bduihIDe/qrzIQQ=='
const TOKEN = `0.${ID}.${SECRET}:${KEY}`

describe('parseAccessToken', () => {
  test('can_decode_access_token: splits the official token', () => {
    const t = parseAccessToken(TOKEN)
    expect(t.clientId).toBe(ID)
    expect(t.clientSecret).toBe(SECRET)
    expect(t.keyText).toBe(KEY)
    expect(Buffer.from(t.seed).toString('hex')).toBe('5fcbdbbc0d1b76e8a12037bfaabcc841')
  })

  const ok: Array<[string, string]> = [
    ['no padding (malformed_tokens row 1)', `0.${ID}.${SECRET}:X8vbvA0bduihIDe/qrzIQQ`],
    ['trailing newline pasted into a secret', `${TOKEN}\n`],
    ['surrounding spaces and CRLF', `  ${TOKEN}\r\n`],
    ['upper-case id', `0.${ID.toUpperCase()}.${SECRET}:${KEY}`],
  ]
  test.each(ok)('accepts %s', (_name, token) => {
    const t = parseAccessToken(token)
    expect(t.clientId).toBe(ID)
    expect(t.clientSecret).toBe(SECRET)
  })

  const bad: Array<[string, string, RegExp]> = [
    ['version 1 (malformed_tokens row 2)', `1.${ID}.${SECRET}:${KEY}`, /wrong version/],
    ['no colon (malformed_tokens row 3)', `0.${ID}.${SECRET}.${KEY}`, /doesn't contain a decryption key/],
    ['two parts (malformed_tokens row 4)', `${ID}.${SECRET}:${KEY}`, /wrong number of parts/],
    [
      'version error wins over bad base64 (malformed_tokens row 5)',
      `1.${ID}.${SECRET}:X8vbvA0bduihIDe9qrzIQQ==`,
      /wrong version/,
    ],
    ['short id', `0.ec2c1d46.${SECRET}:${KEY}`, /invalid identifier/],
    ['four parts', `0.${ID}.C2Igxj.extra:${KEY}`, /wrong number of parts/],
    ['15-byte key', `0.${ID}.${SECRET}:X8vbvA0bduihIDe/qrzI`, /expected 16 bytes, got 15/],
    ['not base64', `0.${ID}.${SECRET}:!!!`, /not standard base64/],
    ['url-safe base64 (BW-TOK-3)', `0.${ID}.${SECRET}:X8vbvA0bduihIDe_qrzIQQ==`, /not standard base64/],
    ['bad padding', `0.${ID}.${SECRET}:X8vbvA0bduihIDe/qrzIQQ=`, /not standard base64/],
    ['empty client secret', `0.${ID}.:${KEY}`, /client secret .* is empty/],
    ['empty', '', /doesn't contain a decryption key/],
  ]
  test.each(bad)('rejects %s', (_name, token, message) => {
    expect(() => parseAccessToken(token)).toThrow(InputError)
    expect(() => parseAccessToken(token)).toThrow(message)
    expect(() => parseAccessToken(token)).toThrow(/^Input 'access_token'/)
  })

  test('errors never echo the secret or the key', () => {
    for (const token of [`1.${ID}.${SECRET}:${KEY}`, `0.${ID}.${SECRET}:${KEY.slice(0, 10)}`, `0.x.${SECRET}:${KEY}`]) {
      let message = ''
      try {
        parseAccessToken(token)
      } catch (e) {
        message = (e as Error).message
      }
      expect(message).not.toBe('')
      expect(message).not.toContain(SECRET)
      expect(message).not.toContain(KEY.slice(0, 10))
    }
  })
})

test('looksLikeBitwardenToken recognises the shape only', () => {
  expect(looksLikeBitwardenToken(TOKEN)).toBe(true)
  expect(looksLikeBitwardenToken('hvs.abc')).toBe(false)
  expect(looksLikeBitwardenToken('st.a.b.c')).toBe(false)
})
