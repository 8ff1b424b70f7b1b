import { j as jsonObjectOf, o as oneLine, S as ServerError, p as parseJson, i as isObject$1, I as InputError, e as parseVaultToken, s as secretsLine, A as ActionError, l as lineError, q as quote, E as ENV_NAME } from './startup-BC6kiPgg.js';

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
/** Vault's `{"errors":[\u2026]}` strings, whitespace folded and bounded; '' when there are none. */
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
    if (!isObject$1(body) || !Array.isArray(body.warnings))
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
        const deleted = isObject$1(body) && isObject$1(body.data) && body.data.data === null && isObject$1(body.data.metadata);
        const list = isObject$1(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string') : [];
        const errors = JSON.stringify({ errors: list });
        // The '\u2026' also lets the scrubber catch a secret the bound cuts in two.
        return {
            kind: 'not-found',
            errors: errors.length > MAX_ERROR_TEXT ? `${errors.slice(0, MAX_ERROR_TEXT)}\u2026` : errors,
            versioned,
            deleted,
        };
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    if (res.text.trim() === '')
        throw new ServerError(`Vault answered ${res.status} with an empty body for ${where}: there is no secret data to read.`, res.status);
    const body = parseJson(res, `GET ${where}`);
    if (!isObject$1(body))
        throw new ServerError(`Vault's answer for ${where} is not a JSON object.`, res.status);
    if (body.data === null && isObject$1(body.wrap_info)) {
        throw new ServerError(`Vault's answer for ${where} is response-wrapped (wrap_info): the token or a policy asks for wrapping; unwrap it in a step of its own or read the path without wrapping.`, res.status);
    }
    if (!isObject$1(body.data))
        throw new ServerError(`Vault's answer for ${where} has no data object (data is ${body.data === null ? 'null' : typeof body.data}).`, res.status);
    const inner = body.data.data;
    // VLT-READ-1: KV v2 when data.data is neither undefined nor null, exactly as the vendor decides.
    if (inner !== undefined && inner !== null) {
        if (!isObject$1(inner))
            throw new ServerError(`Vault's answer for ${where}: data.data is not an object.`, res.status);
        return { kind: 'ok', data: inner, v2: true };
    }
    return { kind: 'ok', data: body.data, v2: false };
}
/**
 * LIST {url}/v1/{path} as `GET \u2026?list=true` (the same request to Vault: docs/protocols/vault.md#folders),
 * `path` ending in '/': `{"data":{"keys":[\u2026]}}`, sub-folders ending in '/'; 404 when nothing is there.
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
    const keys = isObject$1(body) && isObject$1(body.data) ? body.data.keys : undefined;
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
 * start-up chunk (measured: index.js's static closure 127 KB \u2192 158 KB).
 */
function withTls(http, tls) {
    return tls === undefined
        ? http
        : { send: (req) => http.send({ ...req, tls }), preconnect: (url) => http.preconnect(url, tls) };
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

// What the read and the write action do alike before Vault's first request: its address checked,
// and a context whose HTTP client sends Vault's own TLS inputs (tlsSkipVerify, clientCertificate /
// clientKey) with this wing's requests only (ctx.idToken keeps the run's client).
function vaultContext(vault, runCtx, 
/** What an impostor would read besides the token: "the secrets", "the values written". */
exposed) {
    if (vault.url === undefined) {
        throw new InputError(vault.urlProblem ??
            "Input 'base_url' is empty: Vault needs its address, e.g. https://vault.example.com:8200; give it in 'base_url' or 'url' (vault-action's name), or set the VAULT_ADDR environment variable.");
    }
    const ctx = { ...runCtx, http: withTls(runCtx.http, vault.tls) };
    if (vault.tls?.key !== undefined)
        ctx.mask(vault.tls.key);
    if (vault.tls?.insecure) {
        ctx.warning(`Input 'tlsSkipVerify' is true: Vault's TLS certificate is not verified for this step's requests, so anyone on the network path could pose as Vault and read the token and ${exposed}. Give the CA that signed Vault's certificate in 'ca_certificate' (PEM) or 'caCertificate' (base64) instead.`);
    }
    return { url: vault.url, ctx };
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
    const data = isObject$1(body) ? body.data : undefined;
    if (!isObject$1(data))
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
                ? ' (batch tokens and limited-use tokens cannot create child tokens; policies must be a subset of the parent\u2019s)'
                : '';
        throw new ServerError(`${statusError(res, 'auth/token/create (export_token: child)').message}${hint}.`, res.status);
    }
    const parsed = parseJson(res, 'POST auth/token/create');
    const auth = isObject$1(parsed) ? parsed.auth : undefined;
    if (!isObject$1(auth) ||
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

// The session a run reads with: the token as given (checked for shape, never for validity: each
// use of a limited-use token is precious), or the one a login method got (login.ts). On a 403 one
// lookup-self, shared by the parallel reads, says whether the token or a policy is at fault;
// check_token asks up front.
function duration(seconds) {
    if (seconds <= 0)
        return '0s';
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
}
function describe(info) {
    const uses = info.numUses === 0
        ? 'unlimited uses'
        : info.numUses < 0
            ? 'no uses left'
            : `${info.numUses} use${info.numUses === 1 ? '' : 's'} left`;
    const ttl = info.expires ? `expires in ${duration(info.ttl)}` : 'does not expire';
    return `policies: ${info.policies.join(', ') || '(none)'}; ${ttl}; ${uses}`;
}
function namespaceHint(vault, token, info) {
    const used = vault.namespace ?? '';
    if (info && info.namespacePath !== used && !used.startsWith(`${info.namespacePath}/`)) {
        return ` The token belongs to namespace '${info.namespacePath || '(root)'}' but the request used '${used || '(root)'}': set 'namespace: ${info.namespacePath}' (or VAULT_NAMESPACE).`;
    }
    if (!info && used !== '')
        return ` Check also that 'namespace: ${used}' is the token's namespace (or a child of it).`;
    // Tokens created in a namespace carry a `.<namespace id>` suffix.
    if (!info && used === '' && /^(hv)?[sb]\.[^.]+\.[^.]+$/.test(token)) {
        return " The token has a namespace suffix: set 'namespace' (or VAULT_NAMESPACE) to the namespace it was created in.";
    }
    return '';
}
/** Logs in with the token input: masks it, checks its shape and what the inputs ask of it. */
function login(vault, url, ctx) {
    const token = parseVaultToken(vault.accessToken);
    ctx.mask(token.value);
    if (token.kind === 'recovery')
        ctx.warning('The access token is a Vault recovery token (hvr./r.): it works only while the server runs in recovery mode.');
    if (token.kind === 'batch' && vault.exportToken === 'child') {
        throw new InputError("Input 'export_token' is 'child', but the access token is a batch token (hvb./b.), which cannot create child tokens.");
    }
    return session(vault, url, token, ctx);
}
/** The session for a token a login method got (masked already). */
function loggedIn(vault, url, value, ctx) {
    const m = /^(hv)?([sbr])\./.exec(value);
    if (m?.[2] === 'b' && vault.exportToken === 'child') {
        throw new ServerError("Input 'export_token' is 'child', but the login gave a batch token, which cannot create child tokens (the role's token_type is batch).");
    }
    return session(vault, url, { value}, ctx);
}
function session(vault, url, token, ctx) {
    const ep = {
        http: ctx.http,
        url,
        token: token.value,
        namespace: vault.namespace,
        headers: vault.extraHeaders,
    };
    // VLT-LIFE-2 (docs/protocols/vault.md#token-lifetime): at most one lookup-self per run to explain
    // a 403, shared by parallel reads.
    let lookup;
    const explainLookup = () => (lookup ??= lookupSelf(ep, ctx.mask));
    async function forbidden(path, res) {
        const base = statusError(res.response, `"${path}"`).message;
        let info;
        try {
            info = await explainLookup();
        }
        catch (err) {
            return new ServerError(`${base}. Vault refuses the token or its policies deny this path (lookup-self to tell which failed: ${err.message}).`, 403);
        }
        if (!info) {
            return new ServerError(`${base}: the token is invalid, expired, revoked or out of uses (lookup-self was refused too).${namespaceHint(vault, token.value)}`, 403);
        }
        return new ServerError(`${base}: the token is valid (${describe(info)}) but its policies do not allow reading this path; grant 'read' on "${path.replace(/\?.*$/, '')}" to one of them.${namespaceHint(vault, token.value, info)}`, 403);
    }
    async function checkToken(paths) {
        const info = await lookupSelf(ep, ctx.mask);
        if (!info) {
            throw new ServerError(`check_token: Vault refused auth/token/lookup-self: the token is invalid, expired, revoked or out of uses.${namespaceHint(vault, token.value)}`, 403);
        }
        if (info.expires && info.ttl < vault.minTtlSeconds) {
            throw new ServerError(`check_token: the token expires in ${duration(info.ttl)}, less than min_ttl (${duration(vault.minTtlSeconds)}); renew it or issue a longer-lived one (${describe(info)}).`);
        }
        // Vault reports num_uses after the lookup's own use; -1 means the lookup spent the last one.
        const needed = paths + (vault.exportToken === 'child' ? 1 : 0);
        if (info.numUses !== 0) {
            const left = Math.max(0, info.numUses);
            if (vault.exportToken === 'child') {
                throw new ServerError(`check_token: the token is limited to a number of uses (${left} left after the check), and limited-use tokens cannot create the child token export_token asks for.`);
            }
            if (left < needed) {
                throw new ServerError(`check_token: the token has ${left} use${left === 1 ? '' : 's'} left after this check (lookup-self spent one), but the run needs ${needed} (one per distinct path); issue it with num_uses of at least ${needed + 1}, or drop check_token to save a use.`);
            }
        }
        ctx.debug(`check_token: token ok (${describe(info)}); ${needed} request${needed === 1 ? '' : 's'} to go`);
    }
    return { ep, forbidden, checkToken };
}

// Runs fn over items, at most `limit` at a time; after the first failure no new item starts (each
// read would spend a use of a token already known to fail), and that failure is thrown.
/** Parallel reads and LISTs (issue 4: a small bound of 8). */
const CONCURRENCY = 8;
async function pool(items, limit, fn) {
    let next = 0;
    let failed = false;
    const errors = [];
    const worker = async () => {
        while (!failed && next < items.length) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (err) {
                failed = true;
                errors.push(err);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (errors.length > 0)
        throw errors[0];
}

// Whole folders (docs/protocols/vault.md#folders): a line whose path ends in '/' reads every secret
// below it, recursively. One LIST per folder (KV v2: <mount>/metadata/<folder>/, KV v1: the path
// itself), 8 at a time, level by level; each secret found becomes a request of its own, read like
// any other path. Vault has no recursive LIST, so this is the fewest requests there are.
// Bounds on what one run walks: a folder tree this size is a mistake, or a server misbehaving.
const MAX_FOLDERS = 1000;
const MAX_FOLDER_SECRETS = 10_000;
/**
 * Where to LIST a folder line's path and how to read what it finds: a path with a `data` segment
 * after the mount is KV v2 (`secret/data/app/` \u2192 LIST `secret/metadata/app/`, read
 * `secret/data/app/<key>`); any other is KV v1 (LIST and read under the path itself).
 */
function folderPaths(path) {
    const segs = path.split('/');
    const i = segs.indexOf('data', 1);
    if (i < 1)
        return { list: path, read: path };
    return { list: [...segs.slice(0, i), 'metadata', ...segs.slice(i + 1)].join('/'), read: path };
}
// A key Vault lists: a name, or a sub-folder's name with one trailing '/'. Anything else ('..',
// an empty name, a query or a second '/') would read somewhere the folder does not name.
const KEY = /^(?!\.\.?\/?$)[^/?#]+\/?$/;
/** Every folder line expanded into one request per secret found below it; other lines as they are. */
async function expandFolders(requests, ctx) {
    const lines = requests.filter((r) => r.folder);
    if (lines.length === 0)
        return requests;
    const found = new Map();
    let listed = 0;
    let secrets = 0;
    // Level by level: every folder of a level is listed (8 at a time) before the next level starts.
    let level = lines.map((r) => ({ r, rel: '' }));
    while (level.length > 0) {
        const next = [];
        listed += level.length;
        if (listed > MAX_FOLDERS)
            throw new InputError(`${secretsLine(level[0].r.line)}: the folders below "${level[0].r.path}" are more than ${MAX_FOLDERS}; read a narrower folder.`);
        await pool(level, CONCURRENCY, async ({ r, rel }) => {
            const path = folderPaths(r.path).list + rel;
            const res = await ctx.list(path);
            if (res.kind === 'forbidden')
                throw await ctx.forbidden(path, res);
            if (res.kind === 'not-found') {
                if (rel !== '')
                    return; // emptied since the parent was listed
                const message = `the folder "${r.path}" has no secrets (Vault answered 404 to LIST "${path}")`;
                if (!ctx.ignoreNotFound)
                    throw new ServerError(`${secretsLine(r.line)}: ${message}. Vault answers 404 for an empty or missing folder, and also when the folder is outside what the token may list.`, 404);
                ctx.warning(`\u2718 ${message}; skipped (ignore_not_found).`);
                return;
            }
            for (const key of res.keys) {
                if (!KEY.test(key))
                    throw new ServerError(`Vault listed ${JSON.stringify(key.slice(0, 80))} under "${path}": not a key name.`);
                if (key.endsWith('/'))
                    next.push({ r, rel: rel + key });
                else {
                    if (++secrets > MAX_FOLDER_SECRETS)
                        throw new InputError(`${secretsLine(r.line)}: the folder "${r.path}" holds more than ${MAX_FOLDER_SECRETS} secrets; read a narrower folder.`);
                    const list = found.get(r) ?? [];
                    list.push(rel + key);
                    found.set(r, list);
                }
            }
        });
        level = next;
    }
    return requests.flatMap((r) => r.folder
        ? (found.get(r) ?? []).sort().map((rel) => ({ ...r, folder: undefined, path: r.path + rel, inFolder: rel }))
        : [r]);
}

// The lexer of vault-action's selectors (docs/protocols/vault.md#selectors): JSONata's tokens and
// operator table, so a selector is classified exactly as jsonata 2.0.4 would read it (selector.ts
// parses, evaluate.ts evaluates). Pure.
/** A selector JSONata would reject (the message is JSONata-like). */
class SelectorSyntaxError extends ActionError {
}
/** Valid JSONata, but outside what this action evaluates. */
class SelectorUnsupportedError extends ActionError {
}
// JSONata 2.x operator binding powers.
const OPS = {
    '.': 75,
    '[': 80,
    ']': 0,
    '{': 70,
    '}': 0,
    '(': 80,
    ')': 0,
    ',': 0,
    '@': 80,
    '#': 80,
    ';': 80,
    ':': 80,
    '?': 20,
    '+': 50,
    '-': 50,
    '*': 60,
    '/': 60,
    '%': 60,
    '|': 20,
    '=': 40,
    '<': 40,
    '>': 40,
    '^': 40,
    '**': 60,
    '..': 20,
    ':=': 10,
    '!=': 40,
    '<=': 40,
    '>=': 40,
    '~>': 40,
    '?:': 40,
    '??': 40,
    and: 30,
    or: 25,
    in: 40,
    '&': 50,
    '!': 0,
    '~': 0,
};
const SINGLE = new Set('.[]{}(),@#;:?+-*/%|=<>^&!~'.split(''));
const DOUBLE = new Set(['..', ':=', '!=', '>=', '<=', '**', '~>', '?:', '??']);
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?/;
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Reads a JSONata string body starting after the opening quote; returns the text and the end index. */
function readString(src, start, quote) {
    let out = '';
    for (let i = start; i < src.length; i++) {
        const c = src[i];
        if (c === '\\') {
            const e = src[++i];
            if (e === undefined)
                break;
            if (e in ESCAPES)
                out += ESCAPES[e];
            else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 1, i + 5))) {
                out += String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16));
                i += 4;
            }
            else
                throw new SelectorSyntaxError(`Unsupported escape sequence: \\${e}`);
        }
        else if (c === quote)
            return [out, i + 1];
        else
            out += c;
    }
    throw new SelectorSyntaxError('String literal must be terminated by a matching quote');
}
/** Decodes `"<text>"` as JSONata would (the vendor wraps dot-free selectors in double quotes). */
function decodeQuoted(text) {
    const [value, end] = readString(`${text}"`, 0, '"');
    if (end !== text.length + 1)
        throw new SelectorSyntaxError('Syntax error: unexpected text after the string literal');
    return value;
}
function lex(src) {
    const toks = [];
    let i = 0;
    const isNameEnd = (c) => /\s/.test(c) || SINGLE.has(c);
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '/' && src[i + 1] === '*') {
            const end = src.indexOf('*/', i + 2);
            if (end < 0)
                throw new SelectorSyntaxError('Comment has no closing tag');
            i = end + 2;
            continue;
        }
        const two = src.slice(i, i + 2);
        if (DOUBLE.has(two)) {
            toks.push({ t: 'op', v: two, pos: i });
            i += 2;
            continue;
        }
        if (SINGLE.has(c)) {
            // A leading '-' before a number is an operator here; the parser handles unary minus.
            toks.push({ t: 'op', v: c, pos: i });
            i++;
            continue;
        }
        if (c === '"' || c === "'") {
            const [v, end] = readString(src, i + 1, c);
            toks.push({ t: 'string', v, pos: i });
            i = end;
            continue;
        }
        if (c === '`') {
            const end = src.indexOf('`', i + 1);
            if (end < 0)
                throw new SelectorSyntaxError('Quoted property name must be terminated with a backquote (`)');
            toks.push({ t: 'name', v: src.slice(i + 1, end), pos: i, quoted: true });
            i = end + 1;
            continue;
        }
        const num = NUMBER.exec(src.slice(i));
        if (num && /[0-9]/.test(c)) {
            toks.push({ t: 'number', v: Number(num[0]), pos: i });
            i += num[0].length;
            continue;
        }
        let j = i;
        while (j < src.length && !isNameEnd(src[j]))
            j++;
        const word = src.slice(i, j);
        if (c === '$')
            toks.push({ t: 'variable', v: word.slice(1), pos: i });
        else if (word === 'and' || word === 'or' || word === 'in')
            toks.push({ t: 'op', v: word, pos: i });
        else if (word === 'true' || word === 'false')
            toks.push({ t: 'value', v: word === 'true', pos: i });
        else if (word === 'null')
            toks.push({ t: 'value', v: null, pos: i });
        else
            toks.push({ t: 'name', v: word, pos: i, quoted: false });
        i = j;
    }
    toks.push({ t: 'end', pos: src.length });
    return toks;
}

// The JSONata subset that vault-action's selectors need (docs/protocols/vault.md#entry-syntax,
// #names, #selectors). Pure.
// vault-action evaluates `data.[data.]<selector>` with jsonata 2.0.4. We parse the selector with
// JSONata's lexer and operator table to classify it (string literal, path, or an expression that
// needs `| NAME`) and evaluate paths of field names, backtick names, quoted names, `$`, `*` and
// numeric index predicates with JSONata's sequence rules (one-level flattening, singleton
// unwrapping, empty = no match). Anything else is refused at parse time, so a selector is never
// silently empty. Lexing is selector-lexer.ts's, evaluating evaluate.ts's.
class Parser {
    toks;
    i = 0;
    constructor(toks) {
        this.toks = toks;
    }
    peek() {
        return this.toks[this.i];
    }
    next() {
        return this.toks[this.i++];
    }
    expect(op) {
        const t = this.next();
        if (t.t === 'end')
            throw new SelectorSyntaxError(`Expected "${op}" before end of expression`);
        if (t.t !== 'op' || t.v !== op)
            throw new SelectorSyntaxError(`Expected "${op}", got "${'v' in t ? String(t.v) : ''}"`);
    }
    lbp(t) {
        return t.t === 'op' ? (OPS[t.v] ?? 0) : 0;
    }
    parse() {
        const r = this.expression(0);
        const t = this.peek();
        if (t.t !== 'end')
            throw new SelectorSyntaxError(`Syntax error: "${'v' in t ? String(t.v) : ''}"`);
        return r;
    }
    expression(rbp) {
        let left = this.nud(this.next());
        while (rbp < this.lbp(this.peek()))
            left = this.led(this.next(), left);
        return left;
    }
    nud(t) {
        switch (t.t) {
            case 'end':
                throw new SelectorSyntaxError('Unexpected end of expression');
            case 'string':
                return { k: 'lit', node: { type: 'string', value: t.v } };
            case 'number':
                return { k: 'lit', node: { type: 'number', value: t.v } };
            case 'value':
                return { k: 'lit', node: { type: 'value', value: t.v } };
            case 'name':
                return { k: 'name', v: t.v };
            case 'variable':
                return { k: 'var', v: t.v };
        }
        switch (t.v) {
            case '*':
            case '**':
                return { k: 'wild', v: t.v };
            case '-': {
                const operand = this.expression(70);
                if (operand.k === 'lit' && operand.node.type === 'number')
                    return { k: 'lit', node: { type: 'number', value: -operand.node.value } };
                return { k: 'other', what: 'unary minus' };
            }
            case '(': {
                if (!(this.peek().t === 'op' && this.peek().v === ')')) {
                    this.expression(0);
                    while (this.peek().t === 'op' && this.peek().v === ';') {
                        this.next();
                        this.expression(0);
                    }
                }
                this.expect(')');
                return { k: 'other', what: 'a block' };
            }
            case '[': {
                if (!(this.peek().t === 'op' && this.peek().v === ']')) {
                    this.expression(0);
                    while (this.peek().t === 'op' && this.peek().v === ',') {
                        this.next();
                        this.expression(0);
                    }
                }
                this.expect(']');
                return { k: 'other', what: 'an array constructor' };
            }
            case 'and':
            case 'or':
            case 'in':
                // JSONata lets these words be field names when they start an expression.
                return { k: 'name', v: t.v };
        }
        if (t.v === '{' || t.v === '|' || t.v === '@' || t.v === '#' || t.v === '?' || t.v === '~' || t.v === '!') {
            throw new SelectorUnsupportedError(`the JSONata operator "${t.v}" is not supported in selectors`);
        }
        throw new SelectorSyntaxError(`Syntax error: "${t.v}"`);
    }
    led(t, left) {
        switch (t.v) {
            case '.': {
                const right = this.expression(OPS['.']);
                const steps = [...(left.k === 'path' ? left.steps : [left]), ...(right.k === 'path' ? right.steps : [right])];
                for (const s of steps) {
                    if (s.k === 'lit' && (s.node.type === 'number' || s.node.type === 'value')) {
                        throw new SelectorSyntaxError(`The literal value ${String(s.node.value)} cannot be used as a step within a path expression`);
                    }
                }
                return { k: 'path', steps };
            }
            case '[': {
                if (this.peek().t === 'op' && this.peek().v === ']') {
                    this.next();
                    return { k: 'other', what: 'an empty predicate []' };
                }
                const pred = this.expression(0);
                this.expect(']');
                if (left.k === 'path') {
                    const last = left.steps[left.steps.length - 1];
                    return { k: 'path', steps: [...left.steps.slice(0, -1), { k: 'pred', base: last, pred }] };
                }
                return { k: 'pred', base: left, pred };
            }
            case '(': {
                if (!(this.peek().t === 'op' && this.peek().v === ')')) {
                    this.expression(0);
                    while (this.peek().t === 'op' && this.peek().v === ',') {
                        this.next();
                        this.expression(0);
                    }
                }
                this.expect(')');
                return { k: 'other', what: 'a function call' };
            }
            case '+':
            case '-':
            case '*':
            case '/':
            case '%':
            case '=':
            case '<':
            case '>':
            case '!=':
            case '<=':
            case '>=':
            case '&':
            case 'and':
            case 'or':
            case 'in':
            case '..':
            case '??':
            case '?:':
                this.expression(OPS[t.v]);
                return { k: 'other', what: `the operator "${t.v}"` };
            case '**':
                // `a**b` is not valid JSONata after an operand (descendant is a prefix form).
                throw new SelectorSyntaxError('Syntax error: "**"');
        }
        throw new SelectorUnsupportedError(`the JSONata operator "${t.v}" is not supported in selectors`);
    }
}
function toStep(raw) {
    let base = raw;
    const index = [];
    let predicated = false;
    let unsupported;
    const preds = [];
    while (base.k === 'pred') {
        preds.unshift(base.pred);
        base = base.base;
    }
    for (const p of preds) {
        predicated = true;
        if (p.k === 'lit' && p.node.type === 'number')
            index.push(p.node.value);
        else
            unsupported ??= 'a predicate other than a number';
    }
    if (base.k === 'name')
        return { kind: 'name', name: base.v, index, predicated, unsupported };
    if (base.k === 'lit' && base.node.type === 'string')
        return { kind: 'name', name: base.node.value, index, predicated, unsupported };
    if (base.k === 'var' && base.v === '')
        return { kind: 'context', index, predicated, unsupported };
    if (base.k === 'wild' && base.v === '*')
        return { kind: 'wildcard', index, predicated, unsupported };
    const what = base.k === 'var'
        ? `the variable $${base.v}`
        : base.k === 'wild'
            ? 'the descendant operator **'
            : base.k === 'other'
                ? base.what
                : 'this step';
    return { kind: 'name', index, predicated, unsupported: unsupported ?? what };
}
const MAX_SELECTOR = 4096;
/** Parses a selector as JSONata would (jsonata(selector).ast()), into the shape the vendor checks. */
function parseSelector(text) {
    // Lexing and path building grow quadratically (a 100 kB selector took ~20 s, 1 MiB far longer); real ones are short.
    if (text.length > MAX_SELECTOR)
        throw new SelectorUnsupportedError(`it is longer than ${MAX_SELECTOR} characters`);
    const raw = new Parser(lex(text)).parse();
    switch (raw.k) {
        case 'lit':
            return raw.node;
        case 'name':
        case 'wild':
        case 'pred':
            // JSONata wraps a lone name (with or without predicates) in a one-step path.
            if (raw.k === 'pred' && raw.base.k !== 'name' && raw.base.k !== 'wild')
                return { type: 'expr', what: 'a predicate on a non-path expression' };
            return { type: 'path', steps: [toStep(raw)] };
        case 'path':
            return { type: 'path', steps: raw.steps.map(toStep) };
        case 'var':
            return { type: 'variable', value: raw.v };
        case 'other':
            return { type: 'expr', what: raw.what };
    }
}
/** vault-action: a name is required unless the selector is a string literal or a path whose first step has no predicate. */
function needsName(node) {
    if (node.type === 'string')
        return false;
    if (node.type === 'path')
        return node.steps[0].predicated;
    return true;
}
/** The compiled dotted selector: steps we can evaluate. Throws SelectorUnsupportedError otherwise. */
function compilePath(node) {
    if (node.type === 'string')
        return [{ kind: 'name', name: node.value, index: [], predicated: false }];
    if (node.type !== 'path') {
        throw new SelectorUnsupportedError(node.type === 'expr' ? `${node.what} cannot be evaluated by this action` : 'only paths can be evaluated');
    }
    for (const s of node.steps)
        if (s.unsupported)
            throw new SelectorUnsupportedError(`${s.unsupported} cannot be evaluated by this action`);
    return node.steps;
}

// The `secrets` grammar of hashicorp/vault-action v3.4.0 (docs/protocols/vault.md#mapping-grammar),
// plus newlines as separators where the vendor's `;`-only rule would reject the input (VLT-GRM-3).
// Pure: no I/O, no @actions/*.
//   entry := path WS+ selector [ '|' NAME ]        entries separated by ';' (and newlines, see above)
//   selector: a key, "quoted-key", a dotted JSONata path (db.password, `a.b`, 'a.b', $.$, a.b[0]),
//             '*' (every key, env names upper-cased) or '**' (every key, case kept); with '| PREFIX'.
//   A path ending in '/' is a folder: only '*' / '**', every secret below it, {path} in the prefix.
/** vault-action's normalizeOutputKey: `.` \u2192 `__`, drop `-`, keep only letters, numbers and `_`. */
function normalizeName(text) {
    return text
        .replaceAll('.', '__')
        .replaceAll('-', '')
        .replace(/[^\p{L}\p{N}_]/gu, '');
}
/** In a folder line's name: the secret's path below the folder, '/' as '_' (docs/protocols/vault.md#folders). */
const PATH_PLACEHOLDER = '{path}';
/** Forbidden in any name whatever its source (VLT-GRM-4). */
const BAD_NAME = /[=\0\r\n]/;
function lineOf(input, offset) {
    let n = 1;
    for (let i = 0; i < offset && i < input.length; i++)
        if (input[i] === '\n' || (input[i] === '\r' && input[i + 1] !== '\n'))
            n++;
    return n;
}
function vendorError(line, text) {
    return lineError(line, text.replace(/\.$/, ''));
}
/** Parses one entry (docs/protocols/vault.md#entry-syntax, #names, #selectors). */
function parseEntry(entry, line) {
    const bar = entry.lastIndexOf('|');
    let pathSpec = entry;
    let name;
    if (bar >= 0) {
        pathSpec = entry.slice(0, bar).trim();
        name = entry.slice(bar + 1).trim();
        if (name === '')
            throw vendorError(line, `You must provide a value when mapping a secret to a name. Input: ${quote(entry, 200)}`);
    }
    const parts = pathSpec.split(/\s+/).filter((p) => p !== '');
    if (parts.length !== 2)
        throw vendorError(line, `You must provide a valid path and key. Input: ${quote(entry, 200)}`);
    const [path, token] = parts;
    let node;
    try {
        node = parseSelector(token);
    }
    catch (err) {
        if (err instanceof SelectorSyntaxError)
            throw lineError(line, `the selector ${quote(token)} is not valid JSONata: ${err.message}`);
        if (err instanceof SelectorUnsupportedError)
            throw lineError(line, `the selector ${quote(token)} cannot be evaluated: ${err.message}`);
        throw err;
    }
    const selector = token.replaceAll('"', '');
    if (name !== undefined && BAD_NAME.test(name))
        throw lineError(line, `the name ${quote(name)} contains '=', NUL or a line break`);
    const folder = path.endsWith('/');
    if (selector === '*' || selector === '**') {
        const prefix = name === undefined || name === selector ? '' : name;
        if (!folder && prefix.includes(PATH_PLACEHOLDER))
            throw lineError(line, `${PATH_PLACEHOLDER} in a name works on a folder line only (a path ending in '/')`);
        return { line, entry, path, selector, wildcard: selector, prefix, ...(folder ? { folder } : {}) };
    }
    if (folder)
        throw lineError(line, `${quote(path)} ends in '/', a folder: read every key of every secret below it with '*' or '**', e.g. '${path} *'`);
    if (name === undefined && needsName(node)) {
        const hint = token.includes('-') ? ` (quote it as ${quote(`"${selector}"`)} or add '| NAME')` : '';
        throw vendorError(line, `You must provide a name for the output key when using json selectors. Input: ${quote(entry, 200)}${hint}`);
    }
    let steps;
    let expression;
    try {
        if (selector.includes('.')) {
            steps = compilePath(parseSelector(selector));
            expression = selector;
        }
        else {
            steps = [{ kind: 'name', name: decodeQuoted(selector), index: [], predicated: false }];
            expression = `"${selector}"`;
        }
    }
    catch (err) {
        if (err instanceof SelectorSyntaxError)
            throw lineError(line, `the selector ${quote(selector)} is not valid JSONata: ${err.message}`);
        if (err instanceof SelectorUnsupportedError)
            throw lineError(line, `the selector ${quote(selector)} cannot be evaluated: ${err.message}`);
        throw err;
    }
    let envName;
    let outputName;
    if (name !== undefined) {
        envName = name;
        outputName = name;
    }
    else {
        outputName = normalizeName(selector);
        envName = outputName.toUpperCase();
        if (outputName === '')
            throw lineError(line, `the selector ${quote(token)} gives an empty name; add '| NAME'`);
    }
    if (!ENV_NAME.test(envName)) {
        throw lineError(line, `${quote(envName)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)${name === undefined ? "; add '| NAME'" : ''}`);
    }
    return { line, entry, path, selector, envName, outputName, steps, expression };
}
function splitKeep(input, sep, base) {
    const out = [];
    let last = 0;
    for (const m of input.matchAll(sep)) {
        out.push({ text: input.slice(last, m.index), offset: base + last });
        last = m.index + m[0].length;
    }
    out.push({ text: input.slice(last), offset: base + last });
    return out;
}
function trimmed(p) {
    const lead = p.text.length - p.text.trimStart().length;
    return { text: p.text.trim(), offset: p.offset + lead };
}
/**
 * Parses the whole `secrets` input (docs/protocols/vault.md#entries): `;` separates; newlines too
 * where `;` alone fails.
 */
function parseVaultMapping(input) {
    const requests = [];
    const warnings = [];
    for (const raw of splitKeep(input, /;/g, 0)) {
        const piece = trimmed(raw);
        if (piece.text === '')
            continue;
        const line = lineOf(input, piece.offset);
        try {
            requests.push(parseEntry(piece.text, line));
        }
        catch (err) {
            // VLT-GRM-3: newline-separated entries, only for text the vendor's rule rejects.
            const lines = splitKeep(piece.text, /\r\n|\r|\n/g, piece.offset)
                .map(trimmed)
                .filter((l) => l.text !== '');
            if (!(err instanceof InputError) || lines.length < 2)
                throw err;
            for (const l of lines)
                requests.push(parseEntry(l.text, lineOf(input, l.offset)));
        }
    }
    // VLT-GRM-5: the vendor keeps the last silently; we refuse, naming both.
    const seen = new Map();
    for (const r of requests) {
        if (r.envName === undefined)
            continue;
        const first = seen.get(r.envName);
        if (first)
            throw lineError(r.line, `${r.envName} is also produced by line ${first.line} (${quote(first.entry)}); give one of them another '| NAME'`);
        seen.set(r.envName, r);
    }
    return { requests, warnings };
}

// vault-action's `pki` input (docs/protocols/vault.md#pki): certificates issued by Vault's PKI
// engine. Grammar (vault-action v3.4.0 parsePkiInput): entries separated by ';', each
// `<path> <JSON parameters>`, the path up to the first space. Each entry is one POST {path} with the
// parameters; its answer gives four values named after the path's last segment: _cert
// (data.certificate), _key (data.private_key), _ca (data.issuing_ca), _ca_chain (data.ca_chain
// joined with '\n'); env names upper-cased, outputs as normalised. Pure parsing apart from issue().
/** vault-action's outputMap, in its order: suffix \u2192 the field of `data` (ca_chain: an array). */
const FIELDS = [
    ['cert', 'certificate'],
    ['key', 'private_key'],
    ['ca', 'issuing_ca'],
    ['ca_chain', 'ca_chain'],
];
function pkiError(line, text) {
    return new InputError(`Input 'pki', line ${line}: ${text}.`);
}
/** Parses the `pki` input; an error names the line. */
function parsePki(text) {
    const out = [];
    let offset = 0;
    for (const raw of text.split(';')) {
        const start = offset + (raw.length - raw.trimStart().length);
        offset += raw.length + 1;
        const entry = raw.trim();
        if (entry === '')
            continue;
        const line = text.slice(0, start).split('\n').length;
        const space = entry.search(/\s/);
        const path = space < 0 ? '' : entry.slice(0, space);
        const params = space < 0 ? '' : entry.slice(space + 1).trim();
        if (path === '' || params === '')
            throw pkiError(line, `You must provide a valid path and parameters. Input: ${quote(entry, 200)}`);
        let parameters;
        try {
            parameters = JSON.parse(params);
        }
        catch {
            throw pkiError(line, `the parameters after ${quote(path)} are not valid JSON (e.g. {"common_name": "a.example.com"})`);
        }
        if (!isObject$1(parameters))
            throw pkiError(line, `the parameters after ${quote(path)} must be a JSON object`);
        out.push({ line, path, parameters, name: path.split('/').pop() });
    }
    return out;
}
/** One POST per entry, in order (as vault-action); every value masked before it is returned. */
async function issue(ep, requests, ctx) {
    const out = [];
    for (const r of requests) {
        const res = await writePath(ep, r.path, r.parameters);
        const where = `Input 'pki', line ${r.line} ("${r.path}")`;
        if (res.status < 200 || res.status >= 300)
            throw new ServerError(`${where}: ${statusError(res, 'the certificate request').message}.`, res.status);
        const body = parseJson(res, `POST ${r.path}`);
        const data = isObject$1(body) ? body.data : undefined;
        if (!isObject$1(data))
            throw new ServerError(`${where}: Vault's answer has no data object.`, res.status);
        // The key first: whatever happens next, it is masked.
        if (typeof data.private_key === 'string')
            ctx.mask(data.private_key);
        for (const [suffix, field] of FIELDS) {
            const raw = data[field];
            const value = Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? raw.join('\n') : raw;
            if (typeof value !== 'string' || value === '') {
                throw new ServerError(`${where}: Vault's answer has no data.${field}; 'pki' takes an endpoint that issues a certificate and its key (such as pki/issue/<role>), as vault-action does.`, res.status);
            }
            ctx.mask(value);
            out.push({
                name: normalizeName(`${normalizeName(r.name)}_${suffix}`).toUpperCase(),
                outputName: normalizeName(`${r.name}_${suffix}`),
                mapped: true,
                value,
                source: `vault ${r.path} data.${field} (pki line ${r.line})`,
            });
        }
        ctx.debug(`Vault issued a certificate at ${r.path} (serial number ${String(data.serial_number ?? '?')})`);
    }
    return out;
}

/** The cleanup kind export_token: child records (providers/index.ts routes 'vault-\u2026' kinds here). */
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
        http: withTls(ctx.http, vault.tls),
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
        http: withTls(ctx.http, vault.tls),
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

function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function pushFlat(out, v) {
    if (v === undefined)
        return;
    if (Array.isArray(v))
        for (const x of v)
            out.push(x);
    else
        out.push(v);
}
function lookupField(input, key) {
    if (Array.isArray(input)) {
        const out = [];
        for (const item of input)
            pushFlat(out, lookupField(item, key));
        return out.length === 0 ? undefined : out;
    }
    return isObject(input) && Object.hasOwn(input, key) ? input[key] : undefined;
}
function wildcardValues(input) {
    if (Array.isArray(input)) {
        const out = [];
        for (const item of input)
            pushFlat(out, wildcardValues(item));
        return out;
    }
    if (!isObject(input))
        return undefined;
    const out = [];
    for (const k of Object.keys(input))
        pushFlat(out, input[k]);
    return out;
}
/** Evaluates compiled steps against the secret's data map with JSONata's sequence rules. */
function evaluatePath(steps, data) {
    let seq = [data];
    for (const step of steps) {
        const results = [];
        for (const item of seq) {
            let res = step.kind === 'context'
                ? item
                : step.kind === 'wildcard'
                    ? wildcardValues(item)
                    : lookupField(item, step.name ?? '');
            for (const n of step.index) {
                const arr = Array.isArray(res) ? res : res === undefined ? [] : [res];
                let idx = Math.floor(n);
                if (idx < 0)
                    idx += arr.length;
                res = arr[idx];
            }
            if (res !== undefined)
                results.push(res);
        }
        seq = [];
        for (const r of results)
            pushFlat(seq, r);
    }
    if (seq.length === 0)
        return undefined;
    return seq.length === 1 ? seq[0] : seq;
}

// From a selected JSON value to the exported text (docs/protocols/vault.md#values, VLT-GRM-7). Pure.
/** vault-action: strings byte for byte, everything else compact JSON. */
function stringifyValue(v) {
    if (typeof v === 'string')
        return v;
    return JSON.stringify(v) ?? '';
}
/** Every string leaf of a JSON value (to mask the parts of an object or array value). */
function stringLeaves(v, out = []) {
    if (typeof v === 'string')
        out.push(v);
    else if (Array.isArray(v))
        for (const x of v)
            stringLeaves(x, out);
    else if (v !== null && typeof v === 'object')
        for (const x of Object.values(v))
            stringLeaves(x, out);
    return out;
}
/**
 * Decodes base64 (both alphabets) or hex strictly: ASCII whitespace is allowed, anything else outside
 * the alphabet is an error (the vendor's Buffer decoders skip it silently). `where` names the entry.
 */
function decodeValue(text, encoding, where) {
    const compact = text.replace(/[ \t\r\n\f\v]/g, '');
    const ok = encoding === 'hex'
        ? /^(?:[0-9a-fA-F]{2})*$/.test(compact)
        : /^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) && compact.replace(/=+$/, '').length % 4 !== 1;
    if (!ok)
        throw new InputError(`${where}: the value is not valid ${encoding} (input 'encoding' is '${encoding}').`);
    return Buffer.from(compact, encoding === 'hex' ? 'hex' : 'base64').toString('utf8');
}

// HashiCorp Vault / OpenBao (docs/protocols/vault.md): the given token, or one from a login method
// (login.ts, loaded only then); one GET per distinct path, 8 at a time (a folder line: one LIST per
// folder first, folders.ts), no lookup-self on the success path (auth.ts); optionally a child token
// for later steps. The post step revokes what the run created (revoke.ts): the child, and a login's
// token unless exportToken/outputToken keep it.
function create(vault, runCtx) {
    const { url, ctx } = vaultContext(vault, runCtx, 'the secrets');
    const method = vault.login ?? { method: 'token' };
    const publish = vault.publishToken ?? { env: false, output: false };
    if (publish.env && vault.exportToken === 'child') {
        throw new InputError("Inputs 'exportToken' and 'export_token: child' both export VAULT_TOKEN (the run's token and a child of it); give one of them.");
    }
    // vault-action's `pki`: parsed now, before any request; issued after the login.
    const pki = vault.pki === undefined ? undefined : parsePki(vault.pki);
    // A given token is checked now, before any request; a login happens in fetch.
    const given = method.method === 'token' ? login(vault, url, ctx) : undefined;
    function valueOf(raw, where) {
        let value = stringifyValue(raw);
        if (typeof raw !== 'string')
            for (const leaf of stringLeaves(raw))
                if (leaf.length >= 3)
                    ctx.mask(leaf);
        if (vault.encoding) {
            ctx.mask(value);
            value = decodeValue(value, vault.encoding, where);
        }
        ctx.mask(value);
        return value;
    }
    function secretsOf(r, data, v2) {
        const at = `${secretsLine(r.line)} (${r.path})`;
        if (r.wildcard) {
            // A folder line's {path}: the secret's path below the folder, '/' as '_'.
            const prefix = (r.prefix ?? '').replaceAll(PATH_PLACEHOLDER, (r.inFolder ?? '').replaceAll('/', '_'));
            return Object.keys(data).map((key) => {
                const outputName = normalizeName(prefix + key);
                const name = r.wildcard === '*' ? outputName.toUpperCase() : outputName;
                const raw = evaluatePath([{ kind: 'name', name: key, index: [], predicated: false }], data);
                const expr = key.includes('.') ? `\`${key}\`` : `"${key}"`;
                if (raw === undefined) {
                    throw new ServerError(`${at}: Unable to retrieve result for ${v2 ? 'data.data.' : 'data.'}${expr}. No match data was found (key ${JSON.stringify(key)} holds an empty array).`);
                }
                if (outputName === '')
                    throw new InputError(`${at}: the key ${JSON.stringify(key)} gives an empty name; map it with '| NAME' instead of '${r.selector}'.`);
                return {
                    name,
                    outputName,
                    value: valueOf(raw, `${at}, key ${JSON.stringify(key)}`),
                    source: `vault ${r.path} key ${JSON.stringify(key)} (line ${r.line})`,
                };
            });
        }
        const raw = evaluatePath(r.steps, data);
        if (raw === undefined) {
            const hint = r.selector.includes('.') && Object.hasOwn(data, r.selector)
                ? ` The secret has a key named ${JSON.stringify(r.selector)}: select it with \`${r.selector}\` (backticks).`
                : '';
            throw new ServerError(`${at}: Unable to retrieve result for ${v2 ? 'data.data.' : 'data.'}${r.expression}. No match data was found. Double check your Key or Selector.${hint}`);
        }
        return [
            {
                name: r.envName,
                outputName: r.outputName,
                value: valueOf(raw, `${at}, selector ${r.selector}`),
                source: `vault ${r.path} ${r.selector} (line ${r.line})`,
                mapped: true,
            },
        ];
    }
    return {
        kind: 'vault',
        parse: parseVaultMapping,
        async fetch(requests) {
            if (given)
                return readAll(given, requests);
            const { logIn } = await import('./providers-vault-login-BiLizFMZ.js');
            const base = { http: ctx.http, url, namespace: vault.namespace, headers: vault.extraHeaders };
            const created = await logIn(method, base, ctx);
            // Kept when vault-action's exportToken/outputToken hand it to later steps (vault-action #427);
            // a batch token cannot be revoked (it expires).
            const revocable = !publish.env && !publish.output && !created.batch;
            try {
                const session = loggedIn(vault, url, created.token, ctx);
                const result = await readAll(session, requests, created);
                if (!revocable)
                    return result;
                const revoke = {
                    kind: LOGIN_TOKEN_CLEANUP,
                    data: { url, namespace: vault.namespace ?? '', token: created.token },
                };
                // First recorded, last run: after the child (revoked with this token) is gone.
                return { secrets: result.secrets, cleanups: [revoke, ...result.cleanups] };
            }
            catch (err) {
                // Nothing is exported, so nothing needs the token: revoke it now (best effort).
                if (revocable)
                    await revokeSelf({ ...base, token: created.token }).catch(() => undefined);
                throw err;
            }
        },
    };
    async function readAll(session, requests, created) {
        const ep = session.ep;
        {
            if (requests.length === 0 && !pki && vault.exportToken !== 'child' && !publish.env && !publish.output) {
                ctx.warning("Input 'secrets' has no entries: nothing to read from Vault (add lines like 'secret/data/ci npmToken | NPM_TOKEN').");
            }
            // A folder's size is known once listed: checked for one use per folder line at least.
            if (vault.checkToken)
                await session.checkToken(new Set(requests.map((r) => r.path)).size);
            requests = await expandFolders(requests, {
                list: (path) => listPath(ep, path),
                forbidden: (path, res) => session.forbidden(`LIST ${path}`, res),
                ignoreNotFound: vault.ignoreNotFound,
                warning: ctx.warning,
            });
            const paths = [...new Set(requests.map((r) => r.path))];
            const results = new Map();
            await pool(paths, CONCURRENCY, async (path) => {
                const res = await readPath(ep, path);
                if (res.kind === 'forbidden')
                    throw await session.forbidden(path, res);
                // Every value fetched is a secret from now on, selected or not: a later error may echo it.
                if (res.kind === 'ok')
                    for (const leaf of stringLeaves(res.data))
                        if (leaf.length >= 3)
                            ctx.mask(leaf);
                results.set(path, res);
            });
            const out = [];
            const cleanups = [];
            const reported = new Set();
            const folderSources = new Set();
            for (const r of requests) {
                const res = results.get(r.path);
                // Listed but without a current version (deleted or destroyed): nothing to read in it.
                if (res.kind === 'not-found' && r.inFolder !== undefined) {
                    ctx.debug(`${r.path}: listed, but its current version is deleted; skipped.`);
                    continue;
                }
                if (res.kind === 'not-found') {
                    // VLT-ERR-1: the vendor's text, plus hints.
                    let message = `Unable to retrieve result for "${r.path}" because it was not found: ${res.errors}`;
                    if (res.deleted)
                        message += ' (that version is deleted or destroyed)';
                    if (res.versioned)
                        message += `. The mount is a KV v2 (versioned) engine: insert /data/ after the mount, e.g. "${r.path.replace(/^([^/]+)\//, '$1/data/')}"`;
                    if (vault.namespace)
                        message += ` (namespace '${vault.namespace}')`;
                    if (vault.ignoreNotFound) {
                        if (!reported.has(r.path))
                            ctx.warning(`\u2718 ${message}; skipped (ignore_not_found).`);
                        reported.add(r.path);
                        continue;
                    }
                    throw new ServerError(`${secretsLine(r.line)}: ${message}. Vault answers 404 for a missing path or key, and also when the path is outside what the token may see.`, 404);
                }
                if (res.kind !== 'ok')
                    throw new ServerError(`Vault refused "${r.path}".`, 403); // forbidden reads threw above
                const found = secretsOf(r, res.data, res.v2);
                if (r.inFolder !== undefined)
                    for (const f of found)
                        folderSources.add(f.source);
                out.push(...found);
            }
            if (pki)
                out.push(...(await issue(ep, pki, ctx)));
            // VLT-GRM-5: two entries or wildcard keys giving one name: refuse, naming both.
            const seen = new Map();
            for (const s of out) {
                const first = seen.get(s.name);
                if (first)
                    throw new InputError(`Input 'secrets': ${s.name} would be exported twice: from ${first.source} and from ${s.source}. Map one of them with '| NAME'${folderSources.has(s.source) || folderSources.has(first.source) ? ` (on a folder line, '| ${PATH_PLACEHOLDER}_' puts each secret's path in its names)` : ''}.`);
                seen.set(s.name, s);
            }
            if (vault.exportToken === 'child') {
                if (seen.has('VAULT_TOKEN'))
                    throw new InputError(`Input 'secrets': VAULT_TOKEN is produced by ${seen.get('VAULT_TOKEN').source}, but export_token: child exports the child token under that name.`);
                const child = await createChildToken(ep, { ttlSeconds: vault.ttlSeconds, numUses: vault.numUses, policies: vault.policies }, ctx.mask);
                // The pipeline records it before exporting anything: whatever happens next, the post step revokes it.
                cleanups.push({
                    kind: CHILD_TOKEN_CLEANUP,
                    // A login's token is in no input: the post step revokes the child with it.
                    data: {
                        url,
                        namespace: vault.namespace ?? '',
                        accessor: child.accessor,
                        ...(created ? { token: created.token } : {}),
                    },
                });
                out.push({
                    name: 'VAULT_TOKEN',
                    outputName: 'VAULT_TOKEN',
                    mapped: true,
                    value: child.token,
                    source: 'vault child token (export_token: child)',
                });
            }
            // vault-action's exportToken (env only, even with exportEnv false) and outputToken (output only).
            const source = `vault token (${created ? 'from the login' : 'as given'})`;
            if (publish.env)
                out.push({ name: 'VAULT_TOKEN', outputName: 'VAULT_TOKEN', value: ep.token, source, only: 'env' });
            if (publish.output)
                out.push({ name: 'vault_token', outputName: 'vault_token', value: ep.token, source, only: 'output' });
            return { secrets: out, cleanups };
        }
    }
}

var index = /*#__PURE__*/Object.freeze({
    __proto__: null,
    create: create
});

export { apiUrl as a, vaultContext as b, stringLeaves as c, revoke as d, headers as h, index as i, loginRequest as l, revokeSelf as r, statusError as s, vaultErrors as v };
