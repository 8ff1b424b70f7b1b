// Proves the Infisical test server with the vendor's own client, @infisical/sdk (a devDependency):
// the SDK logs in with Universal Auth against our server and lists the same secrets the action
// exports, and reads the same project with a service token's bearer. If the server drifted from
// what Infisical's clients expect, these would fail before any action test could be trusted.
import { InfisicalSDK } from '@infisical/sdk'
import { startInfisicalServer, type InfisicalServer, type ProjectInfo } from '../../../test/servers/infisical.js'
import { runAction } from '../../../test/harness/run-action.js'

let server: InfisicalServer
let project: ProjectInfo
let identity: { clientId: string; clientSecret: string }

beforeAll(async () => {
  server = await startInfisicalServer()
  project = server.createProject({ slug: 'sdk-app' })
  const put = (key: string, value: string, path = '/app'): void =>
    server.setSecret(project.id, { environment: 'prod', path, key, value })
  put('DB_URL', 'postgres://sdk:pw@db/app')
  put('PEM', '-----BEGIN-----\nline two\n-----END-----')
  put('GREETING', 'hello ${NAME}')
  put('NAME', 'world')
  put('LINK', '${prod.lib.SHARED_TOKEN}')
  put('SHARED_TOKEN', 'shared-token-value', '/lib')
  put('FROM_LIB', 'lib-value', '/lib')
  put('DB_URL', 'import-loses', '/lib')
  server.addImport(project.id, { environment: 'prod', secretPath: '/app' }, { environment: 'prod', secretPath: '/lib' })
  identity = server.createIdentity([project.id])
})

afterAll(async () => server.close())

/** The vendor action's merge (docs/protocols/infisical.md#merging): local first, then imports from last to first, filling gaps. */
function vendorMerge(res: {
  secrets: Array<{ secretKey: string; secretValue: string }>
  imports?: Array<{ secrets: Array<{ secretKey: string; secretValue: string }> }>
}): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of res.secrets) out[s.secretKey] = s.secretValue
  for (const imp of [...(res.imports ?? [])].reverse())
    for (const s of imp.secrets) if (!(s.secretKey in out)) out[s.secretKey] = s.secretValue
  return out
}

test('@infisical/sdk: Universal Auth login against our server, then listSecrets gives what the action exports', async () => {
  const sdk = new InfisicalSDK({ siteUrl: server.url })
  await sdk.auth().universalAuth.login(identity)
  const listed = await sdk.secrets().listSecrets({
    projectId: project.id,
    environment: 'prod',
    secretPath: '/app',
    includeImports: true,
    expandSecretReferences: true,
  })
  const viaSdk = vendorMerge(listed)
  expect(viaSdk).toEqual({
    DB_URL: 'postgres://sdk:pw@db/app',
    PEM: '-----BEGIN-----\nline two\n-----END-----',
    GREETING: 'hello world',
    NAME: 'world',
    LINK: 'shared-token-value',
    SHARED_TOKEN: 'shared-token-value',
    FROM_LIB: 'lib-value',
  })
  expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    'POST /api/v1/auth/universal-auth/login 200',
    'GET /api/v3/secrets/raw 200',
  ])

  server.resetLog()
  const run = await runAction({
    secrets: '',
    base_url: server.url,
    client_id: identity.clientId,
    client_secret: identity.clientSecret,
    project: 'sdk-app',
    environment: 'prod',
    secret_path: '/app',
  })
  expect(run.error).toBeUndefined()
  expect(Object.fromEntries(run.env)).toEqual(viaSdk)
  // Same wire: the same endpoint and booleans as the SDK sends.
  expect(server.requests[1]!.params).toMatchObject({
    environment: 'prod',
    secretPath: '/app',
    include_imports: 'true',
    expandSecretReferences: 'true',
  })
})

test('two imports holding one key: the action keeps the last import (vendor action, docs); the SDK helper keeps the first (docs/protocols/infisical.md#merging)', async () => {
  const put = (key: string, value: string, path: string): void =>
    server.setSecret(project.id, { environment: 'prod', path, key, value })
  put('LOCAL', 'local-value', '/multi')
  put('DUP', 'from-first-import', '/first')
  put('DUP', 'from-last-import', '/last')
  server.addImport(
    project.id,
    { environment: 'prod', secretPath: '/multi' },
    { environment: 'prod', secretPath: '/first' },
  )
  server.addImport(
    project.id,
    { environment: 'prod', secretPath: '/multi' },
    { environment: 'prod', secretPath: '/last' },
  )
  const sdk = new InfisicalSDK({ siteUrl: server.url })
  await sdk.auth().universalAuth.login(identity)
  const helper = await sdk
    .secrets()
    .listSecretsWithImports({ projectId: project.id, environment: 'prod', secretPath: '/multi' })
  expect(Object.fromEntries(helper.map((s) => [s.secretKey, s.secretValue]))).toEqual({
    LOCAL: 'local-value',
    DUP: 'from-first-import',
  })
  const listed = await sdk
    .secrets()
    .listSecrets({ projectId: project.id, environment: 'prod', secretPath: '/multi', includeImports: true })
  expect(vendorMerge(listed)).toEqual({ LOCAL: 'local-value', DUP: 'from-last-import' })
  const run = await runAction({
    secrets: '',
    base_url: server.url,
    client_id: identity.clientId,
    client_secret: identity.clientSecret,
    project: project.id,
    environment: 'prod',
    secret_path: '/multi',
  })
  expect(Object.fromEntries(run.env)).toEqual({ LOCAL: 'local-value', DUP: 'from-last-import' })
})

test("@infisical/sdk with a service token's bearer reads the raw endpoint of our server like the action", async () => {
  const token = server.createServiceToken(project.id, { scopes: [{ environment: 'prod', secretPath: '/app' }] })
  const bearer = token.slice(0, token.lastIndexOf('.'))
  const sdk = new InfisicalSDK({ siteUrl: server.url }).auth().accessToken(bearer)
  const listed = await sdk
    .secrets()
    .listSecrets({ projectId: project.id, environment: 'prod', secretPath: '/app', includeImports: true })
  const run = await runAction({ access_token: token, secrets: '*', base_url: server.url })
  expect(run.error).toBeUndefined()
  expect(Object.fromEntries(run.env)).toEqual(vendorMerge(listed))
})

test('@infisical/sdk sees our error shape: a bad login is a 401 with Infisical’s message', async () => {
  const sdk = new InfisicalSDK({ siteUrl: server.url })
  await expect(sdk.auth().universalAuth.login({ clientId: identity.clientId, clientSecret: 'wrong' })).rejects.toThrow(
    /Invalid credentials|401/,
  )
})
