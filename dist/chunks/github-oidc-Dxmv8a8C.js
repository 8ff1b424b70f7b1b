import { I as InputError, j as jsonObjectOf, i as isObject, S as ServerError } from './startup-BC6kiPgg.js';





// The runner's GitHub OIDC ID token, for login methods that prove the workflow's identity instead
// of holding a stored secret. The job must have `permissions: id-token: write`; only then does the
// runner set ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN.
// The request is the one @actions/core's getIDToken makes (GET the URL with `&audience=`, bearer
// the request token, read `value`), sent through our own client: getIDToken would bring
// @actions/http-client and undici into the start-up chunk of every run (a bundler cannot split
// @actions/core's module), and its ten retries are not bounded by the step's `timeout`.
/**
 * Fetches an ID token for `audience` (GitHub's default audience when undefined). `reason` says
 * which inputs asked for it, for the error when the job may not request one. `whileFetching` runs
 * as the request goes out, once the job is known to be allowed a token.
 */
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
