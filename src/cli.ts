#!/usr/bin/env node
// Local use: `npx inject-secrets run [options] -- <command> [args…]`. The action's own pipeline
// (main.ts: the same inputs, providers, grammars, name checks, HTTP with proxy and CA support) with
// the flags as its inputs, then the command runs with the secrets in its environment. Outside a
// runner nothing masks the log, so this never prints a value: errors (scrubbed of every secret
// learnt) and the injected names only. `inject-secrets write [options]` is the write action's
// pipeline (write/main.ts), its sources this process's environment; it prints targets and outcomes.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { constants } from 'node:os'
import { childEnvironment, cliInputs, helpText, localize, parseArgs, UsageError, type CliCommand } from './cli/args.js'
import { run, type Outcome } from './main.js'
import { createMasks } from './runner/masking.js'
import type { Log } from './run-context.js'

const VERSION = '0.1.0'
const USER_AGENT = `inject-secrets-cli/${VERSION} (+https://github.com/acme/inject-secrets)`

// No runner to tell: the registry only scrubs what this process prints.
const masks = createMasks(() => {})
const say = (line: string): void => void process.stderr.write(`${masks.scrub(line)}\n`)

function readFlagFiles(cmd: CliCommand): Map<string, string> {
  const flags = new Map(cmd.flags)
  for (const [input, path] of cmd.files) {
    try {
      flags.set(input, readFileSync(path, 'utf8'))
    } catch (err) {
      throw new UsageError(
        `cannot read --${input.replace(/_/g, '-')}-file '${path}': ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      )
    }
  }
  return flags
}

function logFor(cmd: CliCommand): Log {
  return {
    info: say,
    // Named as the flag and variable too, as errors are (an input given for another provider, …).
    warning: (message) => say(`inject-secrets: warning: ${localize(message)}`),
    debug: (message) => (cmd.debug ? say(`inject-secrets: ${message}`) : undefined),
  }
}

function fetchSecrets(cmd: CliCommand, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return run({
    inputs: cliInputs(readFlagFiles(cmd), env),
    env,
    userAgent: USER_AGENT,
    masks,
    log: logFor(cmd),
    // The names are checked and the values masked by the pipeline; the child gets them in runChild.
    publish: async () => {},
  })
}

/** Runs the command with inherited stdio; resolves with the exit status to pass on. */
function runChild(cmd: CliCommand, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd.command, cmd.args, { stdio: 'inherit', env })
    // The terminal sends Ctrl-C to the whole process group; other signals sent to us are passed on.
    const forward = (signal: NodeJS.Signals): void => void child.kill(signal)
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
    signals.forEach((s) => process.on(s, forward))
    child.on('error', (err: NodeJS.ErrnoException) => {
      signals.forEach((s) => process.off(s, forward))
      say(
        `inject-secrets: cannot run '${cmd.command}': ${err.code === 'ENOENT' ? 'command not found' : (err.code ?? err.message)}`,
      )
      resolve(err.code === 'ENOENT' ? 127 : 126)
    })
    child.on('exit', (code, signal) => {
      signals.forEach((s) => process.off(s, forward))
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0))
    })
  })
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    say(`inject-secrets: ${err.message}`)
    return 2
  }
  if (parsed.kind === 'help') {
    process.stdout.write(helpText(VERSION))
    return 0
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const env = { ...process.env }
  if (parsed.kind === 'write') {
    try {
      // The write pipeline logs each target's outcome and the totals; nothing else to do here.
      const { runWrite } = await import('./write/main.js')
      await runWrite({
        inputs: cliInputs(readFlagFiles(parsed), env, 'write'),
        env,
        userAgent: USER_AGENT,
        masks,
        log: logFor(parsed),
      })
      return 0
    } catch (err) {
      say(`inject-secrets: ${localize(err instanceof Error ? err.message : String(err))}`)
      return err instanceof UsageError ? 2 : 1
    }
  }
  let outcome: Outcome
  try {
    outcome = await fetchSecrets(parsed, env)
  } catch (err) {
    // Nothing is started and nothing is exported when anything failed.
    say(`inject-secrets: ${localize(err instanceof Error ? err.message : String(err))}`)
    return err instanceof UsageError ? 2 : 1
  }
  return runChild(parsed, childEnvironment(env, outcome.secrets))
}

main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    say(`inject-secrets: unexpected error: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
