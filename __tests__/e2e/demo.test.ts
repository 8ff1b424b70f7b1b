// `npm start` (scripts/demo.ts) end to end: every provider's step succeeds, the log a person sees
// shows the summary tables, masked `run:` output and the post step's deletion, and never a value.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname ?? '.', '../..')

// Values the demo stores in its servers (scripts/demo.ts).
const VALUES = [
  's3cr3t-p@ss',
  'app_user',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'abc123@o1.ingest',
  'legacy-user',
  'legacy-p@ss-42',
  'db.internal',
  'ik_live_0123456789',
  'npm_0123456789abcdef',
  'vault-db-pw',
  'vk-abc-123',
]

test('npm start shows three masked runs with their summaries and never a value', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/demo.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  const out = r.stdout
  for (const v of VALUES) expect(out).not.toContain(v)
  expect(out).toContain(
    'inject-secrets: 5 secrets from bitwarden: DB_PASSWORD, DATABASE_USER, TLS_KEY, STRIPE_KEY, SENTRY_DSN',
  )
  expect(out).toContain('inject-secrets: 3 secrets from infisical: DATABASE_URL, INFISICAL_API_KEY, DB_HOST')
  expect(out).toContain('inject-secrets: 3 secrets from vault: NPMTOKEN, DB_PASSWORD, API_KEY')
  expect(out.match(/\| Environment variable \| Step output \| Provider/g)).toHaveLength(3)
  expect(out).toContain(
    '│ | NPMTOKEN             | npmToken    | HashiCorp Vault | vault secret/data/ci npmToken (line 1)    |',
  )
  expect(out).toContain('DB_PASSWORD=*** DATABASE_USER=*** STRIPE_KEY=***')
  expect(out).toContain("TLS_KEY='***\n  ***\n  ***'")
  expect(out).toContain('    "NPMTOKEN": "***",')
  expect(out.match(/ is gone\)/g)).toHaveLength(2)
})
