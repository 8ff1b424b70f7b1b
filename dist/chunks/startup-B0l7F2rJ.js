const { isAbsolute, resolve, join, relative } = process.getBuiltinModule('node:path');
const { closeSync, openSync } = process.getBuiltinModule('node:fs');
const os = process.getBuiltinModule('node:os');
const fs = process.getBuiltinModule('node:fs');

class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
class InputError extends ActionError {
}
class ServerError extends ActionError {
    status;
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
class CryptoError extends ActionError {
}
function secretsLine(line) {
    return `Input 'secrets', line ${line}`;
}
function* causeChain(err, depth = 5) {
    let e = err;
    for (let i = 0; i < depth && e !== null && typeof e === 'object'; i++) {
        yield e;
        e = e.cause;
    }
}

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

const presentFiles = new Set();
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = { randomUUID: () => process.getBuiltinModule('node:crypto').randomUUID() };
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!presentFiles.has(filePath) && !(fs.existsSync(filePath) && presentFiles.add(filePath))) {
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

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n\t ]+?)-----END CERTIFICATE-----/g;
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
    if (blocks.length === 0 || /-----BEGIN|-----END/.test(rest))
        return undefined;
    return blocks;
}
let systemAdded;
function trustSystemStore() {
    systemAdded ??= addSystemCertificates();
    return systemAdded;
}
function addSystemCertificates() {
    const tls = process.getBuiltinModule('node:tls');
    if (typeof tls.getCACertificates !== 'function' || typeof tls.setDefaultCACertificates !== 'function')
        return false;
    try {
        const defaults = tls.getCACertificates('default');
        const known = new Set(defaults);
        const added = [...new Set(tls.getCACertificates('system'))].filter((c) => !known.has(c));
        if (added.length === 0)
            return false;
        tls.setDefaultCACertificates([...defaults, ...added]);
        return true;
    }
    catch {
        return false;
    }
}
const UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
]);
function retryWithSystemStore(err) {
    const code = certificateErrorCode(err);
    return code !== undefined && UNTRUSTED.has(code) && trustSystemStore();
}
async function trustStore(pem) {
    const extra = parsePemCertificates(pem) ?? [];
    trustSystemStore();
    const tls = process.getBuiltinModule('node:tls');
    const getCa = tls.getCACertificates;
    let defaults;
    if (typeof getCa === 'function') {
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
            }
        }
    }
    return [...defaults, ...extra];
}
function agentTls(tls) {
    trustSystemStore();
    return clientTlsOptions(tls);
}
function clientTlsOptions(tls) {
    if (tls === undefined)
        return {};
    return {
        ...(tls.insecure ? { rejectUnauthorized: false } : {}),
        ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
        ...(tls.key !== undefined ? { key: tls.key } : {}),
    };
}
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
function certificateErrorCode(err) {
    for (const e of causeChain(err)) {
        const code = e.code;
        if (typeof code === 'string' && CERT_CODES.has(code))
            return code;
    }
    return undefined;
}
const CLIENT_CERT_ALERT = /^ERR_SSL_(?:TLSV13|TLSV1|SSLV3)_ALERT_(?:CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/;
function clientCertificateRefused(err, url, where) {
    for (const e of causeChain(err)) {
        const code = e.code;
        if (typeof code !== 'string' || !CLIENT_CERT_ALERT.test(code))
            continue;
        return new ServerError(`${where}: ${url.host} refused the TLS handshake (${code}): it wants a TLS client certificate it trusts (mutual TLS). For Vault, give 'clientCertificate' and 'clientKey' (base64 of the PEM certificate and of its key, as vault-action takes them).`, undefined, { cause: err });
    }
    return undefined;
}
function certificateError(err, url, where) {
    const code = certificateErrorCode(err);
    if (code === undefined)
        return clientCertificateRefused(err, url, where);
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
    agentTls: agentTls,
    certificateError: certificateError,
    certificateErrorCode: certificateErrorCode,
    clientTlsOptions: clientTlsOptions,
    parsePemCertificates: parsePemCertificates,
    retryWithSystemStore: retryWithSystemStore,
    trustStore: trustStore,
    trustSystemStore: trustSystemStore
});

const cutShort = () => Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' });
function tooLarge(opts, status) {
    return new ServerError(`${opts.where}: response larger than ${opts.maxBodyBytes} bytes`, status);
}
function readLimited(body, declaredLength, status, opts) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            body.on('error', () => { });
            body.destroy();
            reject(err);
        };
        if (Number(declaredLength ?? 0) > opts.maxBodyBytes)
            return fail(tooLarge(opts, status));
        const chunks = [];
        let size = 0;
        body.on('data', (chunk) => {
            size += chunk.length;
            if (size > opts.maxBodyBytes)
                fail(tooLarge(opts, status));
            else
                chunks.push(chunk);
        });
        body.on('error', fail);
        body.on('end', () => {
            if (settled)
                return;
            if (body.complete === false)
                return fail(cutShort());
            settled = true;
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        body.on('close', () => settled || fail(cutShort()));
    });
}

const queued = [];
function whileWaiting(task) {
    queued.push(task);
}
function requestSent() {
    return new Promise((sent) => whileWaiting(sent));
}
function runQueuedWork() {
    for (const task of queued.splice(0)) {
        try {
            task();
        }
        catch {
        }
    }
}

let plain;
const secure = new Map();
let rebuilt = false;
function clientFor(protocol, ca, tls$1) {
    if (protocol !== 'https:') {
        const http = process.getBuiltinModule('node:http');
        plain ??= Promise.resolve(withAhead(http.request, new http.Agent({ keepAlive: true }), { keepAlive: true }));
        return plain;
    }
    let client = secure.get(tls$1);
    if (!client) {
        const https = process.getBuiltinModule('node:https');
        client = (ca === undefined ? Promise.resolve(undefined) : Promise.resolve().then(function () { return tls; }).then((t) => t.trustStore(ca))).then((trusted) => {
            const options = { keepAlive: true, ...(trusted ? { ca: trusted } : {}), ...clientTlsOptions(tls$1) };
            return withAhead(https.request, new https.Agent(options), options);
        });
        secure.set(tls$1, client);
    }
    return client;
}
const ignore = () => { };
const AHEAD_MS = 5_000;
function usable(ahead) {
    const { socket } = ahead;
    return (!ahead.spoilt &&
        !socket.destroyed &&
        !socket.errored &&
        socket.writable &&
        socket.readableLength === 0 &&
        Date.now() - ahead.openedAt < AHEAD_MS);
}
function withAhead(request, agent, options) {
    const open = agent.createConnection.bind(agent);
    const ready = new Map();
    agent.createConnection = (opts, callback) => {
        const name = agent.getName(opts);
        const ahead = ready.get(name);
        ready.delete(name);
        if (ahead && usable(ahead)) {
            ahead.socket.off('readable', ahead.spoil).off('end', ahead.spoil).off('error', ignore);
            ahead.socket.ref();
            return ahead.socket;
        }
        ahead?.socket.destroy();
        return open(opts, callback);
    };
    const openAhead = (url) => {
        const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
        const opts = {
            host,
            port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
            ...options,
            servername: process.getBuiltinModule('node:net').isIP(host) ? '' : host,
            noDelay: true,
        };
        const name = agent.getName(opts);
        const previous = ready.get(name);
        if (previous && usable(previous))
            return;
        previous?.socket.destroy();
        const socket = open({ ...opts, _agentKey: name });
        const ahead = { socket, openedAt: Date.now(), spoilt: false, spoil: () => void (ahead.spoilt = true) };
        socket.on('readable', ahead.spoil).on('end', ahead.spoil).on('error', ignore);
        socket.unref();
        ready.set(name, ahead);
    };
    return { request, agent, openAhead };
}
function nodePreconnect(url, opts) {
    clientFor(url.protocol, opts.ca, opts.tls).then(({ openAhead }) => openAhead(url), ignore);
}
function nodeExchange(url, opts) {
    return send(url, opts).catch((err) => {
        if (!retryWithSystemStore(err))
            throw err;
        if (!rebuilt)
            secure.clear();
        rebuilt = true;
        return send(url, opts);
    });
}
function send(url, opts) {
    return clientFor(url.protocol, opts.ca, opts.tls).then(({ request, agent }) => new Promise((resolve, reject) => {
        const req = request(url, { method: opts.method, headers: opts.headers, agent, signal: opts.signal }, (res) => {
            const status = res.statusCode ?? 0;
            readLimited(res, res.headers['content-length'], status, opts).then((text) => resolve({ status, headers: res.headers, text }), reject);
        });
        req.on('error', (err) => reject(opts.signal.aborted ? Object.assign(new Error('timed out'), { code: 'ETIMEDOUT', cause: err }) : err));
        req.on('finish', runQueuedWork);
        req.end(opts.body);
    }));
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
function proxyVariable(env, lower, upper) {
    return env[lower]?.trim() ? lower : env[upper]?.trim() ? upper : undefined;
}
function read(env, lower, upper) {
    const variable = proxyVariable(env, lower, upper);
    if (variable === undefined)
        return undefined;
    const raw = env[variable].trim();
    const scheme = SCHEME.exec(raw)?.[1].toLowerCase();
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
        throw new InputError(`${variable}: a ${scheme}:// proxy is not supported: give an http:// or https:// proxy`);
    let url;
    try {
        url = new URL(scheme === undefined ? `http://${raw}` : raw);
    }
    catch {
        throw new InputError(`${variable}: not a URL: give http://host:port`);
    }
    if (url.hostname === '')
        throw new InputError(`${variable}: not a URL: give http://host:port`);
    return { variable, href: url.href, shown: `${url.protocol}//${url.host}` };
}
function readProxySettings(env = process.env) {
    return { http: read(env, 'http_proxy', 'HTTP_PROXY'), https: read(env, 'https_proxy', 'HTTPS_PROXY') };
}
function proxyFor(url, settings) {
    return url.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function isLoopback(hostname) {
    return LOOPBACK.test(hostname);
}
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
const MIN_ATTEMPT_MS = 250;
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return '(invalid URL)';
    }
}
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
function proxyConfigured(url, env = process.env) {
    const http = proxyVariable(env, 'http_proxy', 'HTTP_PROXY') !== undefined;
    return url.protocol === 'https:' ? http || proxyVariable(env, 'https_proxy', 'HTTPS_PROXY') !== undefined : http;
}
function withinSignal(work, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}
class ThroughProxy extends Error {
    proxy;
    code;
    constructor(proxy, cause) {
        super(`through the proxy ${proxy}`, { cause });
        this.proxy = proxy;
        this.code = errorCode(cause);
    }
}
async function exchange(url, opts) {
    const proxied = proxyConfigured(url);
    try {
        const sent = proxied ? import('./http-proxy-nd_KqSW9.js').then((p) => p.proxyExchange(url, opts)) : nodeExchange(url, opts);
        if (proxied)
            sent.then(runQueuedWork, runQueuedWork);
        return await withinSignal(sent, opts.signal);
    }
    catch (err) {
        if (err instanceof ActionError)
            throw err;
        const tls = certificateError(err, url, opts.where);
        if (tls)
            throw tls;
        if (proxied) {
            const proxy = (await import('./http-proxy-nd_KqSW9.js')).proxyThrough(url);
            if (proxy !== undefined)
                throw new ThroughProxy(proxy, err);
        }
        throw err;
    }
}
function proxyNote(err) {
    let note = '';
    for (const e of causeChain(err)) {
        if (e instanceof ThroughProxy)
            note = `, through the proxy ${e.proxy}`;
        const reason = e.reason;
        if (note && typeof reason === 'string')
            return `${note}: ${reason}`;
    }
    return note;
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
                maxBodyBytes: req.maxBodyBytes ?? maxBody,
                where,
                ca: opts.ca,
                tls: req.tls,
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
                if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopback(next.hostname))) {
                    throw new ServerError(`${where}: refusing a redirect to ${next.protocol}//${next.host}: requests carrying a token go over https only (plain http only to localhost)`, res.status);
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
        preconnect(url, tls) {
            const target = URL.parse(url);
            if (target && !proxyConfigured(target))
                nodePreconnect(target, { ca: opts.ca, tls });
        },
        async send(req) {
            const where = `${req.method} ${pathOf(req.url)}`;
            const retryStatuses = req.retryStatuses ?? RETRY_STATUS;
            const attempts = req.maxAttempts ?? maxAttempts;
            for (let n = 1;; n++) {
                const started = now();
                let wait;
                try {
                    const res = await attempt(req);
                    debug(`${where} \u2192 ${res.status} in ${now() - started} ms`);
                    if (!retryStatuses.has(res.status) || n >= attempts)
                        return res;
                    wait = parseRetryAfter(res.headers['retry-after'], now()) ?? backoff(n);
                    if (now() + wait > deadline)
                        return res;
                }
                catch (err) {
                    if (err instanceof ActionError)
                        throw err;
                    const code = errorCode(err);
                    debug(`${where} \u2192 ${code} after ${now() - started} ms`);
                    const timedOut = code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT');
                    wait = Math.min(backoff(n), deadline - now() - MIN_ATTEMPT_MS);
                    const retryable = req.retryNetworkErrors === false ? code === 'ECONNREFUSED' : RETRY_CODES.has(code);
                    if (!retryable || n >= attempts || wait < 0) {
                        const what = timedOut ? 'timed out' : `failed (${code})`;
                        const attempts = `after ${n} attempt${n > 1 ? 's' : ''}`;
                        throw new ServerError(`${where} ${what} ${attempts}${proxyNote(err)}`, undefined, { cause: err });
                    }
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
    isLoopback: isLoopback,
    parseRetryAfter: parseRetryAfter,
    pathOf: pathOf,
    proxyConfigured: proxyConfigured
});

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function shown(text) {
    const cut = text.length > 60 ? `${text.slice(0, 60)}\u2026` : text;
    const safe = cut.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `'${safe}'`;
}
const MAX_HEADER_VALUE = 8192;
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
function headerValueProblem(value) {
    if (value.length > MAX_HEADER_VALUE)
        return `is ${value.length} characters long, more than the ${MAX_HEADER_VALUE} an HTTP header value may hold`;
    if (HEADER_CONTROL.test(value))
        return 'contains a control character';
    if (/[^\t\x20-\x7e\xa0-\xff]/.test(value))
        return 'contains a character outside Latin-1, which an HTTP header cannot carry';
    return undefined;
}
const MAX_HEADERS_TOTAL = 16384;
function checkHeadersTotal(headers, input) {
    const total = Object.entries(headers).reduce((n, [name, value]) => n + name.length + value.length + 4, 0);
    if (total > MAX_HEADERS_TOTAL)
        throw new InputError(`Input '${input}': the headers add up to ${total} characters, more than the ${MAX_HEADERS_TOTAL} servers accept on a request.`);
}
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
    const loopback = isLoopback(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(`Input '${input}' must use https:// (plain http:// is allowed only for localhost and 127.0.0.1).`);
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
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
            throw new InputError(`Input '${name}' must be 'true' or 'false', got ${shown(v)}.`);
        },
        choice(name, choices) {
            const v = text(name).toLowerCase();
            if (v === '')
                return choices[0];
            if (choices.includes(v))
                return v;
            throw new InputError(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${shown(v)}.`);
        },
        duration(name, fallback) {
            const v = text(name);
            if (v === '')
                return fallback;
            const n = parseDuration(v);
            if (n === undefined)
                throw new InputError(`Input '${name}' must be a duration like '90s', '10m' or '1h', got ${shown(v)}.`);
            return n;
        },
        url(name) {
            const v = text(name);
            return v === '' ? undefined : normalizeServerUrl(v, name);
        },
    };
}

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

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'keep-alive', 'te']);
const where = (line) => `Input 'extra-headers', line ${line}`;
function parseExtraHeaders$1(text) {
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
        const problem = headerValueProblem(value);
        if (problem !== undefined)
            throw new InputError(`${where(i + 1)}: the value of '${name}' ${problem}.`);
        headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
        any = true;
    });
    checkHeadersTotal(headers, 'extra-headers');
    return any ? Object.freeze(headers) : undefined;
}

const INFISICAL_METHODS = ['universal', 'oidc', 'aws-iam'];
function awsEnvironment(env) {
    const get = (name) => env[name]?.trim() || undefined;
    return Object.freeze({
        accessKeyId: get('AWS_ACCESS_KEY_ID'),
        secretAccessKey: get('AWS_SECRET_ACCESS_KEY'),
        sessionToken: get('AWS_SESSION_TOKEN'),
        region: get('AWS_REGION') ?? get('AWS_DEFAULT_REGION'),
    });
}
const VENDOR_FILE_OUTPUT_PATH = '/.env';
function assertClientPair(read, hint = '') {
    const id = read.either(['client_id', 'client-id']) !== '';
    const secret = read.either(['client_secret', 'client-secret']) !== '';
    if (id !== secret) {
        throw new InputError(`Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`);
    }
    return id ? 'both' : 'neither';
}
function hasIdentityLogin(read) {
    return read.text('identity-id') !== '' || isInfisicalMethod(read);
}
function isInfisicalMethod(read) {
    const method = read.text('method').toLowerCase();
    return INFISICAL_METHODS.includes(method) && read.text('authPayload') === '';
}
function readIncludeImports(read) {
    read.either(['include_imports', 'include-imports']);
    return read.text('include_imports') !== ''
        ? read.boolean('include_imports', true)
        : read.boolean('include-imports', true);
}
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
function readInfisicalLogin(read, { accessToken, baseUrl, env }) {
    assertClientPair(read);
    read.either(['base_url', 'domain']);
    const domain = baseUrl === undefined ? read.url('domain') : undefined;
    const project = read.either(['project', 'project-slug']);
    const method = isInfisicalMethod(read) ? read.text('method').toLowerCase() : '';
    return {
        accessToken,
        baseUrl: baseUrl ?? domain,
        environment: read.either(['environment', 'env-slug']) || undefined,
        clientId: read.either(['client_id', 'client-id']) || undefined,
        clientSecret: read.either(['client_secret', 'client-secret']) || undefined,
        project: project || undefined,
        projectKind: read.text('project-slug') !== '' ? 'slug' : undefined,
        method: method || undefined,
        identityId: read.optional('identity-id'),
        oidcAudience: read.optional('oidc-audience'),
        extraHeaders: parseExtraHeaders$1(read.text('extra-headers', { trim: false })),
        aws: method === 'aws-iam' ? awsEnvironment(env) : undefined,
    };
}
function readInfisical(read, common) {
    return Object.freeze({
        ...readInfisicalLogin(read, common),
        secretPath: read.either(['secret_path', 'secret-path']) || undefined,
        recursive: read.boolean('recursive', false),
        includeImports: readIncludeImports(read),
        fileOutputPath: readFileOutputPath(read, common.env),
    });
}

const all = (value) => ({ reader: 'all', default: value });
const of = (reader, value, effect) => ({ reader, default: value, effect });
const INPUTS = Object.freeze({
    access_token: all(),
    secrets: all(),
    provider: all('auto'),
    cloud_region: of('bitwarden', '', 'server'),
    base_url: all(''),
    identity_url: of('bitwarden', '', 'server'),
    api_url: of('bitwarden', '', 'server'),
    environment: of('infisical', ''),
    secret_path: of('infisical', ''),
    recursive: of('infisical', 'false'),
    include_imports: of('infisical'),
    client_id: of('infisical', ''),
    client_secret: of('infisical', ''),
    project: of('infisical', '', 'scope'),
    'client-id': of('infisical'),
    'client-secret': of('infisical'),
    'identity-id': of('infisical'),
    'oidc-audience': of('infisical'),
    'project-slug': of('infisical', undefined, 'scope'),
    'env-slug': of('infisical'),
    domain: of('infisical', undefined, 'server'),
    'secret-path': of('infisical'),
    'include-imports': of('infisical'),
    'export-type': of('infisical', undefined, 'export'),
    'file-output-path': of('infisical', undefined, 'export'),
    'extra-headers': of('infisical'),
    namespace: of('vault', ''),
    check_token: of('vault', 'false'),
    min_ttl: of('vault', '10m'),
    encoding: of('vault', '', 'export'),
    ignore_not_found: of('vault', 'false'),
    export_token: of('vault', '', 'export'),
    ttl: of('vault', '15m'),
    num_uses: of('vault', ''),
    policies: of('vault', ''),
    url: all(),
    token: all(),
    method: of('method'),
    role: of('vault'),
    path: of('vault'),
    roleId: of('vault'),
    secretId: of('vault'),
    githubToken: of('vault'),
    jwtGithubAudience: of('vault'),
    jwtPrivateKey: of('vault'),
    jwtKeyPassword: of('vault'),
    jwtTtl: of('vault'),
    kubernetesTokenPath: of('vault'),
    username: of('vault'),
    password: of('vault'),
    authPayload: of('vault'),
    extraHeaders: of('vault'),
    exportEnv: all(),
    exportToken: of('vault', undefined, 'export'),
    outputToken: of('vault', undefined, 'export'),
    caCertificate: all(),
    clientCertificate: of('vault'),
    clientKey: of('vault'),
    tlsSkipVerify: of('vault'),
    secretEncodingType: of('vault', undefined, 'export'),
    ignoreNotFound: of('vault'),
    pki: of('vault', undefined, 'export'),
    set_env: all('true'),
    allow_dangerous_names: all('false'),
    timeout: all('60'),
    ca_certificate: all(''),
    summary: all('true'),
    export_file: all(''),
    export_format: all('dotenv'),
    keep_file: all('false'),
    parse_json: all('false'),
    name_prefix: all(''),
    name_transformation: all('none'),
    clean: all('false'),
});
const PROVIDER_NAMES = {
    bitwarden: 'Bitwarden Secrets Manager',
    infisical: 'Infisical',
    vault: 'Vault',
};
const READ_CONSEQUENCE = {
    server: 'the credential would go to another server than the one it names',
    export: 'what is exported would not be what it asks for',
    scope: 'a wildcard would not be narrowed by it',
};
const CONSEQUENCE = {
    read: READ_CONSEQUENCE,
    write: {
        ...READ_CONSEQUENCE,
        export: 'what is written would not be what it asks for',
        scope: 'the secrets would not be written where it names',
    },
};
const WRITE_INPUTS = Object.freeze([
    'access_token',
    'token',
    'secrets',
    'provider',
    'cloud_region',
    'base_url',
    'url',
    'environment',
    'client_id',
    'client_secret',
    'project',
    'client-id',
    'client-secret',
    'identity-id',
    'oidc-audience',
    'project-slug',
    'env-slug',
    'domain',
    'extra-headers',
    'secret_path',
    'secret-path',
    'method',
    'namespace',
    'extraHeaders',
    'identity_url',
    'api_url',
    'role',
    'path',
    'roleId',
    'secretId',
    'githubToken',
    'jwtGithubAudience',
    'jwtPrivateKey',
    'jwtKeyPassword',
    'jwtTtl',
    'kubernetesTokenPath',
    'username',
    'password',
    'authPayload',
    'clientCertificate',
    'clientKey',
    'tlsSkipVerify',
    'timeout',
    'ca_certificate',
    'caCertificate',
    'summary',
]);
function methodReader(source) {
    const infisical = INFISICAL_METHODS.includes(source('method').toLowerCase());
    return infisical && source('authPayload') === '' ? 'infisical' : 'vault';
}
function givenInputs(source, names = Object.keys(INPUTS)) {
    const given = [];
    for (const name of names) {
        const spec = INPUTS[name];
        const value = source(name);
        if (value === '' || value.toLowerCase() === (spec.default ?? '').toLowerCase())
            continue;
        const reader = spec.reader === 'method' ? methodReader(source) : spec.reader;
        given.push(Object.freeze({ name, reader, ...(spec.effect ? { effect: spec.effect } : {}) }));
    }
    return Object.freeze(given);
}
function ignoredInputs(given, provider, action = 'read') {
    const warnings = [];
    for (const { name, reader, effect } of given) {
        if (reader === 'all' || reader === provider)
            continue;
        const whose = `is read for ${PROVIDER_NAMES[reader]} only, but this run uses ${PROVIDER_NAMES[provider]}`;
        if (effect !== undefined) {
            throw new InputError(`Input '${name}' ${whose}, which would ignore it: ${CONSEQUENCE[action][effect]}. Remove it, or set 'provider: ${reader}' if the run is meant for ${PROVIDER_NAMES[reader]}.`);
        }
        warnings.push(`Input '${name}' ${whose}, which ignores it.`);
    }
    return warnings;
}

const NAME_TRANSFORMATIONS = ['none', 'uppercase', 'lowercase'];
const MAX_JSON_DEPTH$1 = 32;
const MAX_JSON_KEYS = 1000;
function keyPart(key) {
    return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}
function isObject$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function depthOf(value, limit) {
    let max = 0;
    const stack = [[value, 0]];
    while (stack.length > 0) {
        const [v, d] = stack.pop();
        if (typeof v !== 'object' || v === null)
            continue;
        if (d + 1 > max)
            max = d + 1;
        if (max > limit)
            return max;
        for (const child of Array.isArray(v) ? v : Object.values(v))
            stack.push([child, d + 1]);
    }
    return max;
}
function keyPath(keys) {
    return keys.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}
function jsonObject(value) {
    if (!/^\s*\{/.test(value))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return undefined;
    }
    return isObject$1(parsed) && Object.keys(parsed).length > 0 ? parsed : undefined;
}
function flattenJson(s) {
    const root = jsonObject(s.value);
    if (root === undefined)
        return [s];
    if (depthOf(root, MAX_JSON_DEPTH$1) > MAX_JSON_DEPTH$1)
        throw new ActionError(`parse_json: ${s.name} (${s.source}) nests JSON deeper than ${MAX_JSON_DEPTH$1} levels; store it flatter, or turn parse_json off.`);
    const out = [];
    const walk = (obj, name, output, keys) => {
        for (const [key, value] of Object.entries(obj)) {
            const part = keyPart(key);
            const join = (base) => (part === '' ? base : `${base}_${part}`);
            const path = [...keys, key];
            if (isObject$1(value) && Object.keys(value).length > 0) {
                walk(value, join(name), output === undefined ? undefined : join(output), path);
                continue;
            }
            if (out.length === MAX_JSON_KEYS)
                throw new ActionError(`parse_json: ${s.name} (${s.source}) has more than ${MAX_JSON_KEYS} keys; split it into several secrets, or turn parse_json off.`);
            out.push({
                ...s,
                name: join(name),
                value: typeof value === 'string' ? value : JSON.stringify(value),
                source: `${s.source}, JSON ${keyPath(path)}`,
                outputName: output === undefined ? undefined : join(output),
                from: s.from ?? s.name,
                mapped: false,
            });
        }
    };
    walk(root, s.name, s.outputName, []);
    return out;
}
function transform(name, how) {
    if (how === 'uppercase')
        return name.toUpperCase();
    if (how === 'lowercase')
        return name.toLowerCase();
    return name;
}
function shapeName(name, opts) {
    return opts.namePrefix + transform(name, opts.nameTransformation);
}
function shapeSecrets(secrets, opts) {
    if (!opts.parseJson && opts.namePrefix === '' && opts.nameTransformation === 'none')
        return secrets;
    const out = [];
    for (const fetched of secrets) {
        for (const s of opts.parseJson ? flattenJson(fetched) : [fetched]) {
            const name = shapeName(s.name, opts);
            const outputName = s.outputName === undefined ? undefined : shapeName(s.outputName, opts);
            const from = s.from ?? (name === fetched.name ? undefined : fetched.name);
            out.push({ ...s, name, outputName, ...(from === undefined ? {} : { from }) });
        }
    }
    return out;
}

const PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;
function readShaping(read) {
    const namePrefix = read.text('name_prefix');
    if (namePrefix !== '' && !PREFIX.test(namePrefix))
        throw new InputError(`Input 'name_prefix' must be letters, digits and '_', not starting with a digit (e.g. TF_VAR_), got ${JSON.stringify(namePrefix.slice(0, 60))}.`);
    return Object.freeze({
        parseJson: read.boolean('parse_json', false),
        namePrefix,
        nameTransformation: read.choice('name_transformation', NAME_TRANSFORMATIONS),
    });
}

const OPTIONAL_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3}(?:=|==)?)?$/;
const REQUIRED_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function decodeBase64Strict(text, { padded = false } = {}) {
    if (!(padded ? REQUIRED_PADDING : OPTIONAL_PADDING).test(text))
        return undefined;
    const body = text.replace(/=+$/, '');
    const pad = text.length - body.length;
    if (pad > 0 && (body.length % 4) + pad !== 4)
        return undefined;
    const buf = Buffer.from(text, 'base64');
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeUtf8Strict(bytes) {
    return utf8.decode(bytes);
}

const LOGIN_METHODS = ['token', 'approle', 'github', 'jwt', 'kubernetes', 'ldap', 'userpass', 'cert'];
const KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
function need(v, name, method, what) {
    if (v === '')
        throw new InputError(`Input '${name}' is empty: 'method: ${method}' needs it (${what}).`);
    return v;
}
function base64Text(text) {
    const bytes = decodeBase64Strict(text.replace(/\s+/g, ''));
    return bytes === undefined ? '' : Buffer.from(bytes).toString('utf8');
}
function privateKeyOf(text) {
    const pem = base64Text(text);
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
        throw new InputError("Input 'jwtPrivateKey' must be the base64 encoding of a PEM private key (e.g. `base64 -w0 key.pem`), as vault-action takes it; it is not.");
    }
    return pem;
}
function payloadOf(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        throw new InputError("Input 'authPayload' is not valid JSON; give the login request's JSON object.");
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new InputError("Input 'authPayload' must be a JSON object (the body of the login request).");
    return text.trim();
}
function readVaultLogin(read, env) {
    const method = (isInfisicalMethod(read) ? '' : read.text('method').toLowerCase()) || 'token';
    const mount = read.text('path').replace(/^\/+|\/+$/g, '') || method;
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(mount) || mount.split('/').some((s) => s === '..' || s === '.')) {
        throw new InputError(`Input '${read.text('path') ? 'path' : 'method'}' must name an auth mount (letters, digits, '.', '_', '-', '/'), got '${mount}'.`);
    }
    const payload = read.text('authPayload');
    switch (method) {
        case 'token':
            return { method };
        case 'approle':
            return {
                method,
                mount,
                roleId: need(read.text('roleId'), 'roleId', method, "the AppRole's role_id"),
                secretId: read.text('secretId'),
            };
        case 'github':
            return {
                method,
                mount,
                githubToken: need(read.text('githubToken'), 'githubToken', method, 'a GitHub token Vault can look up'),
            };
        case 'jwt': {
            const key = read.text('jwtPrivateKey');
            const ttl = read.text('jwtTtl') || '3600';
            if (!/^\d{1,9}$/.test(ttl) || Number(ttl) === 0)
                throw new InputError(`Input 'jwtTtl' must be a whole number of seconds (default 3600), got '${ttl}'.`);
            return {
                method,
                mount,
                role: read.text('role'),
                audience: read.optional('jwtGithubAudience'),
                privateKey: key === '' ? undefined : privateKeyOf(key),
                keyPassword: read.optional('jwtKeyPassword'),
                ttlSeconds: Number(ttl),
                claims: {
                    event: env.GITHUB_EVENT_NAME,
                    workflow: env.GITHUB_WORKFLOW,
                    sha: env.GITHUB_SHA,
                    actor: env.GITHUB_ACTOR,
                    repository: env.GITHUB_REPOSITORY,
                    ref: env.GITHUB_REF,
                },
            };
        }
        case 'kubernetes':
            return {
                method,
                mount,
                role: need(read.text('role'), 'role', method, 'the Vault role bound to the service account'),
                tokenPath: read.text('kubernetesTokenPath') || KUBERNETES_TOKEN_PATH,
            };
        case 'userpass':
        case 'ldap':
            return {
                method,
                mount,
                username: need(read.text('username'), 'username', method, 'the user to log in as'),
                password: need(read.text('password'), 'password', method, "the user's password"),
            };
        case 'cert':
            return {
                method,
                mount,
                role: read.text('role'),
                payload: payload !== ''
                    ? payloadOf(payload)
                    : JSON.stringify(read.text('role') === '' ? {} : { name: read.text('role') }),
            };
        default:
            if (!/^[a-z0-9][a-z0-9._-]*$/.test(method))
                throw new InputError(`Input 'method' must be an auth method's name, got '${method}'.`);
            if (payload === '') {
                throw new InputError(`Input 'method' is '${method}', which is not one of ${LOGIN_METHODS.join(', ')}, and no 'authPayload' is given: give the login request's JSON in 'authPayload' (as vault-action requires for any other method); Infisical's methods are universal, oidc and aws-iam.`);
            }
            return { method: 'custom', name: method, mount, payload: payloadOf(payload) };
    }
}
function parseExtraHeaders(text) {
    const out = Object.create(null);
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
        const line = raw.trim();
        if (line === '')
            return;
        const colon = line.indexOf(':');
        const name = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (colon < 0 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
            throw new InputError(`Input 'extraHeaders', line ${i + 1}: expected 'Header-Name: value' (a header name is letters, digits and -_.!#$%&'*+^\`|~).`);
        }
        const problem = headerValueProblem(value);
        if (problem !== undefined)
            throw new InputError(`Input 'extraHeaders', line ${i + 1}: the value of ${name} ${problem}.`);
        if (name === 'x-vault-token' || name === 'x-vault-namespace') {
            throw new InputError(`Input 'extraHeaders', line ${i + 1}: ${name} is set by the action itself (from the login and 'namespace'); remove it.`);
        }
        out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
    });
    checkHeadersTotal(out, 'extraHeaders');
    return out;
}

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;
function clientKeyOf(text) {
    const pem = base64Text(text);
    if (!PRIVATE_KEY.test(pem)) {
        throw new InputError("Input 'clientKey' must be the base64 encoding of a PEM private key (e.g. `base64 -w0 client.key`), as vault-action takes it; it is not.");
    }
    return pem;
}
function clientCertificateOf(text) {
    const certs = parsePemCertificates(base64Text(text));
    if (certs === undefined) {
        throw new InputError("Input 'clientCertificate' must be the base64 encoding of a PEM certificate (e.g. `base64 -w0 client.pem`; intermediates may follow it), as vault-action takes it; it is not.");
    }
    return certs.join('\n');
}
function checkPair(cert, key) {
    const { X509Certificate, createPrivateKey } = process.getBuiltinModule('node:crypto');
    let privateKey;
    try {
        privateKey = createPrivateKey(key);
    }
    catch {
        throw new InputError("Input 'clientKey' is not a readable private key (an encrypted key is not supported: give it unencrypted, e.g. `openssl pkey -in client.key | base64 -w0`).");
    }
    let leaf;
    try {
        leaf = new X509Certificate(cert);
    }
    catch {
        throw new InputError("Input 'clientCertificate' is not a readable X.509 certificate.");
    }
    if (!leaf.checkPrivateKey(privateKey)) {
        throw new InputError("Input 'clientKey' is not the private key of the (first) certificate in 'clientCertificate'; give the pair that belongs together.");
    }
}
function readVaultTls(read) {
    const insecure = read.boolean('tlsSkipVerify', false);
    const certText = read.text('clientCertificate');
    const keyText = read.text('clientKey');
    if (certText === '' && keyText === '')
        return insecure ? Object.freeze({ insecure }) : undefined;
    if (certText === '' || keyText === '') {
        const [missing, given] = certText === '' ? ['clientCertificate', 'clientKey'] : ['clientKey', 'clientCertificate'];
        throw new InputError(`Input '${missing}' is empty, but '${given}' is given: a TLS client certificate needs both (base64 of the PEM certificate and of its private key).`);
    }
    const cert = clientCertificateOf(certText);
    const key = clientKeyOf(keyText);
    checkPair(cert, key);
    return Object.freeze({ insecure, cert, key });
}

function booleanOf(read, value, names, fallback) {
    if (value === '')
        return fallback;
    return read.boolean(read.text(names[0]) !== '' ? names[0] : names[1], fallback);
}
function readNamespace(read, env) {
    const given = read.text('namespace');
    const namespace = (given || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '');
    const problem = headerValueProblem(namespace);
    if (problem !== undefined) {
        const where = given !== '' ? "Input 'namespace'" : 'The environment variable VAULT_NAMESPACE';
        throw new InputError(`${where} ${problem} (it is sent as the X-Vault-Namespace header): ${shown(namespace)}.`);
    }
    return namespace;
}
function readVaultServer(read, { baseUrl, env }) {
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
    const namespace = readNamespace(read, env);
    return {
        url,
        urlProblem,
        namespace: namespace === '' ? undefined : namespace,
        extraHeaders: Object.freeze(parseExtraHeaders(read.text('extraHeaders'))),
    };
}
function readVault(read, { accessToken, baseUrl, env }) {
    const server = readVaultServer(read, { baseUrl, env });
    const encodingText = read.either(['encoding', 'secretEncodingType']);
    const encoding = encodingText === 'utf8' ? '' : encodingText;
    if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
        const name = read.text('encoding') !== '' ? 'encoding' : 'secretEncodingType';
        throw new InputError(`Input '${name}' must be 'base64' or 'hex' (or empty), got '${encoding}'.`);
    }
    const exportToken = read.text('export_token');
    if (exportToken !== '' && exportToken !== 'child') {
        throw new InputError(`Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`);
    }
    const uses = read.text('num_uses');
    if (uses !== '' && !/^\d{1,9}$/.test(uses))
        throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`);
    const pki = read.text('pki');
    if (pki !== '' && read.text('secrets') !== '')
        throw new InputError("Inputs 'secrets' and 'pki' cannot both be given (as with vault-action): issue certificates in a step of their own.");
    const login = readVaultLogin(read, env);
    const tls = readVaultTls(read);
    if (login.method === 'cert' && tls?.cert === undefined) {
        throw new InputError("Input 'clientCertificate' is empty: 'method: cert' needs it (the TLS client certificate Vault's cert auth method checks, with 'clientKey').");
    }
    const policies = read
        .text('policies')
        .split(/[,\s]+/)
        .filter((p) => p !== '');
    return Object.freeze({
        accessToken,
        ...server,
        checkToken: read.boolean('check_token', false),
        minTtlSeconds: read.duration('min_ttl', 600),
        encoding: encoding === '' ? undefined : encoding,
        ignoreNotFound: booleanOf(read, read.either(['ignore_not_found', 'ignoreNotFound']), ['ignore_not_found', 'ignoreNotFound'], false),
        exportToken: exportToken === '' ? undefined : exportToken,
        ttlSeconds: read.duration('ttl', 900),
        numUses: uses === '' || uses === '0' ? undefined : Number(uses),
        policies: policies.length === 0 ? undefined : Object.freeze(policies),
        named: ['url', 'token'].some((name) => read.text(name) !== '') ||
            (read.text('method') !== '' && !isInfisicalMethod(read)),
        login: Object.freeze(login),
        publishToken: Object.freeze({
            env: read.boolean('exportToken', false),
            output: read.boolean('outputToken', false),
        }),
        tls,
        pki: pki === '' ? undefined : pki,
    });
}

const PROVIDER_KINDS = ['bitwarden', 'infisical', 'vault'];

const PROVIDER_CHOICES = ['auto', ...PROVIDER_KINDS];
const runnerInputs = (name, options) => getInput(name, { trimWhitespace: options?.trim ?? true });
function usesVaultActionUrl(source = runnerInputs) {
    return source('url') !== '';
}
function readSetEnv(read, warning) {
    const v = read.either(['set_env', 'exportEnv']);
    if (v.toLowerCase() === 'false')
        return false;
    if (!['', 'true', 'True', 'TRUE'].includes(v)) {
        warning(`Input '${read.text('set_env') !== '' ? 'set_env' : 'exportEnv'}' is '${v}', which is not 'true' or 'false'; treating it as true as Bitwarden's action does.`);
    }
    return true;
}
function readTimeout(read) {
    const v = read.text('timeout');
    if (v === '')
        return 60;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || !(n >= 1) || n > 3600) {
        throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got ${shown(v)}.`);
    }
    return n;
}
function readAccessToken(read) {
    const token = read.either(['access_token', 'token']);
    if (token !== '')
        return token;
    if (hasIdentityLogin(read))
        return '';
    const method = read.text('method').toLowerCase();
    if (method !== '' && method !== 'token')
        return '';
    const pair = assertClientPair(read, " (or give 'access_token' instead)");
    return pair === 'both' ? '' : read.required('access_token');
}
function readCaCertificate(read) {
    const pem = read.text('ca_certificate');
    const b64 = read.text('caCertificate');
    let fromPem;
    let fromB64;
    if (pem !== '') {
        const certs = parsePemCertificates(pem);
        if (certs === undefined) {
            throw new InputError(`Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' \u2026 '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`);
        }
        fromPem = certs.join('\n');
    }
    if (b64 !== '') {
        const certs = parsePemCertificates(base64Text(b64));
        if (certs === undefined) {
            throw new InputError("Input 'caCertificate' must be the base64 encoding of PEM certificates (e.g. `base64 -w0 ca.pem`), as vault-action takes it; it is not. Or give the PEM text itself in 'ca_certificate'.");
        }
        fromB64 = certs.join('\n');
    }
    if (fromPem !== undefined && fromB64 !== undefined && fromPem !== fromB64) {
        throw new InputError("Inputs 'ca_certificate' and 'caCertificate' are two names for the same setting but have different certificates; give only one of them.");
    }
    return fromPem ?? fromB64;
}
function readBaseUrl(read) {
    const v = read.either(['base_url', 'url']);
    return v === '' ? undefined : normalizeServerUrl(v, read.text('base_url') !== '' ? 'base_url' : 'url');
}
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
    const common = { accessToken: readAccessToken(read), baseUrl: readBaseUrl(read), env };
    const { accessToken, baseUrl } = common;
    const infisical = readInfisical(read, common);
    const setEnv = readSetEnv(read, options.warning ?? (() => { }));
    const keep = read.boolean('keep_file', false);
    return Object.freeze({
        provider: read.choice('provider', PROVIDER_CHOICES),
        accessToken,
        secrets: read.text('secrets', { trim: false }),
        baseUrl,
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
        shape: readShaping(read),
        clean: read.boolean('clean', false),
        given: givenInputs(source),
    });
}

var inputs = /*#__PURE__*/Object.freeze({
    __proto__: null,
    PROVIDER_CHOICES: PROVIDER_CHOICES,
    readBaseUrl: readBaseUrl,
    readCaCertificate: readCaCertificate,
    readSettings: readSettings,
    readTimeout: readTimeout,
    runnerInputs: runnerInputs,
    usesVaultActionUrl: usesVaultActionUrl
});

function fail(rule) {
    throw new InputError(`Input 'access_token' is not a valid Infisical service token: ${rule}.`);
}
const TOKEN_SHAPE$1 = /^st\./;
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

const TOKEN_SHAPE = /^(hvs|hvb|hvr|s|b|r)\.\S/;
const MAX_TOKEN_LENGTH = 8192;
function parseVaultToken(raw) {
    const value = raw.trim();
    if (value === '')
        throw new InputError("Input 'access_token' is empty: give a Vault token (hvs.\u2026, hvb.\u2026, s.\u2026).");
    if (/[^\x21-\x7e]/.test(value)) {
        throw new InputError("Input 'access_token' contains whitespace, control or non-ASCII characters inside the token; a Vault token is one printable word.");
    }
    if (value.length > MAX_TOKEN_LENGTH) {
        throw new InputError(`Input 'access_token' is ${value.length} characters long; a Vault token is at most a few hundred (is this the right secret?).`);
    }
    const m = /^(hv)?([sbr])\./.exec(value);
    const kind = !m ? 'unknown' : m[2] === 's' ? 'service' : m[2] === 'b' ? 'batch' : 'recovery';
    return { value, kind, legacy: m !== null && m[1] === undefined };
}

const TOKEN_SHAPES = [
    ['infisical', TOKEN_SHAPE$1],
    ['vault', TOKEN_SHAPE],
];
function detectProvider(token, choice = 'auto', infisicalIdentity = false, vaultActionInputs = false) {
    if (choice !== 'auto')
        return choice;
    if (token === '' && infisicalIdentity)
        return 'infisical';
    if (vaultActionInputs)
        return 'vault';
    return TOKEN_SHAPES.find(([, shape]) => shape.test(token))?.[0] ?? 'bitwarden';
}
async function createProvider(settings, ctx) {
    const { clientId, identityId, method } = settings.infisical;
    const identity = clientId !== undefined || identityId !== undefined || INFISICAL_METHODS.some((m) => m === method);
    switch (detectProvider(settings.accessToken, settings.provider, identity, settings.vault.named)) {
        case 'bitwarden':
            return (await import('./providers-bitwarden-ChmZDpMB.js').then(function (n) { return n.i; })).create(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./providers-vault-BXlX3qF7.js').then(function (n) { return n.i; })).create(settings.vault, ctx);
        case 'infisical':
            return (await import('./providers-infisical-DHf9U16D.js').then(function (n) { return n.f; })).create(settings.infisical, ctx);
    }
}
async function createWriter(settings, ctx) {
    const kind = detectProvider(settings.accessToken, settings.provider, settings.infisicalIdentity, settings.vaultNamed);
    switch (kind) {
        case 'bitwarden':
            return (await import('./providers-bitwarden-write-3JGCpsDm.js')).createWriter(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./providers-vault-write-CVE3FoNU.js')).createWriter(settings, ctx);
        case 'infisical':
            return (await import('./providers-infisical-write-DfRyJkFT.js')).createWriter(settings.infisical, ctx);
    }
}
async function loadCleanupHandler(kind, settings, ctx) {
    if (kind.startsWith('vault-')) {
        const handler = (await import('./providers-vault-BXlX3qF7.js').then(function (n) { return n.d; })).CLEANUP_HANDLERS[kind];
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

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COMMENT = /(^|\s)#.*$/;
function meaningfulLines(input) {
    const out = [];
    input.split(/\r\n|\r|\n/).forEach((raw, i) => {
        const text = raw.replace(COMMENT, '').trim();
        if (text !== '')
            out.push({ line: i + 1, text });
    });
    return out;
}
function quote(text, max = 60) {
    const shown = text.length > max ? `${text.slice(0, max)}\u2026` : text;
    return JSON.stringify(shown);
}
function lineError(line, rule) {
    return new InputError(`${secretsLine(line)}: ${rule}.`);
}
function assertEnvName(name, line) {
    if (!ENV_NAME.test(name)) {
        throw lineError(line, `${quote(name)} is not a valid environment variable name (use letters, digits and '_', not starting with a digit)`);
    }
}

const CLASSES = [
    [{ label: "the runner's own", runner: true }, ['GITHUB_*', 'RUNNER_*', 'ACTIONS_*', 'NODE_OPTIONS']],
    [
        { label: 'shell start-up and prompts' },
        [
            'BASH_ENV',
            'ENV',
            'SHELLOPTS',
            'BASHOPTS',
            'PS0',
            'PS1',
            'PS2',
            'PS3',
            'PS4',
            'PROMPT_COMMAND',
            'BASH_FUNC_\u2026',
            'IFS',
            'CDPATH',
            'GLOBIGNORE',
            'ZDOTDIR',
            'INPUTRC',
            'BASH_XTRACEFD',
        ],
    ],
    [{ label: 'dynamic loaders' }, ['LD_+', 'DYLD_+']],
    [{ label: 'program search paths' }, ['PATH', 'PATHEXT']],
    [
        { label: "language runtimes' options and paths" },
        [
            'NODE_PATH',
            'NODE_REPL_EXTERNAL_MODULE',
            'NODE_ICU_DATA',
            'JAVA_TOOL_OPTIONS',
            '_JAVA_OPTIONS',
            'JDK_JAVA_OPTIONS',
            'CLASSPATH',
            'MAVEN_OPTS',
            'GRADLE_OPTS',
            'PERL5OPT',
            'PERL5LIB',
            'PERLLIB',
            'RUBYOPT',
            'RUBYLIB',
            'PYTHONPATH',
            'PYTHONSTARTUP',
            'PYTHONHOME',
            'PYTHONUSERBASE',
            'DOTNET_STARTUP_HOOKS',
            'DOTNET_ADDITIONAL_DEPS',
            'DOTNET_SHARED_STORE',
            'COMPLUS_+',
            'CORECLR_+',
            'RUSTC',
            'RUSTC_WRAPPER',
            'RUSTC_WORKSPACE_WRAPPER',
            'RUSTFLAGS',
            'CARGO_BUILD_+',
            'GOFLAGS',
            'CC',
            'CXX',
            'LUA_INIT*',
            'LUA_PATH',
            'LUA_CPATH',
            'PHPRC',
            'PHP_INI_SCAN_DIR',
            'R_PROFILE*',
            'TCLLIBPATH',
        ],
    ],
    [
        { label: "git's configuration and command hooks" },
        [
            'GIT_CONFIG*',
            'GIT_SSH',
            'GIT_SSH_COMMAND',
            'GIT_EXEC_PATH',
            'GIT_ASKPASS',
            'SSH_ASKPASS',
            'GIT_PROXY_COMMAND',
            'GIT_EXTERNAL_DIFF',
            'GIT_PAGER',
            'GIT_EDITOR',
            'GIT_SEQUENCE_EDITOR',
            'GIT_TEMPLATE_DIR',
            'GIT_DIR',
            'GIT_WORK_TREE',
            'PAGER',
            'EDITOR',
            'VISUAL',
            'LESSOPEN',
            'LESSCLOSE',
        ],
    ],
    [
        { label: "package managers' registries and indexes" },
        [
            'NPM_CONFIG_+',
            'YARN_+',
            'PNPM_+',
            'PIP_+',
            'UV_INDEX*',
            'UV_EXTRA_INDEX_URL',
            'PIPENV_PYPI_MIRROR',
            'POETRY_+',
            'BUNDLE_MIRROR*',
            'GEM_HOST*',
            'NUGET_+',
            'GOPROXY',
            'GOPRIVATE',
            'GONOPROXY',
            'GONOSUMDB',
            'GONOSUMCHECK',
            'GOSUMDB',
            'GOINSECURE',
            'COMPOSER_+',
            'CARGO_REGISTR+',
            'CONDA_+',
            'HOMEBREW_+',
        ],
    ],
    [
        { label: 'proxies and certificate authorities' },
        [
            'HTTP_PROXY',
            'HTTPS_PROXY',
            'ALL_PROXY',
            'NO_PROXY',
            'FTP_PROXY',
            'SSL_CERT_FILE',
            'SSL_CERT_DIR',
            'CURL_CA_BUNDLE',
            'REQUESTS_CA_BUNDLE',
            'NODE_EXTRA_CA_CERTS',
            'NODE_TLS_REJECT_UNAUTHORIZED',
            'GIT_SSL_+',
            'AWS_CA_BUNDLE',
        ],
    ],
];
const COMPILED = CLASSES.map(([cls, names]) => {
    const exact = new Set();
    const families = [];
    for (const name of names) {
        const tail = name.at(-1);
        if (tail === '*' || tail === '+' || tail === '\u2026')
            families.push({ prefix: name.slice(0, -1), tail });
        else
            exact.add(name);
    }
    return { cls, exact, families };
});
const WORD_CHARS = /^\w*$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
function asciiUpper(name) {
    let out = '';
    for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : name[i];
    }
    return out;
}
function inFamily(name, f) {
    if (!name.startsWith(f.prefix))
        return false;
    const rest = name.slice(f.prefix.length);
    if (f.tail === '\u2026')
        return rest !== '' && !LINE_BREAK.test(rest);
    return (f.tail === '*' || rest !== '') && WORD_CHARS.test(rest);
}
function nameClass(name) {
    const upper = asciiUpper(name);
    return COMPILED.find((c) => c.exact.has(upper) || c.families.some((f) => inFamily(upper, f)))?.cls;
}
function policyFor(name, mapped) {
    const found = nameClass(name);
    if (!found)
        return { verdict: 'ok' };
    if (!mapped)
        return { verdict: 'refuse', label: found.label };
    if (/^GITHUB_TOKEN$/i.test(name))
        return { verdict: 'ok' };
    return { verdict: found.runner ? 'refuse' : 'warn', label: found.label };
}

const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/;
function outputNameOf(s) {
    return s.outputName ?? s.name;
}
const MAX_ENV_STRING = 128 * 1024;
const MAX_ENV_TOTAL = 1024 * 1024;
function assertExportable(secrets, opts) {
    const warnings = [];
    const seen = new Map();
    const outputs = new Map();
    let envBytes = 0;
    let envCount = 0;
    for (const s of secrets) {
        const env = s.only === 'env' || (opts.setEnv && s.only !== 'output');
        if (env) {
            const bytes = Buffer.byteLength(s.name) + Buffer.byteLength(s.value) + 2;
            if (bytes > MAX_ENV_STRING) {
                throw new ActionError(`Refusing to export ${s.name} (${s.source}) as an environment variable: its value is ${Math.ceil(bytes / 1024)} KiB, ` +
                    `over the ${MAX_ENV_STRING / 1024} KiB a single variable may hold for a process to start (every later step would fail with E2BIG). ` +
                    "Write it to a file with 'export_file', or set 'set_env: false' to set step outputs only.");
            }
            envBytes += bytes;
            envCount++;
        }
        const policy = env && !opts.allowDangerousNames ? policyFor(s.name, s.mapped === true) : { verdict: 'ok' };
        if (policy.verdict === 'refuse') {
            const who = s.mapped
                ? ''
                : " The name comes from the server (a wildcard's key or a JSON field), not from the mapping: map the secret to a name of your own.";
            throw new ActionError(`Refusing to export ${s.name} (${s.source}) as an environment variable: it would change how every later step runs ` +
                `(${policy.label}; SECURITY.md lists the names refused).${who} ` +
                "Map it to another name, or set 'allow_dangerous_names: true' if you mean it.");
        }
        if (policy.verdict === 'warn') {
            warnings.push(`${s.name} (${s.source}) is exported as an environment variable as the mapping asks, but it changes how every later step runs (${policy.label}).`);
        }
        if (!ENV_NAME.test(s.name))
            throw new ActionError(`Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`);
        if (s.only !== 'output') {
            const first = seen.get(s.name);
            if (first !== undefined)
                throw new ActionError(`Refusing to export ${s.name} twice (${first} and ${s.source}).`);
            seen.set(s.name, s.source);
        }
        if (s.only === 'env')
            continue;
        const output = outputNameOf(s);
        if (!OUTPUT_NAME.test(output))
            throw new ActionError(`Refusing to set the output ${JSON.stringify(output)} (${s.source}): not a valid output name.`);
        const firstOutput = outputs.get(output.toLowerCase());
        if (firstOutput !== undefined)
            throw new ActionError(`Refusing to set the output ${output} twice, ignoring case (${firstOutput} and ${s.source}).`);
        outputs.set(output.toLowerCase(), s.source);
    }
    if (envBytes > MAX_ENV_TOTAL) {
        throw new ActionError(`Refusing to export ${envCount} environment variables holding ${Math.ceil(envBytes / 1024)} KiB in all: over the ` +
            `${MAX_ENV_TOTAL / 1024} KiB this step may add for later processes to start (the kernel's limit for a whole environment is about 2 MiB; ` +
            "every later step would fail with E2BIG). Write them to a file with 'export_file', or set 'set_env: false' to set step outputs only.");
    }
    return warnings;
}

const CLEAN_ENV_CLEANUP = 'clean-env';
function cleanEnvCleanup(secrets, opts) {
    const names = secrets.filter((s) => s.only === 'env' || (opts.setEnv && s.only !== 'output')).map((s) => s.name);
    if (names.length === 0)
        return undefined;
    return { kind: CLEAN_ENV_CLEANUP, data: { names: names.join('\n') } };
}
function cleanEnv(data, exportVariable, info) {
    const names = (data.names ?? '').split('\n').filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    for (const name of names)
        exportVariable(name, '');
    info(`inject-secrets post step: emptied ${names.length} environment variable${names.length === 1 ? '' : 's'} for the later steps (clean: true).`);
}

function scrubbedLog(log, masks) {
    return {
        info: (message) => log.info(masks.scrub(message)),
        warning: (message) => log.warning(masks.scrub(message)),
        debug: (message) => log.debug(masks.scrub(message)),
    };
}
function providerContext(run, masks, log) {
    const http = createHttpClient({
        timeoutMs: Math.min(30_000, run.timeoutSeconds * 1000),
        deadlineMs: run.timeoutSeconds * 1000,
        userAgent: run.userAgent,
        ca: run.caCertificate,
        debug: log.debug,
    });
    return {
        http,
        mask: masks.mask,
        warning: log.warning,
        debug: log.debug,
        now: Date.now,
        async idToken(audience, reason, whileFetching) {
            const { fetchIdToken } = await import('./github-oidc-DxJUcLCG.js');
            const token = await fetchIdToken(http, audience, reason, run.env, whileFetching);
            masks.mask(token);
            return token;
        },
    };
}

async function run(rt) {
    const { masks } = rt;
    const log = scrubbedLog(rt.log, masks);
    const settings = await readInputs(rt, log);
    const deadline = Date.now() + settings.timeoutSeconds * 1000;
    masks.mask(settings.accessToken);
    const provider = await (rt.createProvider ?? createProvider)(settings, providerContext({ ...settings, userAgent: rt.userAgent, env: rt.env }, masks, log));
    ignoredInputs(settings.given, provider.kind).forEach((w) => log.warning(w));
    const { requests, warnings } = provider.parse(settings.secrets);
    warnings.forEach((w) => log.warning(w));
    const { preparePublish } = rt;
    if (preparePublish)
        whileWaiting(() => preparePublish(settings));
    const fetched = await provider.fetch(requests);
    try {
        return await conclude(rt, log, settings, provider.kind, fetched, deadline);
    }
    finally {
        await fetched.settling;
    }
}
async function conclude(rt, log, settings, kind, fetched, deadline) {
    const { masks } = rt;
    recordCleanups(rt, fetched.cleanups, log);
    pastDeadline(deadline, settings.timeoutSeconds, 'reading the answers');
    const secrets = shapeSecrets(fetched.secrets, settings.shape);
    assertExportable(secrets, settings).forEach((w) => log.warning(w));
    for (const s of fetched.secrets)
        masks.mask(s.value);
    if (secrets !== fetched.secrets)
        for (const s of secrets)
            masks.mask(s.value);
    const clean = settings.clean ? cleanEnvCleanup(secrets, settings) : undefined;
    if (clean)
        recordCleanups(rt, [clean], log);
    pastDeadline(deadline, settings.timeoutSeconds, 'checking and masking the values');
    await rt.publish(secrets, { settings, provider: kind });
    log.info(doneLine(secrets, kind));
    return { secrets, provider: kind };
}
const MAX_NAMES_LOGGED = 100;
function doneLine(secrets, provider) {
    const n = secrets.length;
    const names = secrets.slice(0, MAX_NAMES_LOGGED).map((s) => s.name);
    if (n > MAX_NAMES_LOGGED)
        names.push(`\u2026 and ${n - MAX_NAMES_LOGGED} more`);
    return `inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${provider}: ${names.join(', ')}`;
}
async function readInputs(rt, log) {
    try {
        return readSettings(rt.inputs, { warning: log.warning, env: rt.env });
    }
    catch (err) {
        throw await (await import('./github-fork-hint-BGF9pFxA.js')).withForkHint(err);
    }
}
function pastDeadline(deadline, timeoutSeconds, stage) {
    if (Date.now() > deadline) {
        throw new ActionError(`Timed out after ${timeoutSeconds} s (input 'timeout') while ${stage}; nothing was exported.`);
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

function jsonEscaped(s) {
    const e = JSON.stringify(s).slice(1, -1);
    return e === s ? undefined : e;
}
const CONTROL_RUNS = /[\u0000-\u001f\u007f]+/g;
const PLAIN = /^[^\s\u0000-\u001f\u007f"\\\ud800-\udfff]+$/;
function fold(text) {
    return text.replace(CONTROL_RUNS, ' ').replace(/\s+/g, ' ').trim();
}
function masksFor(value) {
    if (value === '')
        return [];
    if (PLAIN.test(value))
        return [value];
    const lines = value
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const forms = [value, ...lines];
    const escaped = forms.map(jsonEscaped).filter((e) => e !== undefined);
    const folded = fold(value);
    return [...new Set([...forms, ...escaped, ...(folded === '' ? [] : [folded])])];
}
function createMasks(register) {
    const known = new Set();
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
            const out = index.byLength ? replaceByLength(text, index.byLength) : replaceEach(text, index.longestFirst);
            return out.includes('\u2026') ? scrubCutPrefixes(out, index.longestFirst) : out;
        },
    };
}
function indexMasks(known) {
    const longestFirst = [...known].sort((a, b) => b.length - a.length);
    return {
        longestFirst,
        byLength: longestFirst.length <= SEARCH_EACH_MASK ? undefined : lengthIndex(longestFirst),
    };
}
function lengthIndex(longestFirst) {
    const byLength = new Map();
    for (const m of longestFirst) {
        let set = byLength.get(m.length);
        if (!set)
            byLength.set(m.length, (set = new Set()));
        set.add(m);
    }
    const lengths = [...byLength.keys()];
    const filter = new Uint32Array(FILTER_SLOTS / 32);
    lengths.forEach((length, k) => {
        for (const m of byLength.get(length)) {
            const slot = slotOf(hashOf(m, 0, length), k);
            filter[slot >>> 5] |= 1 << (slot & 31);
        }
    });
    return { byLength, lengths, filter, topPowers: lengths.map((length) => power(length - 1)) };
}
const FILTER_BITS = 22;
const FILTER_SLOTS = 1 << FILTER_BITS;
function slotOf(hash, lengthIndex) {
    return Math.imul(hash ^ Math.imul(lengthIndex + 1, 0x9e3779b1), 0x85ebca6b) >>> (32 - FILTER_BITS);
}
const BASE = 0x01000193;
function hashOf(text, from, length) {
    let h = 0;
    for (let i = from; i < from + length; i++)
        h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    return h;
}
function power(exponent) {
    let p = 1;
    for (let i = 0; i < exponent; i++)
        p = Math.imul(p, BASE);
    return p;
}
const SEARCH_EACH_MASK = 256;
function replaceEach(text, longestFirst) {
    let out = text;
    for (const s of longestFirst)
        if (out.includes(s))
            out = out.split(s).join('***');
    return out;
}
function replaceByLength(text, index) {
    const { lengths, filter, topPowers } = index;
    const windows = new Int32Array(lengths.length);
    const restart = (at) => {
        lengths.forEach((length, k) => {
            if (at + length <= text.length)
                windows[k] = hashOf(text, at, length);
        });
    };
    let out = '';
    let plain = 0;
    let i = 0;
    restart(0);
    while (i < text.length) {
        let hit = 0;
        for (let k = 0; k < lengths.length; k++) {
            const length = lengths[k];
            if (i + length > text.length)
                continue;
            const slot = slotOf(windows[k], k);
            if ((filter[slot >>> 5] & (1 << (slot & 31))) === 0)
                continue;
            if (index.byLength.get(length).has(text.slice(i, i + length))) {
                hit = length;
                break;
            }
        }
        if (hit === 0) {
            const leaving = text.charCodeAt(i);
            for (let k = 0; k < lengths.length; k++) {
                const end = i + lengths[k];
                if (end < text.length) {
                    const dropped = (windows[k] - Math.imul(leaving, topPowers[k])) | 0;
                    windows[k] = (Math.imul(dropped, BASE) + text.charCodeAt(end)) | 0;
                }
            }
            i++;
            continue;
        }
        out += `${text.slice(plain, i)}***`;
        i += hit;
        plain = i;
        restart(i);
    }
    return out + text.slice(plain);
}
const MIN_PREFIX = 4;
function scrubCutPrefixes(text, longestFirst) {
    let out = '';
    let from = 0;
    for (let p = text.indexOf('\u2026'); p >= 0; p = text.indexOf('\u2026', p + 1)) {
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
        out += `${text.slice(from, p - cut)}${cut > 0 ? '***' : ''}\u2026`;
        from = p + 1;
    }
    return out + text.slice(from);
}

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

function maskCommands(setSecret, stream = () => process.stdout) {
    let out;
    const flush = () => {
        if (!out)
            return;
        out.uncork();
        out = undefined;
    };
    return {
        add(form) {
            if (!out) {
                out = stream();
                out.cork();
                process.nextTick(flush);
            }
            setSecret(form);
        },
        flush,
    };
}

function writeExports(secrets, setEnv) {
    const real = process.env;
    process.env = { ...real };
    try {
        for (const s of secrets) {
            if (s.only === 'env' || (setEnv && s.only !== 'output'))
                exportVariable(s.name, s.value);
            if (s.only !== 'env')
                setOutput(outputNameOf(s), s.value);
        }
    }
    finally {
        process.env = real;
    }
}
function assertRunnerFilesWritable(env) {
    for (const variable of env ? ['GITHUB_ENV', 'GITHUB_OUTPUT'] : ['GITHUB_OUTPUT']) {
        const path = process.env[variable];
        if (!path)
            continue;
        try {
            closeSync(openSync(path, 'a'));
        }
        catch (err) {
            throw new ActionError(`Cannot write ${variable} (${path}): ${err.code ?? 'error'}; nothing was exported.`, { cause: err });
        }
    }
}
async function exportAll(secrets, opts) {
    assertRunnerFilesWritable(opts.setEnv || secrets.some((s) => s.only === 'env'));
    let removeFile;
    if (opts.exportFile) {
        const { exportToFile } = await import('./runner-export-file-BkFNhv9A.js');
        removeFile = exportToFile(secrets, opts.exportFile, opts.record);
    }
    try {
        writeExports(secrets, opts.setEnv);
        if (opts.exportFile)
            setOutput('export_file', opts.exportFile.path);
    }
    catch (err) {
        removeFile?.();
        throw err;
    }
}

function preparePublish(settings) {
    process.getBuiltinModule('node:crypto');
    if (settings.summary && process.env.GITHUB_STEP_SUMMARY)
        import('./runner-summary-BbC1KWoD.js').catch(() => undefined);
}
async function publish(secrets, run, ctx) {
    const { settings } = run;
    await exportAll(secrets, { setEnv: settings.setEnv, exportFile: settings.exportFile, record: ctx.record });
    if (!settings.summary || !process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        const { writeSummary } = await import('./runner-summary-BbC1KWoD.js');
        const file = settings.exportFile && {
            path: settings.exportFile.path,
            format: settings.exportFile.format,
            kept: settings.exportFile.keep,
        };
        writeSummary(secrets, { provider: run.provider, setEnv: settings.setEnv, file, scrub: ctx.scrub });
    }
    catch (err) {
        ctx.warning(`inject-secrets: the job summary could not be written (the secrets were exported): ${err instanceof Error ? err.message : String(err)}`);
    }
}

function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const MAX_JSON_DEPTH = 64;
function nestsDeeperThan(text, max = MAX_JSON_DEPTH) {
    if (text.length > FAST_PATH_MAX)
        return loopNestsDeeperThan(text, max);
    let brackets;
    try {
        brackets = text.replace(NOT_BRACKETS, '');
    }
    catch {
        return loopNestsDeeperThan(text, max);
    }
    let depth = 0;
    for (let i = 0; i < brackets.length; i++) {
        const c = brackets.charCodeAt(i);
        if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                return true;
        }
        else
            depth--;
    }
    return false;
}
const FAST_PATH_MAX = 1024 * 1024;
const NOT_BRACKETS = /"(?:[^"\\]+|\\[\s\S]?)*(?:"|$)|[^[\]{}"]+/g;
function loopNestsDeeperThan(text, max) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                return true;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return false;
}
function jsonObjectOf(text) {
    if (nestsDeeperThan(text))
        return undefined;
    try {
        const body = JSON.parse(text);
        return isObject(body) ? body : undefined;
    }
    catch {
        return undefined;
    }
}
function shapeError(where, problem) {
    return new ServerError(`${where}: unexpected response from the server (${problem}).`);
}
function stringField(o, name, where) {
    const v = o[name];
    if (typeof v !== 'string')
        throw shapeError(where, `field '${name}' is missing or not a string`);
    return v;
}
function oneLine(text, max = 200) {
    const line = text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}
function parseJson(res, where) {
    if (nestsDeeperThan(res.text)) {
        throw new ServerError(`${where}: the JSON answer nests deeper than ${MAX_JSON_DEPTH} levels (HTTP ${res.status}); refusing to read it.`, res.status);
    }
    try {
        return JSON.parse(res.text);
    }
    catch {
        const type = res.headers['content-type'] ?? 'no content type';
        throw new ServerError(`${where}: expected JSON, got ${res.text.length} bytes of ${String(type)} (HTTP ${res.status})`, res.status);
    }
}

export { createInputReader as $, ActionError as A, setFailed as B, CryptoError as C, createCleanupRecorder as D, ENV_NAME as E, saveState as F, maskCommands as G, setSecret as H, InputError as I, runCleanups as J, getState as K, CLEANUP_STATE_KEY as L, CLEAN_ENV_CLEANUP as M, cleanEnv as N, exportVariable as O, hasIdentityLogin as P, assertClientPair as Q, readVaultLogin as R, ServerError as S, readVaultTls as T, readBaseUrl as U, readVaultServer as V, readInfisicalLogin as W, readBitwarden as X, readCaCertificate as Y, readTimeout as Z, PROVIDER_CHOICES as _, assertEnvName as a, scrubbedLog as a0, providerContext as a1, createWriter as a2, ignoredInputs as a3, givenInputs as a4, WRITE_INPUTS as a5, certificateErrorCode as a6, readLimited as a7, readProxySettings as a8, trustStore as a9, agentTls as aa, proxyFor as ab, certificateError as ac, client as ad, inputs as ae, index as af, shapeError as b, stringField as c, decodeBase64Strict as d, parseVaultToken as e, parseServiceToken as f, decodeUtf8Strict as g, createMasks as h, isObject as i, jsonObjectOf as j, run as k, lineError as l, meaningfulLines as m, preparePublish as n, oneLine as o, parseJson as p, quote as q, requestSent as r, secretsLine as s, runnerInputs as t, publish as u, debug as v, warning as w, info as x, usesVaultActionUrl as y, setOutput as z };
