// What the self-test (.github/workflows/self-test.yml) puts in the embedded servers and expects back.
// The values are test data, not secrets; they are awkward on purpose (quotes, `$`, non-ASCII, a
// multi-line PEM) so that a runner which mangles them through GITHUB_ENV or GITHUB_OUTPUT on one
// operating system is caught. scripts/test-servers.ts seeds them; scripts/self-test/check.ts and
// check-log.ts compare against them.
import type { BitwardenServer } from '../../test/servers/bitwarden.js'
import type { InfisicalServer } from '../../test/servers/infisical.js'
import type { VaultServer } from '../../test/servers/vault.js'

export type ProviderName =
  | 'bitwarden'
  | 'infisical'
  | 'vault'
  // The write job: what `uses: ./write` wrote, as the read action reads it back.
  | 'bitwarden-write'
  | 'infisical-write'
  | 'vault-write'

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
  // `env` is also the write step's source variable and the minting step's output name. No leading
  // or trailing whitespace: Infisical trims it (README, Writing secrets).
  'bitwarden-write': [
    { env: 'BW_MINTED_KEY', output: 'BW_MINTED_KEY', value: `minted "bw" key $PATH ✓ 100%` },
    { env: 'BW_ROTATED_PEM', output: 'BW_ROTATED_PEM', value: PEM.replace('body-2', 'rotated-bw') },
  ],
  'infisical-write': [
    { env: 'INF_MINTED_KEY', output: 'INF_MINTED_KEY', value: `minted 'inf' key & <angle> ✓` },
    { env: 'INF_ROTATED_PEM', output: 'INF_ROTATED_PEM', value: PEM.replace('body-2', 'rotated-inf') },
  ],
  'vault-write': [
    { env: 'VAULT_MINTED_KEY', output: 'VAULT_MINTED_KEY', value: 'minted vault key %0A ::warning:: ✓' },
    { env: 'VAULT_ROTATED_PEM', output: 'VAULT_ROTATED_PEM', value: PEM.replace('body-2', 'rotated-vault') },
  ],
}

/** The write job's names: each provider's written values, in EXPECTED. */
export const WRITE_PROVIDERS = ['bitwarden-write', 'infisical-write', 'vault-write'] as const

/** A token that may write, the write step's mapping, and the read action's mapping to read it back. */
export interface SeededWrite {
  readonly writeToken: string
  readonly writeSecrets: string
  readonly readBackSecrets: string
}

/** What the workflow passes to each provider's step, besides the URL and token outputs. */
export interface Seeded {
  readonly bitwarden: { url: string; token: string; secrets: string } & SeededWrite
  readonly infisical: { url: string; token: string; secrets: string; environment: string } & SeededWrite
  readonly vault: { url: string; token: string; secrets: string } & SeededWrite
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
  // The write job: one secret to update (it holds an old value), one to create.
  const written = bw.createProject(org.id, 'self-test-write')
  bw.createSecret(org.id, { key: 'ROTATED_PEM', value: 'old pem', projectIds: [written] })
  const bwWriteToken = bw.createAccessToken(bw.createMachineAccount(org.id, { projects: [written], write: true }))

  const infProject = inf.createProject({ slug: 'self-test', e2ee: false })
  const set = (key: string, v: string): void =>
    inf.setSecret(infProject.id, { environment: 'prod', path: '/', key, value: v })
  set('DATABASE_URL', value('infisical', 'DATABASE_URL'))
  set('API_KEY', value('infisical', 'INF_API_KEY'))
  const infToken = inf.createServiceToken(infProject.id, { scopes: [{ environment: 'prod', secretPath: '/' }] })
  inf.setSecret(infProject.id, { environment: 'prod', path: '/written', key: 'ROTATED_PEM', value: 'old pem' })
  const infWriteToken = inf.createServiceToken(infProject.id, {
    scopes: [{ environment: 'prod', secretPath: '/written' }],
    permissions: ['read', 'write'],
  })

  vault.mountKv('secret', 2)
  vault.writeSecret('secret', 'ci', {
    npmToken: value('vault', 'NPMTOKEN'),
    db: { password: value('vault', 'VAULT_DB_PASSWORD') },
  })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  const vaultToken = vault.createToken({ policies: ['ci'] })
  vault.writeSecret('secret', 'written', { rotatedPem: 'old pem', kept: 'kept value' })
  vault.setPolicy('writer', { 'secret/data/written': ['read', 'create', 'update'] })
  const vaultWriteToken = vault.createToken({ policies: ['writer'] })

  return {
    bitwarden: {
      url: bw.url,
      token: bwToken,
      secrets: [`${dbId} > DB_PASSWORD`, 'API_KEY > BW_API_KEY', `${project}/TLS_KEY > TLS_KEY`].join('\n'),
      writeToken: bwWriteToken,
      writeSecrets: `BW_MINTED_KEY > ${written}/MINTED_KEY\nBW_ROTATED_PEM > ${written}/ROTATED_PEM`,
      readBackSecrets: `${written}/MINTED_KEY > BW_MINTED_KEY\n${written}/ROTATED_PEM > BW_ROTATED_PEM`,
    },
    infisical: {
      url: inf.url,
      token: infToken,
      secrets: 'DATABASE_URL\nAPI_KEY > INF_API_KEY',
      environment: 'prod',
      writeToken: infWriteToken,
      writeSecrets: 'INF_MINTED_KEY > MINTED_KEY\nINF_ROTATED_PEM > /written/ROTATED_PEM',
      readBackSecrets: 'MINTED_KEY > INF_MINTED_KEY\nROTATED_PEM > INF_ROTATED_PEM',
    },
    vault: {
      url: vault.url,
      token: vaultToken,
      secrets: 'secret/data/ci npmToken ;\nsecret/data/ci db.password | VAULT_DB_PASSWORD',
      writeToken: vaultWriteToken,
      writeSecrets:
        'VAULT_MINTED_KEY > secret/data/written mintedKey\nVAULT_ROTATED_PEM > secret/data/written rotatedPem',
      readBackSecrets:
        'secret/data/written mintedKey | VAULT_MINTED_KEY ;\nsecret/data/written rotatedPem | VAULT_ROTATED_PEM',
    },
  }
}
