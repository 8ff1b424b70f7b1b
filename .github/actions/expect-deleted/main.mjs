// Fails when the file already exists: the post step's "gone" would prove nothing otherwise.
import { existsSync } from 'node:fs'

const path = process.env.INPUT_PATH ?? ''
if (path === '') {
  console.log('::error::expect-deleted: the path input is empty')
  process.exit(1)
}
if (existsSync(path)) {
  console.log(`::error::expect-deleted: ${path} exists before the step that should create it`)
  process.exit(1)
}
console.log(`expect-deleted: ${path} does not exist yet; checked again when the job ends`)
