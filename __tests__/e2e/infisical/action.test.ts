// End to end: `node dist/index.js` as the runner runs it, against the local Infisical server, for a
// service token on a current (raw) project, a service token on a legacy end-to-end-encrypted project,
// and a machine identity; and every misuse, each exporting nothing and leaking nothing.
import { startInfisicalServer, type InfisicalServer, type ProjectInfo } from '../../../test/servers/infisical.js'
import { maskedLog, runAction, type ActionRun } from '../../../test/harness/run-action.js'

// Values that break naive exporters and maskers.
const VALUES: Record<string, string> = {
  DATABASE_URL: 'postgres://app:s3cr3t-pw@db.internal:5432/app',
  MULTILINE: '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END KEY-----',
  CRLF: 'first line\r\nsecond line\r\n',
  UNICODE: 'pässwörd ✓ 密码 🔑',
  EMPTY: '',
  QUOTES: `it's "quoted" \`back\``,
  PERCENT: '100%25 %0A not an escape %',
  DELIMITER: 'ghadelimiter_3f0b1c9e-0000-4000-8000-000000000000\nEOF\nafter',
}

let server: InfisicalServer
let raw: ProjectInfo
let legacy: ProjectInfo
let rawToken: string
let legacyToken: string

beforeAll(async () => {
  server = await startInfisicalServer()
  raw = server.createProject({ slug: 'web-app' })
  for (const [key, value] of Object.entries(VALUES))
    server.setSecret(raw.id, { environment: 'prod', path: '/backend', key, value })
  server.setSecret(raw.id, {
    environment: 'prod',
    path: '/backend',
    key: 'API_URL',
    value: 'https://${prod.shared.HOST}/v1',
  })
  server.setSecret(raw.id, { environment: 'prod', path: '/backend', key: 'api-key', value: 'k-raw-123456' })
  server.setSecret(raw.id, { environment: 'prod', path: '/shared', key: 'HOST', value: 'api.example.com' })
  server.setSecret(raw.id, { environment: 'prod', path: '/shared', key: 'STRIPE_KEY', value: 'sk_live_shared_stripe' })
  server.setSecret(raw.id, { environment: 'prod', path: '/shared', key: 'DATABASE_URL', value: 'imported-must-lose' })
  server.addImport(
    raw.id,
    { environment: 'prod', secretPath: '/backend' },
    { environment: 'prod', secretPath: '/shared' },
  )
  server.setSecret(raw.id, { environment: 'prod', path: '/backend/deep', key: 'DEEP', value: 'deep-value-raw' })
  rawToken = server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/**' }] })

  legacy = server.createProject({ slug: 'old-app', e2ee: true })
  const set = (
    key: string,
    value: string,
    extra: { path?: string; type?: 'personal'; environment?: string } = {},
  ): void =>
    server.setSecret(legacy.id, {
      environment: extra.environment ?? 'prod',
      path: extra.path ?? '/',
      key,
      value,
      ...(extra.type ? { type: extra.type } : {}),
    })
  set('DB_USER', 'legacy-user')
  set('DB_PASS', 'legacy-pass-shared')
  set('DB_PASS', 'legacy-pass-personal', { type: 'personal' })
  set('DSN', 'pg://${DB_USER}:${DB_PASS}@${prod.common.DB_HOST}/${dev.DEV_DB}')
  set('CHAIN', '${DSN}|${COMMON_ONLY}')
  set('BROKEN', 'x-${NOPE}-y')
  set('LEGACY_MULTI', VALUES.MULTILINE!)
  set('LEGACY_EMPTY', '')
  set('DB_HOST', 'db.legacy.internal', { path: '/common' })
  set('COMMON_ONLY', 'from-common-import', { path: '/common' })
  set('DB_USER', 'imported-user-loses', { path: '/common' })
  set('DEV_DB', 'devdb', { environment: 'dev' })
  server.addImport(legacy.id, { environment: 'prod', secretPath: '/' }, { environment: 'prod', secretPath: '/common' })
  legacyToken = server.createServiceToken(legacy.id, {
    scopes: [
      { environment: 'prod', secretPath: '/**' },
      { environment: 'dev', secretPath: '/' },
    ],
  })
})

afterAll(async () => server.close())

beforeEach(() => server.resetLog())

function inputs(token: string, secrets: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    access_token: token,
    secrets,
    base_url: server.url,
    set_env: 'true',
    timeout: '20',
    include_imports: 'true',
    recursive: 'false',
    ...extra,
  }
}

const parts = (token: string): string[] => {
  const [, id, secret, key] = token.split('.') as [string, string, string, string]
  return [token, `st.${id}.${secret}`, secret, key]
}

/** The log a person sees must show no value, token part or access token outside ::add-mask:: lines. */
function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of secrets) {
    for (const line of secret.split(/\r?\n/).map((l) => l.trim())) if (line.length >= 4) expect(log).not.toContain(line)
  }
}

function expectNothingExported(run: ActionRun): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
}

/** No request carried the token's key part anywhere, and every one sent exactly the bearer. */
function expectKeyNeverSent(token: string): void {
  const [, bearer, , key] = parts(token) as [string, string, string, string]
  expect(server.requests.length).toBeGreaterThan(0)
  for (const r of server.requests) {
    expect(r.headers.authorization).toBe(`Bearer ${bearer}`)
    expect(r.headers['x-api-key']).toBeUndefined()
    expect(`${r.query} ${r.body} ${JSON.stringify(r.headers)}`).not.toContain(key)
  }
}

const calls = (): string[] =>
  server.requests.map(
    (r) => `${r.method} ${r.path} ${r.params.environment ?? ''}:${r.params.secretPath ?? ''} ${r.status}`,
  )

describe('service token, current (raw) project', () => {
  test('KEY > NAME, KEY and /path/KEY: exact values, masked line by line, details + 1 read per folder', async () => {
    const mapping = [
      ...Object.keys(VALUES).map((k) => `${k} > ${k}_OUT`),
      'API_URL',
      '/shared/STRIPE_KEY > STRIPE_KEY',
      'api-key > API_KEY',
    ].join('\n')
    const run = await runAction(inputs(rawToken, mapping, { environment: 'prod', secret_path: 'backend/' }))
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    const expected: Record<string, string> = {
      ...Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [`${k}_OUT`, v])),
      API_URL: 'https://api.example.com/v1',
      STRIPE_KEY: 'sk_live_shared_stripe',
      API_KEY: 'k-raw-123456',
    }
    expect(Object.fromEntries(run.env)).toEqual(expected)
    expect(Object.fromEntries(run.outputs)).toEqual(expected)
    for (const value of Object.values(expected).filter((v) => v !== '')) {
      expect(run.masks).toContain(value)
      for (const line of value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean))
        expect(run.masks).toContain(line)
    }
    for (const p of parts(rawToken)) expect(run.masks).toContain(p)
    expect(calls()).toEqual([
      'GET /api/v2/service-token : 200',
      'GET /api/v3/secrets/raw prod:/backend 200',
      'GET /api/v3/secrets/raw prod:/shared 200',
    ])
    expect(server.requests[1]!.params).toEqual({
      workspaceId: raw.id,
      environment: 'prod',
      secretPath: '/backend',
      include_imports: 'true',
      recursive: 'false',
      expandSecretReferences: 'true',
    })
    expectKeyNeverSent(rawToken)
    expectNoLeak(run, [...parts(rawToken), ...Object.values(expected)])
    // Every mask comes before the first export.
    const firstExport = run.stdout.indexOf('inject-secrets:')
    expect(run.stdout.lastIndexOf('::add-mask::')).toBeLessThan(firstExport)
  })

  test('empty secrets: everything in scope, local secrets beat imports, invalid keys must be mapped', async () => {
    const failed = await runAction(inputs(rawToken, '', { environment: 'prod', secret_path: '/backend' }))
    expectNothingExported(failed)
    expect(failed.error).toMatch(
      /Input 'secrets' is empty, which means every secret in scope, but these keys are not valid environment variable names: "api-key"\. Map each explicitly on its own line, e\.g\. 'api-key > API_KEY'; the wildcard then leaves it to that line/,
    )

    server.resetLog()
    const run = await runAction(
      inputs(rawToken, '*\napi-key > API_KEY', { environment: 'prod', secret_path: '/backend' }),
    )
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual({
      ...VALUES,
      API_URL: 'https://api.example.com/v1',
      API_KEY: 'k-raw-123456',
      HOST: 'api.example.com',
      STRIPE_KEY: 'sk_live_shared_stripe',
    })
    expect(run.env.get('DATABASE_URL')).toBe(VALUES.DATABASE_URL)
    expect(calls()).toEqual(['GET /api/v2/service-token : 200', 'GET /api/v3/secrets/raw prod:/backend 200'])
  })

  test('one scope and no environment input: the scope chooses environment and folder; include_imports false', async () => {
    const token = server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/shared' }] })
    const run = await runAction(inputs(token, '', { include_imports: 'false' }))
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual({
      HOST: 'api.example.com',
      STRIPE_KEY: 'sk_live_shared_stripe',
      DATABASE_URL: 'imported-must-lose',
    })
    expect(calls()).toEqual(['GET /api/v2/service-token : 200', 'GET /api/v3/secrets/raw prod:/shared 200'])
  })

  test('recursive: sub-folders come in; a key in two folders fails unless its folder is named', async () => {
    const run = await runAction(
      inputs(rawToken, 'DEEP\n/shared/HOST > H', {
        environment: 'prod',
        secret_path: '/backend',
        recursive: 'true',
        include_imports: 'FALSE',
      }),
    )
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual({ DEEP: 'deep-value-raw', H: 'api.example.com' })
    server.resetLog()
    server.setSecret(raw.id, { environment: 'prod', path: '/backend/deep', key: 'API_URL', value: 'shadow' })
    const clash = await runAction(
      inputs(rawToken, 'API_URL', { environment: 'prod', secret_path: '/backend', recursive: 'true' }),
    )
    expectNothingExported(clash)
    expect(clash.error).toMatch(
      /line 1: the key "API_URL" exists in more than one folder of the recursive read \(prod:\/backend, prod:\/backend\/deep\)/,
    )
  })

  test('a value the token may not see fails when asked for, and is skipped with a warning by *', async () => {
    const project = server.createProject()
    server.setSecret(project.id, { environment: 'prod', key: 'OPEN', value: 'open-value' })
    server.setSecret(project.id, { environment: 'prod', key: 'HIDDEN', value: 'hidden-value' })
    server.hideSecretValue(project.id, 'prod', '/', 'HIDDEN')
    const token = server.createServiceToken(project.id)
    const asked = await runAction(inputs(token, 'HIDDEN'))
    expectNothingExported(asked)
    expect(asked.error).toMatch(/line 1: no permission to read the value of HIDDEN/)
    const all = await runAction(inputs(token, '*'))
    expect(Object.fromEntries(all.env)).toEqual({ OPEN: 'open-value' })
    expect(all.stdout).toMatch(
      /::warning::Skipping HIDDEN \(prod:\/\): the token may see this secret but not its value/,
    )
  })
})

describe('service token, legacy end-to-end-encrypted project', () => {
  test('decrypts client-side: personal overrides, imports, local and cross-folder references, multi-line values', async () => {
    const run = await runAction(
      inputs(legacyToken, 'DB_USER\nDB_PASS\nDSN\nCHAIN\nBROKEN\nCOMMON_ONLY\nLEGACY_MULTI\nLEGACY_EMPTY', {
        environment: 'prod',
      }),
    )
    expect(run.error).toBeUndefined()
    const expected = {
      DB_USER: 'legacy-user',
      DB_PASS: 'legacy-pass-personal',
      DSN: 'pg://legacy-user:legacy-pass-personal@db.legacy.internal/devdb',
      // `${KEY}` sees only its own folder, as on the server: an imported key is not in it (INF-REF-1, -3).
      CHAIN: 'pg://legacy-user:legacy-pass-personal@db.legacy.internal/devdb|${COMMON_ONLY}',
      BROKEN: 'x-${NOPE}-y',
      COMMON_ONLY: 'from-common-import',
      LEGACY_MULTI: VALUES.MULTILINE,
      LEGACY_EMPTY: '',
    }
    expect(Object.fromEntries(run.env)).toEqual(expected)
    // Details, the raw call that answers bot_not_found_error, the encrypted list, and one more encrypted
    // read for the `${dev.DEV_DB}` folder (the `${prod.common.…}` folder came with the import).
    expect(calls()).toEqual([
      'GET /api/v2/service-token : 200',
      'GET /api/v3/secrets/raw prod:/ 400',
      'GET /api/v3/secrets prod:/ 200',
      'GET /api/v3/secrets dev:/ 200',
    ])
    expect(server.requests[2]!.params).toEqual({
      workspaceId: legacy.id,
      environment: 'prod',
      secretPath: '/',
      include_imports: 'true',
      recursive: 'false',
    })
    // The warning names the key, never the value.
    expect(run.stdout).toMatch(
      /::warning::Secret BROKEN \(prod:\/\) holds a reference that could not be resolved; it is left as written\./,
    )
    expect(run.stdout).toMatch(/::warning::Secret CHAIN \(prod:\/\) holds a reference/)
    expect(run.stdout).not.toMatch(/::warning::Secret DSN/)
    for (const value of Object.values(expected).filter((v) => v !== '')) expect(run.masks).toContain(value)
    for (const p of parts(legacyToken)) expect(run.masks).toContain(p)
    expect(run.masks).toContain(legacy.key)
    expectKeyNeverSent(legacyToken)
    expectNoLeak(run, [
      ...parts(legacyToken),
      legacy.key!,
      'legacy-pass-personal',
      'legacy-pass-shared',
      'db.legacy.internal',
      VALUES.MULTILINE!,
    ])
  })

  test('client-side expansion gives what the server gives for the same data in a current project', async () => {
    const seed = (e2ee: boolean): string => {
      const p = server.createProject({ e2ee })
      const put = (key: string, value: string, path = '/', environment = 'prod'): void =>
        server.setSecret(p.id, { environment, path, key, value })
      put('A', 'a(${B})(${prod.lib.C})(${dev.D})(${A})(${MISSING})(${prod.lib})(${ unclosed')
      put('B', 'b<${prod.lib.C}>')
      put('C', 'c[${E}]', '/lib')
      put('E', 'e', '/lib')
      put('D', 'd{${prod.lib.E}}', '/', 'dev')
      put('LOOP1', '${LOOP2}')
      put('LOOP2', '${LOOP1}')
      put('DEEP0', '${DEEP1}')
      for (let i = 1; i < 12; i++) put(`DEEP${i}`, i === 11 ? 'bottom' : `\${DEEP${i + 1}}`)
      return server.createServiceToken(p.id, {
        scopes: [
          { environment: 'prod', secretPath: '/**' },
          { environment: 'dev', secretPath: '/' },
        ],
      })
    }
    const mapping = 'A\nB\nLOOP1\nLOOP2\nDEEP0\nDEEP5'
    const fromServer = await runAction(inputs(seed(false), mapping, { environment: 'prod' }))
    const fromClient = await runAction(inputs(seed(true), mapping, { environment: 'prod' }))
    expect(fromServer.error).toBeUndefined()
    expect(fromClient.error).toBeUndefined()
    expect(fromServer.env.get('A')).toBe('a(b<c[e]>)(c[e])(d{e})(${A})(${MISSING})(${prod.lib})(${ unclosed')
    expect(Object.fromEntries(fromClient.env)).toEqual(Object.fromEntries(fromServer.env))
  })

  test('the legacy details shape and the old bot wording work too', async () => {
    const old = await startInfisicalServer({ oldBotWording: true })
    try {
      const project = old.createProject({ e2ee: true })
      old.setSecret(project.id, { environment: 'dev', key: 'OLD', value: 'old-secret-value' })
      const token = old.createServiceToken(project.id, {
        scopes: [{ environment: 'dev', secretPath: '/' }],
        legacyShape: true,
      })
      const run = await runAction({ ...inputs(token, ''), base_url: `${old.url}/api/` })
      expect(run.error).toBeUndefined()
      expect(Object.fromEntries(run.env)).toEqual({ OLD: 'old-secret-value' })
      expect(old.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
        '/api/v2/service-token 200',
        '/api/v3/secrets/raw 400',
        '/api/v3/secrets 200',
      ])
    } finally {
      await old.close()
    }
  })
})

describe('machine identity (Universal Auth)', () => {
  test('client_id + client_secret + project slug: login, one raw read, same values, access token masked', async () => {
    const { clientId, clientSecret } = server.createIdentity([raw.id])
    const run = await runAction({
      secrets: 'DATABASE_URL > DB_URL\nMULTILINE\n/shared/STRIPE_KEY > STRIPE',
      base_url: server.url,
      client_id: clientId,
      client_secret: clientSecret,
      project: 'web-app',
      environment: 'prod',
      secret_path: '/backend',
    })
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual({
      DB_URL: VALUES.DATABASE_URL,
      MULTILINE: VALUES.MULTILINE,
      STRIPE: 'sk_live_shared_stripe',
    })
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v1/auth/universal-auth/login 200',
      'GET /api/v3/secrets/raw 200',
      'GET /api/v3/secrets/raw 200',
      'POST /api/v1/auth/token/revoke 200',
    ])
    expect(server.requests[1]!.params).toMatchObject({
      workspaceSlug: 'web-app',
      environment: 'prod',
      secretPath: '/backend',
      expandSecretReferences: 'true',
    })
    const accessToken = server.requests[1]!.headers.authorization!.slice('Bearer '.length)
    expect(run.masks).toContain(accessToken)
    expect(run.masks).toContain(clientSecret)
    expectNoLeak(run, [clientSecret, accessToken, VALUES.DATABASE_URL!, VALUES.MULTILINE!])
  })

  test('a project id is sent as workspaceId', async () => {
    const { clientId, clientSecret } = server.createIdentity([raw.id])
    const run = await runAction({
      secrets: 'HOST',
      base_url: server.url,
      client_id: clientId,
      client_secret: clientSecret,
      project: raw.id,
      environment: 'prod',
      secret_path: '/shared',
    })
    expect(run.env.get('HOST')).toBe('api.example.com')
    expect(server.requests[1]!.params.workspaceId).toBe(raw.id)
  })

  test('a wrong client secret fails once (no retry: lockout) and names the whitespace cause', async () => {
    const { clientId, clientSecret } = server.createIdentity([raw.id])
    const run = await runAction({
      secrets: '',
      base_url: server.url,
      client_id: clientId,
      client_secret: `${clientSecret}x`,
      project: raw.id,
      environment: 'prod',
    })
    expectNothingExported(run)
    expect(run.error).toMatch(
      /POST \/api\/v1\/auth\/universal-auth\/login failed with HTTP 401: Invalid credentials — UnauthorizedError \(reqId req-[0-9a-f]+\)\. Check 'client_id' and 'client_secret': invisible whitespace/,
    )
    expect(server.requests).toHaveLength(1)
    expectNoLeak(run, [clientSecret])
  })

  test('a legacy E2EE project cannot be read by a machine identity', async () => {
    const { clientId, clientSecret } = server.createIdentity([legacy.id])
    const run = await runAction({
      secrets: '',
      base_url: server.url,
      client_id: clientId,
      client_secret: clientSecret,
      project: legacy.id,
      environment: 'prod',
    })
    expectNothingExported(run)
    expect(run.error).toMatch(/is a legacy end-to-end encrypted project, which a machine identity cannot read/)
  })
})

describe('failures export nothing, leak nothing and say what is wrong', () => {
  const cases: Array<{ name: string; setup: () => Record<string, string>; error: RegExp; requests?: number }> = [
    {
      name: 'an expired token',
      setup: () =>
        inputs(server.createServiceToken(raw.id, { expiresAt: new Date(Date.now() - 60_000) }), 'HOST', {
          secret_path: '/shared',
        }),
      error:
        /GET \/api\/v2\/service-token failed with HTTP 403: Service token has expired .*\(reqId req-[0-9a-f]+\)\. The service token was refused/,
      requests: 1,
    },
    {
      name: 'a token without read permission',
      setup: () =>
        inputs(server.createServiceToken(raw.id, { permissions: ['write'] }), 'HOST', { secret_path: '/shared' }),
      error: /The service token has no 'read' permission \(it has: write\)/,
      requests: 1,
    },
    {
      name: 'an environment outside the scopes',
      setup: () => inputs(rawToken, 'HOST', { environment: 'dev' }),
      error: /Input 'environment' is 'dev', but the service token may read only 'prod' \(scopes: prod:\/\*\*\)/,
      requests: 1,
    },
    {
      name: 'a secret_path outside the scopes',
      setup: () =>
        inputs(
          server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/backend/**' }] }),
          'HOST',
          { secret_path: '/shared' },
        ),
      error:
        /Input 'secret_path': folder '\/shared' in environment 'prod' is outside the service token's scopes \(prod:\/backend\/\*\*\)/,
      requests: 1,
    },
    {
      name: 'a /path line outside the scopes',
      setup: () =>
        inputs(
          server.createServiceToken(raw.id, { scopes: [{ environment: 'prod', secretPath: '/backend/**' }] }),
          'DATABASE_URL\n/shared/HOST > H',
          { secret_path: '/backend' },
        ),
      error:
        /Input 'secrets', line 2: folder '\/shared' in environment 'prod' is outside the service token's scopes \(prod:\/backend\/\*\*\)/,
      requests: 1,
    },
    {
      name: 'several environments and no environment input',
      setup: () => inputs(legacyToken, 'DB_USER'),
      error: /Input 'environment' is required: the service token covers 2 environments \('prod', 'dev'\)/,
      requests: 1,
    },
    {
      name: 'a tampered tag in the E2EE project',
      setup: () => {
        const project = server.createProject({ e2ee: true })
        server.setSecret(project.id, { environment: 'prod', key: 'GOOD', value: 'good-value-e2ee' })
        server.setSecret(project.id, { environment: 'prod', key: 'BAD', value: 'tampered-value-e2ee' })
        server.tamperSecret(project.id, 'prod', '/', 'BAD', 'value')
        return inputs(server.createServiceToken(project.id), 'GOOD')
      },
      error: /Secret #2 of GET \/api\/v3\/secrets \(prod:\/\) could not be decrypted: authentication failed/,
      requests: 3,
    },
    {
      name: "a token key that does not fit the project's sealed key",
      setup: () => {
        const t = server.createServiceToken(legacy.id)
        return inputs(t.replace(/\.[0-9a-f]{32}$/, `.${'0'.repeat(32)}`), 'DB_USER', { environment: 'prod' })
      },
      error: /The service token's key does not match this project \(authentication failed/,
      requests: 2,
    },
    {
      name: 'a token made without the key on an E2EE project',
      setup: () => inputs(server.createServiceToken(legacy.id, { withKey: false }), 'DB_USER'),
      error:
        /this token cannot decrypt an end-to-end encrypted project; upgrade the project or create the token with a client that stores the key/i,
      requests: 2,
    },
    {
      name: 'a bad mapping line',
      setup: () => inputs(rawToken, 'HOST\napi-key', { secret_path: '/shared' }),
      error: /Input 'secrets', line 2: the key "api-key" is not a valid environment variable name/,
      requests: 0,
    },
    {
      name: 'a missing key',
      setup: () => inputs(rawToken, 'NOPE > X', { secret_path: '/shared' }),
      error:
        /Input 'secrets', line 1: no secret "NOPE" in environment 'prod', folder '\/shared' \(imports included\) of project [0-9a-f-]{36}\. Keys are case-sensitive\./,
      requests: 2,
    },
    {
      name: 'a folder that does not exist (INF-ERR-2 names project, environment, folder and scopes)',
      setup: () => inputs(rawToken, 'X', { secret_path: '/nowhere' }),
      error:
        /GET \/api\/v3\/secrets\/raw failed with HTTP 404: Folder with path '\/nowhere' in environment 'prod' was not found.*Requested project [0-9a-f-]{36}, environment 'prod', folder '\/nowhere'; the token's scopes: prod:\/\*\*/,
      requests: 2,
    },
    {
      name: 'a malformed token',
      setup: () => inputs(rawToken.replace(/\.[0-9a-f]{32}$/, ''), 'X'),
      error: /Input 'access_token' is not a valid Infisical service token: it has the wrong number of parts/,
      requests: 0,
    },
    {
      name: 'an unknown token id',
      setup: () => inputs(rawToken.replace(/^st\.[^.]+/, 'st.00000000-0000-4000-8000-000000000000'), 'X'),
      error: /GET \/api\/v2\/service-token failed with HTTP 404: Service token with ID '\*\*\*' not found/,
      requests: 1,
    },
    {
      name: 'a token and a machine identity at once',
      setup: () => ({ ...inputs(rawToken, 'X'), client_id: 'id', client_secret: 'secret-value' }),
      error: /Give either 'access_token' \(an Infisical service token\) or 'client_id' \+ 'client_secret'/,
      requests: 0,
    },
    {
      name: 'client_id without client_secret',
      setup: () => ({ secrets: 'X', base_url: server.url, client_id: 'some-id' }),
      error: /Input 'client_secret' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'/,
      requests: 0,
    },
    {
      name: 'a machine identity without environment',
      setup: () => ({
        secrets: 'X',
        base_url: server.url,
        client_id: 'id',
        client_secret: 'secret-value',
        project: 'web-app',
      }),
      error: /Input 'environment' is required with 'client_id' \+ 'client_secret'/,
      requests: 0,
    },
    {
      name: 'neither a token nor a machine identity',
      setup: () => ({ secrets: 'X', base_url: server.url, provider: 'infisical' }),
      error: /Input 'access_token' is empty: it is required/,
      requests: 0,
    },
    {
      name: 'a bad recursive value',
      setup: () => inputs(rawToken, 'X', { recursive: 'yes' }),
      error: /Input 'recursive' must be 'true' or 'false', got 'yes'/,
      requests: 0,
    },
    {
      name: 'a project id that is not the token project',
      setup: () => inputs(rawToken, 'X', { project: legacy.id }),
      error: /Input 'project' is [0-9a-f-]{36}, but the service token belongs to project [0-9a-f-]{36}/,
      requests: 1,
    },
  ]

  test.each(cases)('$name', async ({ setup, error, requests }) => {
    const given = setup()
    const run = await runAction(given)
    expectNothingExported(run)
    expect(run.error).toMatch(error)
    if (requests !== undefined) expect(server.requests).toHaveLength(requests)
    const token = given.access_token ?? ''
    const secrets = token.startsWith('st.') && token.split('.').length === 4 ? parts(token) : token ? [token] : []
    expectNoLeak(run, [
      ...secrets,
      ...(given.client_secret ? [given.client_secret] : []),
      legacy.key!,
      'tampered-value-e2ee',
      'good-value-e2ee',
      'sk_live_shared_stripe',
    ])
    expect(maskedLog(run)).toContain('inject-secrets:')
  })
})
