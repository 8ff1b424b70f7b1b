// The scrubber, proven per provider through `node dist/index.js`: when a server's own error text
// echoes the token (or a secret value the run fetched earlier), the one failure message shows ***
// in its place, and no log line shows the secret.
import {
  startInfisicalServer,
  type FaultAction as InfisicalFault,
  type InfisicalServer,
} from '../../test/servers/infisical.js'
import { startVaultServer, type FaultAction as VaultFault, type VaultServer } from '../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'

function expectScrubbed(run: ActionRun, message: RegExp, secrets: string[]): void {
  expect(run.exitCode).toBe(1)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
  expect(run.error).toMatch(message)
  expect(run.stdout.match(/^::error::/gm)).toHaveLength(1)
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const s of secrets) expect(log).not.toContain(s)
}

describe('Infisical', () => {
  let server: InfisicalServer
  let fault: ((req: { method: string; path: string; attempt: number }) => InfisicalFault | undefined) | undefined
  let project: string

  beforeAll(async () => {
    server = await startInfisicalServer({ onRequest: (r) => fault?.(r) })
    project = server.createProject().id
    server.createFolder(project, 'prod', '/a')
    server.createFolder(project, 'prod', '/b')
    server.setSecret(project, { environment: 'prod', path: '/a', key: 'FIRST', value: 'first-value-fetched-earlier' })
    server.setSecret(project, { environment: 'prod', path: '/b', key: 'SECOND', value: 'second-value' })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    fault = undefined
    server.resetLog()
  })

  const echo = (status: number, message: string): InfisicalFault => ({
    status,
    body: JSON.stringify({ reqId: 'req-echo', statusCode: status, message, error: 'Echo' }),
  })

  test('a 401 that echoes the service token: its secret part and the whole bearer show as ***', async () => {
    const token = server.createServiceToken(project)
    const [, id, secret] = token.split('.') as [string, string, string, string]
    fault = (r) =>
      r.path === '/api/v2/service-token'
        ? echo(401, `Invalid service token st.${id}.${secret} (secret ${secret})`)
        : undefined
    const run = await runAction({ access_token: token, secrets: '/a/FIRST > A', base_url: server.url, timeout: '20' })
    expectScrubbed(
      run,
      /GET \/api\/v2\/service-token failed with HTTP 401: Invalid service token \*\*\* \(secret \*\*\*\) — Echo \(reqId req-echo\)/,
      [secret, token.split('.')[3]!],
    )
  })

  test('a login error that echoes the client secret shows *** in its place', async () => {
    const { clientId, clientSecret } = server.createIdentity([project])
    fault = (r) =>
      r.path === '/api/v1/auth/universal-auth/login'
        ? echo(400, `clientSecret ${clientSecret} is malformed`)
        : undefined
    const run = await runAction({
      client_id: clientId,
      client_secret: clientSecret,
      project,
      environment: 'prod',
      secrets: '/a/FIRST > A',
      base_url: server.url,
      timeout: '20',
    })
    expectScrubbed(
      run,
      /POST \/api\/v1\/auth\/universal-auth\/login failed with HTTP 400: clientSecret \*\*\* is malformed — Echo/,
      [clientSecret],
    )
  })

  test('a message bounded to 200 characters that cuts the echoed secret leaves no prefix of it', async () => {
    const token = server.createServiceToken(project)
    const secret = token.split('.')[2]!
    fault = (r) => (r.path === '/api/v2/service-token' ? echo(401, `${'x'.repeat(190)}${secret}`) : undefined)
    const run = await runAction({ access_token: token, secrets: '/a/FIRST > A', base_url: server.url, timeout: '20' })
    expectScrubbed(run, /failed with HTTP 401: x{190}\*\*\*… \(reqId req-echo\)/, [secret.slice(0, 10)])
  })

  test('a second read whose error echoes the value of the first shows *** in its place', async () => {
    const token = server.createServiceToken(project)
    fault = (r) =>
      r.path === '/api/v3/secrets/raw' && r.attempt === 2
        ? echo(500, 'conflict with first-value-fetched-earlier')
        : undefined
    const run = await runAction({
      access_token: token,
      secrets: '/a/FIRST > A\n/b/SECOND > B',
      base_url: server.url,
      timeout: '20',
    })
    expect(
      server.requests.filter((q) => q.path === '/api/v3/secrets/raw').map((q) => [q.params.secretPath, q.status]),
    ).toEqual([
      ['/a', 200],
      ['/b', 500],
    ])
    expectScrubbed(run, /GET \/api\/v3\/secrets\/raw failed with HTTP 500: conflict with \*\*\* — Echo/, [
      'first-value-fetched-earlier',
      token.split('.')[2]!,
    ])
  })
})

describe('Vault', () => {
  let server: VaultServer
  let fault: ((req: { method: string; path: string; attempt: number }) => VaultFault | undefined) | undefined

  beforeAll(async () => {
    server = await startVaultServer({ onRequest: (r) => fault?.(r) })
    server.mountKv('secret', 2)
    server.writeSecret('secret', 'first', { v: 'first-vault-value-fetched', other: 'unselected-but-fetched' })
    server.writeSecret('secret', 'second', { v: 'second-vault-value' })
    server.setPolicy('ci', { 'secret/data/*': ['read'], 'auth/token/create': ['update'] })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    fault = undefined
    server.resetLog()
  })

  const errors = (status: number, ...messages: string[]): VaultFault => ({
    status,
    body: `${JSON.stringify({ errors: messages })}\n`,
  })

  test('a read error that echoes the token shows *** in its place', async () => {
    const token = server.createToken({ policies: ['ci'] })
    fault = (r) =>
      r.path === '/v1/secret/data/first'
        ? errors(400, `1 error occurred:\n\t* token ${token} is malformed\n\n`)
        : undefined
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A',
      base_url: server.url,
      timeout: '20',
    })
    expectScrubbed(
      run,
      /^inject-secrets: Vault returned 400 \(token \*\*\* is malformed\) for "secret\/data\/first"$/,
      [token, token.slice(4, 24)],
    )
  })

  test("the explaining lookup-self's error that echoes the token shows *** in its place", async () => {
    const token = server.createToken({ policies: ['ci'] })
    fault = (r) =>
      r.path === '/v1/secret/data/first'
        ? errors(403, 'permission denied')
        : r.path === '/v1/auth/token/lookup-self'
          ? errors(400, `bad token ${token}`)
          : undefined
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A',
      base_url: server.url,
      timeout: '20',
    })
    expectScrubbed(
      run,
      /lookup-self to tell which failed: Vault returned 400 \(bad token \*\*\*\) for auth\/token\/lookup-self/,
      [token],
    )
  })

  test('a read error that echoes a value read earlier in the run (selected or not) shows *** in its place', async () => {
    const token = server.createToken({ policies: ['ci'] })
    // The second path is turned away once (Retry-After: 1 s), so the first read has answered before its error.
    fault = (r) =>
      r.path !== '/v1/secret/data/second'
        ? undefined
        : r.attempt === 1
          ? { status: 429, headers: { 'retry-after': '1' } }
          : errors(400, 'conflict: first-vault-value-fetched and unselected-but-fetched')
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A\nsecret/data/second v | B',
      base_url: server.url,
      timeout: '20',
    })
    expect(server.requests.map((q) => `${q.path} ${q.status}`)).toEqual([
      '/v1/secret/data/first 200',
      '/v1/secret/data/second 429',
      '/v1/secret/data/second 400',
    ])
    expectScrubbed(
      run,
      /^inject-secrets: Vault returned 400 \(conflict: \*\*\* and \*\*\*\) for "secret\/data\/second"$/,
      ['first-vault-value-fetched', 'unselected-but-fetched', token],
    )
  })

  test("Vault's errors bounded to 300 characters that cut the echoed token leave no prefix of it", async () => {
    const token = server.createToken({ policies: ['ci'] })
    fault = (r) => (r.path === '/v1/secret/data/first' ? errors(400, `${'x'.repeat(290)}${token}`) : undefined)
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A',
      base_url: server.url,
      timeout: '20',
    })
    expectScrubbed(run, /^inject-secrets: Vault returned 400 \(x{290}\*\*\*…\) for "secret\/data\/first"$/, [
      token.slice(0, 10),
      token.slice(4, 10),
    ])
  })

  test("a 404's errors list bounded to 300 characters that cuts the echoed token leaves no prefix of it", async () => {
    const token = server.createToken({ policies: ['ci'] })
    fault = (r) => (r.path === '/v1/secret/data/first' ? errors(404, `${'x'.repeat(280)}${token}`) : undefined)
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A',
      base_url: server.url,
      timeout: '20',
    })
    expectScrubbed(
      run,
      /Unable to retrieve result for "secret\/data\/first" because it was not found: \{"errors":\["x{280}\*\*\*…\. Vault answers 404/,
      [token.slice(0, 8), token.slice(4, 8)],
    )
  })

  test('a child-token error that echoes the new token is scrubbed too (export_token: child)', async () => {
    const token = server.createToken({ policies: ['ci'] })
    fault = (r) => (r.path === '/v1/auth/token/create' ? errors(500, `stored ${token} badly`) : undefined)
    const run = await runAction({
      access_token: token,
      secrets: 'secret/data/first v | A',
      base_url: server.url,
      timeout: '20',
      export_token: 'child',
    })
    expectScrubbed(run, /Vault returned 500 \(stored \*\*\* badly\) for auth\/token\/create \(export_token: child\)/, [
      token,
      'first-vault-value-fetched',
    ])
  })
})
