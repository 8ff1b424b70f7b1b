// Cleanups the main step records for the post step (runs.post): each is a kind plus string data,
// saved with the runner's state (core.saveState → GITHUB_STATE → STATE_<key> in the post step).
// No @actions/core here: main hands in saveState, post hands in the saved text and the handlers.

/** The state key holding the JSON list of cleanups. */
export const CLEANUP_STATE_KEY = 'inject_secrets_cleanups'

export interface Cleanup {
  readonly kind: string
  readonly data: Readonly<Record<string, string>>
}

const recorded: Cleanup[] = []

/** Adds a cleanup and saves the whole list (the runner keeps the last value of a key). */
export function recordCleanup(saveState: (key: string, value: string) => void, cleanup: Cleanup): void {
  recorded.push({ kind: cleanup.kind, data: { ...cleanup.data } })
  saveState(CLEANUP_STATE_KEY, JSON.stringify(recorded))
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

export type CleanupHandler = (data: Readonly<Record<string, string>>) => Promise<void>

export interface CleanupLog {
  readonly warning: (message: string) => void
  readonly info: (message: string) => void
}

/**
 * Runs every recorded cleanup, in reverse order of recording; a failure, or a kind without a
 * handler, is a warning and never stops the others. Returns how many succeeded.
 */
export async function runCleanups(
  text: string,
  handlers: Readonly<Record<string, () => Promise<CleanupHandler>>>,
  log: CleanupLog,
): Promise<number> {
  let ok = 0
  for (const c of parseCleanups(text).reverse()) {
    const load = Object.hasOwn(handlers, c.kind) ? handlers[c.kind] : undefined
    if (!load) {
      log.warning(`inject-secrets post step: no handler for the recorded cleanup '${c.kind}'.`)
      continue
    }
    try {
      await (
        await load()
      )(c.data)
      ok++
    } catch (err) {
      log.warning(`inject-secrets post step: ${c.kind} failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  return ok
}
