#!/usr/bin/env node
/**
 * `npm test`'s pretest step: make `@bitwarden/sdk-napi@1.0.0` available for the interop test.
 *
 * It cannot be a devDependency: the registry carries its native binding for linux-x64 (glibc)
 * only, and an optional dependency that cannot be resolved makes `npm ci` reject the lockfile on
 * every other platform (docs: build-setup.md, trap 2). So it is installed with --no-save here:
 *   - already loadable  → nothing to do;
 *   - linux-x64 (glibc) → `npm install --no-save --no-audit --no-fund @bitwarden/sdk-napi@1.0.0`,
 *                         and a failure fails the test run (the interop test must not silently skip);
 *   - anywhere else     → a loud notice; the interop suite skips itself with the same explanation.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = '@bitwarden/sdk-napi'
const SPEC = `${PACKAGE}@1.0.0`
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Loading (not just resolving) proves the native binding is there too. It runs in a child process:
 * this process's module resolver remembers a package that was missing, even after the install.
 */
function loadable() {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(PACKAGE)})`], {
    cwd: root,
    stdio: 'ignore',
  })
  return probe.status === 0
}

function isLinuxX64Glibc() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false
  const header = process.report?.getReport()?.header
  return typeof header?.glibcVersionRuntime === 'string'
}

function banner(lines) {
  const bar = '!'.repeat(90)
  console.warn(['', bar, ...lines.map((l) => `!! ${l}`), bar, ''].join('\n'))
}

if (loadable()) process.exit(0)

if (!isLinuxX64Glibc()) {
  banner([
    `${SPEC} is NOT installed: the registry has its native binding for linux-x64 (glibc) only,`,
    `and this machine is ${process.platform}-${process.arch}. The SDK interop tests will be SKIPPED.`,
    'Everything else runs. Run the tests on Linux x64 to check interop with the vendor SDK.',
  ])
  process.exit(0)
}

console.log(`Installing ${SPEC} (not saved to package.json) for the interop tests...`)
// Under `npm run`, npm_execpath is npm's own CLI: use the same npm that runs us.
const npmCli = process.env.npm_execpath
const [command, prefix] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []]
const result = spawnSync(command, [...prefix, 'install', '--no-save', '--no-audit', '--no-fund', SPEC], {
  cwd: root,
  stdio: 'inherit',
})
if (result.status !== 0 || !loadable()) {
  banner([
    `Installing ${SPEC} failed (exit ${result.status ?? result.signal ?? result.error?.message}).`,
    'On linux-x64 the SDK interop tests require it; fix the install and run `npm test` again.',
  ])
  process.exit(1)
}
