import { k as run, n as preparePublish, t as runnerInputs, u as publish, v as debug, w as warning, x as info, y as usesVaultActionUrl, z as setOutput, B as setFailed, D as createCleanupRecorder, h as createMasks, F as saveState, G as maskCommands, H as setSecret } from './chunks/startup-B0l7F2rJ.js';





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
