// The runner side: mask every value (masking.ts), then export to env and outputs.
// Nothing is written until every name has been checked, so a bad name exports nothing.
import * as core from '@actions/core'
import { ActionError } from './errors.js'
import { ENV_NAME } from './mapping/lines.js'
import { mask } from './masking.js'
import type { ExportFileSettings } from './inputs.js'
import type { Secret } from './providers/index.js'

export interface RevealOptions {
  readonly setEnv: boolean
  /** Allow names that change how later steps run (see DANGEROUS). */
  readonly allowDangerousNames: boolean
}

// Variables that change how every later step runs: a secret exported under one of these names
// would load code (NODE_OPTIONS, LD_PRELOAD, DYLD_*, BASH_ENV, ENV), redirect programs (PATH,
// LD_LIBRARY_PATH) or impersonate the runner (GITHUB_*, RUNNER_*, ACTIONS_*). Case-insensitive,
// because Windows environment names are.
const DANGEROUS =
  /^(NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_.*|BASH_ENV|ENV|PATH|GITHUB_.*|RUNNER_.*|ACTIONS_.*)$/i

// Output names are written unchecked too; letters, digits, '_' and '-' are all any provider needs.
const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/

function outputNameOf(s: Secret): string {
  return s.outputName ?? s.name
}

/** Checks every export name before the first write: valid, used once, and harmless as an env var. */
export function assertExportable(secrets: readonly Secret[], opts: RevealOptions): void {
  const seen = new Set<string>()
  const outputs = new Set<string>()
  for (const s of secrets) {
    if (opts.setEnv && !opts.allowDangerousNames && DANGEROUS.test(s.name)) {
      throw new ActionError(
        `Refusing to export ${s.name} (${s.source}) as an environment variable: it would change how every later step runs ` +
          '(NODE_OPTIONS, LD_PRELOAD, LD_LIBRARY_PATH, DYLD_*, BASH_ENV, ENV, PATH, GITHUB_*, RUNNER_*, ACTIONS_* are refused). ' +
          "Map it to another name, or set 'allow_dangerous_names: true' if you mean it.",
      )
    }
    // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
    if (!ENV_NAME.test(s.name))
      throw new ActionError(
        `Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`,
      )
    if (seen.has(s.name)) throw new ActionError(`Refusing to export ${s.name} twice (${s.source}).`)
    seen.add(s.name)
    const output = outputNameOf(s)
    if (!OUTPUT_NAME.test(output))
      throw new ActionError(
        `Refusing to set the output ${JSON.stringify(output)} (${s.source}): not a valid output name.`,
      )
    // Expressions read outputs case-insensitively (steps.x.outputs.npmToken is outputs.NPMTOKEN).
    if (outputs.has(output.toLowerCase()))
      throw new ActionError(`Refusing to set the output ${output} twice, ignoring case (${s.source}).`)
    outputs.add(output.toLowerCase())
  }
}

/** Masks every value, then exports each to env (when set_env) and to the step outputs. */
export function reveal(secrets: readonly Secret[], opts: RevealOptions): void {
  assertExportable(secrets, opts)
  for (const s of secrets) mask(s.value)
  for (const s of secrets) {
    if (opts.setEnv) core.exportVariable(s.name, s.value)
    core.setOutput(outputNameOf(s), s.value)
  }
}

export interface ExportOptions extends RevealOptions {
  readonly exportFile?: ExportFileSettings
  readonly saveState: (key: string, value: string) => void
}

/**
 * Everything a run exports. export_file first (names checked and values masked before it), so a
 * failed write exports nothing; then env and outputs, and a failure there removes the file again.
 */
export async function exportAll(secrets: readonly Secret[], opts: ExportOptions): Promise<void> {
  let removeFile: (() => void) | undefined
  if (opts.exportFile) {
    assertExportable(secrets, opts)
    for (const s of secrets) mask(s.value)
    const { exportToFile } = await import('./export-file.js')
    removeFile = exportToFile(secrets, opts.exportFile, opts.saveState)
  }
  try {
    reveal(secrets, opts)
    if (opts.exportFile) core.setOutput('export_file', opts.exportFile.path)
  } catch (err) {
    removeFile?.()
    throw err
  }
}
