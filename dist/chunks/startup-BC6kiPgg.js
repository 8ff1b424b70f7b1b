const { isAbsolute, resolve, join, relative } = process.getBuiltinModule('node:path');
const { closeSync, openSync } = process.getBuiltinModule('node:fs');
const os = process.getBuiltinModule('node:os');
const fs = process.getBuiltinModule('node:fs');

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
const crypto = { randomUUID: () => process.getBuiltinModule('node:crypto').randomUUID() };
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
/** Whether the system store added a CA to Node's default store; undefined until it is read. */
let systemAdded;
/**
 * Adds the operating system's trusted CAs to Node's default trust store, once per process, as
 * Bitwarden's action trusts them (its SDK's HTTP client verifies with rustls-platform-verifier, the
 * platform's store): a corporate CA installed on a self-hosted runner, or named by SSL_CERT_FILE /
 * SSL_CERT_DIR. Node reads 'system' as `--use-system-ca` does:
 * on Linux OpenSSL's default file and directory (SSL_CERT_FILE, else its default file; SSL_CERT_DIR,
 * else /etc/ssl/certs), on macOS the keychains' trust settings, on Windows the certificate stores.
 * Reading it costs 20\u201350 ms on Linux (every file of the directory parsed), so the direct transport
 * reads it only when a server's certificate is not trusted without it (retryWithSystemStore).
 * True when the store added a CA (now or on an earlier call). Node 20 has neither function: its
 * trust store stays Node's own (NODE_EXTRA_CA_CERTS, ca_certificate).
 */
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
        // The directory lists each CA under several names (hash links): one copy each.
        const added = [...new Set(tls.getCACertificates('system'))].filter((c) => !known.has(c));
        if (added.length === 0)
            return false;
        tls.setDefaultCACertificates([...defaults, ...added]);
        return true;
    }
    catch {
        // An unreadable or unparsable system store adds nothing; Node's own store stays as it was.
        return false;
    }
}
/** Codes by which a server's chain was not trusted: what a CA from the system store can fix. */
const UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
]);
/**
 * Whether a failed exchange should be tried once more (once only): its server's chain was not
 * trusted and the system store (read now if it was not yet) added a CA. The handshake failed before
 * the request was written, so sending it again sends it once. Agents made before the store changed
 * must be rebuilt (an agent given `ca` keeps its own list).
 */
function retryWithSystemStore(err) {
    const code = certificateErrorCode(err);
    return code !== undefined && UNTRUSTED.has(code) && trustSystemStore();
}
/**
 * The trust store to use with a `ca_certificate`: Node's default CAs (bundled roots, the system's
 * (trustSystemStore: read here at once, as this store is built once per agent) and, when set,
 * NODE_EXTRA_CA_CERTS) plus the given ones. Giving `ca` to a TLS connection replaces the default
 * store, so the defaults are added back explicitly: the input adds trust, it never removes it.
 */
async function trustStore(pem) {
    const extra = parsePemCertificates(pem) ?? [];
    trustSystemStore();
    const tls = process.getBuiltinModule('node:tls');
    const getCa = tls.getCACertificates;
    let defaults;
    if (typeof getCa === 'function') {
        // Node \u2265 22.15: exactly what Node would trust by default, extra certificates included.
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
/**
 * The proxy transport's agent options for a ClientTls. It has no retry after an untrusted
 * certificate (retryWithSystemStore), and a TLS-inspecting corporate proxy is the likeliest place
 * for a CA from the system store, so the store is read as its agent is made (a proxied run already
 * loads undici, ~50 ms); a run that makes no https request still never reads it.
 */
function agentTls(tls) {
    trustSystemStore();
    return clientTlsOptions(tls);
}
/** What a ClientTls changes in an https agent's options. */
function clientTlsOptions(tls) {
    if (tls === undefined)
        return {};
    return {
        ...(tls.insecure ? { rejectUnauthorized: false } : {}),
        ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
        ...(tls.key !== undefined ? { key: tls.key } : {}),
    };
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
/** OpenSSL's codes for a TLS alert by which the server refuses our (missing) client certificate. */
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
/**
 * A certificate failure (the server's, or ours refused by the server) as one clear, non-retried
 * error naming the host and the fix; undefined for any other error. `where` is method and path
 * (never the query).
 */
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

/** A body the connection cut short: a network failure like a reset connection (retried). */
const cutShort = () => Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' });
function tooLarge(opts, status) {
    return new ServerError(`${opts.where}: response larger than ${opts.maxBodyBytes} bytes`, status);
}
/**
 * Reads a whole body, refusing more than the limit (the declared length first, then what arrives),
 * so a hostile server cannot exhaust memory; a connection cut mid-body is an ECONNRESET, retried.
 * By the stream's events rather than `for await`: its async iterator costs ~0.5 ms more on a run's
 * first answer under Node 24 (its machinery is loaded and compiled then), on every run's critical path.
 */
function readLimited(body, declaredLength, status, opts) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            // A late stream error after destroy() must not become an uncaught exception.
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
        // Closed without 'end' or 'error' (destroyed mid-body): the same as a reset connection. Every
        // answer closes once read: no error is made (a stack trace captured) for one that settled.
        body.on('close', () => settled || fail(cutShort()));
    });
}

// Work a run needs later but not before its first request (loading node:crypto for decryption and
// @actions/core's file commands, the job summary's module): queued here and done once a request
// has been sent, while the answer is on its way (a round trip is tens of milliseconds on a real
// network), instead of before the request, where it would add to the wall time.
const queued = [];
/** Queues `task` for the next moment a request is in flight. */
function whileWaiting(task) {
    queued.push(task);
}
/** Settles the next moment a request is in flight: work chained to it runs during the round trip. */
function requestSent() {
    return new Promise((sent) => whileWaiting(sent));
}
/**
 * Runs what is queued; the HTTP client calls this once a request's bytes have been sent (through a
 * proxy, whose client does not say when, once the exchange has settled).
 */
function runQueuedWork() {
    for (const task of queued.splice(0)) {
        try {
            task();
        }
        catch {
            // Only preparation: whatever failed here fails again, with its own error, where it is needed.
        }
    }
}

let plain;
/** https: one keep-alive agent per ClientTls object (undefined: the default one). */
const secure = new Map();
/** Whether the agents were rebuilt after the system's CAs joined the default store. */
let rebuilt = false;
/**
 * node:https only for https URLs (it loads TLS); keep-alive agents. Built-ins come from
 * process.getBuiltinModule, never import(): on Node 24 a dynamic import of node:http builds its ESM
 * namespace, which evaluates the lazy `WebSocket` getter and loads undici's WebSocket (measured:
 * 22\u201331 ms, against ~1.5 ms).
 */
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
/** An early connection's error is kept on the socket (`errored`), which is then never handed over. */
const ignore = () => { };
/**
 * How long an early connection may wait for its request. The waits it covers (a login's round
 * trip, GitHub's token service) take well under a second; a server drops a connection that sends
 * no request after its own limit (Vault's header timeout is 10 s), and one about to be dropped
 * would fail the request with a reset that a fresh connection avoids.
 */
const AHEAD_MS = 5_000;
/**
 * Whether the request may take the early connection: open both ways, nothing arrived on it (bytes
 * sent before any request, such as a 408 a server writes as it gives up on a silent connection,
 * would be read as the answer), and young (see AHEAD_MS).
 */
function usable(ahead) {
    const { socket } = ahead;
    return (!ahead.spoilt &&
        !socket.destroyed &&
        !socket.errored &&
        socket.writable &&
        socket.readableLength === 0 &&
        Date.now() - ahead.openedAt < AHEAD_MS);
}
/**
 * The agent's connection for a new request is the one opened ahead for its origin when there is
 * one still usable; otherwise the agent opens one as usual, so a failure the early connection met
 * (refused, an untrusted certificate) happens again, on the request, and is handled there like any
 * other (its error, retries, the system-CA retry). `createConnection` is the Agent method Node
 * documents for overriding; the agent calls it with the request's host and port and its own
 * options over them (Agent#createSocket), which the early connection is opened with too.
 */
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
            // As the agent sets them: the TLS server name (none for an address), no Nagle delay.
            servername: process.getBuiltinModule('node:net').isIP(host) ? '' : host,
            noDelay: true,
        };
        const name = agent.getName(opts);
        const previous = ready.get(name);
        if (previous && usable(previous))
            return;
        previous?.socket.destroy();
        // The agent's key too, as Agent#createSocket passes it: https caches the TLS session under it,
        // so the run's other connections to the origin resume it.
        const socket = open({ ...opts, _agentKey: name });
        const ahead = { socket, openedAt: Date.now(), spoilt: false, spoil: () => void (ahead.spoilt = true) };
        // Watched without reading: anything that arrives stays buffered and spoils the connection.
        socket.on('readable', ahead.spoil).on('end', ahead.spoil).on('error', ignore);
        // Unused (the run failed first), it never holds the process open.
        socket.unref();
        ready.set(name, ahead);
    };
    return { request, agent, openAhead };
}
/**
 * Opens the connection a request to `url` will use, now, while other work goes on (the login to
 * another host, the GitHub OIDC token): its TCP handshake, and for https its TLS one, then cost the
 * request no round trips. At most one per origin; never an error here (a failure is the
 * request's, when it is sent). Direct connections only: proxy.ts (undici) has its own pool.
 */
function nodePreconnect(url, opts) {
    clientFor(url.protocol, opts.ca, opts.tls).then(({ openAhead }) => openAhead(url), ignore);
}
/**
 * One exchange. A server whose certificate only a CA from the system's store makes trusted (a
 * corporate CA on a self-hosted runner) is tried once more after reading that store, with new
 * agents: the store is never read on the usual path, where it would cost 20\u201350 ms (src/http/tls.ts).
 */
function nodeExchange(url, opts) {
    return send(url, opts).catch((err) => {
        if (!retryWithSystemStore(err))
            throw err;
        // Requests in flight together fail together: the first rebuilds the agents, all try again.
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
        // Sent: the wait for the answer is the time for work queued for later (while-waiting.ts).
        req.on('finish', runQueuedWork);
        req.end(opts.body);
    }));
}

// The proxy variables as this action reads them, before undici sees them: which one applies to a
// URL, what is accepted, and how a proxy is named in messages (never with its credentials).
// Lower-case first, as curl, undici and @actions/http-client read them. A value without a scheme
// (`127.0.0.1:3128`) is an http:// proxy, as curl and @actions/http-client take it (undici alone
// would refuse it, or read `proxy:3128` as a URL of scheme `proxy:`). Only http:// and https://
// proxies are supported: the CONNECT tunnel is undici's ProxyAgent; socks is refused by name.
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/**
 * Which of a proxy variable's two names is set: lower-case first, and blank is unset (undici then
 * goes direct, as it would for an empty value). Also the HTTP client's test for loading the proxy
 * transport at all.
 */
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
/** Both variables, checked: an InputError naming the variable for a value that cannot be a proxy. */
function readProxySettings(env = process.env) {
    return { http: read(env, 'http_proxy', 'HTTP_PROXY'), https: read(env, 'https_proxy', 'HTTPS_PROXY') };
}
/** The proxy for a URL before NO_PROXY: https uses HTTPS_PROXY, else HTTP_PROXY; http uses HTTP_PROXY. */
function proxyFor(url, settings) {
    return url.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http;
}

// The one HTTP client. Every connection the action opens goes through here: per-request timeout,
// an overall deadline, bounded retries with backoff that honours Retry-After, a size limit on
// bodies, and errors and debug lines that carry method, path and status only \u2014 never headers,
// bodies or query strings, which may hold tokens.
// The transport is Node's own http/https (node.ts), the cheapest client to start; proxy.ts (undici)
// is loaded only when a proxy variable is set.
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/** A loopback host name, where plain http is allowed (nothing crosses a network). */
function isLoopback(hostname) {
    return LOOPBACK.test(hostname);
}
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
/** Least time worth starting an attempt with (a round trip on a slow network, a TLS handshake). */
const MIN_ATTEMPT_MS = 250;
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
    const http = proxyVariable(env, 'http_proxy', 'HTTP_PROXY') !== undefined;
    return url.protocol === 'https:' ? http || proxyVariable(env, 'https_proxy', 'HTTPS_PROXY') !== undefined : http;
}
/**
 * Settles with `work`, or rejects with ETIMEDOUT as soon as the signal aborts, whether or not the
 * transport noticed: undici does not abort a request still waiting for its connection (a proxy
 * silent on CONNECT held it 300 s; a TLS handshake inside a silent tunnel, 10 s), so the bound is
 * enforced here, for every transport. What was abandoned ends with the process.
 */
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
/** A network failure of a request that went through a proxy: `proxy` names it for the message. */
class ThroughProxy extends Error {
    proxy;
    /** The failure's own code (exchange's contract: Node's error codes). */
    code;
    constructor(proxy, cause) {
        super(`through the proxy ${proxy}`, { cause });
        this.proxy = proxy;
        this.code = errorCode(cause);
    }
}
/** Sends one request and reads its answer; network failures reject with Node's error codes. */
async function exchange(url, opts) {
    const proxied = proxyConfigured(url);
    try {
        const sent = proxied ? import('./http-proxy-D7sOdR0H.js').then((p) => p.proxyExchange(url, opts)) : nodeExchange(url, opts);
        // node.ts runs the queued work once the request's bytes are out; undici does not say when, so
        // through a proxy it runs once the exchange settles: queued work never waits longer than that.
        if (proxied)
            sent.then(runQueuedWork, runQueuedWork);
        return await withinSignal(sent, opts.signal);
    }
    catch (err) {
        if (err instanceof ActionError)
            throw err;
        // An untrusted certificate will not be trusted on the next attempt either: one clear error.
        const tls = certificateError(err, url, opts.where);
        if (tls)
            throw tls;
        if (proxied) {
            const proxy = (await import('./http-proxy-D7sOdR0H.js')).proxyThrough(url);
            if (proxy !== undefined)
                throw new ThroughProxy(proxy, err);
        }
        throw err;
    }
}
/** ", through the proxy P: what it did", or '' for a direct request. */
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
                // Every hop carries the request's headers (a Vault token among them): the https-only rule
                // that applies to the configured URL applies to each hop too.
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
            // URL.parse: null for what is no URL (send() says so, with its own error).
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
                    // Our own errors (a refused certificate, a proxy variable, a proxy's refusal) are final.
                    if (err instanceof ActionError)
                        throw err;
                    const code = errorCode(err);
                    debug(`${where} \u2192 ${code} after ${now() - started} ms`);
                    const timedOut = code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT');
                    // The wait is cut so that the next attempt still has MIN_ATTEMPT_MS before the deadline; an
                    // attempt started with no time left could only time out, hiding the real failure.
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

// Typed readers over one source of input text: the runner's INPUT_* variables for the action, the
// command line for the CLI. Each reader names the input in its error and rejects what it cannot
// read (never coerces). Pure apart from the source it is given.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the log raw
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * User text for an error message: as given when short and printable, else cut at 60 characters and
 * with control characters escaped, so a pasted 100 kB value or a terminal escape is never echoed.
 */
function shown(text) {
    const cut = text.length > 60 ? `${text.slice(0, 60)}\u2026` : text;
    const safe = cut.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `'${safe}'`;
}
/**
 * The most characters an input may put in one HTTP header value. Servers and proxies refuse header
 * lines past 8\u201316 KiB (Node's server: 16 KiB for all headers), so anything longer is a wrong paste.
 */
const MAX_HEADER_VALUE = 8192;
// eslint-disable-next-line no-control-regex -- C0 controls but tab, DEL and the C1 controls
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
/**
 * Why an input's text cannot be an HTTP header value, or undefined when it can: Node's http and
 * undici send tab, visible ASCII and Latin-1 only, and throw on anything else mid-run; a control
 * character would end or corrupt the header line.
 */
function headerValueProblem(value) {
    if (value.length > MAX_HEADER_VALUE)
        return `is ${value.length} characters long, more than the ${MAX_HEADER_VALUE} an HTTP header value may hold`;
    if (HEADER_CONTROL.test(value))
        return 'contains a control character';
    if (/[^\t\x20-\x7e\xa0-\xff]/.test(value))
        return 'contains a character outside Latin-1, which an HTTP header cannot carry';
    return undefined;
}
/** The most characters one input's headers may add up to (Node's server takes 16 KiB in all). */
const MAX_HEADERS_TOTAL = 16384;
/** Refuses headers from `input` that together would make the server refuse every request. */
function checkHeadersTotal(headers, input) {
    const total = Object.entries(headers).reduce((n, [name, value]) => n + name.length + value.length + 4, 0);
    if (total > MAX_HEADERS_TOTAL)
        throw new InputError(`Input '${input}': the headers add up to ${total} characters, more than the ${MAX_HEADERS_TOTAL} servers accept on a request.`);
}
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
    const loopback = isLoopback(url.hostname);
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

// `extra-headers` (Infisical/secrets-action): one `Name: value` per line, sent on the login and on
// every read. As the vendor reads it: blank lines skipped, the name lower-cased, name and value
// trimmed, a repeated name's values joined with ", " (docs/protocols/infisical.md#extra-headers).
// Unlike the vendor, a line without ':' (which crashes it) or a header Node could not send is an
// error naming the input and the line, never quoting it: a header value is often a credential.
/** RFC 9110 token characters: what a header name may hold. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
/** Names the HTTP client sets itself (framing, routing): another value would break the request. */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'keep-alive', 'te']);
const where = (line) => `Input 'extra-headers', line ${line}`;
/** The headers, or undefined when the input holds none. */
function parseExtraHeaders$1(text) {
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
        const problem = headerValueProblem(value);
        if (problem !== undefined)
            throw new InputError(`${where(i + 1)}: the value of '${name}' ${problem}.`);
        headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
        any = true;
    });
    checkHeadersTotal(headers, 'extra-headers');
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
/** The server, project, environment and every login's inputs: read alike by both actions. */
function readInfisicalLogin(read, { accessToken, baseUrl, env }) {
    assertClientPair(read);
    // base_url is read for every provider (CommonInputs); the vendor's `domain` names it for Infisical.
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

// Which provider reads each input, and action.yml's default for it: the one table that says when an
// input given to the step is one the run's provider ignores (a unit test checks it against
// action.yml, names and defaults, so the two cannot drift). The runner fills in action.yml's
// `default:` for every input a step leaves out, so "given" means "not empty and not the default".
const all = (value) => ({ reader: 'all', default: value });
const of = (reader, value, effect) => ({ reader, default: value, effect });
/** Every input of action.yml, in its order. */
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
    // vault-action's names for our common settings are read for every provider.
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
/**
 * The write action's inputs (write/action.yml) that this table holds too, with the same owners and
 * defaults (a unit test checks both). Its own \u2014 create, dry_run, allow_empty \u2014 apply to every
 * provider, so they are never ignored.
 */
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
/** The provider that reads `method`: Infisical/secrets-action's methods are Infisical's (no authPayload). */
function methodReader(source) {
    const infisical = INFISICAL_METHODS.includes(source('method').toLowerCase());
    return infisical && source('authPayload') === '' ? 'infisical' : 'vault';
}
/**
 * The inputs the step gave: not empty and not action.yml's default (compared ignoring case: every
 * input with a default is a keyword, a boolean or a duration). The CLI's absent flags read ''.
 */
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
/**
 * A warning for each given input that `provider` ignores, naming the input and the provider; an
 * InputError (before any request) for one whose being ignored would change where the credential
 * goes or what is exported (IgnoredEffect).
 */
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

// What a run exports under which names, shaped once for every provider, between fetching and the
// name checks (export-names.ts), so a prefix or a JSON key cannot smuggle in a name the checks would
// refuse: `parse_json` splits a JSON object into one variable per key, then `name_transformation`
// changes the case and `name_prefix` goes in front. Pure: no I/O, no @actions/*.
const NAME_TRANSFORMATIONS = ['none', 'uppercase', 'lowercase'];
// Bounds on one JSON secret: nesting (objects and arrays; JSON.stringify of a leaf recurses, and a
// value nested ~10,000 deep overflows the stack) and the variables it may become.
const MAX_JSON_DEPTH$1 = 32;
const MAX_JSON_KEYS = 1000;
/** A key as a name part: what a name cannot hold becomes '_', then upper case (as AWS's action names keys). */
function keyPart(key) {
    return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}
function isObject$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The value's nesting depth, counted without recursion, up to limit + 1. */
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
/** A path of keys as written, for the source column: a.b, or "a b"."c" when a key needs quoting. */
function keyPath(keys) {
    return keys.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}
/** A value parse_json splits: the text of a JSON object with at least one key; else undefined. */
function jsonObject(value) {
    // Most values are not JSON: skip the parse unless the text starts as an object does.
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
/**
 * One secret as parse_json exports it: a JSON object becomes `<NAME>_<KEY>` per key (nested objects
 * flattened with '_'; arrays, numbers, booleans, null and empty objects as their JSON text; strings
 * as themselves); anything else stays as it is. The whole object is not exported under NAME.
 */
function flattenJson(s) {
    const root = jsonObject(s.value);
    if (root === undefined)
        return [s];
    if (depthOf(root, MAX_JSON_DEPTH$1) > MAX_JSON_DEPTH$1)
        throw new ActionError(`parse_json: ${s.name} (${s.source}) nests JSON deeper than ${MAX_JSON_DEPTH$1} levels; store it flatter, or turn parse_json off.`);
    const out = [];
    const walk = (obj, name, output, keys) => {
        for (const [key, value] of Object.entries(obj)) {
            // An empty key adds no part (as AWS's action), so {"": \u2026} under DB is DB itself.
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
                // The rest of the name is the JSON's own key: chosen by whoever wrote the secret.
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
/** A name as exported: transformed, then prefixed. */
function shapeName(name, opts) {
    return opts.namePrefix + transform(name, opts.nameTransformation);
}
/**
 * Every secret as the run exports it. `from` is set on each whose name changed (the summary shows
 * where it came from); values are untouched except where parse_json takes an object apart.
 */
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

// How exported names are shaped (src/runner/shape.ts): parse_json, name_prefix, name_transformation.
// The prefix starts every env name, so it must be a valid start of one.
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

// Strict decoders for the bytes servers send, shared by every wing's crypto. Node's own are lenient
// where a secret must not be: Buffer's base64 silently skips foreign characters and accepts the
// URL-safe alphabet, and a default TextDecoder replaces invalid UTF-8 with U+FFFD.
const OPTIONAL_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3}(?:=|==)?)?$/;
const REQUIRED_PADDING = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/**
 * Decodes standard-alphabet base64; undefined when the text is not that. Padding is optional
 * (Bitwarden's decoder) unless `padded` (Infisical's legacy clients always pad); where present it
 * must complete the final quantum exactly: `xx=` and `xxx==` are not valid.
 */
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
/** Decodes UTF-8, throwing (TypeError) on any invalid sequence; a BOM is kept as text. */
function decodeUtf8Strict(bytes) {
    return utf8.decode(bytes);
}

// Vault's login inputs, under hashicorp/vault-action's names (docs/protocols/vault.md#logging-in):
// `method` and what each method needs, read and checked before any request. vault-action's defaults
// are applied here, not in action.yml, so they never collide with our own inputs' defaults.
/**
 * vault-action v3.4.0's AUTH_METHODS, plus cert (vault-action needs `authPayload` for it); any other
 * method needs `authPayload`.
 */
const LOGIN_METHODS = ['token', 'approle', 'github', 'jwt', 'kubernetes', 'ldap', 'userpass', 'cert'];
/** vault-action's default for `kubernetesTokenPath`. */
const KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
function need(v, name, method, what) {
    if (v === '')
        throw new InputError(`Input '${name}' is empty: 'method: ${method}' needs it (${what}).`);
    return v;
}
/** The text of a base64 input (vault-action's PEM inputs; line breaks allowed); '' when not base64. */
function base64Text(text) {
    const bytes = decodeBase64Strict(text.replace(/\s+/g, ''));
    return bytes === undefined ? '' : Buffer.from(bytes).toString('utf8');
}
/** `jwtPrivateKey`: base64 of a PEM private key, as vault-action takes it. */
function privateKeyOf(text) {
    const pem = base64Text(text);
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
        throw new InputError("Input 'jwtPrivateKey' must be the base64 encoding of a PEM private key (e.g. `base64 -w0 key.pem`), as vault-action takes it; it is not.");
    }
    return pem;
}
/** A JSON object, checked before any request (vault-action would fail on its first use). */
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
    // Infisical/secrets-action's `method` (universal, oidc, aws-iam) is not a Vault login.
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
                // vault-action sends an empty secret_id when none is given (roles with bind_secret_id=false).
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
            // vault-action reaches cert only through authPayload, which is then sent as is; without it
            // the body is Vault's optional `name` (the certificate role to match; all of them when absent).
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
/**
 * `extraHeaders`: one `Name: value` per line, as vault-action reads it (names lower-cased, repeats
 * joined with ', '). A line without a valid header name, or one setting Vault's own token or
 * namespace headers, is an error naming the line.
 */
function parseExtraHeaders(text) {
    // No prototype: a header named __proto__ is just a name.
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
        // Never echoed: a header value is often a credential.
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

// Vault's own TLS inputs, under hashicorp/vault-action's names (docs/protocols/vault.md#tls):
// `tlsSkipVerify` and the client certificate `clientCertificate` + `clientKey` (base64 of the PEM
// texts, as vault-action takes them), decoded and checked before any request: vault-action passes
// them to its HTTP client unchecked, so a bad one surfaced as a TLS error on the first request.
// They apply to the Vault wing's requests only (ClientTls, src/http/body.ts).
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
/** The certificate's first block must be the key's: a mismatch would only fail the TLS handshake. */
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
/** The Vault wing's TLS settings; undefined when none of the inputs asks for anything. */
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

// HashiCorp Vault's inputs: its slice of Settings and how it is read.
/** A boolean given under one of two names (read.either's value), checked under the name given. */
function booleanOf(read, value, names, fallback) {
    if (value === '')
        return fallback;
    return read.boolean(read.text(names[0]) !== '' ? names[0] : names[1], fallback);
}
/**
 * `namespace`, else VAULT_NAMESPACE, slashes trimmed: sent as the X-Vault-Namespace header on every
 * request, so what a header cannot carry is refused here, naming where it came from, before any
 * request (Node would throw mid-run, or the server answer 431).
 */
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
/** base_url (else VAULT_ADDR), namespace (else VAULT_NAMESPACE) and extraHeaders. */
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
    // vault-action's secretEncodingType also takes 'utf8', which decodes nothing.
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
    // vault-action: 'You cannot provide both "secrets" and "pki" inputs.'
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

// Reads every input once into one frozen, validated Settings, with each vendor's slice apart (a
// wing is given only its own). The action reads the runner's INPUT_* variables (runnerInputs); the
// CLI gives its command line as the source. core.getInput appears nowhere else.
const PROVIDER_CHOICES = ['auto', ...PROVIDER_KINDS];
/** The action's inputs: INPUT_<NAME> as the runner sets them (defaults from action.yml filled in). */
const runnerInputs = (name, options) => getInput(name, { trimWhitespace: options?.trim ?? true });
/**
 * Whether the step uses hashicorp/vault-action's `url` input (vault-action requires it, so every
 * vault-action step has it): such a step gets vault-action's `errorMessage` output on failure.
 */
function usesVaultActionUrl(source = runnerInputs) {
    return source('url') !== '';
}
/** sm-action semantics: only a case-insensitive 'false' turns it off (docs/protocols/bitwarden.md). */
// vault-action's exportEnv is the same setting (only 'false' turns it off there too).
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
/**
 * `access_token` (vault-action's `token`) is required, except where a login stands in for it: an
 * Infisical machine identity (client_id + client_secret, or Infisical/secrets-action's identity-id
 * and method) or a Vault login `method` other than token; then it is ''.
 */
function readAccessToken(read) {
    const token = read.either(['access_token', 'token']);
    if (token !== '')
        return token;
    // An Infisical identity login, or a Vault login method other than token.
    if (hasIdentityLogin(read))
        return '';
    const method = read.text('method').toLowerCase();
    if (method !== '' && method !== 'token')
        return '';
    const pair = assertClientPair(read, " (or give 'access_token' instead)");
    return pair === 'both' ? '' : read.required('access_token');
}
/**
 * PEM text of one or more CA certificates, checked before any connection; absent when empty.
 * vault-action's `caCertificate` is the same setting as base64 of the PEM text (vault-action does
 * not check it; a bad one surfaced as a TLS error): decoded and checked here.
 */
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
/** `base_url`, or vault-action's `url` for the same setting, normalised; absent when neither is given. */
function readBaseUrl(read) {
    const v = read.either(['base_url', 'url']);
    return v === '' ? undefined : normalizeServerUrl(v, read.text('base_url') !== '' ? 'base_url' : 'url');
}
/** export_file resolved (relative \u2192 under RUNNER_TEMP), with its format and keep_file. */
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
        throw new InputError("Input 'access_token' is empty: give a Vault token (hvs.\u2026, hvb.\u2026, s.\u2026).");
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
            return (await import('./providers-bitwarden-DAAyosUo.js').then(function (n) { return n.i; })).create(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./providers-vault-8Ap3iaFd.js').then(function (n) { return n.i; })).create(settings.vault, ctx);
        case 'infisical':
            return (await import('./providers-infisical-DgLHPqSZ.js').then(function (n) { return n.f; })).create(settings.infisical, ctx);
    }
}
/** Creates the write action's writer for the provider the token, the login inputs or `provider` name. */
async function createWriter(settings, ctx) {
    const kind = detectProvider(settings.accessToken, settings.provider, settings.infisicalIdentity, settings.vaultNamed);
    switch (kind) {
        case 'bitwarden':
            return (await import('./providers-bitwarden-write-CdWj_rDP.js')).createWriter(settings.bitwarden, ctx);
        case 'vault':
            return (await import('./providers-vault-write-D-4e8my2.js')).createWriter(settings, ctx);
        case 'infisical':
            return (await import('./providers-infisical-write-xGdEhRD-.js')).createWriter(settings.infisical, ctx);
    }
}
/**
 * The post step's handler for a cleanup a wing recorded (its kind starts with the wing's name), or
 * undefined when no wing owns the kind. Loaded only when a run recorded such a cleanup.
 */
async function loadCleanupHandler(kind, settings, ctx) {
    if (kind.startsWith('vault-')) {
        const handler = (await import('./providers-vault-8Ap3iaFd.js').then(function (n) { return n.d; })).CLEANUP_HANDLERS[kind];
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
    const shown = text.length > max ? `${text.slice(0, max)}\u2026` : text;
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

// Environment variable names that change how a later process starts, what code it loads or where
// it sends its traffic, by class (SECURITY.md, "Names"). A secret exported under one of them runs
// code or redirects every later step of the job. Case-insensitive: Windows' names are. Pure.
// Written as names rather than regular expressions: V8 compiles a regular expression at its first
// use, and these eight alternations took ~0.9 ms to check a run's first hundred names, on the way
// to its first export. `NAME_*` is NAME_ then any word characters, `NAME_+` at least one, and
// `BASH_FUNC_\u2026` at least one character of any kind (bash's exported functions: BASH_FUNC_ls%%).
const CLASSES = [
    // GITHUB_TOKEN is not a runner default: mapping a personal access token to it (for the gh CLI) is
    // a common, deliberate use, allowed when the workflow's author wrote it (see policyFor).
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
/** Each class as its names and its families, in the order above. */
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
/**
 * Upper case as a case-insensitive regular expression without the `u` flag compares: ASCII letters
 * only (such a pattern never matches '\u017f' to 'S', though '\u017f'.toUpperCase() is 'S').
 */
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
/** The class a name belongs to, if it is one of them (the first, in the order above). */
function nameClass(name) {
    const upper = asciiUpper(name);
    return COMPILED.find((c) => c.exact.has(upper) || c.families.some((f) => inFamily(upper, f)))?.cls;
}
/**
 * What to do with an environment variable's name, by who chose it:
 * - a name the server chose (a wildcard's keys, a JSON secret's fields) in any class: refused;
 *   whoever can write a secret must not be able to run code in the job;
 * - a name the workflow's author wrote in the mapping: their choice, except the runner's own
 *   (refused: the runner ignores or breaks on them), GITHUB_TOKEN excepted (a token for the gh CLI
 *   is what it is mapped for); the other classes are exported with a warning.
 */
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

// The names a run exports under, checked before anything is written: valid as env and output
// names, used once each, and harmless as environment variables. Pure.
// Output names are written unchecked too; letters, digits, '_' and '-' are all any provider needs.
const OUTPUT_NAME = /^[A-Za-z0-9_-]+$/;
/** The step output's name: the env name unless the provider gave another. */
function outputNameOf(s) {
    return s.outputName ?? s.name;
}
// A process cannot start when one environment string (NAME=value) exceeds the kernel's 128 KiB
// (Linux MAX_ARG_STRLEN) or all of them with the arguments exceed ARG_MAX (2 MiB by default): every
// later step of the job would fail with E2BIG. What this step adds is held to half of that, leaving
// the runner's own variables room.
const MAX_ENV_STRING = 128 * 1024;
const MAX_ENV_TOTAL = 1024 * 1024;
/**
 * Checks every export before the first write: valid names, used once, harmless as env vars (by who
 * chose the name: name-classes.ts), and an environment later processes can still start with.
 * Returns the warnings for names the workflow's author chose that change how later steps run.
 */
function assertExportable(secrets, opts) {
    const warnings = [];
    // name \u2192 where it came from, so a collision (after shaping, too) names both sources.
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
        // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
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
        // Expressions read outputs case-insensitively (steps.x.outputs.npmToken is outputs.NPMTOKEN).
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
/** The names this step exports as env vars (as reveal.ts decides), for the post step; none: nothing to record. */
function cleanEnvCleanup(secrets, opts) {
    const names = secrets.filter((s) => s.only === 'env' || (opts.setEnv && s.only !== 'output')).map((s) => s.name);
    if (names.length === 0)
        return undefined;
    // Names are checked env names (no newline) by then.
    return { kind: CLEAN_ENV_CLEANUP, data: { names: names.join('\n') } };
}
/** Empties each recorded name; says how many. */
function cleanEnv(data, exportVariable, info) {
    const names = (data.names ?? '').split('\n').filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    for (const name of names)
        exportVariable(name, '');
    info(`inject-secrets post step: emptied ${names.length} environment variable${names.length === 1 ? '' : 's'} for the later steps (clean: true).`);
}

// What a run gives a wing, the same for the read and the write action: log lines scrubbed of every
// secret learnt, one HTTP client bounded by the run's `timeout`, masks, and the GitHub OIDC ID token
// (loaded only when a login asks for it, masked on arrival).
/** The same sinks, each line scrubbed first. */
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
            const { fetchIdToken } = await import('./github-oidc-Dxmv8a8C.js');
            const token = await fetchIdToken(http, audience, reason, run.env, whileFetching);
            masks.mask(token);
            return token;
        },
    };
}

// The pipeline, for the action and the CLI alike:
// read the inputs \u2192 pick the provider \u2192 log in, fetch and decrypt everything asked for \u2192 shape and
// check every name \u2192 mask every value \u2192 record what the post step must undo \u2192 export.
// Nothing is exported until everything has been fetched: a run exports every secret or none.
async function run(rt) {
    const { masks } = rt;
    const log = scrubbedLog(rt.log, masks);
    const settings = await readInputs(rt, log);
    // The HTTP client bounds every request by the same budget; this bounds the work after them.
    const deadline = Date.now() + settings.timeoutSeconds * 1000;
    // Before anything else is printed: the token as given (a pasted newline is trimmed already).
    masks.mask(settings.accessToken);
    const provider = await (rt.createProvider ?? createProvider)(settings, providerContext({ ...settings, userAgent: rt.userAgent, env: rt.env }, masks, log));
    // An input for another provider: a warning naming it, or an error before any request.
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
        // The provider's last request (a token's revocation) answered, whatever happened here.
        await fetched.settling;
    }
}
/** Everything after the last answer the run needs: names, masks, cleanups, exports. */
async function conclude(rt, log, settings, kind, fetched, deadline) {
    const { masks } = rt;
    // Recorded at once, before anything can still fail (a refused name, the deadline): the post step
    // then undoes what the provider did (a login's token revoked) whatever happens next.
    recordCleanups(rt, fetched.cleanups, log);
    pastDeadline(deadline, settings.timeoutSeconds, 'reading the answers');
    // The names as exported (parse_json, name_prefix, name_transformation), checked as shaped; then
    // every value fetched (a JSON secret's whole text) and every value exported (its leaves).
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
    // The last moment a run can still stop with nothing exported.
    pastDeadline(deadline, settings.timeoutSeconds, 'checking and masking the values');
    await rt.publish(secrets, { settings, provider: kind });
    log.info(doneLine(secrets, kind));
    return { secrets, provider: kind };
}
// The log line names this many secrets at most: it is scrubbed like every line, and a run of
// tens of thousands would make it megabytes long.
const MAX_NAMES_LOGGED = 100;
/** "inject-secrets: N secrets from <provider>: A, B, \u2026" */
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
        // An empty credential: say why when the event explains it (a pull request from a fork gets no secrets).
        throw await (await import('./github-fork-hint-AcZzgcM_.js')).withForkHint(err);
    }
}
/** After the last answer the work is local but can be long (tens of thousands of values). */
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

// Everything the action must never print \u2014 tokens, their parts, session tokens, every fetched
// value \u2014 is registered here once: as runner masks (::add-mask::, through the `register` the entry
// gives) and with the scrubber that every error, warning and debug line passes through.
/** JSON's escaped form of a string, when it differs (quotes, backslashes, control characters). */
function jsonEscaped(s) {
    const e = JSON.stringify(s).slice(1, -1);
    return e === s ? undefined : e;
}
// eslint-disable-next-line no-control-regex -- control characters are exactly what is folded
const CONTROL_RUNS = /[\u0000-\u001f\u007f]+/g;
/** A value whose lines, trimmed form, JSON-escaped form and folded form are all the value itself. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a plain value lacks
const PLAIN = /^[^\s\u0000-\u001f\u007f"\\\ud800-\udfff]+$/;
/** A text as oneLine() shows it: control characters and runs of whitespace as one space, trimmed. */
function fold(text) {
    return text.replace(CONTROL_RUNS, ' ').replace(/\s+/g, ' ').trim();
}
/**
 * The strings to mask for a value: the value, each non-blank line trimmed (the runner matches masks
 * against one log line at a time, so a multi-line value masked only whole would leak its lines: the
 * sm-action and vault-action multi-line bugs), the JSON-escaped form of each, since a value
 * quoted in a JSON log line appears escaped, and the value folded to one line as server error text is.
 */
function masksFor(value) {
    if (value === '')
        return [];
    // Most values are one line with no whitespace, quote, backslash, control character or surrogate:
    // every other form below would equal the value itself.
    if (PLAIN.test(value))
        return [value];
    const lines = value
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const forms = [value, ...lines];
    const escaped = forms.map(jsonEscaped).filter((e) => e !== undefined);
    // Server error text is folded to one line before it is shown (http/json.ts oneLine): control
    // characters and whitespace runs become one space. A value echoed there looks like this.
    const folded = fold(value);
    return [...new Set([...forms, ...escaped, ...(folded === '' ? [] : [folded])])];
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
            const out = index.byLength ? replaceByLength(text, index.byLength) : replaceEach(text, index.longestFirst);
            return out.includes('\u2026') ? scrubCutPrefixes(out, index.longestFirst) : out;
        },
    };
}
// The index is made again after new masks, so a run that logs between its masks makes it several
// times: the few masks of most runs are searched for one by one and need only the sorted list
// (the length index and its 512 KiB filter are for runs of hundreds of masks and more).
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
// 2^22 bits (512 KiB, only past SEARCH_EACH_MASK masks): 150,000 masks leave ~4% of windows to a
// real comparison.
const FILTER_BITS = 22;
const FILTER_SLOTS = 1 << FILTER_BITS;
function slotOf(hash, lengthIndex) {
    return Math.imul(hash ^ Math.imul(lengthIndex + 1, 0x9e3779b1), 0x85ebca6b) >>> (32 - FILTER_BITS);
}
// A polynomial hash over UTF-16 code units, modulo 2^32 (Math.imul): a window's hash is updated in
// constant time as it slides one position. Equal hashes are only candidates: the text is compared.
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
// Up to this many masks, each is searched for in the text (masks \u00d7 text: cheapest for the few
// secrets of most runs). Past it, each position of the text is looked up once per distinct mask
// length (text \u00d7 lengths), which stays linear for runs of tens of thousands of values: their
// lengths repeat.
const SEARCH_EACH_MASK = 256;
function replaceEach(text, longestFirst) {
    let out = text;
    for (const s of longestFirst)
        if (out.includes(s))
            out = out.split(s).join('***');
    return out;
}
/**
 * The longest mask starting at each position, left to right; what a mask covers is not searched
 * again. Each mask length keeps the rolling hash of the window starting at the position, so a
 * position costs one step per distinct length, not a substring and its hash.
 */
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
            // Slide every window one position on.
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
// A server's error text is bounded with '\u2026'; a cut inside an echoed secret leaves its start just
// before the '\u2026', which no whole-secret mask matches. Prefixes shorter than this are left alone.
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

// The runner side of exporting, once the pipeline has checked every name (export-names.ts) and
// masked every value: export_file first, then env and outputs.
/** Exports each value, checked and masked already, to env (when set_env) and to the step outputs. */
function writeExports(secrets, setEnv) {
    // core.exportVariable also sets process.env[name] for code later in this process; none reads
    // them (later steps get them from GITHUB_ENV), and each assignment is a setenv() that scans the
    // whole environment: 50,000 exports took 2.9 s under Node 24, quadratically. So the loop runs
    // against a plain copy of the environment (GITHUB_ENV and GITHUB_OUTPUT are read from it), and
    // the process's own is put back after.
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
/**
 * The runner's env and output files, checked before the first write: @actions/core appends to each
 * per value, so a file that cannot be written would otherwise fail halfway, with some values
 * already exported (a missing path, a read-only or full disk).
 */
function assertRunnerFilesWritable(env) {
    for (const variable of env ? ['GITHUB_ENV', 'GITHUB_OUTPUT'] : ['GITHUB_OUTPUT']) {
        const path = process.env[variable];
        // Unset: @actions/core falls back to workflow commands on stdout, which cannot fail this way.
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
/**
 * Everything a run exports, its names checked and values masked already. export_file first, so a
 * failed write exports nothing; then env and outputs, and a failure there removes the file again.
 */
async function exportAll(secrets, opts) {
    assertRunnerFilesWritable(opts.setEnv || secrets.some((s) => s.only === 'env'));
    let removeFile;
    if (opts.exportFile) {
        const { exportToFile } = await import('./runner-export-file-BEXY8YOt.js');
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

/**
 * Loads ahead what publish() needs, while the provider's first request is in flight: node:crypto
 * (@actions/core's file commands draw a random delimiter per value) and the summary's module.
 */
function preparePublish(settings) {
    process.getBuiltinModule('node:crypto');
    if (settings.summary && process.env.GITHUB_STEP_SUMMARY)
        import('./runner-summary-C4g0U9kg.js').catch(() => undefined);
}
async function publish(secrets, run, ctx) {
    const { settings } = run;
    await exportAll(secrets, { setEnv: settings.setEnv, exportFile: settings.exportFile, record: ctx.record });
    if (!settings.summary || !process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        const { writeSummary } = await import('./runner-summary-C4g0U9kg.js');
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

// Checking what servers send, shared by every provider: objects, string fields, and error text cut
// down to one printable, bounded line (a server's message goes into our error, never its body).
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
// Deeper than this, a body is refused before it is parsed: secrets and API answers nest a few
// levels, and every later walk of a value (masking its leaves, selectors, JSON.stringify) is
// recursive: 100,000 nested arrays would end in a stack overflow (or, for a 31 MB body, ~850 MB).
const MAX_JSON_DEPTH = 64;
/** Whether the JSON text nests deeper than `max` (brackets outside strings). */
function nestsDeeperThan(text, max = MAX_JSON_DEPTH) {
    // A run's few answers are read once each, while this code is still cold: a character loop runs
    // interpreted (~3 ms for a 60 kB answer of 100 secrets under Node 24), the regular expression
    // below natively (~0.25 ms). On large bodies the loop, once optimised, is the faster (~3 ns a
    // character against ~12), and it needs no backtracking stack (30 MB of escapes overflow it).
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
// Strings (as the loop reads them: a backslash escapes the next character; an unterminated string
// runs to the end, so no attempt ever fails and backtracks) and runs of anything but brackets and
// quotes. What the replacement leaves is the brackets outside strings, in order.
const NOT_BRACKETS = /"(?:[^"\\]+|\\[\s\S]?)*(?:"|$)|[^[\]{}"]+/g;
function loopNestsDeeperThan(text, max) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++; // a backslash escapes the next character
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
/** A body parsed as a JSON object, or undefined (not JSON, or not an object): for reading error text. */
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
    return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}
/** Parses a JSON body; a non-JSON body is a ServerError that quotes nothing of it. */
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

export { scrubbedLog as $, ActionError as A, setFailed as B, CryptoError as C, createCleanupRecorder as D, ENV_NAME as E, setSecret as F, saveState as G, runCleanups as H, InputError as I, getState as J, CLEANUP_STATE_KEY as K, CLEAN_ENV_CLEANUP as L, cleanEnv as M, exportVariable as N, hasIdentityLogin as O, assertClientPair as P, readVaultLogin as Q, readVaultTls as R, ServerError as S, readBaseUrl as T, readVaultServer as U, readInfisicalLogin as V, readBitwarden as W, readCaCertificate as X, readTimeout as Y, PROVIDER_CHOICES as Z, createInputReader as _, assertEnvName as a, providerContext as a0, createWriter as a1, ignoredInputs as a2, givenInputs as a3, WRITE_INPUTS as a4, certificateErrorCode as a5, readLimited as a6, readProxySettings as a7, trustStore as a8, agentTls as a9, proxyFor as aa, certificateError as ab, client as ac, inputs as ad, index as ae, shapeError as b, stringField as c, decodeBase64Strict as d, parseVaultToken as e, parseServiceToken as f, decodeUtf8Strict as g, createMasks as h, isObject as i, jsonObjectOf as j, run as k, lineError as l, meaningfulLines as m, preparePublish as n, oneLine as o, parseJson as p, quote as q, requestSent as r, secretsLine as s, runnerInputs as t, publish as u, debug as v, warning as w, info as x, usesVaultActionUrl as y, setOutput as z };
