// The action's entry: runs the pipeline against the runner (inputs, masks, env and outputs, state
// for the post step) and turns anything thrown into one failed-step message.
import * as core from '@actions/core'
import { runnerInputs, usesVaultActionUrl } from './inputs.js'
import { run } from './main.js'
import { createCleanupRecorder } from './runner/cleanup.js'
import { maskCommands } from './runner/mask-commands.js'
import { createMasks } from './runner/masking.js'
import { preparePublish, publish } from './runner/publish.js'

const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)'

// Each burst of masks goes out in one write (mask-commands.ts), and always before any export.
const maskLines = maskCommands((form) => core.setSecret(form))
const masks = createMasks(maskLines.add)
const record = createCleanupRecorder((key, value) => core.saveState(key, value))

run({
  inputs: runnerInputs,
  userAgent: USER_AGENT,
  masks,
  log: { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) },
  recordCleanups: record,
  preparePublish,
  publish: (secrets, info) => {
    maskLines.flush()
    return publish(secrets, info, { record, warning: (m) => core.warning(masks.scrub(m)), scrub: masks.scrub })
  },
})
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    const failure = masks.scrub(`inject-secrets: ${message}`)
    // The run's masks reach the runner before the failure is written anywhere (an output included).
    maskLines.flush()
    // vault-action sets its `errorMessage` output on every failure (src/entry.js); a step migrated
    // from it (it has vault-action's `url`) gets it too. Other steps set no output when they fail.
    if (usesVaultActionUrl()) core.setOutput('errorMessage', failure)
    core.setFailed(failure)
  })
  // Everything is written; idle keep-alive connections would hold the process open ~100 ms more.
  // Exit once stdout has drained (setFailed has set process.exitCode).
  .finally(() => process.stdout.write('', () => process.exit()))
