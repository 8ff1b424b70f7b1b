// Runs the bundled action exactly as the runner does: `node dist/index.js` with INPUT_* variables
// and fresh GITHUB_ENV / GITHUB_OUTPUT files, then reads back what it wrote.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ActionRun {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** Values registered with ::add-mask::, unescaped. */
  readonly masks: string[]
  readonly env: Map<string, string>
  readonly outputs: Map<string, string>
  readonly envFile: string
  readonly outputFile: string
  /** The ::error:: line's text, if the step failed. */
  readonly error?: string
  /** What the step appended to GITHUB_STEP_SUMMARY ('' when nothing). */
  readonly summary: string
}

export const ACTION_ENTRY = resolve(import.meta.dirname ?? '.', '../../dist/index.js')
/** The write action's entry (write/action.yml's runs.main, '../dist/write.js'). */
export const WRITE_ENTRY = resolve(import.meta.dirname ?? '.', '../../dist/write.js')

/**
 * The node that runs dist/ (the action, the post step, the CLI): the one running the tests, unless
 * INJECT_SECRETS_TEST_NODE names another binary. `.ci/run` sets it to a Node 24 binary, the runtime
 * action.yml declares, while jest itself runs under whichever node is installed.
 */
export const TEST_NODE = process.env.INJECT_SECRETS_TEST_NODE || process.execPath

/** INPUT_* variables for inputs by their action.yml names: upper-cased, spaces to '_', as the runner does. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
  )
}

/** Runs `node <entry>` with exactly `env`, collecting its output; killed after `timeoutMs`. */
export async function runNode(
  entry: string,
  env: Record<string, string>,
  timeoutMs: number,
  what: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const child = spawn(TEST_NODE, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const exitCode = await new Promise<number>((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${what} did not finish within ${timeoutMs} ms`))
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolveExit(code ?? -1)
    })
  })
  return { exitCode, stdout, stderr }
}

/** Parses a GITHUB_ENV / GITHUB_OUTPUT file written with heredoc delimiters or NAME=value lines. */
export function parseFileCommands(text: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name}`)
      out.set(name, value.join('\n'))
    } else {
      const eq = line.indexOf('=')
      out.set(line.slice(0, eq), line.slice(eq + 1))
    }
  }
  return out
}

/** Undoes @actions/core's command-value escaping (% \r \n). */
function unescapeCommandValue(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export interface RunOptions {
  /** Extra environment, e.g. RUNNER_DEBUG. */
  readonly env?: Record<string, string>
  readonly timeoutMs?: number
  /** The script to run; dist/index.js by default (WRITE_ENTRY for the write action). */
  readonly entry?: string
}

/** Inputs by their action.yml names; missing ones get action.yml's defaults from the caller. */
export async function runAction(inputs: Record<string, string>, opts: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-'))
  const envFile = join(dir, 'env')
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'step-summary')
  writeFileSync(envFile, '')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ENV: envFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...opts.env,
  }
  Object.assign(env, inputEnv(inputs))
  try {
    const { exitCode, stdout, stderr } = await runNode(
      opts.entry ?? ACTION_ENTRY,
      env,
      opts.timeoutMs ?? 30000,
      'action',
    )
    const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => unescapeCommandValue(m[1]!))
    const error = /^::error::(.*)$/m.exec(stdout)?.[1]
    const envText = readFileSync(envFile, 'utf8')
    const outputText = readFileSync(outputFile, 'utf8')
    return {
      exitCode,
      stdout,
      stderr,
      masks,
      env: parseFileCommands(envText),
      outputs: parseFileCommands(outputText),
      envFile: envText,
      outputFile: outputText,
      error: error === undefined ? undefined : unescapeCommandValue(error),
      summary: readFileSync(summaryFile, 'utf8'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What a person would see in the job log: stdout and stderr with every registered mask replaced,
 * as the runner does line by line.
 */
export function maskedLog(run: ActionRun): string {
  const masks = [...run.masks].filter((m) => m !== '').sort((a, b) => b.length - a.length)
  return (run.stdout + run.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .map((line) => masks.reduce((l, m) => l.split(m).join('***'), line))
    .join('\n')
}
