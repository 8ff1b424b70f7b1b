import { m as meaningfulLines, s as secretsLine, l as lineError, a as assertEnvName, q as quote, p as parseJson, S as ServerError, i as isObject, b as shapeError, c as stringField, j as jsonObjectOf, o as oneLine, E as ENV_NAME, I as InputError, d as decodeBase64Strict, r as requestSent } from './startup-B0l7F2rJ.js';

const UUID$1 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEAR_UUID = /^(?=.*-)[0-9a-f-]{16,}$/i;
function parseSource(source, line) {
    if (source === '*')
        return { kind: 'all' };
    const slash = source.indexOf('/');
    if (slash > 0 && UUID$1.test(source.slice(0, slash))) {
        const projectId = source.slice(0, slash).toLowerCase();
        const name = source.slice(slash + 1).trim();
        if (name === '')
            throw lineError(line, `the secret name after the project id is empty (use '${projectId}/*' for the whole project)`);
        return name === '*' ? { kind: 'all', projectId } : { kind: 'name', name, projectId };
    }
    if (UUID$1.test(source))
        return { kind: 'id', id: source.toLowerCase() };
    if (NEAR_UUID.test(source))
        throw lineError(line, `${quote(source)} looks like a secret id but is not a valid UUID (8-4-4-4-12 hex digits)`);
    return { kind: 'name', name: source };
}
function parseLine({ line, text }) {
    const pieces = text.split('>');
    if (pieces.length > 2)
        throw lineError(line, "it has more than one '>' (expected '<secret id or name> > ENV_NAME')");
    const source = pieces[0].trim();
    if (pieces.length === 1) {
        const selector = parseSource(source, line);
        if (selector.kind !== 'all') {
            throw lineError(line, "expected '<secret id or name> > ENV_NAME', '<project id>/*' or '*' (no '>' found)");
        }
        return { line, selector };
    }
    const envName = pieces[1].trim();
    if (source === '')
        throw lineError(line, "the secret id or name before '>' is empty");
    if (envName === '')
        throw lineError(line, "the environment variable name after '>' is empty");
    const selector = parseSource(source, line);
    if (selector.kind === 'all') {
        throw lineError(line, "a wildcard exports each secret under its own name; remove '> " + envName + "'");
    }
    assertEnvName(envName, line);
    return { line, selector, envName };
}
function wildcardKey(s) {
    return s.kind === 'all' ? (s.projectId ?? '*') : undefined;
}
function parseBitwardenMapping(input) {
    const byKey = new Map();
    const envLines = new Map();
    const warnings = [];
    for (const entry of meaningfulLines(input)) {
        const request = parseLine(entry);
        const { selector, envName, line } = request;
        let key;
        if (selector.kind === 'id') {
            key = `id:${selector.id}`;
            const earlier = byKey.get(key);
            if (earlier?.envName !== undefined) {
                warnings.push(`${secretsLine(line)}: secret ${selector.id} is also mapped on line ${earlier.line}; ` +
                    `it is fetched once and exported as ${envName} only (not ${earlier.envName}).`);
                envLines.delete(earlier.envName);
                byKey.delete(key);
            }
        }
        else if (selector.kind === 'all') {
            key = `all:${wildcardKey(selector)}`;
            const earlier = byKey.get(key);
            if (earlier)
                throw lineError(line, `it repeats the wildcard of line ${earlier.line}`);
        }
        else {
            key = `line:${line}`;
        }
        if (envName !== undefined) {
            const first = envLines.get(envName);
            if (first !== undefined)
                throw lineError(line, `the name ${envName} is already used on line ${first}; names must be unique`);
            envLines.set(envName, line);
        }
        byKey.set(key, request);
    }
    return { requests: [...byKey.values()].sort((a, b) => a.line - b.line), warnings };
}

function serverMessage(res) {
    const body = jsonObjectOf(res.text);
    if (!body)
        return '';
    return oneLine([body.message, body.error, body.error_description].filter((v) => typeof v === 'string').join(': '));
}
function statusError(res, where, hint = '') {
    const said = serverMessage(res);
    const rate = res.status === 429 ? ' (rate limit hit; the action retried and gave up)' : '';
    return new ServerError(`${where} failed with HTTP ${res.status}${rate}${said ? `: ${said}` : ''}${hint ? `${said.endsWith('.') ? '' : '.'} ${hint}` : ''}`, res.status);
}
function organizationIdFromJwt(jwt, where) {
    const parts = jwt.split('.');
    if (parts.length !== 3)
        throw shapeError(where, 'access_token is not a JWT');
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        throw shapeError(where, 'the JWT payload is not JSON');
    }
    const org = isObject(claims) ? claims.organization : undefined;
    if (typeof org !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(org)) {
        throw shapeError(where, "the JWT has no 'organization' claim holding a UUID");
    }
    return org.toLowerCase();
}
async function login(http, identityUrl, token) {
    const url = `${identityUrl}/connect/token`;
    const where = `Login to ${identityUrl}`;
    const form = new URLSearchParams({
        scope: 'api.secrets',
        client_id: token.clientId,
        client_secret: token.clientSecret,
        grant_type: 'client_credentials',
    });
    const res = await http.send({
        method: 'POST',
        url,
        headers: {
            'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
            accept: 'application/json',
            'device-type': '21',
        },
        body: form.toString(),
    });
    if (res.status === 400 && serverMessage(res).startsWith('invalid_client')) {
        throw new ServerError(`${where} was refused (invalid_client). The access token is mistyped, expired or revoked; ` +
            'or its machine account or organization is disabled; or it belongs to another server: a token from the ' +
            "EU cloud needs 'cloud_region: eu', one from the US cloud 'cloud_region: us' (the default), and a " +
            "self-hosted one 'base_url' set to that server.", 400);
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    const body = parseJson(res, where);
    if (!isObject(body))
        throw shapeError(where, 'not a JSON object');
    const bad = ['access_token', 'token_type', 'scope', 'encrypted_payload'].filter((f) => typeof body[f] !== 'string');
    const expiresIn = body.expires_in;
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0)
        bad.push('expires_in');
    if (bad.length > 0)
        throw shapeError(where, `missing or invalid field${bad.length > 1 ? 's' : ''} ${bad.join(', ')}`);
    return {
        accessToken: body.access_token,
        expiresInSeconds: expiresIn,
        encryptedPayload: body.encrypted_payload,
    };
}
function asList(body, field, where) {
    const list = isObject(body) ? body[field] : undefined;
    if (!Array.isArray(list))
        throw shapeError(where, `field '${field}' is missing or not a list`);
    return list;
}
function toSecretWithValue(item, where) {
    if (!isObject(item))
        throw shapeError(where, 'a secret is not an object');
    return {
        id: stringField(item, 'id', where).toLowerCase(),
        organizationId: stringField(item, 'organizationId', where).toLowerCase(),
        value: stringField(item, 'value', where),
    };
}
function toListedSecret(item, where) {
    if (!isObject(item))
        throw shapeError(where, 'a secret is not an object');
    const projects = Array.isArray(item.projects) ? item.projects : [];
    return {
        id: stringField(item, 'id', where).toLowerCase(),
        organizationId: stringField(item, 'organizationId', where).toLowerCase(),
        key: stringField(item, 'key', where),
        projectIds: projects.filter(isObject).map((p) => String(p.id).toLowerCase()),
        write: typeof item.write === 'boolean' ? item.write : undefined,
    };
}
const BYTES_PER_SECRET = 4096;
const MIN_ANSWER_LIMIT = 32 * 1024 * 1024;
async function getSecretsByIds(send, ids) {
    const maxBodyBytes = Math.max(MIN_ANSWER_LIMIT, ids.length * BYTES_PER_SECRET);
    const res = await send('POST', '/secrets/get-by-ids', { ids }, { maxBodyBytes });
    const where = 'POST /secrets/get-by-ids';
    if (res.status === 404)
        return undefined;
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    return asList(parseJson(res, where), 'data', where).map((item) => toSecretWithValue(item, where));
}
async function isSecretReadable(send, id) {
    const res = await send('GET', `/secrets/${id}`);
    if (res.status === 404)
        return false;
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, `GET /secrets/${id}`);
    return true;
}
async function listOrganizationSecrets(send, orgId) {
    const path = `/organizations/${orgId}/secrets`;
    const where = `GET ${path}`;
    const res = await send('GET', path);
    if (res.status === 404) {
        throw statusError(res, where, 'The machine account may have no access to any project or secret in this organization');
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    return asList(parseJson(res, where), 'secrets', where).map((item) => toListedSecret(item, where));
}

function scopeOf(projectId) {
    return projectId ? `project ${projectId}` : 'the secrets this machine account can read';
}
function describe(s) {
    return s.projectIds.length > 0 ? `${s.id} (project ${s.projectIds.join(', ')})` : s.id;
}
function needsListing(requests) {
    return requests.some((r) => r.selector.kind !== 'id');
}
function inScope(s, projectId) {
    return projectId === undefined || s.projectIds.includes(projectId);
}
function resolveTargets(requests, listed) {
    const explicit = [];
    for (const r of requests) {
        const s = r.selector;
        if (s.kind === 'id')
            explicit.push({ id: s.id, envName: r.envName, line: r.line, mapped: true });
        if (s.kind !== 'name')
            continue;
        const matches = listed.filter((l) => l.name === s.name && inScope(l, s.projectId));
        if (matches.length === 0) {
            throw lineError(r.line, `no secret named ${quote(s.name)} among ${scopeOf(s.projectId)} (names are case-sensitive; is the secret's project shared with the machine account?)`);
        }
        if (matches.length > 1) {
            throw lineError(r.line, `the name ${quote(s.name)} is ambiguous: ${matches.length} secrets have it: ${matches.map(describe).join('; ')}. ` +
                "Use the secret's id, or '<project id>/<name>'");
        }
        explicit.push({ id: matches[0].id, envName: r.envName, line: r.line, mapped: true });
    }
    const taken = new Set(explicit.map((t) => t.id));
    const usedNames = new Map(explicit.map((t) => [t.envName, `line ${t.line}`]));
    const implicit = [];
    for (const r of requests) {
        const s = r.selector;
        if (s.kind !== 'all')
            continue;
        const scope = listed.filter((l) => inScope(l, s.projectId));
        if (scope.length === 0) {
            throw lineError(r.line, `${scopeOf(s.projectId)} hold${s.projectId ? 's' : ''} no secret this machine account can read (is the project shared with it?)`);
        }
        const invalid = [];
        for (const secret of scope) {
            if (taken.has(secret.id))
                continue;
            taken.add(secret.id);
            if (!ENV_NAME.test(secret.name)) {
                invalid.push(`${quote(secret.name)} (${secret.id})`);
                continue;
            }
            const clash = usedNames.get(secret.name);
            if (clash !== undefined) {
                throw lineError(r.line, `the secret ${secret.id} would be exported as ${secret.name}, which ${clash.startsWith('line') ? `${clash} already uses` : `secret ${clash} also has as its name`}; ` +
                    `rename one or map it explicitly ('${secret.id} > OTHER_NAME')`);
            }
            usedNames.set(secret.name, secret.id);
            implicit.push({ id: secret.id, envName: secret.name, line: r.line, mapped: false });
        }
        if (invalid.length > 0) {
            throw lineError(r.line, `in ${scopeOf(s.projectId)}, these secret names are not valid environment variable names: ${invalid.join(', ')}. ` +
                "Map each explicitly on its own line ('<id> > VALID_NAME'), which also excludes it from the wildcard");
        }
    }
    return [...explicit, ...implicit];
}

const CLOUD = {
    us: { identityUrl: 'https://identity.bitwarden.com', apiUrl: 'https://api.bitwarden.com' },
    eu: { identityUrl: 'https://identity.bitwarden.eu', apiUrl: 'https://api.bitwarden.eu' },
};
function resolveEndpoints(s) {
    const custom = [s.baseUrl && 'base_url', s.identityUrl && 'identity_url', s.apiUrl && 'api_url'].filter(Boolean);
    if (s.cloudRegion && custom.length > 0) {
        throw new InputError(`Conflicting inputs: 'cloud_region' (${s.cloudRegion}) and '${custom.join("', '")}' both say which server to use; give only one.`);
    }
    if (s.cloudRegion)
        return CLOUD[s.cloudRegion];
    if (Boolean(s.identityUrl) !== Boolean(s.apiUrl)) {
        throw new InputError(`Inputs 'identity_url' and 'api_url' must be given together (only '${s.identityUrl ? 'identity_url' : 'api_url'}' is set).`);
    }
    if (s.identityUrl && s.apiUrl)
        return { identityUrl: s.identityUrl, apiUrl: s.apiUrl };
    if (s.baseUrl)
        return { identityUrl: `${s.baseUrl}/identity`, apiUrl: `${s.baseUrl}/api` };
    return CLOUD.us;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEED_BYTES = 16;
function fail(rule) {
    throw new InputError(`Input 'access_token' is not a valid Bitwarden access token: ${rule}.`);
}
function parseAccessToken(text) {
    const token = text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
    const odd = token.search(/[^\x21-\x7e]/);
    if (odd >= 0)
        fail(`it contains a character that is not printable ASCII (at position ${odd + 1})`);
    const colon = token.indexOf(':');
    if (colon < 0)
        fail("it doesn't contain a decryption key (no ':' followed by the key)");
    const parts = token.slice(0, colon).split('.');
    if (parts.length !== 3) {
        fail(`it has the wrong number of parts (expected '0.<id>.<secret>:<key>', found ${parts.length} dot-separated parts before ':')`);
    }
    const [version, id, clientSecret] = parts;
    if (version !== '0')
        fail("it is the wrong version (only version '0' exists)");
    if (!UUID.test(id))
        fail('it has an invalid identifier (the part after "0." must be a UUID)');
    if (clientSecret === '')
        fail('its client secret (between the id and ":") is empty');
    const keyText = token.slice(colon + 1);
    const seed = decodeBase64Strict(keyText);
    if (seed === undefined)
        fail('its decryption key (after ":") is not standard base64');
    if (seed.length !== SEED_BYTES) {
        fail(`its decryption key has the wrong length (expected ${SEED_BYTES} bytes, got ${seed.length})`);
    }
    return { clientId: id.toLowerCase(), clientSecret, keyText, seed };
}

const RENEW_MARGIN_MS = 300_000;
async function authenticate(ctx, endpoints, token) {
    const keyed = requestSent()
        .then(() => import('./providers-bitwarden-crypto-Am1BV7kf.js'))
        .then((crypto) => ({ crypto, tokenKey: crypto.deriveTokenKey(token.seed) }));
    const [res, { crypto, tokenKey }] = await Promise.all([login(ctx.http, endpoints.identityUrl, token), keyed]);
    ctx.mask(res.accessToken);
    const organizationId = organizationIdFromJwt(res.accessToken, `Login to ${endpoints.identityUrl}`);
    const organizationKey = crypto.decryptOrganizationKey(res.encryptedPayload, tokenKey);
    return {
        jwt: res.accessToken,
        renewAt: ctx.now() + res.expiresInSeconds * 1000 - RENEW_MARGIN_MS,
        organizationId,
        organizationKey,
        decrypt: (text) => crypto.decryptString(text, organizationKey),
        encrypt: (text) => crypto.encryptString(text, organizationKey),
    };
}
async function openSession(ctx, endpoints, token) {
    if (URL.parse(endpoints.apiUrl)?.origin !== URL.parse(endpoints.identityUrl)?.origin)
        ctx.http.preconnect(endpoints.apiUrl);
    let auth = await authenticate(ctx, endpoints, token);
    const first = auth;
    async function renew() {
        auth = await authenticate(ctx, endpoints, token);
        if (auth.organizationId !== first.organizationId) {
            throw new ServerError('The server changed the organization of the access token between two logins.');
        }
    }
    async function once(method, path, body, retry) {
        return ctx.http.send({
            ...retry,
            method,
            url: `${endpoints.apiUrl}${path}`,
            headers: {
                authorization: `Bearer ${auth.jwt}`,
                accept: 'application/json',
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    }
    const send = async (method, path, body, retry) => {
        if (ctx.now() >= auth.renewAt)
            await renew();
        const res = await once(method, path, body, retry);
        if (res.status !== 401)
            return res;
        ctx.debug(`${method} ${path} \u2192 401: logging in again once`);
        await renew();
        return once(method, path, body, retry);
    };
    return { organizationId: first.organizationId, decrypt: first.decrypt, encrypt: first.encrypt, send };
}
function prepareLogin(settings, ctx) {
    const token = parseAccessToken(settings.accessToken);
    ctx.mask(token.clientSecret);
    ctx.mask(token.keyText);
    const endpoints = resolveEndpoints(settings);
    return () => openSession(ctx, endpoints, token);
}
function decryptField(session, text, id, field) {
    try {
        return session.decrypt(text);
    }
    catch (err) {
        throw new ServerError(`Secret ${id}: its ${field} could not be decrypted: ${err.message}`, undefined, {
            cause: err,
        });
    }
}

const DIAGNOSE_CONCURRENCY = 3;
async function listNamed(session) {
    const listed = await listOrganizationSecrets(session.send, session.organizationId);
    return listed
        .filter((s) => s.organizationId === session.organizationId)
        .map((s) => ({ id: s.id, projectIds: s.projectIds, name: decryptField(session, s.key, s.id, 'name') }));
}
async function explainNotFound(session, targets, ids) {
    const missing = [];
    for (let i = 0; i < ids.length; i += DIAGNOSE_CONCURRENCY) {
        const batch = ids.slice(i, i + DIAGNOSE_CONCURRENCY);
        const readable = await Promise.all(batch.map((id) => isSecretReadable(session.send, id)));
        batch.forEach((id, j) => readable[j] || missing.push(id));
    }
    const where = (id) => targets
        .filter((t) => t.id === id)
        .map((t) => `line ${t.line}, ${t.envName}`)
        .join('; ');
    const list = missing.map((id) => `${id} (${where(id)})`).join(', ');
    const access = 'Check the ids, and that the machine account has access to the secrets (their project is shared with it).';
    if (missing.length === 0)
        return new ServerError(`POST /secrets/get-by-ids answered 404, but each secret is readable on its own; try again. ${access}`, 404);
    const all = missing.length === ids.length
        ? ' None of the requested secrets is readable: the machine account may lack access altogether.'
        : '';
    return new ServerError(`Secrets not found or not readable by this machine account: ${list}.${all} ${access}`, 404);
}
function toSecrets(targets, items, session) {
    const byId = new Map(items.map((s) => [s.id, s]));
    const values = new Map();
    return targets.map((t) => {
        const item = byId.get(t.id);
        if (!item)
            throw new ServerError(`POST /secrets/get-by-ids: the response lacks secret ${t.id} (line ${t.line}, ${t.envName}).`);
        if (item.organizationId !== session.organizationId) {
            throw new ServerError(`Secret ${t.id} (line ${t.line}) belongs to organization ${item.organizationId}, not the access token's; it cannot be decrypted.`);
        }
        let value = values.get(t.id);
        if (value === undefined) {
            value = decryptField(session, item.value, t.id, 'value');
            values.set(t.id, value);
        }
        return { name: t.envName, value, source: `bitwarden secret ${t.id}`, mapped: t.mapped };
    });
}
function create(settings, ctx) {
    const logIn = prepareLogin(settings, ctx);
    return {
        kind: 'bitwarden',
        parse: parseBitwardenMapping,
        async fetch(requests) {
            if (requests.length === 0) {
                throw new InputError("Input 'secrets' has no mappings: add lines like '<secret id> > ENV_NAME', or '*' for every secret.");
            }
            const session = await logIn();
            const listed = needsListing(requests) ? await listNamed(session) : [];
            const targets = resolveTargets(requests, listed);
            const ids = [...new Set(targets.map((t) => t.id))];
            const items = await getSecretsByIds(session.send, ids);
            if (items === undefined)
                throw await explainNotFound(session, targets, ids);
            return { secrets: toSecrets(targets, items, session), cleanups: [] };
        },
    };
}

var index = /*#__PURE__*/Object.freeze({
    __proto__: null,
    create: create
});

export { decryptField as d, index as i, listOrganizationSecrets as l, prepareLogin as p, statusError as s, toListedSecret as t };
