// `npm run bench`: the action against the official Bitwarden client, and on Infisical and Vault,
// through a latency proxy, for N secrets; request counts are asserted exactly; results go to
// docs/benchmarks.md.
// Options: --latency <one-way ms> (10)  --runs <n> (7)  --sizes 1,10,100,1000  --scale 10000  --no-write
//          --nodes <node binary>,… (scripts/bench.js passes Node 24 first, then the Node it ran under)
import { createRequire } from 'node:module'
import { cpus, release, totalmem, type } from 'node:os'
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startBitwardenServer, type BitwardenServer } from '../test/servers/bitwarden.js'
import { startInfisicalServer } from '../test/servers/infisical.js'
import { startVaultServer } from '../test/servers/vault.js'
import { decryptString, splitKey } from '../src/providers/bitwarden/crypto.js'
import { startLatencyProxy } from './latency-proxy.js'
import { measure, median, runnerFiles, runOnce, useNode } from './measure.js'
import { startupByPackage, type StartupRow } from './startup.js'

const { values: opt } = parseArgs({
  options: {
    latency: { type: 'string', default: '10' },
    runs: { type: 'string', default: '7' },
    sizes: { type: 'string', default: '1,10,100,1000' },
    scale: { type: 'string', default: '10000' },
    'no-write': { type: 'boolean', default: false },
    nodes: { type: 'string', default: process.execPath },
  },
})
const latency = Number(opt.latency)
const runs = Number(opt.runs)
const sizes = opt.sizes.split(',').map(Number)
const rtt = 2 * latency
const scaleN = Number(opt.scale)

function sdkAvailable(): boolean {
  try {
    createRequire(import.meta.url)('@bitwarden/sdk-napi')
    return true
  } catch {
    return false
  }
}

interface Row {
  n: number
  what: string
  ms: number
  requests: number
  /** Sequential round trips (parallel requests share one). */
  roundTrips: number
  rssMb?: number
}

const server: BitwardenServer = await startBitwardenServer()
const proxy = await startLatencyProxy(server.url, latency)
const infisical = await startInfisicalServer()
const infisicalProxy = await startLatencyProxy(infisical.url, latency)
const vault = await startVaultServer()
const vaultProxy = await startLatencyProxy(vault.url, latency)
vault.mountKv('secret', 2)
vault.setPolicy('bench', { 'secret/data/*': ['read'] })
const files = runnerFiles()
// A runner's environment, not this shell's: NODE_EXTRA_CA_CERTS alone adds ~60 ms to every start.
const baseEnv: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  GITHUB_ENV: files.GITHUB_ENV,
  GITHUB_OUTPUT: files.GITHUB_OUTPUT,
  INPUT_BASE_URL: proxy.url,
  INPUT_SET_ENV: 'true',
  INPUT_TIMEOUT: '300',
}
const haveSdk = sdkAvailable()

interface Logged {
  requests: Array<{ method: string; path: string }>
  resetLog(): void
}

/** Runs once more with a clean log and checks the request count and the export count exactly. */
async function verify(
  args: string[],
  env: Record<string, string>,
  requests: number,
  exports: number,
  what: string,
  log: Logged = server,
): Promise<void> {
  files.reset()
  log.resetLog()
  await runOnce(args, env)
  if (log.requests.length !== requests) {
    throw new Error(
      `${what}: expected exactly ${requests} requests, got ${log.requests.length}: ${log.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    )
  }
  const exported = (readFileSync(files.GITHUB_ENV, 'utf8').match(/<<ghadelimiter_/g) ?? []).length
  if (exported !== exports) throw new Error(`${what}: expected ${exports} exports, got ${exported}`)
}

function seed(n: number): { token: string; project: string; ids: string[]; orgKey: Uint8Array } {
  const org = server.createOrganization()
  const project = server.createProject(org.id, `bench-${n}`)
  const ids = Array.from({ length: n }, (_, i) =>
    server.createSecret(org.id, { key: `SECRET_${i}`, value: `value-${i}-${'x'.repeat(24)}`, projectIds: [project] }),
  )
  const token = server.createAccessToken(server.createMachineAccount(org.id, { projects: [project] }))
  return { token, project, ids, orgKey: org.key }
}

type Case = [
  what: string,
  args: string[],
  env: Record<string, string>,
  requests: number,
  roundTrips: number,
  log: Logged,
]

/** Infisical: one folder of N secrets, read with a service token; a legacy E2EE project too. */
function infisicalCases(n: number): Case[] {
  return [false, true].map((e2ee): Case => {
    const project = infisical.createProject({ e2ee })
    for (let i = 0; i < n; i++)
      infisical.setSecret(project.id, {
        environment: 'prod',
        key: `SECRET_${i}`,
        value: `value-${i}-${'x'.repeat(24)}`,
      })
    const token = infisical.createServiceToken(project.id, { scopes: [{ environment: 'prod', secretPath: '/' }] })
    const env = {
      ...baseEnv,
      INPUT_BASE_URL: infisicalProxy.url,
      INPUT_ACCESS_TOKEN: token,
      INPUT_SECRETS: '*',
      INPUT_INCLUDE_IMPORTS: 'true',
      INPUT_RECURSIVE: 'false',
    }
    // details + one read; an E2EE project's raw read answers "bot not found" first, then the encrypted read.
    const requests = e2ee ? 3 : 2
    return [
      `infisical, ${e2ee ? 'legacy E2EE project' : 'project'}, *`,
      ['dist/index.js'],
      env,
      requests,
      requests,
      infisical,
    ]
  })
}

/** Vault: N keys spread over up to 10 KV v2 paths, read in parallel (8 at a time). */
function vaultCase(n: number): Case {
  const paths = Math.min(n, 10)
  const prefix = `bench${n}`
  for (let p = 0; p < paths; p++) {
    const data: Record<string, string> = {}
    for (let i = p; i < n; i += paths) data[`SECRET_${i}`] = `value-${i}-${'x'.repeat(24)}`
    vault.writeSecret('secret', `${prefix}/p${p}`, data)
  }
  const token = vault.createToken({ policies: ['bench'] })
  const secrets = Array.from({ length: paths }, (_, p) => `secret/data/${prefix}/p${p} * ;`).join('\n')
  const env = {
    ...baseEnv,
    INPUT_BASE_URL: vaultProxy.url,
    INPUT_ACCESS_TOKEN: token,
    INPUT_SECRETS: secrets,
    INPUT_PROVIDER: 'vault',
  }
  return [`vault, ${paths} path${paths > 1 ? 's' : ''}, *`, ['dist/index.js'], env, paths, Math.ceil(paths / 8), vault]
}

interface Suite {
  readonly version: string
  readonly floor: { ms: number }
  readonly rows: Row[]
  readonly scale?: Row
  readonly mainLoad: { ms: number }
}

/** Every process case under one Node binary: the floor, each size, the scale run, the bare load. */
async function suite(node: string, withScale: boolean): Promise<Suite> {
  const version = useNode(node)
  const rows: Row[] = []
  const floor = await measure(['-e', '0'], baseEnv, runs)
  rows.push({
    n: 0,
    what: 'node -e 0 (floor)',
    ms: floor.ms,
    requests: 0,
    roundTrips: 0,
    rssMb: floor.maxRssKb && floor.maxRssKb / 1024,
  })

  for (const n of sizes) {
    const { token, project, ids } = seed(n)
    const byId = {
      ...baseEnv,
      INPUT_ACCESS_TOKEN: token,
      INPUT_SECRETS: ids.map((id, i) => `${id} > SECRET_${i}`).join('\n'),
    }
    const byProject = { ...baseEnv, INPUT_ACCESS_TOKEN: token, INPUT_SECRETS: `${project}/*` }
    const cases: Case[] = [
      ['bitwarden, by id', ['dist/index.js'], byId, 2, 2, server],
      ['bitwarden, project wildcard', ['dist/index.js'], byProject, 3, 3, server],
    ]
    if (haveSdk)
      cases.push(['bitwarden official client (sdk-napi), by id', ['bench/official-client.cjs'], byId, 2, 2, server])
    cases.push(...infisicalCases(n), vaultCase(n))
    for (const [what, args, env, requests, roundTrips, log] of cases) {
      await verify(args, env, requests, n, `${what}, N=${n}`, log)
      const m = await measure(args, env, runs, files.reset)
      rows.push({ n, what, ms: m.ms, requests, roundTrips, rssMb: m.maxRssKb && m.maxRssKb / 1024 })
      process.stderr.write(`N=${n} ${what}: ${m.ms.toFixed(1)} ms\n`)
    }
  }

  // Scale: every secret of a big project by wildcard, one run.
  let scale: Row | undefined
  if (withScale && scaleN > 0) {
    const { token, project } = seed(scaleN)
    const env = { ...baseEnv, INPUT_ACCESS_TOKEN: token, INPUT_SECRETS: `${project}/*` }
    await verify(['dist/index.js'], env, 3, scaleN, `scale N=${scaleN}`)
    files.reset()
    const s = await runOnce(['dist/index.js'], env)
    scale = {
      n: scaleN,
      what: 'bitwarden, project wildcard (1 run)',
      ms: s.ms,
      requests: 3,
      roundTrips: 3,
      rssMb: s.maxRssKb && s.maxRssKb / 1024,
    }
  }
  // No inputs: the main bundle loads, reads its inputs and fails at once (exit 1) — load cost alone.
  const mainLoad = await measure(['dist/index.js'], { PATH: baseEnv.PATH! }, runs, undefined, 1)
  return { version, floor, rows, scale, mainLoad }
}

const nodes = opt.nodes.split(',').filter((x) => x !== '')
const suites: Suite[] = []
for (const [i, node] of nodes.entries()) suites.push(await suite(node, i === 0))
useNode(process.execPath)

// Decryption alone, in process: 1,000 values under one organization key.
const dec = seed(1000)
const key = splitKey(dec.orgKey)
const encrypted = dec.ids.map((id) => server.getStoredSecret(id)!.value)
const decryptMs = median(
  Array.from({ length: 7 }, () => {
    const t = process.hrtime.bigint()
    for (const e of encrypted) decryptString(e, key)
    return Number(process.hrtime.bigint() - t) / 1e6
  }),
)

const startup: StartupRow[] = await startupByPackage(baseEnv, runs, suites[0]!.floor.ms, `${server.url}/api/alive`)
for (const closable of [proxy, server, infisicalProxy, infisical, vaultProxy, vault]) await closable.close()

// ---- report ----
const fmt = (x: number | undefined, d = 1): string => (x === undefined ? 'n/a' : x.toFixed(d))

/** One Node's section: its table and the targets measured under it. */
function section(su: Suite): string {
  const excess = (r: Row): number => r.ms - su.floor.ms - r.roundTrips * rtt
  const table = [
    '| N | what | median wall (ms) | requests (round trips) | excess (ms) | peak RSS (MB) |',
    '|---:|---|---:|---:|---:|---:|',
    ...[...su.rows, ...(su.scale ? [su.scale] : [])].map(
      (r) =>
        `| ${r.n || ''} | ${r.what} | ${fmt(r.ms)} | ${r.requests}${r.roundTrips !== r.requests ? ` (${r.roundTrips})` : ''} | ${r.n ? fmt(excess(r)) : ''} | ${fmt(r.rssMb)} |`,
    ),
  ].join('\n')
  const at100 = (what: string): Row | undefined => su.rows.find((r) => r.n === 100 && r.what.startsWith(what))
  const ours = at100('bitwarden, by id')
  const official = at100('bitwarden official client')
  const ratio = ours && official ? excess(ours) / excess(official) : undefined
  const load = su.mainLoad.ms - su.floor.ms
  return `## Node ${su.version}

Floor (\`node -e 0\`): ${fmt(su.floor.ms)} ms. **Excess** = wall − floor − round trips × ${rtt} ms.

${table}

| target | result |
|---|---|
| at N = 100, our excess ≤ the official client's | ${ratio === undefined ? 'n/a' : `ours ${fmt(excess(ours!))} ms vs official ${fmt(excess(official!))} ms: ratio ${ratio.toFixed(2)} (${ratio <= 1 ? 'met' : 'missed'})`} |
| loading the bundle ≤ 10 ms over the floor | ${fmt(load)} ms (${load <= 10 ? 'met' : 'missed'}; \`node dist/index.js\` with no inputs: loads, reads inputs, fails at once) |
`
}

const distFiles = [
  ...readdirSync('dist').filter((f) => f.endsWith('.js')),
  ...readdirSync('dist/chunks').map((f) => `chunks/${f}`),
].map((f) => `| dist/${f} | ${(statSync(join('dist', f)).size / 1024).toFixed(1)} kB |`)

const report = `# Benchmarks

Generated by \`npm run bench\` (\`bench/run.ts\`); do not edit by hand.

- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}.
- Node: ${suites.map((su) => su.version).join(' and ')} for every process (the action, the official client, the floor);
  runners use Node 24 (\`runs.using: node24\`), so its section comes first. In-process figures: Node ${process.version}.
- Command: \`npm run bench -- --latency ${latency} --runs ${runs} --sizes ${sizes.join(',')} --scale ${scaleN}\`
- Each cell: one warm-up, then the median of ${runs} fresh processes started as the runner starts them
  (\`node dist/index.js\`, \`INPUT_*\` variables, real \`GITHUB_ENV\`/\`GITHUB_OUTPUT\` files), with a
  runner-like environment (no \`NODE_EXTRA_CA_CERTS\`, which alone adds ~60 ms to any Node start).
- Server: the embedded Bitwarden test server behind a TCP proxy that delays every chunk by ${latency} ms
  each way (${rtt} ms per round trip). Request counts are checked exactly on every size.
- **Excess** = wall time − the \`node -e 0\` floor − round trips × ${rtt} ms
  (Vault's reads go out in parallel, 8 at a time, so they share round trips).
- Request counts: Bitwarden by id = login + one get-by-ids; with names or wildcards + the list;
  Infisical = token details + one read per (environment, path), + the encrypted read on a legacy
  E2EE project (its raw read answers "bot not found" first); Vault = one read per distinct path and
  no \`lookup-self\` on the success path (it would spend a use of a limited-use token; with
  \`check_token: true\` it is one more).
- The official client is \`@bitwarden/sdk-napi@1.0.0\` (what bitwarden/sm-action v2 runs): login,
  one getByIds, mask and write each value (\`bench/official-client.cjs\`).${haveSdk ? '' : '\n- **The official client could not be loaded on this machine; its rows are missing.**'}

${suites.map(section).join('\n')}
## In process

| what | result |
|---|---|
| decrypting 1,000 Bitwarden secrets (MAC check + AES-CBC + UTF-8, node:crypto) | ${fmt(decryptMs)} ms |

## Start-up cost by package

Each package bundled alone the way \`dist/\` is (rollup, \`moduleSideEffects: false\`), median of ${runs}
fresh processes, minus the floor.

| what | bundle size | extra start-up (ms) |
|---|---:|---:|
${startup.map((r) => `| ${r.what} | ${r.bytes ? `${(r.bytes / 1024).toFixed(1)} kB` : '—'} | ${fmt(r.extraMs)} |`).join('\n')}

## The bundle

| file | size |
|---|---:|
${distFiles.join('\n')}
`
console.log(report)
if (!opt['no-write']) {
  mkdirSync('docs', { recursive: true })
  writeFileSync('docs/benchmarks.md', report)
  process.stderr.write('wrote docs/benchmarks.md\n')
}
