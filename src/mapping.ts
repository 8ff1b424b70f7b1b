// What every grammar of the `secrets:` input shares: numbered meaningful lines, the env-name rule,
// and errors that name the input and the line. Pure: no I/O, no @actions/*.
import { InputError, secretsLine } from './errors.js'

export interface ParsedMapping<R> {
  readonly requests: readonly R[]
  /** Non-fatal remarks (no secrets in them), for core.warning. */
  readonly warnings: readonly string[]
}

/** The runner's and sm-action v2's env-name rule. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// A comment starts at a '#' that begins the line or follows whitespace, so ids and names keep any '#'
// that is glued to other text.
const COMMENT = /(^|\s)#.*$/

export interface MappingLine {
  readonly line: number
  readonly text: string
}

/** Splits an input into numbered, trimmed, comment-free, non-blank lines (CR, LF or CRLF). */
export function meaningfulLines(input: string): MappingLine[] {
  const out: MappingLine[] = []
  input.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const text = raw.replace(COMMENT, '').trim()
    if (text !== '') out.push({ line: i + 1, text })
  })
  return out
}

/** Quotes user text for an error message: short, one line, escapes visible. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text
  return JSON.stringify(shown)
}

/** An InputError for line `line` of the `secrets` input. */
export function lineError(line: number, rule: string): InputError {
  return new InputError(`${secretsLine(line)}: ${rule}.`)
}

export function assertEnvName(name: string, line: number): void {
  if (!ENV_NAME.test(name)) {
    throw lineError(
      line,
      `${quote(name)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)`,
    )
  }
}
