// `npm start`: runs the bundled action (dist/index.js, then dist/post/index.js) against the embedded
// test server of every provider — Bitwarden, Infisical (a service token on a legacy end-to-end
// encrypted project) and HashiCorp Vault — and prints what a workflow run would show: the masked
// log, the job summary (rendered as text), the exported names, a later `run:` step printing them
// (masked, as the runner does), and the post step deleting the exported file.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBitwardenServer } from '../test/servers/bitwarden.js'
import { startInfisicalServer } from '../test/servers/infisical.js'
import { startVaultServer } from '../test/servers/vault.js'
import { maskedLog } from '../test/harness/run-action.js'
import { runMainWithState, runPost } from '../test/harness/run-post.js'

const runnerTemp = mkdtempSync(join(tmpdir(), 'inject-secrets-demo-'))
let failures = 0

/** Decodes the few entities the summary uses. */
function decode(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&')
}

/** The job summary's HTML as a person reads it on the run page, in plain text. */
function summaryAsText(html: string): string {
  const out: string[] = []
  for (const [, tag, body] of html.matchAll(/<(h\d|p|table)>([\s\S]*?)<\/\1>/g)) {
    if (tag === 'table') {
      const rows = [...body!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) =>
        [...tr!.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => decode(c!)),
      )
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
      const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
      out.push(line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line))
    } else {
      out.push(decode(body!.replace(/<\/?code>/g, '`')), '')
    }
  }
  return out.join('\n').trimEnd()
}

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n')
}

/** One `uses:` step as the job log shows it, then its summary, outputs and a later `run:` step. */
async function step(
  title: string,
  inputs: Record<string, string>,
  shown: Record<string, string>,
  later: string,
): Promise<void> {
  console.log(`\n${'═'.repeat(100)}\n${title}\n${'═'.repeat(100)}`)
  console.log('Run acme/inject-secrets@v1\n  with:')
  for (const [k, v] of Object.entries(shown)) {
    if (v.includes('\n')) console.log(`    ${k}: |\n${indent(v, '      ')}`)
    else console.log(`    ${k}: ${v}`)
  }
  const run = await runMainWithState(inputs, { env: { RUNNER_TEMP: runnerTemp } })
  // The runner hides ::add-mask:: lines and replaces every registered mask with ***.
  const log = maskedLog(run)
    .split('\n')
    .filter((line) => !line.startsWith('::debug::')) // shown only with RUNNER_DEBUG=1
    .map((line) => line.replace(/^::(warning|error)::/, (_m, k: string) => `${k[0]!.toUpperCase()}${k.slice(1)}: `))
  console.log(indent(log.join('\n').trimEnd()))
  if (run.exitCode !== 0) failures++
  console.log(`\n  Exit code: ${run.exitCode}; masks registered: ${run.masks.length}`)
  console.log(`  Exported to GITHUB_ENV: ${[...run.env.keys()].join(', ') || '(nothing)'}`)
  console.log(`  Step outputs: ${[...run.outputs.keys()].join(', ') || '(nothing)'}`)
  console.log('\n  Job summary (GITHUB_STEP_SUMMARY, rendered):')
  console.log(indent(run.summary === '' ? '(none)' : summaryAsText(run.summary), '  │ '))
  // A later step sees the exported variables; the runner masks its output line by line.
  console.log(`\nRun ${later.split('\n')[0]}${later.includes('\n') ? ' …' : ''}`)
  // env: EXPORT_FILE: ${{ steps.secrets.outputs.export_file }}
  const env = {
    PATH: process.env.PATH ?? '',
    ...Object.fromEntries(run.env),
    EXPORT_FILE: run.outputs.get('export_file') ?? '',
  }
  // As the runner runs `run:` (shell: bash): bash --noprofile --norc -eo pipefail {0}
  const shell = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', later], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  console.log(indent(maskedLog({ ...run, stdout: shell.stdout, stderr: shell.stderr }).trimEnd()))
  const file = run.outputs.get('export_file')
  if (file !== undefined) {
    const post = await runPost(inputs, run.state)
    console.log(
      `\nPost Run acme/inject-secrets@v1\n${indent(maskedLog({ ...run, stdout: post.stdout, stderr: post.stderr }).trimEnd())}`,
    )
    console.log(`  (${file} ${existsSync(file) ? 'still exists' : 'is gone'})`)
  }
}

const bitwarden = await startBitwardenServer()
const infisical = await startInfisicalServer()
const vault = await startVaultServer()
try {
  // Bitwarden Secrets Manager: by id, by name, by project/name, a whole project.
  const org = bitwarden.createOrganization()
  const backend = bitwarden.createProject(org.id, 'backend')
  const frontend = bitwarden.createProject(org.id, 'frontend')
  const dbPassword = bitwarden.createSecret(org.id, { key: 'DB_PASSWORD', value: 's3cr3t-p@ss', projectIds: [backend] })
  bitwarden.createSecret(org.id, { key: 'DB_USER', value: 'app_user', projectIds: [backend] })
  bitwarden.createSecret(org.id, {
    key: 'TLS_KEY',
    value: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
    projectIds: [backend],
  })
  bitwarden.createSecret(org.id, {
    key: 'STRIPE_KEY',
    value: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    projectIds: [frontend],
  })
  bitwarden.createSecret(org.id, {
    key: 'SENTRY_DSN',
    value: 'https://abc123@o1.ingest.example/42',
    projectIds: [frontend],
  })
  const bwToken = bitwarden.createAccessToken(bitwarden.createMachineAccount(org.id, { projects: [backend, frontend] }))
  const bwSecrets = [
    `${dbPassword} > DB_PASSWORD          # by id, as bitwarden/sm-action`,
    'DB_USER > DATABASE_USER            # by name',
    `${backend}/TLS_KEY > TLS_KEY   # by name within a project`,
    `${frontend}/*   # a whole project`,
  ].join('\n')
  await step(
    'Bitwarden Secrets Manager (machine-account access token), also written to a dotenv file',
    { access_token: bwToken, secrets: bwSecrets, base_url: bitwarden.url, export_file: 'app.env' },
    {
      access_token: '${{ secrets.BW_ACCESS_TOKEN }}',
      base_url: bitwarden.url,
      export_file: 'app.env',
      secrets: bwSecrets,
    },
    'echo "DB_PASSWORD=$DB_PASSWORD DATABASE_USER=$DATABASE_USER STRIPE_KEY=$STRIPE_KEY"; echo "$TLS_KEY"; cat "$EXPORT_FILE"',
  )

  // Infisical: a service token on a legacy end-to-end encrypted project, decrypted on the runner.
  const project = infisical.createProject({ slug: 'legacy-app', e2ee: true })
  const set = (key: string, value: string, path = '/'): void =>
    infisical.setSecret(project.id, { environment: 'prod', path, key, value })
  set('DB_USER', 'legacy-user')
  set('DB_PASS', 'legacy-p@ss-42')
  set('DB_HOST', 'db.internal', '/common')
  set('DATABASE_URL', 'postgres://${DB_USER}:${DB_PASS}@${prod.common.DB_HOST}/app')
  set('API_KEY', 'ik_live_0123456789')
  const stToken = infisical.createServiceToken(project.id, { scopes: [{ environment: 'prod', secretPath: '/**' }] })
  const infSecrets = 'DATABASE_URL\nAPI_KEY > INFISICAL_API_KEY\n/common/DB_HOST > DB_HOST'
  await step(
    'Infisical (service token, legacy end-to-end encrypted project)',
    { access_token: stToken, secrets: infSecrets, base_url: infisical.url, environment: 'prod' },
    {
      access_token: '${{ secrets.INFISICAL_TOKEN }}',
      base_url: infisical.url,
      environment: 'prod',
      secrets: infSecrets,
    },
    'echo "DATABASE_URL=$DATABASE_URL INFISICAL_API_KEY=$INFISICAL_API_KEY DB_HOST=$DB_HOST"',
  )

  // HashiCorp Vault: vault-action's grammar; outputs keep the key's case; a JSON file kept.
  vault.mountKv('secret', 2)
  vault.writeSecret('secret', 'ci', {
    npmToken: 'npm_0123456789abcdef',
    db: { password: 'vault-db-pw' },
    'api-key': 'vk-abc-123',
  })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  const vaultToken = vault.createToken({ policies: ['ci'] })
  const vaultSecrets =
    'secret/data/ci npmToken ;\nsecret/data/ci db.password | DB_PASSWORD ;\nsecret/data/ci "api-key" | API_KEY'
  await step(
    'HashiCorp Vault (token), also written to a JSON file',
    {
      access_token: vaultToken,
      secrets: vaultSecrets,
      base_url: vault.url,
      export_file: 'vault.json',
      export_format: 'json',
    },
    {
      access_token: '${{ secrets.VAULT_TOKEN }}',
      base_url: vault.url,
      export_file: 'vault.json',
      export_format: 'json',
      secrets: vaultSecrets,
    },
    'echo "NPMTOKEN=$NPMTOKEN DB_PASSWORD=$DB_PASSWORD API_KEY=$API_KEY"; cat "$EXPORT_FILE"',
  )

  console.log(
    `\nHTTP requests: Bitwarden ${bitwarden.requests.length}, Infisical ${infisical.requests.length}, Vault ${vault.requests.length}`,
  )
  process.exitCode = failures === 0 ? 0 : 1
} finally {
  await Promise.all([bitwarden.close(), infisical.close(), vault.close()])
  rmSync(runnerTemp, { recursive: true, force: true })
}
