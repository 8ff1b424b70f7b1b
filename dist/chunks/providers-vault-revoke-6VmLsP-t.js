import { r as revokeSelf, a as withTls, v as vaultErrors, f as revokeAccessor } from './api-token-BbDPEwEi.js';
import './startup-CZCMzk0l.js';
import 'os';
import 'fs';
import 'node:path';
import 'node:fs';
import 'crypto';
import './json-BMGp-VZQ.js';

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

export { CHILD_TOKEN_CLEANUP, CLEANUP_HANDLERS, LOGIN_TOKEN_CLEANUP, revokeChild, revokeLogin };
