import { I as InputError, K as isInfisicalMethod, L as readInfisical, M as getInput, N as hasIdentityLogin, O as assertClientPair, P as parsePemCertificates, A as ActionError, E as ENV_NAME, k as createHttpClient, Q as createProvider, H as CryptoError } from './login-jwt-NBUzg5Ff.js';
import { isAbsolute, join } from 'node:path';
import { createHmac, timingSafeEqual, createDecipheriv, hkdfSync, createCipheriv, randomBytes, createSecretKey } from 'node:crypto';

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
/** vault-action v3.4.0's AUTH_METHODS; any other method needs `authPayload`. */
const LOGIN_METHODS = ['token', 'approle', 'github', 'jwt', 'kubernetes', 'ldap', 'userpass'];
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
        // Control characters other than tab would end or corrupt the header line.
        if ([...value].some((c) => c !== '\t' && (c < ' ' || c === '\x7f')))
            throw new InputError(`Input 'extraHeaders', line ${i + 1}: the value of ${name} contains control characters.`);
        if (name === 'x-vault-token' || name === 'x-vault-namespace') {
            throw new InputError(`Input 'extraHeaders', line ${i + 1}: ${name} is set by the action itself (from the login and 'namespace'); remove it.`);
        }
        out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
    });
    return out;
}
/** vault-action inputs declared (so the runner does not warn) but not supported yet: an error, not a silent no-op. */
function refuseUnsupported(read) {
    if (read.text('pki') !== '')
        throw new InputError("Input 'pki' (vault-action's certificate issuing) is not supported by this action yet; keep hashicorp/vault-action for that step.");
    if (read.text('clientCertificate') !== '' || read.text('clientKey') !== '')
        throw new InputError("Inputs 'clientCertificate' / 'clientKey' (TLS client certificates) are not supported by this action yet; keep hashicorp/vault-action for that step.");
    if (read.boolean('tlsSkipVerify', false))
        throw new InputError("Input 'tlsSkipVerify: true' is not supported: give the CA that signed Vault's certificate in 'ca_certificate' (PEM) or 'caCertificate' (base64) instead.");
}

// HashiCorp Vault's inputs: its slice of Settings and how it is read.
/** A boolean given under one of two names (read.either's value), checked under the name given. */
function booleanOf(read, value, names, fallback) {
    if (value === '')
        return fallback;
    return read.boolean(read.text(names[0]) !== '' ? names[0] : names[1], fallback);
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
    const namespace = (read.text('namespace') || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '');
    return {
        url,
        urlProblem,
        namespace: namespace === '' ? undefined : namespace,
        extraHeaders: Object.freeze(parseExtraHeaders(read.text('extraHeaders'))),
    };
}
function readVault(read, { accessToken, baseUrl, env }) {
    refuseUnsupported(read);
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
        login: Object.freeze(readVaultLogin(read, env)),
        publishToken: Object.freeze({
            env: read.boolean('exportToken', false),
            output: read.boolean('outputToken', false),
        }),
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
    if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > 3600) {
        throw new InputError(`Input 'timeout' must be a number of seconds between 1 and 3600, got '${v}'.`);
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
            throw new InputError(`Input 'ca_certificate' must be one or more PEM certificates ('-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----'), e.g. the contents of your CA's .pem or .crt file; it is not.`);
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
    });
}

var inputs = /*#__PURE__*/Object.freeze({
    __proto__: null,
    PROVIDER_CHOICES: PROVIDER_CHOICES,
    readBaseUrl: readBaseUrl,
    readCaCertificate: readCaCertificate,
    readSettings: readSettings,
    readTimeout: readTimeout,
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
        const env = s.only === 'env' || (opts.setEnv && s.only !== 'output');
        if (env && !opts.allowDangerousNames && DANGEROUS.test(s.name)) {
            throw new ActionError(`Refusing to export ${s.name} (${s.source}) as an environment variable: it would change how every later step runs ` +
                '(NODE_OPTIONS, LD_PRELOAD, LD_LIBRARY_PATH, DYLD_*, BASH_ENV, ENV, PATH, GITHUB_*, RUNNER_*, ACTIONS_* are refused). ' +
                "Map it to another name, or set 'allow_dangerous_names: true' if you mean it.");
        }
        // @actions/core writes names unchecked; a newline or '=' would smuggle in another variable.
        if (!ENV_NAME.test(s.name))
            throw new ActionError(`Refusing to export ${JSON.stringify(s.name)} (${s.source}): not a valid environment variable name.`);
        if (s.only !== 'output') {
            if (seen.has(s.name))
                throw new ActionError(`Refusing to export ${s.name} twice (${s.source}).`);
            seen.add(s.name);
        }
        if (s.only === 'env')
            continue;
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
            const { fetchIdToken } = await import('./login-jwt-NBUzg5Ff.js').then(function (n) { return n.V; });
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
    log.info(doneLine(secrets, provider.kind));
    return { secrets, provider: provider.kind };
}
// The log line names this many secrets at most: it is scrubbed like every line, and a run of
// tens of thousands would make it megabytes long.
const MAX_NAMES_LOGGED = 100;
/** "inject-secrets: N secrets from <provider>: A, B, …" */
function doneLine(secrets, provider) {
    const n = secrets.length;
    const names = secrets.slice(0, MAX_NAMES_LOGGED).map((s) => s.name);
    if (n > MAX_NAMES_LOGGED)
        names.push(`… and ${n - MAX_NAMES_LOGGED} more`);
    return `inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${provider}: ${names.join(', ')}`;
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

// Bitwarden's symmetric crypto (docs/protocols/bitwarden.md#key-derivation, #organization-key,
// #encstring, #encryption): HKDF token key, type-2 EncStrings (AES-256-CBC + HMAC-SHA256,
// encrypt-then-MAC), decrypted for reading and encrypted for the write action.
// Pure functions over strings and bytes; the primitives are Node's own (OpenSSL), none are written
// here. OpenSSL rather than a JavaScript library: per value it is a few microseconds with nothing to
// warm up (measured on Node 24: 100 values 3.9 ms against 16.5 ms for @noble/ciphers cold, plus
// 8–10 ms of its table set-up when loaded).
const ascii = (s) => Buffer.from(s, 'ascii');
/** Splits 64 key bytes into enc (0..32) and mac (32..64). */
function splitKey(bytes) {
    if (bytes.length !== 64)
        throw new CryptoError(`expected a 64-byte key, got ${bytes.length} bytes`);
    return { enc: bytes.slice(0, 32), mac: bytes.slice(32, 64) };
}
/** `derive_shareable_key`: HKDF-SHA256(ikm = secret, salt = "bitwarden-<name>", info, L = 64). */
function deriveShareableKey(secret, name, info) {
    // An absent info is the empty string (RFC 5869).
    return new Uint8Array(hkdfSync('sha256', secret, ascii(`bitwarden-${name}`), ascii(info ?? ''), 64));
}
/** The access token's key (docs/protocols/bitwarden.md#key-derivation). */
function deriveTokenKey(seed) {
    return splitKey(deriveShareableKey(seed, 'accesstoken', 'sm-access-token'));
}
/**
 * Parses `2.<iv>|<data>|<mac>` (docs/protocols/bitwarden.md#encstring-parsing, BW-ENC-1/2). Every
 * other type is refused by number, and the message never quotes the ciphertext.
 */
function parseEncString(text) {
    const dot = text.indexOf('.');
    if (dot < 0)
        throw new CryptoError('unsupported EncString: it has no type header');
    const type = text.slice(0, dot);
    if (type !== '2') {
        const shown = /^\d{1,3}$/.test(type) ? `type ${type}` : 'an unknown type';
        throw new CryptoError(`unsupported EncString ${shown} (only type 2, AES-256-CBC + HMAC-SHA256, is accepted)`);
    }
    const parts = text.slice(dot + 1).split('|');
    if (parts.length !== 3)
        throw new CryptoError(`malformed EncString type 2: expected 3 parts, got ${parts.length}`);
    const [iv, data, mac] = parts.map((part) => decodeBase64Strict(part));
    if (!iv || !data || !mac)
        throw new CryptoError('malformed EncString type 2: a part is not standard base64');
    if (iv.length !== 16)
        throw new CryptoError(`malformed EncString type 2: iv must be 16 bytes, got ${iv.length}`);
    if (mac.length !== 32)
        throw new CryptoError(`malformed EncString type 2: mac must be 32 bytes, got ${mac.length}`);
    if (data.length === 0 || data.length % 16 !== 0) {
        throw new CryptoError(`malformed EncString type 2: ciphertext must be a non-empty multiple of 16 bytes, got ${data.length}`);
    }
    return { iv, data, mac };
}
// Each key becomes an OpenSSL key object once: thousands of values then share it instead of
// copying the raw bytes into every HMAC and cipher.
const keyObjects = new WeakMap();
function keyObject(bytes) {
    let key = keyObjects.get(bytes);
    if (!key)
        keyObjects.set(bytes, (key = createSecretKey(bytes)));
    return key;
}
/** Verifies the MAC in constant time, then decrypts and unpads (docs/protocols/bitwarden.md#decryption). */
function decryptBytes(enc, key) {
    const expected = createHmac('sha256', keyObject(key.mac)).update(enc.iv).update(enc.data).digest();
    if (enc.mac.length !== expected.length || !timingSafeEqual(expected, enc.mac))
        throw new CryptoError('MAC mismatch: the value was tampered with or encrypted under another key');
    try {
        const decipher = createDecipheriv('aes-256-cbc', keyObject(key.enc), enc.iv);
        return Buffer.concat([decipher.update(enc.data), decipher.final()]);
    }
    catch (cause) {
        throw new CryptoError('decryption failed: bad padding', { cause });
    }
}
/** Parses, verifies and decrypts an EncString to strict UTF-8 text. */
function decryptString(text, key) {
    const bytes = decryptBytes(parseEncString(text), key);
    try {
        return decodeUtf8Strict(bytes);
    }
    catch (cause) {
        throw new CryptoError('decrypted value is not valid UTF-8', { cause });
    }
}
/**
 * Encrypts UTF-8 text into a type-2 EncString, the counterpart of decryptString and what the
 * vendor's clients send (docs/protocols/bitwarden.md#encryption): a fresh random 16-byte IV per
 * value, AES-256-CBC with PKCS#7 padding, then HMAC-SHA256(mac key, iv ‖ data). `iv` is for
 * known-answer tests only (OpenSSL refuses any length but 16); reusing an IV under one key would
 * leak equal prefixes.
 */
function encryptString(text, key, iv = randomBytes(16)) {
    const cipher = createCipheriv('aes-256-cbc', keyObject(key.enc), iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    const mac = createHmac('sha256', keyObject(key.mac)).update(iv).update(data).digest();
    const b64 = (bytes) => Buffer.from(bytes).toString('base64');
    return `2.${b64(iv)}|${b64(data)}|${b64(mac)}`;
}
/**
 * Decrypts the login response's `encrypted_payload` into the organization key
 * (docs/protocols/bitwarden.md#organization-key). A MAC failure here means the token's key part is
 * wrong, so the error says so (BW-ORG-2).
 */
function decryptOrganizationKey(payload, tokenKey) {
    const enc = parseEncString(payload);
    let bytes;
    try {
        bytes = decryptBytes(enc, tokenKey);
    }
    catch (cause) {
        throw new CryptoError("The access token's key does not match the server's encrypted payload (token damaged or mistyped: check the part after ':').", { cause });
    }
    let key;
    try {
        key = JSON.parse(decodeUtf8Strict(bytes)).encryptionKey;
    }
    catch (cause) {
        throw new CryptoError('The login payload is not the expected JSON object.', { cause });
    }
    const raw = typeof key === 'string' ? decodeBase64Strict(key) : undefined;
    if (!raw)
        throw new CryptoError("The login payload has no base64 'encryptionKey'.");
    if (raw.length !== 64) {
        throw new CryptoError(`Unsupported organization key type (${raw.length}-byte key; only 64-byte AES-256-CBC-HMAC keys are supported).`);
    }
    return splitKey(raw);
}

var crypto = /*#__PURE__*/Object.freeze({
    __proto__: null,
    decryptBytes: decryptBytes,
    decryptOrganizationKey: decryptOrganizationKey,
    decryptString: decryptString,
    deriveShareableKey: deriveShareableKey,
    deriveTokenKey: deriveTokenKey,
    encryptString: encryptString,
    parseEncString: parseEncString,
    splitKey: splitKey
});

export { PROVIDER_CHOICES as P, runnerInputs as a, readBaseUrl as b, readVaultServer as c, readBitwarden as d, readCaCertificate as e, readTimeout as f, createInputReader as g, decodeUtf8Strict as h, decodeBase64Strict as i, inputs as j, crypto as k, outputNameOf as o, run as r };
