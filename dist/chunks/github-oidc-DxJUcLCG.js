import { I as InputError, j as jsonObjectOf, i as isObject, S as ServerError } from './startup-B0l7F2rJ.js';





async function fetchIdToken(http, audience, reason, env = process.env, whileFetching) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
        throw new InputError(`${reason}, which logs in with the job's GitHub OIDC ID token, but this job may not request one ` +
            "(ACTIONS_ID_TOKEN_REQUEST_URL is not set): add 'permissions: id-token: write' to the job or workflow. " +
            'Pull requests from forks never get an ID token; outside GitHub Actions there is none.');
    }
    whileFetching?.();
    const res = await http.send({
        method: 'GET',
        url: audience ? `${url}&audience=${encodeURIComponent(audience)}` : url,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const body = jsonObjectOf(res.text);
    const value = isObject(body) ? body.value : undefined;
    if (res.status !== 200 || typeof value !== 'string' || value === '') {
        throw new ServerError(`GitHub's OIDC token service answered ${res.status} without an ID token${audience ? ` for audience '${audience}'` : ''}.`, res.status);
    }
    return value;
}

export { fetchIdToken };
