import { p as parseJson, i as isObject, b as shapeError, c as stringField, S as ServerError, l as lineError, q as quote } from './startup-B0l7F2rJ.js';
import { s as statusError, t as toListedSecret, p as prepareLogin, l as listOrganizationSecrets, d as decryptField } from './providers-bitwarden-ChmZDpMB.js';





function dataList(body, where) {
    const list = isObject(body) ? body.data : undefined;
    if (!Array.isArray(list))
        throw shapeError(where, "field 'data' is missing or not a list");
    return list;
}
async function listProjects(send, orgId) {
    const path = `/organizations/${orgId}/projects`;
    const where = `GET ${path}`;
    const res = await send('GET', path);
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    return dataList(parseJson(res, where), where).map((item) => {
        if (!isObject(item))
            throw shapeError(where, 'a project is not an object');
        const write = typeof item.write === 'boolean' ? item.write : undefined;
        return { id: stringField(item, 'id', where).toLowerCase(), write };
    });
}
function toFullSecret(item, where) {
    const { id, organizationId, key, projectIds } = toListedSecret(item, where);
    const body = item;
    return {
        id,
        organizationId,
        key,
        projectIds,
        value: stringField(body, 'value', where),
        note: typeof body.note === 'string' ? body.note : '',
    };
}
async function getFullSecrets(send, ids) {
    const where = 'POST /secrets/get-by-ids';
    const res = await send('POST', '/secrets/get-by-ids', { ids });
    if (res.status === 404) {
        throw statusError(res, where, 'A secret listed a moment ago is gone or no longer readable; nothing was written');
    }
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    return dataList(parseJson(res, where), where).map((item) => toFullSecret(item, where));
}
const CREATE_RETRY = { retryStatuses: new Set([429]), retryNetworkErrors: false };
const REFUSED = 'Bitwarden answers every refusal this way: the machine account may have lost write access, or the secret or project is gone';
async function createSecret(send, orgId, body) {
    const path = `/organizations/${orgId}/secrets`;
    const where = `POST ${path}`;
    const res = await send('POST', path, body, CREATE_RETRY);
    if (res.status === 404)
        throw statusError(res, where, REFUSED);
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    const created = parseJson(res, where);
    if (!isObject(created))
        throw shapeError(where, 'not a JSON object');
    return stringField(created, 'id', where).toLowerCase();
}
async function updateSecret(send, id, body) {
    const path = `/secrets/${id}`;
    const where = `PUT ${path}`;
    const res = await send('PUT', path, body);
    if (res.status === 404)
        throw statusError(res, where, REFUSED);
    if (res.status < 200 || res.status >= 300)
        throw statusError(res, where);
    const updated = parseJson(res, where);
    if (!isObject(updated) || stringField(updated, 'id', where).toLowerCase() !== id) {
        throw new ServerError(`${where}: the server answered for another secret than the one updated.`);
    }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENC_LIMITS = { name: 1000, value: 35000 };
function encStringLength(bytes) {
    const b64 = (n) => 4 * Math.ceil(n / 3);
    return 2 + b64(16) + 1 + b64(16 * (Math.floor(bytes / 16) + 1)) + 1 + b64(32);
}
function maxPlaintextBytes(limit) {
    let n = Math.max(0, Math.floor(((limit - 72) * 3) / 4));
    while (n > 0 && encStringLength(n) > limit)
        n--;
    return n;
}
function checkSize(r, what, text) {
    const bytes = Buffer.byteLength(text, 'utf8');
    const limit = ENC_LIMITS[what];
    if (encStringLength(bytes) <= limit)
        return;
    throw lineError(r.line, what === 'value'
        ? `the value of ${r.source} is ${bytes} bytes (UTF-8); Bitwarden stores at most ${maxPlaintextBytes(limit)} bytes in a secret's value (its server refuses an encrypted value over ${limit} characters)`
        : `the secret name is ${bytes} bytes (UTF-8); Bitwarden allows at most ${maxPlaintextBytes(limit)} (its server refuses an encrypted name over ${limit} characters)`);
}
function parseOne(r) {
    checkSize(r, 'value', r.value);
    const text = r.target;
    if (UUID.test(text))
        return { ...r, kind: 'id', id: text.toLowerCase() };
    const slash = text.indexOf('/');
    const head = slash < 0 ? '' : text.slice(0, slash);
    if (slash > 0 && UUID.test(head)) {
        const name = text.slice(slash + 1).trim();
        if (name === '' || name === '*') {
            throw lineError(r.line, `the secret name after the project id is ${name === '' ? 'empty' : "'*'"} (write one secret per line: '<project id>/NAME')`);
        }
        checkSize(r, 'name', name);
        return { ...r, kind: 'name', projectId: head.toLowerCase(), name };
    }
    throw lineError(r.line, `the Bitwarden target ${quote(text)} is neither a secret id nor '<project id>/NAME' ` +
        '(a name needs its project: names are not unique across projects, and new secrets are created in one)');
}
function parseWriteTargets(requests) {
    const targets = requests.map(parseOne);
    const seen = new Map();
    for (const t of targets) {
        const key = t.kind === 'id' ? t.id : `${t.projectId}/${t.name}`;
        const first = seen.get(key);
        if (first !== undefined)
            throw lineError(t.line, `it writes the same secret as line ${first}`);
        seen.set(key, t.line);
    }
    return targets;
}

function describe(t, id) {
    if (t.kind === 'id')
        return `secret ${t.id}`;
    return `project ${t.projectId}, secret ${quote(t.name)}${id ? ` (${id})` : ''}`;
}
function checkUpdate(t, secret, readOnly) {
    if (secret.write === false) {
        throw lineError(t.line, `the machine account can read secret ${secret.id} but not write it; give it 'Can read, write' access to the secret's project`);
    }
    const projectId = secret.projectIds[0];
    if (projectId === undefined) {
        throw lineError(t.line, `secret ${secret.id} is in no project, and Bitwarden lets a machine account update only a secret in a project it can write to`);
    }
    if (readOnly.has(projectId)) {
        throw lineError(t.line, `the machine account cannot write to project ${projectId}, which holds secret ${secret.id}; an update needs 'Can read, write' access to the secret's project`);
    }
    return projectId;
}
function resolve(t, listed, projects, create, nameOf) {
    const readOnly = new Set([...projects].filter(([, w]) => w === false).map(([id]) => id));
    if (t.kind === 'id') {
        const secret = listed.find((s) => s.id === t.id);
        if (!secret) {
            throw lineError(t.line, `secret ${t.id} was not found or is not readable by this machine account (is its project shared with it?)`);
        }
        return { target: t, secret, projectId: checkUpdate(t, secret, readOnly) };
    }
    if (!projects.has(t.projectId)) {
        throw lineError(t.line, `project ${t.projectId} was not found or is not shared with this machine account`);
    }
    const matches = listed.filter((s) => s.projectIds.includes(t.projectId) && nameOf(s) === t.name);
    if (matches.length > 1) {
        throw lineError(t.line, `the name ${quote(t.name)} is ambiguous: ${matches.length} secrets of project ${t.projectId} have it (${matches.map((s) => s.id).join(', ')}); write to one by its id`);
    }
    const secret = matches[0];
    if (secret)
        return { target: t, secret, projectId: checkUpdate(t, secret, readOnly) };
    if (!create) {
        throw lineError(t.line, `project ${t.projectId} has no secret named ${quote(t.name)}, and 'create' is false`);
    }
    if (readOnly.has(t.projectId)) {
        throw lineError(t.line, `the machine account cannot create secrets in project ${t.projectId} (it can only read it); give it 'Can read, write' access`);
    }
    return { target: t, projectId: t.projectId };
}
function assertDistinct(resolved) {
    const lines = new Map();
    for (const r of resolved) {
        if (!r.secret)
            continue;
        const first = lines.get(r.secret.id);
        if (first !== undefined)
            throw lineError(r.target.line, `it writes secret ${r.secret.id}, which line ${first} writes too`);
        lines.set(r.secret.id, r.target.line);
    }
}
function createWriter(settings, ctx) {
    const logIn = prepareLogin(settings, ctx);
    return {
        kind: 'bitwarden',
        parse: parseWriteTargets,
        async plan(targets, { create }) {
            const session = await logIn();
            const org = session.organizationId;
            const { send } = session;
            const [all, projectList] = await Promise.all([listOrganizationSecrets(send, org), listProjects(send, org)]);
            const listed = all.filter((s) => s.organizationId === org);
            const projects = new Map(projectList.map((p) => [p.id, p.write]));
            const names = new Map();
            const nameOf = (s) => {
                let name = names.get(s.id);
                if (name === undefined)
                    names.set(s.id, (name = decryptField(session, s.key, s.id, 'name')));
                return name;
            };
            const resolved = targets.map((t) => resolve(t, listed, projects, create, nameOf));
            assertDistinct(resolved);
            const ids = resolved.flatMap((r) => (r.secret ? [r.secret.id] : []));
            const stored = new Map();
            if (ids.length > 0)
                for (const s of await getFullSecrets(send, ids))
                    stored.set(s.id, s);
            return resolved.map((r) => toPlanned(r, stored, session, ctx));
        },
    };
}
function toPlanned(r, stored, session, ctx) {
    const t = r.target;
    const base = { line: t.line, source: t.source };
    if (!r.secret) {
        const target = describe(t);
        const apply = async () => {
            const id = await createSecret(session.send, session.organizationId, {
                key: session.encrypt(t.kind === 'name' ? t.name : ''),
                value: session.encrypt(t.value),
                note: session.encrypt(''),
                projectIds: [r.projectId],
            });
            return describe(t, id);
        };
        return { ...base, target, outcome: 'created', apply };
    }
    const id = r.secret.id;
    const full = stored.get(id);
    if (!full)
        throw new ServerError(`POST /secrets/get-by-ids: the response lacks secret ${id} (line ${t.line}).`);
    if (full.organizationId !== session.organizationId) {
        throw new ServerError(`Secret ${id} (line ${t.line}) belongs to another organization than the access token's.`);
    }
    const current = decryptField(session, full.value, id, 'value');
    ctx.mask(current);
    const target = describe(t, id);
    if (current === t.value)
        return { ...base, target, outcome: 'unchanged' };
    const apply = async () => {
        await updateSecret(session.send, id, {
            key: full.key,
            value: session.encrypt(t.value),
            note: full.note === '' ? session.encrypt('') : full.note,
            projectIds: [r.projectId],
        });
        return target;
    };
    return { ...base, target, outcome: 'updated', apply };
}

export { createWriter };
