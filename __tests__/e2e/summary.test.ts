// The job summary: escaping (unit, fuzz) and end to end through `node dist/index.js` with
// GITHUB_STEP_SUMMARY: names, outputs, provider and sources, never a value; off with summary: false;
// nothing on failure; a summary that cannot be written is a warning, never a failed or undone export.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { createMasks } from '../../src/runner/masking.js'
import { escapeHtml, MAX_ROWS, summaryHtml, summaryTable } from '../../src/runner/summary.js'
import { startVaultServer, type VaultServer } from '../../test/servers/vault.js'
import { runAction, type ActionRun } from '../../test/harness/run-action.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

describe('escapeHtml', () => {
  test.each([
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    [`a & "b" 'c'`, 'a &#38; &#34;b&#34; &#39;c&#39;'],
    ['line\n\nbreak\r\u2028', 'line  break  '],
    ['&#60;', '&#38;#60;'],
    ['plain_NAME-1 /path/x', 'plain_NAME-1 /path/x'],
  ])('%j → %j', (input, out) => {
    expect(escapeHtml(input)).toBe(out)
  })

  test('fuzz: no markup character and no line break survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeHtml(s)
        expect(e).not.toMatch(/[<>"'\n\r\u2028\u2029]/)
        // Every '&' starts one of our entities.
        expect(e.replace(/&#(38|60|62|34|39);/g, '')).not.toContain('&')
      }),
      { numRuns: RUNS },
    )
  })
})

describe('summaryHtml', () => {
  const scrub = (t: string): string => t
  test('exact HTML for a small run; no header row without secrets', () => {
    const html = summaryHtml(
      [
        { name: 'A', value: 'secret-a', source: 'bitwarden secret 1' },
        { name: 'B', outputName: 'b', value: 'x', source: 'src <b>' },
      ],
      {
        provider: 'bitwarden',
        setEnv: true,
        scrub,
      },
    )
    expect(html).toBe(
      '<h3>inject-secrets: 2 secrets from Bitwarden Secrets Manager</h3>\n' +
        '<p>Exported as environment variables for later steps and as step outputs. Values are masked and never shown here.</p>\n' +
        '<table><tr><th>Environment variable</th><th>Step output</th><th>Provider</th><th>Source</th></tr>' +
        '<tr><td>A</td><td>(same)</td><td>Bitwarden Secrets Manager</td><td>bitwarden secret 1</td></tr>' +
        '<tr><td>B</td><td>b</td><td>Bitwarden Secrets Manager</td><td>src &#60;b&#62;</td></tr></table>\n',
    )
    const none = summaryHtml([], {
      provider: 'vault',
      setEnv: false,
      scrub,
      file: { path: '/t/a&b.env', format: 'json', kept: true },
    })
    expect(none).toBe(
      '<h3>inject-secrets: 0 secrets from HashiCorp Vault</h3>\n' +
        '<p>Exported as step outputs only (set_env: false); also written to the json file <code>/t/a&#38;b.env</code> (kept after the job). Values are masked and never shown here.</p>\n',
    )
  })

  test('a table of 1,000 rows at most, and a line saying how many more (GitHub refuses a summary over 1 MiB)', () => {
    const secrets = Array.from({ length: MAX_ROWS + 5 }, (_, i) => ({
      name: `S_${i}`,
      value: `v${i}`,
      source: `src ${i}`,
    }))
    const html = summaryHtml(secrets, { provider: 'vault', setEnv: true, scrub })
    expect(html.match(/<tr>/g)?.length).toBe(MAX_ROWS + 1)
    expect(html).toContain('<td>S_999</td>')
    expect(html).not.toContain('<td>S_1000</td>')
    expect(html).toContain('<p>… and 5 more, not listed (the first 1000 are).</p>')
  })

  test('every cell passes the scrubber: a value that shows up in a source is masked there too', () => {
    const html = summaryHtml([{ name: 'A', value: 'hunter2', source: 'key hunter2' }], {
      provider: 'infisical',
      setEnv: true,
      scrub: (t) => t.replace('hunter2', '***'),
    })
    expect(html).toContain('<td>key ***</td>')
    expect(html).not.toContain('hunter2')
  })

  test('the scrub of all cells at once keeps every row in its place, also when a masked value spans two cells', () => {
    const masks = createMasks(() => {})
    masks.mask('tail\nhead') // a two-line value: one name ends with its first line, the next source starts with its second
    masks.mask('0123456789')
    const secrets = [
      { name: 'A', value: 'x', source: 'id 0123456789 tail' },
      { name: 'head_B', value: 'y', source: 'id 2' },
    ]
    const rows = summaryTable(secrets, { provider: 'bitwarden', setEnv: true, scrub: masks.scrub }).slice(1)
    expect(rows.map((r) => r.map((c) => c.data))).toEqual([
      ['A', '(same)', 'Bitwarden Secrets Manager', 'id *** ***'],
      ['***_B', '(same)', 'Bitwarden Secrets Manager', 'id 2'],
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// End to end

const VALUES: Record<string, string> = {
  '<img src=x onerror=alert(1)>&"\'': 'value-behind-html-key',
  npmToken: 'npm_0123456789abcdef',
  cert: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----',
}
let server: VaultServer
let token: string

beforeAll(async () => {
  server = await startVaultServer()
  server.mountKv('secret', 2)
  server.writeSecret('secret', 'web', VALUES)
  server.setPolicy('ci', { 'secret/data/*': ['read'] })
  token = server.createToken({ policies: ['ci'] })
})
afterAll(() => server.close())

const MAPPING = 'secret/data/web * ;\nsecret/data/web npmToken | NPM_TOKEN'

function inputs(extra: Record<string, string> = {}, secrets = MAPPING): Record<string, string> {
  return { access_token: token, secrets, base_url: server.url, provider: 'vault', timeout: '20', ...extra }
}

function expectNoValue(text: string): void {
  for (const v of [...Object.values(VALUES), token]) {
    for (const line of v.split('\n')) expect(text).not.toContain(line)
  }
}

describe('job summary end to end', () => {
  test('a table of names, outputs, provider and escaped sources; no value', async () => {
    const run = await runAction(inputs())
    expect(run.error).toBeUndefined()
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.summary).toBe(
      '<h3>inject-secrets: 4 secrets from HashiCorp Vault</h3>\n' +
        '<p>Exported as environment variables for later steps and as step outputs. Values are masked and never shown here.</p>\n' +
        '<table><tr><th>Environment variable</th><th>Step output</th><th>Provider</th><th>Source</th></tr>' +
        '<tr><td>IMGSRCXONERRORALERT1</td><td>imgsrcxonerroralert1</td><td>HashiCorp Vault</td>' +
        '<td>vault secret/data/web key &#34;&#60;img src=x onerror=alert(1)&#62;&#38;\\&#34;&#39;&#34; (line 1)</td></tr>' +
        '<tr><td>NPMTOKEN</td><td>npmToken</td><td>HashiCorp Vault</td><td>vault secret/data/web key &#34;npmToken&#34; (line 1)</td></tr>' +
        '<tr><td>CERT</td><td>cert</td><td>HashiCorp Vault</td><td>vault secret/data/web key &#34;cert&#34; (line 1)</td></tr>' +
        '<tr><td>NPM_TOKEN</td><td>(same)</td><td>HashiCorp Vault</td><td>vault secret/data/web npmToken (line 2)</td></tr></table>\n',
    )
    expect(run.summary).not.toMatch(/<img/)
    expectNoValue(run.summary)
    expect(run.env.get('NPM_TOKEN')).toBe(VALUES.npmToken)
  })

  test('with set_env: false and export_file, the summary says so', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'inject-secrets-summary-'))
    try {
      const run = await runAction(
        inputs(
          { set_env: 'false', export_file: 'app.json', export_format: 'json' },
          'secret/data/web npmToken | NPM_TOKEN',
        ),
        { env: { RUNNER_TEMP: temp } },
      )
      expect(run.exitCode).toBe(0)
      expect(run.summary).toContain(
        `<p>Exported as step outputs only (set_env: false); also written to the json file <code>${join(temp, 'app.json')}</code> (deleted when the job ends).`,
      )
      expect(run.summary).toContain('<th>Name</th>')
      expectNoValue(run.summary)
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  })

  test("summary: 'false' writes nothing; other values are refused", async () => {
    const off = await runAction(inputs({ summary: 'false' }))
    expect(off.exitCode).toBe(0)
    expect(off.summary).toBe('')
    expect(off.env.get('NPM_TOKEN')).toBe(VALUES.npmToken)
    const bad = await runAction(inputs({ summary: 'no' }))
    expect(bad.error).toBe("inject-secrets: Input 'summary' must be 'true' or 'false', got 'no'.")
    expect(bad.summary).toBe('')
  })

  test('a failed run writes no summary', async () => {
    const run: ActionRun = await runAction(inputs({}, `${MAPPING} ;\nsecret/data/web missing | MISSING`))
    expect(run.exitCode).not.toBe(0)
    expect(run.summary).toBe('')
    expect(run.envFile).toBe('')
  })

  test('without GITHUB_STEP_SUMMARY (older GHES, local runs) the run succeeds quietly', async () => {
    const run = await runAction(inputs(), { env: { GITHUB_STEP_SUMMARY: '' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toMatch(/::warning::/)
    expect(run.env.get('NPM_TOKEN')).toBe(VALUES.npmToken)
  })

  test('a summary that cannot be written is a warning; the exports stand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-summary-dir-'))
    try {
      const run = await runAction(inputs(), { env: { GITHUB_STEP_SUMMARY: dir } })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(
        /^::warning::inject-secrets: the job summary could not be written \(the secrets were exported\): /m,
      )
      expect(run.env.get('NPM_TOKEN')).toBe(VALUES.npmToken)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
