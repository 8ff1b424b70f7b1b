// Entry point: run the pipeline and turn anything thrown into one failed-step message.
import * as core from '@actions/core'
import { run } from './main.js'

run().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err)
  core.setFailed(`inject-secrets: ${message}`)
})
