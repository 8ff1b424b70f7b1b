// Entry point: run the pipeline and turn anything thrown into one failed-step message.
import * as core from '@actions/core'
import { run } from './main.js'
import { scrub } from './masking.js'

run()
  .catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err)
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    core.setFailed(scrub(`inject-secrets: ${message}`))
  })
  // Everything is written; idle keep-alive connections would hold the process open ~100 ms more.
  // Exit once stdout has drained (setFailed has set process.exitCode).
  .finally(() => process.stdout.write('', () => process.exit()))
