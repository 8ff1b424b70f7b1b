// End to end through dist/ (issue 14, items 9 and 10): an input for another provider is a warning
// naming the input and the provider that ignores it (the run still exports), or an error before any
// request when ignoring it would change what is exported or where the token goes; an input that
// becomes a header value and cannot be one (control characters, 120 kB) is an error naming the input,
// echoed bounded and escaped, before any request. The CLI says the same.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction, TEST_NODE } from '../../test/harness/run-action.js'

const CLI = resolve(import.meta.dirname ?? '.', '../../dist/cli.js')
const VALUE = 'bitwarden-value-7Yq'

let bitwarden: BitwardenServer
let vault: VaultServer
let token: string
let mapping: string
let vaultToken: string

beforeAll(async () => {
  bitwarden = await startBitwardenServer()
  const org = bitwarden.createOrganization()
  const project = bitwarden.createProject(org.id, 'p')
  const id = bitwarden.createSecret(org.id, { key: 'DB_PASSWORD', value: VALUE, projectIds: [project] })
  token = bitwarden.createAccessToken(bitwarden.createMachineAccount(org.id, { projects: [project] }))
  mapping = `${id} > DB_PASSWORD`
  vault = await startVaultServer()
  vault.mountKv('secret', 2)
  vault.writeSecret('secret', 'ci', { password: 'vault-value-3Kp' })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  vaultToken = vault.createToken({ policies: ['ci'] })
})

afterAll(async () => {
  await Promise.all([bitwarden.close(), vault.close()])
})

beforeEach(() => {
  bitwarden.resetLog()
  vault.resetLog()
})

describe('an input for another provider', () => {
  test('Bitwarden with namespace and check_token: warnings naming each input and Vault; the secret is exported', async () => {
    const run = await runAction({
      access_token: token,
      secrets: mapping,
      base_url: bitwarden.url,
      namespace: 'team-a',
      check_token: 'true',
      // action.yml's defaults, as the runner passes them for inputs the step left out: no warning.
      min_ttl: '10m',
      recursive: 'false',
    })
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    expect(run.env.get('DB_PASSWORD')).toBe(VALUE)
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'))
    expect(warnings).toEqual([
      "::warning::Input 'namespace' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
      "::warning::Input 'check_token' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
    ])
  })

  test("Bitwarden with Vault's encoding: an error before any request, nothing exported", async () => {
    const run = await runAction({ access_token: token, secrets: mapping, base_url: bitwarden.url, encoding: 'base64' })
    expect(run.exitCode).toBe(1)
    expect(run.error).toBe(
      "inject-secrets: Input 'encoding' is read for Vault only, but this run uses Bitwarden Secrets Manager, which would ignore it: what is exported would not be what it asks for. Remove it, or set 'provider: vault' if the run is meant for Vault.",
    )
    expect(run.env.size).toBe(0)
    expect(bitwarden.requests).toEqual([])
  })

  test("Vault with Bitwarden's cloud_region: an error, the token never sent", async () => {
    const run = await runAction({
      access_token: vaultToken,
      secrets: 'secret/data/ci password | PASSWORD',
      base_url: vault.url,
      cloud_region: 'eu',
    })
    expect(run.exitCode).toBe(1)
    expect(run.error).toContain(
      "Input 'cloud_region' is read for Bitwarden Secrets Manager only, but this run uses Vault, which would ignore it: the credential would go to another server than the one it names.",
    )
    expect(vault.requests).toEqual([])
  })

  test('the CLI warns the same way', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((done) => {
      const child = spawn(
        TEST_NODE,
        [CLI, 'run', '--secrets', mapping, '--base-url', bitwarden.url, '--namespace', 'team-a', '--', 'true'],
        {
          env: { PATH: process.env.PATH ?? '', INJECT_SECRETS_ACCESS_TOKEN: token },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      )
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      child.on('close', (code) => done({ code: code ?? -1, stderr }))
    })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      "inject-secrets: warning: Input 'namespace' (--namespace or INJECT_SECRETS_NAMESPACE) is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
    )
  })
})

describe('an input sent as a header value', () => {
  test.each([
    [
      'control characters',
      'team-a\u001b[2J\r\nX-Evil: 1',
      "'team-a\\u001b[2J\\u000d\\u000aX-Evil: 1'",
      'contains a control character',
    ],
    ['120 kB', 'n'.repeat(120_000), `'${'n'.repeat(60)}…'`, 'is 120000 characters long'],
  ])(
    'namespace with %s: an error naming it, bounded and escaped, before any request',
    async (_what, namespace, echo, problem) => {
      const run = await runAction({
        access_token: vaultToken,
        secrets: 'secret/data/ci password | PASSWORD',
        base_url: vault.url,
        namespace,
      })
      expect(run.exitCode).toBe(1)
      expect(run.error).toMatch(new RegExp(`^inject-secrets: Input 'namespace' ${problem}`))
      expect(run.error).toContain(`(it is sent as the X-Vault-Namespace header): ${echo}.`)
      expect(run.stdout).not.toContain('\u001b')
      expect(run.stdout.length).toBeLessThan(5000)
      expect(vault.requests).toEqual([])
    },
  )

  test('extraHeaders with a control character: an error naming the input and line, never the value', async () => {
    const run = await runAction({
      access_token: vaultToken,
      secrets: 'secret/data/ci password | PASSWORD',
      base_url: vault.url,
      extraHeaders: 'X-Ok: fine\nX-Proxy-Secret: s3cr3t-\u0007-value',
    })
    expect(run.exitCode).toBe(1)
    expect(run.error).toBe(
      "inject-secrets: Input 'extraHeaders', line 2: the value of x-proxy-secret contains a control character.",
    )
    expect(run.stdout).not.toContain('s3cr3t')
    expect(vault.requests).toEqual([])
  })
})
