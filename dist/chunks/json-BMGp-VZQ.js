import { S as ServerError } from './startup-CZCMzk0l.js';

// Checking what servers send, shared by every provider: objects, string fields, and error text cut
// down to one printable, bounded line (a server's message goes into our error, never its body).
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
// Deeper than this, a body is refused before it is parsed: secrets and API answers nest a few
// levels, and every later walk of a value (masking its leaves, selectors, JSON.stringify) is
// recursive: 100,000 nested arrays would end in a stack overflow (or, for a 31 MB body, ~850 MB).
const MAX_JSON_DEPTH = 64;
/** Whether the JSON text nests deeper than `max` (brackets outside strings, counted in one pass). */
function nestsDeeperThan(text, max = MAX_JSON_DEPTH) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++; // a backslash escapes the next character
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                return true;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return false;
}
/** A body parsed as a JSON object, or undefined (not JSON, or not an object): for reading error text. */
function jsonObjectOf(text) {
    if (nestsDeeperThan(text))
        return undefined;
    try {
        const body = JSON.parse(text);
        return isObject(body) ? body : undefined;
    }
    catch {
        return undefined;
    }
}
/** "<where>: unexpected response from the server (<problem>)." */
function shapeError(where, problem) {
    return new ServerError(`${where}: unexpected response from the server (${problem}).`);
}
function stringField(o, name, where) {
    const v = o[name];
    if (typeof v !== 'string')
        throw shapeError(where, `field '${name}' is missing or not a string`);
    return v;
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
/** Parses a JSON body; a non-JSON body is a ServerError that quotes nothing of it. */
function parseJson(res, where) {
    if (nestsDeeperThan(res.text)) {
        throw new ServerError(`${where}: the JSON answer nests deeper than ${MAX_JSON_DEPTH} levels (HTTP ${res.status}); refusing to read it.`, res.status);
    }
    try {
        return JSON.parse(res.text);
    }
    catch {
        const type = res.headers['content-type'] ?? 'no content type';
        throw new ServerError(`${where}: expected JSON, got ${res.text.length} bytes of ${String(type)} (HTTP ${res.status})`, res.status);
    }
}

export { stringField as a, isObject as i, jsonObjectOf as j, oneLine as o, parseJson as p, shapeError as s };
