import * as os from 'os';

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
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
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
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}

// Cleanups the main step records for the post step (runs.post): each is a kind plus string data,
// saved with the runner's state (core.saveState → GITHUB_STATE → STATE_<key> in the post step).
// No @actions/core here: main hands in saveState, post hands in the saved text and the handlers.
/** The state key holding the JSON list of cleanups. */
const CLEANUP_STATE_KEY = 'inject_secrets_cleanups';
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
async function runCleanups(text, handlers, log) {
    let ok = 0;
    for (const c of parseCleanups(text).reverse()) {
        const load = Object.hasOwn(handlers, c.kind) ? handlers[c.kind] : undefined;
        if (!load) {
            log.warning(`inject-secrets post step: no handler for the recorded cleanup '${c.kind}'.`);
            continue;
        }
        try {
            await (await load())(c.data);
            ok++;
        }
        catch (err) {
            log.warning(`inject-secrets post step: ${c.kind} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    return ok;
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

// The post step (runs.post, post-if: always()): runs the cleanups the main step recorded with
// core.saveState (src/cleanup.ts). Generic and small: each cleanup kind's code is loaded with
// import() only when a run recorded it. A failure is a warning; the post step never fails the job.
const log = {
    warning: (message) => warning(scrub(message)),
    info: (message) => info(scrub(message)),
};
async function httpClient(ca) {
    const { createHttpClient } = await import('./chunks/http-3WGfS00N.js').then(function (n) { return n.h; });
    return createHttpClient({ timeoutMs: 15_000, deadlineMs: 30_000, ca, debug: (line) => debug(scrub(line)) });
}
/** Cleanup kinds → loaders of their handlers. */
const HANDLERS = {
    // export_file without keep_file: the file is deleted when the job ends.
    'delete-export-file': async () => {
        const { deleteExportFile } = await import('./chunks/export-file-Cq_URPdm.js');
        return (data) => deleteExportFile(data, log);
    },
    'vault-revoke-child': async () => {
        const [{ revokeChild }, { readSettings }] = await Promise.all([
            import('./chunks/revoke-eyazY2ul.js'),
            import('./chunks/inputs-Fw-9K1-E.js'),
        ]);
        // The parent token and the CA: the same inputs the main step had (inputs reach post steps too).
        const settings = readSettings();
        const token = settings.accessToken;
        mask(token);
        const http = await httpClient(settings.caCertificate);
        return (data) => revokeChild(data, { http, token, ...log });
    },
};
runCleanups(getState(CLEANUP_STATE_KEY), HANDLERS, log)
    .catch((err) => log.warning(`inject-secrets post step: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => process.stdout.write('', () => process.exit(0)));

export { getInput as g, warning as w };
