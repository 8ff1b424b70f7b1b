/**
 * The test server's own Bitwarden crypto, built on node:crypto only.
 *
 * The action decrypts with node:crypto too, but this file deliberately shares no code with it (it
 * encrypts, the action decrypts; each is written from the protocol notes), and both are held to the
 * official vectors and to the vendor's own client (sdk-napi), so a shared misreading cannot pass. Everything here follows docs/protocols/bitwarden.md#key-derivation and #encstring
 * (type 2).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomInt,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto'

/** A 64-byte AES-256-CBC-HMAC-SHA256 key: enc = bytes 0..32, mac = bytes 32..64. */
export type SymmetricKey = Uint8Array

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

/** Standard-alphabet base64 with optional padding; anything else throws (no silent skipping). */
export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('not standard base64')
  return new Uint8Array(Buffer.from(text, 'base64'))
}

export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url')
}

export function randomKey64(): SymmetricKey {
  return new Uint8Array(randomBytes(64))
}

/** HKDF-SHA256(ikm, salt = "bitwarden-<name>", info, L = 64): the SDK's derive_shareable_key. */
export function deriveShareableKey(ikm: Uint8Array, name: string, info = ''): SymmetricKey {
  return new Uint8Array(hkdfSync('sha256', ikm, `bitwarden-${name}`, info, 64))
}

/** docs/protocols/bitwarden.md#key-derivation: the key that protects an access token's encrypted_payload. */
export function deriveAccessTokenKey(seed: Uint8Array): SymmetricKey {
  if (seed.length !== 16) throw new Error(`access token seed must be 16 bytes, got ${seed.length}`)
  return deriveShareableKey(seed, 'accesstoken', 'sm-access-token')
}

function splitKey(key: SymmetricKey): { enc: Buffer; mac: Buffer } {
  if (key.length !== 64) throw new Error(`expected a 64-byte key, got ${key.length}`)
  return { enc: Buffer.from(key.subarray(0, 32)), mac: Buffer.from(key.subarray(32, 64)) }
}

function macOf(macKey: Buffer, iv: Uint8Array, data: Uint8Array): Buffer {
  return createHmac('sha256', macKey).update(iv).update(data).digest()
}

/**
 * EncString type 2: "2." + b64(iv) + "|" + b64(ct) + "|" + b64(HMAC(mac, iv ‖ ct)).
 * `iv` is only for known-answer tests; normal use draws a fresh random IV.
 */
export function encryptToEncString(
  plaintext: string | Uint8Array,
  key: SymmetricKey,
  iv: Uint8Array = randomBytes(16),
): string {
  const { enc, mac } = splitKey(key)
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext)
  const cipher = createCipheriv('aes-256-cbc', enc, iv)
  const ct = Buffer.concat([cipher.update(data), cipher.final()])
  return `2.${toBase64(iv)}|${toBase64(ct)}|${toBase64(macOf(mac, iv, ct))}`
}

export interface EncStringParts {
  iv: Uint8Array
  data: Uint8Array
  mac: Uint8Array
}

/** Parses type 2 only (the only type SM uses); every other shape is an error. */
export function parseEncString(text: string): EncStringParts {
  const match = /^2\.([^|]*)\|([^|]*)\|([^|]*)$/.exec(text)
  if (!match) throw new Error('not a type-2 EncString')
  const [iv, data, mac] = [fromBase64(match[1] ?? ''), fromBase64(match[2] ?? ''), fromBase64(match[3] ?? '')]
  if (iv.length !== 16) throw new Error(`EncString iv must be 16 bytes, got ${iv.length}`)
  if (mac.length !== 32) throw new Error(`EncString mac must be 32 bytes, got ${mac.length}`)
  if (data.length === 0 || data.length % 16 !== 0) throw new Error('EncString data is not whole AES blocks')
  return { iv, data, mac }
}

export function formatEncString(parts: EncStringParts): string {
  return `2.${toBase64(parts.iv)}|${toBase64(parts.data)}|${toBase64(parts.mac)}`
}

/**
 * Encrypt-then-MAC: the MAC is checked (constant time) before any decryption
 * (docs/protocols/bitwarden.md#decryption).
 */
export function decryptEncStringBytes(text: string, key: SymmetricKey): Uint8Array {
  const { iv, data, mac } = parseEncString(text)
  const keys = splitKey(key)
  if (!timingSafeEqual(macOf(keys.mac, iv, data), mac)) throw new Error('MAC mismatch')
  // OpenSSL's padding check is strict: every padding byte must equal the pad length.
  const decipher = createDecipheriv('aes-256-cbc', keys.enc, iv)
  return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]))
}

export function decryptEncString(text: string, key: SymmetricKey): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(decryptEncStringBytes(text, key))
}

/** Flip one ciphertext bit but keep the old MAC: decrypting must then fail the MAC check. */
export function tamperEncString(text: string): string {
  const parts = parseEncString(text)
  const data = Uint8Array.from(parts.data)
  data[0] = (data[0] ?? 0) ^ 0x01
  return formatEncString({ ...parts, data })
}

/** How bitwarden/server stores an access token's secret: Base64(SHA256(UTF8(secret))). */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64')
}

/** Constant-time comparison of two base64 hashes (length leaks nothing: both are SHA-256). */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** 30 random ASCII letters and digits, like CreateAccessTokenCommand. */
export function generateClientSecret(length = 30): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)]
  return out
}

// ---------------------------------------------------------------------------------------------
// RS256 JWTs. The identity server signs, the API server verifies; clients never verify
// (docs/protocols/bitwarden.md#jwt).
// ---------------------------------------------------------------------------------------------

export interface JwtSigner {
  kid: string
  sign(claims: Record<string, unknown>): string
  /** The claims if the signature is ours and the header says RS256, otherwise undefined. */
  verify(jwt: string): Record<string, unknown> | undefined
}

export function createJwtSigner(): JwtSigner {
  // 2048 bits is what IdentityServer uses; generation takes a few tens of ms, once per server.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = createHash('sha1')
    .update(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .toUpperCase()
  const header = base64url(JSON.stringify({ alg: 'RS256', kid, typ: 'at+jwt' }))
  return {
    kid,
    sign(claims) {
      const signingInput = `${header}.${base64url(JSON.stringify(claims))}`
      const signature = sign('sha256', Buffer.from(signingInput), privateKey)
      return `${signingInput}.${base64url(signature)}`
    },
    verify(jwt) {
      return verifyJwt(jwt, publicKey)
    },
  }
}

function verifyJwt(jwt: string, publicKey: KeyObject): Record<string, unknown> | undefined {
  const parts = jwt.split('.')
  if (parts.length !== 3) return undefined
  const [h, p, s] = parts as [string, string, string]
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown }
    if (header.alg !== 'RS256') return undefined // no "alg: none" or HS256 confusion
    if (!verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))) return undefined
    const claims: unknown = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
