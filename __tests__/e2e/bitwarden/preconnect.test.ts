// End to end: with the identity and API servers on two origins, as in Bitwarden's clouds
// (identity.bitwarden.com, api.bitwarden.com), `node dist/index.js` opens the API's connection
// while the login is in flight, and sends get-by-ids on it; on one origin (base_url) the login's
// connection is reused and no other is opened. Each origin is a proxy in front of the local server
// where a connection costs a round trip, as TCP's does.
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { startLatencyProxy, type LatencyProxy } from '../../../test/servers/latency-proxy.js'
import { runAction } from '../../../test/harness/run-action.js'

let server: BitwardenServer
let identity: LatencyProxy
let api: LatencyProxy
let token: string
let id: string

beforeAll(async () => {
  server = await startBitwardenServer()
  identity = await startLatencyProxy(server.url, 20, { handshake: true })
  api = await startLatencyProxy(server.url, 20, { handshake: true })
  const org = server.createOrganization()
  const project = server.createProject(org.id, 'p')
  id = server.createSecret(org.id, { key: 'DB_PASSWORD', value: 'pre-connected-value', projectIds: [project] })
  token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project] }))
})

afterAll(async () => {
  await Promise.all([identity.close(), api.close()])
  await server.close()
})

beforeEach(() => {
  server.resetLog()
  identity.reset()
  api.reset()
})

const inputs = (extra: Record<string, string>): Record<string, string> => ({
  access_token: token,
  secrets: `${id} > DB_PASSWORD`,
  set_env: 'true',
  timeout: '20',
  ...extra,
})

test('two origins: the API connection is open before the login is answered, and carries get-by-ids', async () => {
  const run = await runAction(inputs({ identity_url: `${identity.url}/identity`, api_url: `${api.url}/api` }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('DB_PASSWORD')).toBe('pre-connected-value')
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'POST /identity/connect/token',
    'POST /api/secrets/get-by-ids',
  ])
  expect(identity.connections).toHaveLength(1)
  expect(api.connections).toHaveLength(1)
  expect(api.connections[0]!.acceptedAt).toBeLessThan(identity.connections[0]!.firstDownAt!)
})

test('one origin (base_url): the login connection is reused, no second one is opened', async () => {
  const run = await runAction(inputs({ base_url: identity.url }))
  expect(run.error).toBeUndefined()
  expect(run.env.get('DB_PASSWORD')).toBe('pre-connected-value')
  expect(server.requests).toHaveLength(2)
  expect(identity.connections).toHaveLength(1)
})

test('a refused login: the API connection opened for nothing neither holds the run nor sends a request', async () => {
  const org = server.createOrganization()
  const revoked = server.createAccessToken(server.createMachineAccount(org.id))
  server.revokeAccessToken(revoked)
  const run = await runAction(
    inputs({ access_token: revoked, identity_url: `${identity.url}/identity`, api_url: `${api.url}/api` }),
  )
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toMatch(/invalid_client/)
  expect(run.envFile).toBe('')
  expect(server.requests.map((r) => r.path)).toEqual(['/identity/connect/token'])
  expect(api.connections).toHaveLength(1)
})
