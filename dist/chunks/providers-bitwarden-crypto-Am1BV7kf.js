import { C as CryptoError, g as decodeUtf8Strict, d as decodeBase64Strict } from './startup-B0l7F2rJ.js';





const nodeCrypto = () => process.getBuiltinModule('node:crypto');
const ascii = (s) => Buffer.from(s, 'ascii');
function splitKey(bytes) {
    if (bytes.length !== 64)
        throw new CryptoError(`expected a 64-byte key, got ${bytes.length} bytes`);
    return { enc: bytes.slice(0, 32), mac: bytes.slice(32, 64) };
}
function deriveShareableKey(secret, name, info) {
    return new Uint8Array(nodeCrypto().hkdfSync('sha256', secret, ascii(`bitwarden-${name}`), ascii(info ?? ''), 64));
}
function deriveTokenKey(seed) {
    return splitKey(deriveShareableKey(seed, 'accesstoken', 'sm-access-token'));
}
function parseEncString(text) {
    const dot = text.indexOf('.');
    if (dot < 0)
        throw new CryptoError('unsupported EncString: it has no type header');
    const type = text.slice(0, dot);
    if (type !== '2') {
        const shown = /^\d{1,3}$/.test(type) ? `type ${type}` : 'an unknown type';
        throw new CryptoError(`unsupported EncString ${shown} (only type 2, AES-256-CBC + HMAC-SHA256, is accepted)`);
    }
    const parts = text.slice(dot + 1).split('|');
    if (parts.length !== 3)
        throw new CryptoError(`malformed EncString type 2: expected 3 parts, got ${parts.length}`);
    const [iv, data, mac] = parts.map((part) => decodeBase64Strict(part));
    if (!iv || !data || !mac)
        throw new CryptoError('malformed EncString type 2: a part is not standard base64');
    if (iv.length !== 16)
        throw new CryptoError(`malformed EncString type 2: iv must be 16 bytes, got ${iv.length}`);
    if (mac.length !== 32)
        throw new CryptoError(`malformed EncString type 2: mac must be 32 bytes, got ${mac.length}`);
    if (data.length === 0 || data.length % 16 !== 0) {
        throw new CryptoError(`malformed EncString type 2: ciphertext must be a non-empty multiple of 16 bytes, got ${data.length}`);
    }
    return { iv, data, mac };
}
const keyObjects = new WeakMap();
function keyObject(bytes) {
    let key = keyObjects.get(bytes);
    if (!key)
        keyObjects.set(bytes, (key = nodeCrypto().createSecretKey(bytes)));
    return key;
}
function decryptBytes(enc, key) {
    const expected = nodeCrypto().createHmac('sha256', keyObject(key.mac)).update(enc.iv).update(enc.data).digest();
    if (enc.mac.length !== expected.length || !nodeCrypto().timingSafeEqual(expected, enc.mac))
        throw new CryptoError('MAC mismatch: the value was tampered with or encrypted under another key');
    try {
        const decipher = nodeCrypto().createDecipheriv('aes-256-cbc', keyObject(key.enc), enc.iv);
        return Buffer.concat([decipher.update(enc.data), decipher.final()]);
    }
    catch (cause) {
        throw new CryptoError('decryption failed: bad padding', { cause });
    }
}
function decryptString(text, key) {
    const bytes = decryptBytes(parseEncString(text), key);
    try {
        return decodeUtf8Strict(bytes);
    }
    catch (cause) {
        throw new CryptoError('decrypted value is not valid UTF-8', { cause });
    }
}
function encryptString(text, key, iv = nodeCrypto().randomBytes(16)) {
    const cipher = nodeCrypto().createCipheriv('aes-256-cbc', keyObject(key.enc), iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    const mac = nodeCrypto().createHmac('sha256', keyObject(key.mac)).update(iv).update(data).digest();
    const b64 = (bytes) => Buffer.from(bytes).toString('base64');
    return `2.${b64(iv)}|${b64(data)}|${b64(mac)}`;
}
function decryptOrganizationKey(payload, tokenKey) {
    const enc = parseEncString(payload);
    let bytes;
    try {
        bytes = decryptBytes(enc, tokenKey);
    }
    catch (cause) {
        throw new CryptoError("The access token's key does not match the server's encrypted payload (token damaged or mistyped: check the part after ':').", { cause });
    }
    let key;
    try {
        key = JSON.parse(decodeUtf8Strict(bytes)).encryptionKey;
    }
    catch (cause) {
        throw new CryptoError('The login payload is not the expected JSON object.', { cause });
    }
    const raw = typeof key === 'string' ? decodeBase64Strict(key) : undefined;
    if (!raw)
        throw new CryptoError("The login payload has no base64 'encryptionKey'.");
    if (raw.length !== 64) {
        throw new CryptoError(`Unsupported organization key type (${raw.length}-byte key; only 64-byte AES-256-CBC-HMAC keys are supported).`);
    }
    return splitKey(raw);
}

export { decryptBytes, decryptOrganizationKey, decryptString, deriveShareableKey, deriveTokenKey, encryptString, parseEncString, splitKey };
