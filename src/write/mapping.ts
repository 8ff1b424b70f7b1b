// The write action's `secrets` grammar, shared by every provider: one `SOURCE > TARGET` per line,
// where SOURCE is an environment variable of the step (its value is what gets written) and TARGET
// is in the provider's own terms, parsed by its wing. Pure: no I/O, no @actions/*.
import { ENV_NAME, lineError, meaningfulLines, quote, type MappingLine } from '../mapping.js'

export interface WriteLine {
  readonly line: number
  readonly source: string
  readonly target: string
}

const FORM = "expected 'SOURCE_ENV_NAME > TARGET'"

function parseLine({ line, text }: MappingLine): WriteLine {
  // SOURCE is an environment variable name, which has no '>': the first one separates, and a
  // target keeps any later '>' (Bitwarden names may hold one).
  const at = text.indexOf('>')
  if (at < 0) throw lineError(line, `${FORM} (no '>' found)`)
  const source = text.slice(0, at).trim()
  const target = text.slice(at + 1).trim()
  if (source === '') throw lineError(line, `the source environment variable before '>' is empty (${FORM})`)
  if (!ENV_NAME.test(source)) {
    throw lineError(
      line,
      `the source ${quote(source)} is not an environment variable name (letters, digits and '_', not starting with a digit); ` +
        "set the value in the step's 'env:' and name that variable here",
    )
  }
  if (target === '') throw lineError(line, `the target after '>' is empty (${FORM})`)
  return { line, source, target }
}

/**
 * Parses the write action's `secrets` input. Throws InputError naming the line; a target written
 * twice is an error (which value should win?), a source used for several targets is not.
 */
export function parseWriteMapping(input: string): WriteLine[] {
  const lines = meaningfulLines(input).map(parseLine)
  if (lines.length === 0) {
    throw lineError(1, `there are no mappings (${FORM}, one per line)`)
  }
  const seen = new Map<string, number>()
  for (const l of lines) {
    const first = seen.get(l.target)
    if (first !== undefined)
      throw lineError(l.line, `the target ${quote(l.target)} is already written on line ${first}`)
    seen.set(l.target, l.line)
  }
  return lines
}

/**
 * The names that look like sources, without judging the rest of the line: their values are masked
 * before anything is parsed, so not even a parse error can come before the masks.
 */
export function sourceNames(input: string): string[] {
  return meaningfulLines(input)
    .map(({ text }) => text.slice(0, Math.max(0, text.indexOf('>'))).trim())
    .filter((name) => ENV_NAME.test(name))
}
