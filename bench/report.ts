// docs/benchmarks.md from the bench's measurements: one section per Node (sizes, the vendors'
// actions beside ours), the scale curve, the in-process and start-up figures, the bundle.
import { cpus, release, totalmem, type } from 'node:os'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { linearity, type ScaleRow } from './scale.js'
import type { StartupRow } from './startup.js'

export interface Row {
  n: number
  what: string
  ms: number
  requests: number
  /** Sequential round trips (parallel requests share one). */
  roundTrips: number
  /** The floor (`node -e 0`) measured side by side with this row's group. */
  floorMs: number
  rssMb?: number
}

export interface VendorRow {
  readonly group: string
  readonly what: string
  readonly ms: number
  readonly requests: number
  readonly rssMb?: number
  readonly baseline?: { readonly what: string; readonly target: number }
  /** Our wall over the baseline's, taken round by round (each round's runs one after another): the median. */
  readonly pairedRatio?: { readonly rounds: number; readonly ratio: number }
}

/** The real-network model: a connection costs a round trip; Bitwarden's identity and API on two origins. */
export interface NetworkRow {
  readonly what: string
  readonly ms: number
  /** The floor measured side by side with the group. */
  readonly floorMs: number
  /** Connections each origin saw in the checked run. */
  readonly identityConnections: number
  readonly apiConnections: number
}

export interface Suite {
  readonly version: string
  /** The median of the groups' floors, for the heading; each figure uses its own group's. */
  readonly floor?: number
  readonly rows: Row[]
  /** The N = 100 targets taken round by round (each round's runs one after another), medians over the rounds. */
  readonly paired?: { readonly rounds: number; readonly ratio: number; readonly overMinimal: number }
  readonly vendors: VendorRow[]
  readonly network: NetworkRow[]
  readonly scale: ScaleRow[]
  readonly scaleRuns: number
  readonly scaleTimeout: string
  readonly mainLoad?: { ms: number; floorMs: number }
}

export interface ReportInput {
  readonly suites: Suite[]
  readonly latency: number
  /** N of the real-network model's runs. */
  readonly networkN: number
  readonly runs: number
  /** Rounds at N = 100, where the targets are set. */
  readonly targetRuns: number
  readonly command: string
  readonly haveSdk: boolean
  readonly vaultAction?: string
  readonly secretsAction?: string
  readonly decryptMs?: number
  readonly startup: StartupRow[]
  readonly inProcessNode: string
}

const fmt = (x: number | undefined, d = 1): string => (x === undefined ? 'n/a' : x.toFixed(d))

function sizesTable(su: Suite, rtt: number): string {
  if (su.rows.length === 0) return ''
  const excess = (r: Row): number => r.ms - r.floorMs - r.roundTrips * rtt
  const table = [
    '| N | what | median wall (ms) | requests (round trips) | excess (ms) | peak RSS (MB) |',
    '|---:|---|---:|---:|---:|---:|',
    ...su.rows.map(
      (r) =>
        `| ${r.n} | ${r.what} | ${fmt(r.ms)} | ${r.requests}${r.roundTrips !== r.requests ? ` (${r.roundTrips})` : ''} | ${r.requests ? fmt(excess(r)) : ''} | ${fmt(r.rssMb)} |`,
    ),
  ].join('\n')
  const at100 = (what: string): Row | undefined => su.rows.find((r) => r.n === 100 && r.what.startsWith(what))
  const ours = at100('bitwarden, by id')
  const official = at100('bitwarden official client')
  const ratio = ours && official ? excess(ours) / excess(official) : undefined
  const minimal = at100('bitwarden minimal JS client')
  const overMinimal = ours && minimal ? ours.ms - minimal.ms : undefined
  const load = su.mainLoad && su.mainLoad.ms - su.mainLoad.floorMs
  const { paired } = su
  // The verdict is the round-by-round figure where there is one: each round's runs follow one
  // another, so a change in the machine's load between rounds does not enter the comparison.
  const verdictRatio = paired?.ratio ?? ratio
  const verdictOver = paired?.overMinimal ?? overMinimal
  const byRound = (x: string): string => (paired ? `; round by round, the median of ${paired.rounds}: ${x}` : '')
  return `${table}

| target | result |
|---|---|
| at N = 100, our excess ≤ the official client's | ${ratio === undefined ? 'n/a' : `ours ${fmt(excess(ours!))} ms vs official ${fmt(excess(official!))} ms: ratio ${ratio.toFixed(2)}${byRound(paired?.ratio.toFixed(2) ?? '')} (${verdictRatio! <= 1 ? 'met' : 'missed'})`} |
| at N = 100, our wall within 10 ms of the minimal JS client's | ${overMinimal === undefined ? 'n/a' : `ours ${fmt(ours!.ms)} ms vs ${fmt(minimal!.ms)} ms: ${fmt(overMinimal)} ms more${byRound(`${fmt(paired?.overMinimal)} ms more`)} (${verdictOver! <= 10 ? 'met' : 'missed'})`} |
| loading the bundle ≤ 10 ms over the floor | ${load === undefined ? 'n/a' : `${fmt(load)} ms (${load <= 10 ? 'met' : 'missed'}; \`node dist/index.js\` with no inputs: loads, reads inputs, fails at once)`} |
`
}

function vendorsTable(su: Suite): string {
  if (su.vendors.length === 0) return ''
  const rows = su.vendors.map((r) => `| ${r.group} | ${r.what} | ${fmt(r.ms)} | ${r.requests} | ${fmt(r.rssMb)} |`)
  const targets = su.vendors
    .filter((r) => r.baseline)
    .map((r) => {
      const base = su.vendors.find((b) => b.group === r.group && b.what === r.baseline!.what)!
      const ratio = r.ms / base.ms
      const paired = r.pairedRatio
      const byRound = paired ? `; round by round, the median of ${paired.rounds}: ${paired.ratio.toFixed(2)}` : ''
      const verdict = (paired?.ratio ?? ratio) <= r.baseline!.target ? 'met' : 'missed'
      return `| ${r.group}: our wall ≤ ${r.baseline!.target}× ${base.what}'s | ours ${fmt(r.ms)} ms vs ${fmt(base.ms)} ms: ratio ${ratio.toFixed(2)}${byRound} (${verdict}) |`
    })
  return `### Beside the vendors' own actions

| provider | what | median wall (ms) | requests | peak RSS (MB) |
|---|---|---:|---:|---:|
${rows.join('\n')}
${targets.length ? `\n| target | result |\n|---|---|\n${targets.join('\n')}\n` : '\n(The vendors\u2019 dist files were not given: `--vault-action`, `--secrets-action`.)\n'}`
}

function networkTable(su: Suite, rtt: number, n: number): string {
  if (su.network.length === 0) return ''
  const rows = su.network.map(
    (r) => `| ${r.what} | ${fmt(r.ms)} | ${fmt(r.ms - r.floorMs)} | ${r.identityConnections} + ${r.apiConnections} |`,
  )
  const ours = su.network.find((r) => r.what.startsWith('ours'))
  const official = su.network.find((r) => r.what.startsWith('official'))
  const over = (r: NetworkRow): number => r.ms - r.floorMs
  const ratio = ours && official ? over(ours) / over(official) : undefined
  return `### Connections as a real network charges them (a model beside the issue's)

The tables above charge nothing for a connection (the proxy accepts at once on loopback), as the
targets were set. On a real network a new connection costs a round trip before its first request
(TCP's handshake; TLS 1.3 adds one more, not modelled: the test servers speak plain http), and
Bitwarden's clouds serve the login and the API from two hosts (identity.bitwarden.com,
api.bitwarden.com). Here each origin is its own proxy, whose connections hold the client's first
bytes for one round trip (${rtt} ms) from the moment it connected; N = ${n}, by id, 2 requests each.
The action opens the API's connection while the login is in flight (src/http/node.ts, preconnect).

| what | median wall (ms) | wall − floor (ms) | connections (identity + API) |
|---|---:|---:|---:|
${rows.join('\n')}

| comparison | result |
|---|---|
| our wall − floor against the official client's | ${ratio === undefined ? 'n/a' : `ours ${fmt(over(ours!))} ms vs official ${fmt(over(official!))} ms: ratio ${ratio.toFixed(2)}`} |
`
}

function section(su: Suite, rtt: number, networkN: number): string {
  return `## Node ${su.version}

Floor (\`node -e 0\`): ${fmt(su.floor)} ms (the median of the groups'; each group measures its own beside its cases, the
\`node -e 0\` rows). **Excess** = wall − the group's floor − round trips × ${rtt} ms.

${sizesTable(su, rtt)}
${vendorsTable(su)}
${networkTable(su, rtt, networkN)}`
}

/** For a failed cell: the answer it would have needed, from the largest size that passed. */
function projection(rows: readonly ScaleRow[], failed: ScaleRow): string {
  const passed = rows.filter((r) => r.provider === failed.provider && r.sample).sort((a, b) => b.n - a.n)[0]
  if (!passed) return 'no smaller size passed to compare with.'
  const perSecret = passed.responseBytes / passed.n
  const total = (perSecret * failed.n) / 2 ** 20
  return `the answers together held ${perSecret.toFixed(0)} bytes per secret at ${passed.n.toLocaleString('en')}, ${total.toFixed(1)} MiB in all at ${failed.n.toLocaleString('en')} (our client refuses an answer over 32 MiB, or over 4 KiB per secret asked for by get-by-ids if that is more).`
}

function scaleSection(su: Suite | undefined): string {
  if (!su || su.scale.length === 0) return ''
  const rows = su.scale.map((r) => {
    const head = `| ${r.provider} | ${r.n.toLocaleString('en')} | ${r.requests} |`
    const bytes = fmt(r.responseBytes / 2 ** 20, 2)
    if (!r.sample) return `${head} failed: ${r.error} | | | | ${bytes} | |`
    const s = r.sample
    return `${head} ${fmt(s.ms / 1000, 2)} | ${fmt(s.userS, 2)} | ${fmt(s.sysS, 2)} | ${fmt(s.maxRssKb && s.maxRssKb / 1024, 0)} | ${bytes} | ${((s.ms * 1000) / r.n).toFixed(0)} |`
  })
  const providers = [...new Set(su.scale.map((r) => r.provider))]
  return `## Scale (Node ${su.version})

Every secret by wildcard; each cell the median of ${su.scaleRuns} fresh processes (the first one's
request and export counts checked; a cell whose first run takes over 10 s, or fails, runs once).
Values are at most one AES block (\`v<i>\`) to keep answers small; the action's \`timeout\` is
${su.scaleTimeout} s. CPU is the action process's own (GNU time; the test servers run in the bench's
process and are not counted); peak RSS is the largest of the runs; the response is every byte the
server sent back through the proxy in the checked run (our client refuses an answer over 32 MiB, or for Bitwarden's get-by-ids over 4 KiB per secret asked for if that is more).
A curve is called near-linear when the action's CPU time per secret at the largest size is within
1.5× of that at the size below it (CPU, not wall: the wall time also holds the test server's work).

| provider | N | requests | wall (s) | user CPU (s) | system CPU (s) | peak RSS (MB) | response (MiB) | wall per secret (µs) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

${providers.map((p) => `- ${p}: ${linearity(su.scale.filter((r) => r.provider === p))}.`).join('\n')}
${su.scale
  .filter((r) => !r.sample)
  .map((r) => `- ${r.provider} at ${r.n.toLocaleString('en')} failed: ${projection(su.scale, r)}`)
  .join('\n')}
`
}

export function renderReport(i: ReportInput): string {
  const rtt = 2 * i.latency
  const distFiles = [
    ...readdirSync('dist').filter((f) => f.endsWith('.js')),
    ...readdirSync('dist/chunks').map((f) => `chunks/${f}`),
  ].map((f) => `| dist/${f} | ${(statSync(join('dist', f)).size / 1024).toFixed(1)} kB |`)
  const startup = i.startup.length
    ? `## Start-up cost by package

Each package bundled alone the way \`dist/\` is (rollup, \`moduleSideEffects: false\`), median of ${i.runs}
fresh processes, minus the floor (\`node -e 0\`, measured side by side with each).

| what | bundle size | extra start-up (ms) |
|---|---:|---:|
${i.startup.map((r) => `| ${r.what} | ${r.bytes ? `${(r.bytes / 1024).toFixed(1)} kB` : '—'} | ${fmt(r.extraMs)} |`).join('\n')}
`
    : ''
  return `# Benchmarks

Generated by \`npm run bench\` (\`bench/run.ts\`); do not edit by hand.

- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}.
- Node: ${i.suites.map((su) => su.version).join(' and ')} for every process (the action, the official client, the vendors'
  actions, the floor); runners use Node 24 (\`runs.using: node24\`), so its section comes first.
  In-process figures: Node ${i.inProcessNode}.
- Command: \`${i.command}\`
- Each cell: one warm-up, then the median of ${i.runs} fresh processes (${i.targetRuns} at N = 100 and beside the
  vendors' actions, where the targets are set) started as the runner starts them
  (\`node dist/index.js\`, \`INPUT_*\` variables, real \`GITHUB_ENV\`/\`GITHUB_OUTPUT\` files), with a
  runner-like environment (no \`NODE_EXTRA_CA_CERTS\`, which alone adds ~60 ms to any Node start).
  The cases of one size (and those of one vendor comparison) run side by side: each once in turn,
  round after round, so a burst of load on a shared machine falls on all of them alike. The floor
  (\`node -e 0\`) runs among them: every figure that subtracts it uses the one measured beside it.
- Server: the embedded test servers behind a TCP proxy that delays every chunk by ${i.latency} ms
  each way (${rtt} ms per round trip). Request counts are checked exactly on every size.
- **Excess** = wall time − the \`node -e 0\` floor measured beside it − round trips × ${rtt} ms
  (Vault's reads go out in parallel, 8 at a time, so they share round trips).
- The N = 100 targets and the vendor comparisons are judged round by round (${i.targetRuns} rounds): in
  each round our run, the official client's (or the vendor's action), the minimal client's and the
  floor follow one another, so the ratio (or difference) taken within a round is free of the load
  changes between rounds; the verdict is the median over the rounds, shown beside the figure from
  the medians.
- Request counts: Bitwarden by id = login + one get-by-ids; with names or wildcards + the list;
  Infisical = token details + one read per (environment, path), + the encrypted read on a legacy
  E2EE project (its raw read answers "bot not found" first); Vault = one read per distinct path and
  no \`lookup-self\` on the success path (it would spend a use of a limited-use token; with
  \`check_token: true\` it is one more).
- The official client is \`@bitwarden/sdk-napi@1.0.0\` (what bitwarden/sm-action v2 runs): login,
  one getByIds, mask and write each value (\`bench/official-client.cjs\`). The minimal JS client
  (\`bench/minimal-client.cjs\`) does the same with node:http and node:crypto and nothing else (no
  checks, no retries): the floor a JavaScript client reaches on the same Node.${i.haveSdk ? '' : '\n- **The official client could not be loaded on this machine; its rows are missing.**'}
- The vendors' actions run from their own released dist files, given to the bench by path (it
  downloads nothing): ${i.vaultAction ? `vault-action is ${i.vaultAction}` : 'vault-action was not given'}; ${i.secretsAction ? `secrets-action is ${i.secretsAction}` : 'secrets-action was not given'}.
  To get them: \`git show v3.4.0:dist/index.js\` in a clone of hashicorp/vault-action and
  \`git show v1.0.15:dist/index.cjs\` in a clone of Infisical/secrets-action (both MIT), then
  \`npm run bench -- --vault-action <file> --secrets-action <file>\`. Each gets the same \`with:\`
  inputs as ours plus the defaults of its own action.yml, as the runner would give them.
- Vault beside vault-action: 8 KV v2 paths, one key each (\`<path> SECRET_i ;\` lines, a token).
  vault-action (src/secrets.js) reads them one after another (8 round trips); the sequential reader
  (\`bench/vault-sequential.cjs\`, plain \`node:http\`) issues exactly those requests in that order and
  writes what it writes (a mask per line, env and output); ours reads them in parallel (1 round trip).
- Infisical beside secrets-action: Universal Auth (client id and secret) and one read of a folder of
  10 secrets by project slug. secrets-action: the login and one \`GET /api/v3/secrets/raw\`; ours: the
  same two, then it revokes the access token it was issued (one more round trip, on purpose).

${i.suites.map((su) => section(su, rtt, i.networkN)).join('\n')}
${scaleSection(i.suites[0])}
${
  i.decryptMs === undefined
    ? ''
    : `## In process

| what | result |
|---|---|
| decrypting 1,000 Bitwarden secrets (MAC check + AES-CBC + UTF-8, node:crypto) | ${fmt(i.decryptMs)} ms |
`
}
${startup}
## The bundle

| file | size |
|---|---:|
${distFiles.join('\n')}
`
}
