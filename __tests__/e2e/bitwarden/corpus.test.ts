// The hostile-input corpus: bad tokens, bad lines, dangerous names, huge and binary inputs. Each
// runs `node dist/index.js` as the runner would and must fail with the asserted message, export
// nothing, and show no token fragment.
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { runAction } from '../../../test/harness/run-action.js'
import { ActionError } from '../../../src/errors.js'
import { parseAccessToken } from '../../../src/providers/bitwarden/token.js'
import { parseBitwardenMapping } from '../../../src/providers/bitwarden/mapping.js'

let server: BitwardenServer
let token: string
let id: string
const SECRET_PART = () => token.split('.')[2]!.split(':')[0]!
const KEY_PART = () => token.split(':')[1]!

beforeAll(async () => {
  server = await startBitwardenServer()
  const org = server.createOrganization()
  id = server.createSecret(org.id, { key: 'K', value: 'corpus-value-1' })
  token = server.createAccessToken(server.createMachineAccount(org.id, { secrets: [id] }))
})
afterAll(async () => {
  await server.close()
})

const U = 'ec2c1d46-6a4b-4751-a310-af9601317f2d'
interface Row {
  name: string
  /** Inputs over the defaults; functions see the live token and secret id. */
  inputs: () => Record<string, string>
  error: RegExp
}

const bwToken: Array<[string, () => string, RegExp]> = [
  ['no key part', () => token.split(':')[0]!, /doesn't contain a decryption key/],
  ['version 1', () => token.replace(/^0/, '1'), /wrong version/],
  ['version 00', () => token.replace(/^0/, '00'), /wrong version/],
  ['two parts', () => token.replace(/^0\./, ''), /wrong number of parts/],
  ['four parts', () => token.replace(':', '.x:'), /wrong number of parts/],
  ['id not a UUID', () => token.replace(/^0\.[^.]+/, '0.not-a-uuid'), /invalid identifier/],
  ['empty client secret', () => token.replace(/\.[^.:]+:/, '.:'), /client secret .* is empty/],
  [
    'url-safe key',
    () => `${token.split(':')[0]}:${KEY_PART().replace(/[+/]/g, '-').replace(/^./, '_')}`,
    /not standard base64/,
  ],
  ['key of 15 bytes', () => `${token.split(':')[0]}:AAAAAAAAAAAAAAAAAAAA`, /expected 16 bytes, got 15/],
  [
    'key of 32 bytes',
    () => `${token.split(':')[0]}:${Buffer.alloc(32).toString('base64')}`,
    /expected 16 bytes, got 32/,
  ],
  [
    'control characters inside',
    () => token.replace(':', '\u0007:'),
    /it contains a character that is not printable ASCII \(at position \d+\)/,
  ],
  [
    'a lone surrogate (invalid UTF-8 on the wire)',
    () => token.replace(':', '\ud800:'),
    /it contains a character that is not printable ASCII/,
  ],
  [
    'a huge token (100 kB, near the OS limit for one variable)',
    () => `${token}${'A'.repeat(100_000)}`,
    /not standard base64|wrong length/,
  ],
]

const rows: Row[] = [
  ...bwToken.map(([name, t, error]): Row => ({
    name: `token: ${name}`,
    inputs: () => ({ access_token: t() }),
    error: new RegExp(`Input 'access_token' is not a valid Bitwarden access token: .*${error.source}`),
  })),
  {
    name: 'token: only whitespace',
    inputs: () => ({ access_token: ' \n\t ' }),
    error: /Input 'access_token' is empty/,
  },
  {
    name: 'line: no >',
    inputs: () => ({ secrets: id }),
    error: /Input 'secrets', line 1: expected '<secret id or name> > ENV_NAME'/,
  },
  { name: 'line: two >', inputs: () => ({ secrets: `${id} > A > B` }), error: /line 1: it has more than one '>'/ },
  {
    name: 'line: empty id',
    inputs: () => ({ secrets: '\n > A' }),
    error: /line 2: the secret id or name before '>' is empty/,
  },
  {
    name: 'line: empty name',
    inputs: () => ({ secrets: `${id} >` }),
    error: /line 1: the environment variable name after '>' is empty/,
  },
  {
    name: 'line: name starts with a digit',
    inputs: () => ({ secrets: `${id} > 1A` }),
    error: /line 1: "1A" is not a valid environment variable name/,
  },
  {
    name: 'line: name with a control character',
    inputs: () => ({ secrets: `${id} > A\u0001B` }),
    error: /line 1: "A\\u0001B" is not a valid environment variable name/,
  },
  {
    name: 'line: name with invalid UTF-8',
    inputs: () => ({ secrets: `${id} > A\ud800` }),
    error: /line 1: "A\uFFFD" is not a valid environment variable name/,
  },
  {
    name: 'line: a heredoc-smuggling name',
    inputs: () => ({ secrets: `${id} > A<<EOF` }),
    error: /line 1: "A<<EOF" is not a valid environment variable name/,
  },
  {
    name: 'line: duplicate names',
    inputs: () => ({ secrets: `${id} > A\n${U} > A` }),
    error: /line 2: the name A is already used on line 1/,
  },
  {
    name: 'line: a wildcard with a name',
    inputs: () => ({ secrets: '* > ALL' }),
    error: /line 1: a wildcard exports each secret under its own name/,
  },
  {
    name: 'line: a mistyped UUID',
    inputs: () => ({ secrets: `${U.slice(1)} > A` }),
    error: /line 1: .* looks like a secret id but is not a valid UUID/,
  },
  {
    name: 'line: a huge input with the bad line last',
    inputs: () => ({ secrets: `${'#\n'.repeat(30000)}${id} > 9` }),
    error: /Input 'secrets', line 30001: "9" is not a valid/,
  },
  {
    name: 'line: a 100 KiB line',
    inputs: () => ({ secrets: `${'x'.repeat(100_000)} > 9` }),
    error: /line 1: "9" is not a valid/,
  },
  {
    name: 'name: NODE_OPTIONS',
    inputs: () => ({ secrets: `${id} > NODE_OPTIONS` }),
    error: /Refusing to export NODE_OPTIONS .* as an environment variable/,
  },
  // Names the mapping chooses are the author's, but never the runner's own (__tests__/e2e/names.test.ts).
  {
    name: 'name: GITHUB_ENV in lower case',
    inputs: () => ({ secrets: `${id} > github_env` }),
    error: /Refusing to export github_env .*the runner's own/,
  },
  {
    name: 'name: ACTIONS_RUNTIME_TOKEN',
    inputs: () => ({ secrets: `${id} > ACTIONS_RUNTIME_TOKEN` }),
    error: /Refusing to export ACTIONS_RUNTIME_TOKEN/,
  },
  {
    name: 'name: RUNNER_TEMP',
    inputs: () => ({ secrets: `${id} > RUNNER_TEMP` }),
    error: /Refusing to export RUNNER_TEMP/,
  },
  {
    name: 'input: unknown cloud_region',
    inputs: () => ({ cloud_region: 'mars', base_url: '' }),
    error: /Input 'cloud_region' must be 'us' or 'eu'/,
  },
  {
    name: 'input: identity_url alone',
    inputs: () => ({ identity_url: `${server.url}/identity` }),
    error: /Inputs 'identity_url' and 'api_url' must be given together/,
  },
  {
    name: 'input: plain http to a remote host',
    inputs: () => ({ base_url: 'http://secrets.example.com' }),
    error: /Input 'base_url' must use https:\/\//,
  },
  {
    name: 'input: base_url not a URL',
    inputs: () => ({ base_url: 'secrets.example.com' }),
    error: /Input 'base_url' is not a valid URL/,
  },
  {
    name: 'input: timeout not a number',
    inputs: () => ({ timeout: 'soon' }),
    error: /Input 'timeout' must be a number of seconds/,
  },
  {
    name: 'input: timeout zero',
    inputs: () => ({ timeout: '0' }),
    error: /Input 'timeout' must be a number of seconds/,
  },
  {
    name: 'input: allow_dangerous_names not a boolean',
    inputs: () => ({ allow_dangerous_names: 'yes' }),
    error: /Input 'allow_dangerous_names' must be 'true' or 'false'/,
  },
  { name: 'input: unknown provider', inputs: () => ({ provider: 'aws' }), error: /Input 'provider' must be one of/ },
  {
    name: 'input: empty secrets',
    inputs: () => ({ secrets: '\n# nothing\n' }),
    error: /Input 'secrets' has no mappings/,
  },
]

test('the corpus has at least 30 cases', () => {
  expect(rows.length).toBeGreaterThanOrEqual(30)
})

test.each(rows)('$name', async (row) => {
  const run = await runAction({
    access_token: token,
    secrets: `${id} > K`,
    base_url: server.url,
    timeout: '20',
    ...row.inputs(),
  })
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(/^inject-secrets: /)
  expect(run.error).toMatch(row.error)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const fragment of [SECRET_PART(), KEY_PART(), 'corpus-value-1']) expect(log).not.toContain(fragment)
})

// NUL cannot travel through an environment variable, so these rows call the parsers directly.
test.each([
  [
    'a NUL in the client secret',
    () => parseAccessToken(`0.${U}.sec\u0000ret:AAAAAAAAAAAAAAAAAAAAAA==`),
    /not printable ASCII \(at position 43\)/,
  ],
  ['a NUL in the key', () => parseAccessToken(`0.${U}.secret:AAAA\u0000AAAAAAAAAAAAAAAAAA==`), /not printable ASCII/],
  ['a NUL in a name', () => parseBitwardenMapping(`${U} > A\u0000B`), /line 1: "A\\u0000B" is not a valid/],
  ['a NUL line', () => parseBitwardenMapping('\u0000'), /line 1: expected/],
])('%s', (_name, fn, error) => {
  let thrown: unknown
  try {
    fn()
  } catch (e) {
    thrown = e
  }
  expect(thrown).toBeInstanceOf(ActionError)
  expect((thrown as Error).message).toMatch(error)
})
