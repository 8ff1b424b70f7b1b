// Runs a command as a fresh process, many times, and reports the median wall time and peak memory.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Sample {
  readonly ms: number
  readonly maxRssKb?: number
  /** User and system CPU seconds of the process (GNU time's %U and %S). */
  readonly userS?: number
  readonly sysS?: number
}

// GNU time reports peak RSS and CPU time; without it those columns say n/a.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const scratch = mkdtempSync(join(tmpdir(), 'inject-secrets-bench-'))

let node = process.execPath
/** Runs every later process under this Node binary; returns its version (e.g. v24.11.0). */
export function useNode(path: string): string {
  node = path
  const r = spawnSync(path, ['-p', 'process.version'], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${path} does not run: ${r.stderr}`)
  return r.stdout.trim()
}

/** One run: wall time from spawn to exit; fails loudly on a non-zero exit. */
export async function runOnce(args: readonly string[], env: Record<string, string>, expectedExit = 0): Promise<Sample> {
  const rssFile = join(scratch, 'rss')
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, node, ...args]] : [node, [...args]]
  const started = process.hrtime.bigint()
  const stderr: string[] = []
  // The last of stdout only: a failing action says why in its ::error:: line there.
  let stdoutTail = ''
  const code = await new Promise<number>((resolve) => {
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdoutTail = (stdoutTail + d).slice(-1000)))
    child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d))
    child.on('close', (c) => resolve(c ?? -1))
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (code !== expectedExit)
    throw new Error(`${args.join(' ')} exited ${code}: ${stderr.join('').slice(0, 500)}${stdoutTail.slice(-500)}`)
  if (!GNU_TIME) return { ms }
  // The last line: GNU time prefixes a "Command exited with non-zero status" line when it fails.
  const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  return { ms, maxRssKb: rss, userS: user, sysS: sys }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Per field, the median of the runs (peak RSS: the largest). */
export function medianSample(samples: readonly Sample[]): Sample {
  const of = (f: (s: Sample) => number | undefined): number | undefined => {
    const xs = samples.map(f).filter((x): x is number => x !== undefined)
    return xs.length ? median(xs) : undefined
  }
  const rss = samples.map((s) => s.maxRssKb).filter((x): x is number => x !== undefined)
  return {
    ms: median(samples.map((s) => s.ms)),
    maxRssKb: rss.length ? Math.max(...rss) : undefined,
    userS: of((s) => s.userS),
    sysS: of((s) => s.sysS),
  }
}

/** A command measured side by side with others: the median wall time, the largest peak RSS. */
export interface Measured {
  readonly ms: number
  readonly maxRssKb?: number
  /** Each round's wall time, in round order: round i of every command of one call ran together. */
  readonly walls: readonly number[]
}

/**
 * Several commands measured side by side: one warm-up each, then `runs` rounds in which each runs
 * once in turn, so a burst of load on a shared machine falls on all of them alike (their ratios are
 * what the targets compare). Per command: the median wall time, the largest peak RSS and each
 * round's wall time (for ratios taken round by round).
 */
export async function measureSideBySide(
  commands: ReadonlyArray<{
    readonly args: readonly string[]
    readonly env: Record<string, string>
    /** The exit code the command must end with (0 unless said). */
    readonly expectedExit?: number
  }>,
  runs: number,
  before?: () => void,
): Promise<Measured[]> {
  const samples: Sample[][] = commands.map(() => [])
  for (let round = -1; round < runs; round++)
    for (const [i, c] of commands.entries()) {
      before?.()
      const s = await runOnce(c.args, c.env, c.expectedExit)
      if (round >= 0) samples[i]!.push(s)
    }
  return samples.map((xs) => {
    const m = medianSample(xs)
    return { ms: m.ms, maxRssKb: m.maxRssKb, walls: xs.map((x) => x.ms) }
  })
}

/** Fresh, empty GITHUB_ENV / GITHUB_OUTPUT files. */
export function runnerFiles(): { GITHUB_ENV: string; GITHUB_OUTPUT: string; reset: () => void } {
  const files = { GITHUB_ENV: join(scratch, 'env'), GITHUB_OUTPUT: join(scratch, 'output') }
  const reset = (): void => {
    writeFileSync(files.GITHUB_ENV, '')
    writeFileSync(files.GITHUB_OUTPUT, '')
  }
  reset()
  return { ...files, reset }
}

/** What measureBesideFloor gives: the floor measured among the commands, and each command. */
export interface BesideFloor {
  readonly floor: Measured
  readonly measured: Measured[]
}

/**
 * The median over rounds of `f` applied to one round's wall times (the floor's first, then each
 * command's): a comparison made within each round, where the machine's load was the same for all.
 */
export function pairedMedian(m: BesideFloor, f: (walls: readonly number[]) => number): number {
  const rounds = m.floor.walls.map((floor, r) => [floor, ...m.measured.map((c) => c.walls[r]!)])
  return median(rounds.map(f))
}

/**
 * `commands` side by side with the floor (`node -e 0` with `floorEnv`), which runs among them: a
 * floor measured once ahead drifts from the cases on a loaded machine by tens of milliseconds.
 */
export async function measureBesideFloor(
  commands: Parameters<typeof measureSideBySide>[0],
  runs: number,
  floorEnv: Record<string, string>,
  before?: () => void,
): Promise<BesideFloor> {
  const [floor, ...measured] = await measureSideBySide(
    [{ args: ['-e', '0'], env: floorEnv }, ...commands],
    runs,
    before,
  )
  return { floor: floor!, measured }
}
