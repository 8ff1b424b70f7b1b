// The vendors' own actions beside ours, on the same server, proxy and Node: hashicorp/vault-action's
// dist and a sequential reader issuing its requests (8 KV v2 paths, one key each), and
// Infisical/secrets-action's dist (Universal Auth + one read). Each process gets the same `with:`
// inputs, as a workflow that changes only its `uses:` line, plus the defaults of its own action.yml
// (the runner's part). The vendors' dist files are given by path; the bench downloads nothing.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { InfisicalServer } from '../test/servers/infisical.js'
import type { VaultServer } from '../test/servers/vault.js'

export interface Logged {
  requests: Array<{ method: string; path: string }>
  resetLog(): void
}

export interface Compared {
  readonly what: string
  readonly args: string[]
  readonly env: Record<string, string>
  readonly requests: number
  readonly exports: number
  readonly log: Logged
  /** The row ours is compared with, and the target ratio of our wall time to its. */
  readonly baseline?: { readonly what: string; readonly target: number }
}

export const OURS_VAULT = 'ours (dist/index.js)'
export const OURS_INFISICAL = 'ours (dist/index.js), Universal Auth'

/** The git blob id of a file: `git ls-tree <tag> dist/index.js` in the vendor's repository shows it. */
export function gitBlobId(path: string): string {
  const bytes = readFileSync(path)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

// The released files this bench was run with, by blob id (checked with `git ls-tree <tag>`).
const KNOWN: Record<string, string> = {
  '872a1611a890b230883c99c07f3e7a796b140017': 'hashicorp/vault-action v3.4.0 dist/index.js',
  a5bdba7a471713aa41c8d5ed29743b1fecde619d: 'Infisical/secrets-action v1.0.15 dist/index.cjs',
}

/** What a dist file is: its release when known, and its blob id either way. */
export function describeDist(path: string): string {
  const id = gitBlobId(path)
  return `${KNOWN[id] ?? 'an unlisted version'} (git blob ${id.slice(0, 12)})`
}

const runnerEnv = (files: { GITHUB_ENV: string; GITHUB_OUTPUT: string }): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  GITHUB_ENV: files.GITHUB_ENV,
  GITHUB_OUTPUT: files.GITHUB_OUTPUT,
})

/** Inputs by their action.yml names, as the runner passes them (INPUT_ + upper case). */
const inputs = (with_: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(with_).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]))

// vault-action v3.4.0 action.yml: the inputs with a default.
const VAULT_ACTION_DEFAULTS = {
  method: 'token',
  kubernetesTokenPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  exportEnv: 'true',
  exportToken: 'false',
  outputToken: 'false',
  tlsSkipVerify: 'false',
  jwtTtl: '3600',
  ignoreNotFound: 'false',
}

// secrets-action v1.0.15 action.yaml: the inputs with a default (domain is given below).
const SECRETS_ACTION_DEFAULTS = {
  method: 'universal',
  'export-type': 'env',
  'file-output-path': '/.env',
  'secret-path': '/',
  'include-imports': 'true',
  recursive: 'false',
  'extra-headers': '',
}

/** 8 KV v2 paths with one key each, read by `path KEY ;` lines (vault-action's grammar, which ours takes). */
export function vaultEightPaths(
  vault: VaultServer,
  url: string,
  files: { GITHUB_ENV: string; GITHUB_OUTPUT: string },
  vaultActionDist: string | undefined,
): Compared[] {
  const paths = 8
  for (let p = 0; p < paths; p++)
    vault.writeSecret('secret', `vs8/p${p}`, { [`SECRET_${p}`]: `value-${p}-${'x'.repeat(24)}` })
  const with_ = {
    url,
    token: vault.createToken({ policies: ['bench'] }),
    secrets: Array.from({ length: paths }, (_, p) => `secret/data/vs8/p${p} SECRET_${p} ;`).join('\n'),
  }
  const env = { ...runnerEnv(files), ...inputs(with_) }
  const vendorEnv = { ...runnerEnv(files), ...inputs({ ...VAULT_ACTION_DEFAULTS, ...with_ }) }
  const cases: Compared[] = [
    {
      what: 'sequential reader (vault-action\u2019s requests, plain node:http)',
      args: ['bench/vault-sequential.cjs'],
      env: vendorEnv,
      requests: paths,
      exports: paths,
      log: vault,
    },
  ]
  if (vaultActionDist)
    cases.push({
      what: 'hashicorp/vault-action dist',
      args: [vaultActionDist],
      env: vendorEnv,
      requests: paths,
      exports: paths,
      log: vault,
    })
  cases.push({
    what: OURS_VAULT,
    args: ['dist/index.js'],
    env,
    requests: paths,
    exports: paths,
    log: vault,
    baseline: vaultActionDist ? { what: 'hashicorp/vault-action dist', target: 0.5 } : undefined,
  })
  return cases
}

/** A machine identity (Universal Auth) and one read of a folder of 10 secrets by project slug. */
export function infisicalUniversalAuth(
  infisical: InfisicalServer,
  url: string,
  files: { GITHUB_ENV: string; GITHUB_OUTPUT: string },
  secretsActionDist: string | undefined,
  oursRequests: number,
): Compared[] {
  const n = 10
  const project = infisical.createProject()
  for (let i = 0; i < n; i++)
    infisical.setSecret(project.id, { environment: 'prod', key: `SECRET_${i}`, value: `value-${i}-${'x'.repeat(24)}` })
  const { clientId, clientSecret } = infisical.createIdentity([project.id])
  const with_ = {
    domain: url,
    'client-id': clientId,
    'client-secret': clientSecret,
    'project-slug': project.slug,
    'env-slug': 'prod',
  }
  const cases: Compared[] = []
  if (secretsActionDist)
    cases.push({
      what: 'Infisical/secrets-action dist',
      args: [secretsActionDist],
      env: { ...runnerEnv(files), ...inputs({ ...SECRETS_ACTION_DEFAULTS, ...with_ }) },
      requests: 2,
      exports: n,
      log: infisical,
    })
  cases.push({
    what: OURS_INFISICAL,
    args: ['dist/index.js'],
    env: { ...runnerEnv(files), ...inputs(with_) },
    requests: oursRequests,
    exports: n,
    log: infisical,
    baseline: secretsActionDist ? { what: 'Infisical/secrets-action dist', target: 0.6 } : undefined,
  })
  return cases
}
