import { k as run, n as preparePublish, t as runnerInputs, u as publish, v as debug, w as warning, x as info, y as usesVaultActionUrl, z as setOutput, B as setFailed, D as createCleanupRecorder, h as createMasks, F as setSecret, G as saveState } from './chunks/startup-BC6kiPgg.js';





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
    preparePublish,
    publish: (secrets, info) => publish(secrets, info, { record, warning: (m) => warning(masks.scrub(m)), scrub: masks.scrub }),
})
    .catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    const failure = masks.scrub(`inject-secrets: ${message}`);
    // vault-action sets its `errorMessage` output on every failure (src/entry.js); a step migrated
    // from it (it has vault-action's `url`) gets it too. Other steps set no output when they fail.
    if (usesVaultActionUrl())
        setOutput('errorMessage', failure);
    setFailed(failure);
})
    // Everything is written; idle keep-alive connections would hold the process open ~100 ms more.
    // Exit once stdout has drained (setFailed has set process.exitCode).
    .finally(() => process.stdout.write('', () => process.exit()));
