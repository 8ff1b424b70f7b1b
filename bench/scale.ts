// The scale curve: every secret of one big project (or path set) by wildcard, at each size, one run
// each (the run that checks the request and export counts is the one measured): wall time, the
// process's user and system CPU, its peak RSS, and the bytes the server sent back.
import type { LatencyProxy } from '../test/servers/latency-proxy.js'
import type { Sample } from './measure.js'
import type { Logged } from './vendors.js'

export interface ScaleCase {
  readonly provider: string
  readonly args: string[]
  readonly env: Record<string, string>
  readonly requests: number
  readonly log: Logged
  readonly proxy: LatencyProxy
}

export interface ScaleRow {
  readonly provider: string
  readonly n: number
  readonly requests: number
  /** The run; absent when it failed (then `error` says why). */
  readonly sample?: Sample
  readonly error?: string
  readonly responseBytes: number
}

/** The reason a failed run gives: its ::error:: line when there is one. */
export function failure(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  const line = /::error::(.*)/.exec(text)?.[1] ?? text
  return line.replace(/%0A/g, ' ').slice(0, 300)
}

/**
 * Near-linear: the action's CPU time (user + system) per secret at the largest size within 1.5× of
 * that at the next one down. CPU, not wall: the wall time also holds the test server's own work
 * (it runs in the bench's process) and the transfer.
 */
export function linearity(rows: readonly ScaleRow[]): string {
  const sorted = rows.filter((r) => r.sample).sort((a, b) => a.n - b.n)
  if (sorted.length < 2) return 'fewer than two sizes ran: no curve'
  const [mid, big] = sorted.slice(-2) as [ScaleRow, ScaleRow]
  const wall = (r: ScaleRow): number => (r.sample!.ms * 1000) / r.n
  const cpu = (r: ScaleRow): number | undefined =>
    r.sample!.userS === undefined ? undefined : (((r.sample!.userS ?? 0) + (r.sample!.sysS ?? 0)) * 1e6) / r.n
  const at = `${mid.n.toLocaleString('en')} → ${big.n.toLocaleString('en')}`
  const walls = `wall ${wall(mid).toFixed(0)} → ${wall(big).toFixed(0)} µs per secret (×${(wall(big) / wall(mid)).toFixed(2)})`
  const [c1, c2] = [cpu(mid), cpu(big)]
  if (c1 === undefined || c2 === undefined) return `${at}: ${walls}; no CPU figures (GNU time missing)`
  const ratio = c2 / c1
  return `${at}: CPU ${c1.toFixed(0)} → ${c2.toFixed(0)} µs per secret (×${ratio.toFixed(2)}), ${walls}: **${ratio <= 1.5 ? 'near-linear' : 'not linear'}**`
}
