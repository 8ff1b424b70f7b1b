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

async function httpClient(ca: string | undefined): Promise<import('./http.js').HttpClient> {
  const { createHttpClient } = await import('./http.js')
  return createHttpClient({ timeoutMs: 15_000, deadlineMs: 30_000, ca, debug: (line) => core.debug(scrub(line)) })
}

/** Cleanup kinds → loaders of their handlers. */
const HANDLERS: Record<string, () => Promise<CleanupHandler>> = {
  // export_file without keep_file: the file is deleted when the job ends.
  'delete-export-file': async () => {
    const { deleteExportFile } = await import('./export-file.js')
    return (data) => deleteExportFile(data, log)
  },
  'vault-revoke-child': async () => {
    const [{ revokeChild }, { readSettings }] = await Promise.all([
      import('./providers/vault/revoke.js'),
      import('./inputs.js'),
    ])
    // The parent token and the CA: the same inputs the main step had (inputs reach post steps too).
    const settings = readSettings()
    const token = settings.accessToken
    mask(token)
    const http = await httpClient(settings.caCertificate)
    return (data) => revokeChild(data, { http, token, ...log })
  },
}

runCleanups(core.getState(CLEANUP_STATE_KEY), HANDLERS, log)
  .catch((err: unknown) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
  .finally(() => process.stdout.write('', () => process.exit(0)))
