// The `secrets` grammar of hashicorp/vault-action v3.4.0 (docs/protocols/vault.md#mapping-grammar),
// plus newlines as separators where the vendor's `;`-only rule would reject the input (VLT-GRM-3).
// Pure: no I/O, no @actions/*.
//   entry := path WS+ selector [ '|' NAME ]        entries separated by ';' (and newlines, see above)
//   selector: a key, "quoted-key", a dotted JSONata path (db.password, `a.b`, 'a.b', $.$, a.b[0]),
//             '*' (every key, env names upper-cased) or '**' (every key, case kept); with '| PREFIX'.
//   A path ending in '/' is a folder: only '*' / '**', every secret below it, {path} in the prefix.
import { InputError } from '../../errors.js'
import {
  compilePath,
  decodeQuoted,
  needsName,
  parseSelector,
  SelectorSyntaxError,
  SelectorUnsupportedError,
  type Step,
} from './selector.js'
import { ENV_NAME, lineError, quote, type ParsedMapping } from '../../mapping.js'

export interface VaultRequest {
  /** 1-based line of the `secrets` input where the entry starts. */
  readonly line: number
  /** The entry as written (trimmed), for messages. */
  readonly entry: string
  /** The API path, verbatim (may carry `?version=N`). */
  readonly path: string
  /** The working selector: the token with every `"` removed. */
  readonly selector: string
  /** For `*` / `**`: every key of the data map. */
  readonly wildcard?: '*' | '**'
  /** Wildcards: the raw prefix ('' when none); on a folder line it may hold {path}. */
  readonly prefix?: string
  /** A folder line (path ending in '/', docs/protocols/vault.md#folders): every secret below it. */
  readonly folder?: boolean
  /** A secret found below a folder line: its path relative to the folder, for {path}. */
  readonly inFolder?: string
  /** Non-wildcards: env and output names. */
  readonly envName?: string
  readonly outputName?: string
  /** Non-wildcards: compiled lookup relative to the data map. */
  readonly steps?: readonly Step[]
  /** Non-wildcards: the expression the vendor evaluates, for its error text (`data.data."key"` without the data prefix). */
  readonly expression?: string
}

/** vault-action's normalizeOutputKey: `.` → `__`, drop `-`, keep only letters, numbers and `_`. */
export function normalizeName(text: string): string {
  return text
    .replaceAll('.', '__')
    .replaceAll('-', '')
    .replace(/[^\p{L}\p{N}_]/gu, '')
}

/** In a folder line's name: the secret's path below the folder, '/' as '_' (docs/protocols/vault.md#folders). */
export const PATH_PLACEHOLDER = '{path}'

/** Forbidden in any name whatever its source (VLT-GRM-4). */
const BAD_NAME = /[=\0\r\n]/

function lineOf(input: string, offset: number): number {
  let n = 1
  for (let i = 0; i < offset && i < input.length; i++)
    if (input[i] === '\n' || (input[i] === '\r' && input[i + 1] !== '\n')) n++
  return n
}

function vendorError(line: number, text: string): InputError {
  return lineError(line, text.replace(/\.$/, ''))
}

/** Parses one entry (docs/protocols/vault.md#entry-syntax, #names, #selectors). */
export function parseEntry(entry: string, line: number): VaultRequest {
  const bar = entry.lastIndexOf('|')
  let pathSpec = entry
  let name: string | undefined
  if (bar >= 0) {
    pathSpec = entry.slice(0, bar).trim()
    name = entry.slice(bar + 1).trim()
    if (name === '')
      throw vendorError(line, `You must provide a value when mapping a secret to a name. Input: ${quote(entry, 200)}`)
  }
  const parts = pathSpec.split(/\s+/).filter((p) => p !== '')
  if (parts.length !== 2) throw vendorError(line, `You must provide a valid path and key. Input: ${quote(entry, 200)}`)
  const [path, token] = parts as [string, string]
  let node
  try {
    node = parseSelector(token)
  } catch (err) {
    if (err instanceof SelectorSyntaxError)
      throw lineError(line, `the selector ${quote(token)} is not valid JSONata: ${err.message}`)
    if (err instanceof SelectorUnsupportedError)
      throw lineError(line, `the selector ${quote(token)} cannot be evaluated: ${err.message}`)
    throw err
  }
  const selector = token.replaceAll('"', '')
  if (name !== undefined && BAD_NAME.test(name))
    throw lineError(line, `the name ${quote(name)} contains '=', NUL or a line break`)

  const folder = path.endsWith('/')
  if (selector === '*' || selector === '**') {
    const prefix = name === undefined || name === selector ? '' : name
    if (!folder && prefix.includes(PATH_PLACEHOLDER))
      throw lineError(line, `${PATH_PLACEHOLDER} in a name works on a folder line only (a path ending in '/')`)
    return { line, entry, path, selector, wildcard: selector, prefix, ...(folder ? { folder } : {}) }
  }
  if (folder)
    throw lineError(
      line,
      `${quote(path)} ends in '/', a folder: read every key of every secret below it with '*' or '**', e.g. '${path} *'`,
    )
  if (name === undefined && needsName(node)) {
    const hint = token.includes('-') ? ` (quote it as ${quote(`"${selector}"`)} or add '| NAME')` : ''
    throw vendorError(
      line,
      `You must provide a name for the output key when using json selectors. Input: ${quote(entry, 200)}${hint}`,
    )
  }
  let steps: readonly Step[]
  let expression: string
  try {
    if (selector.includes('.')) {
      steps = compilePath(parseSelector(selector))
      expression = selector
    } else {
      steps = [{ kind: 'name', name: decodeQuoted(selector), index: [], predicated: false }]
      expression = `"${selector}"`
    }
  } catch (err) {
    if (err instanceof SelectorSyntaxError)
      throw lineError(line, `the selector ${quote(selector)} is not valid JSONata: ${err.message}`)
    if (err instanceof SelectorUnsupportedError)
      throw lineError(line, `the selector ${quote(selector)} cannot be evaluated: ${err.message}`)
    throw err
  }
  let envName: string
  let outputName: string
  if (name !== undefined) {
    envName = name
    outputName = name
  } else {
    outputName = normalizeName(selector)
    envName = outputName.toUpperCase()
    if (outputName === '') throw lineError(line, `the selector ${quote(token)} gives an empty name; add '| NAME'`)
  }
  if (!ENV_NAME.test(envName)) {
    throw lineError(
      line,
      `${quote(envName)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)${name === undefined ? "; add '| NAME'" : ''}`,
    )
  }
  return { line, entry, path, selector, envName, outputName, steps, expression }
}

interface Piece {
  readonly text: string
  readonly offset: number
}

function splitKeep(input: string, sep: RegExp, base: number): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of input.matchAll(sep)) {
    out.push({ text: input.slice(last, m.index), offset: base + last })
    last = m.index + m[0].length
  }
  out.push({ text: input.slice(last), offset: base + last })
  return out
}

function trimmed(p: Piece): Piece {
  const lead = p.text.length - p.text.trimStart().length
  return { text: p.text.trim(), offset: p.offset + lead }
}

/**
 * Parses the whole `secrets` input (docs/protocols/vault.md#entries): `;` separates; newlines too
 * where `;` alone fails.
 */
export function parseVaultMapping(input: string): ParsedMapping<VaultRequest> {
  const requests: VaultRequest[] = []
  const warnings: string[] = []
  for (const raw of splitKeep(input, /;/g, 0)) {
    const piece = trimmed(raw)
    if (piece.text === '') continue
    const line = lineOf(input, piece.offset)
    try {
      requests.push(parseEntry(piece.text, line))
    } catch (err) {
      // VLT-GRM-3: newline-separated entries, only for text the vendor's rule rejects.
      const lines = splitKeep(piece.text, /\r\n|\r|\n/g, piece.offset)
        .map(trimmed)
        .filter((l) => l.text !== '')
      if (!(err instanceof InputError) || lines.length < 2) throw err
      for (const l of lines) requests.push(parseEntry(l.text, lineOf(input, l.offset)))
    }
  }
  // VLT-GRM-5: the vendor keeps the last silently; we refuse, naming both.
  const seen = new Map<string, VaultRequest>()
  for (const r of requests) {
    if (r.envName === undefined) continue
    const first = seen.get(r.envName)
    if (first)
      throw lineError(
        r.line,
        `${r.envName} is also produced by line ${first.line} (${quote(first.entry)}); give one of them another '| NAME'`,
      )
    seen.set(r.envName, r)
  }
  return { requests, warnings }
}
