// The Infisical test server itself: its wire behaviour is what the e2e tests trust, so it is checked
// here against docs/protocols/infisical.md with plain fetch (no action code).
import {
  globMatch,
  startInfisicalServer,
  decryptSymmetric,
  type InfisicalServer,
  type ProjectInfo,
} from '../../../test/servers/infisical.js'

let server: InfisicalServer
let raw: ProjectInfo
let legacy: ProjectInfo

beforeAll(async () => {
  server = await startInfisicalServer()
  raw = server.createProject({ slug: 'raw-app' })
  legacy = server.createProject({ slug: 'old-app', e2ee: true })
  server.setSecret(raw.id, { environment: 'prod', key: 'A', value: 'a-${B}' })
  server.setSecret(raw.id, { environment: 'prod', key: 'B', value: 'b' })
  server.setSecret(raw.id, { environment: 'prod', path: '/sub', key: 'C', value: 'c' })
  server.setSecret(legacy.id, { environment: 'prod', key: 'E', value: 'encrypted', comment: '' })
})

afterAll(async () => server.close())

async function get(
  path: string,
  bearer: string,
  query: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${bearer}` },
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const bearerOf = (token: string): string => token.slice(0, token.lastIndexOf('.'))

test.each([
  ['/', '/**', true],
  ['/folder1', '/**', true],
  ['/folder1/sub/deep', '/**', true],
  ['/', '/*', false],
  ['/folder1', '/*', true],
  ['/folder1/sub', '/*', false],
  ['/folder1/sub', '/*/*', true],
  ['/folder1', '/*/*', false],
  ['/folder1/sub', '/folder1/*', true],
  ['/folder1', '/folder1/*', false],
  ['/folder1', '/folder1/**', true],
  ['/folder1/sub/deep', '/folder1/**', true],
  ['/', '/', true],
  ['/folder1', '/', false],
  ['/folder1/', '/folder1', true],
  ['/x', '', false],
])('glob table (#glob-scopes): %s against %s → %s', (path, glob, expected) => {
  expect(globMatch(path, glob)).toBe(expected)
})

test('service-token details: current shape with scopes, workspace = projectId', async () => {
  const token = server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/**' }] })
  const { status, body } = await get('/api/v2/service-token', bearerOf(token))
  expect(status).toBe(200)
  expect(body).toMatchObject({
    workspace: raw.id,
    projectId: raw.id,
    scopes: [{ environment: 'prod', secretPath: '/**' }],
    permissions: ['read'],
    expiresAt: null,
    encryptedKey: '',
  })
})

test('service-token details: the legacy shape has one environment and no scopes', async () => {
  const token = server.createServiceToken(legacy.id, {
    scopes: [{ environment: 'dev', secretPath: '/' }],
    legacyShape: true,
  })
  const { body } = await get('/api/v2/service-token', bearerOf(token))
  expect(body.environment).toBe('dev')
  expect(body.scopes).toBeUndefined()
  expect(body.projectId).toBeUndefined()
})

test('E2EE token: encryptedKey decrypts (node:crypto) to the project key with the token key', async () => {
  const token = server.createServiceToken(legacy.id)
  const { body } = await get('/api/v2/service-token', bearerOf(token))
  const symKey = token.slice(token.lastIndexOf('.') + 1)
  expect(
    decryptSymmetric(
      { ciphertext: body.encryptedKey as string, iv: body.iv as string, tag: body.tag as string },
      symKey,
    ),
  ).toBe(legacy.key)
  expect(Buffer.from(body.iv as string, 'base64')).toHaveLength(16)
})

test.each([
  [
    'unknown id',
    (t: string) => t.replace(/^st\.[^.]+/, 'st.00000000-0000-4000-8000-000000000000'),
    404,
    /^Service token with ID '.*' not found$/,
  ],
  ['wrong secret', (t: string) => t.replace(/^(st\.[^.]+\.)[^.]+/, '$1ffff'), 401, /^Invalid service token$/],
])('auth: %s → %i in the error shape', async (_name, damage, status, message) => {
  const token = server.createServiceToken(raw.id)
  const res = await get('/api/v2/service-token', bearerOf(damage(token)))
  expect(res.status).toBe(status)
  expect(res.body).toEqual({
    reqId: expect.stringMatching(/^req-/),
    statusCode: status,
    message: expect.stringMatching(message),
    error: expect.any(String),
  })
})

test('auth: an expired token answers 403 and is deleted', async () => {
  const token = server.createServiceToken(raw.id, { expiresAt: new Date(Date.now() - 1000) })
  expect((await get('/api/v2/service-token', bearerOf(token))).body).toMatchObject({
    statusCode: 403,
    message: 'Service token has expired',
  })
  expect((await get('/api/v2/service-token', bearerOf(token))).status).toBe(404)
})

test('raw: expands references, omits imports unless asked, enforces scopes', async () => {
  const token = bearerOf(
    server.createServiceToken(raw.id, {
      scopes: [
        { environment: 'prod', secretPath: '/**' },
        { environment: 'dev', secretPath: '/' },
      ],
    }),
  )
  const q = {
    workspaceId: raw.id,
    environment: 'prod',
    secretPath: '/',
    include_imports: 'false',
    recursive: 'false',
    expandSecretReferences: 'true',
  }
  const ok = await get('/api/v3/secrets/raw', token, q)
  expect(ok.status).toBe(200)
  expect(
    (ok.body.secrets as Array<{ secretKey: string; secretValue: string }>).map((s) => [s.secretKey, s.secretValue]),
  ).toEqual([
    ['A', 'a-b'],
    ['B', 'b'],
  ])
  expect(ok.body.imports).toBeUndefined()
  const rec = await get('/api/v3/secrets/raw', token, { ...q, recursive: 'true', include_imports: 'true' })
  expect((rec.body.secrets as unknown[]).length).toBe(3)
  expect(rec.body.imports).toEqual([])
  expect((await get('/api/v3/secrets/raw', token, { ...q, environment: 'staging' })).status).toBe(403)
  expect((await get('/api/v3/secrets/raw', token, { ...q, secretPath: '/nope' })).body.message).toMatch(
    /^Folder with path '\/nope' in environment 'prod' was not found/,
  )
  expect((await get('/api/v3/secrets/raw', token, { ...q, recursive: 'yes' })).status).toBe(422)
  expect((await get('/api/v3/secrets/raw', token, { environment: 'prod' })).body.message).toBe(
    'Missing project id or environment',
  )
})

test('raw on a legacy E2EE project: 400 bot_not_found_error; the encrypted list has ciphertexts only', async () => {
  const token = bearerOf(server.createServiceToken(legacy.id))
  const q = { workspaceId: legacy.id, environment: 'prod', secretPath: '/' }
  const rawRes = await get('/api/v3/secrets/raw', token, q)
  expect(rawRes.status).toBe(400)
  expect(rawRes.body.error).toBe('bot_not_found_error')
  const enc = await get('/api/v3/secrets', token, q)
  const [item] = enc.body.secrets as Array<Record<string, string>>
  expect(item).toMatchObject({ algorithm: 'aes-256-gcm', keyEncoding: 'utf8', type: 'shared' })
  expect(JSON.stringify(enc.body)).not.toContain('encrypted')
  expect(
    decryptSymmetric(
      { ciphertext: item!.secretValueCiphertext!, iv: item!.secretValueIV!, tag: item!.secretValueTag! },
      legacy.key!,
    ),
  ).toBe('encrypted')
  expect(item!.secretCommentCiphertext).toBe('')
})

test('single-scope override: a one-scope non-glob token reads its scope whatever it asks', async () => {
  const token = bearerOf(server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/sub' }] }))
  const res = await get('/api/v3/secrets/raw', token, { workspaceId: 'other', environment: 'dev', secretPath: '/' })
  expect((res.body.secrets as Array<{ secretKey: string }>).map((s) => s.secretKey)).toEqual(['C'])
})

test('universal auth: JSON or form login, 401 on bad credentials, then reads by slug', async () => {
  const { clientId, clientSecret } = server.createIdentity([raw.id])
  const bad = await fetch(`${server.url}/api/v1/auth/universal-auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, clientSecret: 'x' }),
  })
  expect(bad.status).toBe(401)
  expect(await bad.json()).toMatchObject({ message: 'Invalid credentials', error: 'UnauthorizedError' })
  const form = await fetch(`${server.url}/api/v1/auth/universal-auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ clientId, clientSecret: ` ${clientSecret} ` }).toString(),
  })
  const login = (await form.json()) as { accessToken: string; expiresIn: number; tokenType: string }
  expect(login).toMatchObject({ expiresIn: 2592000, tokenType: 'Bearer' })
  const res = await get('/api/v3/secrets/raw', login.accessToken, { workspaceSlug: 'raw-app', environment: 'prod' })
  expect(res.status).toBe(200)
  expect((await get('/api/v2/service-token', login.accessToken)).status).toBe(403)
})
