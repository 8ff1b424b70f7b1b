// The scale curve: every secret of one big project (or path set) by wildcard, at each size, one run
// each (the run that checks the request and export counts is the one measured): wall time, the
// process's user and system CPU, its peak RSS, and the bytes the server sent back.
import type { LatencyProxy } from './latency-proxy.js'
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

/** Near-linear: the time per secret at the largest size within 1.5× of that at the middle one. */
export function linearity(rows: readonly ScaleRow[]): string {
  const sorted = rows.filter((r) => r.sample).sort((a, b) => a.n - b.n)
  if (sorted.length < 2) return 'fewer than two sizes ran: no curve'
  const [mid, big] = sorted.slice(-2) as [ScaleRow, ScaleRow]
  const per = (r: ScaleRow): number => (r.sample!.ms * 1000) / r.n
  const ratio = per(big) / per(mid)
  const verdict = ratio <= 1.5 ? 'near-linear' : 'not linear'
  return `${per(mid).toFixed(0)} µs per secret at ${mid.n.toLocaleString('en')} vs ${per(big).toFixed(0)} µs at ${big.n.toLocaleString('en')} (×${ratio.toFixed(2)}): ${verdict}`
}
