// `npm run bench`: the action against the official Bitwarden client, and on Infisical and Vault,
// through a latency proxy, for N secrets; beside the vendors' own actions (given by path); the
// scale curve; request counts are asserted exactly; results go to docs/benchmarks.md.
// Options: --latency <one-way ms> (10)  --runs <n> (7)  --sizes 1,10,100,1000  --scale 1000,10000,50000
//          --scale-runs <n> (3: the median; the first run checks the counts; one over 10 s or failed runs once)
//          --vault-action <its dist/index.js>  --secrets-action <its dist/index.cjs>
//          --only sizes,vendors,network,scale,startup (a subset; the report is printed, not written)  --no-write
//          --nodes <node binary>,… (scripts/bench.js passes Node 24 first, then the Node it ran under)
//          --target-runs <n> (21: rounds at N = 100, the size the targets are set at)
import { createRequire } from 'node:module'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startBitwardenServer, type BitwardenServer } from '../test/servers/bitwarden.js'
import { startInfisicalServer } from '../test/servers/infisical.js'
import { startVaultServer } from '../test/servers/vault.js'
import { decryptString, splitKey } from '../src/providers/bitwarden/crypto.js'
import { startLatencyProxy } from '../test/servers/latency-proxy.js'
import {
  measureBesideFloor,
  measureSideBySide,
  median,
  medianSample,
  pairedMedian,
  runnerFiles,
  runOnce,
  useNode,
  type Sample,
} from './measure.js'
import { renderReport, type NetworkRow, type Row, type Suite, type VendorRow } from './report.js'
import { failure, type ScaleCase, type ScaleRow } from './scale.js'
import { startupByPackage, type StartupRow } from './startup.js'
import { describeDist, infisicalUniversalAuth, vaultEightPaths, type Compared, type Logged } from './vendors.js'

const GROUPS = ['sizes', 'vendors', 'network', 'scale', 'startup'] as const
/** Secrets in the real-network model's runs. */
const NETWORK_N = 100
const { values: opt } = parseArgs({
  options: {
    latency: { type: 'string', default: '10' },
    runs: { type: 'string', default: '7' },
    'target-runs': { type: 'string', default: '21' },
    sizes: { type: 'string', default: '1,10,100,1000' },
    scale: { type: 'string', default: '1000,10000,50000' },
    'scale-runs': { type: 'string', default: '3' },
    'vault-action': { type: 'string' },
    'secrets-action': { type: 'string' },
    only: { type: 'string', default: GROUPS.join(',') },
    'no-write': { type: 'boolean', default: false },
    nodes: { type: 'string', default: process.execPath },
  },
})
const latency = Number(opt.latency)
const runs = Number(opt.runs)
/** The size the targets are set at, and its rounds: a ratio of two ~60 ms excesses needs more than 7. */
const TARGET_N = 100
const targetRuns = Math.max(runs, Number(opt['target-runs']))
const sizes = opt.sizes.split(',').map(Number)
const scaleSizes = opt.scale
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const scaleRuns = Math.max(1, Number(opt['scale-runs']))
/** The action's `timeout` input in the scale run (seconds). */
const SCALE_TIMEOUT = '90'
const only = new Set(opt.only.split(','))
for (const g of only)
  if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`--only: '${g}' is not one of ${GROUPS.join(', ')}`)
const partial = GROUPS.some((g) => !only.has(g))
const write = !opt['no-write'] && !partial
if (partial && !opt['no-write']) process.stderr.write('--only: a partial run; docs/benchmarks.md is left as it is\n')
for (const dist of [opt['vault-action'], opt['secrets-action']])
  if (dist !== undefined && !existsSync(dist)) throw new Error(`${dist}: no such file`)

function sdkAvailable(): boolean {
  try {
    createRequire(import.meta.url)('@bitwarden/sdk-napi')
    return true
  } catch {
    return false
  }
}

const server: BitwardenServer = await startBitwardenServer()
const proxy = await startLatencyProxy(server.url, latency)
const infisical = await startInfisicalServer()
const infisicalProxy = await startLatencyProxy(infisical.url, latency)
const vault = await startVaultServer()
const vaultProxy = await startLatencyProxy(vault.url, latency)
// The real-network model: Bitwarden's login and API on two origins, a connection costing a round trip.
const netIdentity = await startLatencyProxy(server.url, latency, { handshake: true })
const netApi = await startLatencyProxy(server.url, latency, { handshake: true })
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

/** Runs once with a clean log, checks the request count and the export count exactly; returns the run. */
async function verify(
  args: string[],
  env: Record<string, string>,
  requests: number,
  exports: number,
  what: string,
  log: Logged = server,
): Promise<Sample> {
  files.reset()
  log.resetLog()
  const sample = await runOnce(args, env)
  if (log.requests.length !== requests) {
    throw new Error(
      `${what}: expected exactly ${requests} requests, got ${log.requests.length}: ${log.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    )
  }
  const exported = (readFileSync(files.GITHUB_ENV, 'utf8').match(/<<ghadelimiter_/g) ?? []).length
  if (exported !== exports) throw new Error(`${what}: expected ${exports} exports, got ${exported}`)
  return sample
}

/** A value of 35 bytes, or (for the scale run) one AES block at most, to keep big answers small. */
const valueOf = (i: number, short: boolean): string => (short ? `v${i}` : `value-${i}-${'x'.repeat(24)}`)

function seed(n: number, short = false): { token: string; project: string; ids: string[]; orgKey: Uint8Array } {
  const org = server.createOrganization()
  const project = server.createProject(org.id, `bench-${n}`)
  const ids = Array.from({ length: n }, (_, i) =>
    server.createSecret(org.id, { key: `SECRET_${i}`, value: valueOf(i, short), projectIds: [project] }),
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
function infisicalCases(n: number, legacy = true, short = false): Case[] {
  return (legacy ? [false, true] : [false]).map((e2ee): Case => {
    const project = infisical.createProject({ e2ee })
    for (let i = 0; i < n; i++)
      infisical.setSecret(project.id, {
        environment: 'prod',
        key: `SECRET_${i}`,
        value: valueOf(i, short),
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
function vaultCase(n: number, prefix = `bench${n}`, short = false): Case {
  const paths = Math.min(n, 10)
  for (let p = 0; p < paths; p++) {
    const data: Record<string, string> = {}
    for (let i = p; i < n; i += paths) data[`SECRET_${i}`] = valueOf(i, short)
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

const FLOOR_WHAT = 'node -e 0 (floor)'

/** Every process case under one Node binary: each size (with its floor), the vendors, the scale curve. */
async function suite(node: string, withScale: boolean): Promise<Suite> {
  const version = useNode(node)
  const rows: Row[] = []
  // Each group measures its own floor among its cases (measureBesideFloor).
  const floors: number[] = []
  let paired: Suite['paired']

  for (const n of only.has('sizes') ? sizes : []) {
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
    cases.push(['bitwarden minimal JS client (node:http), by id', ['bench/minimal-client.cjs'], byId, 2, 2, server])
    cases.push(...infisicalCases(n), vaultCase(n))
    for (const [what, args, env, requests, , log] of cases) await verify(args, env, requests, n, `${what}, N=${n}`, log)
    const group = await measureBesideFloor(
      cases.map(([, args, env]) => ({ args, env })),
      n === TARGET_N ? targetRuns : runs,
      baseEnv,
      files.reset,
    )
    const { floor, measured } = group
    floors.push(floor.ms)
    // The targets round by round: our excess over the official client's, our wall less the minimal
    // client's, each from runs made one after another (walls[0] is the floor's).
    const at = (prefix: string): number => 1 + cases.findIndex(([what]) => what.startsWith(prefix))
    const [ours, official, minimal] = [at('bitwarden, by id'), at('bitwarden official'), at('bitwarden minimal')]
    if (n === TARGET_N && official > 0 && minimal > 0) {
      // As the report's excess: wall − the floor − the case's round trips × 2 × latency.
      const excess = (walls: readonly number[], i: number): number =>
        walls[i]! - walls[0]! - cases[i - 1]![4] * 2 * latency
      paired = {
        rounds: floor.walls.length,
        ratio: pairedMedian(group, (w) => excess(w, ours) / excess(w, official)),
        overMinimal: pairedMedian(group, (w) => w[ours]! - w[minimal]!),
      }
    }
    rows.push({
      n,
      what: FLOOR_WHAT,
      ms: floor.ms,
      requests: 0,
      roundTrips: 0,
      floorMs: floor.ms,
      rssMb: mb(floor.maxRssKb),
    })
    for (const [i, [what, , , requests, roundTrips]] of cases.entries()) {
      const m = measured[i]!
      rows.push({ n, what, ms: m.ms, requests, roundTrips, floorMs: floor.ms, rssMb: mb(m.maxRssKb) })
      process.stderr.write(`N=${n} ${what}: ${m.ms.toFixed(1)} ms\n`)
    }
  }

  const vendors: VendorRow[] = []
  if (only.has('vendors')) {
    const groups: Array<[string, Compared[]]> = [
      ['vault', vaultEightPaths(vault, vaultProxy.url, files, opt['vault-action'])],
      // Ours: login, the read, and the revocation of the access token it was issued (one more round trip).
      ['infisical', infisicalUniversalAuth(infisical, infisicalProxy.url, files, opt['secrets-action'], 3)],
    ]
    for (const [group, cases] of groups) {
      for (const c of cases) await verify(c.args, c.env, c.requests, c.exports, c.what, c.log)
      // As many rounds as at N = 100: these are targets too, judged round by round.
      const measured = await measureSideBySide(cases, targetRuns, files.reset)
      for (const [i, c] of cases.entries()) {
        const m = measured[i]!
        const base = c.baseline && measured[cases.findIndex((b) => b.what === c.baseline!.what)]
        vendors.push({
          group,
          what: c.what,
          ms: m.ms,
          requests: c.requests,
          rssMb: mb(m.maxRssKb),
          baseline: c.baseline,
          pairedRatio: base && {
            rounds: m.walls.length,
            ratio: median(m.walls.map((w, r) => w / base.walls[r]!)),
          },
        })
        process.stderr.write(`${group}: ${c.what}: ${m.ms.toFixed(1)} ms\n`)
      }
    }
  }

  const network: NetworkRow[] = []
  if (only.has('network')) {
    const { token, ids } = seed(NETWORK_N)
    const env = {
      ...baseEnv,
      INPUT_BASE_URL: '',
      INPUT_IDENTITY_URL: `${netIdentity.url}/identity`,
      INPUT_API_URL: `${netApi.url}/api`,
      INPUT_ACCESS_TOKEN: token,
      INPUT_SECRETS: ids.map((id, i) => `${id} > SECRET_${i}`).join('\n'),
    }
    const cases: Array<[string, string[]]> = [['ours (dist/index.js), by id', ['dist/index.js']]]
    if (haveSdk) cases.push(['official client (sdk-napi), by id', ['bench/official-client.cjs']])
    cases.push(['minimal JS client (node:http), by id', ['bench/minimal-client.cjs']])
    const connections: Array<[number, number]> = []
    for (const [what, args] of cases) {
      netIdentity.reset()
      netApi.reset()
      await verify(args, env, 2, NETWORK_N, `network model: ${what}`)
      connections.push([netIdentity.connections.length, netApi.connections.length])
    }
    const { floor, measured } = await measureBesideFloor(
      cases.map(([, args]) => ({ args, env })),
      runs,
      baseEnv,
      files.reset,
    )
    for (const [i, [what]] of cases.entries()) {
      const [identityConnections, apiConnections] = connections[i]!
      network.push({ what, ms: measured[i]!.ms, floorMs: floor.ms, identityConnections, apiConnections })
      process.stderr.write(`network model: ${what}: ${measured[i]!.ms.toFixed(1)} ms\n`)
    }
  }

  // Scale: every secret by wildcard at each size, the median of a few runs.
  const scale: ScaleRow[] = []
  if (withScale && only.has('scale'))
    for (const n of scaleSizes) {
      const { token, project } = seed(n, true)
      const [, iArgs, iEnv, iRequests, , iLog] = infisicalCases(n, false, true)[0]!
      const [, vArgs, vEnv, vRequests, , vLog] = vaultCase(n, `scale${n}`, true)
      // A bounded run: a size the action cannot do ends in minutes, not after every retry.
      const bounded = (env: Record<string, string>): Record<string, string> => ({
        ...env,
        INPUT_TIMEOUT: SCALE_TIMEOUT,
      })
      // Bitwarden last: its server's get-by-ids is the slowest to answer at 50,000 (see the report).
      const cases: ScaleCase[] = [
        {
          provider: 'vault, 10 paths, *',
          args: vArgs,
          env: bounded(vEnv),
          requests: vRequests,
          log: vLog,
          proxy: vaultProxy,
        },
        {
          provider: 'infisical, project, *',
          args: iArgs,
          env: bounded(iEnv),
          requests: iRequests,
          log: iLog,
          proxy: infisicalProxy,
        },
        {
          provider: 'bitwarden, project wildcard',
          args: ['dist/index.js'],
          env: bounded({ ...baseEnv, INPUT_ACCESS_TOKEN: token, INPUT_SECRETS: `${project}/*` }),
          requests: 3,
          log: server,
          proxy,
        },
      ]
      await settle()
      for (const c of cases) {
        c.proxy.reset()
        try {
          const samples = [await verify(c.args, c.env, c.requests, n, `scale, ${c.provider}, N=${n}`, c.log)]
          const responseBytes = c.proxy.bytesDown
          // A run over 10 s is its own median: noise is small beside it, and the full bench stays short.
          for (let r = 1; r < scaleRuns && samples[0]!.ms < 10_000; r++) {
            files.reset()
            samples.push(await runOnce(c.args, c.env))
          }
          const sample = medianSample(samples)
          scale.push({ provider: c.provider, n, requests: c.requests, sample, responseBytes })
          process.stderr.write(`scale N=${n} ${c.provider}: ${sample.ms.toFixed(0)} ms\n`)
        } catch (err) {
          // A size the action refuses (e.g. a response over its limit) is a finding, not the end of the run.
          const error = failure(err)
          scale.push({ provider: c.provider, n, requests: c.requests, error, responseBytes: c.proxy.bytesDown })
          process.stderr.write(`scale N=${n} ${c.provider}: failed: ${error}\n`)
        }
        // The servers run in this process: requests a failed run left behind must not slow the next cell.
        await settle()
      }
    }
  // No inputs: the main bundle loads, reads its inputs and fails at once (exit 1) — load cost alone.
  let mainLoad: Suite['mainLoad']
  if (only.has('startup')) {
    const { floor, measured } = await measureBesideFloor(
      [{ args: ['dist/index.js'], env: { PATH: baseEnv.PATH! }, expectedExit: 1 }],
      runs,
      baseEnv,
    )
    mainLoad = { ms: measured[0]!.ms, floorMs: floor.ms }
  }
  const floor = floors.length > 0 ? median(floors) : undefined
  return { version, floor, rows, paired, vendors, network, scale, scaleRuns, scaleTimeout: SCALE_TIMEOUT, mainLoad }
}

/**
 * Waits until this process's event loop is idle: three 100 ms sleeps in a row that overrun by less
 * than 50 ms (the embedded servers answer synchronously, so pending work shows up as timer lag), or
 * five minutes at most (a busy shared machine lags too).
 */
async function settle(): Promise<void> {
  const end = performance.now() + 300_000
  for (let calm = 0; calm < 3 && performance.now() < end;) {
    const t = performance.now()
    await new Promise((resolve) => setTimeout(resolve, 100))
    calm = performance.now() - t < 150 ? calm + 1 : 0
  }
}

const mb = (kb: number | undefined): number | undefined => kb && kb / 1024

const nodes = opt.nodes.split(',').filter((x) => x !== '')
const suites: Suite[] = []
for (const [i, node] of nodes.entries()) suites.push(await suite(node, i === 0))
useNode(process.execPath)

let decryptMs: number | undefined
let startup: StartupRow[] = []
if (only.has('startup')) {
  // Decryption alone, in process: 1,000 values under one organization key.
  const dec = seed(1000)
  const key = splitKey(dec.orgKey)
  const encrypted = dec.ids.map((id) => server.getStoredSecret(id)!.value)
  decryptMs = median(
    Array.from({ length: 7 }, () => {
      const t = process.hrtime.bigint()
      for (const e of encrypted) decryptString(e, key)
      return Number(process.hrtime.bigint() - t) / 1e6
    }),
  )
  startup = await startupByPackage(baseEnv, runs, `${server.url}/api/alive`)
}
for (const closable of [proxy, netIdentity, netApi, server, infisicalProxy, infisical, vaultProxy, vault])
  await closable.close()

const report = renderReport({
  suites,
  latency,
  networkN: NETWORK_N,
  runs,
  targetRuns,
  command: `npm run bench -- --latency ${latency} --runs ${runs} --target-runs ${targetRuns} --sizes ${sizes.join(',')} --scale ${scaleSizes.join(',')} --scale-runs ${scaleRuns}${opt['vault-action'] ? ' --vault-action <path>' : ''}${opt['secrets-action'] ? ' --secrets-action <path>' : ''}`,
  haveSdk,
  vaultAction: opt['vault-action'] && describeDist(opt['vault-action']),
  secretsAction: opt['secrets-action'] && describeDist(opt['secrets-action']),
  decryptMs,
  startup,
  inProcessNode: process.version,
})
console.log(report)
if (write) {
  mkdirSync('docs', { recursive: true })
  writeFileSync('docs/benchmarks.md', report)
  process.stderr.write('wrote docs/benchmarks.md\n')
}
