// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded with
// core.saveState (src/cleanup.ts). Generic and small: each cleanup kind's code is loaded with
// import() only when a run recorded it. A failure is a warning; the post step never fails the job.
import * as core from '@actions/core'
import { CLEANUP_STATE_KEY, runCleanups, type CleanupHandler } from './cleanup.js'
import { mask, scrub } from './masking.js'

const log = {
  warning: (message: string): void => core.warning(scrub(message)),
  info: (message: string): void => core.info(scrub(message)),
}

async function httpClient(): Promise<import('./http.js').HttpClient> {
  const { createHttpClient } = await import('./http.js')
  return createHttpClient({ timeoutMs: 15_000, deadlineMs: 30_000, debug: (line) => core.debug(scrub(line)) })
}

/** Cleanup kinds → loaders of their handlers. */
const HANDLERS: Record<string, () => Promise<CleanupHandler>> = {
  'vault-revoke-child': async () => {
    const [{ revokeChild }, { readSettings }, http] = await Promise.all([import('./providers/vault/revoke.js'), import('./inputs.js'), httpClient()])
    // The parent token: the same access_token input the main step had (inputs reach post steps too).
    const token = readSettings().accessToken
    mask(token)
    return (data) => revokeChild(data, { http, token, ...log })
  },
}

runCleanups(core.getState(CLEANUP_STATE_KEY), HANDLERS, log)
  .catch((err: unknown) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
  .finally(() => process.stdout.write('', () => process.exit(0)))
