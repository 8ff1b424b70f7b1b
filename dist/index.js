import { n as maskCommands, k as run, t as preparePublish, u as runnerInputs, v as publish, w as debug, x as warning, y as info, z as usesVaultActionUrl, B as setOutput, D as setFailed, F as createCleanupRecorder, h as createMasks, G as setSecret, H as saveState } from './chunks/startup-DxsymEWL.js';





const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)';
const maskLines = maskCommands((form) => setSecret(form));
const masks = createMasks(maskLines.add);
const record = createCleanupRecorder((key, value) => saveState(key, value));
run({
    inputs: runnerInputs,
    userAgent: USER_AGENT,
    masks,
    log: { info: (m) => info(m), warning: (m) => warning(m), debug: (m) => debug(m) },
    recordCleanups: record,
    preparePublish,
    publish: (secrets, info) => {
        maskLines.flush();
        return publish(secrets, info, { record, warning: (m) => warning(masks.scrub(m)), scrub: masks.scrub });
    },
})
    .catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    const failure = masks.scrub(`inject-secrets: ${message}`);
    maskLines.flush();
    if (usesVaultActionUrl())
        setOutput('errorMessage', failure);
    setFailed(failure);
})
    .finally(() => process.stdout.write('', () => process.exit()));
