// The Bitwarden targets of the write action (docs/protocols/bitwarden.md#writing): a secret id, or
// '<project id>/<NAME>' (that project's secret of that name, created there when missing). A name
// alone is refused: names are not unique across projects, and a machine account creates secrets
// only inside a project. Pure.
import { lineError, quote } from '../../mapping.js'
import type { WriteRequest } from '../writer.js'

export type BitwardenWriteTarget = WriteRequest &
  (
    | { readonly kind: 'id'; readonly id: string }
    | { readonly kind: 'name'; readonly projectId: string; readonly name: string }
  )

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// The server's [EncryptedStringLength] limits on a secret's fields, in EncString characters
// (bitwarden/server SecretCreateRequestModel and SecretUpdateRequestModel, since #3193;
// docs/protocols/bitwarden.md#writing).
const ENC_LIMITS = { name: 1000, value: 35000 } as const

/**
 * The length of a type-2 EncString of `bytes` plaintext bytes: "2." + base64(16-byte IV) + "|" +
 * base64(AES-CBC ciphertext, PKCS#7-padded to the next whole block) + "|" + base64(32-byte MAC).
 */
export function encStringLength(bytes: number): number {
  const b64 = (n: number): number => 4 * Math.ceil(n / 3)
  return 2 + b64(16) + 1 + b64(16 * (Math.floor(bytes / 16) + 1)) + 1 + b64(32)
}

/** The most plaintext bytes whose EncString fits `limit` characters. */
export function maxPlaintextBytes(limit: number): number {
  let n = Math.max(0, Math.floor(((limit - 72) * 3) / 4))
  while (n > 0 && encStringLength(n) > limit) n--
  return n
}

/** A value or name too long for the server: refused before anything is sent, in bytes the user can act on. */
function checkSize(r: WriteRequest, what: 'value' | 'name', text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8')
  const limit = ENC_LIMITS[what]
  if (encStringLength(bytes) <= limit) return
  throw lineError(
    r.line,
    what === 'value'
      ? `the value of ${r.source} is ${bytes} bytes (UTF-8); Bitwarden stores at most ${maxPlaintextBytes(limit)} bytes in a secret's value (its server refuses an encrypted value over ${limit} characters)`
      : `the secret name is ${bytes} bytes (UTF-8); Bitwarden allows at most ${maxPlaintextBytes(limit)} (its server refuses an encrypted name over ${limit} characters)`,
  )
}

function parseOne(r: WriteRequest): BitwardenWriteTarget {
  checkSize(r, 'value', r.value)
  const text = r.target
  if (UUID.test(text)) return { ...r, kind: 'id', id: text.toLowerCase() }
  const slash = text.indexOf('/')
  const head = slash < 0 ? '' : text.slice(0, slash)
  if (slash > 0 && UUID.test(head)) {
    const name = text.slice(slash + 1).trim()
    if (name === '' || name === '*') {
      throw lineError(
        r.line,
        `the secret name after the project id is ${name === '' ? 'empty' : "'*'"} (write one secret per line: '<project id>/NAME')`,
      )
    }
    checkSize(r, 'name', name)
    return { ...r, kind: 'name', projectId: head.toLowerCase(), name }
  }
  throw lineError(
    r.line,
    `the Bitwarden target ${quote(text)} is neither a secret id nor '<project id>/NAME' ` +
      '(a name needs its project: names are not unique across projects, and new secrets are created in one)',
  )
}

/** Parses every target; the same secret named twice by id is an error (which value should win?). */
export function parseWriteTargets(requests: readonly WriteRequest[]): BitwardenWriteTarget[] {
  const targets = requests.map(parseOne)
  const seen = new Map<string, number>()
  for (const t of targets) {
    const key = t.kind === 'id' ? t.id : `${t.projectId}/${t.name}`
    const first = seen.get(key)
    if (first !== undefined) throw lineError(t.line, `it writes the same secret as line ${first}`)
    seen.set(key, t.line)
  }
  return targets
}
