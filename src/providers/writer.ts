// What a wing that can write (the write action, src/write.ts) shares with the rest of the program:
// the requests going in, the plan coming out. Types only: no vendor knowledge, no @actions/*.
import type { ProviderKind } from './provider.js'

/** One line of the write action's `secrets`: the value of `source` goes to `target`. */
export interface WriteRequest {
  /** 1-based line of the `secrets` input, for error messages. */
  readonly line: number
  /** The source environment variable's name. */
  readonly source: string
  /** The target in the provider's terms, as written (trimmed). */
  readonly target: string
  /** The source's value (secret: masked before any writer sees it). */
  readonly value: string
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged'

/** One resolved, permission-checked write, in the order it will be made. */
export interface PlannedWrite {
  readonly line: number
  readonly source: string
  /** Where the value goes, as logs and the summary name it: ids, project, name; never a value. */
  readonly target: string
  readonly outcome: WriteOutcome
  /** Makes the write; absent when the stored value is already the same. Returns the target as written (e.g. with a new id). */
  readonly apply?: () => Promise<string>
}

export interface WriteOptions {
  /** `create`: true creates what does not exist; false only updates (a missing target is an error). */
  readonly create: boolean
}

export interface Writer<T = unknown> {
  readonly kind: ProviderKind
  /** Parses every target in this provider's terms, before any request (InputError naming the line). */
  parse(requests: readonly WriteRequest[]): T[]
  /** Logs in, resolves and permission-checks every target and compares values; writes nothing. */
  plan(targets: readonly T[], options: WriteOptions): Promise<readonly PlannedWrite[]>
  /**
   * Called once when the step is done with the writer, whatever happened (after the writes, a dry
   * run or a failure): revokes what a login issued. Never throws; a failure is a warning.
   */
  finish?(): Promise<void>
}
