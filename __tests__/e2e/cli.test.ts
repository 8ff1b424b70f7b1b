// End to end: `node dist/cli.js run … -- <command>` against the local Bitwarden server. The
// child proves what it received by printing a hash of the value, never the value; the CLI must
// never print a value or the token itself.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { createTestCa, type TestCa } from '../../test/harness/tls-ca.js'
import { TEST_NODE } from '../../test/harness/run-action.js'

const CLI = resolve(import.meta.dirname ?? '.', '../../dist/cli.js')
const VALUE = 'local-dev-password ✓ "quoted" $HOME\nsecond line'
const OTHER = 'second-secret-value-42'

let server: BitwardenServer
let token: string
let id: string
let otherId: string
let jsonId: string
const JSON_VALUE = '{"user":"json-user-name","conn":{"port":5432}}'
let dir: string

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(TEST_NODE, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error('cli did not finish within 30 s'))
    }, 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code: code ?? -1, stdout, stderr })
    })
  })
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')

/** A child that prints NAME=<sha256 of its value, or 'unset'> for each name. */
function hasher(...names: string[]): string[] {
  const script = `const {createHash}=require('node:crypto');for(const n of ${JSON.stringify(names)}){const v=process.env[n];console.log(n+'='+(v===undefined?'unset':createHash('sha256').update(v).digest('hex')))}`
  return ['--', process.execPath, '-e', script]
}

function expectNoLeak(run: CliRun, ...values: string[]): void {
  const all = run.stdout + run.stderr
  const [, secret, key] = /^0\.[^.]+\.([^:]+):(.*)$/.exec(token)!
  for (const v of [token, secret!, key!, ...values]) for (const line of v.split('\n')) expect(all).not.toContain(line)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-e2e-'))
  server = await startBitwardenServer()
  const org = server.createOrganization()
  const project = server.createProject(org.id, 'dev')
  id = server.createSecret(org.id, { key: 'DB_PASSWORD', value: VALUE, projectIds: [project] })
  otherId = server.createSecret(org.id, { key: 'OTHER', value: OTHER, projectIds: [project] })
  jsonId = server.createSecret(org.id, { key: 'DB', value: JSON_VALUE, projectIds: [project] })
  token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project] }))
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => server.resetLog())

test('flags: the command runs with the secret in its environment; only names are printed', async () => {
  const run = await runCli([
    'run',
    '--access-token',
    token,
    '--secrets',
    `${id} > DB_PASSWORD`,
    '--base-url',
    server.url,
    ...hasher('DB_PASSWORD'),
  ])
  expect(run.stderr).toBe('inject-secrets: 1 secret from bitwarden: DB_PASSWORD\n')
  expect(run.stdout).toBe(`DB_PASSWORD=${sha(VALUE)}\n`)
  expect(run.code).toBe(0)
  expectNoLeak(run, VALUE)
  expect(server.requests.map((r) => r.path)).toEqual(['/identity/connect/token', '/api/secrets/get-by-ids'])
})

test('--parse-json, --name-prefix, --name-transformation shape the names the command gets', async () => {
  const run = await runCli([
    'run',
    '--access-token',
    token,
    '--secrets',
    `${jsonId} > Db`,
    '--base-url',
    server.url,
    '--parse-json',
    'true',
    '--name-prefix',
    'TF_VAR_',
    '--name-transformation',
    'lowercase',
    ...hasher('TF_VAR_db_user', 'TF_VAR_db_conn_port', 'Db', 'TF_VAR_db'),
  ])
  expect(run.stderr).toBe('inject-secrets: 2 secrets from bitwarden: TF_VAR_db_user, TF_VAR_db_conn_port\n')
  expect(run.stdout).toBe(
    `TF_VAR_db_user=${sha('json-user-name')}\nTF_VAR_db_conn_port=${sha('5432')}\nDb=unset\nTF_VAR_db=unset\n`,
  )
  expect(run.code).toBe(0)
  expectNoLeak(run, JSON_VALUE, 'json-user-name')
})

test('--flag=value forms, repeated --secrets lines, and the child’s exit code passed on', async () => {
  const run = await runCli([
    'run',
    `--access-token=${token}`,
    `--secrets=${id} > DB_PASSWORD`,
    '--secrets',
    `${otherId} > OTHER`,
    `--base-url=${server.url}`,
    '--',
    process.execPath,
    '-e',
    `process.exit(process.env.OTHER === ${JSON.stringify(OTHER)} && process.env.DB_PASSWORD === ${JSON.stringify(VALUE)} ? 7 : 3)`,
  ])
  expect(run.stderr).toBe('inject-secrets: 2 secrets from bitwarden: DB_PASSWORD, OTHER\n')
  expect(run.code).toBe(7)
})

test('environment: INJECT_SECRETS_* (not passed on to the child), and INPUT_* as on a runner', async () => {
  const viaOwn = await runCli(['run', ...hasher('DB_PASSWORD', 'INJECT_SECRETS_ACCESS_TOKEN', 'KEEP_ME')], {
    INJECT_SECRETS_ACCESS_TOKEN: token,
    INJECT_SECRETS_SECRETS: `${id} > DB_PASSWORD`,
    INJECT_SECRETS_BASE_URL: server.url,
    KEEP_ME: 'x',
  })
  expect(viaOwn.code).toBe(0)
  expect(viaOwn.stdout).toBe(`DB_PASSWORD=${sha(VALUE)}\nINJECT_SECRETS_ACCESS_TOKEN=unset\nKEEP_ME=${sha('x')}\n`)
  expectNoLeak(viaOwn, VALUE)
  const viaInput = await runCli(['run', ...hasher('DB_PASSWORD')], {
    INPUT_ACCESS_TOKEN: token,
    INPUT_SECRETS: `${id} > DB_PASSWORD`,
    INPUT_BASE_URL: server.url,
  })
  expect(viaInput.code).toBe(0)
  expect(viaInput.stdout).toBe(`DB_PASSWORD=${sha(VALUE)}\n`)
})

test('a flag wins over INJECT_SECRETS_*, which wins over INPUT_*', async () => {
  const run = await runCli(['run', '--secrets', `${otherId} > PICKED`, ...hasher('PICKED', 'DB_PASSWORD')], {
    INJECT_SECRETS_ACCESS_TOKEN: token,
    INPUT_ACCESS_TOKEN: 'not-a-token',
    INJECT_SECRETS_SECRETS: `${id} > DB_PASSWORD`,
    INJECT_SECRETS_BASE_URL: server.url,
  })
  expect(run.code).toBe(0)
  expect(run.stdout).toBe(`PICKED=${sha(OTHER)}\nDB_PASSWORD=unset\n`)
})

test('--secrets-file reads the mapping from a file', async () => {
  const file = join(dir, 'mapping.txt')
  writeFileSync(file, `# local mapping\n${id} > DB_PASSWORD\n${otherId} > OTHER\n`)
  const run = await runCli(['run', '--secrets-file', file, ...hasher('OTHER')], {
    INJECT_SECRETS_ACCESS_TOKEN: token,
    INJECT_SECRETS_BASE_URL: server.url,
  })
  expect(run.code).toBe(0)
  expect(run.stdout).toBe(`OTHER=${sha(OTHER)}\n`)
})

describe('failures: nothing is exported and the command is not started', () => {
  const marker = (): string => join(dir, `started-${Math.random().toString(36).slice(2)}`)
  const touching = (file: string): string[] => [
    '--',
    process.execPath,
    '-e',
    `require('node:fs').writeFileSync(${JSON.stringify(file)}, JSON.stringify(process.env))`,
  ]

  test('an unknown secret id', async () => {
    const file = marker()
    const unknown = '00000000-0000-4000-8000-000000000000'
    const run = await runCli([
      'run',
      '--access-token',
      token,
      '--secrets',
      `${id} > DB_PASSWORD\n${unknown} > MISSING`,
      '--base-url',
      server.url,
      ...touching(file),
    ])
    expect(run.code).toBe(1)
    expect(existsSync(file)).toBe(false)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^inject-secrets: .*00000000-0000-4000-8000-000000000000/)
    expectNoLeak(run, VALUE)
  })

  test('a wrong token', async () => {
    const file = marker()
    const bad = token.replace(/:.*/, ':') + Buffer.alloc(64, 1).toString('base64')
    const run = await runCli([
      'run',
      '--access-token',
      bad,
      '--secrets',
      `${id} > DB_PASSWORD`,
      '--base-url',
      server.url,
      ...touching(file),
    ])
    expect(run.code).toBe(1)
    expect(existsSync(file)).toBe(false)
    expect(run.stderr).not.toContain(bad)
  })

  test('a missing access token names the flag and the variable', async () => {
    const file = marker()
    const run = await runCli(['run', '--secrets', `${id} > DB_PASSWORD`, '--base-url', server.url, ...touching(file)])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^inject-secrets: Input 'access_token' \(--access-token or INJECT_SECRETS_ACCESS_TOKEN\) is empty/,
    )
    expect(existsSync(file)).toBe(false)
    expect(server.requests).toHaveLength(0)
  })

  test('a dangerous name is refused as in the action', async () => {
    const file = marker()
    const run = await runCli([
      'run',
      '--access-token',
      token,
      '--secrets',
      `${id} > NODE_OPTIONS`,
      '--base-url',
      server.url,
      ...touching(file),
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Refusing to export NODE_OPTIONS')
    expect(existsSync(file)).toBe(false)
    expectNoLeak(run, VALUE)
  })

  test.each([
    [['run', '--access-token', 'x'], 'no command to run'],
    [['run', '--nope', 'x', '--', 'true'], "unknown option '--nope'"],
    [['run', 'true'], "expected '--' before the command 'true'"],
    [['run', '--base-url'], "option '--base-url' needs a value"],
    [['fetch'], "unknown command 'fetch'"],
  ])('usage error %j: exit 2', async (args, message) => {
    const run = await runCli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(server.requests).toHaveLength(0)
  })
})

test('a command that does not exist: 127, after fetching', async () => {
  const run = await runCli([
    'run',
    '--access-token',
    token,
    '--secrets',
    `${id} > DB_PASSWORD`,
    '--base-url',
    server.url,
    '--',
    'no-such-command-inject-secrets',
  ])
  expect(run.code).toBe(127)
  expect(run.stderr).toContain("cannot run 'no-such-command-inject-secrets': command not found")
})

test('--debug prints methods, paths and statuses, still no value or token', async () => {
  const run = await runCli([
    'run',
    '--debug',
    '--access-token',
    token,
    '--secrets',
    `${id} > DB_PASSWORD`,
    '--base-url',
    server.url,
    ...hasher('DB_PASSWORD'),
  ])
  expect(run.code).toBe(0)
  expect(run.stderr).toMatch(/POST \/identity\/connect\/token → 200/)
  expectNoLeak(run, VALUE)
})

test('--help lists a flag for every input it reads', async () => {
  const run = await runCli(['--help'])
  expect(run.code).toBe(0)
  for (const flag of [
    '--access-token',
    '--secrets',
    '--base-url',
    '--provider',
    '--ca-certificate',
    '--ca-certificate-file',
    '--timeout',
    '--client-secret',
    '--namespace',
  ]) {
    expect(run.stdout).toContain(`  ${flag} `)
  }
})

test('HTTPS with a private CA through --ca-certificate-file', async () => {
  const ca: TestCa = createTestCa()
  const secure = await startBitwardenServer({ tls: ca.issue(['127.0.0.1']) })
  try {
    const org = secure.createOrganization()
    const project = secure.createProject(org.id, 'p')
    const sid = secure.createSecret(org.id, { key: 'K', value: OTHER, projectIds: [project] })
    const t = secure.createAccessToken(secure.createMachineAccount(org.id, { projects: [project] }))
    const args = ['run', '--access-token', t, '--secrets', `${sid} > K`, '--base-url', secure.url]
    const without = await runCli([...args, ...hasher('K')])
    expect(without.code).toBe(1)
    expect(without.stderr).toContain("'ca_certificate' input")
    const withCa = await runCli([...args, '--ca-certificate-file', ca.caFile, ...hasher('K')])
    expect(withCa.code).toBe(0)
    expect(withCa.stdout).toBe(`K=${sha(OTHER)}\n`)
  } finally {
    await secure.close()
    ca.cleanup()
  }
})
