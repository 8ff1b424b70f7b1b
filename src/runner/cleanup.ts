// Cleanups the main step records for the post step (runs.post): each is a kind plus string data,
// saved with the runner's state (core.saveState → GITHUB_STATE → STATE_<key> in the post step).
// Providers return theirs and export_file adds its own; this is the only code that saves them.
// No @actions/core here: the entry hands in saveState, post hands in the saved text and the handlers.
import type { Cleanup, CleanupContext, CleanupHandler } from '../providers/provider.js'

/** The state key holding the JSON list of cleanups. */
export const CLEANUP_STATE_KEY = 'inject_secrets_cleanups'

/** Records cleanups for one run: each call adds to the list and saves it whole (the runner keeps a key's last value). */
export type CleanupRecorder = (cleanups: readonly Cleanup[]) => void

export function createCleanupRecorder(saveState: (key: string, value: string) => void): CleanupRecorder {
  const recorded: Cleanup[] = []
  return (cleanups) => {
    if (cleanups.length === 0) return
    for (const c of cleanups) recorded.push({ kind: c.kind, data: { ...c.data } })
    saveState(CLEANUP_STATE_KEY, JSON.stringify(recorded))
  }
}

/** Reads the saved list; anything malformed is dropped (state is written only by our main step). */
export function parseCleanups(text: string): Cleanup[] {
  if (text.trim() === '') return []
  let list: unknown
  try {
    list = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(list)) return []
  return list.filter(
    (c): c is Cleanup =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as Cleanup).kind === 'string' &&
      typeof (c as Cleanup).data === 'object' &&
      (c as Cleanup).data !== null &&
      Object.values((c as Cleanup).data).every((v) => typeof v === 'string'),
  )
}

export type CleanupLog = Pick<CleanupContext, 'info' | 'warning'>

/**
 * Runs every recorded cleanup, in reverse order of recording; a failure, or a kind without a
 * handler, is a warning and never stops the others. Returns how many succeeded.
 */
export async function runCleanups(
  text: string,
  handlerFor: (kind: string) => Promise<CleanupHandler | undefined>,
  log: CleanupLog,
): Promise<number> {
  let ok = 0
  for (const c of parseCleanups(text).reverse()) {
    try {
      const handler = await handlerFor(c.kind)
      if (!handler) {
        log.warning(`inject-secrets post step: no handler for the recorded cleanup '${c.kind}'.`)
        continue
      }
      await handler(c.data)
      ok++
    } catch (err) {
      log.warning(`inject-secrets post step: ${c.kind} failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  return ok
}
