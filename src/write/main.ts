// The write action's pipeline (write/action.yml, entry src/write.ts):
// read the inputs → mask every source value → parse the mapping and every target → check each
// source is set → log in, resolve and permission-check every target, compare values → (dry_run
// stops here) → write in line order → log and summarise what was created, updated or unchanged.
// Writes cannot be transactional: a failure midway stops the run, naming what was written and what
// was not.
import { ActionError, InputError, secretsLine } from '../errors.js'
import type { InputSource } from '../input-readers.js'
import { givenInputs, ignoredInputs, WRITE_INPUTS } from '../inputs/owners.js'
import { providerContext, scrubbedLog, type Log } from '../run-context.js'
import { createWriter } from '../providers/index.js'
import type { ProviderContext } from '../providers/provider.js'
import type { PlannedWrite, WriteOutcome, WriteRequest, Writer } from '../providers/writer.js'
import type { Masks } from '../runner/masking.js'
import { readWriteSettings, type WriteSettings } from './inputs.js'
import { parseWriteMapping, sourceNames } from './mapping.js'

export interface WriteRuntime {
  readonly inputs: InputSource
  /** Where the source variables are read from; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  readonly userAgent: string
  readonly masks: Masks
  readonly log: Log
  /** Writes the job summary (absent: none). */
  readonly summary?: (report: WriteReport) => void
  /** Picks and creates the writer (tests pass another). */
  readonly createWriter?: (settings: WriteSettings, ctx: ProviderContext) => Promise<Writer>
}

/** One line's result: the target as written and what happened; never a value. */
export interface WriteResult {
  readonly line: number
  readonly source: string
  readonly target: string
  readonly outcome: WriteOutcome
}

export interface WriteReport {
  readonly provider: string
  readonly dryRun: boolean
  readonly results: readonly WriteResult[]
}

/** The source values by line, checked: every variable set, and not empty unless allow_empty. */
function readSources(settings: WriteSettings, env: NodeJS.ProcessEnv): WriteRequest[] {
  return parseWriteMapping(settings.secrets).map(({ line, source, target }) => {
    const value = env[source]
    if (value === undefined) {
      throw new InputError(
        `${secretsLine(line)}: the source environment variable ${source} is not set; set it in the step's 'env:' (e.g. from an earlier step's output).`,
      )
    }
    if (value === '' && !settings.allowEmpty) {
      throw new InputError(
        `${secretsLine(line)}: the source environment variable ${source} is empty; an empty value is written only with 'allow_empty: true' (did the step that sets it run?).`,
      )
    }
    return { line, source, target, value }
  })
}

const VERB: Readonly<Record<WriteOutcome, readonly [string, string]>> = {
  created: ['created', 'would be created'],
  updated: ['updated', 'would be updated'],
  unchanged: ['unchanged', 'unchanged'],
}

export function resultLine(r: WriteResult, dryRun: boolean): string {
  return `line ${r.line}: ${r.source} > ${r.target}: ${VERB[r.outcome][dryRun ? 1 : 0]}`
}

/** Makes the planned writes in order; a failure names what was written before it and what was not. */
async function apply(plan: readonly PlannedWrite[], log: Log): Promise<WriteResult[]> {
  const done: WriteResult[] = []
  for (const [i, p] of plan.entries()) {
    let target = p.target
    try {
      if (p.apply) target = await p.apply()
    } catch (err) {
      const written = done.filter((d) => d.outcome !== 'unchanged')
      const rest = plan.slice(i + 1).filter((q) => q.apply)
      const list = (items: readonly { line: number; target: string }[]): string =>
        items.length === 0 ? 'none' : items.map((x) => `line ${x.line} (${x.target})`).join(', ')
      throw new ActionError(
        `Writing stopped at line ${p.line} (${p.target}): ${err instanceof Error ? err.message : String(err)} ` +
          `Written before it: ${list(written)}. Not written: line ${p.line}${rest.length > 0 ? `, ${list(rest)}` : ''}. ` +
          'Writes are not transactional: what was written stays written.',
        { cause: err },
      )
    }
    const result = { line: p.line, source: p.source, target, outcome: p.outcome }
    log.info(`inject-secrets: ${resultLine(result, false)}`)
    done.push(result)
  }
  return done
}

export async function runWrite(rt: WriteRuntime): Promise<WriteReport> {
  const { masks } = rt
  const log = scrubbedLog(rt.log, masks)
  const env = rt.env ?? process.env
  const settings = readWriteSettings(rt.inputs, env)
  masks.mask(settings.accessToken)
  // Every value that may be written is masked before the mapping is even judged.
  for (const name of sourceNames(settings.secrets)) masks.mask(env[name] ?? '')
  const requests = readSources(settings, env)
  const ctx = providerContext({ ...settings, userAgent: rt.userAgent, env }, masks, log)
  const writer = await (rt.createWriter ?? createWriter)(settings, ctx)
  // An input for another provider: a warning naming it, or an error before any request (as the read action).
  ignoredInputs(givenInputs(rt.inputs, WRITE_INPUTS), writer.kind, 'write').forEach((w) => log.warning(w))
  const targets = writer.parse(requests)
  let results: WriteResult[]
  try {
    const plan = await writer.plan(targets, { create: settings.create })
    if (settings.dryRun) {
      results = plan.map(({ line, source, target, outcome }) => ({ line, source, target, outcome }))
      for (const r of results) log.info(`inject-secrets (dry run): ${resultLine(r, true)}`)
    } else {
      results = await apply(plan, log)
    }
  } finally {
    // A login's token is revoked now: the write action has no post step.
    await writer.finish?.()
  }
  const report: WriteReport = { provider: writer.kind, dryRun: settings.dryRun, results }
  log.info(doneLine(report))
  if (settings.summary && rt.summary) {
    try {
      rt.summary(report)
    } catch (err) {
      log.warning(
        `inject-secrets: the job summary could not be written (the writes are done): ${err instanceof Error ? err.message : String(err)}`,
      )
    }
  }
  return report
}

/** "inject-secrets: 3 targets in bitwarden: 1 created, 1 updated, 1 unchanged" */
export function doneLine(report: WriteReport): string {
  const count = (o: WriteOutcome): number => report.results.filter((r) => r.outcome === o).length
  const n = report.results.length
  const what = (['created', 'updated', 'unchanged'] as const).map(
    (o) => `${count(o)} ${VERB[o][report.dryRun ? 1 : 0]}`,
  )
  return `inject-secrets${report.dryRun ? ' (dry run, nothing written)' : ''}: ${n} target${n === 1 ? '' : 's'} in ${report.provider}: ${what.join(', ')}`
}
