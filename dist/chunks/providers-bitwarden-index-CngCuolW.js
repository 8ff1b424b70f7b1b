import { E as meaningfulLines, M as secretsLine, G as lineError, T as assertEnvName, H as quote, F as ENV_NAME, I as InputError, S as ServerError } from './startup-CZCMzk0l.js';
import { p as prepareLogin, g as getSecretsByIds, l as listOrganizationSecrets, i as isSecretReadable } from './auth-BrEtLQfq.js';
import 'os';
import 'fs';
import 'node:path';
import 'node:fs';
import 'crypto';
import './json-BMGp-VZQ.js';

// The Bitwarden grammar of the `secrets:` input. Pure: no I/O, no @actions/*.
// Bitwarden grammar (docs/protocols/bitwarden.md#mapping-grammar: the vendor's form plus our
// extensions, each a form the vendor rejects, BW-MAP-5):
//   <uuid> > NAME            by id (the vendor's form; spaces around '>' optional)
//   <name> > NAME            by secret name, among everything the machine account can read
//   <project-uuid>/<name> > NAME
//   <project-uuid>/*         every secret of a project, each under its own name
//   *                        every secret the machine account can read
// Blank lines and comments (`# …` on their own line, or after whitespace) are ignored.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEAR_UUID = /^(?=.*-)[0-9a-f-]{16,}$/i;
function parseSource(source, line) {
    if (source === '*')
        return { kind: 'all' };
    const slash = source.indexOf('/');
    if (slash > 0 && UUID.test(source.slice(0, slash))) {
        const projectId = source.slice(0, slash).toLowerCase();
        const name = source.slice(slash + 1).trim();
        if (name === '')
            throw lineError(line, `the secret name after the project id is empty (use '${projectId}/*' for the whole project)`);
        return name === '*' ? { kind: 'all', projectId } : { kind: 'name', name, projectId };
    }
    if (UUID.test(source))
        return { kind: 'id', id: source.toLowerCase() };
    // Hex and hyphens only: a mistyped id, not a name; say so rather than search for it by name.
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
/**
 * Parses the Bitwarden `secrets` input. Throws InputError naming the line and the rule broken.
 * A UUID on several lines is fetched once and the last line's name wins, with a warning (BW-MAP-3).
 */
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

function scopeOf(projectId) {
    return projectId ? `project ${projectId}` : 'the secrets this machine account can read';
}
function describe(s) {
    return s.projectIds.length > 0 ? `${s.id} (project ${s.projectIds.join(', ')})` : s.id;
}
/** True when a request needs the listing (names or wildcards) rather than ids alone. */
function needsListing(requests) {
    return requests.some((r) => r.selector.kind !== 'id');
}
function inScope(s, projectId) {
    return projectId === undefined || s.projectIds.includes(projectId);
}
/**
 * Resolves every request; throws InputError for a name that matches nothing or several secrets
 * (BW-NAME-1), and for wildcard keys that are not valid or not unique env names (BW-NAME-2).
 */
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
    // Wildcards: each secret in scope under its own name, unless a line maps it explicitly.
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

// Bitwarden Secrets Manager: login (2 requests with get-by-ids; 3 when names or wildcards need the
// listing), client-side decryption, all or nothing.
// Parallel GETs used only to explain a get-by-ids 404; low to stay inside the API's rate limits.
const DIAGNOSE_CONCURRENCY = 3;
async function listNamed(session) {
    const listed = await listOrganizationSecrets(session.send, session.organizationId);
    return listed
        .filter((s) => s.organizationId === session.organizationId)
        .map((s) => ({ id: s.id, projectIds: s.projectIds, name: decryptField(s.key, session, s.id, 'name') }));
}
function decryptField(text, session, id, field) {
    try {
        return session.decrypt(text);
    }
    catch (err) {
        throw new ServerError(`Secret ${id}: its ${field} could not be decrypted: ${err.message}`, undefined, {
            cause: err,
        });
    }
}
/**
 * Works out which ids made get-by-ids answer 404 (it is all-or-nothing) and says so (BW-API-2/3,
 * docs/protocols/bitwarden.md#fetching).
 */
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
            value = decryptField(item.value, session, t.id, 'value');
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

export { create };
