/**
 * Tests of the local Bitwarden SM test server itself: its crypto against the official vectors
 * (docs/protocols/bitwarden.md#test-vectors), and its HTTP behaviour against docs/protocols/bitwarden.md#login and
 * docs/protocols/bitwarden.md#api, over plain HTTP with Node's fetch. If these pass, the server is a trustworthy
 * stand-in for the real service.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  SPEC_VECTOR,
  seedDemo,
  seedSpecVector,
  startBitwardenServer,
  type BitwardenServer,
  type BitwardenServerOptions,
  type DemoSeed,
} from '../../../test/servers/bitwarden.js'
import {
  decryptEncString,
  deriveAccessTokenKey,
  deriveShareableKey,
  encryptToEncString,
  fromBase64,
  parseEncString,
  toBase64,
} from '../../../test/servers/bitwarden-crypto.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const bytes = (list: number[]): Uint8Array => Uint8Array.from(list)
const range = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i)

const NOT_FOUND_BODY =
  '{"message":"Resource not found.","validationErrors":null,"exceptionMessage":null,"exceptionStackTrace":null,"innerExceptionMessage":null,"object":"error"}'

// ---------------------------------------------------------------------------------------------
// Crypto vectors (docs/protocols/bitwarden.md#test-vectors), verbatim
// ---------------------------------------------------------------------------------------------

describe('server crypto against the official vectors', () => {
  const seed = fromBase64(SPEC_VECTOR.seedBase64)

  it('derives the access-token key of docs/protocols/bitwarden.md#token-vectors', () => {
    expect(hex(seed)).toBe('5fcbdbbc0d1b76e8a12037bfaabcc841')
    const key = deriveAccessTokenKey(seed)
    expect(toBase64(key)).toBe(
      'H9/oIRLtL9nGCQOVDjSMoEbJsjWXSOCb3qeyDt6ckzS3FhyboEDWyTP/CQfbIszNmAVg2ExFganG1FVFGXO/Jg==',
    )
    expect(hex(key.subarray(0, 32))).toBe('1fdfe82112ed2fd9c60903950e348ca046c9b2359748e09bdea7b20ede9c9334')
    expect(hex(key.subarray(32))).toBe('b7161c9ba040d6c933ff0907db22cccd980560d84c4581a9c6d455451973bf26')
  })

  it('matches the generic derive_shareable_key vectors of docs/protocols/bitwarden.md#token-vectors', () => {
    const ascii = (s: string): Uint8Array => new TextEncoder().encode(s)
    expect(toBase64(deriveShareableKey(ascii('&/$%F1a895g67HlX'), 'test_key'))).toBe(
      '4PV6+PcmF2w7YHRatvyMcVQtI7zvCyssv/wFWmzjiH6Iv9altjmDkuBD1aagLVaLezbthbSe+ktR+U6qswxNnQ==',
    )
    expect(toBase64(deriveShareableKey(ascii('67t9b5g67$%Dh89n'), 'test_key', 'test'))).toBe(
      'F9jVQmrACGx9VUPjuzfMYDjr726JtL300Y3Yg+VYUnVQtQ1s8oImJ5xtp1KALC9h2nav04++1LDW4iFD+infng==',
    )
  })

  it('decrypts the encrypted_payload of docs/protocols/bitwarden.md#login-vector to the organization key', () => {
    const payload = decryptEncString(SPEC_VECTOR.encryptedPayload, deriveAccessTokenKey(seed))
    expect(payload).toBe(`{"encryptionKey":"${SPEC_VECTOR.encryptionKey}"}`)
    expect(Buffer.byteLength(payload)).toBe(108)
    const orgKey = fromBase64(SPEC_VECTOR.encryptionKey)
    expect(hex(orgKey.subarray(0, 32))).toBe('93fe8f7301bb1e6fde65fbef3af3fa12a1b1d492a06f362b5b0a4e207b316c91')
    expect(hex(orgKey.subarray(32))).toBe('d032920c83951df780101ddb9247e5cc31a162481fa7b336cee093d78f4e18c0')
  })

  it('decrypts the secret key, value and note of docs/protocols/bitwarden.md#login-vector to "TEST"', () => {
    const orgKey = fromBase64(SPEC_VECTOR.encryptionKey)
    for (const field of [SPEC_VECTOR.secret.key, SPEC_VECTOR.secret.value, SPEC_VECTOR.secret.note]) {
      expect(decryptEncString(field, orgKey)).toBe('TEST')
    }
  })

  it('decrypts the test vector of docs/protocols/bitwarden.md#cipher-vectors, given as bytes and as the derived string', () => {
    const key = range(64)
    const iv = bytes([216, 218, 36, 0, 196, 186, 150, 85, 49, 147, 110, 168, 185, 227, 42, 172])
    const data = bytes([
      234, 77, 16, 15, 189, 82, 36, 188, 182, 88, 64, 67, 145, 94, 30, 178, 36, 235, 130, 67, 255, 207, 183, 168, 73,
      231, 82, 122, 193, 139, 25, 129,
    ])
    const mac = bytes([
      60, 78, 44, 111, 72, 233, 3, 6, 86, 250, 217, 242, 62, 229, 184, 221, 231, 150, 189, 44, 99, 189, 220, 55, 196,
      194, 101, 60, 102, 195, 149, 130,
    ])
    const text = `2.${toBase64(iv)}|${toBase64(data)}|${toBase64(mac)}`
    expect(toBase64(key)).toBe(
      'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==',
    )
    expect(text).toBe(
      '2.2NokAMS6llUxk26oueMqrA==|6k0QD71SJLy2WEBDkV4esiTrgkP/z7eoSedSesGLGYE=|PE4sb0jpAwZW+tnyPuW43eeWvSxjvdw3xMJlPGbDlYI=',
    )
    expect(decryptEncString(text, key)).toBe('Bitwarden SDK test vector')
  })

  it('encrypts the deterministic vector of docs/protocols/bitwarden.md#cipher-vectors', () => {
    const iv = bytes([62, 0, 239, 47, 137, 95, 64, 214, 127, 91, 184, 232, 31, 9, 165, 161])
    const enc = encryptToEncString('EncryptMe!', range(64), iv)
    expect([...parseEncString(enc).data]).toEqual([
      214, 76, 187, 97, 58, 146, 212, 140, 95, 164, 177, 204, 179, 133, 172, 148,
    ])
    expect(decryptEncString(enc, range(64))).toBe('EncryptMe!')
  })

  it('rejects what SM never sends and fails the MAC on tampering', () => {
    const key = fromBase64(SPEC_VECTOR.encryptionKey)
    // Downgrade vector of docs/protocols/bitwarden.md#encstring-vectors: type 0 under a key with a MAC part must
    // not decrypt.
    const downgradeKey = fromBase64(
      'hvBMMb1t79YssFZkpetYsM3deyVuQv4r88Uj9gvYe0+G8EwxvW3v1iywVmSl61iwzd17JW5C/ivzxSP2C9h7Tw==',
    )
    expect(() => decryptEncString('0.NQfjHLr6za7VQVAbrpL81w==|wfrjmyJ0bfwkQlySrhw8dA==', downgradeKey)).toThrow()
    expect(() => decryptEncString('8.ABC', key)).toThrow()
    const parts = parseEncString(SPEC_VECTOR.secret.value)
    const flipped = Uint8Array.from(parts.data)
    flipped[3] = (flipped[3] ?? 0) ^ 0x80
    const tampered = `2.${toBase64(parts.iv)}|${toBase64(flipped)}|${toBase64(parts.mac)}`
    expect(() => decryptEncString(tampered, key)).toThrow('MAC mismatch')
  })

  it('round-trips the empty string as one block of padding, and unicode', () => {
    const key = range(64)
    const empty = encryptToEncString('', key)
    expect(parseEncString(empty).data).toHaveLength(16)
    expect(decryptEncString(empty, key)).toBe('')
    expect(decryptEncString(encryptToEncString('Grüße 🔐\r\n', key), key)).toBe('Grüße 🔐\r\n')
  })
})

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

let server: BitwardenServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(opts?: BitwardenServerOptions): Promise<BitwardenServer> {
  server = await startBitwardenServer(opts)
  return server
}

function tokenParts(token: string): { clientId: string; clientSecret: string; seed: Uint8Array } {
  const m = /^0\.([0-9a-f-]{36})\.([A-Za-z0-9]+):([A-Za-z0-9+/=]+)$/.exec(token)
  if (!m) throw new Error('malformed token')
  return { clientId: m[1] ?? '', clientSecret: m[2] ?? '', seed: fromBase64(m[3] ?? '') }
}

/** The login request exactly as the SDK sends it (docs/protocols/bitwarden.md#login-request). */
function loginForm(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'application/json',
      'device-type': '21',
    },
    body: new URLSearchParams(fields).toString(),
  }
}

async function postLogin(s: BitwardenServer, fields: Record<string, string>): Promise<Response> {
  return fetch(`${s.identityUrl}/connect/token`, loginForm(fields))
}

function credentials(token: string): Record<string, string> {
  const { clientId, clientSecret } = tokenParts(token)
  return { scope: 'api.secrets', client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' }
}

interface LoginBody {
  access_token: string
  expires_in: number
  token_type: string
  scope: string
  encrypted_payload: string
}

async function login(s: BitwardenServer, token: string): Promise<LoginBody> {
  const res = await postLogin(s, credentials(token))
  expect(res.status).toBe(200)
  return (await res.json()) as LoginBody
}

function jwtParts(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, p] = jwt.split('.')
  const decode = (part: string | undefined): Record<string, unknown> =>
    JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  return { header: decode(h), claims: decode(p) }
}

async function api(
  s: BitwardenServer,
  jwt: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (jwt !== undefined) headers.authorization = `Bearer ${jwt}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${s.apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
}

async function demoSession(
  opts?: BitwardenServerOptions,
): Promise<{ s: BitwardenServer; demo: DemoSeed; jwt: string }> {
  const s = await start(opts)
  const demo = seedDemo(s)
  const { access_token } = await login(s, demo.token)
  return { s, demo, jwt: access_token }
}

type Json = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// Access tokens and login (docs/protocols/bitwarden.md#access-token, docs/protocols/bitwarden.md#login)
// ---------------------------------------------------------------------------------------------

describe('access tokens and login', () => {
  it('mints tokens like the web vault: 0.<uuid>.<30 alnum>:<base64 of 16 bytes>', async () => {
    const s = await start()
    const org = s.createOrganization()
    const token = s.createAccessToken(s.createMachineAccount(org.id))
    expect(token).toMatch(
      /^0\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==$/,
    )
    expect(tokenParts(token).seed).toHaveLength(16)
  })

  it('answers a login with exactly the five SM fields and a payload that carries the org key', async () => {
    const s = await start()
    const org = s.createOrganization()
    const accountId = s.createMachineAccount(org.id)
    const token = s.createAccessToken(accountId)
    const res = await postLogin(s, credentials(token))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as Json
    expect(Object.keys(body).sort()).toEqual(['access_token', 'encrypted_payload', 'expires_in', 'scope', 'token_type'])
    expect(body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: 'api.secrets' })
    expect(body).not.toHaveProperty('Kdf') // BW-LOGIN-9

    const payload = decryptEncString(String(body.encrypted_payload), deriveAccessTokenKey(tokenParts(token).seed))
    expect(JSON.parse(payload)).toEqual({ encryptionKey: toBase64(org.key) })

    const { header, claims } = jwtParts(String(body.access_token))
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' })
    expect(claims).toMatchObject({
      organization: org.id,
      sub: accountId,
      client_id: tokenParts(token).clientId,
      scope: ['api.secrets'],
    })
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600)
    expect(String(body.access_token)).not.toContain('=') // napi 1.0.0 wants unpadded base64url
  })

  it('accepts the client id in upper case, like Guid.TryParse', async () => {
    const s = await start()
    const token = s.createAccessToken(s.createMachineAccount(s.createOrganization().id))
    const fields = credentials(token)
    const res = await postLogin(s, { ...fields, client_id: String(fields.client_id).toUpperCase() })
    expect(res.status).toBe(200)
  })

  it('serves the vector of docs/protocols/bitwarden.md#login-vector verbatim when seeded with it', async () => {
    const s = await start()
    const { token } = seedSpecVector(s)
    expect(token).toBe(SPEC_VECTOR.token)
    const body = await login(s, token)
    expect(body.encrypted_payload).toBe(SPEC_VECTOR.encryptedPayload)
    expect(jwtParts(body.access_token).claims.organization).toBe(SPEC_VECTOR.organizationId)
    const res = await api(s, body.access_token, 'GET', `/secrets/${SPEC_VECTOR.secret.id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      object: 'secret',
      id: SPEC_VECTOR.secret.id,
      organizationId: SPEC_VECTOR.organizationId,
      key: SPEC_VECTOR.secret.key,
      value: SPEC_VECTOR.secret.value,
      note: SPEC_VECTOR.secret.note,
      read: true,
      write: false,
    })
  })

  describe('answers 400 invalid_client', () => {
    const cases: Array<
      [string, (s: BitwardenServer, token: string, clock: { now: number }) => Record<string, string>]
    > = [
      ['an unknown client id', (_s, t) => ({ ...credentials(t), client_id: '11111111-2222-4333-8444-555555555555' })],
      ['a wrong secret', (_s, t) => ({ ...credentials(t), client_secret: 'x'.repeat(30) })],
      [
        'a missing secret',
        (_s, t) => ({ scope: 'api.secrets', client_id: tokenParts(t).clientId, grant_type: 'client_credentials' }),
      ],
      [
        'a revoked token',
        (s, t) => {
          s.revokeAccessToken(t)
          return credentials(t)
        },
      ],
    ]
    it.each(cases)('for %s', async (_name, arrange) => {
      const clock = { now: Date.UTC(2030, 0, 1) }
      const s = await start({ now: () => clock.now })
      const token = s.createAccessToken(s.createMachineAccount(s.createOrganization().id))
      const res = await postLogin(s, arrange(s, token, clock))
      expect(res.status).toBe(400)
      expect(await res.text()).toBe('{"error":"invalid_client"}')
    })

    it('for a token whose expiry is now or past, but not one second before', async () => {
      const clock = { now: Date.UTC(2030, 0, 1) }
      const s = await start({ now: () => clock.now })
      const accountId = s.createMachineAccount(s.createOrganization().id)
      const token = s.createAccessToken(accountId, { expiresAt: new Date(clock.now + 1000) })
      expect((await postLogin(s, credentials(token))).status).toBe(200)
      clock.now += 1000 // ExpireAt <= now
      const res = await postLogin(s, credentials(token))
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: 'invalid_client' })
    })

    it('for a disabled organization', async () => {
      const s = await start()
      const org = s.createOrganization()
      const token = s.createAccessToken(s.createMachineAccount(org.id))
      s.setOrganizationEnabled(org.id, false)
      const res = await postLogin(s, credentials(token))
      expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_client' }])
    })
  })

  it('answers other OAuth errors with the same {"error"} shape', async () => {
    const s = await start()
    const token = s.createAccessToken(s.createMachineAccount(s.createOrganization().id))
    const good = credentials(token)
    const grant = await postLogin(s, { ...good, grant_type: 'password' })
    expect([grant.status, await grant.json()]).toEqual([400, { error: 'unsupported_grant_type' }])
    const scope = await postLogin(s, { ...good, scope: 'api' })
    expect([scope.status, await scope.json()]).toEqual([400, { error: 'invalid_scope' }])
    const json = await fetch(`${s.identityUrl}/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(good),
    })
    expect([json.status, await json.json()]).toEqual([400, { error: 'invalid_request' }])
  })
})

// ---------------------------------------------------------------------------------------------
// API (docs/protocols/bitwarden.md#api)
// ---------------------------------------------------------------------------------------------

describe('API authentication', () => {
  it('answers 401 with an empty body for a missing, malformed, forged or expired bearer', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) }
    const { s, demo, jwt } = await demoSession({ now: () => clock.now })
    const path = `/secrets/${demo.secretIds.databaseUrl}`
    expect((await api(s, jwt, 'GET', path)).status).toBe(200)

    // Same header and signature, payload claiming another organization: the signature no longer fits.
    const [h, , sig] = jwt.split('.')
    const claims = { ...jwtParts(jwt).claims, organization: '00000000-0000-4000-8000-000000000000' }
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${jwt.split('.')[1]}.`

    for (const bearer of [undefined, 'garbage', forged, unsigned]) {
      const res = await api(s, bearer, 'GET', path)
      expect(res.status).toBe(401)
      expect(await res.text()).toBe('')
    }

    clock.now += 3600 * 1000 // exactly exp
    const expired = await api(s, jwt, 'GET', path)
    expect(expired.status).toBe(401)
    expect(await expired.text()).toBe('')
  })

  it('keeps an issued JWT valid after its access token is revoked (only new logins fail)', async () => {
    const { s, demo, jwt } = await demoSession()
    s.revokeAccessToken(demo.token)
    expect((await api(s, jwt, 'GET', `/secrets/${demo.secretIds.databaseUrl}`)).status).toBe(200)
    expect((await postLogin(s, credentials(demo.token))).status).toBe(400)
  })
})

describe('POST /secrets/get-by-ids', () => {
  it('returns every requested secret as baseSecret with all SDK-required fields, in database order', async () => {
    const { s, demo, jwt } = await demoSession()
    const ids = [demo.secretIds.unicode, demo.secretIds.direct, demo.secretIds.tlsKey] // not creation order
    const res = await api(s, jwt, 'POST', '/secrets/get-by-ids', { ids })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { object: string; data: Json[]; continuationToken: null }
    expect(body.object).toBe('list')
    expect(body.continuationToken).toBeNull()
    expect(body.data.map((d) => d.id)).toEqual([demo.secretIds.tlsKey, demo.secretIds.unicode, demo.secretIds.direct])
    for (const item of body.data) {
      expect(item.object).toBe('baseSecret')
      expect(item.organizationId).toBe(demo.orgId)
      for (const field of ['key', 'value', 'note']) expect(String(item[field])).toMatch(/^2\.[^|]+\|[^|]+\|[^|]+$/)
      expect(item.creationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
      expect(item.revisionDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
      expect(item).not.toHaveProperty('read')
      expect(item).not.toHaveProperty('write')
    }
    const tls = body.data[0] as Json
    expect(decryptEncString(String(tls.value), demo.orgKey)).toBe(demo.secrets.tlsKey.value)
    expect(decryptEncString(String(tls.key), demo.orgKey)).toBe('TLS_PRIVATE_KEY')
    expect(tls.projects).toEqual([{ id: demo.projectIds.production, name: expect.stringMatching(/^2\./) }])
  })

  it('decrypts every demo value exactly, including empty, CRLF and trailing newline', async () => {
    const { s, demo, jwt } = await demoSession()
    const readable = Object.values(demo.secrets).filter((x) => x.id !== demo.secretIds.hidden)
    const res = await api(s, jwt, 'POST', '/secrets/get-by-ids', { ids: readable.map((x) => x.id) })
    const body = (await res.json()) as { data: Json[] }
    const got = new Map(body.data.map((d) => [String(d.id), decryptEncString(String(d.value), demo.orgKey)]))
    for (const secret of readable) expect(got.get(secret.id)).toBe(secret.value)
    expect(got.get(demo.secretIds.empty)).toBe('')
  })

  it('is all-or-nothing: one unreadable, unknown or foreign id, or an empty list, gives the exact 404', async () => {
    const { s, demo, jwt } = await demoSession()
    const other = s.createOrganization()
    const foreign = s.createSecret(other.id, { key: 'X', value: 'y' })
    const sets = [
      [demo.secretIds.databaseUrl, demo.secretIds.hidden],
      [demo.secretIds.databaseUrl, '5c1ba0a2-4fb4-4a3c-9b7e-0f0e0c0d0a0b'],
      [demo.secretIds.databaseUrl, foreign],
      [],
    ]
    for (const ids of sets) {
      const res = await api(s, jwt, 'POST', '/secrets/get-by-ids', { ids })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await res.text()).toBe(NOT_FOUND_BODY)
    }
  })

  it('answers a repeated id (in any case) with 400 and the duplicated-GUID validation error', async () => {
    const { s, demo, jwt } = await demoSession()
    const id = demo.secretIds.databaseUrl
    const res = await api(s, jwt, 'POST', '/secrets/get-by-ids', { ids: [id, demo.secretIds.empty, id.toUpperCase()] })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      message: 'The model state is invalid.',
      validationErrors: { GetSecretsRequestModel: [`The following GUIDs were duplicated ${id} `] },
      exceptionMessage: null,
      exceptionStackTrace: null,
      innerExceptionMessage: null,
      object: 'error',
    })
  })
})

describe('GET /secrets/{id}', () => {
  it('returns a secret with read/write flags; 404 for unreadable, unknown or foreign ids', async () => {
    const { s, demo, jwt } = await demoSession()
    const res = await api(s, jwt, 'GET', `/secrets/${demo.secretIds.direct}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body).toMatchObject({ object: 'secret', id: demo.secretIds.direct, read: true, write: false, projects: [] })
    expect(decryptEncString(String(body.note), demo.orgKey)).toBe('') // an empty note is still an EncString

    const foreign = s.createSecret(s.createOrganization().id, { key: 'X', value: 'y' })
    for (const id of [demo.secretIds.hidden, '5c1ba0a2-4fb4-4a3c-9b7e-0f0e0c0d0a0b', foreign]) {
      const miss = await api(s, jwt, 'GET', `/secrets/${id}`)
      expect([miss.status, await miss.text()]).toEqual([404, NOT_FOUND_BODY])
    }
    expect((await api(s, jwt, 'GET', '/secrets/not-a-guid')).status).toBe(400)
  })

  it('serves a tampered value whose MAC no longer matches', async () => {
    const { s, demo, jwt } = await demoSession()
    const before = s.getStoredSecret(demo.secretIds.databaseUrl)
    s.tamperSecretValue(demo.secretIds.databaseUrl)
    const body = (await (await api(s, jwt, 'GET', `/secrets/${demo.secretIds.databaseUrl}`)).json()) as Json
    const [was, now] = [parseEncString(String(before?.value)), parseEncString(String(body.value))]
    expect(toBase64(now.mac)).toBe(toBase64(was.mac))
    expect(toBase64(now.data)).not.toBe(toBase64(was.data))
    expect(() => decryptEncString(String(body.value), demo.orgKey)).toThrow('MAC mismatch')
  })
})

describe('list endpoints', () => {
  it('lists the organization secrets the account can read, keys only', async () => {
    const { s, demo, jwt } = await demoSession()
    const res = await api(s, jwt, 'GET', `/organizations/${demo.orgId}/secrets`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { object: string; secrets: Json[]; projects: Json[] }
    expect(body.object).toBe('SecretsWithProjectsList')
    const expected = Object.values(demo.secrets).filter((x) => x.id !== demo.secretIds.hidden)
    expect(body.secrets.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort())
    for (const item of body.secrets) {
      expect(item).not.toHaveProperty('value')
      expect(item).not.toHaveProperty('note')
      expect(item).toMatchObject({ organizationId: demo.orgId, read: true, write: false })
    }
    const keys = body.secrets.map((x) => decryptEncString(String(x.key), demo.orgKey))
    expect(keys.filter((k) => k === demo.ambiguousKey)).toHaveLength(2)
    expect(keys).toContain('api-key')
    expect(body.projects.map((p) => p.id).sort()).toEqual([demo.projectIds.production, demo.projectIds.staging].sort())
  })

  it('lists a project; an unshared project is empty; an unknown or foreign one is 404', async () => {
    const { s, demo, jwt } = await demoSession()
    const staging = (await (await api(s, jwt, 'GET', `/projects/${demo.projectIds.staging}/secrets`)).json()) as {
      secrets: Json[]
    }
    expect(staging.secrets.map((x) => x.id)).toEqual([demo.secretIds.sharedStaging])

    const hidden = await api(s, jwt, 'GET', `/projects/${demo.projectIds.hidden}/secrets`)
    expect(hidden.status).toBe(200)
    expect(((await hidden.json()) as { secrets: Json[] }).secrets).toEqual([])

    const other = s.createOrganization()
    for (const path of [
      `/projects/5c1ba0a2-4fb4-4a3c-9b7e-0f0e0c0d0a0b/secrets`,
      `/projects/${s.createProject(other.id, 'x')}/secrets`,
      `/organizations/${other.id}/secrets`,
      `/organizations/${other.id}/projects`,
    ]) {
      const res = await api(s, jwt, 'GET', path)
      expect([res.status, await res.text()]).toEqual([404, NOT_FOUND_BODY])
    }
  })

  it('lists and gets projects the account can read, names encrypted', async () => {
    const { s, demo, jwt } = await demoSession()
    const list = (await (await api(s, jwt, 'GET', `/organizations/${demo.orgId}/projects`)).json()) as {
      object: string
      data: Json[]
    }
    expect(list.object).toBe('list')
    const names = list.data.map((p) => decryptEncString(String(p.name), demo.orgKey)).sort()
    expect(names).toEqual(['production', 'staging'])
    const one = await api(s, jwt, 'GET', `/projects/${demo.projectIds.production}`)
    expect(await one.json()).toMatchObject({
      object: 'project',
      id: demo.projectIds.production,
      read: true,
      write: false,
    })
    expect((await api(s, jwt, 'GET', `/projects/${demo.projectIds.hidden}`)).status).toBe(404)
  })
})

describe('GET /organizations/{orgId}/secrets/sync', () => {
  it('returns every readable secret with values, then hasChanges false; rejects a future date', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) }
    const { s, demo, jwt } = await demoSession({ now: () => clock.now })
    const all = (await (await api(s, jwt, 'GET', `/organizations/${demo.orgId}/secrets/sync`)).json()) as {
      object: string
      hasChanges: boolean
      secrets: { object: string; data: Json[] }
    }
    expect(all).toMatchObject({ object: 'secretsSync', hasChanges: true, secrets: { object: 'list' } })
    expect(all.secrets.data).toHaveLength(Object.keys(demo.secrets).length - 1)
    expect(all.secrets.data.every((x) => typeof x.value === 'string' && x.object === 'baseSecret')).toBe(true)

    clock.now += 60_000
    const since = new Date(clock.now - 1000).toISOString()
    const unchanged = await api(s, jwt, 'GET', `/organizations/${demo.orgId}/secrets/sync?lastSyncedDate=${since}`)
    expect(await unchanged.json()).toEqual({ object: 'secretsSync', hasChanges: false, secrets: null })
    expect(s.requests.at(-1)).toMatchObject({
      path: `/api/organizations/${demo.orgId}/secrets/sync`,
      query: `?lastSyncedDate=${since}`,
    })

    const future = new Date(clock.now + 60_000).toISOString()
    const bad = await api(s, jwt, 'GET', `/organizations/${demo.orgId}/secrets/sync?lastSyncedDate=${future}`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ message: 'Last synced date must be in the past.', object: 'error' })
  })
})

describe('write endpoints (used by the SDK)', () => {
  it('stores client EncStrings verbatim in a project the account created; refuses projects it cannot write', async () => {
    const { s, demo, jwt } = await demoSession()
    const enc = (text: string): string => encryptToEncString(text, demo.orgKey)
    const project = (await (
      await api(s, jwt, 'POST', `/organizations/${demo.orgId}/projects`, { name: enc('new') })
    ).json()) as Json
    expect(project).toMatchObject({ object: 'project', read: true, write: true })
    const body = { key: enc('K'), value: enc('V'), note: enc(''), projectIds: [project.id] }
    const created = await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, body)
    expect(created.status).toBe(200)
    const secret = (await created.json()) as Json
    expect(s.getStoredSecret(String(secret.id))).toMatchObject({ key: body.key, value: body.value, note: body.note })
    expect(s.readSecret(String(secret.id))).toEqual({ key: 'K', value: 'V', note: '', projectIds: [project.id] })

    // Read-only project, no project, or a malformed EncString.
    const readOnly = await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, {
      ...body,
      projectIds: [demo.projectIds.production],
    })
    expect(readOnly.status).toBe(404)
    expect(
      (await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, { ...body, projectIds: [] })).status,
    ).toBe(404)
    expect(
      (await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, { ...body, value: 'plain' })).status,
    ).toBe(400)
  })

  it("refuses an EncString over the request model's [EncryptedStringLength] (value 35,000 characters, key 1,000)", async () => {
    const { s, demo, jwt } = await demoSession()
    const enc = (text: string): string => encryptToEncString(text, demo.orgKey)
    const project = (await (
      await api(s, jwt, 'POST', `/organizations/${demo.orgId}/projects`, { name: enc('sizes') })
    ).json()) as Json
    const body = { key: enc('K'), value: enc('v'.repeat(26191)), note: enc(''), projectIds: [project.id] }
    expect(body.value.length).toBe(34996)
    expect((await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, body)).status).toBe(200)
    const tooLong = await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, {
      ...body,
      value: enc('v'.repeat(26192)),
    })
    expect(tooLong.status).toBe(400)
    expect(((await tooLong.json()) as Json).validationErrors).toEqual({
      Value: ['The field Value exceeds the maximum encrypted value length of 35000 characters.'],
    })
    const longKey = await api(s, jwt, 'POST', `/organizations/${demo.orgId}/secrets`, {
      ...body,
      key: enc('k'.repeat(688)),
    })
    expect(longKey.status).toBe(400)
  })
})

describe('rate limiting, faults and the request log', () => {
  it('answers POSTs over the per-second limit with 429, Retry-After and the vendor body (docs/protocols/bitwarden.md#api-errors); GETs pass', async () => {
    const clock = { now: Date.UTC(2030, 0, 1) }
    const { s, demo, jwt } = await demoSession({ now: () => clock.now, rateLimit: { postPerSecond: 2 } })
    const ids = { ids: [demo.secretIds.databaseUrl] }
    expect((await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).status).toBe(200)
    expect((await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).status).toBe(200)
    const limited = await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(await limited.json()).toEqual({
      message: 'Slow down! Too many requests. Try again in 1s.',
      validationErrors: null,
      exceptionMessage: null,
      exceptionStackTrace: null,
      innerExceptionMessage: null,
      object: 'error',
    })
    expect((await api(s, jwt, 'GET', `/secrets/${demo.secretIds.databaseUrl}`)).status).toBe(200)
    clock.now += 1000
    expect((await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).status).toBe(200)
  })

  it('applies onRequest faults with a per-method+path attempt count, and logs every request', async () => {
    const seen: Array<{ method: string; path: string; attempt: number }> = []
    const { s, demo, jwt } = await demoSession({
      onRequest: (req) => {
        seen.push(req)
        if (req.path !== '/api/secrets/get-by-ids') return undefined
        if (req.attempt === 1) return { status: 503, headers: { 'retry-after': '0' }, body: '<html>busy</html>' }
        if (req.attempt === 2) return { destroy: true }
        if (req.attempt === 3) return { delayMs: 5 }
        return undefined
      },
    })
    s.resetLog()
    const ids = { ids: [demo.secretIds.databaseUrl] }
    const first = await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)
    expect([first.status, first.headers.get('retry-after'), await first.text()]).toEqual([
      503,
      '0',
      '<html>busy</html>',
    ])
    await expect(api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).rejects.toThrow()
    expect((await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).status).toBe(200)
    expect((await api(s, jwt, 'POST', '/secrets/get-by-ids', ids)).status).toBe(200)

    expect(seen[0]).toEqual({ method: 'POST', path: '/identity/connect/token', attempt: 1 })
    expect(seen.filter((r) => r.path === '/api/secrets/get-by-ids').map((r) => r.attempt)).toEqual([1, 2, 3, 4])
    expect(s.requests.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'POST', path: '/api/secrets/get-by-ids', status: 503 },
      { method: 'POST', path: '/api/secrets/get-by-ids', status: 0 },
      { method: 'POST', path: '/api/secrets/get-by-ids', status: 200 },
      { method: 'POST', path: '/api/secrets/get-by-ids', status: 200 },
    ])
    expect(s.requests[2]?.body).toBe(JSON.stringify(ids))
    expect(s.requests[2]?.headers.authorization).toBe(`Bearer ${jwt}`)
  })

  it('answers an unknown path with an empty 404 and a wrong method with 405', async () => {
    const { s, jwt } = await demoSession()
    const unknown = await api(s, jwt, 'GET', '/nope')
    expect([unknown.status, await unknown.text()]).toEqual([404, ''])
    expect((await fetch(`${s.identityUrl}/connect/token`)).status).toBe(405)
  })
})
