// The CLI as people get it from npm: `npm pack`, install the tarball into an empty prefix with no
// registry (the package must need nothing at run time that dist/ does not bundle), then run
// `<prefix>/node_modules/.bin/inject-secrets run … -- <command>` against the embedded Bitwarden
// server. The command proves what it received by printing a SHA-256 of the value, never the value.
// Under INJECT_SECRETS_TEST_NODE (Node 24 in .ci/run) the installed CLI runs on that node.
//
//   npx tsx scripts/check-package.ts
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBitwardenServer } from '../test/servers/bitwarden.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NODE = process.env.INJECT_SECRETS_TEST_NODE || process.execPath
const VALUE = 'packed-cli ✓ "quoted" $HOME\nsecond line'

/** Runs a command without blocking this process, whose event loop serves the test server. */
function runAsync(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, args, { encoding: 'utf8', env, timeout: 30_000 }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    )
  })
}

let failures = 0
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures++
}

const work = mkdtempSync(join(tmpdir(), 'check-package-'))
const server = await startBitwardenServer()
try {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }),
  ) as Array<{ filename: string; files: Array<{ path: string }>; size: number }>
  const files = packed!.files.map((f) => f.path)
  console.log(`packed ${packed!.filename}: ${files.length} files, ${packed!.size} bytes`)
  for (const f of [
    'package.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'action.yml',
    'dist/cli.js',
    'dist/package.json',
  ]) {
    check(files.includes(f), `the tarball has ${f}`)
  }
  check(!files.some((f) => /^(src|test|__tests__|scripts|bench|docs|\.github)\//.test(f)), 'no sources or tests in it')

  const prefix = join(work, 'prefix')
  const install = spawnSync(
    'npm',
    ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed!.filename)],
    { encoding: 'utf8' },
  )
  check(install.status === 0, 'installs into an empty prefix with no registry (no runtime dependencies)')
  if (install.status !== 0) console.log(install.stdout + install.stderr)

  const org = server.createOrganization()
  const project = server.createProject(org.id, 'packed')
  const id = server.createSecret(org.id, { key: 'DB_PASSWORD', value: VALUE, projectIds: [project] })
  const token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project] }))
  const script = `console.log('sha=' + require('node:crypto').createHash('sha256').update(process.env.DB_PASSWORD ?? '').digest('hex'))`
  // The bin link runs `#!/usr/bin/env node`: the node first on PATH is the one under test.
  const run = await runAsync(
    join(prefix, 'node_modules/.bin/inject-secrets'),
    ['run', '--base-url', server.url, '--secrets', `${id} > DB_PASSWORD`, '--', NODE, '-e', script],
    { PATH: `${dirname(NODE)}${delimiter}${process.env.PATH ?? ''}`, HOME: work, INJECT_SECRETS_ACCESS_TOKEN: token },
  )
  check(run.status === 0, `inject-secrets run … -- node exits 0 (got ${run.status})`)
  check(
    run.stdout === `sha=${createHash('sha256').update(VALUE).digest('hex')}\n`,
    'the command got the secret, byte for byte',
  )
  check(run.stderr === 'inject-secrets: 1 secret from bitwarden: DB_PASSWORD\n', 'only the name is printed')
  const printed = run.stdout + run.stderr
  check(![token, ...VALUE.split('\n')].some((s) => printed.includes(s)), 'no value or token printed')
  const version = spawnSync(join(prefix, 'node_modules/.bin/inject-secrets'), ['--help'], {
    encoding: 'utf8',
    env: { PATH: `${dirname(NODE)}${delimiter}${process.env.PATH ?? ''}` },
  })
  check(version.status === 0 && version.stdout.includes('inject-secrets run'), 'inject-secrets --help works')
} finally {
  await server.close()
  rmSync(work, { recursive: true, force: true })
}
console.log(failures === 0 ? 'package: the packed CLI works from a clean install' : `package: ${failures} problem(s)`)
process.exitCode = failures === 0 ? 0 : 1
