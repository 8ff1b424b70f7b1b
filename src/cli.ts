#!/usr/bin/env node
// Local use: `npx inject-secrets run [options] -- <command> [args…]`. The action's own pipeline
// (inputs.ts, the providers, the mapping grammars, http.ts with its proxy and CA support), then the
// command runs with the secrets in its environment. Outside a runner nothing masks the log, so this
// never prints a value: errors (scrubbed of every secret learnt) and the injected names only.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { constants } from 'node:os'
import {
  childEnvironment,
  helpText,
  inputEnvironment,
  localize,
  parseArgs,
  UsageError,
  type CliCommand,
} from './cli/args.js'
import { createHttpClient } from './http.js'
import { readSettings } from './inputs.js'
import { createProvider, type Secret } from './providers/index.js'
import { assertExportable } from './reveal.js'
import { masksFor } from './masking.js'

const VERSION = '0.1.0'
const USER_AGENT = `inject-secrets-cli/${VERSION} (+https://github.com/acme/inject-secrets)`

// Everything never to print: the token and its parts, session tokens, every value.
const secrets = new Set<string>()
function remember(value: string): void {
  for (const m of masksFor(value)) secrets.add(m)
}
function scrub(text: string): string {
  let out = text
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (out.includes(s)) out = out.split(s).join('***')
  return out
}
const say = (line: string): void => void process.stderr.write(`${scrub(line)}\n`)

async function fetchSecrets(
  cmd: CliCommand,
  originalEnv: NodeJS.ProcessEnv,
): Promise<{ secrets: Secret[]; kind: string }> {
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
  // inputs.ts reads INPUT_* (via @actions/core's getInput), exactly as on a runner.
  for (const [key, value] of Object.entries(inputEnvironment(flags, originalEnv))) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  const settings = readSettings()
  remember(settings.accessToken)
  if (settings.infisical.clientSecret) remember(settings.infisical.clientSecret)
  const http = createHttpClient({
    timeoutMs: Math.min(30_000, settings.timeoutSeconds * 1000),
    deadlineMs: settings.timeoutSeconds * 1000,
    userAgent: USER_AGENT,
    ca: settings.caCertificate,
    debug: cmd.debug ? (line) => say(`inject-secrets: ${line}`) : undefined,
  })
  const provider = await createProvider(settings, {
    http,
    mask: remember,
    warning: (message) => say(`inject-secrets: warning: ${message}`),
    debug: (message) => (cmd.debug ? say(`inject-secrets: ${message}`) : undefined),
    now: Date.now,
    // No saveState: nothing is left behind for a post step (export_token is not read locally).
  })
  const { requests, warnings } = provider.parse(settings.secrets)
  warnings.forEach((w) => say(`inject-secrets: warning: ${w}`))
  const fetched = await provider.fetch(requests)
  fetched.forEach((s) => remember(s.value))
  // The same name checks as the action: valid, once each, no PATH/NODE_OPTIONS/… unless allowed.
  assertExportable(fetched, { setEnv: true, allowDangerousNames: settings.allowDangerousNames })
  return { secrets: fetched, kind: provider.kind }
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
  const originalEnv = { ...process.env }
  let fetched: { secrets: Secret[]; kind: string }
  try {
    fetched = await fetchSecrets(parsed, originalEnv)
  } catch (err) {
    // Nothing is started and nothing is exported when anything failed.
    say(`inject-secrets: ${localize(err instanceof Error ? err.message : String(err))}`)
    return err instanceof UsageError ? 2 : 1
  }
  const n = fetched.secrets.length
  say(
    `inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${fetched.kind}: ${fetched.secrets.map((s) => s.name).join(', ')}`,
  )
  return runChild(parsed, childEnvironment(originalEnv, fetched.secrets))
}

main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    say(`inject-secrets: unexpected error: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
