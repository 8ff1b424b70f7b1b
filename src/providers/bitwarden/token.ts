// Bitwarden machine-account access token: `0.<client id>.<client secret>:<base64 of a 16-byte seed>`.
// Parsing follows docs/protocols/bitwarden.md#token-parsing step by step, because the step order
// decides which error is reported.
import { InputError } from '../../errors.js'
import { decodeBase64Strict } from '../../bytes.js'

export interface AccessToken {
  /** OAuth client_id: the access token's id, lowercase hyphenated UUID. */
  readonly clientId: string
  /** OAuth client_secret: secret, masked by the caller. */
  readonly clientSecret: string
  /** The text after `:` as written: secret, masked by the caller. */
  readonly keyText: string
  /** The 16-byte seed the token key is derived from. */
  readonly seed: Uint8Array
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SEED_BYTES = 16

function fail(rule: string): never {
  // Never quote the token: the rule alone says what to fix.
  throw new InputError(`Input 'access_token' is not a valid Bitwarden access token: ${rule}.`)
}

/**
 * Splits a token into its parts (docs/protocols/bitwarden.md#token-parsing); throws InputError
 * naming the rule that is broken.
 */
export function parseAccessToken(text: string): AccessToken {
  // Step 1: a trailing newline pasted into a repository secret is common; the vendor SDK chokes on it.
  const token = text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '')
  // Tokens are ASCII (UUID, letters and digits, base64); anything else is a copy-paste accident.
  const odd = token.search(/[^\x21-\x7e]/)
  if (odd >= 0) fail(`it contains a character that is not printable ASCII (at position ${odd + 1})`)
  const colon = token.indexOf(':')
  if (colon < 0) fail("it doesn't contain a decryption key (no ':' followed by the key)")
  const parts = token.slice(0, colon).split('.')
  if (parts.length !== 3) {
    fail(
      `it has the wrong number of parts (expected '0.<id>.<secret>:<key>', found ${parts.length} dot-separated parts before ':')`,
    )
  }
  const [version, id, clientSecret] = parts as [string, string, string]
  if (version !== '0') fail("it is the wrong version (only version '0' exists)")
  if (!UUID.test(id)) fail('it has an invalid identifier (the part after "0." must be a UUID)')
  if (clientSecret === '') fail('its client secret (between the id and ":") is empty')
  const keyText = token.slice(colon + 1)
  const seed = decodeBase64Strict(keyText)
  if (seed === undefined) fail('its decryption key (after ":") is not standard base64')
  if (seed.length !== SEED_BYTES) {
    fail(`its decryption key has the wrong length (expected ${SEED_BYTES} bytes, got ${seed.length})`)
  }
  return { clientId: id.toLowerCase(), clientSecret, keyText, seed }
}

/**
 * A cheap shape test used for provider detection (docs/protocols/bitwarden.md#access-token): starts
 * with `0.` and holds a `:`.
 */
export function looksLikeBitwardenToken(text: string): boolean {
  const t = text.trim()
  return t.startsWith('0.') && t.includes(':')
}
