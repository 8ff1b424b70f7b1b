// Faults on the wire against the Infisical server (its onRequest hook), through dist/index.js:
// retried statuses end in a full export; everything else ends in a clean failure with nothing
// exported and no value or token part in the log.
import { startInfisicalServer, type FaultAction, type InfisicalServer } from '../test/servers/infisical.js'
import { runAction, type ActionRun } from '../test/harness/run-action.js'

let server: InfisicalServer
let token: string
let legacyToken: string
let fault: ((req: { method: string; path: string; attempt: number }) => FaultAction | undefined) | undefined

beforeAll(async () => {
  server = await startInfisicalServer({ onRequest: (req) => fault?.(req) })
  const project = server.createProject()
  server.setSecret(project.id, { environment: 'prod', key: 'VALUE', value: 'fault-test-value-1' })
  token = server.createServiceToken(project.id)
  const legacy = server.createProject({ e2ee: true })
  server.setSecret(legacy.id, { environment: 'prod', key: 'VALUE', value: 'fault-test-value-2' })
  legacyToken = server.createServiceToken(legacy.id)
})

afterAll(async () => server.close())

beforeEach(() => {
  server.resetLog()
  fault = undefined
})

const run = (t: string): Promise<ActionRun> => runAction({ access_token: t, secrets: 'VALUE', base_url: server.url, timeout: '20' })

function expectCleanFailure(r: ActionRun, t: string): void {
  expect(r.exitCode).not.toBe(0)
  expect(r.envFile).toBe('')
  expect(r.outputFile).toBe('')
  const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')
  for (const secret of [t, t.split('.')[2]!, t.split('.')[3]!, 'fault-test-value-1', 'fault-test-value-2']) expect(log).not.toContain(secret)
}

const rateLimited: FaultAction = { status: 429, headers: { 'retry-after': '0' }, body: JSON.stringify({ statusCode: 429, message: 'Rate limit exceeded. Please try again in 0 seconds', error: 'RateLimitExceeded' }) }

test.each([
  ['429 with Retry-After on the details call', '/api/v2/service-token', rateLimited],
  ['503 on the raw read', '/api/v3/secrets/raw', { status: 503 } as FaultAction],
  ['a reset connection on the raw read', '/api/v3/secrets/raw', { destroy: true } as FaultAction],
])('%s is retried and the run succeeds', async (_name, path, action) => {
  fault = (req) => (req.path === path && req.attempt === 1 ? action : undefined)
  const r = await run(token)
  expect(r.error).toBeUndefined()
  expect(r.env.get('VALUE')).toBe('fault-test-value-1')
  expect(server.requests.filter((q) => q.path === path).map((q) => q.status)).toEqual(['destroy' in action ? 0 : (action as { status: number }).status, 200])
})

test('the encrypted list of an E2EE project is retried after a 502 too', async () => {
  fault = (req) => (req.path === '/api/v3/secrets' && req.attempt === 1 ? { status: 502 } : undefined)
  const r = await run(legacyToken)
  expect(r.error).toBeUndefined()
  expect(r.env.get('VALUE')).toBe('fault-test-value-2')
  expect(server.requests.map((q) => `${q.path} ${q.status}`)).toEqual(['/api/v2/service-token 200', '/api/v3/secrets/raw 400', '/api/v3/secrets 502', '/api/v3/secrets 200'])
})

test.each([
  ['a 500 on the raw read', '/api/v3/secrets/raw', { status: 500, body: JSON.stringify({ reqId: 'req-1', statusCode: 500, message: 'Something went wrong', error: 'InternalServerError' }) }, /GET \/api\/v3\/secrets\/raw failed with HTTP 500: Something went wrong — InternalServerError \(reqId req-1\)/],
  ['HTML instead of JSON', '/api/v2/service-token', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy</html>' }, /GET \/api\/v2\/service-token: expected JSON, got 18 bytes of text\/html/],
  ['a details body without a project', '/api/v2/service-token', { status: 200, body: JSON.stringify({ scopes: [], permissions: ['read'] }) }, /unexpected response from the server \(no 'workspace' or 'projectId'\)/],
  ['a raw list without secrets', '/api/v3/secrets/raw', { status: 200, body: JSON.stringify({ imports: [] }) }, /field 'secrets' is missing or not a list/],
  ['a 400 that is not the bot error', '/api/v3/secrets/raw', { status: 400, body: JSON.stringify({ statusCode: 400, message: 'Missing project id or environment', error: 'BadRequest' }) }, /HTTP 400: Missing project id or environment/],
] as Array<[string, string, FaultAction, RegExp]>)('%s fails cleanly, once', async (_name, path, action, error) => {
  fault = (req) => (req.path === path ? action : undefined)
  const r = await run(token)
  expectCleanFailure(r, token)
  expect(r.error).toMatch(error)
  expect(server.requests.filter((q) => q.path === path)).toHaveLength(1)
})
