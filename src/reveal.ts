// The runner side: mask every value (whole and line by line), then export to env and outputs.
// Nothing is written until every name has been checked, so a bad name exports nothing.
import * as core from '@actions/core'
import { ActionError } from './errors.js'
import { ENV_NAME } from './mapping/lines.js'
import type { Secret } from './providers/index.js'

export interface RevealOptions {
  readonly setEnv: boolean
}

/**
 * The strings to register as masks for a value: the value itself and each non-blank line, trimmed.
 * The runner matches masks against one log line at a time, so a multi-line value masked only whole
 * would leak its lines (the sm-action and vault-action multi-line bugs).
 */
export function masksFor(value: string): string[] {
  if (value === '') return []
  const lines = value.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '')
  return [...new Set([value, ...lines])]
}

/** Checks every export name before the first write: valid, and used once. */
export function assertExportable(secrets: readonly Secret[]): void {
  const seen = new Set<string>()
  for (const s of secrets) {
    // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
    if (!ENV_NAME.test(s.name)) throw new ActionError(`Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`)
    if (seen.has(s.name)) throw new ActionError(`Refusing to export ${s.name} twice (${s.source}).`)
    seen.add(s.name)
  }
}

export function reveal(secrets: readonly Secret[], opts: RevealOptions): void {
  assertExportable(secrets)
  for (const s of secrets) masksFor(s.value).forEach((m) => core.setSecret(m))
  for (const s of secrets) {
    if (opts.setEnv) core.exportVariable(s.name, s.value)
    core.setOutput(s.name, s.value)
  }
}
