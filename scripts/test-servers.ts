// Starts the embedded Bitwarden, Infisical and Vault test servers in the background, seeds them
// (scripts/self-test/fixture.ts) and writes what a workflow needs to $GITHUB_OUTPUT:
//   <provider>_url, <provider>_token, <provider>_secrets (the mapping text), infisical_environment,
//   pid (of the background server process) and log (its log file); for the write job,
//   <provider>_write_token (one that may write), <provider>_write_secrets (the write action's
//   mapping) and <provider>_readback_secrets (the read action's mapping of what was written).
// The tokens are masked (::add-mask::) before anything else is printed. The servers listen on
// 127.0.0.1 only and stop after `--lifetime` seconds (default 1800), on SIGTERM, or with
// `tsx scripts/test-servers.ts stop <pid>`. Used by .github/workflows/self-test.yml, and by .ci/run
// to prove the self-test works before any runner sees it.
//
//   npx tsx scripts/test-servers.ts [start] [--lifetime <seconds>]
//   npx tsx scripts/test-servers.ts stop <pid>
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFileSync, closeSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBitwardenServer } from '../test/servers/bitwarden.js'
import { startInfisicalServer } from '../test/servers/infisical.js'
import { startVaultServer } from '../test/servers/vault.js'
import { seed, type Seeded } from './self-test/fixture.js'

const SELF = fileURLToPath(import.meta.url)

function fail(message: string): never {
  console.error(`test-servers: ${message}`)
  process.exit(1)
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : (process.argv[at + 1] ?? fail(`${name} needs a value`))
}

/** One GITHUB_OUTPUT entry, in the heredoc form so that multi-line values survive. */
function outputEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

/** The background process: starts and seeds the servers, reports to the parent, then serves. */
async function serve(lifetimeSeconds: number): Promise<void> {
  const [bw, inf, vault] = await Promise.all([startBitwardenServer(), startInfisicalServer(), startVaultServer()])
  const stop = async (why: string): Promise<void> => {
    console.log(`test-servers: stopping (${why})`)
    await Promise.all([bw.close(), inf.close(), vault.close()])
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  setTimeout(() => void stop(`lifetime of ${lifetimeSeconds} s`), lifetimeSeconds * 1000).unref()
  // Keeps the process alive while the servers' own sockets may be unref'd between requests.
  setInterval(() => {}, 60_000)
  const seeded = seed(bw, inf, vault)
  console.log(`test-servers: bitwarden ${bw.url}, infisical ${inf.url}, vault ${vault.url} (pid ${process.pid})`)
  process.send!({ seeded, pid: process.pid })
  process.disconnect()
}

/** The foreground process: starts `serve` detached, waits for its report, writes the outputs. */
async function start(lifetimeSeconds: number): Promise<void> {
  const outputFile = process.env.GITHUB_OUTPUT || fail('GITHUB_OUTPUT is not set (run it in a workflow step)')
  const log = join(process.env.RUNNER_TEMP || tmpdir(), `inject-secrets-test-servers-${process.pid}.log`)
  const fd = openSync(log, 'a')
  // Detached, with its output in a file and no pipe back to this step: the runner ends the step
  // when this process exits, and the servers live on for the job's later steps.
  const child = spawn(process.execPath, [...process.execArgv, SELF, 'serve', '--lifetime', String(lifetimeSeconds)], {
    detached: true,
    stdio: ['ignore', fd, fd, 'ipc'],
    windowsHide: true,
  })
  closeSync(fd)
  const report = await new Promise<{ seeded: Seeded; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report from the servers within 30 s (see ${log})`)), 30_000)
    child.once('message', (m) => {
      clearTimeout(timer)
      resolve(m as { seeded: Seeded; pid: number })
    })
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code} (see ${log})`)))
  }).catch((e: Error) => fail(e.message))
  child.removeAllListeners('exit')
  child.unref()
  const { seeded, pid } = report
  const entries: Record<string, string> = { pid: String(pid), log }
  for (const provider of ['bitwarden', 'infisical', 'vault'] as const) {
    const s = seeded[provider]
    console.log(`::add-mask::${s.token}`)
    entries[`${provider}_url`] = s.url
    entries[`${provider}_token`] = s.token
    entries[`${provider}_secrets`] = s.secrets
    console.log(`::add-mask::${s.writeToken}`)
    entries[`${provider}_write_token`] = s.writeToken
    entries[`${provider}_write_secrets`] = s.writeSecrets
    entries[`${provider}_readback_secrets`] = s.readBackSecrets
  }
  entries.infisical_environment = seeded.infisical.environment
  appendFileSync(
    outputFile,
    Object.entries(entries)
      .map(([k, v]) => outputEntry(k, v))
      .join(''),
  )
  console.log(
    `Test servers running (pid ${pid}, log ${log}): bitwarden ${seeded.bitwarden.url}, ` +
      `infisical ${seeded.infisical.url}, vault ${seeded.vault.url}`,
  )
}

const [mode = 'start'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--lifetime')
const lifetime = Number(option('--lifetime', '1800'))
if (!Number.isInteger(lifetime) || lifetime < 1) fail('--lifetime must be a whole number of seconds')
if (mode === 'serve') await serve(lifetime)
else if (mode === 'start') await start(lifetime)
else if (mode === 'stop') {
  const pid = Number(process.argv[3])
  if (!Number.isInteger(pid) || pid <= 0) fail('stop needs the pid the start step wrote')
  try {
    process.kill(pid, 'SIGTERM')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e
  }
} else fail(`unknown mode '${mode}' (start, stop)`)
