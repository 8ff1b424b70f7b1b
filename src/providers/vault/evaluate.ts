// Evaluating a compiled selector path over a secret's data with JSONata's sequence rules
// (docs/protocols/vault.md#selectors): one-level flattening, singleton unwrapping, empty = no match.
// Pure.
import type { Step } from './selector.js'

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function pushFlat(out: unknown[], v: unknown): void {
  if (v === undefined) return
  if (Array.isArray(v)) for (const x of v) out.push(x)
  else out.push(v)
}

function lookupField(input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const out: unknown[] = []
    for (const item of input) pushFlat(out, lookupField(item, key))
    return out.length === 0 ? undefined : out
  }
  return isObject(input) && Object.hasOwn(input, key) ? input[key] : undefined
}

function wildcardValues(input: unknown): unknown {
  if (Array.isArray(input)) {
    const out: unknown[] = []
    for (const item of input) pushFlat(out, wildcardValues(item))
    return out
  }
  if (!isObject(input)) return undefined
  const out: unknown[] = []
  for (const k of Object.keys(input)) pushFlat(out, input[k])
  return out
}

/** Evaluates compiled steps against the secret's data map with JSONata's sequence rules. */
export function evaluatePath(steps: readonly Step[], data: unknown): unknown {
  let seq: unknown[] = [data]
  for (const step of steps) {
    const results: unknown[] = []
    for (const item of seq) {
      let res: unknown =
        step.kind === 'context'
          ? item
          : step.kind === 'wildcard'
            ? wildcardValues(item)
            : lookupField(item, step.name ?? '')
      for (const n of step.index) {
        const arr = Array.isArray(res) ? res : res === undefined ? [] : [res]
        let idx = Math.floor(n)
        if (idx < 0) idx += arr.length
        res = arr[idx]
      }
      if (res !== undefined) results.push(res)
    }
    seq = []
    for (const r of results) pushFlat(seq, r)
  }
  if (seq.length === 0) return undefined
  return seq.length === 1 ? seq[0] : seq
}
