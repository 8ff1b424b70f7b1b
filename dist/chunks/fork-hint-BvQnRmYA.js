import { S as ServerError, L as causeChain, I as InputError, M as readInfisical, N as getInput, O as hasIdentityLogin, P as assertClientPair, F as ActionError, E as ENV_NAME, Q as createProvider } from './oidc-0Za1oKzq.js';
import { isAbsolute, join } from 'node:path';

function tooLarge(opts, status) {
    return new ServerError(`${opts.where}: response larger than ${opts.maxBodyBytes} bytes`, status);
}
/**
 * Reads a whole body, refusing more than the limit (the declared length first, then what arrives),
 * so a hostile server cannot exhaust memory; a connection cut mid-body is an ECONNRESET, retried.
 */
async function readLimited(body, declaredLength, status, opts) {
    const refuse = () => {
        // A late stream error after destroy() must not become an uncaught exception.
        body.on('error', () => { });
        body.destroy();
        throw tooLarge(opts, status);
    };
    if (Number(declaredLength ?? 0) > opts.maxBodyBytes)
        refuse();
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > opts.maxBodyBytes)
            refuse();
        chunks.push(chunk);
    }
    if (body.complete === false)
        throw Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' });
    return Buffer.concat(chunks).toString('utf8');
}

const clients = new Map();
/** node:https only for https URLs (it loads TLS); one keep-alive agent per protocol. */
function clientFor(protocol, ca) {
    let client = clients.get(protocol);
    if (!client) {
        client =
            protocol === 'https:'
                ? Promise.all([
                    import('node:https'),
                    ca === undefined ? undefined : Promise.resolve().then(function () { return tls; }).then((t) => t.trustStore(ca)),
                ]).then(([m, trusted]) => ({
                    request: m.request,
                    agent: new m.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }),
                }))
                : import('node:http').then((m) => ({ request: m.request, agent: new m.Agent({ keepAlive: true }) }));
        clients.set(protocol, client);
    }
    return client;
}
function nodeExchange(url, opts) {
    return clientFor(url.protocol, opts.ca).then(({ request, agent }) => new Promise((resolve, reject) => {
        const req = request(url, { method: opts.method, headers: opts.headers, agent, signal: opts.signal }, (res) => {
            const status = res.statusCode ?? 0;
            readLimited(res, res.headers['content-length'], status, opts).then((text) => resolve({ status, headers: res.headers, text }), reject);
        });
        req.on('error', (err) => reject(opts.signal.aborted ? Object.assign(new Error('timed out'), { code: 'ETIMEDOUT', cause: err }) : err));
        req.end(opts.body);
    }));
}

// Private certificate authorities and what to say when a server's certificate is not trusted.
// Pure helpers plus one lazy builder: node:tls is imported only when a `ca_certificate` is given.
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n\t ]+?)-----END CERTIFICATE-----/g;
/**
 * The certificates of a PEM text, each as its own normalised block; undefined when the text is not
 * one or more `BEGIN CERTIFICATE` blocks (anything else between blocks, such as a private key or
 * stray text, is refused so a wrong paste is caught before any connection).
 */
function parsePemCertificates(text) {
    const blocks = [];
    let rest = text;
    for (const m of text.matchAll(PEM_BLOCK)) {
        const body = m[1].replace(/\s+/g, '');
        if (body.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
            return undefined;
        blocks.push(`-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----`);
        rest = rest.replace(m[0], '');
    }
    // Comments like "# Corp root" or "subject=..." lines (openssl x509 -text output keeps them) are fine.
    if (blocks.length === 0 || /-----BEGIN|-----END/.test(rest))
        return undefined;
    return blocks;
}
/**
 * The trust store to use with a `ca_certificate`: Node's default CAs (bundled roots and, when set,
 * NODE_EXTRA_CA_CERTS) plus the given ones. Giving `ca` to a TLS connection replaces the default
 * store, so the defaults are added back explicitly: the input adds trust, it never removes it.
 */
async function trustStore(pem) {
    const extra = parsePemCertificates(pem) ?? [];
    const tls = await import('node:tls');
    const getCa = tls.getCACertificates;
    let defaults;
    if (typeof getCa === 'function') {
        // Node ≥ 22.15: exactly what Node would trust by default, extra certificates included.
        defaults = getCa('default');
    }
    else {
        defaults = [...tls.rootCertificates];
        const file = process.env.NODE_EXTRA_CA_CERTS;
        if (file) {
            try {
                const { readFileSync } = await import('node:fs');
                defaults.push(...(parsePemCertificates(readFileSync(file, 'utf8')) ?? []));
            }
            catch {
                // Node itself only warns when the file is unreadable; so do we (by not adding it).
            }
        }
    }
    return [...defaults, ...extra];
}
/** Node's codes for a certificate that could not be verified or does not match the host. */
const CERT_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** The certificate error code in an error or its causes, if any. */
function certificateErrorCode(err) {
    for (const e of causeChain(err)) {
        const code = e.code;
        if (typeof code === 'string' && CERT_CODES.has(code))
            return code;
    }
    return undefined;
}
/**
 * A certificate failure as one clear, non-retried error naming the host and the fix; undefined
 * for any other error. `where` is method and path (never the query).
 */
function certificateError(err, url, where) {
    const code = certificateErrorCode(err);
    if (code === undefined)
        return undefined;
    const host = url.host;
    const fix = "If the server uses a private or corporate certificate authority, give that CA's certificate (PEM) in the 'ca_certificate' input, or point NODE_EXTRA_CA_CERTS at a file holding it.";
    let what;
    switch (code) {
        case 'CERT_HAS_EXPIRED':
            what = `the TLS certificate of ${host} has expired`;
            break;
        case 'CERT_NOT_YET_VALID':
            what = `the TLS certificate of ${host} is not valid yet (check the clocks)`;
            break;
        case 'ERR_TLS_CERT_ALTNAME_INVALID':
            what = `the TLS certificate of ${host} is not issued for that host name`;
            break;
        case 'DEPTH_ZERO_SELF_SIGNED_CERT':
            what = `${host} presents a self-signed TLS certificate, which is not trusted`;
            break;
        default:
            what = `the TLS certificate of ${host} is not signed by a trusted certificate authority`;
    }
    const serverSide = code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'ERR_TLS_CERT_ALTNAME_INVALID';
    const hint = serverSide
        ? `The server's certificate must be fixed ('ca_certificate' only adds trusted authorities). ${fix}`
        : fix;
    return new ServerError(`${where}: ${what} (${code}). ${hint}`, undefined, { cause: err });
}

var tls = /*#__PURE__*/Object.freeze({
    __proto__: null,
    certificateError: certificateError,
    certificateErrorCode: certificateErrorCode,
    parsePemCertificates: parsePemCertificates,
    trustStore: trustStore
});

// The one HTTP client. Every connection the action opens goes through here: per-request timeout,
// an overall deadline, bounded retries with backoff that honours Retry-After, a size limit on
// bodies, and errors and debug lines that carry method, path and status only — never headers,
// bodies or query strings, which may hold tokens.
// The transport is Node's own http/https (node.ts), the cheapest client to start; proxy.ts (undici)
// is loaded only when a proxy variable is set.
// Rate limits and gateway hiccups pass; everything else 4xx is the caller's mistake and repeats.
const RETRY_STATUS = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
const MAX_BACKOFF_MS = 8_000;
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The request's path, for messages: no origin, no query (ids in paths are not secret). */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return '(invalid URL)';
    }
}
/** Parses Retry-After (delta-seconds or HTTP-date) into milliseconds from now. */
function parseRetryAfter(value, now) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v.trim() === '')
        return undefined;
    if (/^\s*\d+\s*$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function errorCode(err) {
    for (const e of causeChain(err)) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
        if (e.name === 'TimeoutError')
            return 'ETIMEDOUT';
    }
    return 'UNKNOWN';
}
/**
 * Whether a proxy variable is set that could apply to this URL (as undici reads them: https uses
 * HTTPS_PROXY, else HTTP_PROXY; http uses HTTP_PROXY). NO_PROXY is left to undici's
 * EnvHttpProxyAgent. Without any, the undici package (~50 ms to load) is never loaded.
 */
function proxyConfigured(url, env = process.env) {
    const http = Boolean(env.http_proxy || env.HTTP_PROXY);
    return url.protocol === 'https:' ? http || Boolean(env.https_proxy || env.HTTPS_PROXY) : http;
}
/** Sends one request and reads its answer; network failures reject with Node's error codes. */
async function exchange(url, opts) {
    try {
        if (proxyConfigured(url))
            return await (await import('./proxy-av5Br572.js')).proxyExchange(url, opts);
        return await nodeExchange(url, opts);
    }
    catch (err) {
        // An untrusted certificate will not be trusted on the next attempt either: one clear error.
        throw certificateError(err, url, opts.where) ?? err;
    }
}
function createHttpClient(opts) {
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? defaultSleep;
    const maxAttempts = opts.maxAttempts ?? 5;
    const base = opts.backoffBaseMs ?? 500;
    const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
    const deadline = now() + opts.deadlineMs;
    const debug = opts.debug ?? (() => { });
    async function attempt(req) {
        const timeout = Math.max(1, Math.min(opts.timeoutMs, deadline - now()));
        const signal = AbortSignal.timeout(timeout);
        const headers = { ...(opts.userAgent ? { 'user-agent': opts.userAgent } : {}), ...req.headers };
        const where = `${req.method} ${pathOf(req.url)}`;
        let url = new URL(req.url);
        for (let hops = 0;; hops++) {
            const res = await exchange(url, {
                method: req.method,
                headers,
                body: req.body,
                signal,
                maxBodyBytes: maxBody,
                where,
                ca: opts.ca,
            });
            const location = res.headers.location;
            if (res.status >= 300 &&
                res.status < 400 &&
                typeof location === 'string' &&
                req.method === 'GET' &&
                hops < (req.maxRedirects ?? 0)) {
                const next = new URL(location, url);
                if (url.protocol === 'https:' && next.protocol !== 'https:') {
                    throw new ServerError(`${where}: refusing a redirect from https to ${next.protocol}`, res.status);
                }
                url = next;
                continue;
            }
            return res;
        }
    }
    function backoff(n) {
        return Math.random() * Math.min(MAX_BACKOFF_MS, base * 2 ** (n - 1));
    }
    return {
        async send(req) {
            const where = `${req.method} ${pathOf(req.url)}`;
            const retryStatuses = req.retryStatuses ?? RETRY_STATUS;
            const attempts = req.maxAttempts ?? maxAttempts;
            for (let n = 1;; n++) {
                const started = now();
                let wait;
                try {
                    const res = await attempt(req);
                    debug(`${where} → ${res.status} in ${now() - started} ms`);
                    if (!retryStatuses.has(res.status) || n >= attempts)
                        return res;
                    wait = parseRetryAfter(res.headers['retry-after'], now()) ?? backoff(n);
                    if (now() + wait > deadline)
                        return res;
                }
                catch (err) {
                    if (err instanceof ServerError)
                        throw err;
                    const code = errorCode(err);
                    debug(`${where} → ${code} after ${now() - started} ms`);
                    const timedOut = code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT');
                    const outOfTime = now() >= deadline;
                    if (!RETRY_CODES.has(code) || n >= attempts || outOfTime) {
                        const what = timedOut ? 'timed out' : `failed (${code})`;
                        throw new ServerError(`${where} ${what} after ${n} attempt${n > 1 ? 's' : ''}`, undefined, { cause: err });
                    }
                    wait = backoff(n);
                    if (now() + wait > deadline)
                        wait = Math.max(0, deadline - now());
                }
                debug(`${where}: retrying in ${Math.round(wait)} ms (attempt ${n + 1} of ${attempts})`);
                await sleep(wait);
            }
        },
    };
}

var client = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createHttpClient: createHttpClient,
    exchange: exchange,
    parseRetryAfter: parseRetryAfter,
    pathOf: pathOf,
    proxyConfigured: proxyConfigured
});

// Typed readers over one source of input text: the runner's INPUT_* variables for the action, the
// command line for the CLI. Each reader names the input in its error and rejects what it cannot
// read (never coerces). Pure apart from the source it is given.
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/**
 * Checks a server URL: https, or plain http to a loopback host only (a token must not cross a
 * network in clear text). Trailing slashes are removed so paths join cleanly.
 */
function normalizeServerUrl(value, input) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(`Input '${input}' is not a valid URL (expected e.g. https://secrets.example.com).`);
    }
    if (url.username || url.password)
        throw new InputError(`Input '${input}' must not contain credentials.`);
    if (url.search || url.hash)
        throw new InputError(`Input '${input}' must not contain a query or fragment.`);
    const loopback = LOOPBACK.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(`Input '${input}' must use https:// (plain http:// is allowed only for localhost and 127.0.0.1).`);
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
/** A duration: seconds, or Go-style `90s`, `10m`, `1h`, `1h30m`. */
function parseDuration(text) {
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
    if (/^\d+$/.test(text))
        return Number(text);
    if (!m || text === '')
        return undefined;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
function createInputReader(source) {
    const text = (name, options) => source(name, options);
    return {
        text,
        optional: (name) => text(name) || undefined,
        either(names, options) {
            let found;
            for (const name of names) {
                const v = text(name, options);
                if (v === '')
                    continue;
                if (found && found[1] !== v) {
                    throw new InputError(`Inputs '${found[0]}' and '${name}' are two names for the same setting but have different values; give only one of them.`);
                }
                found ??= [name, v];
            }
            return found?.[1] ?? '';
        },
        required(name) {
            const v = text(name);
            if (v === '')
                throw new InputError(`Input '${name}' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it.`);
            return v;
        },
        boolean(name, fallback) {
            const v = text(name);
            if (v === '')
                return fallback;
            if (['true', 'True', 'TRUE'].includes(v))
                return true;
            if (['false', 'False', 'FALSE'].includes(v))
                return false;
            throw new InputError(`Input '${name}' must be 'true' or 'false', got '${v}'.`);
        },
        choice(name, choices) {
            const v = text(name).toLowerCase();
            if (v === '')
                return choices[0];
            if (choices.includes(v))
                return v;
            throw new InputError(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got '${v}'.`);
        },
        duration(name, fallback) {
            const v = text(name);
            if (v === '')
                return fallback;
            const n = parseDuration(v);
            if (n === undefined)
                throw new InputError(`Input '${name}' must be a duration like '90s', '10m' or '1h', got '${v}'.`);
            return n;
        },
        url(name) {
            const v = text(name);
            return v === '' ? undefined : normalizeServerUrl(v, name);
        },
    };
}

// Bitwarden's inputs: its slice of Settings and how it is read.
function readBitwarden(read, { accessToken, baseUrl }) {
    const region = read.text('cloud_region').toLowerCase();
    if (region !== '' && region !== 'us' && region !== 'eu') {
        throw new InputError(`Input 'cloud_region' must be 'us' or 'eu' (or left empty for a custom server URL).`);
    }
    return Object.freeze({
        accessToken,
        baseUrl,
        cloudRegion: region === '' ? undefined : region,
        identityUrl: read.url('identity_url'),
        apiUrl: read.url('api_url'),
    });
}

// HashiCorp Vault's inputs: its slice of Settings and how it is read.
function readVault(read, { accessToken, baseUrl, env }) {
    let url = baseUrl;
    let urlProblem;
    const addr = env.VAULT_ADDR ?? '';
    if (url === undefined && addr !== '') {
        try {
            url = normalizeServerUrl(addr, 'VAULT_ADDR');
        }
        catch (err) {
            urlProblem = err.message.replace("Input 'VAULT_ADDR'", 'The environment variable VAULT_ADDR');
        }
    }
    const namespace = (read.text('namespace') || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '');
    const encoding = read.text('encoding');
    if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
        throw new InputError(`Input 'encoding' must be 'base64' or 'hex' (or empty), got '${encoding}'.`);
    }
    const exportToken = read.text('export_token');
    if (exportToken !== '' && exportToken !== 'child') {
        throw new InputError(`Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`);
    }
    const uses = read.text('num_uses');
    if (uses !== '' && !/^\d{1,9}$/.test(uses))
        throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`);
    const policies = read
        .text('policies')
        .split(/[,\s]+/)
        .filter((p) => p !== '');
    return Object.freeze({
        accessToken,
        url,
        urlProblem,
        namespace: namespace === '' ? undefined : namespace,
        checkToken: read.boolean('check_token', false),
        minTtlSeconds: read.duration('min_ttl', 600),
        encoding: encoding === '' ? undefined : encoding,
        ignoreNotFound: read.boolean('ignore_not_found', false),
        exportToken: exportToken === '' ? undefined : exportToken,
        ttlSeconds: read.duration('ttl', 900),
        numUses: uses === '' || uses === '0' ? undefined : Number(uses),
        policies: policies.length === 0 ? undefined : Object.freeze(policies),
    });
}

const PROVIDER_KINDS = ['bitwarden', 'infisical', 'vault'];

// Reads every input once into one frozen, validated Settings, with each vendor's slice apart (a
// wing is given only its own). The action reads the runner's INPUT_* variables (runnerInputs); the
// CLI gives its command line as the source. core.getInput appears nowhere else.
const PROVIDER_CHOICES = ['auto', ...PROVIDER_KINDS];
/** The action's inputs: INPUT_<NAME> as the runner sets them (defaults from action.yml filled in). */
const runnerInputs = (name, options) => getInput(name, { trimWhitespace: options?.trim ?? true });
/** sm-action semantics: only a case-insensitive 'false' turns it off (docs/protocols/bitwarden.md). */
function readSetEnv(read, warning) {
    const v = read.text('set_env');
    if (v.toLowerCase() === 'false')
        return false;
    if (!['', 'true', 'True', 'TRUE'].includes(v)) {
        warning(`Input 'set_env' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`);
    }
    return true;
}
function readTimeout(read) {
    const v = read.text('timeout');
    if (v === '')
        return 60;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3600) {
        throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got '${v}'.`);
    }
    return n;
}
/**
 * `access_token` is required, except that an Infisical machine identity (client_id + client_secret,
 * or Infisical/secrets-action's identity-id and method) may stand in for it; then it is ''.
 */
function readAccessToken(read) {
    const token = read.text('access_token');
    if (token !== '')
        return token;
    if (hasIdentityLogin(read))
        return '';
    const pair = assertClientPair(read, " (or give 'access_token' instead)");
    return pair === 'both' ? '' : read.required('access_token');
}
/** PEM text of one or more CA certificates, checked before any connection; absent when empty. */
function readCaCertificate(read) {
    const v = read.text('ca_certificate');
    if (v === '')
        return undefined;
    const certs = parsePemCertificates(v);
    if (certs === undefined) {
        throw new InputError(`Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`);
    }
    return certs.join('\n');
}
/** export_file resolved (relative → under RUNNER_TEMP), with its format and keep_file. */
function readExportFile(read, env) {
    const path = read.text('export_file');
    const format = read.choice('export_format', ['dotenv', 'json']);
    const keep = read.boolean('keep_file', false);
    if (path === '')
        return undefined;
    if (/[\0\r\n]/.test(path))
        throw new InputError(`Input 'export_file' must be a single-line path.`);
    let absolute = path;
    if (!isAbsolute(path)) {
        const temp = env.RUNNER_TEMP ?? '';
        if (temp === '')
            throw new InputError(`Input 'export_file' is a relative path ('${path}'), which is taken under RUNNER_TEMP, but RUNNER_TEMP is not set; give an absolute path.`);
        absolute = join(temp, path);
    }
    return Object.freeze({ path: absolute, format, keep });
}
function readSettings(source = runnerInputs, options = {}) {
    const read = createInputReader(source);
    const env = options.env ?? process.env;
    const common = { accessToken: readAccessToken(read), baseUrl: read.url('base_url'), env };
    const { accessToken, baseUrl } = common;
    const infisical = readInfisical(read, common);
    const setEnv = readSetEnv(read, options.warning ?? (() => { }));
    const keep = read.boolean('keep_file', false);
    return Object.freeze({
        provider: read.choice('provider', PROVIDER_CHOICES),
        accessToken,
        secrets: read.text('secrets', { trim: false }),
        baseUrl,
        // Infisical's `export-type: file` writes the file and exports no env, as its action does.
        setEnv: infisical.fileOutputPath === undefined && setEnv,
        timeoutSeconds: readTimeout(read),
        allowDangerousNames: read.boolean('allow_dangerous_names', false),
        caCertificate: readCaCertificate(read),
        bitwarden: readBitwarden(read, common),
        infisical,
        vault: readVault(read, common),
        summary: read.boolean('summary', true),
        exportFile: infisical.fileOutputPath === undefined
            ? readExportFile(read, env)
            : Object.freeze({
                path: infisical.fileOutputPath,
                format: read.choice('export_format', ['dotenv', 'json']),
                keep,
            }),
    });
}

var inputs = /*#__PURE__*/Object.freeze({
    __proto__: null,
    PROVIDER_CHOICES: PROVIDER_CHOICES,
    readSettings: readSettings,
    runnerInputs: runnerInputs
});

// The names a run exports under, checked before anything is written: valid as env and output
// names, used once each, and harmless as environment variables. Pure.
// Variables that change how every later step runs: a secret exported under one of these names
// would load code (NODE_OPTIONS, LD_PRELOAD, DYLD_*, BASH_ENV, ENV), redirect programs (PATH,
// LD_LIBRARY_PATH) or impersonate the runner (GITHUB_*, RUNNER_*, ACTIONS_*). Case-insensitive,
// because Windows environment names are.
const DANGEROUS = /^(NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_.*|BASH_ENV|ENV|PATH|GITHUB_.*|RUNNER_.*|ACTIONS_.*)$/i;
// Output names are written unchecked too; letters, digits, '_' and '-' are all any provider needs.
const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/;
/** The step output's name: the env name unless the provider gave another. */
function outputNameOf(s) {
    return s.outputName ?? s.name;
}
/** Checks every export name before the first write: valid, used once, and harmless as an env var. */
function assertExportable(secrets, opts) {
    const seen = new Set();
    const outputs = new Set();
    for (const s of secrets) {
        if (opts.setEnv && !opts.allowDangerousNames && DANGEROUS.test(s.name)) {
            throw new ActionError(`Refusing to export ${s.name} (${s.source}) as an environment variable: it would change how every later step runs ` +
                '(NODE_OPTIONS, LD_PRELOAD, LD_LIBRARY_PATH, DYLD_*, BASH_ENV, ENV, PATH, GITHUB_*, RUNNER_*, ACTIONS_* are refused). ' +
                "Map it to another name, or set 'allow_dangerous_names: true' if you mean it.");
        }
        // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
        if (!ENV_NAME.test(s.name))
            throw new ActionError(`Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`);
        if (seen.has(s.name))
            throw new ActionError(`Refusing to export ${s.name} twice (${s.source}).`);
        seen.add(s.name);
        const output = outputNameOf(s);
        if (!OUTPUT_NAME.test(output))
            throw new ActionError(`Refusing to set the output ${JSON.stringify(output)} (${s.source}): not a valid output name.`);
        // Expressions read outputs case-insensitively (steps.x.outputs.npmToken is outputs.NPMTOKEN).
        if (outputs.has(output.toLowerCase()))
            throw new ActionError(`Refusing to set the output ${output} twice, ignoring case (${s.source}).`);
        outputs.add(output.toLowerCase());
    }
}

// The pipeline, for the action and the CLI alike:
// read the inputs → pick the provider → log in, fetch and decrypt everything asked for → check every
// name → mask every value → record what the post step must undo → export.
// Nothing is exported until everything has been fetched: a run exports every secret or none.
async function run(rt) {
    const { masks } = rt;
    const log = {
        info: (message) => rt.log.info(masks.scrub(message)),
        warning: (message) => rt.log.warning(masks.scrub(message)),
        debug: (message) => rt.log.debug(masks.scrub(message)),
    };
    const settings = await readInputs(rt, log);
    // Before anything else is printed: the token as given (a pasted newline is trimmed already).
    masks.mask(settings.accessToken);
    const http = createHttpClient({
        timeoutMs: Math.min(30_000, settings.timeoutSeconds * 1000),
        deadlineMs: settings.timeoutSeconds * 1000,
        userAgent: rt.userAgent,
        ca: settings.caCertificate,
        debug: log.debug,
    });
    const provider = await (rt.createProvider ?? createProvider)(settings, {
        http,
        mask: masks.mask,
        warning: log.warning,
        debug: log.debug,
        now: Date.now,
        async idToken(audience, reason) {
            const { fetchIdToken } = await import('./oidc-0Za1oKzq.js').then(function (n) { return n.U; });
            const token = await fetchIdToken(http, audience, reason, rt.env);
            masks.mask(token);
            return token;
        },
    });
    const { requests, warnings } = provider.parse(settings.secrets);
    warnings.forEach((w) => log.warning(w));
    const { secrets, cleanups } = await provider.fetch(requests);
    assertExportable(secrets, settings);
    for (const s of secrets)
        masks.mask(s.value);
    // Before any export: whatever fails next, the post step still undoes what the provider did.
    recordCleanups(rt, cleanups, log);
    await rt.publish(secrets, { settings, provider: provider.kind });
    const n = secrets.length;
    log.info(`inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${provider.kind}: ${secrets.map((s) => s.name).join(', ')}`);
    return { secrets, provider: provider.kind };
}
async function readInputs(rt, log) {
    try {
        return readSettings(rt.inputs, { warning: log.warning, env: rt.env });
    }
    catch (err) {
        // An empty credential: say why when the event explains it (a pull request from a fork gets no secrets).
        throw await (await Promise.resolve().then(function () { return forkHint$1; })).withForkHint(err);
    }
}
function recordCleanups(rt, cleanups, log) {
    if (cleanups.length === 0)
        return;
    if (rt.recordCleanups)
        rt.recordCleanups(cleanups);
    else
        log.warning('This run cannot record what the post step would undo (no post step runs here).');
}

// Why a credential input is empty, when the event says why: GitHub passes no repository or
// environment secrets to a `pull_request` run from a fork, and Dependabot's runs get Dependabot's
// secrets only. Loaded with import() only when reading the inputs failed, and @actions/github (about
// a megabyte with Octokit) only when the failure is an empty credential.
/** The inputs that normally come from `${{ secrets.… }}`. */
const MISSING_CREDENTIAL = /^Input '(access_token|client_id|client_secret)' is empty\b/;
const PR_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/** A repository name from the event payload, safe to print (owner/name characters only, bounded). */
function repoName(name) {
    return (name ?? '').replace(/[^\w.\-/]/g, '').slice(0, 200) || '(deleted fork)';
}
/** The hint for this event, or undefined when the event gives no reason for missing secrets. */
function forkHint(ctx) {
    const event = ctx.eventName ?? '';
    const pr = ctx.payload.pull_request;
    if (PR_EVENTS.has(event) && pr) {
        const head = pr.head?.repo;
        const base = pr.base?.repo?.full_name ?? ctx.payload.repository?.full_name;
        const fromFork = head === null ||
            head === undefined ||
            head.fork === true ||
            (head.full_name !== undefined && base !== undefined && head.full_name !== base);
        if (fromFork) {
            return (`This run is a '${event}' event for a pull request from the fork ${repoName(head?.full_name)} into ${repoName(base)}: ` +
                'GitHub passes no repository or environment secrets to such runs (and only a read-only GITHUB_TOKEN). ' +
                "Skip this step for forks (if: github.event.pull_request.head.repo.full_name == github.repository), or use 'pull_request_target' " +
                "with care: it runs the base branch's workflow with secrets, so never check out or run the pull request's code in that job; " +
                'a deployment environment with required reviewers adds a human approval before secrets are used.');
        }
    }
    if (ctx.actor === 'dependabot[bot]') {
        return (`This run was triggered by Dependabot ('${event}' event): such runs get Dependabot secrets, not Actions secrets. ` +
            'Add the secret under Settings → Secrets and variables → Dependabot as well.');
    }
    return undefined;
}
/**
 * Returns the error to report: an empty-credential InputError gets the event's explanation appended
 * (it keeps its class and start, so the README's troubleshooting row still matches); anything else
 * comes back unchanged.
 */
async function withForkHint(err) {
    if (!(err instanceof InputError) || !MISSING_CREDENTIAL.test(err.message))
        return err;
    if (!process.env.GITHUB_EVENT_NAME)
        return err;
    let hint;
    try {
        const { context } = await import('./github-BBhfjpif.js');
        hint = forkHint(context);
    }
    catch {
        return err; // an unreadable event file must not hide the original error
    }
    return hint === undefined ? err : new InputError(`${err.message} ${hint}`, { cause: err });
}

var forkHint$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    forkHint: forkHint,
    withForkHint: withForkHint
});

export { runnerInputs as a, readLimited as b, client as c, inputs as i, outputNameOf as o, run as r, trustStore as t };
