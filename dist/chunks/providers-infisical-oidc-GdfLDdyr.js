import { p as postLogin } from './providers-infisical-DHf9U16D.js';
import './startup-B0l7F2rJ.js';





function claimsForMessage(jwt) {
    let payload = {};
    try {
        const parsed = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null)
            payload = parsed;
    }
    catch {
    }
    const text = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : typeof v === 'string' ? v : '?').slice(0, 200) || '?';
    return { audience: text(payload.aud), subject: text(payload.sub) };
}
async function oidcLogin(ctx, baseUrl, identityId, audience) {
    const jwt = await ctx.idToken(audience, "Input 'method' is 'oidc'", () => ctx.http.preconnect(baseUrl));
    return postLogin(ctx.http, baseUrl, 'oidc', { identityId, jwt }, () => {
        const sent = claimsForMessage(jwt);
        return (`Infisical refused identity ${identityId}'s GitHub ID token (audience '${sent.audience}', subject '${sent.subject}'). ` +
            "Check the identity's OIDC Auth settings: discovery URL and issuer https://token.actions.githubusercontent.com, " +
            `an allowed audience equal to ${audience === undefined ? "GitHub's default audience (or set 'oidc-audience')" : "'oidc-audience'"}, ` +
            "and a subject pattern that matches; and that 'identity-id' is the identity's id");
    });
}

export { claimsForMessage, oidcLogin };
