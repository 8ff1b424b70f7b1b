// The post step as the runner runs it: the main step's GITHUB_STATE file is read back, and each
// `key=value` becomes STATE_<key> for `node dist/post.js`, with the same INPUT_* variables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { inputEnv, parseFileCommands, runAction, runNode, type ActionRun, type RunOptions } from './run-action.js'

export const POST_ENTRY = resolve(import.meta.dirname ?? '.', '../../dist/post.js')

/** Runs the main step with a GITHUB_STATE file and returns the state it saved. */
export async function runMainWithState(
  inputs: Record<string, string>,
  opts: RunOptions = {},
): Promise<ActionRun & { state: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-state-'))
  const stateFile = join(dir, 'state')
  writeFileSync(stateFile, '')
  try {
    const run = await runAction(inputs, { ...opts, env: { ...opts.env, GITHUB_STATE: stateFile } })
    return { ...run, state: parseFileCommands(readFileSync(stateFile, 'utf8')) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface PostRun {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  readonly masks: string[]
  readonly warnings: string[]
}

/** Runs `node dist/post.js` with the inputs and STATE_<key> for each saved state entry. */
export async function runPost(
  inputs: Record<string, string>,
  state: ReadonlyMap<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<PostRun> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...extraEnv }
  Object.assign(env, inputEnv(inputs))
  for (const [key, value] of state) env[`STATE_${key}`] = value
  const { exitCode, stdout, stderr } = await runNode(POST_ENTRY, env, 30000, 'post step')
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]!)
  const warnings = [...stdout.matchAll(/^::warning::(.*)$/gm)].map((m) => m[1]!)
  return { exitCode, stdout, stderr, masks, warnings }
}
