// The self-test's check after a provider's `uses: ./` step: every expected secret is in this
// step's environment (set_env) and in the step's outputs (passed one by one as OUTPUT_<output>:
// not as `toJSON(steps.<id>.outputs)`, whose JSON escaping would show the runner a string that
// differs from the masked value, and the step's env header would print it), byte for byte. With --file, the export_file (dotenv or JSON) holds them
// too, with mode 0600 where the file system has modes. Values are compared, never printed: a
// mismatch says only which name, where, and the two lengths.
//
// --same-as <path> also checks that --file is that path (the one a post-step check watches).
//
//   npx tsx scripts/self-test/check.ts <bitwarden|infisical|vault> [--file <path> [--format <dotenv|json>] [--same-as <path>]]
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { EXPECTED, type ProviderName } from './fixture.js'

const [provider, ...rest] = process.argv.slice(2)
if (!provider || !(provider in EXPECTED)) {
  console.error('usage: check.ts <bitwarden|infisical|vault> [--file <path> --format <dotenv|json>]')
  process.exit(2)
}
const flag = (name: string): string | undefined => {
  const at = rest.indexOf(name)
  return at === -1 ? undefined : rest[at + 1]
}

let failures = 0
function verdict(name: string, where: string, actual: string | undefined, expected: string): string {
  if (actual === expected) return `${where} ok`
  failures++
  return actual === undefined
    ? `${where} MISSING`
    : `${where} DIFFERS (${actual.length} characters, expected ${expected.length})`
}

const file = flag('--file')
if (file === undefined) {
  for (const e of EXPECTED[provider as ProviderName]) {
    console.log(
      `${e.env}: ${verdict(e.env, 'environment', process.env[e.env], e.value)}, ` +
        `${verdict(e.output, `output '${e.output}'`, process.env[`OUTPUT_${e.output}`], e.value)}`,
    )
  }
} else {
  const format = flag('--format') ?? 'dotenv'
  const sameAs = flag('--same-as')
  // Windows paths compare without case (the runner may spell the drive letter either way).
  const norm = (p: string): string => (process.platform === 'win32' ? resolve(p).toLowerCase() : resolve(p))
  if (sameAs !== undefined && norm(sameAs) !== norm(file)) {
    failures++
    console.log(`file path: ${file} is not ${sameAs}`)
  }
  const text = readFileSync(file, 'utf8')
  const parsed = format === 'json' ? (JSON.parse(text) as Record<string, string>) : parseDotenv(text)
  for (const e of EXPECTED[provider as ProviderName])
    console.log(`${e.env}: ${verdict(e.env, 'file', parsed[e.env], e.value)}`)
  const mode = statSync(file).mode & 0o777
  if (process.platform === 'win32') console.log('file mode: not checked on Windows (no POSIX modes)')
  else if (mode === 0o600) console.log('file mode: 0600 ok')
  else {
    failures++
    console.log(`file mode: ${mode.toString(8)}, expected 600`)
  }
}
if (failures > 0) {
  console.log(`::error::self-test: ${failures} check(s) failed for ${provider}`)
  process.exit(1)
}
console.log(`self-test: every ${provider} secret arrived intact`)
