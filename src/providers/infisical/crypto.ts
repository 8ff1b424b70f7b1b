// Infisical's legacy end-to-end encryption (docs/protocols/infisical.md#decryption): AES-256-GCM
// whose key is the UTF-8 bytes of a 32-character hex string (never hex-decoded), 16-byte tags,
// 16- or 12-byte nonces, base64 fields. Pure functions; the primitive is Node's AES-256-GCM
// (OpenSSL), whose final() checks the tag: nothing decrypted is returned before it passes.
import { decodeBase64Strict, decodeUtf8Strict } from '../../bytes.js'
import { CryptoError } from '../../errors.js'

const KEY_BYTES = 32
const TAG_BYTES = 16

/** One encrypted field as the API sends it: three standard-base64 strings. */
export interface EncryptedField {
  readonly ciphertext: string
  readonly iv: string
  readonly tag: string
}

/** Decodes padded standard base64 (the legacy clients' encoding); undefined when it is not that. */
export function decodeBase64(text: string): Uint8Array | undefined {
  return decodeBase64Strict(text, { padded: true })
}

/** The AES key for a hex-string key: its UTF-8 bytes, which must be exactly 32 (INF-GCM-1/2). */
export function keyBytes(key: string): Uint8Array {
  const bytes = new TextEncoder().encode(key)
  if (bytes.length !== KEY_BYTES)
    throw new CryptoError(`the key must be ${KEY_BYTES} bytes (a 32-character hex string), got ${bytes.length}`)
  return bytes
}

function decode(text: string, what: string): Uint8Array {
  const bytes = decodeBase64(text)
  if (bytes === undefined) throw new CryptoError(`the ${what} is not standard base64`)
  return bytes
}

/** AES-256-GCM decryption of raw bytes; the tag is verified before anything is returned (INF-GCM-1..3). */
export function decryptBytes(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES) throw new CryptoError(`the key must be ${KEY_BYTES} bytes, got ${key.length}`)
  if (iv.length === 0) throw new CryptoError('the iv is empty')
  if (tag.length !== TAG_BYTES) throw new CryptoError(`the tag must be ${TAG_BYTES} bytes, got ${tag.length}`)
  // GCM takes any non-empty nonce (docs/protocols/infisical.md#decryption); legacy data has 16 bytes.
  // node:crypto (~5 ms to load) only when a legacy end-to-end-encrypted project needs it.
  const decipher = process
    .getBuiltinModule('node:crypto')
    .createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  decipher.setAuthTag(tag)
  try {
    const plain = decipher.update(ciphertext)
    return Buffer.concat([plain, decipher.final()])
  } catch (cause) {
    throw new CryptoError('authentication failed: the tag does not match (tampered data or another key)', { cause })
  }
}

/** Decrypts one base64 field to strict UTF-8 text (`decryptSymmetric128BitHexKeyUTF8`, INF-GCM-5). */
export function decryptSymmetric(key: string, field: EncryptedField): string {
  const bytes = decryptBytes(
    keyBytes(key),
    decode(field.iv, 'iv'),
    decode(field.ciphertext, 'ciphertext'),
    decode(field.tag, 'tag'),
  )
  try {
    return decodeUtf8Strict(bytes)
  } catch (cause) {
    throw new CryptoError('the decrypted text is not valid UTF-8', { cause })
  }
}

/**
 * The project key from the service token's `encryptedKey/iv/tag`
 * (docs/protocols/infisical.md#decryption step 3). A tag failure here means the token's key part
 * does not fit this project (INF-GCM-4).
 */
export function decryptProjectKey(symKey: string, field: EncryptedField): string {
  let projectKey: string
  try {
    projectKey = decryptSymmetric(symKey, field)
  } catch (cause) {
    const why = cause instanceof CryptoError ? cause.message : 'decryption failed'
    throw new CryptoError(
      `The service token's key does not match this project (${why}); check the part after the last '.' of the token.`,
      { cause },
    )
  }
  if (!/^[0-9a-f]{32}$/i.test(projectKey))
    throw new CryptoError('The decrypted project key is not a 32-character hex string.')
  return projectKey
}
