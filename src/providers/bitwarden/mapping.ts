// The Bitwarden grammar of the `secrets:` input. Pure: no I/O, no @actions/*.
// Bitwarden grammar (docs/protocols/bitwarden.md#mapping-grammar: the vendor's form plus our
// extensions, each a form the vendor rejects, BW-MAP-5):
//   <uuid> > NAME            by id (the vendor's form; spaces around '>' optional)
//   <name> > NAME            by secret name, among everything the machine account can read
//   <project-uuid>/<name> > NAME
//   <project-uuid>/*         every secret of a project, each under its own name
//   *                        every secret the machine account can read
// Blank lines and comments (`# …` on their own line, or after whitespace) are ignored.
import { secretsLine } from '../../errors.js'
import {
  assertEnvName,
  lineError,
  meaningfulLines,
  quote,
  type MappingLine,
  type ParsedMapping,
} from '../../mapping.js'

export type BitwardenSelector =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'name'; readonly name: string; readonly projectId?: string }
  | { readonly kind: 'all'; readonly projectId?: string }

export interface BitwardenRequest {
  /** 1-based line of the `secrets` input, for error messages. */
  readonly line: number
  readonly selector: BitwardenSelector
  /** Where the value goes; absent for wildcards, whose secrets go under their own names. */
  readonly envName?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NEAR_UUID = /^(?=.*-)[0-9a-f-]{16,}$/i

function parseSource(source: string, line: number): BitwardenSelector {
  if (source === '*') return { kind: 'all' }
  const slash = source.indexOf('/')
  if (slash > 0 && UUID.test(source.slice(0, slash))) {
    const projectId = source.slice(0, slash).toLowerCase()
    const name = source.slice(slash + 1).trim()
    if (name === '')
      throw lineError(
        line,
        `the secret name after the project id is empty (use '${projectId}/*' for the whole project)`,
      )
    return name === '*' ? { kind: 'all', projectId } : { kind: 'name', name, projectId }
  }
  if (UUID.test(source)) return { kind: 'id', id: source.toLowerCase() }
  // Hex and hyphens only: a mistyped id, not a name; say so rather than search for it by name.
  if (NEAR_UUID.test(source))
    throw lineError(line, `${quote(source)} looks like a secret id but is not a valid UUID (8-4-4-4-12 hex digits)`)
  return { kind: 'name', name: source }
}

function parseLine({ line, text }: MappingLine): BitwardenRequest {
  const pieces = text.split('>')
  if (pieces.length > 2) throw lineError(line, "it has more than one '>' (expected '<secret id or name> > ENV_NAME')")
  const source = pieces[0]!.trim()
  if (pieces.length === 1) {
    const selector = parseSource(source, line)
    if (selector.kind !== 'all') {
      throw lineError(line, "expected '<secret id or name> > ENV_NAME', '<project id>/*' or '*' (no '>' found)")
    }
    return { line, selector }
  }
  const envName = pieces[1]!.trim()
  if (source === '') throw lineError(line, "the secret id or name before '>' is empty")
  if (envName === '') throw lineError(line, "the environment variable name after '>' is empty")
  const selector = parseSource(source, line)
  if (selector.kind === 'all') {
    throw lineError(line, "a wildcard exports each secret under its own name; remove '> " + envName + "'")
  }
  assertEnvName(envName, line)
  return { line, selector, envName }
}

function wildcardKey(s: BitwardenSelector): string | undefined {
  return s.kind === 'all' ? (s.projectId ?? '*') : undefined
}

/**
 * Parses the Bitwarden `secrets` input. Throws InputError naming the line and the rule broken.
 * A UUID on several lines is fetched once and the last line's name wins, with a warning (BW-MAP-3).
 */
export function parseBitwardenMapping(input: string): ParsedMapping<BitwardenRequest> {
  const byKey = new Map<string, BitwardenRequest>()
  const envLines = new Map<string, number>()
  const warnings: string[] = []
  for (const entry of meaningfulLines(input)) {
    const request = parseLine(entry)
    const { selector, envName, line } = request
    let key: string
    if (selector.kind === 'id') {
      key = `id:${selector.id}`
      const earlier = byKey.get(key)
      if (earlier?.envName !== undefined) {
        warnings.push(
          `${secretsLine(line)}: secret ${selector.id} is also mapped on line ${earlier.line}; ` +
            `it is fetched once and exported as ${envName} only (not ${earlier.envName}).`,
        )
        envLines.delete(earlier.envName)
        byKey.delete(key)
      }
    } else if (selector.kind === 'all') {
      key = `all:${wildcardKey(selector)}`
      const earlier = byKey.get(key)
      if (earlier) throw lineError(line, `it repeats the wildcard of line ${earlier.line}`)
    } else {
      key = `line:${line}`
    }
    if (envName !== undefined) {
      const first = envLines.get(envName)
      if (first !== undefined)
        throw lineError(line, `the name ${envName} is already used on line ${first}; names must be unique`)
      envLines.set(envName, line)
    }
    byKey.set(key, request)
  }
  return { requests: [...byKey.values()].sort((a, b) => a.line - b.line), warnings }
}
