import { S as ServerError, u as parseJson, v as isObject, z as jsonObjectOf, B as oneLine, l as lineError, q as quote, I as InputError, J as parseVaultToken } from './login-jwt-NBUzg5Ff.js';

// Vault's HTTP API (docs/protocols/vault.md#requests, #token-lifetime, #reading-secrets, #errors,
// #retries-and-timeouts): reads, lookup-self, child-token create and revoke-accessor, with
// response shapes checked and errors that carry the status, the path and Vault's own `errors`
// strings (bounded), never a token or a body.
// VLT-RETRY-1/2: reads retry 408, 412 (performance standbys), 429 and 5xx gateways, at most 2
// retries; POSTs are never retried.
const READ_RETRY$1 = new Set([408, 412, 429, 500, 502, 503, 504]);
const NO_RETRY = new Set();
const MAX_ERROR_TEXT = 300;
/** VLT-URL-1: url + /v1/ + path (leading slashes removed), the query kept as a query. */
function apiUrl(base, path) {
    return `${base}/v1/${path.replace(/^\/+/, '').replaceAll('#', '%23')}`;
}
function headers(ep) {
    return {
        ...ep.headers,
        ...(ep.token !== undefined ? { 'x-vault-token': ep.token } : {}),
        'x-vault-request': 'true',
        ...(ep.namespace ? { 'x-vault-namespace': ep.namespace } : {}),
    };
}
/** Vault's `{"errors":[…]}` strings, whitespace folded and bounded; '' when there are none. */
function vaultErrors(res) {
    const body = jsonObjectOf(res.text);
    if (!body || !Array.isArray(body.errors))
        return '';
    const text = body.errors
        .filter((e) => typeof e === 'string')
        .map((e) => oneLine(e.replace(/^\d+ errors? occurred:\s*\*\s*/, ''), MAX_ERROR_TEXT))
        .filter((e) => e !== '')
        .join('; ');
    return oneLine(text, MAX_ERROR_TEXT);
}
/** Vault's `warnings`, bounded (they hold hints such as the versioned K/V one). */
function vaultWarnings(body) {
    if (!isObject(body) || !Array.isArray(body.warnings))
        return [];
    return body.warnings.filter((w) => typeof w === 'string').map((w) => oneLine(w, MAX_ERROR_TEXT));
}
function statusError(res, what) {
    const errs = vaultErrors(res);
    return new ServerError(`Vault returned ${res.status}${errs ? ` (${errs})` : ''} for ${what}`, res.status);
}
/** GET {url}/v1/{path}: one read (retries aside), with the vendor's per-response KV v2 detection. */
async function readPath(ep, path) {
    const req = {
        method: 'GET',
        url: apiUrl(ep.url, path),
        headers: headers(ep),
        retryStatuses: READ_RETRY$1,
        maxAttempts: 3,
        maxRedirects: 10,
    };
    const res = await ep.http.send(req);
    const where = `"${path}"`;
    if (res.status === 403)
        return { kind: 'forbidden', response: res };
    if (res.status === 404) {
        let body;
        try {
            body = JSON.parse(res.text);
        }
        catch {
            body = undefined;
        }
        const versioned = vaultWarnings(body).some((w) => /versioned K\/V/i.test(w));
        const deleted = isObject(body) && isObject(body.data) && body.data.data === null && isObject(body.data.metadata);
        const list = isObject(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string') : [];
        const errors = JSON.stringify({ errors: list });
        // The '…' also lets the scrubber catch a secret the bound cuts in two.
        return {
            kind: 'not-found',
            errors: errors.length > MAX_ERROR_TEXT ? `${errors.slice(0, MAX_ERROR_TEXT)}…` : errors,
            versioned,
            deleted,
        };
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    if (res.text.trim() === '')
        throw new ServerError(`Vault answered ${res.status} with an empty body for ${where}: there is no secret data to read.`, res.status);
    const body = parseJson(res, `GET ${where}`);
    if (!isObject(body))
        throw new ServerError(`Vault's answer for ${where} is not a JSON object.`, res.status);
    if (body.data === null && isObject(body.wrap_info)) {
        throw new ServerError(`Vault's answer for ${where} is response-wrapped (wrap_info): the token or a policy asks for wrapping; unwrap it in a step of its own or read the path without wrapping.`, res.status);
    }
    if (!isObject(body.data))
        throw new ServerError(`Vault's answer for ${where} has no data object (data is ${body.data === null ? 'null' : typeof body.data}).`, res.status);
    const inner = body.data.data;
    // VLT-READ-1: KV v2 when data.data is neither undefined nor null, exactly as the vendor decides.
    if (inner !== undefined && inner !== null) {
        if (!isObject(inner))
            throw new ServerError(`Vault's answer for ${where}: data.data is not an object.`, res.status);
        return { kind: 'ok', data: inner, v2: true };
    }
    return { kind: 'ok', data: body.data, v2: false };
}
/** GET auth/token/lookup-self (spends a use). undefined when Vault refuses it (403). */
async function lookupSelf(ep, mask) {
    const res = await ep.http.send({
        method: 'GET',
        url: apiUrl(ep.url, 'auth/token/lookup-self'),
        headers: headers(ep),
        retryStatuses: READ_RETRY$1,
        maxAttempts: 3,
    });
    if (res.status === 403)
        return undefined;
    if (res.status !== 200)
        throw statusError(res, 'auth/token/lookup-self');
    const body = parseJson(res, 'GET auth/token/lookup-self');
    const data = isObject(body) ? body.data : undefined;
    if (!isObject(data))
        throw new ServerError('Vault answered auth/token/lookup-self without a data object.', res.status);
    // data.id is the token itself (VLT-LIFE-1).
    if (typeof data.id === 'string')
        mask(data.id);
    const policies = [
        ...(Array.isArray(data.policies) ? data.policies : []),
        ...(Array.isArray(data.identity_policies) ? data.identity_policies : []),
    ];
    return {
        policies: policies.filter((p) => typeof p === 'string'),
        ttl: typeof data.ttl === 'number' ? data.ttl : 0,
        expires: typeof data.expire_time === 'string' && data.expire_time !== '',
        numUses: typeof data.num_uses === 'number' ? data.num_uses : 0,
        namespacePath: typeof data.namespace_path === 'string' ? data.namespace_path.replace(/^\/+|\/+$/g, '') : '',
        type: typeof data.type === 'string' ? data.type : 'service',
    };
}
/** POST auth/token/create: a child (never orphan) of the given token. Not retried. */
async function createChildToken(ep, opts, mask) {
    const body = JSON.stringify({
        ttl: `${opts.ttlSeconds}s`,
        no_parent: false,
        renewable: false,
        display_name: 'inject-secrets',
        ...(opts.numUses !== undefined ? { num_uses: opts.numUses } : {}),
        ...(opts.policies !== undefined ? { policies: opts.policies } : {}),
    });
    const res = await ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/create'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body,
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
    if (res.status !== 200) {
        const hint = res.status === 403
            ? ": the token's policies must allow 'update' on auth/token/create"
            : res.status === 400
                ? ' (batch tokens and limited-use tokens cannot create child tokens; policies must be a subset of the parent’s)'
                : '';
        throw new ServerError(`${statusError(res, 'auth/token/create (export_token: child)').message}${hint}.`, res.status);
    }
    const parsed = parseJson(res, 'POST auth/token/create');
    const auth = isObject(parsed) ? parsed.auth : undefined;
    if (!isObject(auth) ||
        typeof auth.client_token !== 'string' ||
        auth.client_token === '' ||
        typeof auth.accessor !== 'string') {
        throw new ServerError('Vault answered auth/token/create without auth.client_token and auth.accessor.', res.status);
    }
    mask(auth.client_token);
    return { token: auth.client_token, accessor: auth.accessor };
}
/** POST auth/token/revoke-accessor with the parent's token: revokes the child and its children. */
async function revokeAccessor(ep, accessor) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-accessor'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify({ accessor }),
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
}
/**
 * POST auth/{mount}/login[/{user}] (docs/protocols/vault.md#logging-in): no token; never retried,
 * since a login may spend a one-time credential (a secret_id with secret_id_num_uses).
 */
async function loginRequest(ep, path, payload) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, path),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
}
/** POST auth/token/revoke-self: the token revokes itself (Vault's default policy allows it). */
async function revokeSelf(ep) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-self'),
        headers: headers(ep),
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
}

/** The cleanup kind export_token: child records (providers/index.ts routes 'vault-…' kinds here). */
const CHILD_TOKEN_CLEANUP = 'vault-revoke-child';
/** The cleanup kind a login records for its token (not kept by exportToken/outputToken). */
const LOGIN_TOKEN_CLEANUP = 'vault-revoke-login';
/** Revokes a login's token with itself (docs/protocols/vault.md#logging-in). */
async function revokeLogin(data, vault, ctx) {
    const { url, namespace, token } = data;
    if (!url || !token) {
        ctx.warning('Vault login token: the recorded cleanup lacks the address or token; the token lives until its TTL ends.');
        return;
    }
    ctx.mask?.(token);
    const res = await revokeSelf({
        http: ctx.http,
        url,
        token,
        namespace: namespace || undefined,
        headers: vault.extraHeaders,
    });
    if (res.status >= 200 && res.status < 300) {
        ctx.info('Vault login token revoked (it was created by this step and not kept by exportToken/outputToken).');
        return;
    }
    const errs = vaultErrors(res);
    // Expired, used up or revoked already: Vault refuses an unknown token with 403.
    if (res.status === 403) {
        ctx.info('Vault login token already gone (expired, used up or revoked).');
        return;
    }
    ctx.warning(`Vault login token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-self; it lives until its TTL ends.`);
}
/** `vault` is the post step's own reading of the inputs: the parent token, masked by the caller. */
async function revokeChild(data, vault, ctx) {
    const { url, namespace, accessor, token } = data;
    if (token)
        ctx.mask?.(token);
    if (!url || !accessor) {
        ctx.warning('Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.');
        return;
    }
    const res = await revokeAccessor(
    // The parent: a login's token recorded with the child, else the token given.
    {
        http: ctx.http,
        url,
        token: token || vault.accessToken,
        namespace: namespace || undefined,
        headers: vault.extraHeaders,
    }, accessor);
    if (res.status >= 200 && res.status < 300) {
        ctx.info('Vault child token revoked (export_token: child).');
        return;
    }
    const errs = vaultErrors(res);
    // An expired child, or one that spent its last use, is already gone.
    if (res.status === 400 && /invalid accessor/i.test(errs)) {
        ctx.info('Vault child token already gone (expired, used up or revoked).');
        return;
    }
    const hint = res.status === 403 ? " The parent token's policies must allow 'update' on auth/token/revoke-accessor." : '';
    ctx.warning(`Vault child token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-accessor; it lives until its TTL ends.${hint}`);
}
/** Every cleanup kind this wing records, with its handler. */
const CLEANUP_HANDLERS = { [CHILD_TOKEN_CLEANUP]: revokeChild, [LOGIN_TOKEN_CLEANUP]: revokeLogin };

var revoke = /*#__PURE__*/Object.freeze({
    __proto__: null,
    CHILD_TOKEN_CLEANUP: CHILD_TOKEN_CLEANUP,
    CLEANUP_HANDLERS: CLEANUP_HANDLERS,
    LOGIN_TOKEN_CLEANUP: LOGIN_TOKEN_CLEANUP,
    revokeChild: revokeChild,
    revokeLogin: revokeLogin
});

// Vault's write side (docs/protocols/vault.md#writing): the read that gives the current data and
// KV v2 version, the mount's KV version for a path that does not exist yet, the token's
// capabilities, and the writes. Errors carry the status, the path and Vault's own `errors`.
const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);
async function send(ep, method, path, body) {
    return ep.http.send({
        method,
        url: apiUrl(ep.url, path),
        headers: { ...headers(ep), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Reads retry as the read action's do; a write never: a lost answer may hide a write made.
        ...(method === 'GET' ? { retryStatuses: READ_RETRY, maxAttempts: 3 } : { maxAttempts: 1 }),
    });
}
/** GET <path>, the read-before-write: the current keys and, for KV v2, the version to check-and-set on. */
async function readStored(ep, path) {
    const res = await send(ep, 'GET', path);
    if (res.status === 403)
        return { kind: 'forbidden' };
    const body = jsonObjectOf(res.text);
    if (res.status === 404) {
        const warnings = isObject(body) && Array.isArray(body.warnings) ? body.warnings : [];
        if (warnings.some((w) => typeof w === 'string' && /versioned K\/V/i.test(w)))
            return { kind: 'unversioned-path' };
        // A deleted (not destroyed) KV v2 version: 404 with its metadata; the next write must name it.
        const meta = isObject(body) && isObject(body.data) ? body.data.metadata : undefined;
        if (isObject(meta) && typeof meta.version === 'number')
            return { kind: 'v2', version: meta.version, data: {} };
        return { kind: 'missing' };
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, `"${path}"`);
    const json = parseJson(res, `GET "${path}"`);
    if (!isObject(json) || !isObject(json.data))
        throw new ServerError(`Vault's answer for "${path}" has no data object.`);
    const inner = json.data.data;
    // The read action's KV v2 test (VLT-READ-1), plus the version its metadata carries.
    if (inner !== undefined && inner !== null) {
        const meta = json.data.metadata;
        if (!isObject(inner) || !isObject(meta) || typeof meta.version !== 'number') {
            throw new ServerError(`Vault's answer for "${path}" is KV v2 without data or a version number.`);
        }
        return { kind: 'v2', version: meta.version, data: inner };
    }
    return { kind: 'v1', data: json.data };
}
/**
 * The KV version of the mount a path lives on (GET sys/internal/ui/mounts/<path>, as the Vault CLI
 * asks before `kv put`): needed only for a path that does not exist yet.
 */
async function mountOf(ep, path) {
    const res = await send(ep, 'GET', `sys/internal/ui/mounts/${path}`);
    if (res.status < 200 || res.status >= 300)
        return undefined;
    const body = jsonObjectOf(res.text);
    const data = isObject(body) && isObject(body.data) ? body.data : undefined;
    if (!data || (data.type !== 'kv' && data.type !== 'generic') || typeof data.path !== 'string')
        return undefined;
    const version = isObject(data.options) && data.options.version === '2' ? 2 : 1;
    return { mount: data.path, version };
}
/** POST sys/capabilities-self: the token's capabilities on each path; undefined when Vault will not say. */
async function capabilities(ep, paths) {
    const res = await send(ep, 'POST', 'sys/capabilities-self', { paths });
    if (res.status < 200 || res.status >= 300)
        return undefined;
    const body = jsonObjectOf(res.text);
    const data = isObject(body) && isObject(body.data) ? body.data : body;
    if (!data)
        return undefined;
    const out = new Map();
    for (const p of paths) {
        const caps = data[p];
        if (!Array.isArray(caps))
            return undefined;
        out.set(p, caps.filter((c) => typeof c === 'string'));
    }
    return out;
}
const CAS_MISMATCH = /check-and-set parameter did not match/i;
/** POST <mount>/data/<path> with check-and-set on the version read; the new version. */
async function writeV2(ep, path, data, cas) {
    const res = await send(ep, 'POST', path, { data, options: { cas } });
    if (res.status === 400 && CAS_MISMATCH.test(vaultErrors(res))) {
        throw new ServerError(`Vault refused the write to "${path}": it changed since it was read (check-and-set on version ${cas} failed), so nothing was overwritten. Run again to write over the new version.`, 400);
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, `the write to "${path}"`);
    const body = jsonObjectOf(res.text);
    const version = isObject(body) && isObject(body.data) ? body.data.version : undefined;
    if (typeof version !== 'number')
        throw new ServerError(`Vault's answer to the write to "${path}" has no version.`);
    return version;
}
/** POST <path> on KV v1: the whole secret replaced (no check-and-set exists there). */
async function writeV1(ep, path, data) {
    const res = await send(ep, 'POST', path, data);
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, `the write to "${path}"`);
}

// The Vault targets of the write action (docs/protocols/vault.md#writing): '<path> <key>', as the
// read grammar names a value: a KV v2 path with its 'data/' (secret/data/ci), or a KV v1 path. The
// key is literal (no selector): the rest of the line. Pure.
function parseOne(r) {
    const m = /^(\S+)\s+(\S(?:.*\S)?)$/.exec(r.target);
    if (!m)
        throw lineError(r.line, `the Vault target ${quote(r.target)} is not '<path> <key>' (e.g. 'secret/data/ci npmToken')`);
    const path = m[1].replace(/^\/+/, '');
    if (path === '' || path.includes('?') || path.endsWith('/')) {
        throw lineError(r.line, `the Vault path ${quote(m[1])} cannot be written (no '?version=', no trailing '/')`);
    }
    return { ...r, path, key: m[2] };
}
/** Parses every target; the same key of the same path twice is an error (which value should win?). */
function parseWriteTargets(requests) {
    const targets = requests.map(parseOne);
    const seen = new Map();
    for (const t of targets) {
        const id = `${t.path}\0${t.key}`;
        const first = seen.get(id);
        if (first !== undefined)
            throw lineError(t.line, `it writes the same key as line ${first}`);
        seen.set(id, t.line);
    }
    return targets;
}

// The write action's Vault wing (docs/protocols/vault.md#writing): read every path first (its keys,
// and for KV v2 the version), learn a new path's KV version from its mount, ask the token's
// capabilities once, then plan one write per path: every key of the path merged into what is
// stored, KV v2 with check-and-set on the version read (a concurrent write fails the run, never
// lost), KV v1 replacing the whole secret (it has no check-and-set).
const describe = (t) => `"${t.path}" key ${quote(t.key)}`;
async function resolvePath(ep, path, targets, create) {
    const first = targets[0];
    const stored = await readStored(ep, path);
    if (stored.kind === 'forbidden') {
        throw lineError(first.line, `Vault refused to read "${path}" (403): writing needs 'read' on it too, to compare values and check-and-set on the version read` +
            (path.includes('/data/')
                ? ''
                : "; on a KV v2 mount the path also needs 'data/' after the mount ('<mount>/data/<path>')"));
    }
    if (stored.kind === 'unversioned-path') {
        throw lineError(first.line, `"${path}" is on a KV v2 mount: write to '<mount>/data/<path>', as reads name it`);
    }
    // KV v2's existence check looks at the key's metadata: a path whose versions are all deleted still exists.
    if (stored.kind === 'v2')
        return { path, kv: 2, cas: stored.version, exists: stored.version > 0, data: stored.data, targets };
    if (stored.kind === 'v1')
        return { path, kv: 1, cas: 0, exists: true, data: stored.data, targets };
    if (!create)
        throw lineError(first.line, `"${path}" does not exist in Vault, and 'create' is false`);
    const mount = await mountOf(ep, path);
    if (!mount) {
        throw lineError(first.line, `"${path}" does not exist, and Vault would not say which KV engine its mount is (sys/internal/ui/mounts); is the path right, and may the token use it?`);
    }
    if (mount.version === 2 && !path.startsWith(`${mount.mount}data/`)) {
        throw lineError(first.line, `"${path}" is on the KV v2 mount '${mount.mount}': write to '${mount.mount}data/…', as reads name it`);
    }
    return { path, kv: mount.version, cas: 0, exists: false, data: {}, targets };
}
/** Each path needs 'update' when it exists, else 'create' (Vault's existence check for KV). */
function checkCapabilities(plans, caps) {
    if (!caps)
        return; // Vault would not say: the write itself will be the judge.
    for (const p of plans) {
        const held = caps.get(p.path) ?? [];
        const needed = p.exists ? 'update' : 'create';
        if (held.includes('root') || held.includes(needed))
            continue;
        throw lineError(p.targets[0].line, `the token's policies do not allow '${needed}' on "${p.path}" (they allow: ${held.join(', ') || 'nothing'}); grant it to write there`);
    }
}
function planned(p, ep) {
    const merged = { ...p.data };
    const outcomes = p.targets.map((t) => {
        const before = p.data[t.key];
        merged[t.key] = t.value;
        if (before === t.value)
            return 'unchanged';
        return before === undefined ? 'created' : 'updated';
    });
    if (outcomes.every((o) => o === 'unchanged')) {
        return p.targets.map((t) => ({ line: t.line, source: t.source, target: describe(t), outcome: 'unchanged' }));
    }
    // One write per path carries every key of it: the first line makes it, the others share it.
    let write;
    const once = () => (write ??=
        p.kv === 2
            ? writeV2(ep, p.path, merged, p.cas).then((v) => `version ${v}`)
            : writeV1(ep, p.path, merged).then(() => 'KV v1'));
    return p.targets.map((t, i) => ({
        line: t.line,
        source: t.source,
        target: describe(t),
        outcome: outcomes[i],
        apply: async () => `${describe(t)} (${await once()})`,
    }));
}
function createWriter(settings, ctx) {
    const { vault } = settings;
    if (vault.url === undefined) {
        throw new InputError(vault.urlProblem ??
            "Input 'base_url' is empty: Vault needs its address, e.g. https://vault.example.com:8200 (or set the VAULT_ADDR environment variable).");
    }
    const token = parseVaultToken(settings.accessToken);
    ctx.mask(token.value);
    const ep = {
        http: ctx.http,
        url: vault.url,
        token: token.value,
        namespace: vault.namespace,
        headers: vault.extraHeaders,
    };
    return {
        kind: 'vault',
        parse: parseWriteTargets,
        async plan(targets, { create }) {
            const byPath = new Map();
            for (const t of targets)
                byPath.set(t.path, [...(byPath.get(t.path) ?? []), t]);
            const plans = [];
            for (const [path, ts] of byPath)
                plans.push(await resolvePath(ep, path, ts, create));
            // The stored values compared with the new ones are secrets read like any other: masked.
            for (const p of plans) {
                for (const t of p.targets) {
                    const before = p.data[t.key];
                    if (typeof before === 'string')
                        ctx.mask(before);
                }
            }
            checkCapabilities(plans, await capabilities(ep, [...byPath.keys()]));
            const all = plans.flatMap((p) => planned(p, ep));
            // Writes go in line order; lines sharing a path share its one write.
            return all.sort((a, b) => a.line - b.line);
        },
    };
}

var write = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createWriter: createWriter
});

export { CHILD_TOKEN_CLEANUP as C, LOGIN_TOKEN_CLEANUP as L, readPath as a, loginRequest as b, createChildToken as c, revoke as d, lookupSelf as l, revokeSelf as r, statusError as s, vaultErrors as v, write as w };
