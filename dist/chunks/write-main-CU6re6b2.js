import { t as runnerInputs, P as hasIdentityLogin, Q as assertClientPair, R as readVaultLogin, T as readVaultTls, I as InputError, U as readBaseUrl, V as readVaultServer, W as readInfisicalLogin, X as readBitwarden, Y as readCaCertificate, Z as readTimeout, _ as PROVIDER_CHOICES, $ as createInputReader, m as meaningfulLines, E as ENV_NAME, l as lineError, q as quote, a0 as scrubbedLog, a1 as providerContext, a2 as createWriter, a3 as ignoredInputs, a4 as givenInputs, s as secretsLine, A as ActionError, a5 as WRITE_INPUTS } from './startup-B0l7F2rJ.js';





function readWriteSettings(source = runnerInputs, env = process.env) {
    const read = createInputReader(source);
    const accessToken = read.either(['access_token', 'token']);
    const infisicalIdentity = hasIdentityLogin(read) || assertClientPair(read, " (or give 'access_token' instead)") === 'both';
    const vaultLogin = readVaultLogin(read, env);
    const tls = readVaultTls(read);
    if (vaultLogin.method === 'cert' && tls?.cert === undefined) {
        throw new InputError("Input 'clientCertificate' is empty: 'method: cert' needs it (the TLS client certificate Vault's cert auth method checks, with 'clientKey').");
    }
    if (accessToken === '' && !infisicalIdentity && vaultLogin.method === 'token') {
        throw new InputError("Input 'access_token' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it. A login stands in for it: an Infisical machine identity ('client_id' + 'client_secret', or 'method' with 'identity-id'), or a Vault 'method'.");
    }
    const baseUrl = readBaseUrl(read);
    const common = { accessToken, baseUrl, env };
    return Object.freeze({
        provider: read.choice('provider', PROVIDER_CHOICES),
        accessToken,
        secrets: read.required('secrets'),
        create: read.boolean('create', true),
        dryRun: read.boolean('dry_run', false),
        allowEmpty: read.boolean('allow_empty', false),
        timeoutSeconds: readTimeout(read),
        caCertificate: readCaCertificate(read),
        summary: read.boolean('summary', true),
        bitwarden: readBitwarden(read, common),
        infisical: Object.freeze({
            ...readInfisicalLogin(read, common),
            secretPath: read.either(['secret_path', 'secret-path']) || undefined,
        }),
        infisicalIdentity,
        vault: Object.freeze({ ...readVaultServer(read, { baseUrl, env }), login: vaultLogin, tls }),
        vaultNamed: read.text('url') !== '' || read.text('token') !== '' || vaultLogin.method !== 'token',
    });
}

const FORM = "expected 'SOURCE_ENV_NAME > TARGET'";
function parseLine({ line, text }) {
    const at = text.indexOf('>');
    if (at < 0)
        throw lineError(line, `${FORM} (no '>' found)`);
    const source = text.slice(0, at).trim();
    const target = text.slice(at + 1).trim();
    if (source === '')
        throw lineError(line, `the source environment variable before '>' is empty (${FORM})`);
    if (!ENV_NAME.test(source)) {
        throw lineError(line, `the source ${quote(source)} is not an environment variable name (letters, digits and '_', not starting with a digit); ` +
            "set the value in the step's 'env:' and name that variable here");
    }
    if (target === '')
        throw lineError(line, `the target after '>' is empty (${FORM})`);
    return { line, source, target };
}
function parseWriteMapping(input) {
    const lines = meaningfulLines(input).map(parseLine);
    if (lines.length === 0) {
        throw lineError(1, `there are no mappings (${FORM}, one per line)`);
    }
    const seen = new Map();
    for (const l of lines) {
        const first = seen.get(l.target);
        if (first !== undefined)
            throw lineError(l.line, `the target ${quote(l.target)} is already written on line ${first}`);
        seen.set(l.target, l.line);
    }
    return lines;
}
function sourceNames(input) {
    return meaningfulLines(input)
        .map(({ text }) => text.slice(0, Math.max(0, text.indexOf('>'))).trim())
        .filter((name) => ENV_NAME.test(name));
}

function readSources(settings, env) {
    return parseWriteMapping(settings.secrets).map(({ line, source, target }) => {
        const value = env[source];
        if (value === undefined) {
            throw new InputError(`${secretsLine(line)}: the source environment variable ${source} is not set; set it in the step's 'env:' (e.g. from an earlier step's output).`);
        }
        if (value === '' && !settings.allowEmpty) {
            throw new InputError(`${secretsLine(line)}: the source environment variable ${source} is empty; an empty value is written only with 'allow_empty: true' (did the step that sets it run?).`);
        }
        return { line, source, target, value };
    });
}
const VERB = {
    created: ['created', 'would be created'],
    updated: ['updated', 'would be updated'],
    unchanged: ['unchanged', 'unchanged'],
};
function resultLine(r, dryRun) {
    return `line ${r.line}: ${r.source} > ${r.target}: ${VERB[r.outcome][dryRun ? 1 : 0]}`;
}
async function apply(plan, log) {
    const done = [];
    for (const [i, p] of plan.entries()) {
        let target = p.target;
        try {
            if (p.apply)
                target = await p.apply();
        }
        catch (err) {
            const written = done.filter((d) => d.outcome !== 'unchanged');
            const rest = plan.slice(i + 1).filter((q) => q.apply);
            const list = (items) => items.length === 0 ? 'none' : items.map((x) => `line ${x.line} (${x.target})`).join(', ');
            throw new ActionError(`Writing stopped at line ${p.line} (${p.target}): ${err instanceof Error ? err.message : String(err)} ` +
                `Written before it: ${list(written)}. Not written: line ${p.line}${rest.length > 0 ? `, ${list(rest)}` : ''}. ` +
                'Writes are not transactional: what was written stays written.', { cause: err });
        }
        const result = { line: p.line, source: p.source, target, outcome: p.outcome };
        log.info(`inject-secrets: ${resultLine(result, false)}`);
        done.push(result);
    }
    return done;
}
async function runWrite(rt) {
    const { masks } = rt;
    const log = scrubbedLog(rt.log, masks);
    const env = rt.env ?? process.env;
    const settings = readWriteSettings(rt.inputs, env);
    masks.mask(settings.accessToken);
    for (const name of sourceNames(settings.secrets))
        masks.mask(env[name] ?? '');
    const requests = readSources(settings, env);
    const ctx = providerContext({ ...settings, userAgent: rt.userAgent, env }, masks, log);
    const writer = await (rt.createWriter ?? createWriter)(settings, ctx);
    ignoredInputs(givenInputs(rt.inputs, WRITE_INPUTS), writer.kind, 'write').forEach((w) => log.warning(w));
    const targets = writer.parse(requests);
    let results;
    try {
        const plan = await writer.plan(targets, { create: settings.create });
        if (settings.dryRun) {
            results = plan.map(({ line, source, target, outcome }) => ({ line, source, target, outcome }));
            for (const r of results)
                log.info(`inject-secrets (dry run): ${resultLine(r, true)}`);
        }
        else {
            results = await apply(plan, log);
        }
    }
    finally {
        await writer.finish?.();
    }
    const report = { provider: writer.kind, dryRun: settings.dryRun, results };
    log.info(doneLine(report));
    if (settings.summary && rt.summary) {
        try {
            rt.summary(report);
        }
        catch (err) {
            log.warning(`inject-secrets: the job summary could not be written (the writes are done): ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    return report;
}
function doneLine(report) {
    const count = (o) => report.results.filter((r) => r.outcome === o).length;
    const n = report.results.length;
    const what = ['created', 'updated', 'unchanged'].map((o) => `${count(o)} ${VERB[o][report.dryRun ? 1 : 0]}`);
    return `inject-secrets${report.dryRun ? ' (dry run, nothing written)' : ''}: ${n} target${n === 1 ? '' : 's'} in ${report.provider}: ${what.join(', ')}`;
}

export { doneLine, resultLine, runWrite };
