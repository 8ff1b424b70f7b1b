// End to end through dist/: a JSON secret from each provider becomes its variables (parse_json),
// name_prefix and name_transformation apply to env names and outputs alike, every leaf is masked,
// the summary says where each name came from, and `clean` empties the variables in the post step.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startInfisicalServer, type InfisicalServer } from '../../test/servers/infisical.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction, parseFileCommands, type ActionRun } from '../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../test/harness/run-post.js'

const DB = { user: 'app-user-1', pass: 'p@ss "quoted"\nline2', conn: { port: 5432, tls: true }, hosts: ['a', 'b'] }
const DB_TEXT = JSON.stringify(DB)
const SHAPED = [
  ['DB_USER', 'app-user-1'],
  ['DB_PASS', 'p@ss "quoted"\nline2'],
  ['DB_CONN_PORT', '5432'],
  ['DB_CONN_TLS', 'true'],
  ['DB_HOSTS', '["a","b"]'],
] as const

let bw: BitwardenServer
let inf: InfisicalServer
let vault: VaultServer
let bwToken: string
let infToken: string
let vaultToken: string

beforeAll(async () => {
  ;[bw, inf, vault] = await Promise.all([startBitwardenServer(), startInfisicalServer(), startVaultServer()])
  const org = bw.createOrganization()
  const project = bw.createProject(org.id, 'app')
  bw.createSecret(org.id, { key: 'DB', value: DB_TEXT, projectIds: [project] })
  bw.createSecret(org.id, { key: 'PLAIN', value: 'plain-bw-value', projectIds: [project] })
  bwToken = bw.createAccessToken(bw.createMachineAccount(org.id, { projects: [project] }))
  const p = inf.createProject({ slug: 'app' })
  inf.setSecret(p.id, { environment: 'prod', key: 'DB', value: DB_TEXT })
  inf.setSecret(p.id, { environment: 'prod', key: 'PLAIN', value: 'plain-inf-value' })
  infToken = inf.createServiceToken(p.id, { scopes: [{ environment: 'prod', secretPath: '/' }] })
  vault.mountKv('secret', 2)
  // Vault stores the object itself: vault-action (and we) export a non-string value as its JSON text.
  vault.writeSecret('secret', 'ci', { db: DB, plain: 'plain-vault-value' })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  vaultToken = vault.createToken({ policies: ['ci'] })
})

afterAll(async () => Promise.all([bw.close(), inf.close(), vault.close()]))

const PROVIDERS = {
  bitwarden: () => ({ access_token: bwToken, base_url: bw.url, secrets: 'DB > DB\nPLAIN > PLAIN' }),
  infisical: () => ({ access_token: infToken, base_url: inf.url, secrets: 'DB\nPLAIN' }),
  vault: () => ({
    access_token: vaultToken,
    base_url: vault.url,
    secrets: 'secret/data/ci db | DB ; secret/data/ci plain | PLAIN',
  }),
}

function expectNoLeak(run: { stdout: string; stderr: string }, values: readonly string[]): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const v of values) for (const line of v.split('\n')) if (line.length >= 4) expect(log).not.toContain(line)
}

describe.each(Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[])('%s', (provider) => {
  test('parse_json: a JSON secret becomes its variables and outputs, each leaf masked; others unchanged', async () => {
    const run = await runAction({ ...PROVIDERS[provider](), parse_json: 'true', timeout: '20' })
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    const plain = `plain-${provider === 'bitwarden' ? 'bw' : provider === 'infisical' ? 'inf' : 'vault'}-value`
    expect([...run.env]).toEqual([...SHAPED, ['PLAIN', plain]])
    expect([...run.outputs]).toEqual([...SHAPED, ['PLAIN', plain]])
    expect(run.env.has('DB')).toBe(false)
    expect(run.masks).toEqual(expect.arrayContaining([DB_TEXT, 'app-user-1', 'p@ss "quoted"', 'line2', '5432', 'true']))
    expectNoLeak(run, [DB_TEXT, 'app-user-1', 'p@ss "quoted"', plain])
    // The summary names each variable and where it came from.
    expect(run.summary).toContain('<th>From</th>')
    expect(run.summary).toMatch(/<td>DB_CONN_PORT<\/td><td>\(same\)<\/td><td>DB<\/td>/)
    expect(run.summary).toMatch(/<td>PLAIN<\/td><td>\(same\)<\/td><td>\(same\)<\/td>/)
    expect(run.summary).toContain(', JSON conn.port</td>')
  })

  test('name_prefix and name_transformation: applied to every name, the prefix kept as given', async () => {
    const run = await runAction({
      ...PROVIDERS[provider](),
      parse_json: 'true',
      name_prefix: 'TF_VAR_',
      name_transformation: 'lowercase',
      timeout: '20',
    })
    expect(run.exitCode).toBe(0)
    const names = [
      'TF_VAR_db_user',
      'TF_VAR_db_pass',
      'TF_VAR_db_conn_port',
      'TF_VAR_db_conn_tls',
      'TF_VAR_db_hosts',
      'TF_VAR_plain',
    ]
    expect([...run.env.keys()]).toEqual(names)
    expect([...run.outputs.keys()]).toEqual(names)
  })
})

test('a collision after shaping fails before anything is exported, naming both sources', async () => {
  const run = await runAction({
    ...PROVIDERS.vault(),
    secrets: 'secret/data/ci plain | plain ; secret/data/ci plain | PLAIN',
    name_transformation: 'uppercase',
    timeout: '20',
  })
  expect(run.exitCode).not.toBe(0)
  expect(run.error).toBe(
    'inject-secrets: Refusing to export PLAIN twice (vault secret/data/ci plain (line 1) and vault secret/data/ci plain (line 1)).',
  )
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
})

test("a prefix that makes a JSON field a dangerous name is refused (the field is the server's)", async () => {
  const run = await runAction({
    ...PROVIDERS.vault(),
    secrets: 'secret/data/ci db | L',
    parse_json: 'true',
    name_prefix: 'LD_',
    timeout: '20',
  })
  expect(run.error).toMatch(/^inject-secrets: Refusing to export LD_L_\w+ \(.*The name comes from the server/)
  expect(run.envFile).toBe('')
})

test("a prefix on a name the mapping wrote is the author's choice: exported, with a warning", async () => {
  const run = await runAction({ ...PROVIDERS.bitwarden(), secrets: 'PLAIN > ATH', name_prefix: 'P', timeout: '20' })
  expect(run.error).toBeUndefined()
  expect(run.stdout).toMatch(/^::warning::PATH \(.*\) is exported as an environment variable as the mapping asks/m)
})

test('a bad name_prefix is an input error before any request', async () => {
  vault.resetLog()
  const run = await runAction({ ...PROVIDERS.vault(), name_prefix: '1X', timeout: '20' })
  expect(run.error).toBe(
    `inject-secrets: Input 'name_prefix' must be letters, digits and '_', not starting with a digit (e.g. TF_VAR_), got "1X".`,
  )
  expect(vault.requests).toEqual([])
})

test('clean: the post step empties every env var the step exported (names recorded, never values)', async () => {
  const inputs = { ...PROVIDERS.infisical(), parse_json: 'true', clean: 'true', timeout: '20' }
  const main = await runMainWithState(inputs)
  expect(main.exitCode).toBe(0)
  const state = [...main.state.values()].join('\n')
  expect(state).toContain('DB_CONN_PORT')
  for (const [, value] of SHAPED) if (value.length >= 4) expect(state).not.toContain(value)
  expect(state).not.toContain('plain-inf-value')
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-clean-'))
  try {
    const envFile = join(dir, 'env')
    writeFileSync(envFile, '')
    const post = await runPost(inputs, main.state, { GITHUB_ENV: envFile })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect([...parseFileCommands(readFileSync(envFile, 'utf8'))]).toEqual(
      [...SHAPED.map(([n]) => n), 'PLAIN'].map((n) => [n, '']),
    )
    expect(post.stdout).toContain(
      'inject-secrets post step: emptied 6 environment variables for the later steps (clean: true).',
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('without clean, nothing is recorded for the env', async () => {
  const main: ActionRun & { state: Map<string, string> } = await runMainWithState({
    ...PROVIDERS.infisical(),
    timeout: '20',
  })
  expect(main.exitCode).toBe(0)
  expect([...main.state.values()].join('')).not.toContain('clean-env')
})
