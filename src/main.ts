// The pipeline, for the action and the CLI alike:
// read the inputs → pick the provider → log in, fetch and decrypt everything asked for → shape and
// check every name → mask every value → record what the post step must undo → export.
// Nothing is exported until everything has been fetched: a run exports every secret or none.
import { ActionError } from './errors.js'
import type { InputSource } from './input-readers.js'
import { readSettings, type Settings } from './inputs.js'
import { whileWaiting } from './http/while-waiting.js'
import { ignoredInputs } from './inputs/owners.js'
import { createProvider } from './providers/index.js'
import type { Cleanup, FetchResult, Provider, ProviderContext, ProviderKind, Secret } from './providers/provider.js'
import { assertExportable } from './runner/export-names.js'
import { cleanEnvCleanup } from './runner/clean-env.js'
import type { Masks } from './runner/masking.js'
import { providerContext, scrubbedLog, type Log } from './run-context.js'
import { shapeSecrets } from './runner/shape.js'

export type { Log } from './run-context.js'

/** Where the pipeline runs: the runner (src/index.ts) or a terminal (src/cli.ts). */
export interface Runtime {
  /** The inputs: the runner's INPUT_* variables, or the CLI's flags. */
  readonly inputs: InputSource
  /** VAULT_ADDR, RUNNER_TEMP and the like; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  readonly userAgent: string
  readonly masks: Masks
  /** Raw sinks: every line is scrubbed here before it reaches them. */
  readonly log: Log
  /** Exports the checked, masked secrets: env, outputs, file and summary; or a child's environment. */
  readonly publish: (secrets: readonly Secret[], run: RunInfo) => Promise<void>
  /** Saves cleanups for the post step; absent where no post step runs (the CLI). */
  readonly recordCleanups?: (cleanups: readonly Cleanup[]) => void
  /**
   * Loads what `publish` will need (node:crypto, the summary's module); done while the first
   * request is in flight (http/while-waiting.ts).
   */
  readonly preparePublish?: (settings: Settings) => void
  /** Picks and creates the provider (tests pass a fake). */
  readonly createProvider?: (settings: Settings, ctx: ProviderContext) => Promise<Provider>
}

export interface RunInfo {
  readonly settings: Settings
  readonly provider: ProviderKind
}

export interface Outcome {
  readonly secrets: readonly Secret[]
  readonly provider: ProviderKind
}

export async function run(rt: Runtime): Promise<Outcome> {
  const { masks } = rt
  const log = scrubbedLog(rt.log, masks)
  const settings = await readInputs(rt, log)
  // The HTTP client bounds every request by the same budget; this bounds the work after them.
  const deadline = Date.now() + settings.timeoutSeconds * 1000
  // Before anything else is printed: the token as given (a pasted newline is trimmed already).
  masks.mask(settings.accessToken)
  const provider = await (rt.createProvider ?? createProvider)(
    settings,
    providerContext({ ...settings, userAgent: rt.userAgent, env: rt.env }, masks, log),
  )
  // An input for another provider: a warning naming it, or an error before any request.
  ignoredInputs(settings.given, provider.kind).forEach((w) => log.warning(w))
  const { requests, warnings } = provider.parse(settings.secrets)
  warnings.forEach((w) => log.warning(w))
  const { preparePublish } = rt
  if (preparePublish) whileWaiting(() => preparePublish(settings))
  const fetched = await provider.fetch(requests)
  try {
    return await conclude(rt, log, settings, provider.kind, fetched, deadline)
  } finally {
    // The provider's last request (a token's revocation) answered, whatever happened here.
    await fetched.settling
  }
}

/** Everything after the last answer the run needs: names, masks, cleanups, exports. */
async function conclude(
  rt: Runtime,
  log: Log,
  settings: Settings,
  kind: ProviderKind,
  fetched: FetchResult,
  deadline: number,
): Promise<Outcome> {
  const { masks } = rt
  // Recorded at once, before anything can still fail (a refused name, the deadline): the post step
  // then undoes what the provider did (a login's token revoked) whatever happens next.
  recordCleanups(rt, fetched.cleanups, log)
  pastDeadline(deadline, settings.timeoutSeconds, 'reading the answers')
  // The names as exported (parse_json, name_prefix, name_transformation), checked as shaped; then
  // every value fetched (a JSON secret's whole text) and every value exported (its leaves).
  const secrets = shapeSecrets(fetched.secrets, settings.shape)
  assertExportable(secrets, settings).forEach((w) => log.warning(w))
  for (const s of fetched.secrets) masks.mask(s.value)
  if (secrets !== fetched.secrets) for (const s of secrets) masks.mask(s.value)
  const clean = settings.clean ? cleanEnvCleanup(secrets, settings) : undefined
  if (clean) recordCleanups(rt, [clean], log)
  // The last moment a run can still stop with nothing exported.
  pastDeadline(deadline, settings.timeoutSeconds, 'checking and masking the values')
  await rt.publish(secrets, { settings, provider: kind })
  log.info(doneLine(secrets, kind))
  return { secrets, provider: kind }
}

// The log line names this many secrets at most: it is scrubbed like every line, and a run of
// tens of thousands would make it megabytes long.
const MAX_NAMES_LOGGED = 100

/** "inject-secrets: N secrets from <provider>: A, B, …" */
export function doneLine(secrets: readonly Secret[], provider: ProviderKind): string {
  const n = secrets.length
  const names = secrets.slice(0, MAX_NAMES_LOGGED).map((s) => s.name)
  if (n > MAX_NAMES_LOGGED) names.push(`… and ${n - MAX_NAMES_LOGGED} more`)
  return `inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${provider}: ${names.join(', ')}`
}

async function readInputs(rt: Runtime, log: Log): Promise<Settings> {
  try {
    return readSettings(rt.inputs, { warning: log.warning, env: rt.env })
  } catch (err) {
    // An empty credential: say why when the event explains it (a pull request from a fork gets no secrets).
    throw await (await import('./github/fork-hint.js')).withForkHint(err)
  }
}

/** After the last answer the work is local but can be long (tens of thousands of values). */
function pastDeadline(deadline: number, timeoutSeconds: number, stage: string): void {
  if (Date.now() > deadline) {
    throw new ActionError(`Timed out after ${timeoutSeconds} s (input 'timeout') while ${stage}; nothing was exported.`)
  }
}

function recordCleanups(rt: Runtime, cleanups: readonly Cleanup[], log: Log): void {
  if (cleanups.length === 0) return
  if (rt.recordCleanups) rt.recordCleanups(cleanups)
  else log.warning('This run cannot record what the post step would undo (no post step runs here).')
}
