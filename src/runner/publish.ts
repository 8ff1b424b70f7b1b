// What the action does with a run's secrets once they are checked and masked: export_file, env and
// outputs (reveal.ts), then the job summary, which is loaded only when one is written and whose
// failure is a warning (the secrets are exported by then).
import type { Settings } from '../inputs.js'
import type { Cleanup, ProviderKind, Secret } from '../providers/provider.js'
import { exportAll } from './reveal.js'

export interface PublishContext {
  /** Records export_file's deletion for the post step. */
  readonly record: (cleanups: readonly Cleanup[]) => void
  readonly warning: (message: string) => void
  readonly scrub: (text: string) => string
}

/**
 * Loads ahead what publish() needs, while the provider's first request is in flight: node:crypto
 * (@actions/core's file commands draw a random delimiter per value) and the summary's module.
 */
export function preparePublish(settings: Settings): void {
  process.getBuiltinModule('node:crypto')
  if (settings.summary && process.env.GITHUB_STEP_SUMMARY) import('./summary.js').catch(() => undefined)
}

export async function publish(
  secrets: readonly Secret[],
  run: { readonly settings: Settings; readonly provider: ProviderKind },
  ctx: PublishContext,
): Promise<void> {
  const { settings } = run
  await exportAll(secrets, { setEnv: settings.setEnv, exportFile: settings.exportFile, record: ctx.record })
  if (!settings.summary || !process.env.GITHUB_STEP_SUMMARY) return
  try {
    const { writeSummary } = await import('./summary.js')
    const file = settings.exportFile && {
      path: settings.exportFile.path,
      format: settings.exportFile.format,
      kept: settings.exportFile.keep,
    }
    writeSummary(secrets, { provider: run.provider, setEnv: settings.setEnv, file, scrub: ctx.scrub })
  } catch (err) {
    ctx.warning(
      `inject-secrets: the job summary could not be written (the secrets were exported): ${err instanceof Error ? err.message : String(err)}`,
    )
  }
}
