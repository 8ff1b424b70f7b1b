import { h as runCleanups, j as getState, i as info, w as warning, c as createMasks, f as setSecret, C as CLEANUP_STATE_KEY, k as CLEAN_ENV_CLEANUP, l as cleanEnv, d as debug, m as exportVariable } from './chunks/startup-B_B0AziO.js';
import { DELETE_FILE_CLEANUP, deleteExportFile } from './chunks/runner-export-file-D87tJSNS.js';
import 'os';
import 'fs';
import 'node:path';
import 'node:fs';
import 'crypto';
import 'node:crypto';

// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded
// (runner/cleanup.ts). export_file's deletion and `clean`'s emptied variables are the runner's own;
// any other kind belongs to a wing and is loaded, with the inputs and an HTTP client, only when a
// run recorded it. A failure is a
// warning; the post step never fails the job.
const masks = createMasks((form) => setSecret(form));
const log = {
    warning: (message) => warning(masks.scrub(message)),
    info: (message) => info(masks.scrub(message)),
};
async function handlerFor(kind) {
    if (kind === DELETE_FILE_CLEANUP)
        return (data) => deleteExportFile(data, log);
    if (kind === CLEAN_ENV_CLEANUP)
        return async (data) => cleanEnv(data, exportVariable, log.info);
    const [{ loadCleanupHandler }, { readSettings }, { createHttpClient }] = await Promise.all([
        import('./chunks/startup-B_B0AziO.js').then(function (n) { return n.W; }),
        import('./chunks/startup-B_B0AziO.js').then(function (n) { return n.V; }),
        import('./chunks/startup-B_B0AziO.js').then(function (n) { return n.U; }),
    ]);
    // The same inputs the main step had (inputs reach post steps too): the credential and the CA.
    // A wing's own TLS settings (Vault's tlsSkipVerify, client certificate) are not the client's:
    // the wing's handler applies them to its own requests (providers/vault/revoke.ts, withTls).
    const settings = readSettings();
    masks.mask(settings.accessToken);
    const http = createHttpClient({
        timeoutMs: 15_000,
        deadlineMs: 30_000,
        ca: settings.caCertificate,
        debug: (line) => debug(masks.scrub(line)),
    });
    return loadCleanupHandler(kind, settings, { http, mask: masks.mask, ...log });
}
runCleanups(getState(CLEANUP_STATE_KEY), handlerFor, log)
    .catch((err) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => process.stdout.write('', () => process.exit(0)));
