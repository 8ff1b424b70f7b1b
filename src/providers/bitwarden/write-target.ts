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

function parseOne(r: WriteRequest): BitwardenWriteTarget {
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
