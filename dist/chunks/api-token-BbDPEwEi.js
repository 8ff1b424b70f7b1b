import { S as ServerError } from './startup-CZCMzk0l.js';
import { j as jsonObjectOf, o as oneLine, p as parseJson, i as isObject } from './json-BMGp-VZQ.js';

// Vault's HTTP API (docs/protocols/vault.md#requests, #token-lifetime, #reading-secrets, #errors,
// #retries-and-timeouts): reads, lists, logins and writes (the token endpoints are api-token.ts), with
// response shapes checked and errors that carry the status, the path and Vault's own `errors`
// strings (bounded), never a token or a body.
// VLT-RETRY-1/2: reads retry 408, 412 (performance standbys), 429 and 5xx gateways, at most 2
// retries; POSTs are never retried.
const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);
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
        retryStatuses: READ_RETRY,
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
/**
 * LIST {url}/v1/{path} as `GET …?list=true` (the same request to Vault: docs/protocols/vault.md#folders),
 * `path` ending in '/': `{"data":{"keys":[…]}}`, sub-folders ending in '/'; 404 when nothing is there.
 */
async function listPath(ep, path) {
    const res = await ep.http.send({
        method: 'GET',
        url: `${apiUrl(ep.url, path)}?list=true`,
        headers: headers(ep),
        retryStatuses: READ_RETRY,
        maxAttempts: 3,
        maxRedirects: 10,
    });
    const where = `LIST "${path}"`;
    if (res.status === 403)
        return { kind: 'forbidden', response: res };
    if (res.status === 404)
        return { kind: 'not-found' };
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    const body = parseJson(res, where);
    const keys = isObject(body) && isObject(body.data) ? body.data.keys : undefined;
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string'))
        throw new ServerError(`Vault's answer for ${where} has no data.keys list of strings.`, res.status);
    return { kind: 'ok', keys };
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
/**
 * The run's client with Vault's own TLS settings (tlsSkipVerify, clientCertificate/clientKey) on
 * every request sent through it (docs/protocols/vault.md#tls, VLT-TLS-5): the wing and its post-step
 * handlers send through this, while the run's client (GitHub's OIDC token service, other
 * providers) keeps verifying servers and presents no certificate. Here rather than in
 * src/http/client.ts: a value import from there would make rollup fold wing code into the
 * start-up chunk (measured: index.js's static closure 127 KB → 158 KB).
 */
function withTls(http, tls) {
    return tls === undefined ? http : { send: (req) => http.send({ ...req, tls }) };
}
/** POST {path} with a JSON body (PKI issue): a write; never retried (a retry would issue twice). */
async function writePath(ep, path, body) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, path),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify(body),
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
}

// Vault's token endpoints (docs/protocols/vault.md#token-lifetime, #child-token): lookup-self,
// child-token create, revoke-accessor and revoke-self. Shapes checked as in api.ts.
/** GET auth/token/lookup-self (spends a use). undefined when Vault refuses it (403). */
async function lookupSelf(ep, mask) {
    const res = await ep.http.send({
        method: 'GET',
        url: apiUrl(ep.url, 'auth/token/lookup-self'),
        headers: headers(ep),
        retryStatuses: READ_RETRY,
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
        // Revoking is idempotent: one more attempt after a reset or a dropped connection.
        maxAttempts: 2,
    });
}
/** POST auth/token/revoke-self: the token revokes itself (Vault's default policy allows it). */
async function revokeSelf(ep) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-self'),
        headers: headers(ep),
        retryStatuses: NO_RETRY,
        // Revoking is idempotent: one more attempt after a reset or a dropped connection.
        maxAttempts: 2,
    });
}

export { withTls as a, listPath as b, createChildToken as c, readPath as d, apiUrl as e, revokeAccessor as f, loginRequest as g, headers as h, lookupSelf as l, revokeSelf as r, statusError as s, vaultErrors as v, writePath as w };
