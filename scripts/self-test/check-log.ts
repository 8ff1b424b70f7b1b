// The self-test's log check, on the job log GitHub kept (downloaded by the workflow's log-check
// job) or on the log that scripts/self-test/rehearse.ts puts together locally: where a `run:` step
// echoed a secret as `echoed NAME=[$NAME]`, the log shows `***`, and no line of any value appears
// anywhere in the log. Prints names and counts only.
//
//   npx tsx scripts/self-test/check-log.ts <log file> <provider>...
import { readFileSync } from 'node:fs'
import { EXPECTED, type ProviderName } from './fixture.js'

const [logFile, ...providers] = process.argv.slice(2)
if (!logFile || providers.length === 0 || providers.some((p) => !(p in EXPECTED))) {
  console.error('usage: check-log.ts <log file> <bitwarden|infisical|vault>...')
  process.exit(2)
}
const log = readFileSync(logFile, 'utf8')
const lines = log.split(/\r?\n/)
let failures = 0
for (const provider of providers as ProviderName[]) {
  for (const e of EXPECTED[provider]) {
    // GitHub prefixes each line with a timestamp; the rehearsal does not.
    const echoed = lines.filter((l) => l.includes(`echoed ${e.env}=[`) && !l.includes('echo '))
    const first = e.value.includes('\n') ? `echoed ${e.env}=[***` : `echoed ${e.env}=[***]`
    const masked = echoed.length > 0 && echoed.every((l) => l.endsWith(first) || l.includes(`${first} `))
    const leaked = e.value.split('\n').filter((part) => part !== '' && log.includes(part)).length
    if (!masked || leaked > 0) failures++
    console.log(
      `${provider} ${e.env}: ${echoed.length} echo line(s) ${masked ? 'masked' : echoed.length ? 'NOT MASKED' : 'MISSING'}, ` +
        `${leaked === 0 ? 'no line of the value in the log' : `${leaked} line(s) of the value IN THE LOG`}`,
    )
  }
}
if (failures > 0) {
  console.log(`::error::self-test log check: ${failures} failure(s)`)
  process.exit(1)
}
console.log('self-test log check: every echoed secret is masked and no value appears')
