// Checking what servers send, shared by every provider: objects, string fields, and error text cut
// down to one printable, bounded line (a server's message goes into our error, never its body).
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A body parsed as a JSON object, or undefined (not JSON, or not an object): for reading error text. */
function jsonObjectOf(text) {
    try {
        const body = JSON.parse(text);
        return isObject(body) ? body : undefined;
    }
    catch {
        return undefined;
    }
}
/** Server text as one line: control characters (newlines, escapes) become spaces; at most `max` characters. */
function oneLine(text, max = 200) {
    const line = text
        // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max)}…` : line;
}

// Vault's HTTP API (spec §3-§7): reads, lookup-self, child-token create and revoke-accessor, with
// response shapes checked and errors that carry the status, the path and Vault's own `errors`
// strings (bounded), never a token or a body.
const NO_RETRY = new Set();
const MAX_ERROR_TEXT = 300;
/** VLT-URL-1: url + /v1/ + path (leading slashes removed), the query kept as a query. */
function apiUrl(base, path) {
    return `${base}/v1/${path.replace(/^\/+/, '').replaceAll('#', '%23')}`;
}
function headers(ep, token = ep.token) {
    return {
        'x-vault-token': token,
        'x-vault-request': 'true',
        ...(ep.namespace ? { 'x-vault-namespace': ep.namespace } : {}),
    };
}
/** Vault's `{"errors":[…]}` strings, whitespace folded and bounded; '' when there are none. */
function vaultErrors(res) {
    const body = jsonObjectOf(res.text);
    if (!body || !Array.isArray(body.errors))
        return '';
    const text = body.errors
        .filter((e) => typeof e === 'string')
        .map((e) => oneLine(e.replace(/^\d+ errors? occurred:\s*\*\s*/, ''), MAX_ERROR_TEXT))
        .filter((e) => e !== '')
        .join('; ');
    return oneLine(text, MAX_ERROR_TEXT);
}
/** POST auth/token/revoke-accessor with the parent's token: revokes the child and its children. */
async function revokeAccessor(ep, accessor) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-accessor'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify({ accessor }),
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
}

async function revokeChild(data, ctx) {
    const { url, namespace, accessor } = data;
    if (!url || !accessor) {
        ctx.warning('Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.');
        return;
    }
    const res = await revokeAccessor({ http: ctx.http, url, token: ctx.token.trim(), namespace: namespace || undefined }, accessor);
    if (res.status >= 200 && res.status < 300) {
        ctx.info('Vault child token revoked (export_token: child).');
        return;
    }
    const errs = vaultErrors(res);
    // An expired child, or one that spent its last use, is already gone.
    if (res.status === 400 && /invalid accessor/i.test(errs)) {
        ctx.info('Vault child token already gone (expired, used up or revoked).');
        return;
    }
    const hint = res.status === 403 ? " The parent token's policies must allow 'update' on auth/token/revoke-accessor." : '';
    ctx.warning(`Vault child token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-accessor; it lives until its TTL ends.${hint}`);
}

export { revokeChild };
