/**
 * Interop with the vendor's own client, `@bitwarden/sdk-napi@1.0.0`, against the local test server.
 *
 * The SDK logs in with its own parser, key derivation and crypto, writes secrets it encrypted
 * itself, and reads back what the server encrypted with node:crypto. If the server drifted from the
 * real protocol, the vendor's client would be the first to notice. The same runs check the SDK wire
 * behaviour: the login request (docs/protocols/bitwarden.md#login-request), renewal
 * (docs/protocols/bitwarden.md#token-renewal) and no retry on 401/5xx (docs/protocols/bitwarden.md#test-server).
 *
 * The binding exists for linux-x64 (glibc) only on this registry; `npm test` installs it in its
 * `pretest` step. Elsewhere the suite is skipped with a loud warning; on linux-x64 a missing SDK
 * is a failure, not a skip.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  SPEC_VECTOR,
  seedDemo,
  seedSpecVector,
  startBitwardenServer,
  type BitwardenServer,
  type BitwardenServerOptions,
} from '../../../test/servers/bitwarden.js'
import { toBase64 } from '../../../test/servers/bitwarden-crypto.js'
import {
  SDK_PACKAGE,
  loadSdk,
  sdkClient,
  sdkPlatformSupported,
  writeSecretsWithSdk,
  type SdkModule,
} from '../../../test/servers/bitwarden-sdk.js'

const supported = sdkPlatformSupported()
if (!supported) {
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!! SKIPPING the ${SDK_PACKAGE} interop tests: the registry carries its native binding for`,
      `!! linux-x64 with glibc only, and this machine (${process.platform}-${process.arch}) is not that.`,
      '!! The server itself is still covered by __tests__/server-bitwarden.test.ts; run this suite',
      '!! on Linux x64 (glibc) to check interop with the vendor SDK.',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    ].join('\n'),
  )
}

// On linux-x64 this throws (failing the suite) if the pretest install did not happen.
const sdk: SdkModule | undefined = supported ? loadSdk() : undefined
const describeSdk = supported ? describe : describe.skip

const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGUgZm9yIHRlc3RzIG9ubHkwCgYIKoZI',
  'zj0EAwIwFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wHhcNMjYwMTAxMDAwMDAwWhcN',
  '-----END CERTIFICATE-----',
  '',
].join('\n')

let server: BitwardenServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(opts?: BitwardenServerOptions): Promise<BitwardenServer> {
  server = await startBitwardenServer(opts)
  return server
}

function needSdk(): SdkModule {
  if (!sdk) throw new Error('unreachable: suite is skipped without the SDK')
  return sdk
}

/** A fresh org and a machine account with no grants: it can only use what it creates itself. */
function freshAccount(s: BitwardenServer): { orgId: string; token: string } {
  const org = s.createOrganization()
  return { orgId: org.id, token: s.createAccessToken(s.createMachineAccount(org.id)) }
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('expected the SDK call to fail')
}

describeSdk(`${SDK_PACKAGE}@1.0.0 against the test server`, () => {
  it('writes secrets with its own crypto and reads them back; the server decrypts them too', async () => {
    const s = await start()
    const { orgId, token } = freshAccount(s)
    const input = [
      { key: 'TLS_CERT', value: PEM, note: 'multi-line, trailing newline' },
      { key: 'GREETING', value: 'Grüße, 世界! 🔐', note: 'ünïcödé note' },
      { key: 'CRLF', value: 'a\r\nb' },
      { key: 'PERCENT', value: '%0A::add-mask::"q"\n' },
    ]
    const written = await writeSecretsWithSdk(s, token, orgId, { projectName: 'interop ✓', secrets: input }, needSdk())
    const { client, projectId } = written
    const ids = written.secrets.map((x) => x.id)

    // Our server's node:crypto decrypts what the SDK encrypted.
    expect(s.readProjectName(projectId)).toBe('interop ✓')
    for (const [i, x] of input.entries()) {
      expect(s.readSecret(ids[i] ?? '')).toEqual({
        key: x.key,
        value: x.value,
        note: x.note ?? '',
        projectIds: [projectId],
      })
    }

    // And the SDK reads it back through every read path.
    const byIds = await client.secrets().getByIds(ids)
    expect(byIds.data.map((x) => [x.id, x.key, x.value, x.note, x.projectId])).toEqual(
      input.map((x, i) => [ids[i], x.key, x.value, x.note ?? '', projectId]),
    )
    const listed = await client.secrets().list(orgId)
    expect(listed.data.map((x) => x.key).sort()).toEqual(input.map((x) => x.key).sort())
    const one = await client.secrets().get(ids[0] ?? '')
    expect([one.key, one.value, one.organizationId]).toEqual(['TLS_CERT', PEM, orgId])
    const projects = await client.projects().list(orgId)
    expect(projects.data.map((p) => [p.id, p.name])).toEqual([[projectId, 'interop ✓']])
    const sync = await client.secrets().sync(orgId)
    expect(sync.hasChanges).toBe(true)
    expect((sync.secrets ?? []).map((x) => x.value).sort()).toEqual(input.map((x) => x.value).sort())

    // The SDK refuses an empty value before sending anything (the server and the action allow one:
    // docs/protocols/bitwarden.md#deviations).
    const before = s.requests.length
    expect(await failure(client.secrets().create(orgId, 'EMPTY', '', '', [projectId]))).toBe('value must not be empty')
    expect(s.requests).toHaveLength(before)

    // Update and delete go through PUT /secrets/{id} and POST /secrets/delete.
    const updated = await client.secrets().update(orgId, ids[1] ?? '', 'GREETING', 'neu', 'n', [projectId])
    expect(updated.value).toBe('neu')
    expect(s.readSecret(ids[1] ?? '').value).toBe('neu')
    const deleted = await client.secrets().delete([ids[3] ?? ''])
    expect(deleted.data).toEqual([{ id: ids[3], error: '' }])
    expect(s.getStoredSecret(ids[3] ?? '')).toBeUndefined()
  })

  it('reads every demo secret the server encrypted, byte for byte', async () => {
    const s = await start()
    const demo = seedDemo(s)
    const client = sdkClient(needSdk(), s)
    await client.auth().loginAccessToken(demo.token)
    const readable = Object.values(demo.secrets).filter((x) => x.id !== demo.secretIds.hidden)
    const got = await client.secrets().getByIds(readable.map((x) => x.id))
    const byId = new Map(got.data.map((x) => [x.id, x]))
    for (const x of readable) {
      expect(byId.get(x.id)).toMatchObject({ key: x.key, value: x.value, note: x.note, organizationId: demo.orgId })
    }
    const listed = await client.secrets().list(demo.orgId)
    expect(listed.data.filter((x) => x.key === demo.ambiguousKey)).toHaveLength(2)
  })

  it('logs in with the official token of docs/protocols/bitwarden.md#login-vector and decrypts the official secret', async () => {
    const s = await start()
    const vector = seedSpecVector(s)
    const client = sdkClient(needSdk(), s)
    await client.auth().loginAccessToken(SPEC_VECTOR.token)
    const secret = await client.secrets().get(vector.secretId)
    expect([secret.key, secret.value, secret.note, secret.organizationId]).toEqual([
      'TEST',
      'TEST',
      'TEST',
      SPEC_VECTOR.organizationId,
    ])
    const byIds = await client.secrets().getByIds([vector.secretId])
    expect(byIds.data.map((x) => x.value)).toEqual(['TEST'])
  })

  it('sends the login request of docs/protocols/bitwarden.md#login-request exactly', async () => {
    const s = await start()
    const { token } = freshAccount(s)
    const [clientId, clientSecret] = [token.split('.')[1], token.split('.')[2]?.split(':')[0]]
    await sdkClient(needSdk(), s).auth().loginAccessToken(token)
    const [req] = s.requests
    expect(req).toMatchObject({ method: 'POST', path: '/identity/connect/token', query: '', status: 200 })
    expect(req?.body).toBe(
      `scope=api.secrets&client_id=${clientId}&client_secret=${clientSecret}&grant_type=client_credentials`,
    )
    expect(req?.headers).toMatchObject({
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'application/json',
      'device-type': '21',
    })
    expect(req?.headers.authorization).toBeUndefined()
  })

  it('reports the vendor texts (docs/protocols/bitwarden.md#login-errors) for invalid_client, a wrong seed (MAC) and a missing secret (404)', async () => {
    const s = await start()
    const demo = seedDemo(s)
    const client = (): ReturnType<typeof sdkClient> => sdkClient(needSdk(), s)

    const revoked = s.createAccessToken(demo.accountId)
    s.revokeAccessToken(revoked)
    expect(await failure(client().auth().loginAccessToken(revoked))).toBe(
      'Received error message from server: [400 Bad Request] {"error":"invalid_client"}',
    )

    const wrongSeed = demo.token.replace(/:.*$/, `:${toBase64(new Uint8Array(16).fill(7))}`)
    expect(await failure(client().auth().loginAccessToken(wrongSeed))).toBe(
      "Cryptography error, The cipher's MAC doesn't match the expected value",
    )

    const ok = client()
    await ok.auth().loginAccessToken(demo.token)
    expect(await failure(ok.secrets().getByIds([demo.secretIds.databaseUrl, demo.secretIds.hidden]))).toBe(
      'Received error message from server: [404 Not Found] {"message":"Resource not found.","validationErrors":null,"exceptionMessage":null,"exceptionStackTrace":null,"innerExceptionMessage":null,"object":"error"}',
    )
  })

  it('does not retry a 401, a 429 or a 503 (napi 1.0.0)', async () => {
    const clock = { now: Date.now() }
    const s = await start({
      now: () => clock.now,
      rateLimit: { postPerSecond: 1 },
      onRequest: (req) =>
        req.path.startsWith('/api/secrets/') && req.method === 'GET' ? { status: 503, body: 'busy' } : undefined,
    })
    const demo = seedDemo(s)
    const client = sdkClient(needSdk(), s)
    await client.auth().loginAccessToken(demo.token)

    expect(await failure(client.secrets().get(demo.secretIds.databaseUrl))).toBe(
      'Received error message from server: [503 Service Unavailable] busy',
    )
    expect((await client.secrets().getByIds([demo.secretIds.databaseUrl])).data).toHaveLength(1)
    expect(await failure(client.secrets().getByIds([demo.secretIds.databaseUrl]))).toContain('[429 Too Many Requests]')

    // The server's clock passes the JWT's exp; the SDK's own clock says it is fresh, so it sends it.
    clock.now += 2 * 3600 * 1000
    expect(await failure(client.secrets().list(demo.orgId))).toBe(
      'Received error message from server: [401 Unauthorized] ',
    )

    expect(s.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`)).toEqual([
      'POST /identity/connect/token 200',
      'GET /api/secrets/{id} 503',
      'POST /api/secrets/get-by-ids 200',
      'POST /api/secrets/get-by-ids 429',
      'GET /api/organizations/{id}/secrets 401',
    ])
  })

  it('logs in again before every request when expires_in < 300 (docs/protocols/bitwarden.md#token-renewal)', async () => {
    const s = await start({ accessTokenLifetime: 299 })
    const demo = seedDemo(s)
    const client = sdkClient(needSdk(), s)
    await client.auth().loginAccessToken(demo.token)
    await client.secrets().get(demo.secretIds.databaseUrl)
    await client.secrets().get(demo.secretIds.databaseUrl)
    expect(s.requests.map((r) => r.path.split('/')[1])).toEqual(['identity', 'identity', 'api', 'identity', 'api'])
  })
})
