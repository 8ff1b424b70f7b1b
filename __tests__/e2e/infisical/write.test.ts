// End to end: `node dist/write.js` against the local Infisical server (docs/protocols/infisical.md#writing):
// every folder read first (values as stored), a create (POST) or update (PATCH) per key, values
// compared in the form Infisical stores them (trimmed), a service token's write permission and scopes
// checked before the first write, a read-only identity's 403 explained, the login's access token
// revoked at the end; and what is written read back by the vendor's own client, @infisical/sdk.
import { InfisicalSDK } from '@infisical/sdk'
import { startGithubOidcServer, GITHUB_ISSUER, type GithubOidcServer } from '../../../test/servers/github-oidc.js'
import { startInfisicalServer, type InfisicalServer, type ProjectInfo } from '../../../test/servers/infisical.js'
import { maskedLog, runAction, WRITE_ENTRY, type ActionRun } from '../../../test/harness/run-action.js'

let server: InfisicalServer
let oidc: GithubOidcServer
let project: ProjectInfo
let identity: { clientId: string; clientSecret: string }
let readOnly: { clientId: string; clientSecret: string }
let onWrite: ((path: string) => void) | undefined

beforeAll(async () => {
  server = await startInfisicalServer({
    onRequest: (r) => {
      if (r.method === 'POST' || r.method === 'PATCH') onWrite?.(r.path)
      return undefined
    },
  })
  oidc = await startGithubOidcServer()
  project = server.createProject({ slug: 'release-app' })
  server.createFolder(project.id, 'prod', '/deploy')
  identity = server.createIdentity([project.id])
  readOnly = server.createIdentity([project.id], { readOnly: true })
})

afterAll(async () => {
  await server.close()
  await oidc.close()
})

beforeEach(() => {
  onWrite = undefined
  server.resetLog()
})

const login = (id = identity): Record<string, string> => ({
  base_url: server.url,
  client_id: id.clientId,
  client_secret: id.clientSecret,
  project: 'release-app',
  environment: 'prod',
})

const write = (secrets: string, env: Record<string, string>, extra: Record<string, string> = {}): Promise<ActionRun> =>
  runAction({ ...login(), secrets, ...extra }, { entry: WRITE_ENTRY, env })

const writes = (): string[] =>
  server.requests
    .filter((r) => r.method === 'POST' || r.method === 'PATCH')
    .filter((r) => !r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.path} ${r.status}`)

async function sdkRead(path: string): Promise<Record<string, string>> {
  const sdk = new InfisicalSDK({ siteUrl: server.url })
  await sdk.auth().universalAuth.login(identity)
  const listed = await sdk.secrets().listSecrets({
    projectId: project.id,
    environment: 'prod',
    secretPath: path,
    expandSecretReferences: false,
  })
  return Object.fromEntries(listed.secrets.map((s) => [s.secretKey, s.secretValue]))
}

describe('write action, Infisical', () => {
  test('Universal Auth: created, updated and unchanged; @infisical/sdk reads back exactly what was written; the access token revoked', async () => {
    server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'API_KEY', value: 'old-api-key' })
    server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'SAME', value: 'same-value' })
    server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'REF', value: '${SAME}' })
    const env = {
      NEW_KEY: 'minted-✓-key\nsecond line',
      PEM: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n',
      SAME: 'same-value',
      REF: '${SAME}',
      ROOT: 'root-value-123',
    }
    const revokedBefore = server.revoked.length
    const run = await write(
      [
        'NEW_KEY > /deploy/API_KEY',
        'PEM > /deploy/TLS_KEY',
        'SAME > /deploy/SAME',
        'REF > /deploy/REF',
        'ROOT > ROOT_KEY',
      ].join('\n'),
      env,
    )
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    expect(writes()).toEqual([
      'PATCH /api/v3/secrets/raw/API_KEY 200',
      'POST /api/v3/secrets/raw/TLS_KEY 200',
      'POST /api/v3/secrets/raw/ROOT_KEY 200',
    ])
    // The bodies are the raw API's: project, environment, folder, value, type shared.
    const body = JSON.parse(server.requests.find((r) => r.path.endsWith('/TLS_KEY'))!.body) as Record<string, unknown>
    expect(body).toEqual({
      projectSlug: 'release-app',
      environment: 'prod',
      secretPath: '/deploy',
      secretValue: env.PEM,
      type: 'shared',
    })
    expect(await sdkRead('/deploy')).toEqual({
      API_KEY: env.NEW_KEY,
      TLS_KEY: env.PEM,
      SAME: 'same-value',
      REF: '${SAME}',
    })
    expect(await sdkRead('/')).toEqual({ ROOT_KEY: env.ROOT })
    expect(run.stdout).toContain('line 1: NEW_KEY > prod:/deploy/API_KEY (version 2): updated')
    expect(run.stdout).toContain('line 3: SAME > prod:/deploy/SAME: unchanged')
    // A reference is compared as stored, not expanded.
    expect(run.stdout).toContain('line 4: REF > prod:/deploy/REF: unchanged')
    expect(run.stdout).toContain('5 targets in infisical: 2 created, 1 updated, 2 unchanged')
    expect(server.revoked.length).toBe(revokedBefore + 1)
    const log = maskedLog(run)
    for (const value of [...Object.values(env), 'old-api-key', identity.clientSecret]) expect(log).not.toContain(value)
    // Nothing was written twice: a second run finds everything unchanged.
    server.resetLog()
    const again = await write(['NEW_KEY > /deploy/API_KEY', 'PEM > /deploy/TLS_KEY'].join('\n'), env)
    expect(again.error).toBeUndefined()
    expect(writes()).toEqual([])
    expect(again.stdout).toContain('2 targets in infisical: 0 created, 0 updated, 2 unchanged')
  })

  test('a value the SDK created is updated by the action and read back by the SDK', async () => {
    const sdk = new InfisicalSDK({ siteUrl: server.url })
    await sdk.auth().universalAuth.login(identity)
    await sdk.secrets().createSecret('SDK_MADE', {
      projectId: project.id,
      environment: 'prod',
      secretPath: '/deploy',
      secretValue: 'made-by-sdk',
    })
    server.resetLog()
    const run = await write('V > /deploy/SDK_MADE', { V: 'updated-by-action' })
    expect(run.error).toBeUndefined()
    expect(writes()).toEqual(['PATCH /api/v3/secrets/raw/SDK_MADE 200'])
    const got = await sdk.secrets().listSecrets({ projectId: project.id, environment: 'prod', secretPath: '/deploy' })
    expect(got.secrets.find((s) => s.secretKey === 'SDK_MADE')).toMatchObject({
      secretValue: 'updated-by-action',
      version: 2,
    })
    // And the SDK's own update is seen as unchanged when the action writes the same value.
    await sdk.secrets().updateSecret('SDK_MADE', {
      projectId: project.id,
      environment: 'prod',
      secretPath: '/deploy',
      secretValue: 'sdk-again',
    })
    server.resetLog()
    const same = await write('V > /deploy/SDK_MADE', { V: 'sdk-again' })
    expect(same.error).toBeUndefined()
    expect(writes()).toEqual([])
  })

  test('whitespace Infisical trims: a warning, the trimmed value compared (unchanged on the next run)', async () => {
    const env = { PADDED: '  padded-value \n\n' }
    const run = await write('PADDED > /deploy/PADDED', env)
    expect(run.error).toBeUndefined()
    expect(run.stdout).toMatch(/line 1: PADDED has leading or trailing whitespace, which Infisical trims/)
    expect((await sdkRead('/deploy')).PADDED).toBe('padded-value\n')
    server.resetLog()
    const again = await write('PADDED > /deploy/PADDED', env)
    expect(again.error).toBeUndefined()
    expect(writes()).toEqual([])
    expect(again.stdout).toContain('0 created, 0 updated, 1 unchanged')
  })

  test('create: false with a missing key, a missing folder: errors before any write', async () => {
    const run = await write('V > /deploy/NOT_THERE', { V: 'x-value-1' }, { create: 'false' })
    expect(run.error).toBe(
      "inject-secrets: Input 'secrets', line 1: prod:/deploy/NOT_THERE does not exist in Infisical, and 'create' is false.",
    )
    const folder = await write('V > /deploy/ok/KEY', { V: 'x-value-1' })
    expect(folder.error).toMatch(/line 1: the folder failed with HTTP 404: .*the write action does not create folders/)
    expect(writes()).toEqual([])
  })

  test('a read-only identity: the 403 explained, nothing written, the token still revoked', async () => {
    const revokedBefore = server.revoked.length
    const run = await runAction(
      { ...login(readOnly), secrets: 'A > /deploy/RO_A\nB > /deploy/RO_B' },
      { entry: WRITE_ENTRY, env: { A: 'value-a-1', B: 'value-b-1' } },
    )
    expect(run.error).toMatch(
      /^inject-secrets: Writing stopped at line 1 \(prod:\/deploy\/RO_A\): Infisical refused to create a secret in environment 'prod' at '\/deploy' \(403\): the machine identity's project role needs permission/,
    )
    expect(run.error).toContain('Written before it: none. Not written: line 1, line 2 (prod:/deploy/RO_B).')
    expect(writes()).toEqual(['POST /api/v3/secrets/raw/RO_A 403'])
    expect(server.revoked.length).toBe(revokedBefore + 1)
  })

  test('a service token: without write permission, or outside its scopes, an error before any write', async () => {
    const ro = server.createServiceToken(project.id, { permissions: ['read'] })
    const noWrite = await runAction(
      { access_token: ro, base_url: server.url, environment: 'prod', secrets: 'V > /deploy/X' },
      { entry: WRITE_ENTRY, env: { V: 'value-x-1' } },
    )
    expect(noWrite.error).toBe(
      "inject-secrets: The service token has no 'write' permission (it has: read); create one with read and write access, or use a machine identity.",
    )
    const scoped = server.createServiceToken(project.id, {
      permissions: ['read', 'write'],
      scopes: [{ environment: 'prod', secretPath: '/deploy' }],
    })
    const outside = await runAction(
      { access_token: scoped, base_url: server.url, secrets: 'V > /deploy/INSIDE\nV > /other/X' },
      { entry: WRITE_ENTRY, env: { V: 'value-x-1' } },
    )
    expect(outside.error).toBe(
      "inject-secrets: Input 'secrets', line 2: the service token may not write to '/other' in 'prod' (its scopes: prod:/deploy).",
    )
    expect(writes()).toEqual([])
    // In scope, a bare KEY goes to the token's single folder.
    const inside = await runAction(
      { access_token: scoped, base_url: server.url, secrets: 'V > INSIDE' },
      { entry: WRITE_ENTRY, env: { V: 'value-inside-1' } },
    )
    expect(inside.error).toBeUndefined()
    expect(writes()).toEqual(['POST /api/v3/secrets/raw/INSIDE 200'])
    expect((await sdkRead('/deploy')).INSIDE).toBe('value-inside-1')
    expect(maskedLog(inside)).not.toContain(scoped)
  })

  test('created by someone else between the read and the write: nothing overwritten, said so', async () => {
    onWrite = (path) => {
      if (path.endsWith('/RACE'))
        server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'RACE', value: 'theirs' })
    }
    const run = await write('V > /deploy/RACE', { V: 'mine-value' })
    expect(run.error).toMatch(
      /HTTP 400: Secret already exist .*was created by someone else since it was read; nothing was overwritten/,
    )
    expect((await sdkRead('/deploy')).RACE).toBe('theirs')
  })

  test('dry_run: logged in, read and compared, nothing written', async () => {
    const run = await write('V > /deploy/DRY', { V: 'dry-value' }, { dry_run: 'true' })
    expect(run.error).toBeUndefined()
    expect(run.stdout).toContain('line 1: V > prod:/deploy/DRY: would be created')
    expect(writes()).toEqual([])
    expect(await sdkRead('/deploy')).not.toHaveProperty('DRY')
  })

  test('a legacy end-to-end-encrypted project: read-only here, said before any write', async () => {
    const legacy = server.createProject({ e2ee: true })
    const token = server.createServiceToken(legacy.id, { permissions: ['read', 'write'] })
    const run = await runAction(
      { access_token: token, base_url: server.url, environment: 'prod', secrets: 'V > KEY' },
      { entry: WRITE_ENTRY, env: { V: 'value-e2ee' } },
    )
    expect(run.error).toMatch(
      /^inject-secrets: The Infisical project is a legacy end-to-end-encrypted one, which the write action cannot write to/,
    )
    expect(writes()).toEqual([])
  })

  test("'${…}' in a value is a reference to Infisical: a warning; an existing one is written and expanded by readers, a missing one refused", async () => {
    server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'HOST', value: 'db.internal' })
    const env = { URL: 'postgres://${HOST}/app', BAD: 'uses ${NO_SUCH_KEY}' }
    const run = await write('URL > /deploy/DB_URL', env)
    expect(run.error).toBeUndefined()
    expect(run.stdout).toMatch(/line 1: URL contains '\$\{…\}', which Infisical takes as a reference to another secret/)
    expect((await sdkRead('/deploy')).DB_URL).toBe(env.URL)
    const read = await runAction({ ...login(), secret_path: '/deploy', secrets: 'DB_URL' })
    expect(read.env.get('DB_URL')).toBe('postgres://db.internal/app')
    const bad = await write('BAD > /deploy/BAD_REF', env)
    expect(bad.error).toMatch(/Writing stopped at line 1 .*HTTP 400: Referenced secret\(s\) not found: NO_SUCH_KEY/)
  })

  test('a folder under a change-approval policy: the approval request is an error naming it, nothing stored', async () => {
    server.createFolder(project.id, 'prod', '/guarded')
    server.requireApproval(project.id, 'prod', '/guarded')
    const run = await write('V > /guarded/KEY\nW > /deploy/AFTER_GUARD', { V: 'guarded-value', W: 'after-value' })
    expect(run.error).toMatch(
      /^inject-secrets: Writing stopped at line 1 \(prod:\/guarded\/KEY\): Infisical did not write KEY: a change-approval policy protects environment 'prod' at '\/guarded', and it opened approval request approval-[0-9a-f]{8}; the value is stored once the request is approved in Infisical\./,
    )
    expect(run.error).toContain('Not written: line 1, line 2 (prod:/deploy/AFTER_GUARD).')
    expect(await sdkRead('/guarded')).toEqual({})
  })

  test('a value hidden from the identity cannot be compared: it is rewritten (updated)', async () => {
    server.setSecret(project.id, { environment: 'prod', path: '/deploy', key: 'HIDDEN', value: 'hidden-before' })
    server.hideSecretValue(project.id, 'prod', '/deploy', 'HIDDEN')
    const run = await write('V > /deploy/HIDDEN', { V: 'hidden-before' })
    expect(run.error).toBeUndefined()
    expect(writes()).toEqual(['PATCH /api/v3/secrets/raw/HIDDEN 200'])
    expect(run.stdout).toContain('line 1: V > prod:/deploy/HIDDEN (version 2): updated')
  })

  test('AWS IAM (method: aws-iam): a signed GetCallerIdentity logs in, the value is written, the token revoked', async () => {
    const aws = {
      accessKeyId: 'AKIAEXAMPLE0000002',
      secretAccessKey: 'aws/secret+key/for+writes/0123456789abcdef',
      sessionToken: 'FwoGZXIvYXdzEXAMPLEWRITESESSION',
    }
    const id = server.createAwsIdentity([project.id], aws)
    const revokedBefore = server.revoked.length
    const run = await runAction(
      {
        domain: server.url,
        method: 'aws-iam',
        'identity-id': id,
        'project-slug': 'release-app',
        'env-slug': 'prod',
        'secret-path': '/deploy',
        secrets: 'V > FROM_AWS',
      },
      {
        entry: WRITE_ENTRY,
        env: {
          V: 'aws-written',
          AWS_ACCESS_KEY_ID: aws.accessKeyId,
          AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
          AWS_SESSION_TOKEN: aws.sessionToken,
          AWS_REGION: 'eu-west-1',
        },
      },
    )
    expect(run.error).toBeUndefined()
    expect(server.requests[0]!.path).toBe('/api/v1/auth/aws-auth/login')
    expect((await sdkRead('/deploy')).FROM_AWS).toBe('aws-written')
    expect(server.revoked.length).toBe(revokedBefore + 1)
    expect(maskedLog(run)).not.toContain(aws.secretAccessKey)
  })

  test("GitHub OIDC (secrets-action's method and identity-id): written, and the login's token revoked", async () => {
    const id = server.createOidcIdentity([project.id], {
      verify: (jwt) => oidc.signer.verify(jwt),
      boundIssuer: GITHUB_ISSUER,
      boundAudiences: '',
      boundSubject: '',
    })
    const revokedBefore = server.revoked.length
    const run = await runAction(
      {
        domain: server.url,
        method: 'oidc',
        'identity-id': id,
        'project-slug': 'release-app',
        'env-slug': 'prod',
        secrets: 'V > /deploy/FROM_OIDC',
      },
      { entry: WRITE_ENTRY, env: { ...oidc.env, V: 'oidc-written' } },
    )
    expect(run.error).toBeUndefined()
    expect((await sdkRead('/deploy')).FROM_OIDC).toBe('oidc-written')
    expect(server.revoked.length).toBe(revokedBefore + 1)
  })
})
