import { s as statusError, d as describeScopes, l as listRaw, a as listEncrypted, i as inScope, e as exampleMapping, r as readCredentials, b as secretPathOf, w as withExtraHeaders, p as parseInfisicalMapping, c as login, f as revokeIssuedToken } from './revoke-BMjMVrVV.js';
import { V as CryptoError, W as decodeUtf8Strict, X as decodeBase64Strict, S as ServerError, M as secretsLine, F as ENV_NAME, I as InputError, H as quote } from './startup-CZCMzk0l.js';
import { createDecipheriv } from 'node:crypto';
import './json-BMGp-VZQ.js';
import 'os';
import 'fs';
import 'node:path';
import 'node:fs';
import 'crypto';

// Infisical's legacy end-to-end encryption (docs/protocols/infisical.md#decryption): AES-256-GCM
// whose key is the UTF-8 bytes of a 32-character hex string (never hex-decoded), 16-byte tags,
// 16- or 12-byte nonces, base64 fields. Pure functions; the primitive is Node's AES-256-GCM
// (OpenSSL), whose final() checks the tag: nothing decrypted is returned before it passes.
const KEY_BYTES = 32;
const TAG_BYTES = 16;
/** Decodes padded standard base64 (the legacy clients' encoding); undefined when it is not that. */
function decodeBase64(text) {
    return decodeBase64Strict(text, { padded: true });
}
/** The AES key for a hex-string key: its UTF-8 bytes, which must be exactly 32 (INF-GCM-1/2). */
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
/** AES-256-GCM decryption of raw bytes; the tag is verified before anything is returned (INF-GCM-1..3). */
function decryptBytes(key, iv, ciphertext, tag) {
    if (key.length !== KEY_BYTES)
        throw new CryptoError(`the key must be ${KEY_BYTES} bytes, got ${key.length}`);
    if (iv.length === 0)
        throw new CryptoError('the iv is empty');
    if (tag.length !== TAG_BYTES)
        throw new CryptoError(`the tag must be ${TAG_BYTES} bytes, got ${tag.length}`);
    // GCM takes any non-empty nonce (docs/protocols/infisical.md#decryption); legacy data has 16 bytes.
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
        const plain = decipher.update(ciphertext);
        return Buffer.concat([plain, decipher.final()]);
    }
    catch (cause) {
        throw new CryptoError('authentication failed: the tag does not match (tampered data or another key)', { cause });
    }
}
/** Decrypts one base64 field to strict UTF-8 text (`decryptSymmetric128BitHexKeyUTF8`, INF-GCM-5). */
function decryptSymmetric(key, field) {
    const bytes = decryptBytes(keyBytes(key), decode(field.iv, 'iv'), decode(field.ciphertext, 'ciphertext'), decode(field.tag, 'tag'));
    try {
        return decodeUtf8Strict(bytes);
    }
    catch (cause) {
        throw new CryptoError('the decrypted text is not valid UTF-8', { cause });
    }
}
/**
 * The project key from the service token's `encryptedKey/iv/tag`
 * (docs/protocols/infisical.md#decryption step 3). A tag failure here means the token's key part
 * does not fit this project (INF-GCM-4).
 */
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

// How Infisical's clients turn one read into one set of keys (docs/protocols/infisical.md#merging):
// within a folder a personal secret overrides the shared one of the same key (INF-MRG-3); across
// folders of a recursive read a key held twice is noted (INF-MRG-2); imports fill only keys still
// missing, walking from the last import to the first, so local secrets win and among imports the
// last one wins (INF-MRG-1).
/** Personal over shared, per folder and key; order otherwise kept. */
function applyPersonalOverrides(items) {
    const personal = new Set(items.filter((i) => i.type === 'personal').map((i) => `${i.folder}\u0000${i.key}`));
    return items.filter((i) => i.type === 'personal' || !personal.has(`${i.folder}\u0000${i.key}`));
}
/** Merges local items (already overridden) with imports (each already overridden), as the vendor action does. */
function mergeWithImports(local, imports) {
    const items = new Map();
    const folders = new Map();
    for (const item of local) {
        const seen = folders.get(item.key) ?? [];
        if (!seen.includes(item.location))
            seen.push(item.location);
        folders.set(item.key, seen);
        // The vendor keeps the later one; a collision is reported by the caller if the key is used.
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

// Client-side `${…}` expansion for legacy E2EE projects, as the server does for raw reads
// (docs/protocols/infisical.md#secret-references, INF-REF-1/2): `${KEY}` in the same folder,
// `${env.KEY}` at the root of env, `${env.a.b.KEY}` in folder /a/b of env; chained up to depth 10;
// unknown names, self-references, cycles and folders that cannot be read stay literal. Pure:
// folders come from a lookup the caller fills.
const REFERENCE = /\$\{([^}]+)\}/g;
const MAX_DEPTH = 10;
const folderId = (environment, path) => `${environment}:${path}`;
/** Where a reference points, or undefined when it is not a well-formed reference. */
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
/** Expands the references in `value`, a secret `key` of folder `here`. */
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

// Reading folders: the raw endpoint first; a legacy end-to-end encrypted project switches the run to
// the encrypted one, whose values are decrypted and their references expanded here.
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
    /** The raw endpoint first; a legacy E2EE project switches this run to the encrypted one. */
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
    /** Every value fetched is a secret from now on, selected or not: a later error may echo it. */
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
        // A recursive read says only each item's folder id; a flat read is all one known folder.
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
    /** Cross-folder references load these folders (flat, no imports), once each. */
    extraFolders = new Map();
    /**
     * The value to export: raw values as the server expanded them; E2EE values expanded here
     * (docs/protocols/infisical.md#secret-references).
     */
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
            // A folder that is missing or not readable leaves the reference as written, as the server does.
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

// What a run reads and exports: one list call per folder the mapping names (the run's folder for
// keys and '*'), explicit keys first, then the wildcard over what they left; all or nothing.
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
        // Select: explicit keys first, then the wildcard over what they left.
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
    // Checked (and the credential masked) before any request, as every other input is.
    const credentials = readCredentials(settings, given);
    secretPathOf(settings);
    // extra-headers often carry a credential (an access proxy's client secret).
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
            finally {
                if (session.issued)
                    await revokeIssuedToken(session.baseUrl, session.bearer, ctx);
            }
            return { secrets, cleanups: [] };
        },
    };
}

export { create };
