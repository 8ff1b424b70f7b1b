// What a run exports under which names, shaped once for every provider, between fetching and the
// name checks (export-names.ts), so a prefix or a JSON key cannot smuggle in a name the checks would
// refuse: `parse_json` splits a JSON object into one variable per key, then `name_transformation`
// changes the case and `name_prefix` goes in front. Pure: no I/O, no @actions/*.
import { ActionError } from '../errors.js'
import type { Secret } from '../providers/provider.js'

export const NAME_TRANSFORMATIONS = ['none', 'uppercase', 'lowercase'] as const
export type NameTransformation = (typeof NAME_TRANSFORMATIONS)[number]

/** `parse_json`, `name_prefix`, `name_transformation`. */
export interface ShapeSettings {
  readonly parseJson: boolean
  /** Put in front of every name as given (after the transformation: TF_VAR_ stays upper-case). */
  readonly namePrefix: string
  readonly nameTransformation: NameTransformation
}

export const NO_SHAPING: ShapeSettings = Object.freeze({ parseJson: false, namePrefix: '', nameTransformation: 'none' })

// Bounds on one JSON secret: nesting (objects and arrays; JSON.stringify of a leaf recurses, and a
// value nested ~10,000 deep overflows the stack) and the variables it may become.
export const MAX_JSON_DEPTH = 32
export const MAX_JSON_KEYS = 1000

/** A key as a name part: what a name cannot hold becomes '_', then upper case (as AWS's action names keys). */
export function keyPart(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The value's nesting depth, counted without recursion, up to limit + 1. */
function depthOf(value: Json, limit: number): number {
  let max = 0
  const stack: [Json, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, d] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (d + 1 > max) max = d + 1
    if (max > limit) return max
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

/** A path of keys as written, for the source column: a.b, or "a b"."c" when a key needs quoting. */
function keyPath(keys: readonly string[]): string {
  return keys.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.')
}

/** A value parse_json splits: the text of a JSON object with at least one key; else undefined. */
function jsonObject(value: string): { [key: string]: Json } | undefined {
  // Most values are not JSON: skip the parse unless the text starts as an object does.
  if (!/^\s*\{/.test(value)) return undefined
  let parsed: Json
  try {
    parsed = JSON.parse(value) as Json
  } catch {
    return undefined
  }
  return isObject(parsed) && Object.keys(parsed).length > 0 ? parsed : undefined
}

/**
 * One secret as parse_json exports it: a JSON object becomes `<NAME>_<KEY>` per key (nested objects
 * flattened with '_'; arrays, numbers, booleans, null and empty objects as their JSON text; strings
 * as themselves); anything else stays as it is. The whole object is not exported under NAME.
 */
export function flattenJson(s: Secret): Secret[] {
  const root = jsonObject(s.value)
  if (root === undefined) return [s]
  if (depthOf(root, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw new ActionError(
      `parse_json: ${s.name} (${s.source}) nests JSON deeper than ${MAX_JSON_DEPTH} levels; store it flatter, or turn parse_json off.`,
    )
  const out: Secret[] = []
  const walk = (obj: { [key: string]: Json }, name: string, output: string | undefined, keys: string[]): void => {
    for (const [key, value] of Object.entries(obj)) {
      // An empty key adds no part (as AWS's action), so {"": …} under DB is DB itself.
      const part = keyPart(key)
      const join = (base: string): string => (part === '' ? base : `${base}_${part}`)
      const path = [...keys, key]
      if (isObject(value) && Object.keys(value).length > 0) {
        walk(value, join(name), output === undefined ? undefined : join(output), path)
        continue
      }
      if (out.length === MAX_JSON_KEYS)
        throw new ActionError(
          `parse_json: ${s.name} (${s.source}) has more than ${MAX_JSON_KEYS} keys; split it into several secrets, or turn parse_json off.`,
        )
      out.push({
        ...s,
        name: join(name),
        value: typeof value === 'string' ? value : JSON.stringify(value),
        source: `${s.source}, JSON ${keyPath(path)}`,
        outputName: output === undefined ? undefined : join(output),
        from: s.from ?? s.name,
        // The rest of the name is the JSON's own key: chosen by whoever wrote the secret.
        mapped: false,
      })
    }
  }
  walk(root, s.name, s.outputName, [])
  return out
}

function transform(name: string, how: NameTransformation): string {
  if (how === 'uppercase') return name.toUpperCase()
  if (how === 'lowercase') return name.toLowerCase()
  return name
}

/** A name as exported: transformed, then prefixed. */
export function shapeName(name: string, opts: ShapeSettings): string {
  return opts.namePrefix + transform(name, opts.nameTransformation)
}

/**
 * Every secret as the run exports it. `from` is set on each whose name changed (the summary shows
 * where it came from); values are untouched except where parse_json takes an object apart.
 */
export function shapeSecrets(secrets: readonly Secret[], opts: ShapeSettings): readonly Secret[] {
  if (!opts.parseJson && opts.namePrefix === '' && opts.nameTransformation === 'none') return secrets
  const out: Secret[] = []
  for (const fetched of secrets) {
    for (const s of opts.parseJson ? flattenJson(fetched) : [fetched]) {
      const name = shapeName(s.name, opts)
      const outputName = s.outputName === undefined ? undefined : shapeName(s.outputName, opts)
      const from = s.from ?? (name === fetched.name ? undefined : fetched.name)
      out.push({ ...s, name, outputName, ...(from === undefined ? {} : { from }) })
    }
  }
  return out
}
