// The Infisical grammar of the `secrets:` input. Pure: no I/O, no @actions/*.
//   KEY > NAME            the secret KEY at the environment and `secret_path` of the run
//   KEY                   the same, exported under its own name (which must be a valid env name)
//   /path/KEY > NAME      the secret KEY in folder /path (same environment); `/path/KEY` alone too
//   *                     every secret in scope (the vendor action's behaviour), each under its key;
//                         an empty input (or only comments) means the same
// Blank lines and comments (`# …` on their own line, or after whitespace) are ignored.
import {
  assertEnvName,
  ENV_NAME,
  lineError,
  meaningfulLines,
  quote,
  type MappingLine,
  type ParsedMapping,
} from '../../mapping.js'

export type InfisicalRequest =
  /** Every secret in scope; `line` is 0 when the input was empty. */
  | { readonly kind: 'all'; readonly line: number }
  | {
      readonly kind: 'key'
      readonly line: number
      /** The secret's key, exactly (case-sensitive). */
      readonly key: string
      /** The folder, normalised (`/a/b`); absent: the run's `secret_path`. */
      readonly path?: string
      readonly envName: string
    }

/**
 * Normalises a folder path as Infisical's server does, and as users write it (secrets-action #4):
 * `sub`, `/sub` and `/sub/` are all `/sub`; '' is `/`. Undefined when it is not a folder path.
 */
export function normalizeSecretPath(text: string): string | undefined {
  const t = text.trim()
  if (t === '' || t === '/') return '/'
  const segments = t.replace(/^\//, '').replace(/\/$/, '').split('/')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not be in a path
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\s\u0000-\u001f\u007f*]/.test(s))) return undefined
  return `/${segments.join('/')}`
}

// A key is any run of printable characters without whitespace, '>' or '/' (Infisical keys are
// single tokens; '/' separates folders). Control characters would reach the error's example raw.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not be in a key
const KEY = /^[^\s>/\u0000-\u001f\u007f]+$/

function parseSource(source: string, line: number): { key: string; path?: string } {
  if (source.startsWith('/')) {
    const slash = source.lastIndexOf('/')
    const key = source.slice(slash + 1)
    const folder = source.slice(0, slash)
    const path = folder.endsWith('/') ? undefined : normalizeSecretPath(folder)
    if (key === '*')
      throw lineError(
        line,
        "a folder wildcard is not supported: use '*' and set 'secret_path' (and 'recursive') instead",
      )
    if (key === '')
      throw lineError(line, `${quote(source)} ends with '/': name the secret key after the folder ('/folder/KEY')`)
    if (path === undefined)
      throw lineError(line, `${quote(folder)} is not a folder path (use '/folder/sub', no empty, '.' or '..' parts)`)
    if (!KEY.test(key)) throw lineError(line, `${quote(key)} is not a secret key (no spaces or control characters)`)
    return { key, path }
  }
  if (source.includes('/')) throw lineError(line, `${quote(source)}: start a folder path with '/' ('/folder/KEY')`)
  if (!KEY.test(source)) throw lineError(line, `${quote(source)} is not a secret key (no spaces or control characters)`)
  return { key: source }
}

function parseLine({ line, text }: MappingLine): InfisicalRequest {
  const pieces = text.split('>')
  if (pieces.length > 2) throw lineError(line, "it has more than one '>' (expected 'KEY > ENV_NAME')")
  const source = pieces[0]!.trim()
  if (source === '*') {
    if (pieces.length === 2)
      throw lineError(line, `'*' exports each secret under its own key; remove '> ${pieces[1]!.trim()}'`)
    return { kind: 'all', line }
  }
  if (source === '') throw lineError(line, "the secret key before '>' is empty")
  const { key, path } = parseSource(source, line)
  if (pieces.length === 1) {
    if (!ENV_NAME.test(key)) {
      throw lineError(
        line,
        `the key ${quote(key)} is not a valid environment variable name; map it explicitly${exampleMapping(source, key)}`,
      )
    }
    return { kind: 'key', line, key, ...(path === undefined ? {} : { path }), envName: key }
  }
  const envName = pieces[1]!.trim()
  if (envName === '') throw lineError(line, "the environment variable name after '>' is empty")
  assertEnvName(envName, line)
  return { kind: 'key', line, key, ...(path === undefined ? {} : { path }), envName }
}

/** A valid env name close to a key, for the error's example. */
function suggestName(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()
  return /^[0-9]/.test(name) ? `_${name}` : name
}

/** ", e.g. '<source> > NAME'" for an invalid key; nothing when the key is too long to echo usefully. */
export function exampleMapping(source: string, key: string): string {
  return source.length <= 60 ? `, e.g. '${source} > ${suggestName(key)}'` : ''
}

/**
 * Parses the Infisical `secrets` input. Throws InputError naming the line and the rule broken.
 * An empty input (no entries) asks for everything in scope.
 */
export function parseInfisicalMapping(input: string): ParsedMapping<InfisicalRequest> {
  const requests: InfisicalRequest[] = []
  const envLines = new Map<string, number>()
  let wildcard: number | undefined
  for (const entry of meaningfulLines(input)) {
    const request = parseLine(entry)
    if (request.kind === 'all') {
      if (wildcard !== undefined) throw lineError(request.line, `it repeats the '*' of line ${wildcard}`)
      wildcard = request.line
    } else {
      const first = envLines.get(request.envName)
      if (first !== undefined)
        throw lineError(
          request.line,
          `the name ${request.envName} is already used on line ${first}; names must be unique`,
        )
      envLines.set(request.envName, request.line)
    }
    requests.push(request)
  }
  if (requests.length === 0) return { requests: [{ kind: 'all', line: 0 }], warnings: [] }
  return { requests, warnings: [] }
}
