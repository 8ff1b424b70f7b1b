// Standard-alphabet base64 with optional padding, as the vendor's decoder accepts
// (docs/protocols/bitwarden.md#token-parsing step 8, #encstring-parsing). Buffer's own decoder
// silently skips foreign characters and accepts the URL-safe alphabet, so the text is checked
// first.
const STANDARD_B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3}(?:=|==)?)?$/

/** Decodes standard base64 (padding optional); undefined when the text is not valid base64. */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (!STANDARD_B64.test(text)) return undefined
  // Padding must complete the final quantum exactly: `xx=` and `xxx==` are not valid.
  const rest = text.replace(/=+$/, '').length % 4
  const pad = text.length - text.replace(/=+$/, '').length
  if (pad > 0 && rest + pad !== 4) return undefined
  const buf = Buffer.from(text, 'base64')
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}
