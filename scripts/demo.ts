// `npm start`: runs the bundled action against the embedded Bitwarden test server with demo
// secrets, and prints what a workflow run would show: the masked log and the exported names.
import { startBitwardenServer } from '../test/servers/bitwarden.js'
import { maskedLog, runAction } from '../test/harness/run-action.js'

const server = await startBitwardenServer()
try {
  const org = server.createOrganization()
  const backend = server.createProject(org.id, 'backend')
  const frontend = server.createProject(org.id, 'frontend')
  const dbPassword = server.createSecret(org.id, { key: 'DB_PASSWORD', value: 's3cr3t-p@ss', projectIds: [backend] })
  server.createSecret(org.id, { key: 'DB_USER', value: 'app_user', projectIds: [backend] })
  server.createSecret(org.id, {
    key: 'TLS_KEY',
    value: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
    projectIds: [backend],
  })
  server.createSecret(org.id, { key: 'STRIPE_KEY', value: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', projectIds: [frontend] })
  server.createSecret(org.id, { key: 'SENTRY_DSN', value: 'https://abc123@o1.ingest.example/42', projectIds: [frontend] })
  const token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [backend, frontend] }))

  const secrets = [
    `${dbPassword} > DB_PASSWORD          # by id, as bitwarden/sm-action`,
    'DB_USER > DATABASE_USER            # by name',
    `${backend}/TLS_KEY > TLS_KEY   # by name within a project`,
    `${frontend}/*   # a whole project`,
  ].join('\n')

  console.log('Run acme/inject-secrets@v1')
  console.log('  with:')
  console.log('    access_token: ***')
  console.log(`    base_url: ${server.url}`)
  console.log('    secrets: |')
  for (const line of secrets.split('\n')) console.log(`      ${line}`)
  const run = await runAction({ access_token: token, secrets, base_url: server.url, set_env: 'true', timeout: '60' })
  // The runner hides ::add-mask:: lines and replaces every registered mask with ***.
  const log = maskedLog(run)
    .split('\n')
    .filter((line) => !line.startsWith('::debug::')) // shown only with RUNNER_DEBUG=1
    .map((line) => line.replace(/^::(warning|error)::/, (_m, k: string) => `${k[0]!.toUpperCase()}${k.slice(1)}: `))
  console.log(log.join('\n').trimEnd())
  console.log('')
  // What a later step that prints its environment would show.
  console.log('Run env | grep -E "DB_|TLS_|STRIPE|SENTRY"  # a later step')
  const masked = maskedLog({ ...run, stdout: [...run.env].map(([k, v]) => `${k}=${v}`).join('\n'), stderr: '' })
  console.log(masked.split('\n').map((l) => `  ${l}`).join('\n'))
  console.log('')
  console.log(`Exit code: ${run.exitCode}`)
  console.log(`Masks registered: ${run.masks.length}`)
  console.log(`Exported to GITHUB_ENV: ${[...run.env.keys()].join(', ') || '(nothing)'}`)
  console.log(`Step outputs: ${[...run.outputs.keys()].join(', ') || '(nothing)'}`)
  console.log(`HTTP requests: ${server.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join(', ')}`)
  process.exitCode = run.exitCode
} finally {
  await server.close()
}
