import { b as setOutput, e as exportVariable, a as debug, w as warning, i as info, f as setFailed, h as createCleanupRecorder, c as createMasks, s as setSecret, j as saveState } from './chunks/login-jwt-NBUzg5Ff.js';
import { o as outputNameOf, r as run, a as runnerInputs } from './chunks/crypto-uq6ib0fU.js';
import 'os';
import 'crypto';
import 'fs';
import 'node:path';
import 'node:crypto';
import 'node:fs';

// The runner side of exporting, once the pipeline has checked every name (export-names.ts) and
// masked every value: export_file first, then env and outputs.
/** Exports each value, checked and masked already, to env (when set_env) and to the step outputs. */
function writeExports(secrets, setEnv) {
    for (const s of secrets) {
        if (s.only === 'env' || (setEnv && s.only !== 'output'))
            exportVariable(s.name, s.value);
        if (s.only !== 'env')
            setOutput(outputNameOf(s), s.value);
    }
}
/**
 * Everything a run exports, its names checked and values masked already. export_file first, so a
 * failed write exports nothing; then env and outputs, and a failure there removes the file again.
 */
async function exportAll(secrets, opts) {
    let removeFile;
    if (opts.exportFile) {
        const { exportToFile } = await import('./chunks/login-jwt-NBUzg5Ff.js').then(function (n) { return n.U; });
        removeFile = exportToFile(secrets, opts.exportFile, opts.record);
    }
    try {
        writeExports(secrets, opts.setEnv);
        if (opts.exportFile)
            setOutput('export_file', opts.exportFile.path);
    }
    catch (err) {
        removeFile?.();
        throw err;
    }
}

async function publish(secrets, run, ctx) {
    const { settings } = run;
    await exportAll(secrets, { setEnv: settings.setEnv, exportFile: settings.exportFile, record: ctx.record });
    if (!settings.summary || !process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        const { writeSummary } = await import('./chunks/summary-giyQzxIT.js');
        const file = settings.exportFile && {
            path: settings.exportFile.path,
            format: settings.exportFile.format,
            kept: settings.exportFile.keep,
        };
        writeSummary(secrets, { provider: run.provider, setEnv: settings.setEnv, file, scrub: ctx.scrub });
    }
    catch (err) {
        ctx.warning(`inject-secrets: the job summary could not be written (the secrets were exported): ${err instanceof Error ? err.message : String(err)}`);
    }
}

// The action's entry: runs the pipeline against the runner (inputs, masks, env and outputs, state
// for the post step) and turns anything thrown into one failed-step message.
const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)';
const masks = createMasks((form) => setSecret(form));
const record = createCleanupRecorder((key, value) => saveState(key, value));
run({
    inputs: runnerInputs,
    userAgent: USER_AGENT,
    masks,
    log: { info: (m) => info(m), warning: (m) => warning(m), debug: (m) => debug(m) },
    recordCleanups: record,
    publish: (secrets, info) => publish(secrets, info, { record, warning: (m) => warning(masks.scrub(m)), scrub: masks.scrub }),
})
    .catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    setFailed(masks.scrub(`inject-secrets: ${message}`));
})
    // Everything is written; idle keep-alive connections would hold the process open ~100 ms more.
    // Exit once stdout has drained (setFailed has set process.exitCode).
    .finally(() => process.stdout.write('', () => process.exit()));
