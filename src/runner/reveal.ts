// The runner side of exporting, once the pipeline has checked every name (export-names.ts) and
// masked every value: export_file first, then env and outputs.
import { closeSync, openSync } from 'node:fs'
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { ExportFileSettings } from '../inputs.js'
import type { Cleanup, Secret } from '../providers/provider.js'
import { outputNameOf } from './export-names.js'

/** Exports each value, checked and masked already, to env (when set_env) and to the step outputs. */
export function writeExports(secrets: readonly Secret[], setEnv: boolean): void {
  // core.exportVariable also sets process.env[name] for code later in this process; none reads
  // them (later steps get them from GITHUB_ENV), and each assignment is a setenv() that scans the
  // whole environment: 50,000 exports took 2.9 s under Node 24, quadratically. So the loop runs
  // against a plain copy of the environment (GITHUB_ENV and GITHUB_OUTPUT are read from it), and
  // the process's own is put back after.
  const real = process.env
  process.env = { ...real }
  try {
    for (const s of secrets) {
      if (s.only === 'env' || (setEnv && s.only !== 'output')) core.exportVariable(s.name, s.value)
      if (s.only !== 'env') core.setOutput(outputNameOf(s), s.value)
    }
  } finally {
    process.env = real
  }
}

/**
 * The runner's env and output files, checked before the first write: @actions/core appends to each
 * per value, so a file that cannot be written would otherwise fail halfway, with some values
 * already exported (a missing path, a read-only or full disk).
 */
function assertRunnerFilesWritable(env: boolean): void {
  for (const variable of env ? ['GITHUB_ENV', 'GITHUB_OUTPUT'] : ['GITHUB_OUTPUT']) {
    const path = process.env[variable]
    // Unset: @actions/core falls back to workflow commands on stdout, which cannot fail this way.
    if (!path) continue
    try {
      closeSync(openSync(path, 'a'))
    } catch (err) {
      throw new ActionError(
        `Cannot write ${variable} (${path}): ${(err as NodeJS.ErrnoException).code ?? 'error'}; nothing was exported.`,
        { cause: err },
      )
    }
  }
}

export interface ExportOptions {
  readonly setEnv: boolean
  readonly exportFile?: ExportFileSettings
  /** Records export_file's deletion for the post step. */
  readonly record: (cleanups: readonly Cleanup[]) => void
}

/**
 * Everything a run exports, its names checked and values masked already. export_file first, so a
 * failed write exports nothing; then env and outputs, and a failure there removes the file again.
 */
export async function exportAll(secrets: readonly Secret[], opts: ExportOptions): Promise<void> {
  assertRunnerFilesWritable(opts.setEnv || secrets.some((s) => s.only === 'env'))
  let removeFile: (() => void) | undefined
  if (opts.exportFile) {
    const { exportToFile } = await import('./export-file.js')
    removeFile = exportToFile(secrets, opts.exportFile, opts.record)
  }
  try {
    writeExports(secrets, opts.setEnv)
    if (opts.exportFile) core.setOutput('export_file', opts.exportFile.path)
  } catch (err) {
    removeFile?.()
    throw err
  }
}
