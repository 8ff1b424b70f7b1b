import { g as runCleanups, h as getState, i as info, w as warning, c as createMasks, e as setSecret, C as CLEANUP_STATE_KEY, j as CLEAN_ENV_CLEANUP, k as cleanEnv, d as debug, l as exportVariable } from './chunks/startup-CpQicZ3-.js';
import { DELETE_FILE_CLEANUP, deleteExportFile } from './chunks/runner-export-file-B4CWOVPy.js';
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
        import('./chunks/startup-CpQicZ3-.js').then(function (n) { return n.J; }),
        import('./chunks/startup-CpQicZ3-.js').then(function (n) { return n.H; }),
        import('./chunks/startup-CpQicZ3-.js').then(function (n) { return n.G; }),
    ]);
    // The same inputs the main step had (inputs reach post steps too): the credential and the CA.
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
