// End to end: `node dist/write.js` (write/action.yml's runs.main) as the runner runs it, against the
// local Bitwarden server: creates and updates encrypted as the vendor's clients do, key, note and
// project kept, everything checked before the first write, nothing ever printed
// (docs/protocols/bitwarden.md#writing).
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { maskedLog, runAction, WRITE_ENTRY, type ActionRun } from '../../../test/harness/run-action.js'

const PEM = '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n'
const VALUES = {
  NEW_KEY: 'minted-api-key-7f3a9c',
  ROTATED: 'rotated ✓ 密码 "q" %0A ::error::x',
  SAME: 'stable-value-000',
  CERT: PEM,
}

const NOT_FOUND = JSON.stringify({
  message: 'Resource not found.',
  validationErrors: null,
  exceptionMessage: null,
  exceptionStackTrace: null,
  innerExceptionMessage: null,
  object: 'error',
})

let server: BitwardenServer
let orgId: string
let project: string
let readOnlyProject: string
let token: string
let readOnlyToken: string

beforeAll(async () => {
  server = await startBitwardenServer()
  orgId = server.createOrganization().id
  project = server.createProject(orgId, 'release')
  readOnlyProject = server.createProject(orgId, 'shared')
  token = server.createAccessToken(server.createMachineAccount(orgId, { projects: [project], write: true }))
  const account = server.createMachineAccount(orgId, { projects: [readOnlyProject] })
  server.grant(account, { projects: [project] })
  readOnlyToken = server.createAccessToken(account)
})

afterAll(async () => {
  await server.close()
})

beforeEach(() => server.resetLog())

function write(secrets: string, env: Record<string, string>, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    { access_token: token, secrets, base_url: server.url, timeout: '20', create: 'true', summary: 'true', ...extra },
    { entry: WRITE_ENTRY, env },
  )
}

/** Requests that change something: anything but the login, GETs and get-by-ids. */
function writes(): string[] {
  return server.requests
    .filter((r) => r.method === 'PUT' || (r.method === 'POST' && /\/organizations\/[^/]+\/secrets$/.test(r.path)))
    .map((r) => `${r.method} ${r.path}`)
}

function createdId(run: ActionRun, name: string): string {
  const m = new RegExp(`secret "${name}" \\(([0-9a-f-]{36})\\): created`).exec(run.stdout)
  if (!m) throw new Error(`no created id for ${name} in the log`)
  return m[1]!
}

function expectNothingPrinted(run: ActionRun, values: readonly string[]): void {
  const log = maskedLog(run)
  for (const v of values) {
    for (const line of v.split('\n').filter((l) => l.trim() !== '')) expect(log).not.toContain(line.trim())
    expect(run.summary).not.toContain(v.trim())
    expect(run.masks).toContain(v)
  }
}

describe('write action, Bitwarden', () => {
  test('creates, updates by id and by name, leaves an equal value alone; key, note and project kept', async () => {
    const rotateId = server.createSecret(orgId, {
      key: 'DEPLOY_KEY',
      value: 'old-deploy-key',
      note: 'rotated by CI',
      projectIds: [project],
    })
    const stableId = server.createSecret(orgId, { key: 'STABLE', value: VALUES.SAME, projectIds: [project] })
    const stableBefore = server.getStoredSecret(stableId)!.value
    const run = await write(
      [
        `NEW_KEY > ${project}/API_KEY`,
        `ROTATED > ${rotateId}`,
        `SAME > ${project}/STABLE`,
        `CERT > ${project}/TLS_CERT`,
        `NEW_KEY > ${project}/API_KEY_COPY`,
      ].join('\n'),
      VALUES,
    )
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)

    const apiKey = createdId(run, 'API_KEY')
    const cert = createdId(run, 'TLS_CERT')
    const copy = createdId(run, 'API_KEY_COPY')
    expect(server.readSecret(apiKey)).toEqual({
      key: 'API_KEY',
      value: VALUES.NEW_KEY,
      note: '',
      projectIds: [project],
    })
    expect(server.readSecret(cert)).toEqual({ key: 'TLS_CERT', value: PEM, note: '', projectIds: [project] })
    expect(server.readSecret(rotateId)).toEqual({
      key: 'DEPLOY_KEY',
      value: VALUES.ROTATED,
      note: 'rotated by CI',
      projectIds: [project],
    })
    // Unchanged: not rewritten at all.
    expect(server.getStoredSecret(stableId)!.value).toBe(stableBefore)
    // A fresh IV per value: the same value encrypts differently each time.
    expect(server.getStoredSecret(copy)!.value).not.toBe(server.getStoredSecret(apiKey)!.value)
    expect(server.readSecret(copy).value).toBe(VALUES.NEW_KEY)

    // Checked first (login, the two listings, the stored values), then written in line order.
    const paths = server.requests.map((r) => `${r.method} ${r.path}`)
    expect(paths.slice(0, 1)).toEqual(['POST /identity/connect/token'])
    expect(paths.slice(1, 3).sort()).toEqual([
      `GET /api/organizations/${orgId}/projects`,
      `GET /api/organizations/${orgId}/secrets`,
    ])
    expect(paths[3]).toBe('POST /api/secrets/get-by-ids')
    expect(paths.slice(4)).toEqual([
      `POST /api/organizations/${orgId}/secrets`,
      `PUT /api/secrets/${rotateId}`,
      `POST /api/organizations/${orgId}/secrets`,
      `POST /api/organizations/${orgId}/secrets`,
    ])

    expect(run.stdout).toContain('5 targets in bitwarden: 3 created, 1 updated, 1 unchanged')
    expect(run.summary).toContain('<td>unchanged</td>')
    expect(run.summary).toContain('<td>updated</td>')
    expectNothingPrinted(run, [...Object.values(VALUES), 'old-deploy-key'])
  })

  test('dry_run resolves and checks everything and writes nothing', async () => {
    const id = server.createSecret(orgId, { key: 'DRY', value: 'before', projectIds: [project] })
    const run = await write(`ROTATED > ${id}\nNEW_KEY > ${project}/DRY_NEW`, VALUES, { dry_run: 'true' })
    expect(run.exitCode).toBe(0)
    expect(writes()).toEqual([])
    expect(server.readSecret(id).value).toBe('before')
    expect(run.stdout).toContain(`line 1: ROTATED > secret ${id}: would be updated`)
    expect(run.stdout).toContain('would be created')
    expect(run.stdout).toContain('dry run, nothing written')
    expect(run.summary).toContain('would be created')
    expectNothingPrinted(run, [VALUES.ROTATED, VALUES.NEW_KEY, 'before'])
  })

  test('a read-only machine account is refused before any write, naming the line', async () => {
    const writable = server.createSecret(orgId, { key: 'W', value: 'w', projectIds: [readOnlyProject] })
    const inWritableProject = server.createSecret(orgId, { key: 'X', value: 'x', projectIds: [project] })
    // Its grant on `project` is read-only, on the other project too.
    const run = await write(`NEW_KEY > ${inWritableProject}`, VALUES, { access_token: readOnlyToken })
    expect(run.exitCode).not.toBe(0)
    expect(run.error).toContain(
      `Input 'secrets', line 1: the machine account can read secret ${inWritableProject} but not write it`,
    )
    const create = await write(`ROTATED > ${writable}\nNEW_KEY > ${readOnlyProject}/NEW`, VALUES, {
      access_token: readOnlyToken,
    })
    expect(create.error).toContain('line 1: the machine account can read secret')
    const onlyCreate = await write(`NEW_KEY > ${readOnlyProject}/NEW`, VALUES, { access_token: readOnlyToken })
    expect(onlyCreate.error).toContain(
      `line 1: the machine account cannot create secrets in project ${readOnlyProject} (it can only read it)`,
    )
    expect(writes()).toEqual([])
  })

  test('create: false refuses a missing target before any write; unknown ids and projects are named', async () => {
    const id = server.createSecret(orgId, { key: 'KEEP', value: 'k', projectIds: [project] })
    const run = await write(`ROTATED > ${id}\nNEW_KEY > ${project}/MISSING`, VALUES, { create: 'false' })
    expect(run.error).toContain(`line 2: project ${project} has no secret named "MISSING", and 'create' is false`)
    const unknown = '00000000-0000-4000-8000-000000000001'
    expect((await write(`NEW_KEY > ${unknown}`, VALUES)).error).toContain(
      `line 1: secret ${unknown} was not found or is not readable by this machine account`,
    )
    expect((await write(`NEW_KEY > ${unknown}/NAME`, VALUES)).error).toContain(
      `line 1: project ${unknown} was not found or is not shared with this machine account`,
    )
    expect(writes()).toEqual([])
    expect(server.readSecret(id).value).toBe('k')
  })

  test('a missing or empty source, or a target in the wrong shape, fails before any request', async () => {
    const missing = await write(`NOT_SET > ${project}/A`, VALUES)
    expect(missing.error).toContain(
      "Input 'secrets', line 1: the source environment variable NOT_SET is not set; set it in the step's 'env:'",
    )
    const empty = await write(`EMPTY > ${project}/A`, { ...VALUES, EMPTY: '' })
    expect(empty.error).toContain('the source environment variable EMPTY is empty')
    const shape = await write(`NEW_KEY > just-a-name`, VALUES)
    expect(shape.error).toContain(`line 1: the Bitwarden target "just-a-name" is neither a secret id nor`)
    const twice = await write(`NEW_KEY > ${project}/A\nSAME > ${project}/A`, VALUES)
    expect(twice.error).toContain(`line 2: the target "${project}/A" is already written on line 1`)
    expect(server.requests).toEqual([])
    // Every source of the mapping is masked before the mapping is judged.
    expectNothingPrinted(twice, [VALUES.NEW_KEY, VALUES.SAME])
    expect(twice.stdout.indexOf('::add-mask::')).toBeLessThan(twice.stdout.indexOf('::error::'))
  })

  test('an input for another provider: a warning, or an error before any request where it would change where values go', async () => {
    const refused = await write(`NEW_KEY > ${project}/A`, VALUES, { project: 'web-app' })
    expect(refused.error).toContain(
      "Input 'project' is read for Infisical only, but this run uses Bitwarden Secrets Manager, which would ignore it: the secrets would not be written where it names.",
    )
    expect(server.requests).toEqual([])
    const warned = await write(`NEW_KEY > ${project}/FOREIGN_INPUT`, VALUES, { role: 'ci', dry_run: 'true' })
    expect(warned.error).toBeUndefined()
    expect(warned.stdout).toContain(
      "::warning::Input 'role' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
    )
  })

  test('allow_empty writes an empty value', async () => {
    const run = await write(`EMPTY > ${project}/EMPTY_ONE`, { EMPTY: '' }, { allow_empty: 'true' })
    expect(run.exitCode).toBe(0)
    expect(server.readSecret(createdId(run, 'EMPTY_ONE')).value).toBe('')
  })

  test('a failure midway names what was written and what was not', async () => {
    let failPath = ''
    const s = await startBitwardenServer({
      // Bitwarden's answer to a refused write (a grant withdrawn between the checks and the write).
      onRequest: ({ method, path }) =>
        method === 'PUT' && path === failPath
          ? { status: 404, headers: { 'content-type': 'application/json' }, body: NOT_FOUND }
          : undefined,
    })
    try {
      const org = s.createOrganization().id
      const p = s.createProject(org, 'p')
      const ids = ['A', 'B', 'C'].map((key) => s.createSecret(org, { key, value: 'v0', projectIds: [p] }))
      failPath = `/api/secrets/${ids[1]}`
      const t = s.createAccessToken(s.createMachineAccount(org, { projects: [p], write: true }))
      const run = await runAction(
        { access_token: t, base_url: s.url, secrets: ids.map((id, i) => `V${i} > ${id}`).join('\n') },
        { entry: WRITE_ENTRY, env: { V0: 'new-a', V1: 'new-b', V2: 'new-c' } },
      )
      expect(run.exitCode).not.toBe(0)
      expect(run.error).toContain(
        `Writing stopped at line 2 (secret ${ids[1]}): PUT /secrets/${ids[1]} failed with HTTP 404: Resource not found. Bitwarden answers every refusal this way`,
      )
      expect(run.error).toContain(
        `Written before it: line 1 (secret ${ids[0]}). Not written: line 2, line 3 (secret ${ids[2]}).`,
      )
      expect(s.readSecret(ids[0]!).value).toBe('new-a')
      expect(s.readSecret(ids[1]!).value).toBe('v0')
      expect(s.readSecret(ids[2]!).value).toBe('v0')
      expectNothingPrinted(run, ['new-a', 'new-b', 'new-c'])
    } finally {
      await s.close()
    }
  })

  test('a server whose listing has no write flags: the writes go ahead, and its 404 is explained', async () => {
    const s = await startBitwardenServer({ legacyListing: true })
    try {
      const org = s.createOrganization().id
      const [rw, ro] = [s.createProject(org, 'rw'), s.createProject(org, 'ro')]
      const [a, b] = [rw, ro].map((p) => s.createSecret(org, { key: 'K', value: 'v0', projectIds: [p] }))
      const account = s.createMachineAccount(org, { projects: [rw], write: true })
      s.grant(account, { projects: [ro] })
      const t = s.createAccessToken(account)
      const run = (secrets: string) =>
        runAction({ access_token: t, base_url: s.url, secrets }, { entry: WRITE_ENTRY, env: { V: 'new' } })
      expect((await run(`V > ${a}`)).exitCode).toBe(0)
      expect(s.readSecret(a!).value).toBe('new')
      // The project list still says read-only: caught before writing.
      expect((await run(`V > ${b}`)).error).toContain(`the machine account cannot write to project ${ro}`)
      expect(s.readSecret(b!).value).toBe('v0')
    } finally {
      await s.close()
    }
  })

  test('value size: the largest value the server takes is written and read back; one byte more is refused before any request', async () => {
    // 26,191 bytes make a 34,996-character EncString; the server refuses one over 35,000.
    const largest = 'k'.repeat(26190) + '\n'
    const ok = await write(`BIG > ${project}/BIG_VALUE`, { BIG: largest })
    expect(ok.error).toBeUndefined()
    const created = server.requests.find((r) => r.method === 'POST' && r.path.endsWith('/secrets'))!
    expect((JSON.parse(created.body) as { value: string }).value.length).toBe(34996)
    expect(server.readSecret(createdId(ok, 'BIG_VALUE')).value).toBe(largest)
    server.resetLog()
    const run = await write(`BIG > ${project}/BIG_VALUE`, { BIG: `${largest}x` })
    expect(run.error).toBe(
      "inject-secrets: Input 'secrets', line 1: the value of BIG is 26192 bytes (UTF-8); Bitwarden stores at most 26191 bytes in a secret's value (its server refuses an encrypted value over 35000 characters).",
    )
    expect(server.requests).toEqual([])
  })

  test("another provider's token is held to that provider's grammar, before any request", async () => {
    const run = await write(`NEW_KEY > ${project}/A`, VALUES, { access_token: 'st.xyz.qrs.0123456789abcdef' })
    expect(run.error).toContain(
      `line 1: the Infisical target "${project}/A" must start with '/' when it names a folder`,
    )
    const vault = await write(`NEW_KEY > ${project}/A`, VALUES, { access_token: 'hvs.CAESIabcdefghijklmnop' })
    expect(vault.error).toContain(`line 1: the Vault target "${project}/A" is not '<path> <key>'`)
    expect(server.requests).toEqual([])
  })
})
