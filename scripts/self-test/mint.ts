// The write job's "earlier step": puts the values the write action is to store in $GITHUB_OUTPUT,
// masked first (every line of each, as a step producing a credential should), the way a deploy
// step hands over a key it just minted. The values are the fixture's (scripts/self-test/fixture.ts).
//
//   npx tsx scripts/self-test/mint.ts
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EXPECTED, WRITE_PROVIDERS } from './fixture.js'

const outputFile = process.env.GITHUB_OUTPUT
if (!outputFile) {
  console.error('mint: GITHUB_OUTPUT is not set (run it in a workflow step)')
  process.exit(1)
}
let entries = ''
for (const provider of WRITE_PROVIDERS) {
  for (const e of EXPECTED[provider]) {
    for (const part of new Set([e.value, ...e.value.split('\n')])) {
      if (part !== '')
        console.log(`::add-mask::${part.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`)
    }
    const delimiter = `ghadelimiter_${randomUUID()}`
    entries += `${e.env}<<${delimiter}\n${e.value}\n${delimiter}\n`
  }
}
appendFileSync(outputFile, entries)
console.log(
  `mint: ${WRITE_PROVIDERS.map((p) => EXPECTED[p].length).reduce((a, b) => a + b)} values in the step outputs`,
)
