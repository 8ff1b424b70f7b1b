import { j as jsonObjectOf, i as isObject, p as parseJson, S as ServerError, l as lineError, q as quote, e as parseVaultToken } from './startup-B0l7F2rJ.js';
import { s as statusError, h as headers, a as apiUrl, v as vaultErrors, b as vaultContext, r as revokeSelf } from './providers-vault-BXlX3qF7.js';





const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);
async function send(ep, method, path, body) {
    return ep.http.send({
        method,
        url: apiUrl(ep.url, path),
        headers: { ...headers(ep), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(method === 'GET' ? { retryStatuses: READ_RETRY, maxAttempts: 3 } : { maxAttempts: 1 }),
    });
}
async function readStored(ep, path) {
    const res = await send(ep, 'GET', path);
    if (res.status === 403)
        return { kind: 'forbidden' };
    const body = jsonObjectOf(res.text);
    if (res.status === 404) {
        const warnings = isObject(body) && Array.isArray(body.warnings) ? body.warnings : [];
        if (warnings.some((w) => typeof w === 'string' && /versioned K\/V/i.test(w)))
            return { kind: 'unversioned-path' };
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
    if (inner !== undefined && inner !== null) {
        const meta = json.data.metadata;
        if (!isObject(inner) || !isObject(meta) || typeof meta.version !== 'number') {
            throw new ServerError(`Vault's answer for "${path}" is KV v2 without data or a version number.`);
        }
        return { kind: 'v2', version: meta.version, data: inner };
    }
    return { kind: 'v1', data: json.data };
}
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
async function writeV1(ep, path, data) {
    const res = await send(ep, 'POST', path, data);
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, `the write to "${path}"`);
}

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
        throw lineError(first.line, `"${path}" is on the KV v2 mount '${mount.mount}': write to '${mount.mount}data/\u2026', as reads name it`);
    }
    return { path, kv: mount.version, cas: 0, exists: false, data: {}, targets };
}
function checkCapabilities(plans, caps) {
    if (!caps)
        return;
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
function createWriter(settings, runCtx) {
    const { vault } = settings;
    const { url, ctx } = vaultContext(vault, runCtx, 'the values written');
    const base = { http: ctx.http, url, namespace: vault.namespace, headers: vault.extraHeaders };
    const method = vault.login ?? { method: 'token' };
    let ep;
    if (method.method === 'token') {
        const token = parseVaultToken(settings.accessToken);
        ctx.mask(token.value);
        ep = { ...base, token: token.value };
    }
    let issued;
    return {
        kind: 'vault',
        parse: parseWriteTargets,
        async plan(targets, { create }) {
            if (method.method !== 'token') {
                const { logIn } = await import('./providers-vault-login-D4YO5ssh.js');
                const created = await logIn(method, base, ctx);
                ep = { ...base, token: created.token };
                if (!created.batch)
                    issued = ep;
            }
            const session = ep;
            const byPath = new Map();
            for (const t of targets)
                byPath.set(t.path, [...(byPath.get(t.path) ?? []), t]);
            const plans = [];
            for (const [path, ts] of byPath)
                plans.push(await resolvePath(session, path, ts, create));
            for (const p of plans) {
                for (const t of p.targets) {
                    const before = p.data[t.key];
                    if (typeof before === 'string')
                        ctx.mask(before);
                }
            }
            checkCapabilities(plans, await capabilities(session, [...byPath.keys()]));
            const all = plans.flatMap((p) => planned(p, session));
            return all.sort((a, b) => a.line - b.line);
        },
        async finish() {
            if (!issued)
                return;
            const res = await revokeSelf(issued).catch((err) => err);
            if (res instanceof Error || res.status < 200 || res.status >= 300) {
                ctx.warning(`The Vault token this step's login created was not revoked (${res instanceof Error ? res.message : `HTTP ${res.status}`}); it stays valid until its TTL ends.`);
            }
            else
                ctx.debug('Vault login token revoked.');
        },
    };
}

export { createWriter };
