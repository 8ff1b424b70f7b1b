import { r as runCleanups, g as getState, i as info, w as warning, c as createMasks, s as setSecret, C as CLEANUP_STATE_KEY, D as DELETE_FILE_CLEANUP, d as deleteExportFile, a as debug } from './chunks/login-jwt-NBUzg5Ff.js';
import 'os';
import 'crypto';
import 'fs';
import 'node:path';
import 'node:crypto';
import 'node:fs';

// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded
// (runner/cleanup.ts). export_file's deletion is the runner's own; any other kind belongs to a wing
// and is loaded, with the inputs and an HTTP client, only when a run recorded it. A failure is a
// warning; the post step never fails the job.
const masks = createMasks((form) => setSecret(form));
const log = {
    warning: (message) => warning(masks.scrub(message)),
    info: (message) => info(masks.scrub(message)),
};
async function handlerFor(kind) {
    if (kind === DELETE_FILE_CLEANUP)
        return (data) => deleteExportFile(data, log);
    const [{ loadCleanupHandler }, { readSettings }, { createHttpClient }] = await Promise.all([
        import('./chunks/login-jwt-NBUzg5Ff.js').then(function (n) { return n.T; }),
        import('./chunks/crypto-uq6ib0fU.js').then(function (n) { return n.j; }),
        import('./chunks/login-jwt-NBUzg5Ff.js').then(function (n) { return n.R; }),
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
