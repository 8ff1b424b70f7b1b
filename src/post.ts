// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded
// (runner/cleanup.ts). export_file's deletion and `clean`'s emptied variables are the runner's own;
// any other kind belongs to a wing and is loaded, with the inputs and an HTTP client, only when a
// run recorded it. A failure is a warning; the post step never fails the job.
import * as core from '@actions/core'
import type { CleanupHandler } from './providers/provider.js'
import { CLEAN_ENV_CLEANUP, cleanEnv } from './runner/clean-env.js'
import { CLEANUP_STATE_KEY, runCleanups } from './runner/cleanup.js'
import { DELETE_FILE_CLEANUP, deleteExportFile } from './runner/export-file.js'
import { createMasks } from './runner/masking.js'

const masks = createMasks((form) => core.setSecret(form))
const log = {
  warning: (message: string): void => core.warning(masks.scrub(message)),
  info: (message: string): void => core.info(masks.scrub(message)),
}

type WingContext = [
  typeof import('./providers/index.js'),
  import('./inputs.js').Settings,
  import('./providers/provider.js').CleanupContext,
]

// Read once for every wing cleanup of the run (a Vault login token and a child token, say): the
// same inputs the main step had (inputs reach post steps too), the credential and the CA, and one
// HTTP client. A wing's own TLS settings (Vault's tlsSkipVerify, client certificate) are not the
// client's: the wing's handler applies them to its own requests (providers/vault/revoke.ts, withTls).
let wing: Promise<WingContext> | undefined
function wingContext(): Promise<WingContext> {
  wing ??= Promise.all([import('./providers/index.js'), import('./inputs.js'), import('./http/client.js')]).then(
    ([providers, { readSettings }, { createHttpClient }]) => {
      const settings = readSettings()
      masks.mask(settings.accessToken)
      // The post step runs at the end of every job, failed or cancelled ones too, and a revocation
      // is a courtesy (the token's TTL ends it anyway): a silent server or proxy must not hold the
      // job. 10 s in all, through proxies too, leaves room for a slow round trip and the one retry
      // after a reset (providers/vault/revoke.ts); each attempt at most 5 s.
      const http = createHttpClient({
        timeoutMs: 5_000,
        deadlineMs: 10_000,
        ca: settings.caCertificate,
        debug: (line) => core.debug(masks.scrub(line)),
      })
      return [providers, settings, { http, mask: masks.mask, ...log }]
    },
  )
  return wing
}

async function handlerFor(kind: string): Promise<CleanupHandler | undefined> {
  if (kind === DELETE_FILE_CLEANUP) return (data) => deleteExportFile(data, log)
  if (kind === CLEAN_ENV_CLEANUP) return async (data) => cleanEnv(data, core.exportVariable, log.info)
  const [{ loadCleanupHandler }, settings, ctx] = await wingContext()
  return loadCleanupHandler(kind, settings, ctx)
}

runCleanups(core.getState(CLEANUP_STATE_KEY), handlerFor, log)
  .catch((err: unknown) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
  .finally(() => process.stdout.write('', () => process.exit(0)))
