// The names a run exports under, checked before anything is written: valid as env and output
// names, used once each, and harmless as environment variables. Pure.
import { ActionError } from '../errors.js'
import { ENV_NAME } from '../mapping.js'
import type { Secret } from '../providers/provider.js'
import { policyFor, type NamePolicy } from './name-classes.js'

export interface RevealOptions {
  readonly setEnv: boolean
  /** Allow names that change how later steps run (name-classes.ts). */
  readonly allowDangerousNames: boolean
}

// Output names are written unchecked too; letters, digits, '_' and '-' are all any provider needs.
const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/

/** The step output's name: the env name unless the provider gave another. */
export function outputNameOf(s: Secret): string {
  return s.outputName ?? s.name
}

// A process cannot start when one environment string (NAME=value) exceeds the kernel's 128 KiB
// (Linux MAX_ARG_STRLEN) or all of them with the arguments exceed ARG_MAX (2 MiB by default): every
// later step of the job would fail with E2BIG. What this step adds is held to half of that, leaving
// the runner's own variables room.
const MAX_ENV_STRING = 128 * 1024
const MAX_ENV_TOTAL = 1024 * 1024

/**
 * Checks every export before the first write: valid names, used once, harmless as env vars (by who
 * chose the name: name-classes.ts), and an environment later processes can still start with.
 * Returns the warnings for names the workflow's author chose that change how later steps run.
 */
export function assertExportable(secrets: readonly Secret[], opts: RevealOptions): string[] {
  const warnings: string[] = []
  // name → where it came from, so a collision (after shaping, too) names both sources.
  const seen = new Map<string, string>()
  const outputs = new Map<string, string>()
  let envBytes = 0
  let envCount = 0
  for (const s of secrets) {
    const env = s.only === 'env' || (opts.setEnv && s.only !== 'output')
    if (env) {
      const bytes = Buffer.byteLength(s.name) + Buffer.byteLength(s.value) + 2
      if (bytes > MAX_ENV_STRING) {
        throw new ActionError(
          `Refusing to export ${s.name} (${s.source}) as an environment variable: its value is ${Math.ceil(bytes / 1024)} KiB, ` +
            `over the ${MAX_ENV_STRING / 1024} KiB a single variable may hold for a process to start (every later step would fail with E2BIG). ` +
            "Write it to a file with 'export_file', or set 'set_env: false' to set step outputs only.",
        )
      }
      envBytes += bytes
      envCount++
    }
    const policy: NamePolicy =
      env && !opts.allowDangerousNames ? policyFor(s.name, s.mapped === true) : { verdict: 'ok' }
    if (policy.verdict === 'refuse') {
      const who = s.mapped
        ? ''
        : " The name comes from the server (a wildcard's key or a JSON field), not from the mapping: map the secret to a name of your own."
      throw new ActionError(
        `Refusing to export ${s.name} (${s.source}) as an environment variable: it would change how every later step runs ` +
          `(${policy.label}; SECURITY.md lists the names refused).${who} ` +
          "Map it to another name, or set 'allow_dangerous_names: true' if you mean it.",
      )
    }
    if (policy.verdict === 'warn') {
      warnings.push(
        `${s.name} (${s.source}) is exported as an environment variable as the mapping asks, but it changes how every later step runs (${policy.label}).`,
      )
    }
    // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
    if (!ENV_NAME.test(s.name))
      throw new ActionError(
        `Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`,
      )
    if (s.only !== 'output') {
      const first = seen.get(s.name)
      if (first !== undefined) throw new ActionError(`Refusing to export ${s.name} twice (${first} and ${s.source}).`)
      seen.set(s.name, s.source)
    }
    if (s.only === 'env') continue
    const output = outputNameOf(s)
    if (!OUTPUT_NAME.test(output))
      throw new ActionError(
        `Refusing to set the output ${JSON.stringify(output)} (${s.source}): not a valid output name.`,
      )
    // Expressions read outputs case-insensitively (steps.x.outputs.npmToken is outputs.NPMTOKEN).
    const firstOutput = outputs.get(output.toLowerCase())
    if (firstOutput !== undefined)
      throw new ActionError(
        `Refusing to set the output ${output} twice, ignoring case (${firstOutput} and ${s.source}).`,
      )
    outputs.set(output.toLowerCase(), s.source)
  }
  if (envBytes > MAX_ENV_TOTAL) {
    throw new ActionError(
      `Refusing to export ${envCount} environment variables holding ${Math.ceil(envBytes / 1024)} KiB in all: over the ` +
        `${MAX_ENV_TOTAL / 1024} KiB this step may add for later processes to start (the kernel's limit for a whole environment is about 2 MiB; ` +
        "every later step would fail with E2BIG). Write them to a file with 'export_file', or set 'set_env: false' to set step outputs only.",
    )
  }
  return warnings
}
