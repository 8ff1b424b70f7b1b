// The Vault targets of the write action (docs/protocols/vault.md#writing): '<path> <key>', as the
// read grammar names a value: a KV v2 path with its 'data/' (secret/data/ci), or a KV v1 path. The
// key is literal (no selector): the rest of the line. Pure.
import { lineError, quote } from '../../mapping.js'
import type { WriteRequest } from '../writer.js'

export type VaultWriteTarget = WriteRequest & { readonly path: string; readonly key: string }

function parseOne(r: WriteRequest): VaultWriteTarget {
  const m = /^(\S+)\s+(\S(?:.*\S)?)$/.exec(r.target)
  if (!m)
    throw lineError(
      r.line,
      `the Vault target ${quote(r.target)} is not '<path> <key>' (e.g. 'secret/data/ci npmToken')`,
    )
  const path = m[1]!.replace(/^\/+/, '')
  if (path === '' || path.includes('?') || path.endsWith('/')) {
    throw lineError(r.line, `the Vault path ${quote(m[1]!)} cannot be written (no '?version=', no trailing '/')`)
  }
  return { ...r, path, key: m[2]! }
}

/** Parses every target; the same key of the same path twice is an error (which value should win?). */
export function parseWriteTargets(requests: readonly WriteRequest[]): VaultWriteTarget[] {
  const targets = requests.map(parseOne)
  const seen = new Map<string, number>()
  for (const t of targets) {
    const id = `${t.path}\0${t.key}`
    const first = seen.get(id)
    if (first !== undefined) throw lineError(t.line, `it writes the same key as line ${first}`)
    seen.set(id, t.line)
  }
  return targets
}
