// The Infisical targets of the write action (docs/protocols/infisical.md#writing): `KEY` (in the
// run's folder: `secret_path`, else the service token's single folder, else `/`) or
// `/folder/KEY`, in the run's project and environment; the read grammar's names for a secret. Pure.
import { lineError, quote } from '../../mapping.js'
import type { WriteRequest } from '../writer.js'
import { normalizeSecretPath } from './mapping.js'

export type InfisicalWriteTarget = WriteRequest & {
  readonly key: string
  /** The folder, normalised (`/a/b`); absent: the run's folder. */
  readonly path?: string
}

// As the read grammar's keys: no whitespace, '/' (it separates folders) or control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not be in a key
const KEY = /^[^\s/\u0000-\u001f\u007f]+$/

function parseOne(r: WriteRequest): InfisicalWriteTarget {
  const text = r.target
  const slash = text.lastIndexOf('/')
  const key = text.slice(slash + 1)
  if (key === '')
    throw lineError(r.line, `the Infisical target ${quote(text)} names no key: write 'KEY' or '/folder/KEY'`)
  if (!KEY.test(key))
    throw lineError(r.line, `${quote(key)} is not an Infisical secret key (no spaces, '/' or control characters)`)
  if (slash < 0) return { ...r, key }
  if (slash > 0 && !text.startsWith('/'))
    throw lineError(
      r.line,
      `the Infisical target ${quote(text)} must start with '/' when it names a folder ('/folder/KEY')`,
    )
  const folder = text.slice(0, slash)
  const path = folder.endsWith('/') ? undefined : normalizeSecretPath(folder || '/')
  if (path === undefined)
    throw lineError(
      r.line,
      `${quote(text.slice(0, slash))} is not a folder path (use '/folder/sub', no empty, '.' or '..' parts)`,
    )
  return { ...r, key, path }
}

/** Parses every target; the same key in the same folder twice is an error (which value should win?). */
export function parseWriteTargets(requests: readonly WriteRequest[], folder = '/'): InfisicalWriteTarget[] {
  const targets = requests.map(parseOne)
  const seen = new Map<string, number>()
  for (const t of targets) {
    const id = `${t.path ?? folder}\0${t.key}`
    const first = seen.get(id)
    if (first !== undefined) throw lineError(t.line, `it writes the same key as line ${first}`)
    seen.set(id, t.line)
  }
  return targets
}

/**
 * What Infisical stores for a value: its raw endpoints trim `secretValue`, keeping one final
 * newline when the value ended with one (docs/protocols/infisical.md#writing).
 */
export function storedForm(value: string): string {
  return value.endsWith('\n') ? `${value.trim()}\n` : value.trim()
}
