import * as os from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { isAbsolute, join } from 'node:path';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}

// Error classes whose messages are safe to print: they are built from names, ids, line numbers,
// HTTP statuses and paths, never from secret values, tokens or keys.
/** Base class: every error the action raises on purpose. */
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** The workflow's inputs are wrong: the message names the input and, where there is one, the line. */
class InputError extends ActionError {
}
/** A server answered, but not with what the protocol promises (or with an error status). */
class ServerError extends ActionError {
    status;
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
/** Decryption or integrity failure: a MAC/tag mismatch, a bad key, an unsupported format. */
class CryptoError extends ActionError {
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
    let e = err;
    for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
        const code = e.code;
        if (typeof code === 'string' && CERT_CODES.has(code))
            return code;
        e = e.cause;
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
            return await (await import('./chunks/proxy-Ixc7kUpl.js')).proxyExchange(url, opts);
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
/** Parses a JSON body; a non-JSON body is a ServerError that quotes nothing of it. */
function parseJson(res, where) {
    try {
        return JSON.parse(res.text);
    }
    catch {
        const type = res.headers['content-type'] ?? 'no content type';
        throw new ServerError(`${where}: expected JSON, got ${res.text.length} bytes of ${String(type)} (HTTP ${res.status})`, res.status);
    }
}

// What every grammar of the `secrets:` input shares: numbered meaningful lines, the env-name rule,
// and errors that name the input and the line. Pure: no I/O, no @actions/*.
/** The runner's and sm-action v2's env-name rule. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// A comment starts at a '#' that begins the line or follows whitespace, so ids and names keep any '#'
// that is glued to other text.
const COMMENT = /(^|\s)#.*$/;
/** Splits an input into numbered, trimmed, comment-free, non-blank lines (CR, LF or CRLF). */
function meaningfulLines(input) {
    const out = [];
    input.split(/\r\n|\r|\n/).forEach((raw, i) => {
        const text = raw.replace(COMMENT, '').trim();
        if (text !== '')
            out.push({ line: i + 1, text });
    });
    return out;
}
/** Quotes user text for an error message: short, one line, escapes visible. */
function quote(text, max = 60) {
    const shown = text.length > max ? `${text.slice(0, max)}…` : text;
    return JSON.stringify(shown);
}
/** An InputError for line `line` of the `secrets` input. */
function lineError(line, rule) {
    return new InputError(`Input 'secrets', line ${line}: ${rule}.`);
}
function assertEnvName(name, line) {
    if (!ENV_NAME.test(name)) {
        throw lineError(line, `${quote(name)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)`);
    }
}

// The Infisical grammar of the `secrets:` input. Pure: no I/O, no @actions/*.
//   KEY > NAME            the secret KEY at the environment and `secret_path` of the run
//   KEY                   the same, exported under its own name (which must be a valid env name)
//   /path/KEY > NAME      the secret KEY in folder /path (same environment); `/path/KEY` alone too
//   *                     every secret in scope (the vendor action's behaviour), each under its key;
//                         an empty input (or only comments) means the same
// Blank lines and comments (`# …` on their own line, or after whitespace) are ignored.
/**
 * Normalises a folder path as Infisical's server does, and as users write it (secrets-action #4):
 * `sub`, `/sub` and `/sub/` are all `/sub`; '' is `/`. Undefined when it is not a folder path.
 */
function normalizeSecretPath(text) {
    const t = text.trim();
    if (t === '' || t === '/')
        return '/';
    const segments = t.replace(/^\//, '').replace(/\/$/, '').split('/');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not be in a path
    if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\s\u0000-\u001f\u007f*]/.test(s)))
        return undefined;
    return `/${segments.join('/')}`;
}
// A key is any run of printable characters without whitespace, '>' or '/' (Infisical keys are
// single tokens; '/' separates folders). Control characters would reach the error's example raw.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not be in a key
const KEY = /^[^\s>/\u0000-\u001f\u007f]+$/;
function parseSource(source, line) {
    if (source.startsWith('/')) {
        const slash = source.lastIndexOf('/');
        const key = source.slice(slash + 1);
        const folder = source.slice(0, slash);
        const path = folder.endsWith('/') ? undefined : normalizeSecretPath(folder);
        if (key === '*')
            throw lineError(line, "a folder wildcard is not supported: use '*' and set 'secret_path' (and 'recursive') instead");
        if (key === '')
            throw lineError(line, `${quote(source)} ends with '/': name the secret key after the folder ('/folder/KEY')`);
        if (path === undefined)
            throw lineError(line, `${quote(folder)} is not a folder path (use '/folder/sub', no empty, '.' or '..' parts)`);
        if (!KEY.test(key))
            throw lineError(line, `${quote(key)} is not a secret key (no spaces or control characters)`);
        return { key, path };
    }
    if (source.includes('/'))
        throw lineError(line, `${quote(source)}: start a folder path with '/' ('/folder/KEY')`);
    if (!KEY.test(source))
        throw lineError(line, `${quote(source)} is not a secret key (no spaces or control characters)`);
    return { key: source };
}
function parseLine({ line, text }) {
    const pieces = text.split('>');
    if (pieces.length > 2)
        throw lineError(line, "it has more than one '>' (expected 'KEY > ENV_NAME')");
    const source = pieces[0].trim();
    if (source === '*') {
        if (pieces.length === 2)
            throw lineError(line, `'*' exports each secret under its own key; remove '> ${pieces[1].trim()}'`);
        return { kind: 'all', line };
    }
    if (source === '')
        throw lineError(line, "the secret key before '>' is empty");
    const { key, path } = parseSource(source, line);
    if (pieces.length === 1) {
        if (!ENV_NAME.test(key)) {
            throw lineError(line, `the key ${quote(key)} is not a valid environment variable name; map it explicitly${exampleMapping(source, key)}`);
        }
        return { kind: 'key', line, key, ...(path === undefined ? {} : { path }), envName: key };
    }
    const envName = pieces[1].trim();
    if (envName === '')
        throw lineError(line, "the environment variable name after '>' is empty");
    assertEnvName(envName, line);
    return { kind: 'key', line, key, ...(path === undefined ? {} : { path }), envName };
}
/** A valid env name close to a key, for the error's example. */
function suggestName(key) {
    const name = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
    return /^[0-9]/.test(name) ? `_${name}` : name;
}
/** ", e.g. '<source> > NAME'" for an invalid key; nothing when the key is too long to echo usefully. */
function exampleMapping(source, key) {
    return source.length <= 60 ? `, e.g. '${source} > ${suggestName(key)}'` : '';
}
/**
 * Parses the Infisical `secrets` input. Throws InputError naming the line and the rule broken.
 * An empty input (no entries) asks for everything in scope.
 */
function parseInfisicalMapping(input) {
    const requests = [];
    const envLines = new Map();
    let wildcard;
    for (const entry of meaningfulLines(input)) {
        const request = parseLine(entry);
        if (request.kind === 'all') {
            if (wildcard !== undefined)
                throw lineError(request.line, `it repeats the '*' of line ${wildcard}`);
            wildcard = request.line;
        }
        else {
            const first = envLines.get(request.envName);
            if (first !== undefined)
                throw lineError(request.line, `the name ${request.envName} is already used on line ${first}; names must be unique`);
            envLines.set(request.envName, request.line);
        }
        requests.push(request);
    }
    if (requests.length === 0)
        return { requests: [{ kind: 'all', line: 0 }], warnings: [] };
    return { requests, warnings: [] };
}

// Reads every action input once into one frozen, validated Settings. getInput appears nowhere else.
const PROVIDER_CHOICES = ['auto', 'bitwarden', 'infisical', 'vault'];
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/**
 * Checks a server URL: https, or plain http to a loopback host only (a token must not cross a
 * network in clear text). Trailing slashes are removed so paths join cleanly (BW-URL-1).
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
function optionalUrl(name) {
    const v = getInput(name);
    return v === '' ? undefined : normalizeServerUrl(v, name);
}
function readRegion() {
    const v = getInput('cloud_region').toLowerCase();
    if (v === '')
        return undefined;
    if (v === 'us' || v === 'eu')
        return v;
    throw new InputError(`Input 'cloud_region' must be 'us' or 'eu' (or left empty for a custom server URL).`);
}
/** sm-action semantics: only a case-insensitive 'false' turns it off (BW-COMPAT-3). */
function readSetEnv() {
    const v = getInput('set_env');
    if (v.toLowerCase() === 'false')
        return false;
    if (!['', 'true', 'True', 'TRUE'].includes(v)) {
        warning(`Input 'set_env' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`);
    }
    return true;
}
/** Strict YAML 1.2 booleans, as core.getBooleanInput, but naming the input in our own error. */
function readBoolean(name, fallback) {
    const v = getInput(name);
    if (v === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError(`Input '${name}' must be 'true' or 'false', got '${v}'.`);
}
function readTimeout() {
    const v = getInput('timeout');
    if (v === '')
        return 60;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3600) {
        throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got '${v}'.`);
    }
    return n;
}
/** A required input; whitespace alone counts as missing (getInput's own check does not). */
function readRequired(name) {
    const v = getInput(name);
    if (v === '')
        throw new InputError(`Input '${name}' is empty: it is required. If it comes from a secret, check the secret's name and that this workflow can read it.`);
    return v;
}
function readChoice(name, choices) {
    const v = getInput(name).toLowerCase();
    if (v === '')
        return choices[0];
    if (choices.includes(v))
        return v;
    throw new InputError(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got '${v}'.`);
}
/**
 * `access_token` is required, except that an Infisical machine identity (client_id + client_secret)
 * may stand in for it; then it is ''.
 */
function readAccessToken() {
    const token = getInput('access_token');
    if (token !== '')
        return token;
    const pair = assertClientPair(" (or give 'access_token' instead)");
    return pair === 'both' ? '' : readRequired('access_token');
}
/** client_id and client_secret come together: 'both', 'neither', or an error naming the missing one. */
function assertClientPair(hint = '') {
    const id = getInput('client_id') !== '';
    const secret = getInput('client_secret') !== '';
    if (id !== secret) {
        throw new InputError(`Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`);
    }
    return id ? 'both' : 'neither';
}
function readInfisical() {
    const pathText = getInput('secret_path');
    const secretPath = pathText === '' ? undefined : normalizeSecretPath(pathText);
    if (secretPath === undefined && pathText !== '') {
        throw new InputError(`Input 'secret_path' is not a folder path (e.g. '/backend' or '/backend/api'), got '${pathText}'.`);
    }
    const optional = (name) => getInput(name) || undefined;
    assertClientPair();
    const clientId = optional('client_id');
    const clientSecret = optional('client_secret');
    return Object.freeze({
        environment: optional('environment'),
        secretPath,
        recursive: readBoolean('recursive', false),
        includeImports: readBoolean('include_imports', true),
        clientId,
        clientSecret,
        project: optional('project'),
    });
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
function readDuration(name, fallback) {
    const v = getInput(name);
    if (v === '')
        return fallback;
    const n = parseDuration(v);
    if (n === undefined)
        throw new InputError(`Input '${name}' must be a duration like '90s', '10m' or '1h', got '${v}'.`);
    return n;
}
function readVault(baseUrl) {
    let url = baseUrl;
    let urlProblem;
    const addr = process.env.VAULT_ADDR ?? '';
    if (url === undefined && addr !== '') {
        try {
            url = normalizeServerUrl(addr, 'VAULT_ADDR');
        }
        catch (err) {
            urlProblem = err.message.replace("Input 'VAULT_ADDR'", 'The environment variable VAULT_ADDR');
        }
    }
    const namespace = (getInput('namespace') || (process.env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '');
    const encoding = getInput('encoding');
    if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
        throw new InputError(`Input 'encoding' must be 'base64' or 'hex' (or empty), got '${encoding}'.`);
    }
    const exportToken = getInput('export_token');
    if (exportToken !== '' && exportToken !== 'child') {
        throw new InputError(`Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`);
    }
    const uses = getInput('num_uses');
    if (uses !== '' && !/^\d{1,9}$/.test(uses))
        throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`);
    const policyList = getInput('policies');
    const policies = policyList.split(/[,\s]+/).filter((p) => p !== '');
    return Object.freeze({
        url,
        urlProblem,
        namespace: namespace === '' ? undefined : namespace,
        checkToken: readBoolean('check_token', false),
        minTtlSeconds: readDuration('min_ttl', 600),
        encoding: encoding === '' ? undefined : encoding,
        ignoreNotFound: readBoolean('ignore_not_found', false),
        exportToken: exportToken === '' ? undefined : exportToken,
        ttlSeconds: readDuration('ttl', 900),
        numUses: uses === '' || uses === '0' ? undefined : Number(uses),
        policies: policies.length === 0 ? undefined : Object.freeze(policies),
    });
}
function readBitwarden() {
    return Object.freeze({
        cloudRegion: readRegion(),
        identityUrl: optionalUrl('identity_url'),
        apiUrl: optionalUrl('api_url'),
    });
}
/** PEM text of one or more CA certificates, checked before any connection; absent when empty. */
function readCaCertificate() {
    const v = getInput('ca_certificate');
    if (v === '')
        return undefined;
    const certs = parsePemCertificates(v);
    if (certs === undefined) {
        throw new InputError(`Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`);
    }
    return certs.join('\n');
}
/** export_file resolved (relative → under RUNNER_TEMP), with its format and keep_file. */
function readExportFile() {
    const path = getInput('export_file');
    const format = readChoice('export_format', ['dotenv', 'json']);
    const keep = readBoolean('keep_file', false);
    if (path === '')
        return undefined;
    if (/[\0\r\n]/.test(path))
        throw new InputError(`Input 'export_file' must be a single-line path.`);
    let absolute = path;
    if (!isAbsolute(path)) {
        const temp = process.env.RUNNER_TEMP ?? '';
        if (temp === '')
            throw new InputError(`Input 'export_file' is a relative path ('${path}'), which is taken under RUNNER_TEMP, but RUNNER_TEMP is not set; give an absolute path.`);
        absolute = join(temp, path);
    }
    return Object.freeze({ path: absolute, format, keep });
}
function readSettings() {
    const baseUrl = optionalUrl('base_url');
    return Object.freeze({
        provider: readChoice('provider', PROVIDER_CHOICES),
        accessToken: readAccessToken(),
        secrets: getInput('secrets', { trimWhitespace: false }),
        baseUrl,
        setEnv: readSetEnv(),
        timeoutSeconds: readTimeout(),
        allowDangerousNames: readBoolean('allow_dangerous_names', false),
        caCertificate: readCaCertificate(),
        bitwarden: readBitwarden(),
        infisical: readInfisical(),
        vault: readVault(baseUrl),
        summary: readBoolean('summary', true),
        exportFile: readExportFile(),
    });
}

// Token shapes that select a provider when `provider` is 'auto'. Bitwarden's `0.<id>.<secret>:<key>`
// is the fallback, so that a damaged Bitwarden token gets Bitwarden's precise parse error rather
// than "unknown token".
const TOKEN_SHAPES = [
    // Infisical service token `st.<id>.<secret>.<key>` (spec §2.2 step 2).
    ['infisical', /^st\./],
    // Vault: hvs./hvb./hvr. (1.10+), legacy s./b./r. (≤ 1.9, OpenBao) (vault spec VLT-TOK-1).
    ['vault', /^(hvs|hvb|hvr|s|b|r)\.\S/],
];
/**
 * Picks the provider: the `provider` input when it names one, else the token's shape. With no token
 * but an Infisical `client_id` (a machine identity), Infisical.
 */
function detectProvider(token, choice = 'auto', hasClientId = false) {
    if (choice !== 'auto')
        return choice;
    const t = token.trim();
    if (t === '' && hasClientId)
        return 'infisical';
    return TOKEN_SHAPES.find(([, shape]) => shape.test(t))?.[0] ?? 'bitwarden';
}
/** Creates the provider for a token; its module is loaded only when that provider is used. */
async function createProvider(settings, ctx) {
    switch (detectProvider(settings.accessToken, settings.provider, settings.infisical.clientId !== undefined)) {
        case 'bitwarden': {
            const { createBitwardenProvider } = await import('./chunks/index-Ccf0DwY4.js').then(function (n) { return n.i; });
            return createBitwardenProvider(settings, ctx);
        }
        case 'vault': {
            const { createVaultProvider } = await import('./chunks/vault-B2WBca1O.js');
            return createVaultProvider(settings, ctx);
        }
        case 'infisical': {
            const { createInfisicalProvider } = await import('./chunks/infisical-BppiJBeP.js');
            return createInfisicalProvider(settings, ctx);
        }
    }
}

// Everything the action must never print — tokens, their parts, session tokens, every fetched
// value — is registered here once: as runner masks (::add-mask::) and with the scrubber that every
// error, warning and debug line passes through before it is written.
const known = new Set();
let longestFirst = [];
/** JSON's escaped form of a string, when it differs (quotes, backslashes, control characters). */
function jsonEscaped(s) {
    const e = JSON.stringify(s).slice(1, -1);
    return e === s ? undefined : e;
}
/**
 * The strings to mask for a value: the value, each non-blank line trimmed (the runner matches masks
 * against one log line at a time, so a multi-line value masked only whole would leak its lines: the
 * sm-action and vault-action multi-line bugs), and the JSON-escaped form of each, since a value
 * quoted in a JSON log line appears escaped.
 */
function masksFor(value) {
    if (value === '')
        return [];
    const lines = value
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const forms = [value, ...lines];
    const escaped = forms.map(jsonEscaped).filter((e) => e !== undefined);
    return [...new Set([...forms, ...escaped])];
}
/** Registers a secret: runner masks for all its forms, and the scrubber learns them. */
function mask(value) {
    let added = false;
    for (const m of masksFor(value)) {
        if (known.has(m))
            continue;
        known.add(m);
        setSecret(m);
        added = true;
    }
    if (added)
        longestFirst = [...known].sort((a, b) => b.length - a.length);
}
/** Replaces every registered secret in a text with ***; for every message the action writes. */
function scrub(text) {
    let out = text;
    for (const s of longestFirst)
        if (out.includes(s))
            out = out.split(s).join('***');
    return out.includes('…') ? scrubCutPrefixes(out) : out;
}
// A server's error text is bounded with '…'; a cut inside an echoed secret leaves its start just
// before the '…', which no whole-secret mask matches. Prefixes shorter than this are left alone.
const MIN_PREFIX = 4;
function scrubCutPrefixes(text) {
    let out = '';
    let from = 0;
    for (let p = text.indexOf('…'); p >= 0; p = text.indexOf('…', p + 1)) {
        let cut = 0;
        for (const s of longestFirst) {
            if (s.length <= MIN_PREFIX)
                continue;
            const head = s.slice(0, MIN_PREFIX);
            for (let i = text.indexOf(head, Math.max(from, p - s.length + 1)); i >= 0 && i <= p - MIN_PREFIX; i = text.indexOf(head, i + 1)) {
                if (p - i > cut && s.startsWith(text.slice(i, p))) {
                    cut = p - i;
                    break;
                }
            }
        }
        out += `${text.slice(from, p - cut)}${cut > 0 ? '***' : ''}…`;
        from = p + 1;
    }
    return out + text.slice(from);
}

// The runner side: mask every value (masking.ts), then export to env and outputs.
// Nothing is written until every name has been checked, so a bad name exports nothing.
// Variables that change how every later step runs: a secret exported under one of these names
// would load code (NODE_OPTIONS, LD_PRELOAD, DYLD_*, BASH_ENV, ENV), redirect programs (PATH,
// LD_LIBRARY_PATH) or impersonate the runner (GITHUB_*, RUNNER_*, ACTIONS_*). Case-insensitive,
// because Windows environment names are.
const DANGEROUS = /^(NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_.*|BASH_ENV|ENV|PATH|GITHUB_.*|RUNNER_.*|ACTIONS_.*)$/i;
// Output names are written unchecked too; letters, digits, '_' and '-' are all any provider needs.
const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/;
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
/** Masks every value, then exports each to env (when set_env) and to the step outputs. */
function reveal(secrets, opts) {
    assertExportable(secrets, opts);
    for (const s of secrets)
        mask(s.value);
    for (const s of secrets) {
        if (opts.setEnv)
            exportVariable(s.name, s.value);
        setOutput(outputNameOf(s), s.value);
    }
}
/**
 * Everything a run exports. export_file first (names checked and values masked before it), so a
 * failed write exports nothing; then env and outputs, and a failure there removes the file again.
 */
async function exportAll(secrets, opts) {
    let removeFile;
    if (opts.exportFile) {
        assertExportable(secrets, opts);
        for (const s of secrets)
            mask(s.value);
        const { exportToFile } = await import('./chunks/export-file-C-lFFeGl.js');
        removeFile = exportToFile(secrets, opts.exportFile, opts.saveState);
    }
    try {
        reveal(secrets, opts);
        if (opts.exportFile)
            setOutput('export_file', opts.exportFile.path);
    }
    catch (err) {
        removeFile?.();
        throw err;
    }
}

// The pipeline: read the inputs → pick the provider from the token → parse the mapping → log in,
// fetch and decrypt everything → mask every value → export. Nothing is exported unless all succeeded.
const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)';
async function run() {
    let settings;
    try {
        settings = readSettings();
    }
    catch (err) {
        // An empty credential: say why when the event explains it (a pull request from a fork gets no secrets).
        throw await (await import('./chunks/fork-hint-DzwzqrQA.js')).withForkHint(err);
    }
    // Before anything else is printed: the token as given and trimmed (a pasted newline is common).
    mask(settings.accessToken);
    const http = createHttpClient({
        timeoutMs: Math.min(30_000, settings.timeoutSeconds * 1000),
        deadlineMs: settings.timeoutSeconds * 1000,
        userAgent: USER_AGENT,
        ca: settings.caCertificate,
        debug: (line) => debug(scrub(line)),
    });
    const provider = await createProvider(settings, {
        http,
        mask,
        warning: (message) => warning(scrub(message)),
        debug: (message) => debug(scrub(message)),
        now: Date.now,
        saveState: (key, value) => saveState(key, value),
    });
    const { requests, warnings } = provider.parse(settings.secrets);
    warnings.forEach((w) => warning(scrub(w)));
    const secrets = await provider.fetch(requests);
    await exportAll(secrets, {
        setEnv: settings.setEnv,
        allowDangerousNames: settings.allowDangerousNames,
        exportFile: settings.exportFile,
        saveState: (key, value) => saveState(key, value),
    });
    // The job summary, only once everything is exported; loaded only when a summary is written.
    if (settings.summary && process.env.GITHUB_STEP_SUMMARY) {
        try {
            const { writeSummary } = await import('./chunks/summary-DBt2yJoO.js');
            const file = settings.exportFile && {
                path: settings.exportFile.path,
                format: settings.exportFile.format,
                kept: settings.exportFile.keep,
            };
            writeSummary(secrets, { provider: provider.kind, setEnv: settings.setEnv, file, scrub });
        }
        catch (err) {
            warning(scrub(`inject-secrets: the job summary could not be written (the secrets were exported): ${err instanceof Error ? err.message : String(err)}`));
        }
    }
    info(`inject-secrets: ${secrets.length} secret${secrets.length === 1 ? '' : 's'} from ${provider.kind}: ${secrets.map((s) => s.name).join(', ')}`);
}

// Entry point: run the pipeline and turn anything thrown into one failed-step message.
run()
    .catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    setFailed(scrub(`inject-secrets: ${message}`));
})
    // Everything is written; idle keep-alive connections would hold the process open ~100 ms more.
    // Exit once stdout has drained (setFailed has set process.exitCode).
    .finally(() => process.stdout.write('', () => process.exit()));

export { CryptoError as C, ENV_NAME as E, InputError as I, ServerError as S, assertEnvName as a, parseInfisicalMapping as b, exampleMapping as e, lineError as l, meaningfulLines as m, parseJson as p, quote as q, readLimited as r, trustStore as t };
