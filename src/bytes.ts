// Strict decoders for the bytes servers send, shared by every wing's crypto. Node's own are lenient
// where a secret must not be: Buffer's base64 silently skips foreign characters and accepts the
// URL-safe alphabet, and a default TextDecoder replaces invalid UTF-8 with U+FFFD.

const OPTIONAL_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3}(?:=|==)?)?$/
const REQUIRED_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Decodes standard-alphabet base64; undefined when the text is not that. Padding is optional
 * (Bitwarden's decoder) unless `padded` (Infisical's legacy clients always pad); where present it
 * must complete the final quantum exactly: `xx=` and `xxx==` are not valid.
 */
export function decodeBase64Strict(text: string, { padded = false } = {}): Uint8Array | undefined {
  if (!(padded ? REQUIRED_PADDING : OPTIONAL_PADDING).test(text)) return undefined
  const body = text.replace(/=+$/, '')
  const pad = text.length - body.length
  if (pad > 0 && (body.length % 4) + pad !== 4) return undefined
  const buf = Buffer.from(text, 'base64')
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Decodes UTF-8, throwing (TypeError) on any invalid sequence; a BOM is kept as text. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  return utf8.decode(bytes)
}
