// Runs jobs of a workflow on this machine the way a runner would, for the steps the self-test
// uses: `run:` steps under bash (`bash --noprofile --norc -eo pipefail`), local node actions
// (`uses: ./…`: main now, post steps in reverse order at the end), GITHUB_ENV, GITHUB_OUTPUT,
// GITHUB_STATE, ::add-mask::, `if: always()`, and the expressions `steps.<id>.outputs.<name>`,
// `runner.temp`, `runner.os` and `matrix.os`. Anything else fails loudly rather than being guessed.
// Third-party actions (checkout, setup-node) and `npm ci` are not run: this is the checkout, and the
// caller (.ci/run) installed it. With INJECT_SECRETS_TEST_NODE, actions run under that node.
// Writes the job's log, masked as the runner masks it, to --log <file>.
//
//   npx tsx scripts/self-test/rehearse.ts <workflow.yml> <job> [--log <file>]
import { spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inputEnv, parseFileCommands } from '../../test/harness/run-action.js'

// js-yaml is installed through eslint; it has no types here, so it is loaded untyped.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

type Step = {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
type Job = { steps: Step[]; strategy?: { matrix?: { os?: string[] } } }

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const NODE = process.env.INJECT_SECRETS_TEST_NODE || process.execPath
const [workflowFile, jobId] = process.argv.slice(2)
const logAt = process.argv.indexOf('--log')
const logFile = logAt === -1 ? undefined : process.argv[logAt + 1]
if (!workflowFile || !jobId) throw new Error('usage: rehearse.ts <workflow.yml> <job> [--log <file>]')

const workflow = yaml.load(readFileSync(workflowFile, 'utf8')) as { jobs: Record<string, Job> }
const job = workflow.jobs[jobId]
if (!job) throw new Error(`no job '${jobId}' in ${workflowFile}`)

const temp = mkdtempSync(join(tmpdir(), 'rehearse-'))
const outputs = new Map<string, Map<string, string>>()
const jobEnv: Record<string, string> = {}
const masks: string[] = []
const log: string[] = []
const posts: Array<() => boolean> = []
const baseEnv: Record<string, string> = {
  PATH: `${dirname(NODE)}:${process.env.PATH ?? ''}`,
  HOME: process.env.HOME ?? temp,
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: ROOT,
  RUNNER_TEMP: temp,
  RUNNER_OS: 'Linux',
}

/** Evaluates the `${{ … }}` expressions the self-test uses; any other is an error. */
function expand(text: string): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, expr: string) => {
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr)
    if (step) return outputs.get(step[1]!)?.get(step[2]!) ?? ''
    if (expr === 'runner.temp') return temp
    if (expr === 'runner.os') return 'Linux'
    if (expr === 'matrix.os') return job!.strategy?.matrix?.os?.[0] ?? ''
    throw new Error(`the rehearsal does not evaluate \${{ ${expr} }}: keep the workflow to what it knows`)
  })
}

/** The runner hides ::add-mask:: lines and replaces every registered value with ***. */
function record(stdout: string, stderr: string): void {
  for (const [, value] of stdout.matchAll(/^::add-mask::(.*)$/gm)) {
    masks.push(value!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
  }
  const sorted = masks.filter((m) => m !== '').sort((a, b) => b.length - a.length)
  for (const line of `${stdout}${stderr}`.split('\n')) {
    if (line.startsWith('::add-mask::')) continue
    log.push(sorted.reduce((l, m) => l.split(m).join('***'), line))
  }
}

/** Runs one process as a step, with fresh file-command files; returns whether it succeeded. */
function runStep(id: string | undefined, command: string, args: string[], env: Record<string, string>): boolean {
  const files = { GITHUB_ENV: 'env', GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary' }
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, join(temp, `${f}-${log.length}`)]))
  for (const p of Object.values(paths)) writeFileSync(p, '')
  const r = spawnSync(command, args, { cwd: ROOT, env: { ...env, ...paths }, encoding: 'utf8', timeout: 120_000 })
  record(r.stdout ?? '', r.stderr ?? '')
  Object.assign(jobEnv, Object.fromEntries(parseFileCommands(readFileSync(paths.GITHUB_ENV!, 'utf8'))))
  if (id !== undefined) outputs.set(id, parseFileCommands(readFileSync(paths.GITHUB_OUTPUT!, 'utf8')))
  if (r.error) log.push(`rehearsal: ${r.error.message}`)
  return r.status === 0
}

/** A local node action (`uses: ./` or `./path`): main now, its post step queued. */
function runAction(step: Step): boolean {
  const dir = resolve(ROOT, step.uses!)
  const action = yaml.load(readFileSync(join(dir, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: string }>
    runs: { using: string; main: string; post?: string }
  }
  if (!/^node\d+$/.test(action.runs.using)) throw new Error(`${step.uses}: only node actions are rehearsed`)
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = spec.default ?? ''
  for (const [name, value] of Object.entries(step.with ?? {})) {
    if (!(name in inputs)) throw new Error(`${step.uses}: unknown input '${name}'`)
    inputs[name] = expand(String(value))
  }
  const state = join(temp, `state-${log.length}`)
  writeFileSync(state, '')
  // A step's own `env:` reaches its action too (the write action reads its sources there).
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]))
  const env = { ...baseEnv, ...jobEnv, ...stepEnv, ...inputEnv(inputs), GITHUB_STATE: state }
  const ok = runStep(step.id, NODE, [join(dir, action.runs.main)], env)
  if (action.runs.post) {
    const post = action.runs.post
    posts.unshift(() => {
      log.push(`Post ${step.name ?? step.uses}`)
      const saved = Object.fromEntries(
        [...parseFileCommands(readFileSync(state, 'utf8'))].map(([k, v]) => [`STATE_${k}`, v]),
      )
      return runStep(undefined, NODE, [join(dir, post)], { ...baseEnv, ...jobEnv, ...inputEnv(inputs), ...saved })
    })
  }
  return ok
}

let failed = false
try {
  for (const step of job.steps) {
    const title = step.name ?? step.uses ?? step.run!.split('\n')[0]!
    if (step.if !== undefined && step.if !== 'always()')
      throw new Error(`${title}: the rehearsal knows only if: always()`)
    if (failed && step.if !== 'always()') {
      console.log(`  - ${title} (skipped: an earlier step failed)`)
      continue
    }
    if (step.uses !== undefined && !step.uses.startsWith('./')) {
      console.log(`  - ${title} (not run here: this checkout, installed by the caller)`)
      continue
    }
    if (step.run !== undefined && /^npm ci\b/.test(step.run.trim())) {
      console.log(`  - ${title} (not run here: installed by the caller)`)
      continue
    }
    log.push(`Run ${title}`)
    const ok =
      step.uses !== undefined
        ? runAction(step)
        : runStep(step.id, 'bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
            ...baseEnv,
            ...jobEnv,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])),
          })
    console.log(`  ${ok ? '✓' : '✗'} ${title}`)
    if (!ok) failed = true
  }
  for (const post of posts) {
    const ok = post()
    console.log(`  ${ok ? '✓' : '✗'} ${log.findLast((l) => l.startsWith('Post '))}`)
    if (!ok) failed = true
  }
} finally {
  if (logFile) writeFileSync(logFile, `${log.join('\n')}\n`)
  if (failed) appendFileSync(process.stderr.fd, log.join('\n') + '\n')
  rmSync(temp, { recursive: true, force: true })
}
console.log(`rehearsal of ${jobId}: ${failed ? 'FAILED' : 'passed'}`)
process.exitCode = failed ? 1 : 0
