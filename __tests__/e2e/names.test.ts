// Who chose a name decides what it may be (SECURITY.md, "Names"): through `node dist/index.js`.
// Names the server chose (a wildcard's keys) in any class that changes how later steps run are
// refused; names the workflow's author wrote are exported (with a warning), except the runner's own;
// GITHUB_TOKEN mapped by the author is a plain export (a token for the gh CLI).
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction } from '../../test/harness/run-action.js'

// One name per class (src/runner/name-classes.ts).
const CLASS_NAMES = [
  'SHELLOPTS',
  'LD_AUDIT',
  'PATH',
  'JAVA_TOOL_OPTIONS',
  'GIT_CONFIG_COUNT',
  'npm_config_registry',
  'HTTPS_PROXY',
] as const

let bw: BitwardenServer
let vault: VaultServer
let bwToken: string
let project: string
const ids = new Map<string, string>()
let vaultToken: string

beforeAll(async () => {
  ;[bw, vault] = await Promise.all([startBitwardenServer(), startVaultServer()])
  const org = bw.createOrganization()
  project = bw.createProject(org.id, 'names')
  for (const name of [...CLASS_NAMES, 'GITHUB_TOKEN'])
    ids.set(name, bw.createSecret(org.id, { key: name, value: `value-of-${name}`, projectIds: [project] }))
  bwToken = bw.createAccessToken(bw.createMachineAccount(org.id, { projects: [project] }))
  vault.mountKv('kv', 1)
  vault.writeSecret('kv', 'app', { LD_PRELOAD: '/tmp/evil.so', SAFE: 'safe-value' })
  vault.setPolicy('read', { 'kv/*': ['read'] })
  vaultToken = vault.createToken({ policies: ['read'] })
})

afterAll(async () => Promise.all([bw.close(), vault.close()]))

const bitwarden = (secrets: string) => ({ access_token: bwToken, base_url: bw.url, secrets, timeout: '20' })

test.each(CLASS_NAMES)('%s chosen by the server (a project wildcard): refused, nothing exported', async (name) => {
  // The project holds a secret named like this: its key becomes the name under `<project>/*`.
  const run = await runAction(bitwarden(`${project}/*`))
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(
    /^inject-secrets: Refusing to export \S+ \(bitwarden secret .*\) as an environment variable: it would change how every later step runs \(.*\)\. The name comes from the server/,
  )
  expect(run.envFile).toBe('')
  // allow_dangerous_names is the explicit opt-in.
  const allowed = await runAction({ ...bitwarden(`${project}/*`), allow_dangerous_names: 'true' })
  expect(allowed.error).toBeUndefined()
  expect(allowed.env.get(name)).toBe(`value-of-${name}`)
})

test.each(CLASS_NAMES)("%s written in the mapping: the author's choice, exported with a warning", async (name) => {
  const run = await runAction(bitwarden(`${ids.get(name)} > ${name}`))
  expect(run.error).toBeUndefined()
  expect(run.env.get(name)).toBe(`value-of-${name}`)
  expect(run.stdout).toMatch(
    new RegExp(
      `^::warning::${name} \\(bitwarden secret [0-9a-f-]+\\) is exported as an environment variable as the mapping asks, but it changes how every later step runs`,
      'm',
    ),
  )
})

test('GITHUB_TOKEN written in the mapping (a token for the gh CLI): exported, no warning', async () => {
  const run = await runAction(bitwarden(`${ids.get('GITHUB_TOKEN')} > GITHUB_TOKEN`))
  expect(run.error).toBeUndefined()
  expect(run.env.get('GITHUB_TOKEN')).toBe('value-of-GITHUB_TOKEN')
  expect(run.stdout).not.toMatch(/^::warning::/m)
})

test("a Vault key named LD_PRELOAD under `*` is refused; the same key mapped with | NAME is the author's", async () => {
  const vaultInputs = (secrets: string) => ({ access_token: vaultToken, base_url: vault.url, secrets, timeout: '20' })
  const wildcard = await runAction(vaultInputs('kv/app *'))
  expect(wildcard.error).toMatch(
    /^inject-secrets: Refusing to export LD_PRELOAD .*dynamic loaders.*The name comes from the server/,
  )
  expect(wildcard.envFile).toBe('')
  const mapped = await runAction(vaultInputs('kv/app LD_PRELOAD | LD_PRELOAD'))
  expect(mapped.error).toBeUndefined()
  expect(mapped.env.get('LD_PRELOAD')).toBe('/tmp/evil.so')
  expect(mapped.stdout).toMatch(/^::warning::LD_PRELOAD .*dynamic loaders/m)
})
