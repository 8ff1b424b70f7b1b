// Runs after the later steps' post steps: the file must be gone by now.
import { existsSync } from 'node:fs'

const path = process.env.INPUT_PATH ?? ''
if (existsSync(path)) {
  console.log(`::error::expect-deleted: ${path} still exists when the job ends`)
  process.exit(1)
}
console.log(`expect-deleted: ${path} is gone`)
