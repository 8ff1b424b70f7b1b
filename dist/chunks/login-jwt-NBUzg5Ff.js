import * as os from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { isAbsolute, resolve, join, relative, dirname, basename } from 'node:path';
import { randomBytes, createHmac, createHash, sign, createPrivateKey } from 'node:crypto';
import { mkdirSync, openSync, fchmodSync, writeSync, closeSync, renameSync, rmSync, lstatSync, unlinkSync } from 'node:fs';

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
/** "Input 'secrets', line N": how every message about one line of the mapping begins. */
function secretsLine(line) {
    return `Input 'secrets', line ${line}`;
}
/** An error and its causes (`cause` chains: where Node and undici put their codes), at most `depth`. */
function* causeChain(err, depth = 5) {
    let e = err;
    for (let i = 0; i < depth && e !== null && typeof e === 'object'; i++) {
        yield e;
        e = e.cause;
    }
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

const clients = new Map();
/**
 * node:https only for https URLs (it loads TLS); one keep-alive agent per protocol. Built-ins come
 * from process.getBuiltinModule, never import(): on Node 24 a dynamic import of node:http builds
 * its ESM namespace, which evaluates the lazy `WebSocket` getter and loads undici's WebSocket
 * (measured: 22–31 ms, against ~1.5 ms).
 */
function clientFor(protocol, ca) {
    let client = clients.get(protocol);
    if (!client) {
        if (protocol === 'https:') {
            const https = process.getBuiltinModule('node:https');
            client = (ca === undefined ? Promise.resolve(undefined) : Promise.resolve().then(function () { return tls; }).then((t) => t.trustStore(ca))).then((trusted) => ({
                request: https.request,
                agent: new https.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }),
            }));
        }
        else {
            const http = process.getBuiltinModule('node:http');
            client = Promise.resolve({ request: http.request, agent: new http.Agent({ keepAlive: true }) });
        }
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
    const tls = process.getBuiltinModule('node:tls');
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
                const { readFileSync } = process.getBuiltinModule('node:fs');
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
            return await (await import('./proxy-D1S13uOZ.js')).proxyExchange(url, opts);
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
                    const retryable = req.retryNetworkErrors === false ? code === 'ECONNREFUSED' : RETRY_CODES.has(code);
                    if (!retryable || n >= attempts || outOfTime) {
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
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}

// `extra-headers` (Infisical/secrets-action): one `Name: value` per line, sent on the login and on
// every read. As the vendor reads it: blank lines skipped, the name lower-cased, name and value
// trimmed, a repeated name's values joined with ", " (docs/protocols/infisical.md#extra-headers).
// Unlike the vendor, a line without ':' (which crashes it) or a header Node could not send is an
// error naming the input and the line, never quoting it: a header value is often a credential.
/** RFC 9110 token characters: what a header name may hold. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
/** Field values: visible ASCII and non-ASCII text, spaces and tabs; no control characters. */
const VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;
/** Names the HTTP client sets itself (framing, routing): another value would break the request. */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'keep-alive', 'te']);
const where = (line) => `Input 'extra-headers', line ${line}`;
/** The headers, or undefined when the input holds none. */
function parseExtraHeaders(text) {
    // No prototype: '__proto__' is a header name like any other.
    const headers = Object.create(null);
    let any = false;
    text.split('\n').forEach((raw, i) => {
        const line = raw.trim();
        if (line === '')
            return;
        const colon = line.indexOf(':');
        if (colon < 0)
            throw new InputError(`${where(i + 1)}: expected 'Name: value' (no ':' found).`);
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (!TOKEN.test(name))
            throw new InputError(`${where(i + 1)}: the header name before ':' is empty or not a valid HTTP header name.`);
        if (RESERVED.has(name))
            throw new InputError(`${where(i + 1)}: '${name}' is set by the HTTP client itself and cannot be given.`);
        if (!VALUE.test(value))
            throw new InputError(`${where(i + 1)}: the value of '${name}' contains a control character.`);
        headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
        any = true;
    });
    return any ? Object.freeze(headers) : undefined;
}

// Infisical's inputs: its slice of Settings and how it is read. Every input of Infisical/secrets-action
// (v1.0.15) is read under its own name too (docs/protocols/infisical.md#compatibility): where ours
// names the same setting, through read.either, so that the two names given with different values is
// an error. The vendor's defaults are applied here, never in action.yml, so an alias's default never
// collides with ours.
/** Infisical/secrets-action's `method` values. */
const INFISICAL_METHODS = ['universal', 'oidc', 'aws-iam'];
/** The environment's AWS credential; read only for `method: aws-iam`. */
function awsEnvironment(env) {
    const get = (name) => env[name]?.trim() || undefined;
    return Object.freeze({
        accessKeyId: get('AWS_ACCESS_KEY_ID'),
        secretAccessKey: get('AWS_SECRET_ACCESS_KEY'),
        sessionToken: get('AWS_SESSION_TOKEN'),
        region: get('AWS_REGION') ?? get('AWS_DEFAULT_REGION'),
    });
}
/** The vendor's `file-output-path` default. */
const VENDOR_FILE_OUTPUT_PATH = '/.env';
/** client id and secret come together: 'both', 'neither', or an error naming the missing one. */
function assertClientPair(read, hint = '') {
    const id = read.either(['client_id', 'client-id']) !== '';
    const secret = read.either(['client_secret', 'client-secret']) !== '';
    if (id !== secret) {
        throw new InputError(`Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`);
    }
    return id ? 'both' : 'neither';
}
/**
 * An Infisical machine identity other than client_id + client_secret stands in for access_token:
 * `identity-id`, or one of Infisical/secrets-action's `method`s (the wing then says what is missing).
 */
function hasIdentityLogin(read) {
    return read.text('identity-id') !== '' || isInfisicalMethod(read);
}
/**
 * Whether `method` is Infisical/secrets-action's: hashicorp/vault-action names its login input
 * `method` too. universal, oidc and aws-iam are Infisical's; with vault-action any other Vault
 * method (its own oidc, aws) needs `authPayload`, so with `authPayload` given the method is Vault's.
 */
function isInfisicalMethod(read) {
    const method = read.text('method').toLowerCase();
    return INFISICAL_METHODS.includes(method) && read.text('authPayload') === '';
}
/** include_imports or the vendor's include-imports, with getBooleanInput's spellings, naming the input given. */
function readIncludeImports(read) {
    read.either(['include_imports', 'include-imports']);
    return read.text('include_imports') !== ''
        ? read.boolean('include_imports', true)
        : read.boolean('include-imports', true);
}
/**
 * `export-type: file`: `file-output-path` under GITHUB_WORKSPACE, as the vendor joins them (its
 * default `/.env`); a path without a leading `/` is taken under the workspace too (the vendor's would
 * land beside it), and one that leaves the workspace is refused.
 */
function readFileOutputPath(read, env) {
    const type = read.choice('export-type', ['env', 'file']);
    const given = read.text('file-output-path');
    if (type !== 'file') {
        if (given !== '')
            throw new InputError("Input 'file-output-path' is given, but 'export-type' is not 'file'; set 'export-type: file'.");
        return undefined;
    }
    if (read.text('export_file') !== '')
        throw new InputError("Inputs 'export-type: file' and 'export_file' both name a file to write; give only one.");
    const path = given === '' ? VENDOR_FILE_OUTPUT_PATH : given;
    if (/[\0\r\n]/.test(path))
        throw new InputError(`Input 'file-output-path' must be a single-line path.`);
    const workspace = env.GITHUB_WORKSPACE ?? '';
    if (workspace === '' || !isAbsolute(workspace))
        throw new InputError("Input 'export-type' is 'file', which writes 'file-output-path' under GITHUB_WORKSPACE, but GITHUB_WORKSPACE is not set (outside a runner, use 'export_file').");
    const root = resolve(workspace);
    const absolute = resolve(join(root, path));
    const inside = relative(root, absolute);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
        throw new InputError(`Input 'file-output-path' ('${path}') must name a file inside the workspace (GITHUB_WORKSPACE); it does not.`);
    return absolute;
}
function readInfisical(read, { accessToken, baseUrl, env }) {
    assertClientPair(read);
    // base_url is read for every provider (CommonInputs); the vendor's `domain` names it for Infisical.
    read.either(['base_url', 'domain']);
    const domain = baseUrl === undefined ? read.url('domain') : undefined;
    const project = read.either(['project', 'project-slug']);
    const method = isInfisicalMethod(read) ? read.text('method').toLowerCase() : '';
    return Object.freeze({
        accessToken,
        baseUrl: baseUrl ?? domain,
        environment: read.either(['environment', 'env-slug']) || undefined,
        secretPath: read.either(['secret_path', 'secret-path']) || undefined,
        recursive: read.boolean('recursive', false),
        includeImports: readIncludeImports(read),
        clientId: read.either(['client_id', 'client-id']) || undefined,
        clientSecret: read.either(['client_secret', 'client-secret']) || undefined,
        project: project || undefined,
        projectKind: read.text('project-slug') !== '' ? 'slug' : undefined,
        method: method || undefined,
        identityId: read.optional('identity-id'),
        oidcAudience: read.optional('oidc-audience'),
        extraHeaders: parseExtraHeaders(read.text('extra-headers', { trim: false })),
        fileOutputPath: readFileOutputPath(read, env),
        aws: method === 'aws-iam' ? awsEnvironment(env) : undefined,
    });
}

// Infisical service token: `st.<tokenId>.<tokenSecret>.<symKey>`
// (docs/protocols/infisical.md#token-parsing). The bearer is everything before the last '.'; the
// key part is used only for E2EE decryption and never sent.
function fail(rule) {
    // Never quote the token: the rule alone says what to fix.
    throw new InputError(`Input 'access_token' is not a valid Infisical service token: ${rule}.`);
}
/** Detection (docs/protocols/infisical.md#service-token): a trimmed token that starts with `st.`. */
const TOKEN_SHAPE$1 = /^st\./;
/**
 * Splits a service token into its parts (docs/protocols/infisical.md#token-parsing, INF-TOK-1);
 * throws InputError naming the broken rule.
 */
function parseServiceToken(input) {
    const text = input.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
    const odd = text.search(/[^\x21-\x7e]/);
    if (odd >= 0)
        fail(`it contains a character that is not printable ASCII (at position ${odd + 1})`);
    if (!TOKEN_SHAPE$1.test(text))
        fail("it does not start with 'st.'");
    const parts = text.split('.');
    if (parts.length !== 4) {
        fail(`it has the wrong number of parts (expected 'st.<id>.<secret>.<key>', found ${parts.length} dot-separated parts)`);
    }
    const [, tokenId, tokenSecret, symKey] = parts;
    if (tokenId === '')
        fail("its id (after 'st.') is empty");
    if (tokenSecret === '')
        fail('its secret (the third part) is empty');
    if (symKey === '')
        fail('its key (the part after the last ".") is empty');
    return { text, bearer: `st.${tokenId}.${tokenSecret}`, tokenId, tokenSecret, symKey };
}

// The Vault token as given (docs/protocols/vault.md#tokens): only the prefix means anything to a client.
/** Prefixes that select Vault when `provider` is 'auto' (VLT-TOK-1). */
const TOKEN_SHAPE = /^(hvs|hvb|hvr|s|b|r)\.\S/;
const MAX_TOKEN_LENGTH = 8192;
/** Checks a token without validating its body (VLT-TOK-2); never echoes it. */
function parseVaultToken(raw) {
    const value = raw.trim();
    if (value === '')
        throw new InputError("Input 'access_token' is empty: give a Vault token (hvs.…, hvb.…, s.…).");
    // The token is a header value: printable ASCII only (anything else makes Node refuse the request).
    if (/[^\x21-\x7e]/.test(value)) {
        throw new InputError("Input 'access_token' contains whitespace, control or non-ASCII characters inside the token; a Vault token is one printable word.");
    }
    // Batch tokens run to a few hundred characters; past this a header would be refused anyway
    // (Node and Vault cap headers at 16 KiB), so say what is wrong before spending a request.
    if (value.length > MAX_TOKEN_LENGTH) {
        throw new InputError(`Input 'access_token' is ${value.length} characters long; a Vault token is at most a few hundred (is this the right secret?).`);
    }
    const m = /^(hv)?([sbr])\./.exec(value);
    const kind = !m ? 'unknown' : m[2] === 's' ? 'service' : m[2] === 'b' ? 'batch' : 'recovery';
    return { value, kind, legacy: m !== null && m[1] === undefined };
}

// Picks the wing for a run and is the only importer of one. A wing's module is loaded only when its
// provider is used; only the token shapes (a regular expression each) are loaded up front.
// Token shapes that select a provider when `provider` is 'auto'. Bitwarden's `0.<id>.<secret>:<key>`
// is the fallback, so that a damaged Bitwarden token gets Bitwarden's precise parse error rather
// than "unknown token".
const TOKEN_SHAPES = [
    ['infisical', TOKEN_SHAPE$1],
    ['vault', TOKEN_SHAPE],
];
/**
 * Picks the provider: the `provider` input when it names one, else the token's shape. With no token
 * but an Infisical machine identity (`client_id`, or Infisical/secrets-action's `client-id`,
 * `identity-id` or `method`), Infisical; when hashicorp/vault-action's own input names (`url`,
 * `token`, `method`) are used, Vault (a vault-action workflow, any login method).
 */
function detectProvider(token, choice = 'auto', infisicalIdentity = false, vaultActionInputs = false) {
    if (choice !== 'auto')
        return choice;
    if (token === '' && infisicalIdentity)
        return 'infisical';
    if (vaultActionInputs)
        return 'vault';
    return TOKEN_SHAPES.find(([, shape]) => shape.test(token))?.[0] ?? 'bitwarden';
}
/** Creates the provider for the run, handing its wing only that wing's slice of the settings. */
async function createProvider(settings, ctx) {
    const { clientId, identityId, method } = settings.infisical;
    const identity = clientId !== undefined || identityId !== undefined || INFISICAL_METHODS.some((m) => m === method);
    switch (detectProvider(settings.accessToken, settings.provider, identity, settings.vault.named)) {
        case 'bitwarden':
            return (await import('./write-2cKGVFZG.js').then(function (n) { return n.i; })).create(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./vault-CGTFDQes.js')).create(settings.vault, ctx);
        case 'infisical':
            return (await import('./infisical-cekvEWsx.js')).create(settings.infisical, ctx);
    }
}
/**
 * Creates the write action's writer for the provider the token (or `provider`) names. Bitwarden
 * and Vault write so far; Infisical is refused by name before any request.
 */
async function createWriter(settings, ctx) {
    const kind = detectProvider(settings.accessToken, settings.provider, false, settings.vaultNamed);
    switch (kind) {
        case 'bitwarden':
            return (await import('./write-2cKGVFZG.js').then(function (n) { return n.w; })).createWriter(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./write-C1k5KRHM.js').then(function (n) { return n.w; })).createWriter(settings, ctx);
        case 'infisical':
            throw new InputError("The write action cannot write to infisical yet: only Bitwarden Secrets Manager and Vault are supported so far (the access token looks like an Infisical token; set 'provider' if it is not).");
    }
}
/**
 * The post step's handler for a cleanup a wing recorded (its kind starts with the wing's name), or
 * undefined when no wing owns the kind. Loaded only when a run recorded such a cleanup.
 */
async function loadCleanupHandler(kind, settings, ctx) {
    if (kind.startsWith('vault-')) {
        const handler = (await import('./write-C1k5KRHM.js').then(function (n) { return n.d; })).CLEANUP_HANDLERS[kind];
        return handler && ((data) => handler(data, settings.vault, ctx));
    }
    return undefined;
}

var index = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createProvider: createProvider,
    createWriter: createWriter,
    detectProvider: detectProvider,
    loadCleanupHandler: loadCleanupHandler
});

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
    return new InputError(`${secretsLine(line)}: ${rule}.`);
}
function assertEnvName(name, line) {
    if (!ENV_NAME.test(name)) {
        throw lineError(line, `${quote(name)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)`);
    }
}

// Everything the action must never print — tokens, their parts, session tokens, every fetched
// value — is registered here once: as runner masks (::add-mask::, through the `register` the entry
// gives) and with the scrubber that every error, warning and debug line passes through.
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
/**
 * A registry for one run. The action registers each form with the runner (core.setSecret, which
 * prints ::add-mask::); the CLI, which has no runner to tell, only scrubs.
 */
function createMasks(register) {
    const known = new Set();
    // Indexed when a scrub needs it, not on every mask(): a run may register tens of thousands of
    // values before it prints anything (re-sorting each time was quadratic).
    let index;
    return {
        mask(value) {
            for (const m of masksFor(value)) {
                if (known.has(m))
                    continue;
                known.add(m);
                register(m);
                index = undefined;
            }
        },
        scrub(text) {
            index ??= indexMasks(known);
            const out = index.longestFirst.length <= SEARCH_EACH_MASK ? replaceEach(text, index) : replaceByLength(text, index);
            return out.includes('…') ? scrubCutPrefixes(out, index.longestFirst) : out;
        },
    };
}
function indexMasks(known) {
    const longestFirst = [...known].sort((a, b) => b.length - a.length);
    const byLength = new Map();
    for (const m of longestFirst) {
        let set = byLength.get(m.length);
        if (!set)
            byLength.set(m.length, (set = new Set()));
        set.add(m);
    }
    return { longestFirst, byLength, lengths: [...byLength.keys()] };
}
// Up to this many masks, each is searched for in the text (masks × text: cheapest for the few
// secrets of most runs). Past it, each position of the text is looked up once per distinct mask
// length (text × lengths), which stays linear for runs of tens of thousands of values: their
// lengths repeat.
const SEARCH_EACH_MASK = 256;
function replaceEach(text, index) {
    let out = text;
    for (const s of index.longestFirst)
        if (out.includes(s))
            out = out.split(s).join('***');
    return out;
}
/** The longest mask starting at each position, left to right; what a mask covers is not searched again. */
function replaceByLength(text, index) {
    let out = '';
    let plain = 0;
    let i = 0;
    while (i < text.length) {
        let hit = 0;
        for (const length of index.lengths) {
            if (i + length <= text.length && index.byLength.get(length).has(text.slice(i, i + length))) {
                hit = length;
                break;
            }
        }
        if (hit === 0) {
            i++;
            continue;
        }
        out += `${text.slice(plain, i)}***`;
        i += hit;
        plain = i;
    }
    return out + text.slice(plain);
}
// A server's error text is bounded with '…'; a cut inside an echoed secret leaves its start just
// before the '…', which no whole-secret mask matches. Prefixes shorter than this are left alone.
const MIN_PREFIX = 4;
function scrubCutPrefixes(text, longestFirst) {
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

/** The state key holding the JSON list of cleanups. */
const CLEANUP_STATE_KEY = 'inject_secrets_cleanups';
function createCleanupRecorder(saveState) {
    const recorded = [];
    return (cleanups) => {
        if (cleanups.length === 0)
            return;
        for (const c of cleanups)
            recorded.push({ kind: c.kind, data: { ...c.data } });
        saveState(CLEANUP_STATE_KEY, JSON.stringify(recorded));
    };
}
/** Reads the saved list; anything malformed is dropped (state is written only by our main step). */
function parseCleanups(text) {
    if (text.trim() === '')
        return [];
    let list;
    try {
        list = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (!Array.isArray(list))
        return [];
    return list.filter((c) => typeof c === 'object' &&
        c !== null &&
        typeof c.kind === 'string' &&
        typeof c.data === 'object' &&
        c.data !== null &&
        Object.values(c.data).every((v) => typeof v === 'string'));
}
/**
 * Runs every recorded cleanup, in reverse order of recording; a failure, or a kind without a
 * handler, is a warning and never stops the others. Returns how many succeeded.
 */
async function runCleanups(text, handlerFor, log) {
    let ok = 0;
    for (const c of parseCleanups(text).reverse()) {
        try {
            const handler = await handlerFor(c.kind);
            if (!handler) {
                log.warning(`inject-secrets post step: no handler for the recorded cleanup '${c.kind}'.`);
                continue;
            }
            await handler(c.data);
            ok++;
        }
        catch (err) {
            log.warning(`inject-secrets post step: ${c.kind} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    return ok;
}

// `export_file`: the secrets written to one file (dotenv or JSON) for tools that read a file rather
// than the environment. Loaded with import() only when export_file is given. The file is created
// 0600 (a temporary file opened with that mode, then renamed over the path), written before any env
// var or output so that a failure exports nothing, and deleted by the post step unless keep_file.
/** The cleanup kind the post step runs to delete the file (src/post.ts). */
const DELETE_FILE_CLEANUP = 'delete-export-file';
/** The step output holding the file's absolute path. */
const EXPORT_FILE_OUTPUT = 'export_file';
/**
 * One `NAME=value` line that the `dotenv` package and `set -a; source` in a POSIX shell both read
 * back as exactly `value`. Their quoting rules overlap only partly: dotenv never unescapes anything
 * but `\n`/`\r` inside "…", and a shell's '…' cannot hold a `'`. So:
 *   - '…' when the value has no `'` (and does not end in `\`, which dotenv would read as `\'`);
 *   - "…" when the value has a `'` but none of `"` `\` `$` and backtick (special inside a shell's "…");
 *   - otherwise (both kinds of quote, or `'` with `\`/`$`/backtick) no form reads back the same,
 *     and the run fails naming the secret and pointing to JSON. A carriage return never survives
 *     dotenv (it turns \r\n into \n), nor does NUL a shell.
 * Returns undefined when the value cannot be written.
 */
function dotenvLine(name, value) {
    if (/[\r\0]/.test(value))
        return undefined;
    if (!value.includes("'") && !value.endsWith('\\'))
        return `${name}='${value}'`;
    if (!/["\\$`]/.test(value))
        return `${name}="${value}"`;
    return undefined;
}
/** Why dotenvLine refused a value, in words that never quote it. */
function dotenvProblem(value) {
    if (value.includes('\r'))
        return 'a carriage return (dotenv turns \\r\\n into \\n)';
    if (value.includes('\0'))
        return 'a NUL character';
    if (value.endsWith('\\') && !value.includes("'"))
        return 'a trailing backslash';
    return 'both a single quote and one of " \\ $ ` (no dotenv quoting reads that back the same in the dotenv package and in a shell)';
}
/** The file's content: every secret under its environment variable name. */
function renderExport(all, format) {
    // The file holds what the environment would: a value published only as a step output stays out.
    const secrets = all.filter((s) => s.only !== 'output');
    if (format === 'json') {
        const obj = {};
        for (const s of secrets)
            obj[s.name] = s.value;
        return `${JSON.stringify(obj, null, 2)}\n`;
    }
    const lines = [];
    for (const s of secrets) {
        const line = dotenvLine(s.name, s.value);
        if (line === undefined) {
            throw new InputError(`Input 'export_format' is 'dotenv', but the value of ${s.name} (${s.source}) contains ${dotenvProblem(s.value)}. ` +
                "Use 'export_format: json' for such values; nothing was exported.");
        }
        lines.push(line);
    }
    return lines.map((l) => `${l}\n`).join('');
}
/** Refuses a path that is a directory, a symlink or anything but a regular file. */
function assertWritablePath(path) {
    let st;
    try {
        st = lstatSync(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw new InputError(`Input 'export_file': cannot inspect ${path} (${err.code ?? 'error'}).`);
    }
    if (st.isSymbolicLink())
        throw new InputError(`Input 'export_file': ${path} is a symbolic link; refusing to write secrets through it. Give a path that does not exist yet.`);
    if (st.isDirectory())
        throw new InputError(`Input 'export_file': ${path} is a directory; give a file path, e.g. ${join(path, 'secrets.env')}.`);
    if (!st.isFile())
        throw new InputError(`Input 'export_file': ${path} exists and is not a regular file.`);
}
/**
 * Writes content to path with mode 0600 from the first byte: a new temporary file next to it,
 * opened exclusively with mode 0600, then renamed over the path (which replaces an older regular
 * file without ever widening its mode). Missing parent directories are created 0700.
 */
function writeSecretFile(path, content) {
    assertWritablePath(path);
    const dir = dirname(path);
    try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    catch (err) {
        throw new InputError(`Input 'export_file': cannot create the directory ${dir} (${err.code ?? 'error'}).`);
    }
    const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let fd;
    try {
        fd = openSync(tmp, 'wx', 0o600);
        // The mode given to open is reduced by the umask; never widened. Make it exactly 0600 before any byte.
        if (process.platform !== 'win32')
            fchmodSync(fd, 0o600);
        const bytes = Buffer.from(content, 'utf8');
        for (let off = 0; off < bytes.length;)
            off += writeSync(fd, bytes, off);
        closeSync(fd);
        fd = undefined;
        assertWritablePath(path);
        renameSync(tmp, path);
    }
    catch (err) {
        if (fd !== undefined)
            closeSync(fd);
        rmSync(tmp, { force: true });
        if (err instanceof InputError)
            throw err;
        throw new InputError(`Input 'export_file': cannot write ${path} (${err.code ?? 'error'}); nothing was exported.`);
    }
}
/**
 * Checks, renders and writes the file, then records its deletion for the post step. Throws (having
 * written nothing) when the output name is taken, a value cannot be written, or the write fails.
 * Returns a function that removes the file again, for when a later export fails.
 */
function exportToFile(secrets, settings, record) {
    // Expression property names are case-insensitive: steps.x.outputs.EXPORT_FILE is the same output.
    const clash = secrets.find((s) => s.only !== 'env' && (s.outputName ?? s.name).toLowerCase() === EXPORT_FILE_OUTPUT);
    if (clash) {
        throw new InputError(`Input 'export_file' sets the step output '${EXPORT_FILE_OUTPUT}', which ${clash.source} would set too; map that secret to another name.`);
    }
    const content = renderExport(secrets, settings.format);
    writeSecretFile(settings.path, content);
    const remove = () => rmSync(settings.path, { force: true });
    if (!settings.keep) {
        try {
            record([{ kind: DELETE_FILE_CLEANUP, data: { path: settings.path } }]);
        }
        catch (err) {
            remove();
            throw err;
        }
    }
    return remove;
}
/** The post step's handler: deletes the file if it is still a regular file; gone already is fine. */
async function deleteExportFile(data, log) {
    const path = data.path;
    if (path === undefined || path === '')
        return;
    let st;
    try {
        st = lstatSync(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return log.info(`inject-secrets: ${path} was already removed.`);
        throw err;
    }
    if (!st.isFile())
        return log.warning(`inject-secrets post step: ${path} is no longer a regular file; left alone.`);
    unlinkSync(path);
    log.info(`inject-secrets: deleted ${path}.`);
}

var exportFile = /*#__PURE__*/Object.freeze({
    __proto__: null,
    DELETE_FILE_CLEANUP: DELETE_FILE_CLEANUP,
    EXPORT_FILE_OUTPUT: EXPORT_FILE_OUTPUT,
    assertWritablePath: assertWritablePath,
    deleteExportFile: deleteExportFile,
    dotenvLine: dotenvLine,
    exportToFile: exportToFile,
    renderExport: renderExport,
    writeSecretFile: writeSecretFile
});

// Checking what servers send, shared by every provider: objects, string fields, and error text cut
// down to one printable, bounded line (a server's message goes into our error, never its body).
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A body parsed as a JSON object, or undefined (not JSON, or not an object): for reading error text. */
function jsonObjectOf(text) {
    try {
        const body = JSON.parse(text);
        return isObject(body) ? body : undefined;
    }
    catch {
        return undefined;
    }
}
/** "<where>: unexpected response from the server (<problem>)." */
function shapeError(where, problem) {
    return new ServerError(`${where}: unexpected response from the server (${problem}).`);
}
function stringField(o, name, where) {
    const v = o[name];
    if (typeof v !== 'string')
        throw shapeError(where, `field '${name}' is missing or not a string`);
    return v;
}
/** Server text as one line: control characters (newlines, escapes) become spaces; at most `max` characters. */
function oneLine(text, max = 200) {
    const line = text
        // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max)}…` : line;
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

// The runner's GitHub OIDC ID token, for login methods that prove the workflow's identity instead
// of holding a stored secret. The job must have `permissions: id-token: write`; only then does the
// runner set ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN.
// The request is the one @actions/core's getIDToken makes (GET the URL with `&audience=`, bearer
// the request token, read `value`), sent through our own client: getIDToken would bring
// @actions/http-client and undici into the start-up chunk of every run (a bundler cannot split
// @actions/core's module), and its ten retries are not bounded by the step's `timeout`.
/**
 * Fetches an ID token for `audience` (GitHub's default audience when undefined). `reason` says
 * which inputs asked for it, for the error when the job may not request one.
 */
async function fetchIdToken(http, audience, reason, env = process.env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
        throw new InputError(`${reason}, which logs in with the job's GitHub OIDC ID token, but this job may not request one ` +
            "(ACTIONS_ID_TOKEN_REQUEST_URL is not set): add 'permissions: id-token: write' to the job or workflow. " +
            'Pull requests from forks never get an ID token; outside GitHub Actions there is none.');
    }
    const res = await http.send({
        method: 'GET',
        url: audience ? `${url}&audience=${encodeURIComponent(audience)}` : url,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body = jsonObjectOf(res.text);
    const value = isObject(body) ? body.value : undefined;
    if (res.status !== 200 || typeof value !== 'string' || value === '') {
        throw new ServerError(`GitHub's OIDC token service answered ${res.status} without an ID token${audience ? ` for audience '${audience}'` : ''}.`, res.status);
    }
    return value;
}

var oidc = /*#__PURE__*/Object.freeze({
    __proto__: null,
    fetchIdToken: fetchIdToken
});

// AWS Signature Version 4 for one request, with node:crypto's SHA-256 and HMAC (the primitives):
// the canonical request, the string to sign, the derived key and the Authorization header, as AWS's
// "Create a signed AWS API request" describes them (docs/protocols/infisical.md#aws-iam-auth). A
// library was measured and not taken: @smithy/signature-v4 (the vendor's) bundles to 164 KB and
// loads in 24 ms, aws4 9 KB / 8 ms, aws4fetch 6 KB / 5 ms (WebCrypto, async); these few lines are
// checked against AWS's published example and against @smithy/signature-v4's output.
const sha256 = (data) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 unreserved characters stay; everything else is %XX (encodeURIComponent leaves !'()*). */
const uriEncode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** `20150830T123600Z` for a time in ms. */
function amzDate(ms) {
    return new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/** The Authorization header value for the request, signed with every header it carries. */
function authorization(req, creds, scope) {
    const headers = Object.entries(req.headers)
        .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const signedHeaders = headers.map(([k]) => k).join(';');
    const query = Object.entries(req.query ?? {})
        .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
        .sort()
        .join('&');
    const canonical = [
        req.method,
        req.path,
        query,
        ...headers.map(([k, v]) => `${k}:${v}`),
        '',
        signedHeaders,
        sha256(req.body),
    ].join('\n');
    const date = scope.amzDate.slice(0, 8);
    const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', scope.amzDate, credentialScope, sha256(canonical)].join('\n');
    let key = hmac(`AWS4${creds.secretAccessKey}`, date);
    for (const part of [scope.region, scope.service, 'aws4_request'])
        key = hmac(key, part);
    const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
    return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
/** Hex SHA-256 of a body, for X-Amz-Content-Sha256. */
function payloadHash(body) {
    return sha256(body);
}

// AWS IAM login (`method: aws-iam`, docs/protocols/infisical.md#aws-iam-auth): the runner's AWS
// credentials sign an STS GetCallerIdentity request, which is not sent to AWS but handed to
// Infisical (method, base64 body, base64 JSON headers); Infisical forwards it to STS and learns who
// signed it. The headers are the ones Infisical/secrets-action's signer (@aws-sdk's SignatureV4)
// sends. Loaded only by this login.
const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
/** Checks the environment gives a whole credential and a region; the error names what is missing. */
function awsCredentials(aws) {
    const missing = [
        ['AWS_ACCESS_KEY_ID', aws?.accessKeyId],
        ['AWS_SECRET_ACCESS_KEY', aws?.secretAccessKey],
        ['AWS_REGION (or AWS_DEFAULT_REGION)', aws?.region],
    ]
        .filter(([, v]) => !v)
        .map(([n]) => n);
    if (missing.length > 0 || !aws) {
        throw new InputError(`Input 'method' is 'aws-iam', which signs with the runner's AWS credentials, but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: ` +
            'run aws-actions/configure-aws-credentials (or set them) in an earlier step.');
    }
    if (!/^[a-z0-9-]{1,20}$/.test(aws.region))
        throw new InputError(`AWS_REGION ('${aws.region}') is not an AWS region name such as 'eu-west-1'.`);
    return {
        accessKeyId: aws.accessKeyId,
        secretAccessKey: aws.secretAccessKey,
        region: aws.region,
        ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {}),
    };
}
/** Signs GetCallerIdentity for sts.<region>.amazonaws.com at `now` and packs it for Infisical. */
function signedCallerIdentity(aws, now) {
    const creds = awsCredentials(aws);
    const host = `sts.${creds.region}.amazonaws.com`;
    const date = amzDate(now);
    const headers = {
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        Host: host,
        'Content-Length': String(Buffer.byteLength(STS_BODY)),
        'x-amz-date': date,
        ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
        'x-amz-content-sha256': payloadHash(STS_BODY),
    };
    headers.Authorization = authorization({ method: 'POST', path: '/', headers, body: STS_BODY }, creds, {
        region: creds.region,
        service: 'sts',
        amzDate: date,
    });
    return {
        iamHttpRequestMethod: 'POST',
        iamRequestBody: Buffer.from(STS_BODY, 'utf8').toString('base64'),
        iamRequestHeaders: Buffer.from(JSON.stringify(headers), 'utf8').toString('base64'),
    };
}

var awsIam = /*#__PURE__*/Object.freeze({
    __proto__: null,
    STS_BODY: STS_BODY,
    awsCredentials: awsCredentials,
    signedCallerIdentity: signedCallerIdentity
});

// The JWT for `method: jwt` (docs/protocols/vault.md#jwt-login): the job's GitHub OIDC ID token, or
// one signed with `jwtPrivateKey` carrying exactly vault-action's claims. node:crypto signs; this
// module is loaded only on the jwt path.
function keyOf(login) {
    let key;
    try {
        key = createPrivateKey({ key: login.privateKey, format: 'pem', passphrase: login.keyPassword ?? '' });
    }
    catch {
        throw new InputError(login.keyPassword
            ? "Input 'jwtKeyPassword' does not decrypt 'jwtPrivateKey' (or the key is damaged)."
            : "Input 'jwtPrivateKey' cannot be read as a private key (if it is encrypted, give 'jwtKeyPassword').");
    }
    // vault-action signs RS256 only.
    if (key.asymmetricKeyType !== 'rsa')
        throw new InputError(`Input 'jwtPrivateKey' must be an RSA key (the JWT is signed RS256), got ${key.asymmetricKeyType}.`);
    return key;
}
/**
 * vault-action's signed JWT: header {alg: RS256, typ: JWT}; claims iss 'vault-action', iat = nbf =
 * now, exp = now + jwtTtl, then event, workflow, sha, actor, repository, ref from the runner's
 * variables; no aud, sub or kid.
 */
function signJwt(login, nowMs) {
    const key = keyOf(login);
    const now = Math.floor(nowMs / 1000);
    const part = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
        iss: 'vault-action',
        iat: now,
        nbf: now,
        exp: now + login.ttlSeconds,
        ...login.claims,
    })}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
/** The JWT to send: signed with the key, else the job's OIDC ID token for the audience (masked). */
async function jwtFor(login, ctx) {
    if (login.privateKey === undefined) {
        return ctx.idToken(login.audience, "Input 'method' is 'jwt' without 'jwtPrivateKey'");
    }
    const jwt = signJwt(login, ctx.now());
    ctx.mask(jwt);
    return jwt;
}
/** What a failed jwt login reports about the token sent: its audience and subject, never the token. */
function describeJwt(jwt) {
    let claims = {};
    try {
        const parsed = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null)
            claims = parsed;
    }
    catch {
        return 'The JWT sent could not be read back.';
    }
    const show = (v) => v === undefined ? '(none)' : `'${Array.isArray(v) ? v.join("', '") : String(v)}'`;
    return `The JWT sent had iss ${show(claims.iss)}, aud ${show(claims.aud)} and sub ${show(claims.sub)}: the role's bound_audiences must include that aud, and its bound_subject / bound_claims must match.`;
}

var loginJwt = /*#__PURE__*/Object.freeze({
    __proto__: null,
    describeJwt: describeJwt,
    jwtFor: jwtFor,
    signJwt: signJwt
});

export { ActionError as A, oneLine as B, CLEANUP_STATE_KEY as C, DELETE_FILE_CLEANUP as D, ENV_NAME as E, assertEnvName as F, parseServiceToken as G, CryptoError as H, InputError as I, parseVaultToken as J, isInfisicalMethod as K, readInfisical as L, getInput as M, hasIdentityLogin as N, assertClientPair as O, parsePemCertificates as P, createProvider as Q, client as R, ServerError as S, index as T, exportFile as U, oidc as V, awsIam as W, loginJwt as X, debug as a, setOutput as b, createMasks as c, deleteExportFile as d, exportVariable as e, setFailed as f, getState as g, createCleanupRecorder as h, info as i, saveState as j, createHttpClient as k, lineError as l, meaningfulLines as m, createWriter as n, secretsLine as o, readLimited as p, quote as q, runCleanups as r, setSecret as s, trustStore as t, parseJson as u, isObject as v, warning as w, shapeError as x, stringField as y, jsonObjectOf as z };
