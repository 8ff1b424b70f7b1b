const { readFile } = process.getBuiltinModule('node:fs/promises');
import { S as ServerError, p as parseJson, i as isObject, I as InputError } from './startup-B0l7F2rJ.js';
import { l as loginRequest, v as vaultErrors, c as stringLeaves } from './providers-vault-BXlX3qF7.js';





async function kubernetesToken(path, mask) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw new InputError(`Input 'kubernetesTokenPath': cannot read ${path} (${err.code ?? 'error'}); 'method: kubernetes' needs the pod's service account token there.`);
    }
    if (text.trim() === '')
        throw new InputError(`Input 'kubernetesTokenPath': ${path} is empty.`);
    mask(text.trim());
    return text;
}
async function requestFor(login, ep, ctx) {
    const path = `auth/${login.mount}/login`;
    switch (login.method) {
        case 'approle':
            if (login.secretId !== '')
                ctx.mask(login.secretId);
            return { path, payload: { role_id: login.roleId, secret_id: login.secretId } };
        case 'github':
            ctx.mask(login.githubToken);
            return { path, payload: { token: login.githubToken } };
        case 'jwt': {
            const early = () => ep.http.preconnect(ep.url);
            const jwt = await (await import('./providers-vault-login-jwt-CcwCZP62.js')).jwtFor(login, ctx, early);
            return { path, payload: { jwt, role: login.role }, role: login.role, jwt };
        }
        case 'kubernetes': {
            const jwt = await kubernetesToken(login.tokenPath, ctx.mask);
            return { path, payload: { jwt, role: login.role }, role: login.role };
        }
        case 'userpass':
        case 'ldap':
            ctx.mask(login.password);
            return {
                path: `${path}/${encodeURIComponent(login.username)}`,
                payload: { password: login.password },
                role: `user '${login.username}'`,
            };
        case 'cert': {
            const payload = JSON.parse(login.payload);
            return { path, payload, role: typeof payload.name === 'string' ? payload.name : undefined };
        }
        default: {
            const payload = JSON.parse(login.payload);
            for (const leaf of stringLeaves(payload))
                if (leaf.length >= 4)
                    ctx.mask(leaf);
            return { path, payload };
        }
    }
}
async function logIn(login, ep, ctx) {
    const req = await requestFor(login, ep, ctx);
    const method = login.method === 'custom' ? login.name : login.method;
    const role = req.role === undefined
        ? ''
        : req.role.startsWith('user ')
            ? `, ${req.role}`
            : req.role === ''
                ? ", role '' (the mount's default role)"
                : `, role '${req.role}'`;
    const what = `Vault login failed (method '${method}', mount 'auth/${login.mount}'${role})`;
    const res = await loginRequest(ep, req.path, req.payload);
    if (res.status < 200 || res.status >= 300) {
        const errs = vaultErrors(res);
        let hint = '';
        if (req.jwt !== undefined)
            hint = ` ${(await import('./providers-vault-login-jwt-CcwCZP62.js')).describeJwt(req.jwt)}`;
        else if (res.status === 404 || /no handler for route/.test(errs))
            hint = ` Is an auth method mounted at 'auth/${login.mount}'? Set 'path' to its mount.`;
        throw new ServerError(`${what}: Vault returned ${res.status}${errs ? ` (${errs})` : ''}.${hint}`, res.status);
    }
    const body = parseJson(res, `POST ${req.path}`);
    const auth = isObject(body) ? body.auth : undefined;
    if (!isObject(auth) || typeof auth.client_token !== 'string' || auth.client_token === '') {
        throw new ServerError(`${what}: Vault answered ${res.status} without auth.client_token.`, res.status);
    }
    ctx.mask(auth.client_token);
    const policies = Array.isArray(auth.policies) ? auth.policies.filter((p) => typeof p === 'string') : [];
    ctx.debug(`Vault login (method '${method}', mount 'auth/${login.mount}'): policies ${policies.join(', ') || '(none)'}`);
    return { token: auth.client_token, batch: auth.token_type === 'batch' || /^(hv)?b\./.test(auth.client_token) };
}

export { logIn };
