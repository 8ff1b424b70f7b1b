import { N as NO_RETRY, h as headers, b as apiUrl, s as statusError, R as READ_RETRY, a as withTls, v as vaultErrors } from './api-lZ1TmyMQ.js';
import { S as ServerError } from './startup-D5-gq5U6.js';
import { p as parseJson, i as isObject } from './json-BWxBL_OC.js';

// Vault's token endpoints (docs/protocols/vault.md#token-lifetime, #child-token): lookup-self,
// child-token create, revoke-accessor and revoke-self. Shapes checked as in api.ts.
/** GET auth/token/lookup-self (spends a use). undefined when Vault refuses it (403). */
async function lookupSelf(ep, mask) {
    const res = await ep.http.send({
        method: 'GET',
        url: apiUrl(ep.url, 'auth/token/lookup-self'),
        headers: headers(ep),
        retryStatuses: READ_RETRY,
        maxAttempts: 3,
    });
    if (res.status === 403)
        return undefined;
    if (res.status !== 200)
        throw statusError(res, 'auth/token/lookup-self');
    const body = parseJson(res, 'GET auth/token/lookup-self');
    const data = isObject(body) ? body.data : undefined;
    if (!isObject(data))
        throw new ServerError('Vault answered auth/token/lookup-self without a data object.', res.status);
    // data.id is the token itself (VLT-LIFE-1).
    if (typeof data.id === 'string')
        mask(data.id);
    const policies = [
        ...(Array.isArray(data.policies) ? data.policies : []),
        ...(Array.isArray(data.identity_policies) ? data.identity_policies : []),
    ];
    return {
        policies: policies.filter((p) => typeof p === 'string'),
        ttl: typeof data.ttl === 'number' ? data.ttl : 0,
        expires: typeof data.expire_time === 'string' && data.expire_time !== '',
        numUses: typeof data.num_uses === 'number' ? data.num_uses : 0,
        namespacePath: typeof data.namespace_path === 'string' ? data.namespace_path.replace(/^\/+|\/+$/g, '') : '',
        type: typeof data.type === 'string' ? data.type : 'service',
    };
}
/** POST auth/token/create: a child (never orphan) of the given token. Not retried. */
async function createChildToken(ep, opts, mask) {
    const body = JSON.stringify({
        ttl: `${opts.ttlSeconds}s`,
        no_parent: false,
        renewable: false,
        display_name: 'inject-secrets',
        ...(opts.numUses !== undefined ? { num_uses: opts.numUses } : {}),
        ...(opts.policies !== undefined ? { policies: opts.policies } : {}),
    });
    const res = await ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/create'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body,
        retryStatuses: NO_RETRY,
        maxAttempts: 1,
    });
    if (res.status !== 200) {
        const hint = res.status === 403
            ? ": the token's policies must allow 'update' on auth/token/create"
            : res.status === 400
                ? ' (batch tokens and limited-use tokens cannot create child tokens; policies must be a subset of the parent’s)'
                : '';
        throw new ServerError(`${statusError(res, 'auth/token/create (export_token: child)').message}${hint}.`, res.status);
    }
    const parsed = parseJson(res, 'POST auth/token/create');
    const auth = isObject(parsed) ? parsed.auth : undefined;
    if (!isObject(auth) ||
        typeof auth.client_token !== 'string' ||
        auth.client_token === '' ||
        typeof auth.accessor !== 'string') {
        throw new ServerError('Vault answered auth/token/create without auth.client_token and auth.accessor.', res.status);
    }
    mask(auth.client_token);
    return { token: auth.client_token, accessor: auth.accessor };
}
/** POST auth/token/revoke-accessor with the parent's token: revokes the child and its children. */
async function revokeAccessor(ep, accessor) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-accessor'),
        headers: { ...headers(ep), 'content-type': 'application/json' },
        body: JSON.stringify({ accessor }),
        retryStatuses: NO_RETRY,
        // Revoking is idempotent: one more attempt after a reset or a dropped connection.
        maxAttempts: 2,
    });
}
/** POST auth/token/revoke-self: the token revokes itself (Vault's default policy allows it). */
async function revokeSelf(ep) {
    return ep.http.send({
        method: 'POST',
        url: apiUrl(ep.url, 'auth/token/revoke-self'),
        headers: headers(ep),
        retryStatuses: NO_RETRY,
        // Revoking is idempotent: one more attempt after a reset or a dropped connection.
        maxAttempts: 2,
    });
}

/** The cleanup kind export_token: child records (providers/index.ts routes 'vault-…' kinds here). */
const CHILD_TOKEN_CLEANUP = 'vault-revoke-child';
/** The cleanup kind a login records for its token (not kept by exportToken/outputToken). */
const LOGIN_TOKEN_CLEANUP = 'vault-revoke-login';
/** Revokes a login's token with itself (docs/protocols/vault.md#logging-in). */
async function revokeLogin(data, vault, ctx) {
    const { url, namespace, token } = data;
    if (!url || !token) {
        ctx.warning('Vault login token: the recorded cleanup lacks the address or token; the token lives until its TTL ends.');
        return;
    }
    ctx.mask?.(token);
    const res = await revokeSelf({
        http: withTls(ctx.http, vault.tls),
        url,
        token,
        namespace: namespace || undefined,
        headers: vault.extraHeaders,
    });
    if (res.status >= 200 && res.status < 300) {
        ctx.info('Vault login token revoked (it was created by this step and not kept by exportToken/outputToken).');
        return;
    }
    const errs = vaultErrors(res);
    // Expired, used up or revoked already: Vault refuses an unknown token with 403.
    if (res.status === 403) {
        ctx.info('Vault login token already gone (expired, used up or revoked).');
        return;
    }
    ctx.warning(`Vault login token not revoked: Vault returned ${res.status}${errs ? ` (${errs})` : ''} for auth/token/revoke-self; it lives until its TTL ends.`);
}
/** `vault` is the post step's own reading of the inputs: the parent token, masked by the caller. */
async function revokeChild(data, vault, ctx) {
    const { url, namespace, accessor, token } = data;
    if (token)
        ctx.mask?.(token);
    if (!url || !accessor) {
        ctx.warning('Vault child token: the recorded cleanup lacks the address or accessor; the token lives until its TTL ends.');
        return;
    }
    const res = await revokeAccessor(
    // The parent: a login's token recorded with the child, else the token given.
    {
        http: withTls(ctx.http, vault.tls),
        url,
        token: token || vault.accessToken,
        namespace: namespace || undefined,
        headers: vault.extraHeaders,
    }, accessor);
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
/** Every cleanup kind this wing records, with its handler. */
const CLEANUP_HANDLERS = { [CHILD_TOKEN_CLEANUP]: revokeChild, [LOGIN_TOKEN_CLEANUP]: revokeLogin };

var revoke = /*#__PURE__*/Object.freeze({
    __proto__: null,
    CHILD_TOKEN_CLEANUP: CHILD_TOKEN_CLEANUP,
    CLEANUP_HANDLERS: CLEANUP_HANDLERS,
    LOGIN_TOKEN_CLEANUP: LOGIN_TOKEN_CLEANUP,
    revokeChild: revokeChild,
    revokeLogin: revokeLogin
});

export { CHILD_TOKEN_CLEANUP as C, LOGIN_TOKEN_CLEANUP as L, revoke as a, createChildToken as c, lookupSelf as l, revokeSelf as r };
