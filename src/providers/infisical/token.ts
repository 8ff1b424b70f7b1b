// Infisical service token: `st.<tokenId>.<tokenSecret>.<symKey>`
// (docs/protocols/infisical.md#token-parsing). The bearer is everything before the last '.'; the
// key part is used only for E2EE decryption and never sent.
import { InputError } from '../../errors.js'

export interface ServiceToken {
  /** The whole token, trimmed (secret). */
  readonly text: string
  /** `st.<tokenId>.<tokenSecret>`: the only part sent, as `Authorization: Bearer …` (secret). */
  readonly bearer: string
  /** Not secret on its own: the server's id of the token (names it in messages). */
  readonly tokenId: string
  /** Secret. */
  readonly tokenSecret: string
  /** The client-side symmetric key, 32 hex characters on real tokens (secret). */
  readonly symKey: string
}

function fail(rule: string): never {
  // Never quote the token: the rule alone says what to fix.
  throw new InputError(`Input 'access_token' is not a valid Infisical service token: ${rule}.`)
}

/** Detection (docs/protocols/infisical.md#service-token): a trimmed token that starts with `st.`. */
export const TOKEN_SHAPE = /^st\./

/**
 * Splits a service token into its parts (docs/protocols/infisical.md#token-parsing, INF-TOK-1);
 * throws InputError naming the broken rule.
 */
export function parseServiceToken(input: string): ServiceToken {
  const text = input.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '')
  const odd = text.search(/[^\x21-\x7e]/)
  if (odd >= 0) fail(`it contains a character that is not printable ASCII (at position ${odd + 1})`)
  if (!TOKEN_SHAPE.test(text)) fail("it does not start with 'st.'")
  const parts = text.split('.')
  if (parts.length !== 4) {
    fail(
      `it has the wrong number of parts (expected 'st.<id>.<secret>.<key>', found ${parts.length} dot-separated parts)`,
    )
  }
  const [, tokenId, tokenSecret, symKey] = parts as [string, string, string, string]
  if (tokenId === '') fail("its id (after 'st.') is empty")
  if (tokenSecret === '') fail('its secret (the third part) is empty')
  if (symKey === '') fail('its key (the part after the last ".") is empty')
  return { text, bearer: `st.${tokenId}.${tokenSecret}`, tokenId, tokenSecret, symKey }
}
