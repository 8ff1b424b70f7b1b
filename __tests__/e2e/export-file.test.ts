// export_file: dotenv quoting that the `dotenv` package and `set -a; source` in bash both read back
// exactly (table, fuzz), and end to end through `node dist/index.js` / `node dist/post.js`:
// bytes, mode 0600, the output, deletion by the post step, keep_file, and nothing written on failure.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import fc from 'fast-check'
import { dotenvLine, renderExport } from '../../src/runner/export-file.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'
import { runMainWithState, runPost } from '../../test/harness/run-post.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

/** `set -a; source FILE` in a clean bash, then the environment as node sees it. */
function sourceInBash(file: string): Record<string, string> {
  // As a `run:` step runs bash (--noprofile --norc); stdin not a socket, or bash reads ~/.bashrc.
  const script = 'set -a; source "$1" || exit 3; exec "$2" -e "process.stdout.write(JSON.stringify(process.env))"'
  const r = spawnSync(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script, 'bash', file, process.execPath],
    {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  if (r.stderr !== '') throw new Error(`bash wrote to stderr: ${r.stderr}`)
  if (r.status !== 0) throw new Error(`bash failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout) as Record<string, string>
}

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'inject-secrets-export-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Writes lines to a fresh file and reads it back both ways. */
function roundTrip(entries: Record<string, string>): { dotenv: Record<string, string>; bash: Record<string, string> } {
  const text = Object.entries(entries)
    .map(([k, v]) => {
      const line = dotenvLine(k, v)
      if (line === undefined) throw new Error(`dotenvLine refused ${k}`)
      return `${line}\n`
    })
    .join('')
  const file = join(scratch, `rt-${Math.random().toString(36).slice(2)}.env`)
  writeFileSync(file, text)
  try {
    const dotenv = parseDotenv(text)
    expect(parseDotenv(text, { fast: true })).toEqual(dotenv)
    return { dotenv, bash: sourceInBash(file) }
  } finally {
    rmSync(file)
  }
}

// Values every exporter gets wrong somewhere.
const VALUES: Record<string, string> = {
  PLAIN: 'correct-horse-battery-staple',
  MULTILINE: '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n',
  DOUBLE_QUOTES: 'say "hi" and "bye"',
  SINGLE_QUOTE: "it's fine",
  SINGLE_QUOTE_MULTILINE: "don't\nstop # me now\n'",
  DOLLAR: 'pa$$word $HOME ${PATH} $(id) `id`',
  HASH: 'value # not a comment #',
  BACKSLASHES: 'C:\\dir\\n\\r \\\\ \\" end\\t',
  JSON_SA:
    '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n"}',
  EQUALS: 'a=b=c; export X=1',
  SPACES: '  padded value  ',
  UNICODE: 'pässwörd ✓ 密码 🔑 \u2028 sep',
  EMPTY: '',
  BACKTICKS: '`uname` and ``',
  LEADING_QUOTE: '"starts and ends with a quote"',
  EQ_NEWLINE: 'x\nNOT_A_VAR=leaked\n',
}

describe('dotenvLine', () => {
  test('every table value survives dotenv and bash', () => {
    const back = roundTrip(VALUES)
    for (const [k, v] of Object.entries(VALUES)) {
      expect(back.dotenv[k]).toBe(v)
      expect(back.bash[k]).toBe(v)
    }
    expect(back.bash.NOT_A_VAR).toBeUndefined()
    expect(back.dotenv.NOT_A_VAR).toBeUndefined()
  })

  test.each([
    ['both quotes', `it's "quoted"`],
    ['quote and dollar', "it's $5"],
    ['quote and backslash', "it's C:\\"],
    ['quote and backtick', "it's `x`"],
    ['carriage return', 'line\r\nline'],
    ['lone carriage return', 'a\rb'],
    ['trailing backslash', 'C:\\dir\\'],
    ['NUL', 'a\0b'],
  ])('refuses a value with %s (no quoting reads it back the same)', (_what, value) => {
    expect(dotenvLine('X', value)).toBeUndefined()
    expect(() => renderExport([{ name: 'X', value, source: 'test X' }], 'dotenv')).toThrow(
      /^Input 'export_format' is 'dotenv', but the value of X \(test X\) contains .*Use 'export_format: json'/,
    )
    try {
      renderExport([{ name: 'X', value, source: 'test X' }], 'dotenv')
    } catch (err) {
      for (const line of value.split(/[\r\n\0]/))
        if (line.length > 3) expect((err as Error).message).not.toContain(line)
    }
  })

  test('fuzz: a value is either refused or read back exactly by dotenv', () => {
    const value = fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        "'",
        '"',
        '\\',
        '$',
        '`',
        '#',
        '\n',
        '\r',
        '=',
        'n',
        'r',
        '{',
        '}',
        '\t',
        'é',
        '\u2028',
      ),
      maxLength: 24,
    })
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (values) => {
        const entries = Object.fromEntries(values.map((v, i) => [`V_${i}`, v]))
        const lines = Object.entries(entries).map(([k, v]) => dotenvLine(k, v))
        if (lines.some((l) => l === undefined)) return
        const text = lines.map((l) => `${l!}\n`).join('')
        expect(parseDotenv(text)).toEqual(entries)
        // dotenv's second parser (opt-in, `fast: true`, a character scanner) agrees.
        expect(parseDotenv(text, { fast: true })).toEqual(entries)
      }),
      { numRuns: RUNS },
    )
  })

  test('fuzz: every accepted value is read back exactly by bash (one bash run for a batch)', () => {
    const value = fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        "'",
        '"',
        '\\',
        '$',
        '`',
        '#',
        '\n',
        '=',
        '(',
        ')',
        ';',
        '&',
        '|',
        '*',
        '~',
        '!',
        'é',
      ),
      maxLength: 20,
    })
    const samples = fc.sample(value, { numRuns: Math.max(200, Math.min(RUNS, 1000)), seed: 42 })
    const accepted = Object.fromEntries(
      samples.filter((v) => dotenvLine('X', v) !== undefined).map((v, i) => [`V_${i}`, v]),
    )
    expect(Object.keys(accepted).length).toBeGreaterThan(50)
    const back = roundTrip(accepted)
    for (const [k, v] of Object.entries(accepted)) {
      expect(back.bash[k]).toBe(v)
      expect(back.dotenv[k]).toBe(v)
    }
  })

  test('JSON keeps everything, both quotes and CR included', () => {
    const secrets = [
      { name: 'A', value: `it's "x"\r\n$\\`, source: 's' },
      { name: 'B', value: '', source: 's' },
    ]
    const text = renderExport(secrets, 'json')
    expect(text).toBe(`{\n  "A": "it's \\"x\\"\\r\\n$\\\\",\n  "B": ""\n}\n`)
    expect(JSON.parse(text)).toEqual({ A: `it's "x"\r\n$\\`, B: '' })
  })
})

// ---------------------------------------------------------------------------------------------
// End to end

let server: VaultServer
let token: string
const E2E: Record<string, string> = {
  DB_PASSWORD: 'pa$$ # word',
  TLS_KEY: '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n',
  GREETING: "it's a test",
  PATHLIKE: 'C:\\dir\\n\\file "quoted"',
}

beforeAll(async () => {
  server = await startVaultServer()
  server.mountKv('secret', 2)
  server.writeSecret('secret', 'app', { ...E2E, mixed: `it's "both"`, crlf: 'crlf-line-one\r\ncrlf-line-two' })
  server.setPolicy('ci', { 'secret/data/*': ['read'] })
  token = server.createToken({ policies: ['ci'] })
})
afterAll(() => server.close())

const MAPPING = Object.keys(E2E)
  .map((k) => `secret/data/app ${k} | ${k}`)
  .join(' ;\n')

function inputs(extra: Record<string, string>, secrets = MAPPING): Record<string, string> {
  return { access_token: token, secrets, base_url: server.url, provider: 'vault', timeout: '20', ...extra }
}

/** A RUNNER_TEMP that outlives the harness's own temporary directory. */
function runnerTemp(): string {
  return mkdtempSync(join(scratch, 'runner-temp-'))
}

const EXPECTED_DOTENV =
  "DB_PASSWORD='pa$$ # word'\n" +
  "TLS_KEY='-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n'\n" +
  'GREETING="it\'s a test"\n' +
  'PATHLIKE=\'C:\\dir\\n\\file "quoted"\'\n'

/** The log without the ::add-mask:: lines (which the runner hides). */
function logOf(run: ActionRun): string {
  return (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
}

function expectNothingExported(run: ActionRun): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.envFile).toBe('')
  expect(run.outputFile).toBe('')
  expect(run.summary).toBe('')
}

describe('export_file end to end', () => {
  test('dotenv under RUNNER_TEMP: exact bytes, mode 0600, output, env too; both readers agree; the post step deletes it', async () => {
    const temp = runnerTemp()
    const run = await runMainWithState(inputs({ export_file: 'secrets/app.env' }), { env: { RUNNER_TEMP: temp } })
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    const file = join(temp, 'secrets', 'app.env')
    expect(run.outputs.get('export_file')).toBe(file)
    expect(readFileSync(file, 'utf8')).toBe(EXPECTED_DOTENV)
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(temp, 'secrets')).mode & 0o777).toBe(0o700)
    }
    expect(readdirSync(join(temp, 'secrets'))).toEqual(['app.env']) // no temporary file left behind
    expect(parseDotenv(readFileSync(file))).toEqual(E2E)
    const sourced = sourceInBash(file)
    for (const [k, v] of Object.entries(E2E)) expect(sourced[k]).toBe(v)
    for (const [k, v] of Object.entries(E2E)) {
      expect(run.env.get(k)).toBe(v)
      expect(run.outputs.get(k)).toBe(v)
    }
    // The path is not a secret; the values never reach the log.
    expect(logOf(run)).not.toContain('pa$$ # word')
    const post = await runPost({}, run.state)
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(existsSync(file)).toBe(false)
    // A second post run (re-run) finds nothing to delete and stays quiet.
    expect((await runPost({}, run.state)).warnings).toEqual([])
  })

  test('json, absolute path, replacing an older 0644 file: exact bytes and mode 0600', async () => {
    const file = join(runnerTemp(), 'out.json')
    writeFileSync(file, 'old contents', { mode: 0o644 })
    chmodSync(file, 0o644)
    const run = await runAction(inputs({ export_file: file, export_format: 'json' }))
    expect(run.exitCode).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(E2E, null, 2)}\n`)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(run.outputs.get('export_file')).toBe(file)
  })

  test('keep_file: true records no deletion, and the post step leaves the file', async () => {
    const temp = runnerTemp()
    const run = await runMainWithState(inputs({ export_file: 'keep.env', keep_file: 'true' }), {
      env: { RUNNER_TEMP: temp },
    })
    expect(run.exitCode).toBe(0)
    expect(run.state.size).toBe(0)
    await runPost({}, run.state)
    expect(readFileSync(join(temp, 'keep.env'), 'utf8')).toBe(EXPECTED_DOTENV)
  })

  test('the post step leaves a path that became a symlink or directory alone, with a warning', async () => {
    const temp = runnerTemp()
    const run = await runMainWithState(inputs({ export_file: 'later.env' }), { env: { RUNNER_TEMP: temp } })
    expect(run.exitCode).toBe(0)
    const file = join(temp, 'later.env')
    rmSync(file)
    mkdirSync(file)
    const post = await runPost({}, run.state)
    expect(post.exitCode).toBe(0)
    expect(post.warnings.join('\n')).toMatch(/is no longer a regular file; left alone/)
    expect(lstatSync(file).isDirectory()).toBe(true)
  })

  test('the post step deletes nothing through a folder swapped for a symbolic link', async () => {
    const temp = runnerTemp()
    const run = await runMainWithState(inputs({ export_file: 'sub/app.env' }), { env: { RUNNER_TEMP: temp } })
    expect(run.exitCode).toBe(0)
    // The written folder moves away; a link of the same name points at another folder that holds
    // a file of the same name (which the post step must not delete).
    const elsewhere = runnerTemp()
    writeFileSync(join(elsewhere, 'app.env'), 'not ours')
    renameSync(join(temp, 'sub'), join(temp, 'moved'))
    symlinkSync(elsewhere, join(temp, 'sub'))
    const post = await runPost({}, run.state)
    expect(post.exitCode).toBe(0)
    expect(post.warnings.join('\n')).toMatch(/the folder of .*app\.env is no longer the one written to; left alone/)
    expect(readFileSync(join(elsewhere, 'app.env'), 'utf8')).toBe('not ours')
  })

  test('a directory is refused: nothing written, nothing exported', async () => {
    const dir = runnerTemp()
    const run = await runAction(inputs({ export_file: dir }))
    expectNothingExported(run)
    expect(run.error).toBe(
      `inject-secrets: Input 'export_file': ${dir} is a directory; give a file path, e.g. ${join(dir, 'secrets.env')}.`,
    )
    expect(readdirSync(dir)).toEqual([])
  })

  test('a symlink is refused, and its target is left untouched', async () => {
    const temp = runnerTemp()
    const target = join(temp, 'target.txt')
    writeFileSync(target, 'keep me')
    const link = join(temp, 'link.env')
    symlinkSync(target, link)
    const run = await runAction(inputs({ export_file: link }))
    expectNothingExported(run)
    expect(run.error).toMatch(
      /^inject-secrets: Input 'export_file': .*link\.env is a symbolic link; refusing to write secrets through it/,
    )
    expect(readFileSync(target, 'utf8')).toBe('keep me')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })

  test('a value dotenv cannot hold fails the run: no file, nothing exported, the value never printed', async () => {
    const temp = runnerTemp()
    const run = await runAction(inputs({ export_file: 'x.env' }, `${MAPPING} ;\nsecret/data/app mixed | MIXED`), {
      env: { RUNNER_TEMP: temp },
    })
    expectNothingExported(run)
    expect(run.error).toMatch(
      /^inject-secrets: Input 'export_format' is 'dotenv', but the value of MIXED \(vault secret\/data\/app mixed \(line \d+\)\) contains both a single quote and one of/,
    )
    expect(logOf(run)).not.toContain('both"')
    expect(readdirSync(temp)).toEqual([])
    // The same secrets as JSON are fine.
    const json = await runAction(
      inputs(
        { export_file: 'x.json', export_format: 'json' },
        'secret/data/app mixed | MIXED ; secret/data/app crlf | CRLF',
      ),
      { env: { RUNNER_TEMP: temp } },
    )
    expect(json.exitCode).toBe(0)
    expect(JSON.parse(readFileSync(join(temp, 'x.json'), 'utf8'))).toEqual({
      MIXED: `it's "both"`,
      CRLF: 'crlf-line-one\r\ncrlf-line-two',
    })
  })

  test('a failed write exports nothing (the parent is a file)', async () => {
    const temp = runnerTemp()
    writeFileSync(join(temp, 'plain'), '')
    const run = await runAction(inputs({ export_file: 'plain/sub.env' }), { env: { RUNNER_TEMP: temp } })
    expectNothingExported(run)
    expect(run.error).toMatch(/^inject-secrets: Input 'export_file': cannot (create the directory|write|inspect)/)
  })

  test('a failure before the export writes no file', async () => {
    const temp = runnerTemp()
    const run = await runAction(inputs({ export_file: 'x.env' }, `${MAPPING} ;\nsecret/data/app missing | MISSING`), {
      env: { RUNNER_TEMP: temp },
    })
    expectNothingExported(run)
    expect(readdirSync(temp)).toEqual([])
  })

  test('a secret whose output would be export_file is refused before anything is written', async () => {
    const temp = runnerTemp()
    const run = await runAction(inputs({ export_file: 'x.env' }, 'secret/data/app DB_PASSWORD | EXPORT_FILE'), {
      env: { RUNNER_TEMP: temp },
    })
    expectNothingExported(run)
    expect(run.error).toMatch(
      /^inject-secrets: Input 'export_file' sets the step output 'export_file', which vault secret\/data\/app DB_PASSWORD/,
    )
    expect(readdirSync(temp)).toEqual([])
  })

  test('bad inputs are refused before any request', async () => {
    server.resetLog()
    const bad = await runAction(inputs({ export_file: 'x.env', export_format: 'yaml' }))
    expectNothingExported(bad)
    expect(bad.error).toBe("inject-secrets: Input 'export_format' must be one of 'dotenv', 'json', got 'yaml'.")
    const keep = await runAction(inputs({ export_file: 'x.env', keep_file: 'yes' }))
    expect(keep.error).toBe("inject-secrets: Input 'keep_file' must be 'true' or 'false', got 'yes'.")
    const noTemp = await runAction(inputs({ export_file: 'x.env' }), { env: { RUNNER_TEMP: '' } })
    expect(noTemp.error).toMatch(
      /^inject-secrets: Input 'export_file' is a relative path \('x\.env'\), which is taken under RUNNER_TEMP, but RUNNER_TEMP is not set/,
    )
    expect(server.requests).toEqual([])
  })
})
