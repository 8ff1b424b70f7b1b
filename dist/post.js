import { J as runCleanups, K as getState, x as info, w as warning, h as createMasks, H as setSecret, L as CLEANUP_STATE_KEY, M as CLEAN_ENV_CLEANUP, N as cleanEnv, v as debug, O as exportVariable } from './chunks/startup-B0l7F2rJ.js';
import { DELETE_FILE_CLEANUP, deleteExportFile } from './chunks/runner-export-file-BkFNhv9A.js';






const masks = createMasks((form) => setSecret(form));
const log = {
    warning: (message) => warning(masks.scrub(message)),
    info: (message) => info(masks.scrub(message)),
};
let wing;
function wingContext() {
    wing ??= Promise.all([import('./chunks/startup-B0l7F2rJ.js').then(function (n) { return n.af; }), import('./chunks/startup-B0l7F2rJ.js').then(function (n) { return n.ae; }), import('./chunks/startup-B0l7F2rJ.js').then(function (n) { return n.ad; })]).then(([providers, { readSettings }, { createHttpClient }]) => {
        const settings = readSettings();
        masks.mask(settings.accessToken);
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
