// End to end: `node dist/cli.js write …`, the write action from a terminal, against the local
// Bitwarden server: the value comes from the CLI's environment, is written encrypted and read back
// by the server's own crypto; only targets and outcomes are printed; bad input fails before any
// request.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { startBitwardenServer, type BitwardenServer } from '../../test/servers/bitwarden.js'
import { TEST_NODE } from '../../test/harness/run-action.js'

const CLI = resolve(import.meta.dirname ?? '.', '../../dist/cli.js')
const VALUE = 'minted locally ✓ "quoted" $HOME\nsecond line'

let server: BitwardenServer
let token: string
let project: string

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(TEST_NODE, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
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

beforeAll(async () => {
  server = await startBitwardenServer()
  const org = server.createOrganization()
  project = server.createProject(org.id, 'dev')
  token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project], write: true }))
})

afterAll(() => server.close())

beforeEach(() => server.resetLog())

test('write: the environment value is created, then unchanged; only the target and outcome are printed', async () => {
  const env = { INJECT_SECRETS_ACCESS_TOKEN: token, NEW_KEY: VALUE }
  const args = ['write', '--base-url', server.url, '--secrets', `NEW_KEY > ${project}/API_KEY`]
  const run = await runCli(args, env)
  expect(run.code).toBe(0)
  expect(run.stdout).toBe('')
  const id = /secret "API_KEY" \(([0-9a-f-]{36})\): created/.exec(run.stderr)?.[1]
  expect(server.readSecret(id!)).toMatchObject({ key: 'API_KEY', value: VALUE, projectIds: [project] })
  expect(run.stderr).toContain('1 target in bitwarden: 1 created, 0 updated, 0 unchanged')
  for (const line of [...VALUE.split('\n'), token]) expect(run.stderr).not.toContain(line)
  const again = await runCli([...args, '--dry-run', 'true'], env)
  expect(again.code).toBe(0)
  expect(again.stderr).toContain(
    '(dry run, nothing written): 1 target in bitwarden: 0 would be created, 0 would be updated, 1 unchanged',
  )
})

test('write: a missing source names it and the flag; a command after the options is refused', async () => {
  const missing = await runCli(['write', '--base-url', server.url, '--secrets', `NOT_SET > ${project}/X`], {
    INJECT_SECRETS_ACCESS_TOKEN: token,
  })
  expect(missing.code).toBe(1)
  expect(missing.stderr).toMatch(
    /^inject-secrets: Input 'secrets' \(--secrets or INJECT_SECRETS_SECRETS\), line 1: the source environment variable NOT_SET is not set/,
  )
  const command = await runCli(['write', '--secrets', 'A > B', '--', 'npm', 'test'])
  expect(command.code).toBe(2)
  expect(command.stderr).toContain('inject-secrets write takes no command')
  const runOnly = await runCli(['run', '--dry-run', 'true', '--', 'true'])
  expect(runOnly.code).toBe(2)
  expect(runOnly.stderr).toContain("unknown option '--dry-run'")
  expect(server.requests).toEqual([])
})
