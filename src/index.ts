// Entry point: run the pipeline and turn anything thrown into one failed-step message.
import * as core from '@actions/core'
import { run } from './main.js'
import { scrub } from './masking.js'

run().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err)
  // One message, scrubbed of every secret the run had learnt, whatever threw it.
  core.setFailed(scrub(`inject-secrets: ${message}`))
})
