// Infisical/secrets-action's `with:` blocks, unchanged, run through `node dist/index.js` against the
// local Infisical server (and the runner's OIDC token service stand-in): Universal Auth, GitHub OIDC,
// AWS IAM and the file export give what the vendor's action (v1.0.15) gives. The expected values are
// computed as the vendor computes them, from one raw read: the folder's own secrets, then imports
// from the last to the first filling only missing keys; its file is `KEY='value'` lines.
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { startInfisicalServer, type InfisicalServer, type ProjectInfo } from '../../../test/servers/infisical.js'
import { startGithubOidcServer, GITHUB_ISSUER, type GithubOidcServer } from '../../../test/servers/github-oidc.js'
import { maskedLog, runAction, type ActionRun } from '../../../test/harness/run-action.js'
import { startLatencyProxy } from '../../../test/servers/latency-proxy.js'
import { runMainWithState, runPost } from '../../../test/harness/run-post.js'

const VALUES: Record<string, string> = {
  DATABASE_URL: 'postgres://app:s3cr3t-pw@db.internal:5432/app',
  QUOTED: "it's #1 = not a comment",
  MULTILINE: 'line one\nline two',
  EMPTY: '',
  'api-key': 'k-dashed-123456',
  'db.password': 'dotted-pw-7890',
}

let server: InfisicalServer
let oidc: GithubOidcServer
let project: ProjectInfo
let clientId: string
let clientSecret: string
let workspace: string

beforeAll(async () => {
  server = await startInfisicalServer()
  oidc = await startGithubOidcServer()
  project = server.createProject({ slug: 'web-app' })
  for (const [key, value] of Object.entries(VALUES))
    server.setSecret(project.id, { environment: 'prod', path: '/backend', key, value })
  server.setSecret(project.id, { environment: 'prod', path: '/a', key: 'SHARED', value: 'from-a' })
  server.setSecret(project.id, { environment: 'prod', path: '/a', key: 'ONLY_A', value: 'only-in-a' })
  server.setSecret(project.id, { environment: 'prod', path: '/b', key: 'SHARED', value: 'from-b-last-import' })
  server.setSecret(project.id, { environment: 'prod', path: '/b', key: 'DATABASE_URL', value: 'import-loses' })
  for (const from of ['/a', '/b'])
    server.addImport(
      project.id,
      { environment: 'prod', secretPath: '/backend' },
      { environment: 'prod', secretPath: from },
    )
  ;({ clientId, clientSecret } = server.createIdentity([project.id]))
})

afterAll(async () => {
  await server.close()
  await oidc.close()
})

beforeEach(() => {
  server.resetLog()
  oidc.requests.length = 0
  workspace = mkdtempSync(join(tmpdir(), 'inject-secrets-ws-'))
})

afterEach(() => rmSync(workspace, { recursive: true, force: true }))

/** What Infisical/secrets-action v1.0.15 exports for the folder: one raw read, merged as it merges. */
async function vendorResult(): Promise<Record<string, string>> {
  const login = await fetch(`${server.url}/api/v1/auth/universal-auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ clientId, clientSecret }).toString(),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const q = new URLSearchParams({
    secretPath: '/backend',
    environment: 'prod',
    include_imports: 'true',
    recursive: 'false',
    workspaceSlug: 'web-app',
    expandSecretReferences: 'true',
  })
  const res = await fetch(`${server.url}/api/v3/secrets/raw?${q}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })
  type Item = { secretKey: string; secretValue: string }
  const body = (await res.json()) as { secrets: Item[]; imports?: { secrets: Item[] }[] }
  const out: Record<string, string> = Object.fromEntries(body.secrets.map((s) => [s.secretKey, s.secretValue]))
  for (const imp of [...(body.imports ?? [])].reverse())
    for (const s of imp.secrets) if (out[s.secretKey] === undefined) out[s.secretKey] = s.secretValue
  server.resetLog()
  return out
}

/** The vendor's README block for Universal Auth, as a workflow would have it. */
const universal = (): Record<string, string> => ({
  'client-id': clientId,
  'client-secret': clientSecret,
  'project-slug': 'web-app',
  'env-slug': 'prod',
  'secret-path': '/backend',
  domain: server.url,
})

// The vendor exports keys verbatim; ours needs a mapping for keys that are not env names.
const MAP_ODD_KEYS = 'api-key > API_KEY\ndb.password > DB_PASSWORD\n*'
const renamed = (v: Record<string, string>): Record<string, string> => {
  const { 'api-key': apiKey, 'db.password': dbPassword, ...rest } = v
  return { ...rest, API_KEY: apiKey!, DB_PASSWORD: dbPassword! }
}

function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const log = maskedLog(run)
  for (const s of secrets) for (const line of s.split('\n')) if (line.length >= 4) expect(log).not.toContain(line)
}

const requestLines = (): string[] => server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)

describe('Universal Auth, secrets-action inputs', () => {
  test('same env as the vendor; form body; workspaceSlug; token revoked; outputs too', async () => {
    const expected = await vendorResult()
    const run = await runAction({ ...universal(), secrets: MAP_ODD_KEYS })
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual(renamed(expected))
    expect(Object.fromEntries(run.outputs)).toEqual(renamed(expected))
    expect(expected.SHARED).toBe('from-b-last-import')
    expect(expected.DATABASE_URL).toBe(VALUES.DATABASE_URL)
    expect(requestLines()).toEqual([
      'POST /api/v1/auth/universal-auth/login 200',
      'GET /api/v3/secrets/raw 200',
      'POST /api/v1/auth/token/revoke 200',
    ])
    const [login, read, revoke] = server.requests as [
      (typeof server.requests)[0],
      (typeof server.requests)[0],
      (typeof server.requests)[0],
    ]
    expect(login.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({ clientId, clientSecret })
    expect(read.params).toEqual({
      workspaceSlug: 'web-app',
      environment: 'prod',
      secretPath: '/backend',
      include_imports: 'true',
      recursive: 'false',
      expandSecretReferences: 'true',
    })
    const token = read.headers.authorization!.slice('Bearer '.length)
    expect(new URLSearchParams(revoke.body).get('accessToken')).toBe(token)
    expect(server.revoked).toContain(token)
    expect(run.masks).toEqual(expect.arrayContaining([clientSecret, token]))
    expectNoLeak(run, [clientSecret, token, ...Object.values(VALUES)])
  })

  test('the server takes a JSON login body as well as the vendor form', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/universal-auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, clientSecret }),
    })
    expect(res.status).toBe(200)
  })

  test('our names and the vendor names for one setting: equal is fine, different is an error naming both', async () => {
    const same = await runAction({ ...universal(), environment: 'prod', secrets: 'DATABASE_URL' })
    expect(same.error).toBeUndefined()
    server.resetLog()
    const clash = await runAction({ ...universal(), environment: 'dev', secrets: 'DATABASE_URL' })
    expect(clash.error).toMatch(
      /^inject-secrets: Inputs 'environment' and 'env-slug' are two names for the same setting/,
    )
    expect(server.requests).toEqual([])
    expect(clash.env.size).toBe(0)
  })

  test('extra-headers on the login, the read and the revocation; repeated names joined; values masked', async () => {
    const run = await runAction({
      ...universal(),
      secrets: 'DATABASE_URL',
      'extra-headers':
        'CF-Access-Client-Id: edge-id.access\n\n  cf-access-client-secret :  edge-secret-value-123 \nX-Tag: a\nx-tag: b',
    })
    expect(run.error).toBeUndefined()
    expect(server.requests).toHaveLength(3)
    for (const r of server.requests) {
      expect(r.headers['cf-access-client-id']).toBe('edge-id.access')
      expect(r.headers['cf-access-client-secret']).toBe('edge-secret-value-123')
      expect(r.headers['x-tag']).toBe('a, b')
    }
    expect(run.masks).toContain('edge-secret-value-123')
  })

  test.each([
    [
      'extra-headers line without a colon',
      { 'extra-headers': 'X-Ok: 1\nno colon here' },
      /^inject-secrets: Input 'extra-headers', line 2: expected 'Name: value'/,
    ],
    [
      'unknown method',
      { method: 'kerberos' },
      // `method` is one input for both vendor actions: an unknown one names both vendors' methods.
      /^inject-secrets: Input 'method' is 'kerberos', which is not one of token, approle, .*; Infisical's methods are universal, oidc and aws-iam\.$/,
    ],
    [
      'unknown export-type',
      { 'export-type': 'yaml' },
      /^inject-secrets: Input 'export-type' must be one of 'env', 'file'/,
    ],
    [
      'include-imports not a boolean',
      { 'include-imports': 'yes' },
      /^inject-secrets: Input 'include-imports' must be 'true' or 'false'/,
    ],
    [
      'identity-id with the default method',
      { 'identity-id': 'abc', 'client-id': '', 'client-secret': '' },
      /^inject-secrets: Input 'identity-id' is given, but 'method' is 'universal'/,
    ],
  ])('%s: an error naming the input, before any request', async (_name, extra, error) => {
    const run = await runAction({ ...universal(), ...extra })
    expect(run.error).toMatch(error)
    expect(server.requests).toEqual([])
    expect(run.env.size).toBe(0)
  })
})

describe('export-type: file', () => {
  test('the same keys and values as the vendor file, read back exactly; 0600; no env; deleted by the post step', async () => {
    const expected = await vendorResult()
    const inputs = { ...universal(), 'export-type': 'file', 'file-output-path': '/.env', secrets: MAP_ODD_KEYS }
    const run = await runMainWithState(inputs, { env: { GITHUB_WORKSPACE: workspace } })
    expect(run.error).toBeUndefined()
    const path = join(workspace, '.env')
    const text = readFileSync(path, 'utf8')
    expect(parseDotenv(text)).toEqual(renamed(expected))
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(run.env.size).toBe(0)
    expect(run.outputs.get('export_file')).toBe(path)
    // Where the vendor's unescaped KEY='value' line is already exact, ours is the same line.
    expect(text).toContain(`DATABASE_URL='${VALUES.DATABASE_URL}'\n`)
    expect(text).toContain(`API_KEY='${VALUES['api-key']}'\n`)
    expect(run.masks).toEqual(expect.arrayContaining([VALUES.DATABASE_URL, VALUES.QUOTED, 'line one', 'line two']))
    expectNoLeak(run, Object.values(VALUES))
    const post = await runPost(inputs, run.state, { GITHUB_WORKSPACE: workspace })
    expect(post.exitCode).toBe(0)
    expect(existsSync(path)).toBe(false)
  })

  test('a relative path is taken under the workspace; missing folders are created', async () => {
    const run = await runAction(
      { ...universal(), 'export-type': 'file', 'file-output-path': 'config/app.env', secrets: 'DATABASE_URL' },
      { env: { GITHUB_WORKSPACE: workspace } },
    )
    expect(run.error).toBeUndefined()
    expect(parseDotenv(readFileSync(join(workspace, 'config/app.env'), 'utf8'))).toEqual({
      DATABASE_URL: VALUES.DATABASE_URL,
    })
  })

  test.each(['/../outside.env', '../../etc/x', '/'])(
    '%s outside the workspace: refused before any request',
    async (p) => {
      const run = await runAction(
        { ...universal(), 'export-type': 'file', 'file-output-path': p },
        { env: { GITHUB_WORKSPACE: workspace } },
      )
      expect(run.error).toMatch(
        /^inject-secrets: Input 'file-output-path' \(.*\) must name a file inside the workspace/,
      )
      expect(server.requests).toEqual([])
    },
  )
})

describe('GitHub OIDC, secrets-action inputs', () => {
  const identity = (over: Partial<Parameters<InfisicalServer['createOidcIdentity']>[1]> = {}): string =>
    server.createOidcIdentity([project.id], {
      verify: (jwt) => oidc.signer.verify(jwt),
      boundIssuer: GITHUB_ISSUER,
      boundAudiences: 'https://github.com/acme',
      boundSubject: 'repo:acme/app:ref:refs/heads/*',
      ...over,
    })
  const withOidc = (identityId: string, extra: Record<string, string> = {}): Record<string, string> => ({
    method: 'oidc',
    'identity-id': identityId,
    'project-slug': 'web-app',
    'env-slug': 'prod',
    'secret-path': '/backend',
    domain: server.url,
    secrets: MAP_ODD_KEYS,
    ...extra,
  })

  test('default audience: same env as the vendor; identityId + jwt in a form body; ID token masked; revoked', async () => {
    const expected = await vendorResult()
    const id = identity()
    const run = await runAction(withOidc(id), { env: oidc.env })
    expect(run.error).toBeUndefined()
    expect(Object.fromEntries(run.env)).toEqual(renamed(expected))
    expect(oidc.requests).toEqual([''])
    expect(requestLines()).toEqual([
      'POST /api/v1/auth/oidc-auth/login 200',
      'GET /api/v3/secrets/raw 200',
      'POST /api/v1/auth/token/revoke 200',
    ])
    const form = new URLSearchParams(server.requests[0]!.body)
    expect(form.get('identityId')).toBe(id)
    const jwt = form.get('jwt')!
    expect(oidc.signer.verify(jwt)).toMatchObject({ aud: 'https://github.com/acme', iss: GITHUB_ISSUER })
    expect(run.masks).toContain(jwt)
    expectNoLeak(run, [jwt, ...Object.values(VALUES)])
  })

  test("Infisical's connection opens while the ID token is fetched, and carries the login", async () => {
    // Each server behind a proxy where a connection costs a round trip, as TCP's does.
    const infisicalProxy = await startLatencyProxy(server.url, 20, { handshake: true })
    const oidcUrl = new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL)
    const oidcProxy = await startLatencyProxy(oidcUrl.origin, 20, { handshake: true })
    try {
      const run = await runAction(withOidc(identity(), { domain: infisicalProxy.url }), {
        env: { ...oidc.env, ACTIONS_ID_TOKEN_REQUEST_URL: `${oidcProxy.url}${oidcUrl.pathname}${oidcUrl.search}` },
      })
      expect(run.error).toBeUndefined()
      expect(requestLines()[0]).toBe('POST /api/v1/auth/oidc-auth/login 200')
      expect(infisicalProxy.connections).toHaveLength(1)
      expect(infisicalProxy.connections[0]!.acceptedAt).toBeLessThan(oidcProxy.connections[0]!.firstDownAt!)
    } finally {
      await Promise.all([infisicalProxy.close(), oidcProxy.close()])
    }
  })

  test('a job without id-token permission fails before any connection to Infisical', async () => {
    const infisicalProxy = await startLatencyProxy(server.url, 0)
    try {
      const run = await runAction(withOidc(identity(), { domain: infisicalProxy.url }))
      expect(run.error).toMatch(/id-token: write/)
      expect(infisicalProxy.connections).toHaveLength(0)
    } finally {
      await infisicalProxy.close()
    }
  })

  test('oidc-audience is asked for and must be one the identity allows', async () => {
    const id = identity({ boundAudiences: 'https://github.com/acme, infisical' })
    const run = await runAction(withOidc(id, { 'oidc-audience': 'infisical' }), { env: oidc.env })
    expect(run.error).toBeUndefined()
    expect(oidc.requests).toEqual(['infisical'])
  })

  test.each([
    [
      'another subject',
      { boundSubject: 'repo:acme/other:*' },
      300,
      /HTTP 403: Access denied: OIDC subject not allowed/,
    ],
    [
      'another audience',
      { boundAudiences: 'sts.amazonaws.com' },
      300,
      /HTTP 401: Access denied: OIDC audience not allowed/,
    ],
    ['an expired token', {}, -10, /HTTP 401: Access denied: jwt expired/],
  ])('refused for %s: names the identity, audience and subject, never the token', async (_n, over, ttl, said) => {
    const id = identity(over)
    oidc.ttlSeconds = ttl
    try {
      const run = await runAction(withOidc(id), { env: oidc.env })
      expect(run.error).toMatch(said)
      expect(run.error).toContain(
        `Infisical refused identity ${id}'s GitHub ID token (audience 'https://github.com/acme', subject 'repo:acme/app:ref:refs/heads/main')`,
      )
      const jwt = new URLSearchParams(server.requests[0]!.body).get('jwt')!
      expect(run.error).not.toContain(jwt)
      expect(run.env.size).toBe(0)
      expect(requestLines()).toHaveLength(1)
    } finally {
      oidc.ttlSeconds = 300
    }
  })

  test('an unknown identity: the server says so (404)', async () => {
    const run = await runAction(withOidc('00000000-0000-4000-8000-000000000000'), { env: oidc.env })
    expect(run.error).toMatch(/HTTP 404: OIDC auth method not found for identity/)
  })

  test('no id-token permission: says so, before any request to Infisical', async () => {
    const run = await runAction(withOidc(identity()))
    expect(run.error).toMatch(
      /^inject-secrets: Input 'method' is 'oidc', which logs in with the job's GitHub OIDC ID token, but this job may not request one .*id-token: write/,
    )
    expect(server.requests).toEqual([])
  })

  test('method: oidc without identity-id: an error before any request', async () => {
    const run = await runAction({ ...withOidc(''), 'identity-id': '' }, { env: oidc.env })
    expect(run.error).toMatch(/^inject-secrets: Input 'identity-id' is required with 'method: oidc'/)
    expect(server.requests).toEqual([])
    expect(oidc.requests).toEqual([])
  })
})

describe('AWS IAM, secrets-action inputs', () => {
  const AWS = {
    accessKeyId: 'AKIAEXAMPLE0000001',
    secretAccessKey: 'aws/secret+key/for+tests/0123456789abcdef',
    sessionToken: 'FwoGZXIvYXdzEXAMPLESESSION',
  }
  const awsEnv = {
    AWS_ACCESS_KEY_ID: AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: AWS.secretAccessKey,
    AWS_SESSION_TOKEN: AWS.sessionToken,
    AWS_REGION: 'eu-west-1',
  }
  const withAws = (identityId: string): Record<string, string> => ({
    method: 'aws-iam',
    'identity-id': identityId,
    'project-slug': 'web-app',
    'env-slug': 'prod',
    'secret-path': '/backend',
    domain: server.url,
    secrets: 'DATABASE_URL',
  })

  test('a signed GetCallerIdentity the server verifies; the secret key and session token masked', async () => {
    const id = server.createAwsIdentity([project.id], AWS)
    const run = await runAction(withAws(id), { env: awsEnv })
    expect(run.error).toBeUndefined()
    expect(run.env.get('DATABASE_URL')).toBe(VALUES.DATABASE_URL)
    const form = new URLSearchParams(server.requests[0]!.body)
    expect(form.get('iamHttpRequestMethod')).toBe('POST')
    expect(Buffer.from(form.get('iamRequestBody')!, 'base64').toString()).toBe(
      'Action=GetCallerIdentity&Version=2011-06-15',
    )
    const headers = JSON.parse(Buffer.from(form.get('iamRequestHeaders')!, 'base64').toString()) as Record<
      string,
      string
    >
    expect(headers.Host).toBe('sts.eu-west-1.amazonaws.com')
    expect(headers.Authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE0000001\/\d{8}\/eu-west-1\/sts\/aws4_request, /,
    )
    expect(run.masks).toEqual(expect.arrayContaining([AWS.secretAccessKey, AWS.sessionToken]))
    expectNoLeak(run, [AWS.secretAccessKey, AWS.sessionToken])
  })

  test('a credential the identity does not trust is refused', async () => {
    const id = server.createAwsIdentity([project.id], {
      ...AWS,
      secretAccessKey: 'another-secret-key-entirely-000000000',
    })
    const run = await runAction(withAws(id), { env: awsEnv })
    expect(run.error).toMatch(
      /POST \/api\/v1\/auth\/aws-auth\/login failed with HTTP 401: .*SignatureDoesNotMatch.*Infisical refused identity/,
    )
  })

  test('no AWS credentials in the environment: an error naming them, before any request', async () => {
    const run = await runAction(withAws(server.createAwsIdentity([project.id], AWS)), {
      env: { AWS_REGION: 'eu-west-1' },
    })
    expect(run.error).toMatch(
      /^inject-secrets: Input 'method' is 'aws-iam', .* but AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY are not set/,
    )
    expect(server.requests).toEqual([])
  })
})
