// What the self-test (.github/workflows/self-test.yml) puts in the embedded servers and expects back.
// The values are test data, not secrets; they are awkward on purpose (quotes, `$`, non-ASCII, a
// multi-line PEM) so that a runner which mangles them through GITHUB_ENV or GITHUB_OUTPUT on one
// operating system is caught. scripts/test-servers.ts seeds them; scripts/self-test/check.ts and
// check-log.ts compare against them.
import type { BitwardenServer } from '../../test/servers/bitwarden.js'
import type { InfisicalServer } from '../../test/servers/infisical.js'
import type { VaultServer } from '../../test/servers/vault.js'

export type ProviderName = 'bitwarden' | 'infisical' | 'vault'

/** One secret the action must export: the env var, the step output and the exact value. */
export interface Expected {
  readonly env: string
  readonly output: string
  readonly value: string
}

const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nself-test-key-body-2\n-----END PRIVATE KEY-----'

export const EXPECTED: Readonly<Record<ProviderName, readonly Expected[]>> = {
  bitwarden: [
    { env: 'DB_PASSWORD', output: 'DB_PASSWORD', value: `bw p@ss "quoted" 'single' $HOME ✓ 100%` },
    { env: 'BW_API_KEY', output: 'BW_API_KEY', value: 'bw-api-key-0123456789abcdef' },
    { env: 'TLS_KEY', output: 'TLS_KEY', value: PEM },
  ],
  infisical: [
    { env: 'DATABASE_URL', output: 'DATABASE_URL', value: 'postgres://inf-user:inf-p%40ss@db.internal:5432/app' },
    { env: 'INF_API_KEY', output: 'INF_API_KEY', value: 'ik_live_self_test_9876543210' },
  ],
  vault: [
    // vault-action's grammar: a key without `| NAME` is exported upper-cased, its output keeps the case.
    { env: 'NPMTOKEN', output: 'npmToken', value: 'npm_selftest_0123456789abcdef' },
    { env: 'VAULT_DB_PASSWORD', output: 'VAULT_DB_PASSWORD', value: 'vault db pw with spaces & <angle> ✓' },
  ],
}

/** What the workflow passes to each provider's step, besides the URL and token outputs. */
export interface Seeded {
  readonly bitwarden: { url: string; token: string; secrets: string }
  readonly infisical: { url: string; token: string; secrets: string; environment: string }
  readonly vault: { url: string; token: string; secrets: string }
}

const value = (provider: ProviderName, env: string): string => EXPECTED[provider].find((e) => e.env === env)!.value

/** Seeds the three servers; `secrets` is each step's mapping text (it holds ids, not values). */
export function seed(bw: BitwardenServer, inf: InfisicalServer, vault: VaultServer): Seeded {
  const org = bw.createOrganization()
  const project = bw.createProject(org.id, 'self-test')
  const dbId = bw.createSecret(org.id, {
    key: 'DB_PASSWORD',
    value: value('bitwarden', 'DB_PASSWORD'),
    projectIds: [project],
  })
  bw.createSecret(org.id, { key: 'API_KEY', value: value('bitwarden', 'BW_API_KEY'), projectIds: [project] })
  bw.createSecret(org.id, { key: 'TLS_KEY', value: value('bitwarden', 'TLS_KEY'), projectIds: [project] })
  const bwToken = bw.createAccessToken(bw.createMachineAccount(org.id, { projects: [project] }))

  const infProject = inf.createProject({ slug: 'self-test', e2ee: false })
  const set = (key: string, v: string): void =>
    inf.setSecret(infProject.id, { environment: 'prod', path: '/', key, value: v })
  set('DATABASE_URL', value('infisical', 'DATABASE_URL'))
  set('API_KEY', value('infisical', 'INF_API_KEY'))
  const infToken = inf.createServiceToken(infProject.id, { scopes: [{ environment: 'prod', secretPath: '/' }] })

  vault.mountKv('secret', 2)
  vault.writeSecret('secret', 'ci', {
    npmToken: value('vault', 'NPMTOKEN'),
    db: { password: value('vault', 'VAULT_DB_PASSWORD') },
  })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  const vaultToken = vault.createToken({ policies: ['ci'] })

  return {
    bitwarden: {
      url: bw.url,
      token: bwToken,
      secrets: [`${dbId} > DB_PASSWORD`, 'API_KEY > BW_API_KEY', `${project}/TLS_KEY > TLS_KEY`].join('\n'),
    },
    infisical: { url: inf.url, token: infToken, secrets: 'DATABASE_URL\nAPI_KEY > INF_API_KEY', environment: 'prod' },
    vault: {
      url: vault.url,
      token: vaultToken,
      secrets: 'secret/data/ci npmToken ;\nsecret/data/ci db.password | VAULT_DB_PASSWORD',
    },
  }
}
