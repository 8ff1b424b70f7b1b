const { sign, createPrivateKey } = process.getBuiltinModule('node:crypto');
import { I as InputError } from './startup-B0l7F2rJ.js';





function keyOf(login) {
    let key;
    try {
        key = createPrivateKey({ key: login.privateKey, format: 'pem', passphrase: login.keyPassword ?? '' });
    }
    catch {
        throw new InputError(login.keyPassword
            ? "Input 'jwtKeyPassword' does not decrypt 'jwtPrivateKey' (or the key is damaged)."
            : "Input 'jwtPrivateKey' cannot be read as a private key (if it is encrypted, give 'jwtKeyPassword').");
    }
    if (key.asymmetricKeyType !== 'rsa')
        throw new InputError(`Input 'jwtPrivateKey' must be an RSA key (the JWT is signed RS256), got ${key.asymmetricKeyType}.`);
    return key;
}
function signJwt(login, nowMs) {
    const key = keyOf(login);
    const now = Math.floor(nowMs / 1000);
    const part = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
        iss: 'vault-action',
        iat: now,
        nbf: now,
        exp: now + login.ttlSeconds,
        ...login.claims,
    })}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
async function jwtFor(login, ctx, whileFetching) {
    if (login.privateKey === undefined) {
        return ctx.idToken(login.audience, "Input 'method' is 'jwt' without 'jwtPrivateKey'", whileFetching);
    }
    const jwt = signJwt(login, ctx.now());
    ctx.mask(jwt);
    return jwt;
}
function describeJwt(jwt) {
    let claims = {};
    try {
        const parsed = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null)
            claims = parsed;
    }
    catch {
        return 'The JWT sent could not be read back.';
    }
    const show = (v) => v === undefined ? '(none)' : `'${Array.isArray(v) ? v.join("', '") : String(v)}'`;
    return `The JWT sent had iss ${show(claims.iss)}, aud ${show(claims.aud)} and sub ${show(claims.sub)}: the role's bound_audiences must include that aud, and its bound_subject / bound_claims must match.`;
}

export { describeJwt, jwtFor, signJwt };
