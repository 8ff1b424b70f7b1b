// The write action's entry (write/action.yml): writes step environment values into the secrets
// manager, and turns anything thrown into one failed-step message.
import * as core from '@actions/core'
import { runnerInputs } from './inputs.js'
import { createMasks } from './runner/masking.js'
import { runWrite } from './write/main.js'
import { writeWriteSummary } from './write/summary.js'

const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)'

const masks = createMasks((form) => core.setSecret(form))

runWrite({
  inputs: runnerInputs,
  userAgent: USER_AGENT,
  masks,
  log: { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) },
  summary: (report) => writeWriteSummary(report, masks.scrub),
})
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    core.setFailed(masks.scrub(`inject-secrets: ${message}`))
  })
  // Exit once stdout has drained (setFailed has set process.exitCode); idle keep-alive connections
  // would hold the process open a little longer.
  .finally(() => process.stdout.write('', () => process.exit()))
