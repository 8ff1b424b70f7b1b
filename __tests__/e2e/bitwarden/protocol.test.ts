// What the action sends on the wire (BW-LOGIN-1) and how it renews its login (BW-LOGIN-8).
import { startBitwardenServer, seedSpecVector, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { runAction } from '../../../test/harness/run-action.js'

let server: BitwardenServer
afterEach(async () => {
  await server.close()
})

test('the login request is exactly the one of docs/protocols/bitwarden.md#login-request, and the official vector logs in', async () => {
  server = await startBitwardenServer()
  const { token, secretId } = seedSpecVector(server)
  const run = await runAction({
    access_token: token,
    secrets: `${secretId} > TEST`,
    base_url: server.url,
    set_env: 'true',
  })
  expect(run.error).toBeUndefined()
  expect(run.env.get('TEST')).toBe('TEST')
  const loginReq = server.requests[0]!
  expect(loginReq.method).toBe('POST')
  expect(loginReq.path).toBe('/identity/connect/token')
  expect(loginReq.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8')
  expect(loginReq.headers.accept).toBe('application/json')
  expect(loginReq.headers['device-type']).toBe('21')
  expect(loginReq.headers.authorization).toBeUndefined()
  expect(loginReq.body).toBe(
    'scope=api.secrets&client_id=ec2c1d46-6a4b-4751-a310-af9601317f2d&client_secret=C2IgxjjLF7qSshsbwe8JGcbM075YXw&grant_type=client_credentials',
  )
  const read = server.requests[1]!
  expect(read.headers.authorization).toMatch(/^Bearer ey/)
  expect(JSON.parse(read.body)).toEqual({ ids: [secretId] })
  // The JWT is masked as soon as it arrives.
  expect(run.masks).toContain(read.headers.authorization!.slice('Bearer '.length))
})

test('a login that expires within 300 s is renewed before each API request', async () => {
  server = await startBitwardenServer({ accessTokenLifetime: 200 })
  const org = server.createOrganization()
  const id = server.createSecret(org.id, { key: 'K', value: 'renewed-value' })
  const token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: [id] }))
  const run = await runAction({ access_token: token, secrets: `K > K`, base_url: server.url, set_env: 'true' })
  expect(run.error).toBeUndefined()
  expect(run.env.get('K')).toBe('renewed-value')
  expect(server.requests.map((r) => r.path.replace(/[0-9a-f-]{36}/g, ':id'))).toEqual([
    '/identity/connect/token',
    '/identity/connect/token',
    '/api/organizations/:id/secrets',
    '/identity/connect/token',
    '/api/secrets/get-by-ids',
  ])
})

test('a 401 from the API leads to one new login and one retry', async () => {
  server = await startBitwardenServer({
    onRequest: (r) => (r.path === '/api/secrets/get-by-ids' && r.attempt === 1 ? { status: 401, body: '' } : undefined),
  })
  const org = server.createOrganization()
  const id = server.createSecret(org.id, { key: 'K', value: 'after-401' })
  const token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: [id] }))
  const run = await runAction({ access_token: token, secrets: `${id} > K`, base_url: server.url, set_env: 'true' })
  expect(run.error).toBeUndefined()
  expect(run.env.get('K')).toBe('after-401')
  expect(server.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
    '/identity/connect/token 200',
    '/api/secrets/get-by-ids 401',
    '/identity/connect/token 200',
    '/api/secrets/get-by-ids 200',
  ])
})

test('429 with Retry-After on login is waited out and retried', async () => {
  server = await startBitwardenServer({
    onRequest: (r) =>
      r.path === '/identity/connect/token' && r.attempt === 1
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: '{"message":"Slow down! Too many requests. Try again in 1s.","object":"error"}',
          }
        : undefined,
  })
  const org = server.createOrganization()
  const id = server.createSecret(org.id, { key: 'K', value: 'after-429' })
  const token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: [id] }))
  const run = await runAction({ access_token: token, secrets: `${id} > K`, base_url: server.url, set_env: 'true' })
  expect(run.error).toBeUndefined()
  expect(run.env.get('K')).toBe('after-429')
  expect(server.requests.map((r) => r.status)).toEqual([429, 200, 200])
})
