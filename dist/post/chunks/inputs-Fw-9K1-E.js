import { g as getInput, w as warning } from '../index.js';
import { isAbsolute, join } from 'node:path';
import { I as InputError, p as parsePemCertificates } from './tls-Diw98ybN.js';
import 'os';

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

export { PROVIDER_CHOICES, normalizeServerUrl, parseDuration, readSettings };
