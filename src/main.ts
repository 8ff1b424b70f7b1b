// The pipeline: read the inputs → pick the provider from the token → parse the mapping → log in,
// fetch and decrypt everything → mask every value → export. Nothing is exported unless all succeeded.
import * as core from '@actions/core'
import { createHttpClient } from './http.js'
import { readSettings } from './inputs.js'
import { createProvider } from './providers/index.js'
import { mask, scrub } from './masking.js'
import { reveal } from './reveal.js'

const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)'

export async function run(): Promise<void> {
  const settings = readSettings()
  // Before anything else is printed: the token as given and trimmed (a pasted newline is common).
  mask(settings.accessToken)
  const http = createHttpClient({
    timeoutMs: Math.min(30_000, settings.timeoutSeconds * 1000),
    deadlineMs: settings.timeoutSeconds * 1000,
    userAgent: USER_AGENT,
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
  reveal(secrets, { setEnv: settings.setEnv, allowDangerousNames: settings.allowDangerousNames })
  core.info(`inject-secrets: ${secrets.length} secret${secrets.length === 1 ? '' : 's'} from ${provider.kind}: ${secrets.map((s) => s.name).join(', ')}`)
}
