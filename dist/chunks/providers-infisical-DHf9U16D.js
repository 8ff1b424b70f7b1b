import { S as ServerError, p as parseJson, i as isObject, b as shapeError, c as stringField, j as jsonObjectOf, o as oneLine, m as meaningfulLines, l as lineError, E as ENV_NAME, q as quote, a as assertEnvName, I as InputError, f as parseServiceToken, C as CryptoError, g as decodeUtf8Strict, d as decodeBase64Strict, s as secretsLine, r as requestSent } from './startup-B0l7F2rJ.js';

function serverMessage(res) {
    const body = jsonObjectOf(res.text);
    if (!body)
        return '';
    const said = [body.message, body.error]
        .filter((v, i, all) => typeof v === 'string' && v !== '' && all.indexOf(v) === i)
        .join(' \u2014 ');
    const bounded = oneLine(said);
    const reqId = typeof body.reqId === 'string' && /^[\w.:-]{1,64}$/.test(body.reqId) ? ` (reqId ${body.reqId})` : '';
    return bounded === '' ? reqId.trim() : `${bounded}${reqId}`;
}
function statusError(res, where, hint = '') {
    const said = serverMessage(res);
    const rate = res.status === 429 ? ' (rate limit hit; the action retried and gave up)' : '';
    return new ServerError(`${where} failed with HTTP ${res.status}${rate}${said ? `: ${said}` : ''}${hint ? `. ${hint}` : ''}`, res.status);
}
const ok = (res) => res.status >= 200 && res.status < 300;
function authHeaders(bearer) {
    return { authorization: `Bearer ${bearer}`, accept: 'application/json' };
}
function optionalField(o, name, where) {
    const v = o[name];
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v !== 'string')
        throw shapeError(where, `field '${name}' is not a string`);
    return v;
}
async function getTokenDetails(http, baseUrl, bearer) {
    const where = 'GET /api/v2/service-token';
    const res = await http.send({ method: 'GET', url: `${baseUrl}/api/v2/service-token`, headers: authHeaders(bearer) });
    if (res.status === 401 || res.status === 403 || res.status === 404) {
        throw statusError(res, where, 'The service token was refused: it is mistyped, revoked or expired (Infisical deletes expired tokens), or it belongs to another Infisical server (set base_url for a self-hosted one)');
    }
    if (!ok(res))
        throw statusError(res, where);
    const body = parseJson(res, where);
    if (!isObject(body))
        throw shapeError(where, 'not a JSON object');
    const projectId = optionalField(body, 'workspace', where) ?? optionalField(body, 'projectId', where);
    if (projectId === undefined)
        throw shapeError(where, "no 'workspace' or 'projectId'");
    let scopes;
    let legacyShape = false;
    if (Array.isArray(body.scopes)) {
        scopes = body.scopes.map((s) => {
            if (!isObject(s))
                throw shapeError(where, 'a scope is not an object');
            const secretPath = s.secretPath === undefined || s.secretPath === null ? '/' : s.secretPath;
            if (typeof secretPath !== 'string')
                throw shapeError(where, "a scope's 'secretPath' is not a string");
            return { environment: stringField(s, 'environment', where), secretPath };
        });
    }
    else if (typeof body.environment === 'string') {
        scopes = [{ environment: body.environment, secretPath: '/' }];
        legacyShape = true;
    }
    else {
        throw shapeError(where, "neither 'scopes' nor 'environment'");
    }
    const permissions = Array.isArray(body.permissions)
        ? body.permissions.filter((p) => typeof p === 'string')
        : [];
    const expiresAt = body.expiresAt === null || body.expiresAt === undefined ? null : body.expiresAt;
    if (expiresAt !== null && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))))
        throw shapeError(where, "'expiresAt' is not a date");
    const ciphertext = optionalField(body, 'encryptedKey', where);
    const iv = optionalField(body, 'iv', where);
    const tag = optionalField(body, 'tag', where);
    const sealedProjectKey = ciphertext !== undefined && iv !== undefined && tag !== undefined ? { ciphertext, iv, tag } : undefined;
    return { projectId, scopes, permissions, expiresAt, legacyShape, ...(sealedProjectKey ? { sealedProjectKey } : {}) };
}
function queryString(q, raw) {
    const params = new URLSearchParams();
    if (q.projectId !== undefined)
        params.set('workspaceId', q.projectId);
    else if (q.projectSlug !== undefined)
        params.set('workspaceSlug', q.projectSlug);
    params.set('environment', q.environment);
    params.set('secretPath', q.secretPath);
    params.set('include_imports', String(q.includeImports));
    params.set('recursive', String(q.recursive));
    if (raw)
        params.set('expandSecretReferences', 'true');
    return params.toString();
}
function list(body, where, item) {
    if (!isObject(body) || !Array.isArray(body.secrets))
        throw shapeError(where, "field 'secrets' is missing or not a list");
    const secrets = body.secrets.map((s) => item(s, where));
    const rawImports = body.imports === undefined || body.imports === null ? [] : body.imports;
    if (!Array.isArray(rawImports))
        throw shapeError(where, "field 'imports' is not a list");
    const imports = rawImports.map((imp) => {
        if (!isObject(imp) || !Array.isArray(imp.secrets))
            throw shapeError(where, 'an import is not an object with secrets');
        return {
            environment: stringField(imp, 'environment', where),
            path: stringField(imp, 'secretPath', where),
            secrets: imp.secrets.map((s) => item(s, where)),
        };
    });
    return { secrets, imports };
}
function rawItem(v, where) {
    if (!isObject(v))
        throw shapeError(where, 'a secret is not an object');
    const path = typeof v.secretPath === 'string' ? v.secretPath : undefined;
    return {
        key: stringField(v, 'secretKey', where),
        value: stringField(v, 'secretValue', where),
        type: typeof v.type === 'string' ? v.type : 'shared',
        hidden: v.secretValueHidden === true,
        ...(path === undefined ? {} : { path }),
    };
}
function encryptedItem(v, where) {
    if (!isObject(v))
        throw shapeError(where, 'a secret is not an object');
    const field = (name) => ({
        ciphertext: stringField(v, `secret${name}Ciphertext`, where),
        iv: stringField(v, `secret${name}IV`, where),
        tag: stringField(v, `secret${name}Tag`, where),
    });
    if (v.algorithm !== undefined && v.algorithm !== 'aes-256-gcm')
        throw shapeError(where, `unsupported algorithm ${JSON.stringify(String(v.algorithm)).slice(0, 40)}`);
    if (v.keyEncoding !== undefined && v.keyEncoding !== 'utf8')
        throw shapeError(where, `unsupported keyEncoding ${JSON.stringify(String(v.keyEncoding)).slice(0, 40)}`);
    return {
        type: typeof v.type === 'string' ? v.type : 'shared',
        folderId: typeof v.folderId === 'string' ? v.folderId : '',
        key: field('Key'),
        value: field('Value'),
    };
}
const BOT_NOT_FOUND = /bot_not_found_error|failed to find bot key|bot is not active/i;
function isBotNotFound(res) {
    return res.status === 400 && BOT_NOT_FOUND.test(res.text);
}
async function listRaw(http, baseUrl, bearer, q, failure) {
    const where = 'GET /api/v3/secrets/raw';
    const res = await http.send({
        method: 'GET',
        url: `${baseUrl}/api/v3/secrets/raw?${queryString(q, true)}`,
        headers: authHeaders(bearer),
    });
    if (isBotNotFound(res))
        return 'e2ee';
    if (!ok(res))
        throw failure(res, where);
    return list(parseJson(res, where), where, rawItem);
}
async function listEncrypted(http, baseUrl, bearer, q, failure) {
    const where = 'GET /api/v3/secrets';
    const res = await http.send({
        method: 'GET',
        url: `${baseUrl}/api/v3/secrets?${queryString(q, false)}`,
        headers: authHeaders(bearer),
    });
    if (!ok(res))
        throw failure(res, where);
    return list(parseJson(res, where), where, encryptedItem);
}

const LOGIN_PATHS = {
    universal: '/api/v1/auth/universal-auth/login',
    oidc: '/api/v1/auth/oidc-auth/login',
    'aws-iam': '/api/v1/auth/aws-auth/login',
};
async function postLogin(http, baseUrl, kind, fields, hint) {
    const where = `POST ${LOGIN_PATHS[kind]}`;
    const res = await http.send({
        method: 'POST',
        url: `${baseUrl}${LOGIN_PATHS[kind]}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(fields).toString(),
    });
    if (res.status >= 400 && res.status < 500 && res.status !== 429)
        throw statusError(res, where, hint(res));
    if (!ok(res))
        throw statusError(res, where);
    const body = parseJson(res, where);
    if (!isObject(body))
        throw shapeError(where, 'not a JSON object');
    const accessToken = stringField(body, 'accessToken', where);
    if (accessToken === '')
        throw shapeError(where, "'accessToken' is empty");
    const expiresIn = typeof body.expiresIn === 'number' ? body.expiresIn : 0;
    return { accessToken, expiresIn };
}
async function revokeAccessToken(http, baseUrl, accessToken) {
    const path = '/api/v1/auth/token/revoke';
    const res = await http.send({
        method: 'POST',
        url: `${baseUrl}${path}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ accessToken }).toString(),
    });
    if (!ok(res))
        throw statusError(res, `POST ${path}`);
}

function normalizeSecretPath(text) {
    const t = text.trim();
    if (t === '' || t === '/')
        return '/';
    const segments = t.replace(/^\//, '').replace(/\/$/, '').split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\s\u0000-\u001f\u007f*]/.test(s)))
        return undefined;
    return `/${segments.join('/')}`;
}
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
function suggestName(key) {
    const name = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
    return /^[0-9]/.test(name) ? `_${name}` : name;
}
function exampleMapping(source, key) {
    return source.length <= 60 ? `, e.g. '${source} > ${suggestName(key)}'` : '';
}
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

const trimSlash = (p) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
function scopeMatches(glob, path) {
    if (glob === '')
        return false;
    const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const segment = (seg) => seg === '**' ? '\uE000' : seg === '*' ? '[^/]+' : seg.split('*').map(escape).join('[^/]*');
    const source = trimSlash(glob)
        .split('/')
        .map(segment)
        .join('/')
        .replace(/\/\uE000/g, '(?:/.*)?')
        .replace(/\uE000/g, '.*');
    return new RegExp(`^${source}$`).test(trimSlash(path));
}
const isGlob = (path) => path.includes('*');
function describeScopes(scopes) {
    return scopes.length === 0 ? '(none)' : scopes.map((s) => `${s.environment}:${s.secretPath}`).join(', ');
}
function assertUsable(details, now) {
    if (details.expiresAt !== null && Date.parse(details.expiresAt) <= now) {
        throw new ServerError(`The service token expired at ${details.expiresAt}; create a new one in Infisical and update the secret holding it.`);
    }
    if (!details.permissions.includes('read')) {
        const has = details.permissions.length === 0 ? 'none' : details.permissions.join(', ');
        throw new ServerError(`The service token has no 'read' permission (it has: ${has}); create one with read access.`);
    }
}
function chooseEnvironment(scopes, wanted) {
    const environments = [...new Set(scopes.map((s) => s.environment))];
    if (wanted !== undefined) {
        if (!environments.includes(wanted)) {
            throw new InputError(`Input 'environment' is '${wanted}', but the service token may read only ${environments.map((e) => `'${e}'`).join(', ') || 'no environment'} (scopes: ${describeScopes(scopes)}).`);
        }
        return wanted;
    }
    if (environments.length !== 1) {
        throw new InputError(`Input 'environment' is required: the service token covers ${environments.length} environments (${environments.map((e) => `'${e}'`).join(', ')}); say which one to read.`);
    }
    return environments[0];
}
function choosePath(scopes, environment, wanted) {
    if (wanted !== undefined)
        return wanted;
    const mine = scopes.filter((s) => s.environment === environment);
    return mine.length === 1 && !isGlob(mine[0].secretPath) ? trimSlash(mine[0].secretPath) : '/';
}
function inScope(scopes, environment, path) {
    return scopes.some((s) => s.environment === environment && scopeMatches(s.secretPath, path));
}

const INFISICAL_CLOUD = 'https://app.infisical.com';
function apiBase(baseUrl) {
    return (baseUrl ?? INFISICAL_CLOUD).replace(/\/api$/, '');
}
const PROJECT_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i;
function secretPathOf(options) {
    const text = options.secretPath;
    if (text === undefined)
        return undefined;
    const path = normalizeSecretPath(text);
    if (path === undefined) {
        throw new InputError(`Input 'secret_path' is not a folder path (e.g. '/backend' or '/backend/api'), got '${text}'.`);
    }
    return path;
}
async function identityLogin(credentials, baseUrl, ctx) {
    switch (credentials.kind) {
        case 'universal':
            return postLogin(ctx.http, baseUrl, 'universal', { clientId: credentials.clientId, clientSecret: credentials.clientSecret }, (res) => res.status === 401
                ? "Check 'client_id' and 'client_secret': invisible whitespace or a CRLF in the stored secret is a common cause. " +
                    'Not retried: Infisical locks an identity out after 3 failed logins'
                : '');
        case 'oidc':
            return (await import('./providers-infisical-oidc-GdfLDdyr.js')).oidcLogin(ctx, baseUrl, credentials.identityId, credentials.audience);
        case 'aws-iam': {
            const { signedCallerIdentity } = await import('./providers-infisical-aws-iam-DwPT_fs5.js');
            const fields = signedCallerIdentity(credentials.aws, ctx.now());
            return postLogin(ctx.http, baseUrl, 'aws-iam', { identityId: credentials.identityId, ...fields }, () => `Infisical refused identity ${credentials.identityId}'s signed AWS request: check the identity's AWS Auth settings (allowed account ids and principal ARNs) against the credentials in AWS_ACCESS_KEY_ID`);
        }
    }
}
async function login(options, credentials, ctx) {
    const baseUrl = apiBase(options.baseUrl);
    const secretPath = secretPathOf(options);
    if (credentials.kind !== 'token') {
        const given = credentials.kind === 'universal' ? "'client_id' + 'client_secret'" : `'method: ${credentials.kind}'`;
        if (options.environment === undefined)
            throw new InputError(`Input 'environment' is required with ${given} (e.g. 'prod').`);
        if (options.project === undefined)
            throw new InputError(`Input 'project' is required with ${given}: the project's id or slug.`);
        const login = await identityLogin(credentials, baseUrl, ctx);
        ctx.mask(login.accessToken);
        const isId = options.projectKind !== 'slug' && PROJECT_ID.test(options.project);
        return {
            bearer: login.accessToken,
            baseUrl,
            project: isId ? { id: options.project } : { slug: options.project },
            environment: options.environment,
            path: secretPath ?? '/',
            issued: true,
        };
    }
    const { token } = credentials;
    const details = await getTokenDetails(ctx.http, baseUrl, token.bearer);
    assertUsable(details, ctx.now());
    if (options.project !== undefined) {
        if (PROJECT_ID.test(options.project) && options.project.toLowerCase() !== details.projectId.toLowerCase()) {
            throw new InputError(`Input 'project' is ${options.project}, but the service token belongs to project ${details.projectId}.`);
        }
        if (!PROJECT_ID.test(options.project))
            ctx.debug(`Input 'project' (${options.project}) is ignored: a service token reads its own project, ${details.projectId}.`);
    }
    const environment = chooseEnvironment(details.scopes, options.environment);
    return {
        bearer: token.bearer,
        baseUrl,
        project: { id: details.projectId },
        environment,
        path: choosePath(details.scopes, environment, secretPath),
        scopes: details.scopes,
        permissions: details.permissions,
        symKey: token.symKey,
        ...(details.sealedProjectKey ? { sealedKey: details.sealedProjectKey } : {}),
    };
}

const METHODS = ['universal', 'oidc', 'aws-iam'];
function readCredentials(settings, ctx) {
    const { clientId, clientSecret, method, identityId } = settings;
    if (clientSecret !== undefined)
        ctx.mask(clientSecret);
    if (method !== undefined && !METHODS.includes(method)) {
        throw new InputError(`Input 'method' must be one of 'universal', 'oidc', 'aws-iam', got '${method}'.`);
    }
    if (settings.accessToken !== '') {
        if (clientId !== undefined || method !== undefined) {
            throw new InputError("Give either 'access_token' (an Infisical service token) or 'client_id' + 'client_secret' (a machine identity), not both.");
        }
        const token = parseServiceToken(settings.accessToken);
        for (const part of [token.text, token.bearer, token.tokenId, token.tokenSecret, token.symKey])
            ctx.mask(part);
        return { kind: 'token', token };
    }
    switch (method ?? 'universal') {
        case 'oidc':
        case 'aws-iam': {
            if (identityId === undefined)
                throw new InputError(`Input 'identity-id' is required with 'method: ${method}': the id of the machine identity whose ${method === 'oidc' ? 'OIDC' : 'AWS'} Auth is configured.`);
            if (method === 'oidc')
                return { kind: 'oidc', identityId, audience: settings.oidcAudience };
            for (const part of [settings.aws?.secretAccessKey, settings.aws?.sessionToken])
                if (part)
                    ctx.mask(part);
            return { kind: 'aws-iam', identityId, aws: settings.aws };
        }
        default:
            if (clientId === undefined || clientSecret === undefined) {
                if (identityId !== undefined)
                    throw new InputError("Input 'identity-id' is given, but 'method' is 'universal' (its default), which logs in with 'client_id' + 'client_secret': set 'method: oidc' or 'method: aws-iam'.");
                throw new InputError("Infisical needs 'access_token' (a service token, st.<id>.<secret>.<key>) or 'client_id' + 'client_secret' (a machine identity).");
            }
            return { kind: 'universal', clientId, clientSecret };
    }
}

function withExtraHeaders(http, extra) {
    if (extra === undefined)
        return http;
    return { send: (req) => http.send({ ...req, headers: { ...extra, ...req.headers } }), preconnect: http.preconnect };
}

async function revokeIssuedToken(baseUrl, token, ctx) {
    try {
        await revokeAccessToken(ctx.http, baseUrl, token);
        ctx.debug('Infisical access token revoked.');
    }
    catch (err) {
        if (err instanceof ServerError && (err.status === 401 || err.status === 404))
            return;
        ctx.warning(`The Infisical access token of this run was not revoked (${err instanceof Error ? err.message : String(err)}); it stays valid until its TTL ends.`);
    }
}

const KEY_BYTES = 32;
const TAG_BYTES = 16;
function decodeBase64(text) {
    return decodeBase64Strict(text, { padded: true });
}
function keyBytes(key) {
    const bytes = new TextEncoder().encode(key);
    if (bytes.length !== KEY_BYTES)
        throw new CryptoError(`the key must be ${KEY_BYTES} bytes (a 32-character hex string), got ${bytes.length}`);
    return bytes;
}
function decode(text, what) {
    const bytes = decodeBase64(text);
    if (bytes === undefined)
        throw new CryptoError(`the ${what} is not standard base64`);
    return bytes;
}
function decryptBytes(key, iv, ciphertext, tag) {
    if (key.length !== KEY_BYTES)
        throw new CryptoError(`the key must be ${KEY_BYTES} bytes, got ${key.length}`);
    if (iv.length === 0)
        throw new CryptoError('the iv is empty');
    if (tag.length !== TAG_BYTES)
        throw new CryptoError(`the tag must be ${TAG_BYTES} bytes, got ${tag.length}`);
    const decipher = process
        .getBuiltinModule('node:crypto')
        .createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
        const plain = decipher.update(ciphertext);
        return Buffer.concat([plain, decipher.final()]);
    }
    catch (cause) {
        throw new CryptoError('authentication failed: the tag does not match (tampered data or another key)', { cause });
    }
}
function decryptSymmetric(key, field) {
    const bytes = decryptBytes(keyBytes(key), decode(field.iv, 'iv'), decode(field.ciphertext, 'ciphertext'), decode(field.tag, 'tag'));
    try {
        return decodeUtf8Strict(bytes);
    }
    catch (cause) {
        throw new CryptoError('the decrypted text is not valid UTF-8', { cause });
    }
}
function decryptProjectKey(symKey, field) {
    let projectKey;
    try {
        projectKey = decryptSymmetric(symKey, field);
    }
    catch (cause) {
        const why = cause instanceof CryptoError ? cause.message : 'decryption failed';
        throw new CryptoError(`The service token's key does not match this project (${why}); check the part after the last '.' of the token.`, { cause });
    }
    if (!/^[0-9a-f]{32}$/i.test(projectKey))
        throw new CryptoError('The decrypted project key is not a 32-character hex string.');
    return projectKey;
}

function applyPersonalOverrides(items) {
    const personal = new Set(items.filter((i) => i.type === 'personal').map((i) => `${i.folder}\u0000${i.key}`));
    return items.filter((i) => i.type === 'personal' || !personal.has(`${i.folder}\u0000${i.key}`));
}
function mergeWithImports(local, imports) {
    const items = new Map();
    const folders = new Map();
    for (const item of local) {
        const seen = folders.get(item.key) ?? [];
        if (!seen.includes(item.location))
            seen.push(item.location);
        folders.set(item.key, seen);
        items.set(item.key, item);
    }
    for (const group of [...imports].reverse()) {
        for (const item of group)
            if (!items.has(item.key))
                items.set(item.key, item);
    }
    const collisions = new Map([...folders].filter(([, at]) => at.length > 1));
    return { items, collisions };
}

const REFERENCE = /\$\{([^}]+)\}/g;
const MAX_DEPTH = 10;
const folderId = (environment, path) => `${environment}:${path}`;
function parseReference(ref) {
    const parts = ref.split('.');
    if (parts.some((p) => p.trim() === '' || p !== p.trim()))
        return undefined;
    if (parts.length === 1)
        return { folder: 'here', key: parts[0] };
    const key = parts.pop();
    const [environment, ...folders] = parts;
    return { folder: { environment, path: `/${folders.join('/')}` }, key };
}
function expandReferences(value, key, here, lookup) {
    let unresolved = false;
    const missing = [];
    function expand(text, folder, depth, seen) {
        return text.replace(REFERENCE, (whole, ref) => {
            const target = parseReference(ref);
            if (target === undefined || depth >= MAX_DEPTH) {
                unresolved = true;
                return whole;
            }
            let to = folder;
            if (target.folder !== 'here') {
                to = lookup(target.folder.environment, target.folder.path);
                if (to === undefined) {
                    missing.push(target.folder);
                    unresolved = true;
                    return whole;
                }
            }
            const id = `${to.id}\u0000${target.key}`;
            const next = to.values.get(target.key);
            if (seen.has(id) || next === undefined) {
                unresolved = true;
                return whole;
            }
            return expand(next, to, depth + 1, new Set([...seen, id]));
        });
    }
    const out = expand(value, here, 0, new Set([`${here.id}\u0000${key}`]));
    return { value: out, unresolved, missing };
}

class FolderReader {
    session;
    ctx;
    project;
    projectKey;
    constructor(session, ctx, project) {
        this.session = session;
        this.ctx = ctx;
        this.project = project;
    }
    failure(read) {
        return (res, where) => {
            if (res.status !== 403 && res.status !== 404)
                return statusError(res, where);
            const scopes = this.session.scopes ? `; the token's scopes: ${describeScopes(this.session.scopes)}` : '';
            return statusError(res, where, `Requested project ${this.project}, environment '${read.environment}', folder '${read.path}'${scopes}`);
        };
    }
    query(read) {
        return {
            ...(this.session.project.id !== undefined
                ? { projectId: this.session.project.id }
                : { projectSlug: this.session.project.slug }),
            environment: read.environment,
            secretPath: read.path,
            includeImports: read.includeImports,
            recursive: read.recursive,
        };
    }
    async read(read) {
        if (this.projectKey === undefined) {
            const raw = await listRaw(this.ctx.http, this.session.baseUrl, this.session.bearer, this.query(read), this.failure(read));
            if (raw !== 'e2ee')
                return this.fromRaw(raw, read);
            this.projectKey = this.unsealProjectKey();
        }
        const list = await listEncrypted(this.ctx.http, this.session.baseUrl, this.session.bearer, this.query(read), this.failure(read));
        return this.fromEncrypted(list, read);
    }
    unsealProjectKey() {
        const { sealedKey, symKey } = this.session;
        if (symKey === undefined) {
            throw new ServerError(`Project ${this.project} is a legacy end-to-end encrypted project, which a machine identity cannot read; upgrade the project in Infisical, or use a service token.`);
        }
        if (sealedKey === undefined) {
            throw new CryptoError('This token cannot decrypt an end-to-end encrypted project; upgrade the project or create the token with a client that stores the key.');
        }
        const key = decryptProjectKey(symKey, sealedKey);
        this.ctx.mask(key);
        return key;
    }
    maskFetched(values) {
        for (const v of values)
            if (!v.hidden && v.value.length >= 3)
                this.ctx.mask(v.value);
    }
    fromRaw(list, read) {
        this.maskFetched([...list.secrets, ...list.imports.flatMap((imp) => imp.secrets)]);
        const local = applyPersonalOverrides(list.secrets.map((s) => {
            const location = `${read.environment}:${s.path ?? read.path}`;
            return { key: s.key, value: s.value, type: s.type, location, folder: location, hidden: s.hidden };
        }));
        const imports = list.imports.map((imp) => {
            const location = `${imp.environment}:${imp.path} (imported)`;
            return applyPersonalOverrides(imp.secrets.map((s) => ({
                key: s.key,
                value: s.value,
                type: s.type,
                location,
                folder: location,
                hidden: s.hidden,
            })));
        });
        return { merged: mergeWithImports(local, imports) };
    }
    decryptAll(items, what) {
        const decrypted = items.map((s, i) => {
            try {
                return {
                    key: decryptSymmetric(this.projectKey, s.key),
                    value: decryptSymmetric(this.projectKey, s.value),
                    type: s.type,
                    folderId: s.folderId,
                };
            }
            catch (cause) {
                const why = cause instanceof CryptoError ? cause.message : 'decryption failed';
                throw new CryptoError(`Secret #${i + 1} of ${what} could not be decrypted: ${why}.`, { cause });
            }
        });
        this.maskFetched(decrypted);
        return decrypted;
    }
    fromEncrypted(list, read) {
        const folders = new Map();
        const here = `${read.environment}:${read.path}`;
        const toItems = (decrypted, label, id) => applyPersonalOverrides(decrypted.map((d) => ({
            key: d.key,
            value: d.value,
            type: d.type,
            location: label(d.folderId),
            folder: id(d.folderId),
            hidden: false,
        })));
        const local = toItems(this.decryptAll(list.secrets, `GET /api/v3/secrets (${here})`), (f) => (read.recursive ? `${here} (folder ${f})` : here), (f) => (read.recursive ? `folder ${f}` : folderId(read.environment, read.path)));
        const imports = list.imports.map((imp, n) => toItems(this.decryptAll(imp.secrets, `import ${n + 1} (${imp.environment}:${imp.path}) of GET /api/v3/secrets (${here})`), () => `${imp.environment}:${imp.path} (imported)`, () => folderId(imp.environment, imp.path)));
        for (const item of [...local, ...imports.flat()]) {
            let folder = folders.get(item.folder);
            if (!folder) {
                const [environment, path] = item.folder.startsWith('folder ')
                    ? [undefined, undefined]
                    : splitFolderId(item.folder);
                folder = { id: item.folder, ...(environment ? { environment, path } : {}), values: new Map() };
                folders.set(item.folder, folder);
            }
            folder.values.set(item.key, item.value);
        }
        return { merged: mergeWithImports(local, imports), folders };
    }
    extraFolders = new Map();
    async finalValue(item, result) {
        if (result.folders === undefined)
            return item.value;
        const here = result.folders.get(item.folder);
        const lookup = (environment, path) => {
            const id = folderId(environment, path);
            const known = result.folders.get(id) ?? this.extraFolders.get(id);
            return known === 'unavailable' ? undefined : known;
        };
        for (let round = 0;; round++) {
            const expanded = expandReferences(item.value, item.key, here, lookup);
            const toLoad = expanded.missing.filter((f) => !this.extraFolders.has(folderId(f.environment, f.path)));
            if (toLoad.length === 0 || round >= 10) {
                if (expanded.unresolved)
                    this.ctx.warning(`Secret ${item.key} (${item.location}) holds a reference that could not be resolved; it is left as written.`);
                return expanded.value;
            }
            for (const f of toLoad)
                this.extraFolders.set(folderId(f.environment, f.path), await this.loadFolder(f.environment, f.path));
        }
    }
    async loadFolder(environment, path) {
        const { scopes } = this.session;
        if (scopes !== undefined && !inScope(scopes, environment, path))
            return 'unavailable';
        const read = { id: `ref:${environment}:${path}`, environment, path, recursive: false, includeImports: false };
        let list;
        try {
            list = await listEncrypted(this.ctx.http, this.session.baseUrl, this.session.bearer, this.query(read), this.failure(read));
        }
        catch (err) {
            if (err instanceof ServerError && (err.status === 403 || err.status === 404))
                return 'unavailable';
            throw err;
        }
        const items = applyPersonalOverrides(this.decryptAll(list.secrets, `GET /api/v3/secrets (${environment}:${path})`).map((d) => ({
            ...d,
            location: '',
            folder: '',
            hidden: false,
        })));
        return { id: folderId(environment, path), environment, path, values: new Map(items.map((i) => [i.key, i.value])) };
    }
}
function splitFolderId(id) {
    const colon = id.indexOf(':');
    return [id.slice(0, colon), id.slice(colon + 1)];
}

class Reader {
    session;
    ctx;
    options;
    project;
    folders;
    constructor(session, ctx, options) {
        this.session = session;
        this.ctx = ctx;
        this.options = options;
        this.project = session.project.id ?? `'${session.project.slug}'`;
        this.folders = new FolderReader(session, ctx, this.project);
    }
    async fetch(requests) {
        const main = {
            id: 'main',
            environment: this.session.environment,
            path: this.session.path,
            recursive: this.options.recursive,
            includeImports: this.options.includeImports,
        };
        const readOf = (r) => r.kind === 'all' || r.path === undefined || (r.path === main.path && !main.recursive)
            ? main
            : {
                id: `path:${r.path}`,
                environment: main.environment,
                path: r.path,
                recursive: false,
                includeImports: main.includeImports,
            };
        const reads = new Map();
        for (const r of requests) {
            const read = readOf(r);
            this.assertInScope(read, r);
            reads.set(read.id, read);
        }
        const results = new Map();
        for (const read of reads.values())
            results.set(read.id, await this.folders.read(read));
        const chosen = [];
        const explicit = new Set();
        for (const r of requests) {
            if (r.kind !== 'key')
                continue;
            const read = readOf(r);
            explicit.add(`${read.id}\u0000${r.key}`);
            chosen.push({ name: r.envName, item: this.pick(results.get(read.id).merged, r, read), read, mapped: true });
        }
        const wildcard = requests.find((r) => r.kind === 'all');
        if (wildcard) {
            const where = wildcard.line === 0
                ? "Input 'secrets' is empty, which means every secret in scope, but"
                : `${secretsLine(wildcard.line)}: '*' means every secret in scope, but`;
            const bad = [];
            for (const [key, item] of results.get(main.id).merged.items) {
                if (explicit.has(`${main.id}\u0000${key}`))
                    continue;
                this.assertNoCollision(results.get(main.id).merged, key, where);
                if (item.hidden) {
                    this.ctx.warning(`Skipping ${key} (${item.location}): the token may see this secret but not its value.`);
                    continue;
                }
                if (!ENV_NAME.test(key))
                    bad.push(key);
                else
                    chosen.push({ name: key, item, read: main, mapped: false });
            }
            if (bad.length > 0) {
                throw new InputError(`${where} these keys are not valid environment variable names: ${bad
                    .slice(0, 10)
                    .map((k) => quote(k))
                    .join(', ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}. ` +
                    `Map each explicitly on its own line${exampleMapping(bad[0], bad[0])}; the wildcard then leaves it to that line.`);
            }
        }
        const secrets = [];
        for (const { name, item, read, mapped } of chosen) {
            const value = await this.folders.finalValue(item, results.get(read.id));
            this.ctx.mask(value);
            secrets.push({ name, value, source: `infisical ${item.location} ${item.key}`, mapped });
        }
        return secrets;
    }
    assertInScope(read, request) {
        const { scopes } = this.session;
        if (scopes === undefined || inScope(scopes, read.environment, read.path))
            return;
        const what = request.kind === 'key' && request.path !== undefined
            ? `${secretsLine(request.line)}: folder '${read.path}'`
            : `Input 'secret_path': folder '${read.path}'`;
        throw new InputError(`${what} in environment '${read.environment}' is outside the service token's scopes (${describeScopes(scopes)}).`);
    }
    pick(merged, r, read) {
        const item = merged.items.get(r.key);
        const at = `${secretsLine(r.line)}:`;
        if (!item) {
            const imports = read.includeImports ? ' (imports included)' : '';
            throw new InputError(`${at} no secret ${JSON.stringify(r.key)} in environment '${read.environment}', folder '${read.path}'${read.recursive ? ' and its sub-folders' : ''}${imports} of project ${this.project}. Keys are case-sensitive.`);
        }
        this.assertNoCollision(merged, r.key, at);
        if (item.hidden)
            throw new ServerError(`${at} no permission to read the value of ${r.key} (${item.location}): the token may see the secret but not its value.`);
        return item;
    }
    assertNoCollision(merged, key, at) {
        const folders = merged.collisions.get(key);
        if (folders) {
            throw new InputError(`${at} the key ${JSON.stringify(key)} exists in more than one folder of the recursive read (${folders.join(', ')}); name the folder: '/folder/${key} > NAME'.`);
        }
    }
}

function create(settings, given) {
    const credentials = readCredentials(settings, given);
    secretPathOf(settings);
    for (const value of Object.values(settings.extraHeaders ?? {}))
        given.mask(value);
    const ctx = { ...given, http: withExtraHeaders(given.http, settings.extraHeaders) };
    return {
        kind: 'infisical',
        parse: parseInfisicalMapping,
        async fetch(requests) {
            const session = await login(settings, credentials, ctx);
            let secrets;
            try {
                secrets = await new Reader(session, ctx, settings).fetch(requests);
            }
            catch (err) {
                if (session.issued)
                    await revokeIssuedToken(session.baseUrl, session.bearer, ctx);
                throw err;
            }
            if (!session.issued)
                return { secrets, cleanups: [] };
            const settling = revokeIssuedToken(session.baseUrl, session.bearer, ctx);
            await Promise.race([requestSent(), settling]);
            return { secrets, cleanups: [], settling };
        },
    };
}

var index = /*#__PURE__*/Object.freeze({
    __proto__: null,
    create: create
});

export { secretPathOf as a, statusError as b, inScope as c, describeScopes as d, revokeIssuedToken as e, index as f, isBotNotFound as i, login as l, normalizeSecretPath as n, ok as o, postLogin as p, readCredentials as r, serverMessage as s, withExtraHeaders as w };
