import { I as InputError } from './startup-CZCMzk0l.js';

// From a selected JSON value to the exported text (docs/protocols/vault.md#values, VLT-GRM-7). Pure.
/** vault-action: strings byte for byte, everything else compact JSON. */
function stringifyValue(v) {
    if (typeof v === 'string')
        return v;
    return JSON.stringify(v) ?? '';
}
/** Every string leaf of a JSON value (to mask the parts of an object or array value). */
function stringLeaves(v, out = []) {
    if (typeof v === 'string')
        out.push(v);
    else if (Array.isArray(v))
        for (const x of v)
            stringLeaves(x, out);
    else if (v !== null && typeof v === 'object')
        for (const x of Object.values(v))
            stringLeaves(x, out);
    return out;
}
/**
 * Decodes base64 (both alphabets) or hex strictly: ASCII whitespace is allowed, anything else outside
 * the alphabet is an error (the vendor's Buffer decoders skip it silently). `where` names the entry.
 */
function decodeValue(text, encoding, where) {
    const compact = text.replace(/[ \t\r\n\f\v]/g, '');
    const ok = encoding === 'hex'
        ? /^(?:[0-9a-fA-F]{2})*$/.test(compact)
        : /^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) && compact.replace(/=+$/, '').length % 4 !== 1;
    if (!ok)
        throw new InputError(`${where}: the value is not valid ${encoding} (input 'encoding' is '${encoding}').`);
    return Buffer.from(compact, encoding === 'hex' ? 'hex' : 'base64').toString('utf8');
}

export { stringLeaves as a, decodeValue as d, stringifyValue as s };
