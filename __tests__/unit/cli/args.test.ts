// The local runner's command line (src/cli/args.ts): parsing, where each input comes from, what the
// child's environment holds, and that every action input is either a flag or deliberately ignored.
import { readFileSync } from 'node:fs'
import {
  CLI_INPUTS,
  IGNORED_INPUTS,
  UsageError,
  childEnvironment,
  helpText,
  cliInputs,
  localize,
  parseArgs,
} from '../../../src/cli/args.js'

function usage(argv: string[]): string {
  try {
    parseArgs(argv)
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError)
    return (e as Error).message
  }
  throw new Error('expected a usage error')
}

describe('parseArgs', () => {
  test.each([[[]], [['--help']], [['-h']], [['help']], [['run', '--help', '--', 'x']]])('%j → help', (argv) => {
    expect(parseArgs(argv).kind).toBe('help')
  })

  test('run: flags in both forms, --secrets lines joined, the command and its own flags untouched', () => {
    const p = parseArgs([
      'run',
      '--access-token',
      'T',
      '--secrets=a > A',
      '--secrets',
      'b > B',
      '--base-url=https://x.example',
      '--debug',
      '--',
      'npm',
      'test',
      '--',
      '--secrets',
      'not ours',
    ])
    expect(p).toEqual({
      kind: 'run',
      flags: new Map([
        ['access_token', 'T'],
        ['secrets', 'a > A\nb > B'],
        ['base_url', 'https://x.example'],
      ]),
      files: new Map(),
      command: 'npm',
      args: ['test', '--', '--secrets', 'not ours'],
      debug: true,
    })
  })

  test('a value may itself start with dashes or contain =', () => {
    const p = parseArgs(['run', '--client-secret', '--weird=secret', '--', 'x'])
    expect(p.kind === 'run' && p.flags.get('client_secret')).toBe('--weird=secret')
  })

  test('file flags', () => {
    const p = parseArgs(['run', '--ca-certificate-file', '/ca.pem', '--secrets-file=m.txt', '--', 'x'])
    expect(p.kind === 'run' && [...p.files]).toEqual([
      ['ca_certificate', '/ca.pem'],
      ['secrets', 'm.txt'],
    ])
  })

  test.each([
    [['run', '--'], 'no command to run'],
    [['run'], 'no command to run'],
    [['run', '--timeout', '5'], 'no command to run'],
    [['run', '--timeout'], "option '--timeout' needs a value"],
    [['run', '--timeout', '5', '--timeout', '6', '--', 'x'], "option '--timeout' given twice"],
    [['run', '--set-env', 'false', '--', 'x'], "unknown option '--set-env'"],
    [
      ['run', '--ca-certificate', 'x', '--ca-certificate-file', 'y', '--', 'x'],
      'give --ca-certificate or --ca-certificate-file, not both',
    ],
    [['run', 'npm', 'test'], "expected '--' before the command 'npm'"],
    [['exec', '--', 'x'], "unknown command 'exec'"],
  ])('%j: %s', (argv, message) => {
    expect(usage(argv)).toContain(message)
  })
})

describe('cliInputs', () => {
  test('flag > INJECT_SECRETS_* > INPUT_*; workflow-only inputs read as empty', () => {
    const input = cliInputs(new Map([['access_token', 'from-flag']]), {
      INJECT_SECRETS_ACCESS_TOKEN: 'from-own-env',
      INJECT_SECRETS_SECRETS: 'own',
      INPUT_SECRETS: 'runner',
      INPUT_BASE_URL: 'https://runner.example',
      INPUT_EXPORT_FILE: 'x.env',
      INPUT_SET_ENV: 'false',
    })
    expect(input('access_token')).toBe('from-flag')
    expect(input('secrets')).toBe('own')
    expect(input('base_url')).toBe('https://runner.example')
    expect(input('timeout')).toBe('')
    expect(input('export_file')).toBe('')
    expect(input('set_env')).toBe('')
  })

  test('an empty flag wins too (it clears an environment value)', () => {
    expect(cliInputs(new Map([['provider', '']]), { INPUT_PROVIDER: 'vault' })('provider')).toBe('')
  })

  test('values are trimmed as the runner trims inputs, unless asked not to', () => {
    const input = cliInputs(new Map([['secrets', '  a > A\n']]), {})
    expect(input('secrets')).toBe('a > A')
    expect(input('secrets', { trim: false })).toBe('  a > A\n')
  })
})

test('childEnvironment: the caller’s variables without INJECT_SECRETS_*, plus the secrets (which win)', () => {
  expect(
    childEnvironment({ PATH: '/bin', INJECT_SECRETS_ACCESS_TOKEN: 't', DB: 'old', GONE: undefined }, [
      { name: 'DB', value: 'new' },
      { name: 'X', value: '' },
    ]),
  ).toEqual({
    PATH: '/bin',
    DB: 'new',
    X: '',
  })
})

test('localize names the flag and the variable next to the input', () => {
  expect(localize("Input 'base_url' must use https://; Input 'ca_certificate' is bad")).toBe(
    "Input 'base_url' (--base-url or INJECT_SECRETS_BASE_URL) must use https://; Input 'ca_certificate' (--ca-certificate or INJECT_SECRETS_CA_CERTIFICATE) is bad",
  )
})

test('every action.yml input is a CLI flag or deliberately ignored, and every flag is an action input', () => {
  const yml = readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')
  const inputsBlock = /^inputs:\n([\s\S]*?)^\S/m.exec(yml)![1]!
  const actionInputs = [...inputsBlock.matchAll(/^ {2}([A-Za-z_-]+):$/gm)].map((m) => m[1]!)
  const cli = CLI_INPUTS.map(([n]) => n)
  expect([...cli, ...IGNORED_INPUTS].sort()).toEqual([...new Set(actionInputs)].sort())
  const help = helpText('0.0.0')
  for (const name of cli) expect(help).toContain(`--${name.replace(/_/g, '-')} <value>`)
})
