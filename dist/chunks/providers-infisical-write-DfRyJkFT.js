import { p as parseJson, i as isObject, b as shapeError, S as ServerError, l as lineError, q as quote, I as InputError } from './startup-B0l7F2rJ.js';
import { i as isBotNotFound, o as ok, s as serverMessage, n as normalizeSecretPath, r as readCredentials, a as secretPathOf, w as withExtraHeaders, l as login, b as statusError, c as inScope, d as describeScopes, e as revokeIssuedToken } from './providers-infisical-DHf9U16D.js';





const READ_RETRY = new Set([429, 500, 502, 503, 504]);
function headers(bearer, json) {
    return {
        authorization: `Bearer ${bearer}`,
        accept: 'application/json',
        ...(json ? { 'content-type': 'application/json' } : {}),
    };
}
async function readFolder(http, baseUrl, bearer, at) {
    const where = 'GET /api/v3/secrets/raw';
    const params = new URLSearchParams();
    if (at.projectId !== undefined)
        params.set('workspaceId', at.projectId);
    else if (at.projectSlug !== undefined)
        params.set('workspaceSlug', at.projectSlug);
    params.set('environment', at.environment);
    params.set('secretPath', at.secretPath);
    params.set('include_imports', 'false');
    params.set('recursive', 'false');
    params.set('expandSecretReferences', 'false');
    const res = await http.send({
        method: 'GET',
        url: `${baseUrl}/api/v3/secrets/raw?${params.toString()}`,
        headers: headers(bearer, false),
        retryStatuses: READ_RETRY,
    });
    if (isBotNotFound(res))
        return { kind: 'e2ee' };
    if (!ok(res))
        return { kind: 'refused', res };
    const body = parseJson(res, where);
    if (!isObject(body) || !Array.isArray(body.secrets))
        throw shapeError(where, "field 'secrets' is missing or not a list");
    const secrets = new Map();
    for (const s of body.secrets) {
        if (!isObject(s) || typeof s.secretKey !== 'string' || typeof s.secretValue !== 'string')
            throw shapeError(where, 'a secret has no string secretKey and secretValue');
        if (s.type !== undefined && s.type !== 'shared')
            continue;
        secrets.set(s.secretKey, { value: s.secretValue, hidden: s.secretValueHidden === true });
    }
    return { kind: 'ok', secrets };
}
class WriteError extends ServerError {
    refusal;
    constructor(message, refusal, status) {
        super(message, status);
        this.refusal = refusal;
    }
}
async function writeSecret(http, baseUrl, bearer, at, key, value, create) {
    const method = create ? 'POST' : 'PATCH';
    const where = `${method} /api/v3/secrets/raw/${key}`;
    const project = at.projectId !== undefined ? { workspaceId: at.projectId } : { projectSlug: at.projectSlug };
    const res = await http.send({
        method,
        url: `${baseUrl}/api/v3/secrets/raw/${encodeURIComponent(key)}`,
        headers: headers(bearer, true),
        body: JSON.stringify({
            ...project,
            environment: at.environment,
            secretPath: at.secretPath,
            secretValue: value,
            type: 'shared',
        }),
        maxAttempts: 1,
        retryNetworkErrors: false,
    });
    if (!ok(res)) {
        const said = serverMessage(res);
        const refusal = res.status === 403
            ? 'forbidden'
            : res.status === 404
                ? 'missing'
                : res.status === 400 && /already exist/i.test(said)
                    ? 'exists'
                    : 'other';
        throw new WriteError(`${where} failed with HTTP ${res.status}${said ? `: ${said}` : ''}`, refusal, res.status);
    }
    const body = parseJson(res, where);
    if (isObject(body) && isObject(body.approval)) {
        const slug = typeof body.approval.slug === 'string' && /^[\w.-]{1,80}$/.test(body.approval.slug)
            ? ` ${body.approval.slug}`
            : '';
        throw new ServerError(`Infisical did not write ${key}: a change-approval policy protects environment '${at.environment}' at '${at.secretPath}', and it opened approval request${slug}; the value is stored once the request is approved in Infisical.`);
    }
    const version = isObject(body) && isObject(body.secret) ? body.secret.version : undefined;
    if (typeof version !== 'number')
        throw shapeError(where, "no 'secret' with a version number");
    return version;
}

const KEY = /^[^\s/\u0000-\u001f\u007f]+$/;
function parseOne(r) {
    const text = r.target;
    const slash = text.lastIndexOf('/');
    const key = text.slice(slash + 1);
    if (key === '')
        throw lineError(r.line, `the Infisical target ${quote(text)} names no key: write 'KEY' or '/folder/KEY'`);
    if (!KEY.test(key))
        throw lineError(r.line, `${quote(key)} is not an Infisical secret key (no spaces, '/' or control characters)`);
    if (slash < 0)
        return { ...r, key };
    if (slash > 0 && !text.startsWith('/'))
        throw lineError(r.line, `the Infisical target ${quote(text)} must start with '/' when it names a folder ('/folder/KEY')`);
    const folder = text.slice(0, slash);
    const path = folder.endsWith('/') ? undefined : normalizeSecretPath(folder || '/');
    if (path === undefined)
        throw lineError(r.line, `${quote(text.slice(0, slash))} is not a folder path (use '/folder/sub', no empty, '.' or '..' parts)`);
    return { ...r, key, path };
}
function parseWriteTargets(requests, folder = '/') {
    const targets = requests.map(parseOne);
    const seen = new Map();
    for (const t of targets) {
        const id = `${t.path ?? folder}\0${t.key}`;
        const first = seen.get(id);
        if (first !== undefined)
            throw lineError(t.line, `it writes the same key as line ${first}`);
        seen.set(id, t.line);
    }
    return targets;
}
function storedForm(value) {
    return value.endsWith('\n') ? `${value.trim()}\n` : value.trim();
}

const describe = (at, key) => `${at.environment}:${at.secretPath === '/' ? '' : at.secretPath}/${key}`;
function forbidden(at, action) {
    return (`Infisical refused to ${action} in environment '${at.environment}' at '${at.secretPath}' (403): ` +
        "the machine identity's project role needs permission to read, create and edit secrets there " +
        "(a service token needs 'write' permission and a scope covering the folder)");
}
function checkServiceToken(session, folders) {
    if (session.scopes === undefined)
        return;
    if (!(session.permissions ?? []).includes('write')) {
        throw new InputError(`The service token has no 'write' permission (it has: ${(session.permissions ?? []).join(', ') || 'none'}); create one with read and write access, or use a machine identity.`);
    }
    for (const [path, targets] of folders) {
        if (!inScope(session.scopes, session.environment, path))
            throw lineError(targets[0].line, `the service token may not write to '${path}' in '${session.environment}' (its scopes: ${describeScopes(session.scopes)})`);
    }
}
function planOne(t, at, stored, create, write, warning) {
    const target = describe(at, t.key);
    if (stored === undefined && !create)
        throw lineError(t.line, `${target} does not exist in Infisical, and 'create' is false`);
    const value = storedForm(t.value);
    if (value !== t.value)
        warning(`Input 'secrets', line ${t.line}: ${t.source} has leading or trailing whitespace, which Infisical trims (keeping one final newline): what is stored is the value without it.`);
    if (/\$\{[A-Za-z0-9_.-]+\}/.test(value))
        warning(`Input 'secrets', line ${t.line}: ${t.source} contains '\${\u2026}', which Infisical takes as a reference to another secret: the write fails if that secret does not exist, and readers that expand references (the read action, Infisical's own clients) get its value in place of the text.`);
    if (stored !== undefined && !stored.hidden && stored.value === value)
        return { line: t.line, source: t.source, target, outcome: 'unchanged' };
    const creating = stored === undefined;
    return {
        line: t.line,
        source: t.source,
        target,
        outcome: creating ? 'created' : 'updated',
        apply: async () => `${target} (version ${await write(t.key, t.value, creating)})`,
    };
}
function createWriter(settings, given) {
    const credentials = readCredentials(settings, given);
    const folder = secretPathOf(settings);
    for (const value of Object.values(settings.extraHeaders ?? {}))
        given.mask(value);
    const ctx = { ...given, http: withExtraHeaders(given.http, settings.extraHeaders) };
    let session;
    return {
        kind: 'infisical',
        parse: (requests) => parseWriteTargets(requests, folder),
        async plan(targets, { create }) {
            session = await login(settings, credentials, ctx);
            const s = session;
            const byFolder = new Map();
            for (const t of targets) {
                const path = t.path ?? s.path;
                const same = byFolder.get(path)?.find((o) => o.key === t.key);
                if (same)
                    throw lineError(t.line, `it writes the same key as line ${same.line}`);
                byFolder.set(path, [...(byFolder.get(path) ?? []), t]);
            }
            checkServiceToken(s, byFolder);
            const place = (secretPath) => ({
                ...(s.project.id !== undefined ? { projectId: s.project.id } : { projectSlug: s.project.slug }),
                environment: s.environment,
                secretPath,
            });
            const plans = [];
            for (const [path, ts] of byFolder) {
                const at = place(path);
                const read = await readFolder(ctx.http, s.baseUrl, s.bearer, at);
                if (read.kind === 'e2ee')
                    throw new InputError('The Infisical project is a legacy end-to-end-encrypted one, which the write action cannot write to (it reads it); upgrade the project in Infisical (Project settings) to write to it.');
                if (read.kind === 'refused') {
                    const first = ts[0].line;
                    if (read.res.status === 403)
                        throw lineError(first, forbidden(at, 'read secrets'));
                    if (read.res.status === 404)
                        throw lineError(first, `${statusError(read.res, 'the folder').message}; the write action does not create folders or environments: create '${path}' in '${s.environment}' first`);
                    throw statusError(read.res, 'GET /api/v3/secrets/raw');
                }
                for (const t of ts) {
                    const stored = read.secrets.get(t.key);
                    if (stored && !stored.hidden)
                        ctx.mask(stored.value);
                }
                const write = async (key, value, creating) => {
                    try {
                        return await writeSecret(ctx.http, s.baseUrl, s.bearer, at, key, value, creating);
                    }
                    catch (err) {
                        if (!(err instanceof WriteError))
                            throw err;
                        const why = {
                            forbidden: forbidden(at, creating ? 'create a secret' : 'edit a secret'),
                            exists: `${err.message}: ${describe(at, key)} was created by someone else since it was read; nothing was overwritten. Run again to update it.`,
                            missing: `${err.message}: ${describe(at, key)} was deleted since it was read (or its folder); nothing was written.`,
                            other: err.message,
                        };
                        throw new ServerError(why[err.refusal], err.status, { cause: err });
                    }
                };
                for (const t of ts)
                    plans.push(planOne(t, at, read.secrets.get(t.key), create, write, ctx.warning));
            }
            return plans.sort((a, b) => a.line - b.line);
        },
        async finish() {
            if (session?.issued)
                await revokeIssuedToken(session.baseUrl, session.bearer, ctx);
        },
    };
}

export { createWriter };
