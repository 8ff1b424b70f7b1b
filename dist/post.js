import { H as runCleanups, J as getState, x as info, w as warning, h as createMasks, F as setSecret, K as CLEANUP_STATE_KEY, L as CLEAN_ENV_CLEANUP, M as cleanEnv, v as debug, N as exportVariable } from './chunks/startup-BC6kiPgg.js';
import { DELETE_FILE_CLEANUP, deleteExportFile } from './chunks/runner-export-file-BEXY8YOt.js';






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
    wing ??= Promise.all([import('./chunks/startup-BC6kiPgg.js').then(function (n) { return n.ae; }), import('./chunks/startup-BC6kiPgg.js').then(function (n) { return n.ad; }), import('./chunks/startup-BC6kiPgg.js').then(function (n) { return n.ac; })]).then(([providers, { readSettings }, { createHttpClient }]) => {
        const settings = readSettings();
        masks.mask(settings.accessToken);
        // The post step runs at the end of every job, failed or cancelled ones too, and a revocation
        // is a courtesy (the token's TTL ends it anyway): a silent server or proxy must not hold the
        // job. 10 s in all, through proxies too, leaves room for a slow round trip and the one retry
        // after a reset (providers/vault/revoke.ts); each attempt at most 5 s.
        const http = createHttpClient({
            timeoutMs: 5_000,
            deadlineMs: 10_000,
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
