// The runner learns a mask from an `::add-mask::` line on stdout (core.setSecret writes one per
// call). A run registers its values in bursts: a hundred after one answer. Written one by one, each
// line is a pass through the stream and a write system call to the runner's pipe (under Node 24:
// 1.4 ms for 100 lines, 65 ms for 10,000; corked, 1.0 and 44 ms).
// Lines registered in one burst are gathered instead (the stream corked) and go out together, in
// one write, when the burst ends (the next tick) or earlier when flush() is called: before anything
// is exported. @actions/core still writes every line itself; only the stream's delivery is batched.

import type { Writable } from 'node:stream'

export interface MaskCommands {
  /** Writes a mask's line; it reaches stdout with the rest of its burst. */
  readonly add: (form: string) => void
  /** Delivers every line added so far, now: called before anything is exported. */
  readonly flush: () => void
}

export function maskCommands(
  setSecret: (form: string) => void,
  stream: () => Pick<Writable, 'cork' | 'uncork'> = () => process.stdout,
): MaskCommands {
  // Taken at the first mask, not when the entry loads: creating process.stdout loads Node's stream
  // and net modules, work a run that fails on its inputs does only when it reports the failure.
  let out: Pick<Writable, 'cork' | 'uncork'> | undefined
  const flush = (): void => {
    if (!out) return
    out.uncork()
    out = undefined
  }
  return {
    add(form) {
      if (!out) {
        out = stream()
        out.cork()
        process.nextTick(flush)
      }
      setSecret(form)
    },
    flush,
  }
}
