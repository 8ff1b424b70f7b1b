import { j as jsonObjectOf, o as oneLine, S as ServerError, p as parseJson, i as isObject$1, I as InputError, e as parseVaultToken, s as secretsLine, A as ActionError, l as lineError, q as quote, E as ENV_NAME } from './startup-B0l7F2rJ.js';

const READ_RETRY = new Set([408, 412, 429, 500, 502, 503, 504]);
const NO_RETRY = new Set();
const MAX_ERROR_TEXT = 300;
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
function vaultWarnings(body) {
    if (!isObject$1(body) || !Array.isArray(body.warnings))
        return [];
    return body.warnings.filter((w) => typeof w === 'string').map((w) => oneLine(w, MAX_ERROR_TEXT));
}
function statusError(res, what) {
    const errs = vaultErrors(res);
    return new ServerError(`Vault returned ${res.status}${errs ? ` (${errs})` : ''} for ${what}`, res.status);
}
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
    if (inner !== undefined && inner !== null) {
        if (!isObject$1(inner))
            throw new ServerError(`Vault's answer for ${where}: data.data is not an object.`, res.status);
        return { kind: 'ok', data: inner, v2: true };
    }
    return { kind: 'ok', data: body.data, v2: false };
}
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
function withTls(http, tls) {
    return tls === undefined
        ? http
        : { send: (req) => http.send({ ...req, tls }), preconnect: (url) => http.preconnect(url, tls) };
}
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

function vaultContext(vault, runCtx, exposed) {
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
async function revokeAccessor(ep, accessor) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-accessor'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify({ accessor }),
        retryStatuses: NO_RETRY,
        maxAttempts: 2,
    });
}
async function revokeSelf(ep) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-self'),
        headers: headers(ep),
        retryStatuses: NO_RETRY,
        maxAttempts: 2,
    });
}

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
    if (!info && used === '' && /^(hv)?[sb]\.[^.]+\.[^.]+$/.test(token)) {
        return " The token has a namespace suffix: set 'namespace' (or VAULT_NAMESPACE) to the namespace it was created in.";
    }
    return '';
}
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

const MAX_FOLDERS = 1000;
const MAX_FOLDER_SECRETS = 10_000;
function folderPaths(path) {
    const segs = path.split('/');
    const i = segs.indexOf('data', 1);
    if (i < 1)
        return { list: path, read: path };
    return { list: [...segs.slice(0, i), 'metadata', ...segs.slice(i + 1)].join('/'), read: path };
}
const KEY = /^(?!\.\.?\/?$)[^/?#]+\/?$/;
async function expandFolders(requests, ctx) {
    const lines = requests.filter((r) => r.folder);
    if (lines.length === 0)
        return requests;
    const found = new Map();
    let listed = 0;
    let secrets = 0;
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
                    return;
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

class SelectorSyntaxError extends ActionError {
}
class SelectorUnsupportedError extends ActionError {
}
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
function parseSelector(text) {
    if (text.length > MAX_SELECTOR)
        throw new SelectorUnsupportedError(`it is longer than ${MAX_SELECTOR} characters`);
    const raw = new Parser(lex(text)).parse();
    switch (raw.k) {
        case 'lit':
            return raw.node;
        case 'name':
        case 'wild':
        case 'pred':
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
function needsName(node) {
    if (node.type === 'string')
        return false;
    if (node.type === 'path')
        return node.steps[0].predicated;
    return true;
}
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

function normalizeName(text) {
    return text
        .replaceAll('.', '__')
        .replaceAll('-', '')
        .replace(/[^\p{L}\p{N}_]/gu, '');
}
const PATH_PLACEHOLDER = '{path}';
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
            const lines = splitKeep(piece.text, /\r\n|\r|\n/g, piece.offset)
                .map(trimmed)
                .filter((l) => l.text !== '');
            if (!(err instanceof InputError) || lines.length < 2)
                throw err;
            for (const l of lines)
                requests.push(parseEntry(l.text, lineOf(input, l.offset)));
        }
    }
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

const FIELDS = [
    ['cert', 'certificate'],
    ['key', 'private_key'],
    ['ca', 'issuing_ca'],
    ['ca_chain', 'ca_chain'],
];
function pkiError(line, text) {
    return new InputError(`Input 'pki', line ${line}: ${text}.`);
}
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

const CHILD_TOKEN_CLEANUP = 'vault-revoke-child';
const LOGIN_TOKEN_CLEANUP = 'vault-revoke-login';
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
    if (res.status === 403) {
        ctx.info('Vault login token already gone (expired, used up or revoked).');
        return;
    }
    ctx.warning(`Vault login token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-self; it lives until its TTL ends.`);
}
async function revokeChild(data, vault, ctx) {
    const { url, namespace, accessor, token } = data;
    if (token)
        ctx.mask?.(token);
    if (!url || !accessor) {
        ctx.warning('Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.');
        return;
    }
    const res = await revokeAccessor({
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
    if (res.status === 400 && /invalid accessor/i.test(errs)) {
        ctx.info('Vault child token already gone (expired, used up or revoked).');
        return;
    }
    const hint = res.status === 403 ? " The parent token's policies must allow 'update' on auth/token/revoke-accessor." : '';
    ctx.warning(`Vault child token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-accessor; it lives until its TTL ends.${hint}`);
}
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

function stringifyValue(v) {
    if (typeof v === 'string')
        return v;
    return JSON.stringify(v) ?? '';
}
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
function decodeValue(text, encoding, where) {
    const compact = text.replace(/[ \t\r\n\f\v]/g, '');
    const ok = encoding === 'hex'
        ? /^(?:[0-9a-fA-F]{2})*$/.test(compact)
        : /^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) && compact.replace(/=+$/, '').length % 4 !== 1;
    if (!ok)
        throw new InputError(`${where}: the value is not valid ${encoding} (input 'encoding' is '${encoding}').`);
    return Buffer.from(compact, encoding === 'hex' ? 'hex' : 'base64').toString('utf8');
}

function create(vault, runCtx) {
    const { url, ctx } = vaultContext(vault, runCtx, 'the secrets');
    const method = vault.login ?? { method: 'token' };
    const publish = vault.publishToken ?? { env: false, output: false };
    if (publish.env && vault.exportToken === 'child') {
        throw new InputError("Inputs 'exportToken' and 'export_token: child' both export VAULT_TOKEN (the run's token and a child of it); give one of them.");
    }
    const pki = vault.pki === undefined ? undefined : parsePki(vault.pki);
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
            const { logIn } = await import('./providers-vault-login-D4YO5ssh.js');
            const base = { http: ctx.http, url, namespace: vault.namespace, headers: vault.extraHeaders };
            const created = await logIn(method, base, ctx);
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
                return { secrets: result.secrets, cleanups: [revoke, ...result.cleanups] };
            }
            catch (err) {
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
                if (res.kind === 'not-found' && r.inFolder !== undefined) {
                    ctx.debug(`${r.path}: listed, but its current version is deleted; skipped.`);
                    continue;
                }
                if (res.kind === 'not-found') {
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
                    throw new ServerError(`Vault refused "${r.path}".`, 403);
                const found = secretsOf(r, res.data, res.v2);
                if (r.inFolder !== undefined)
                    for (const f of found)
                        folderSources.add(f.source);
                out.push(...found);
            }
            if (pki)
                out.push(...(await issue(ep, pki, ctx)));
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
                cleanups.push({
                    kind: CHILD_TOKEN_CLEANUP,
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
