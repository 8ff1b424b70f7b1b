// The pipeline: read the inputs → pick the provider from the token → parse the mapping → log in,
// fetch and decrypt everything → mask every value → export. Nothing is exported unless all succeeded.
import * as core from '@actions/core'
import { createHttpClient } from './http.js'
import { readSettings, type Settings } from './inputs.js'
import { createProvider } from './providers/index.js'
import { mask, scrub } from './masking.js'
import { exportAll } from './reveal.js'

const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)'

export async function run(): Promise<void> {
  let settings: Settings
  try {
    settings = readSettings()
  } catch (err) {
    // An empty credential: say why when the event explains it (a pull request from a fork gets no secrets).
    throw await (await import('./fork-hint.js')).withForkHint(err)
  }
  // Before anything else is printed: the token as given and trimmed (a pasted newline is common).
  mask(settings.accessToken)
  const http = createHttpClient({
    timeoutMs: Math.min(30_000, settings.timeoutSeconds * 1000),
    deadlineMs: settings.timeoutSeconds * 1000,
    userAgent: USER_AGENT,
    ca: settings.caCertificate,
    debug: (line) => core.debug(scrub(line)),
  })
  const provider = await createProvider(settings, {
    http,
    mask,
    warning: (message) => core.warning(scrub(message)),
    debug: (message) => core.debug(scrub(message)),
    now: Date.now,
    saveState: (key, value) => core.saveState(key, value),
  })
  const { requests, warnings } = provider.parse(settings.secrets)
  warnings.forEach((w) => core.warning(scrub(w)))
  const secrets = await provider.fetch(requests)
  await exportAll(secrets, {
    setEnv: settings.setEnv,
    allowDangerousNames: settings.allowDangerousNames,
    exportFile: settings.exportFile,
    saveState: (key, value) => core.saveState(key, value),
  })
  // The job summary, only once everything is exported; loaded only when a summary is written.
  if (settings.summary && process.env.GITHUB_STEP_SUMMARY) {
    try {
      const { writeSummary } = await import('./summary.js')
      const file = settings.exportFile && {
        path: settings.exportFile.path,
        format: settings.exportFile.format,
        kept: settings.exportFile.keep,
      }
      writeSummary(secrets, { provider: provider.kind, setEnv: settings.setEnv, file, scrub })
    } catch (err) {
      core.warning(
        scrub(
          `inject-secrets: the job summary could not be written (the secrets were exported): ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
    }
  }
  core.info(
    `inject-secrets: ${secrets.length} secret${secrets.length === 1 ? '' : 's'} from ${provider.kind}: ${secrets.map((s) => s.name).join(', ')}`,
  )
}
