// The hostile-input corpus for Infisical and Vault (Bitwarden's is corpus.test.ts): malformed
// tokens, bad lines of each grammar, duplicate and dangerous names, huge inputs near the OS limit
// for one environment variable, control characters. Each runs `node dist/index.js` as the runner
// would and must fail with exit code 1 and the asserted message, export nothing, and show no token
// part or value. NUL cannot travel through an environment variable (and a 1 MiB variable cannot be
// spawned at all), so those rows call the parsers directly.
import { spawn } from 'node:child_process'
import { startInfisicalServer, type InfisicalServer } from '../../test/servers/infisical.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction } from '../../test/harness/run-action.js'
import { ActionError } from '../../src/errors.js'
import { parseServiceToken } from '../../src/providers/infisical/token.js'
import { parseVaultToken } from '../../src/providers/vault/token.js'
import { parseInfisicalMapping } from '../../src/providers/infisical/mapping.js'
import { parseVaultMapping } from '../../src/providers/vault/mapping.js'

const INF_VALUE = 'corpus-infisical-value'
const VAULT_VALUE = 'corpus-vault-value'
let inf: InfisicalServer
let vault: VaultServer
let st: string
let hvs: string

beforeAll(async () => {
  inf = await startInfisicalServer()
  const project = inf.createProject()
  inf.setSecret(project.id, { environment: 'prod', key: 'VALUE', value: INF_VALUE })
  st = inf.createServiceToken(project.id)
  vault = await startVaultServer()
  vault.mountKv('secret', 2)
  vault.writeSecret('secret', 'ci', { VALUE: VAULT_VALUE, 'my-key': VAULT_VALUE })
  vault.setPolicy('ci', { 'secret/data/*': ['read'] })
  hvs = vault.createToken({ policies: ['ci'] })
})

afterAll(async () => {
  await inf.close()
  await vault.close()
})

interface Row {
  name: string
  /** Inputs over the provider's defaults; functions see the live tokens. */
  inputs: () => Record<string, string>
  /** A function where the message depends on the live token. */
  error: RegExp | (() => RegExp)
}

// ---- Infisical -------------------------------------------------------------------------------

const ST_ID = (): string => st.split('.')[1]!
const ST_SECRET = (): string => st.split('.')[2]!
const ST_KEY = (): string => st.split('.')[3]!
const notSt = (rule: string): RegExp =>
  new RegExp(`^inject-secrets: Input 'access_token' is not a valid Infisical service token: ${rule}\\.$`)

const infisicalTokens: Array<[string, () => string, RegExp | (() => RegExp)]> = [
  // ('st.' alone would be masked whole, and the scrubber would turn the message's 'st.<id>' into '***<id>'.)
  [
    'an id alone',
    () => `st.${ST_ID()}`,
    notSt("it has the wrong number of parts \\(expected 'st.<id>.<secret>.<key>', found 2 dot-separated parts\\)"),
  ],
  [
    'three parts (no key)',
    () => `st.${ST_ID()}.${ST_SECRET()}`,
    notSt('it has the wrong number of parts .*found 3 dot-separated parts\\)'),
  ],
  ['five parts', () => `${st}.extra`, notSt('it has the wrong number of parts .*found 5 dot-separated parts\\)')],
  ['an empty id', () => `st..${ST_SECRET()}.${ST_KEY()}`, notSt("its id \\(after 'st.'\\) is empty")],
  ['an empty secret', () => `st.${ST_ID()}..${ST_KEY()}`, notSt('its secret \\(the third part\\) is empty')],
  ['an empty key', () => `st.${ST_ID()}.${ST_SECRET()}.`, notSt('its key \\(the part after the last "."\\) is empty')],
  [
    'a space inside',
    () => `st.${ST_ID()}.${ST_SECRET()} .${ST_KEY()}`,
    () =>
      notSt(
        `it contains a character that is not printable ASCII \\(at position ${4 + ST_ID().length + ST_SECRET().length + 1}\\)`,
      ),
  ],
  [
    'a control character inside',
    () => st.replace(/\.(?=[^.]*$)/, '\u0007.'),
    notSt('it contains a character that is not printable ASCII \\(at position \\d+\\)'),
  ],
  [
    'an escape sequence inside',
    () => `st.${ST_ID()}\u001b[31m.${ST_SECRET()}.${ST_KEY()}`,
    () => notSt(`it contains a character that is not printable ASCII \\(at position ${4 + ST_ID().length}\\)`),
  ],
  [
    'a lone surrogate (invalid UTF-8 on the wire)',
    () => st.replace(/\.(?=[^.]*$)/, '\ud800.'),
    notSt('it contains a character that is not printable ASCII \\(at position \\d+\\)'),
  ],
  [
    'a huge token (100 kB) with a control character at its end',
    () => `${st}${'A'.repeat(100_000)}\u0001`,
    () => notSt(`it contains a character that is not printable ASCII \\(at position ${st.length + 100_001}\\)`),
  ],
  [
    'a huge sixth part (100 kB)',
    () => `${st}.${'A'.repeat(100_000)}`,
    notSt('it has the wrong number of parts .*found 5 dot-separated parts\\)'),
  ],
]

const infisicalRows: Row[] = [
  ...infisicalTokens.map(([name, t, error]): Row => ({
    name: `token: ${name}`,
    inputs: () => ({ access_token: t() }),
    error,
  })),
  {
    name: 'token: a wrong secret part is refused by the server, the token never quoted',
    inputs: () => ({ access_token: `st.${ST_ID()}.${'f'.repeat(ST_SECRET().length)}.${ST_KEY()}` }),
    error: /GET \/api\/v2\/service-token failed with HTTP 401: Invalid service token.*The service token was refused/,
  },
  {
    name: 'token: both a token and a machine identity',
    inputs: () => ({ client_id: 'id', client_secret: 'shhh-secret' }),
    error: /Give either 'access_token' \(an Infisical service token\) or 'client_id' \+ 'client_secret'/,
  },
  {
    name: 'line: two >',
    inputs: () => ({ secrets: 'VALUE > A > B' }),
    error: /Input 'secrets', line 1: it has more than one '>'/,
  },
  {
    name: 'line: empty key',
    inputs: () => ({ secrets: '\n > A' }),
    error: /Input 'secrets', line 2: the secret key before '>' is empty/,
  },
  {
    name: 'line: empty name',
    inputs: () => ({ secrets: 'VALUE >' }),
    error: /Input 'secrets', line 1: the environment variable name after '>' is empty/,
  },
  {
    name: 'line: a wildcard with a name',
    inputs: () => ({ secrets: '* > ALL' }),
    error: /Input 'secrets', line 1: '\*' exports each secret under its own key; remove '> ALL'/,
  },
  {
    name: 'line: a folder wildcard',
    inputs: () => ({ secrets: '/app/*' }),
    error: /Input 'secrets', line 1: a folder wildcard is not supported/,
  },
  {
    name: "line: '..' in a folder",
    inputs: () => ({ secrets: '/app/../VALUE > A' }),
    error: /Input 'secrets', line 1: "\/app\/\.\." is not a folder path/,
  },
  {
    name: 'line: a folder without a leading /',
    inputs: () => ({ secrets: 'app/VALUE > A' }),
    error: /Input 'secrets', line 1: "app\/VALUE": start a folder path with '\/'/,
  },
  {
    name: 'line: a key with a control character',
    inputs: () => ({ secrets: 'VAL\u001bUE > A' }),
    error: /Input 'secrets', line 1: "VAL\\u001bUE" is not a secret key \(no spaces or control characters\)/,
  },
  {
    name: 'line: a key that is no env name, unmapped',
    inputs: () => ({ secrets: 'my-key' }),
    error:
      /Input 'secrets', line 1: the key "my-key" is not a valid environment variable name; map it explicitly, e\.g\. 'my-key > MY_KEY'/,
  },
  {
    name: 'line: a name with =',
    inputs: () => ({ secrets: 'VALUE > A=B' }),
    error: /Input 'secrets', line 1: "A=B" is not a valid environment variable name/,
  },
  {
    name: 'line: a heredoc-smuggling name',
    inputs: () => ({ secrets: 'VALUE > A<<EOF' }),
    error: /Input 'secrets', line 1: "A<<EOF" is not a valid environment variable name/,
  },
  {
    name: 'line: a name with a control character',
    inputs: () => ({ secrets: 'VALUE > A\u0001B' }),
    error: /Input 'secrets', line 1: "A\\u0001B" is not a valid environment variable name/,
  },
  {
    name: 'line: a name with invalid UTF-8',
    inputs: () => ({ secrets: 'VALUE > A\ud800' }),
    error: /Input 'secrets', line 1: "A\uFFFD" is not a valid environment variable name/,
  },
  {
    name: 'line: duplicate names',
    inputs: () => ({ secrets: 'VALUE > A\n# a comment\nOTHER > A' }),
    error: /Input 'secrets', line 3: the name A is already used on line 1; names must be unique/,
  },
  {
    name: "line: '*' twice",
    inputs: () => ({ secrets: '*\n*' }),
    error: /Input 'secrets', line 2: it repeats the '\*' of line 1/,
  },
  {
    name: 'line: a huge input with the bad line last',
    inputs: () => ({ secrets: `${'#\n'.repeat(30_000)}VALUE > 9` }),
    error: /Input 'secrets', line 30001: "9" is not a valid environment variable name/,
  },
  {
    name: 'line: a 100 KiB line',
    inputs: () => ({ secrets: `${'x'.repeat(100_000)} > 9` }),
    error: /Input 'secrets', line 1: "9" is not a valid environment variable name/,
  },
  {
    name: 'name: GITHUB_PATH',
    inputs: () => ({ secrets: 'VALUE > GITHUB_PATH' }),
    error:
      /Refusing to export GITHUB_PATH \(infisical prod:\/ VALUE\) as an environment variable: it would change how every later step runs/,
  },
  {
    name: 'name: NODE_OPTIONS',
    inputs: () => ({ secrets: 'VALUE > NODE_OPTIONS' }),
    error: /Refusing to export NODE_OPTIONS \(infisical prod:\/ VALUE\)/,
  },
  {
    name: 'name: runner_temp in lower case',
    inputs: () => ({ secrets: 'VALUE > runner_temp' }),
    error: /Refusing to export runner_temp/,
  },
  {
    name: 'name: GITHUB_ENV',
    inputs: () => ({ secrets: 'VALUE > GITHUB_ENV' }),
    error: /Refusing to export GITHUB_ENV/,
  },
  { name: 'input: secret_path with ..', inputs: () => ({ secret_path: '/a/../b' }), error: /Input 'secret_path'/ },
  {
    name: 'input: plain http to a remote host',
    inputs: () => ({ base_url: 'http://infisical.example.com' }),
    error: /Input 'base_url' must use https:\/\//,
  },
]

// ---- Vault -----------------------------------------------------------------------------------

const VAULT_BAD_TOKEN =
  /^inject-secrets: Input 'access_token' contains whitespace, control or non-ASCII characters inside the token; a Vault token is one printable word\.$/
const vaultRows: Row[] = [
  {
    name: 'token: a space inside',
    inputs: () => ({ access_token: `${hvs.slice(0, 20)} ${hvs.slice(20)}` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: a tab inside',
    inputs: () => ({ access_token: `${hvs.slice(0, 20)}\t${hvs.slice(20)}` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: a control character inside',
    inputs: () => ({ access_token: `${hvs}\u0007` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: DEL inside',
    inputs: () => ({ access_token: `${hvs.slice(0, 9)}\u007f${hvs.slice(9)}` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: a lone surrogate (invalid UTF-8 on the wire)',
    inputs: () => ({ access_token: `${hvs}\ud800` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: a non-ASCII letter',
    inputs: () => ({ access_token: `${hvs.slice(0, 9)}é${hvs.slice(9)}` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: 'token: a huge token (100 kB) with a control character at its end',
    inputs: () => ({ access_token: `${hvs}${'A'.repeat(100_000)}\u0001` }),
    error: VAULT_BAD_TOKEN,
  },
  {
    name: "token: 'hvs.' alone (provider: vault) is refused by Vault, one lookup-self says why",
    inputs: () => ({ access_token: 'hvs.', provider: 'vault' }),
    error:
      /Vault returned 403 \(permission denied\) for "secret\/data\/ci": the token is invalid, expired, revoked or out of uses \(lookup-self was refused too\)/,
  },
  {
    name: 'token: a namespace suffix without a namespace',
    inputs: () => ({ access_token: `${hvs}.AbCdE` }),
    error: /the token is invalid, expired, revoked or out of uses .*The token has a namespace suffix: set 'namespace'/,
  },
  {
    name: 'token: a huge token (100 kB) is refused before any request, never quoted',
    inputs: () => ({ access_token: `${hvs}${'A'.repeat(100_000)}` }),
    error: /Input 'access_token' is 100\d{3} characters long; a Vault token is at most a few hundred/,
  },
  {
    name: 'line: no selector',
    inputs: () => ({ secrets: 'secret/data/ci' }),
    error: /Input 'secrets', line 1: You must provide a valid path and key\. Input: "secret\/data\/ci"/,
  },
  {
    name: 'line: three words',
    inputs: () => ({ secrets: 'secret/data/ci A B | C' }),
    error: /Input 'secrets', line 1: You must provide a valid path and key/,
  },
  {
    name: "line: an empty name after '|'",
    inputs: () => ({ secrets: 'secret/data/ci VALUE |' }),
    error: /Input 'secrets', line 1: You must provide a value when mapping a secret to a name/,
  },
  {
    name: 'line: an unterminated double quote',
    inputs: () => ({ secrets: 'secret/data/ci "VALUE | A' }),
    error:
      /Input 'secrets', line 1: the selector "\\"VALUE" is not valid JSONata: String literal must be terminated by a matching quote/,
  },
  {
    name: 'line: an unterminated backtick',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A\nsecret/data/ci `a.b | B' }),
    error:
      /Input 'secrets', line 2: the selector "`a\.b" is not valid JSONata: Quoted property name must be terminated with a backquote/,
  },
  {
    name: 'line: an unclosed bracket',
    inputs: () => ({ secrets: 'secret/data/ci a[ | A' }),
    error: /Input 'secrets', line 1: the selector "a\[" is not valid JSONata: Unexpected end of expression/,
  },
  {
    name: "line: an unsupported selector ('..')",
    inputs: () => ({ secrets: 'secret/data/ci a..b | A' }),
    error:
      /Input 'secrets', line 1: the selector "a\.\.b" cannot be evaluated: the operator "\.\." cannot be evaluated by this action/,
  },
  {
    name: 'line: a filter selector',
    inputs: () => ({ secrets: 'secret/data/ci a.b[?x] | A' }),
    error:
      /Input 'secrets', line 1: the selector "a\.b\[\?x\]" cannot be evaluated: the JSONata operator "\?" is not supported/,
  },
  {
    name: 'line: a dashed key without a name',
    inputs: () => ({ secrets: 'secret/data/ci my-key' }),
    error:
      /Input 'secrets', line 1: You must provide a name for the output key when using json selectors\..*\(quote it as "\\"my-key\\"" or add '\| NAME'\)/,
  },
  {
    name: 'line: a name with =',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A=B' }),
    error: /Input 'secrets', line 1: the name "A=B" contains '=', NUL or a line break/,
  },
  {
    name: 'line: a wildcard prefix with =',
    inputs: () => ({ secrets: 'secret/data/ci * | PRE=' }),
    error: /Input 'secrets', line 1: the name "PRE=" contains '=', NUL or a line break/,
  },
  {
    name: 'line: a name broken by a newline',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A\nB' }),
    error: /Input 'secrets', line 2: You must provide a valid path and key\. Input: "B"/,
  },
  {
    name: 'line: a heredoc-smuggling name',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A<<EOF' }),
    error: /Input 'secrets', line 1: "A<<EOF" is not a valid environment variable name/,
  },
  {
    name: 'line: a name with a control character',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A\u0001B' }),
    error: /Input 'secrets', line 1: "A\\u0001B" is not a valid environment variable name/,
  },
  {
    name: 'line: a name with invalid UTF-8',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | A\ud800' }),
    error: /Input 'secrets', line 1: "A\uFFFD" is not a valid environment variable name/,
  },
  {
    name: "line: duplicate names across ';'",
    inputs: () => ({ secrets: 'secret/data/ci VALUE | X; secret/data/ci my-key | X' }),
    error: /Input 'secrets', line 1: X is also produced by line 1 \("secret\/data\/ci VALUE \| X"\)/,
  },
  {
    name: 'line: duplicate names across lines',
    inputs: () => ({ secrets: 'secret/data/ci VALUE\nsecret/data/ci VALUE' }),
    error: /Input 'secrets', line 2: VALUE is also produced by line 1/,
  },
  {
    name: 'line: a wildcard and a key giving one name',
    inputs: () => ({ secrets: 'secret/data/ci *\nsecret/data/ci VALUE' }),
    error:
      /Input 'secrets': VALUE would be exported twice: from vault secret\/data\/ci VALUE \(line 2\) and from vault secret\/data\/ci key "VALUE" \(line 1\)|Input 'secrets': VALUE would be exported twice/,
  },
  {
    name: 'line: a huge input with the bad entry last',
    inputs: () => ({ secrets: `${'\n'.repeat(30_000)}secret/data/ci VALUE | 9` }),
    error: /Input 'secrets', line 30001: "9" is not a valid environment variable name/,
  },
  {
    name: 'line: a 100 KiB selector',
    inputs: () => ({ secrets: `secret/data/ci ${'x'.repeat(100_000)} | 9` }),
    error: /Input 'secrets', line 1: the selector "x{60}…" cannot be evaluated: it is longer than 4096 characters/,
  },
  {
    name: 'name: GITHUB_OUTPUT via | NAME',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | GITHUB_OUTPUT' }),
    error:
      /Refusing to export GITHUB_OUTPUT \(vault secret\/data\/ci VALUE \(line 1\)\) as an environment variable: it would change how every later step runs/,
  },
  {
    name: 'name: NODE_OPTIONS via | NAME',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | NODE_OPTIONS' }),
    error: /Refusing to export NODE_OPTIONS \(vault secret\/data\/ci VALUE \(line 1\)\)/,
  },
  {
    name: 'name: ACTIONS_CACHE_URL via | NAME',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | ACTIONS_CACHE_URL' }),
    error: /Refusing to export ACTIONS_CACHE_URL/,
  },
  {
    name: 'name: GITHUB_REPOSITORY via | NAME',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | GITHUB_REPOSITORY' }),
    error: /Refusing to export GITHUB_REPOSITORY/,
  },
  {
    name: 'name: RUNNER_TEMP via | NAME',
    inputs: () => ({ secrets: 'secret/data/ci VALUE | RUNNER_TEMP' }),
    error: /Refusing to export RUNNER_TEMP/,
  },
  {
    name: 'name: ACTIONS_RUNTIME_TOKEN via a wildcard prefix',
    inputs: () => ({ secrets: 'secret/data/ci * | ACTIONS_RUNTIME_TOKEN_' }),
    error: /Refusing to export ACTIONS_RUNTIME_TOKEN_VALUE/,
  },
  {
    name: 'input: plain http to a remote host',
    inputs: () => ({ base_url: 'http://vault.example.com:8200' }),
    error: /Input 'base_url' must use https:\/\//,
  },
]

function expectCleanFailure(
  run: Awaited<ReturnType<typeof runAction>>,
  expected: RegExp | (() => RegExp),
  fragments: string[],
): void {
  const error = typeof expected === 'function' ? expected() : expected
  expect(run.exitCode).toBe(1)
  expect(run.error).toMatch(/^inject-secrets: /)
  expect(run.error).toMatch(error)
  expect(run.stdout.match(/^::error::/gm)).toHaveLength(1)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const fragment of fragments) expect(log).not.toContain(fragment)
}

test('the corpus has at least 30 cases per provider', () => {
  expect(infisicalRows.length).toBeGreaterThanOrEqual(30)
  expect(vaultRows.length).toBeGreaterThanOrEqual(30)
})

describe('Infisical', () => {
  test.each(infisicalRows)('$name', async (row) => {
    const run = await runAction({
      access_token: st,
      secrets: 'VALUE',
      base_url: inf.url,
      timeout: '20',
      ...row.inputs(),
    })
    expectCleanFailure(run, row.error, [ST_SECRET(), ST_KEY(), INF_VALUE, 'shhh-secret'])
  })
})

describe('Vault', () => {
  test.each(vaultRows)('$name', async (row) => {
    const run = await runAction({
      access_token: hvs,
      secrets: 'secret/data/ci VALUE',
      base_url: vault.url,
      timeout: '20',
      ...row.inputs(),
    })
    expectCleanFailure(run, row.error, [hvs.slice(4), hvs.slice(4, 20), VAULT_VALUE])
  })
})

test('a 1 MiB environment variable cannot even be spawned (why the corpus stops near 100 kB)', async () => {
  let outcome: string
  try {
    const child = spawn(process.execPath, ['-e', ''], {
      env: { PATH: process.env.PATH ?? '', INPUT_SECRETS: 'x'.repeat(1 << 20) },
    })
    outcome = await new Promise<string>((resolve) => {
      child.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
      child.on('exit', () => resolve('spawned'))
    })
  } catch (err) {
    outcome = (err as NodeJS.ErrnoException).code ?? 'error'
  }
  expect(outcome).toBe('E2BIG')
})

// NUL cannot travel through an environment variable, nor 1 MiB: these rows call the parsers.
test.each([
  [
    'Infisical: a NUL in the token',
    () => parseServiceToken('st.id.sec\u0000ret.key'),
    /^Input 'access_token' is not a valid Infisical service token: it contains a character that is not printable ASCII \(at position 10\)\.$/,
  ],
  [
    'Infisical: a 1 MiB token',
    () => parseServiceToken(`st.id.${'s'.repeat(1 << 20)}`),
    /wrong number of parts .*found 3/,
  ],
  [
    'Infisical: a NUL key',
    () => parseInfisicalMapping('\u0000'),
    /^Input 'secrets', line 1: "\\u0000" is not a secret key \(no spaces or control characters\)\.$/,
  ],
  [
    'Infisical: a NUL inside a key',
    () => parseInfisicalMapping('OK\nKEY\u0000 > A'),
    /^Input 'secrets', line 2: "KEY\\u0000" is not a secret key/,
  ],
  [
    'Infisical: a NUL in a name',
    () => parseInfisicalMapping('KEY > A\u0000B'),
    /^Input 'secrets', line 1: "A\\u0000B" is not a valid environment variable name/,
  ],
  [
    'Infisical: a NUL in a folder',
    () => parseInfisicalMapping('/a\u0000b/KEY > A'),
    /^Input 'secrets', line 1: "\/a\\u0000b" is not a folder path/,
  ],
  [
    'Infisical: 1 MiB of lines, the bad one last',
    () => parseInfisicalMapping(`${'KEY > A\n'.repeat(1)}${'# c\n'.repeat(262_143)}KEY > 9`),
    /^Input 'secrets', line 262145: "9" is not a valid/,
  ],
  [
    'Vault: a NUL in the token',
    () => parseVaultToken('hvs.abc\u0000def'),
    /^Input 'access_token' contains whitespace, control or non-ASCII characters inside the token/,
  ],
  [
    'Vault: a NUL in a name',
    () => parseVaultMapping('secret/data/ci A | B\u0000'),
    /^Input 'secrets', line 1: the name "B\\u0000" contains '=', NUL or a line break\.$/,
  ],
  [
    'Vault: a NUL entry',
    () => parseVaultMapping('secret/data/ci A;\u0000'),
    /^Input 'secrets', line 1: You must provide a valid path and key\. Input: "\\u0000"\.$/,
  ],
  [
    'Vault: a NUL wildcard prefix',
    () => parseVaultMapping('secret/data/ci * | \u0000'),
    /^Input 'secrets', line 1: the name "\\u0000" contains '=', NUL or a line break\.$/,
  ],
  [
    'Vault: a 1 MiB selector',
    () => parseVaultMapping(`secret/data/ci ${'a.'.repeat(1 << 19)} | A`),
    /^Input 'secrets', line 1: the selector "(a\.){30}…" cannot be evaluated: it is longer than 4096 characters\.$/,
  ],
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
