// `clean`: the post step sets every environment variable this step exported to '' for the steps
// after it (later post steps), as AWS's secrets action does. Only the names are recorded, never a
// value. Step outputs cannot be unset. Pure: the post step hands in how to set a variable.
import type { Cleanup } from '../providers/provider.js'

export const CLEAN_ENV_CLEANUP = 'clean-env'

/** The names this step exports as env vars (as reveal.ts decides), for the post step; none: nothing to record. */
export function cleanEnvCleanup(
  secrets: readonly { readonly name: string; readonly only?: 'env' | 'output' }[],
  opts: { readonly setEnv: boolean },
): Cleanup | undefined {
  const names = secrets.filter((s) => s.only === 'env' || (opts.setEnv && s.only !== 'output')).map((s) => s.name)
  if (names.length === 0) return undefined
  // Names are checked env names (no newline) by then.
  return { kind: CLEAN_ENV_CLEANUP, data: { names: names.join('\n') } }
}

/** Empties each recorded name; says how many. */
export function cleanEnv(
  data: Readonly<Record<string, string>>,
  exportVariable: (name: string, value: string) => void,
  info: (message: string) => void,
): void {
  const names = (data.names ?? '').split('\n').filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
  for (const name of names) exportVariable(name, '')
  info(
    `inject-secrets post step: emptied ${names.length} environment variable${names.length === 1 ? '' : 's'} for the later steps (clean: true).`,
  )
}
