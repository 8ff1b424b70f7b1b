import { c as certificateError, S as ServerError } from './tls-Diw98ybN.js';

const clients = new Map();
/** node:https only for https URLs (it loads TLS); one keep-alive agent per protocol. */
function clientFor(protocol, ca) {
    let client = clients.get(protocol);
    if (!client) {
        client =
            protocol === 'https:'
                ? Promise.all([
                    import('node:https'),
                    ca === undefined ? undefined : import('./tls-Diw98ybN.js').then(function (n) { return n.a; }).then((t) => t.trustStore(ca)),
                ]).then(([m, trusted]) => ({
                    request: m.request,
                    agent: new m.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }),
                }))
                : import('node:http').then((m) => ({ request: m.request, agent: new m.Agent({ keepAlive: true }) }));
        clients.set(protocol, client);
    }
    return client;
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
/** Sends one request and reads its answer; network failures reject with Node's error codes. */
async function exchange(url, opts) {
    try {
        if (proxyConfigured(url))
            return await (await import('./proxy-B3LYXXFU.js')).proxyExchange(url, opts);
        return await nodeExchange(url, opts);
    }
    catch (err) {
        // An untrusted certificate will not be trusted on the next attempt either: one clear error.
        throw certificateError(err, url, opts.where) ?? err;
    }
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

// The one HTTP client. Every connection the action opens goes through here: per-request timeout,
// an overall deadline, bounded retries with backoff that honours Retry-After, a size limit on
// bodies, and errors and debug lines that carry method, path and status only — never headers,
// bodies or query strings, which may hold tokens.
// The transport (transport.ts) is Node's own http/https, the cheapest client to start.
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
    let e = err;
    for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
        if (e.name === 'TimeoutError')
            return 'ETIMEDOUT';
        e = e.cause;
    }
    return 'UNKNOWN';
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

var http = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createHttpClient: createHttpClient,
    parseRetryAfter: parseRetryAfter,
    pathOf: pathOf
});

export { http as h, readLimited as r };
