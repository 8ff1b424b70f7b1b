import { h as runCleanups, j as getState, i as info, w as warning, c as createMasks, f as setSecret, C as CLEANUP_STATE_KEY, k as CLEAN_ENV_CLEANUP, l as cleanEnv, d as debug, m as exportVariable } from './chunks/startup-CZCMzk0l.js';
import { DELETE_FILE_CLEANUP, deleteExportFile } from './chunks/runner-export-file-BbDuDRE7.js';
import 'os';
import 'fs';
import 'node:path';
import 'node:fs';
import 'crypto';
import 'node:crypto';

// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded
// (runner/cleanup.ts). export_file's deletion and `clean`'s emptied variables are the runner's own;
// any other kind belongs to a wing and is loaded, with the inputs and an HTTP client, only when a
// run recorded it. A failure is a warning; the post step never fails the job.
const masks = createMasks((form) => setSecret(form));
const log = {
    warning: (message) => warning(masks.scrub(message)),
    info: (message) => info(masks.scrub(message)),
};
// Read once for every wing cleanup of the run (a Vault login token and a child token, say): the
// same inputs the main step had (inputs reach post steps too), the credential and the CA, and one
// HTTP client. A wing's own TLS settings (Vault's tlsSkipVerify, client certificate) are not the
// client's: the wing's handler applies them to its own requests (providers/vault/revoke.ts, withTls).
let wing;
function wingContext() {
    wing ??= Promise.all([import('./chunks/startup-CZCMzk0l.js').then(function (n) { return n.a0; }), import('./chunks/startup-CZCMzk0l.js').then(function (n) { return n.$; }), import('./chunks/startup-CZCMzk0l.js').then(function (n) { return n._; })]).then(([providers, { readSettings }, { createHttpClient }]) => {
        const settings = readSettings();
        masks.mask(settings.accessToken);
        const http = createHttpClient({
            timeoutMs: 15_000,
            deadlineMs: 30_000,
            ca: settings.caCertificate,
            debug: (line) => debug(masks.scrub(line)),
        });
        return [providers, settings, { http, mask: masks.mask, ...log }];
    });
    return wing;
}
async function handlerFor(kind) {
    if (kind === DELETE_FILE_CLEANUP)
        return (data) => deleteExportFile(data, log);
    if (kind === CLEAN_ENV_CLEANUP)
        return async (data) => cleanEnv(data, exportVariable, log.info);
    const [{ loadCleanupHandler }, settings, ctx] = await wingContext();
    return loadCleanupHandler(kind, settings, ctx);
}
runCleanups(getState(CLEANUP_STATE_KEY), handlerFor, log)
    .catch((err) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => process.stdout.write('', () => process.exit(0)));
