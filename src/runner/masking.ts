// Everything the action must never print — tokens, their parts, session tokens, every fetched
// value — is registered here once: as runner masks (::add-mask::, through the `register` the entry
// gives) and with the scrubber that every error, warning and debug line passes through.

/** JSON's escaped form of a string, when it differs (quotes, backslashes, control characters). */
function jsonEscaped(s: string): string | undefined {
  const e = JSON.stringify(s).slice(1, -1)
  return e === s ? undefined : e
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is folded
const CONTROL_RUNS = /[\u0000-\u001f\u007f]+/g
/** A value whose lines, trimmed form, JSON-escaped form and folded form are all the value itself. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a plain value lacks
const PLAIN = /^[^\s\u0000-\u001f\u007f"\\\ud800-\udfff]+$/

/** A text as oneLine() shows it: control characters and runs of whitespace as one space, trimmed. */
function fold(text: string): string {
  return text.replace(CONTROL_RUNS, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * The strings to mask for a value: the value, each non-blank line trimmed (the runner matches masks
 * against one log line at a time, so a multi-line value masked only whole would leak its lines: the
 * sm-action and vault-action multi-line bugs), the JSON-escaped form of each, since a value
 * quoted in a JSON log line appears escaped, and the value folded to one line as server error text is.
 */
export function masksFor(value: string): string[] {
  if (value === '') return []
  // Most values are one line with no whitespace, quote, backslash, control character or surrogate:
  // every other form below would equal the value itself.
  if (PLAIN.test(value)) return [value]
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const forms = [value, ...lines]
  const escaped = forms.map(jsonEscaped).filter((e): e is string => e !== undefined)
  // Server error text is folded to one line before it is shown (http/json.ts oneLine): control
  // characters and whitespace runs become one space. A value echoed there looks like this.
  const folded = fold(value)
  return [...new Set([...forms, ...escaped, ...(folded === '' ? [] : [folded])])]
}

/** The run's secrets: registered once each, and scrubbed from every message the run writes. */
export interface Masks {
  /** Registers a secret: every form of it (masksFor) is passed to `register` once and scrubbed from then on. */
  mask(value: string): void
  /** Replaces every registered secret in a text with ***; for every message the run writes. */
  scrub(text: string): string
}

/**
 * A registry for one run. The action registers each form with the runner (core.setSecret, which
 * prints ::add-mask::); the CLI, which has no runner to tell, only scrubs.
 */
export function createMasks(register: (form: string) => void): Masks {
  const known = new Set<string>()
  // Indexed when a scrub needs it, not on every mask(): a run may register tens of thousands of
  // values before it prints anything (re-sorting each time was quadratic).
  let index: MaskIndex | undefined
  return {
    mask(value) {
      for (const m of masksFor(value)) {
        if (known.has(m)) continue
        known.add(m)
        register(m)
        index = undefined
      }
    },
    scrub(text) {
      index ??= indexMasks(known)
      const out = index.byLength ? replaceByLength(text, index.byLength) : replaceEach(text, index.longestFirst)
      return out.includes('…') ? scrubCutPrefixes(out, index.longestFirst) : out
    },
  }
}

interface MaskIndex {
  readonly longestFirst: readonly string[]
  /** What replaceByLength needs; made only past SEARCH_EACH_MASK masks. */
  readonly byLength?: LengthIndex
}

interface LengthIndex {
  /** The masks by length, and their lengths longest first. */
  readonly byLength: ReadonlyMap<number, ReadonlySet<string>>
  readonly lengths: readonly number[]
  /** A bit per (length, rolling hash) of some mask: most windows are ruled out by one array read. */
  readonly filter: Uint32Array
  /** Per length (same order as `lengths`): BASE^(length-1), to slide its window. */
  readonly topPowers: readonly number[]
}

// The index is made again after new masks, so a run that logs between its masks makes it several
// times: the few masks of most runs are searched for one by one and need only the sorted list
// (the length index and its 512 KiB filter are for runs of hundreds of masks and more).
function indexMasks(known: ReadonlySet<string>): MaskIndex {
  const longestFirst = [...known].sort((a, b) => b.length - a.length)
  return {
    longestFirst,
    byLength: longestFirst.length <= SEARCH_EACH_MASK ? undefined : lengthIndex(longestFirst),
  }
}

function lengthIndex(longestFirst: readonly string[]): LengthIndex {
  const byLength = new Map<number, Set<string>>()
  for (const m of longestFirst) {
    let set = byLength.get(m.length)
    if (!set) byLength.set(m.length, (set = new Set()))
    set.add(m)
  }
  const lengths = [...byLength.keys()]
  const filter = new Uint32Array(FILTER_SLOTS / 32)
  lengths.forEach((length, k) => {
    for (const m of byLength.get(length)!) {
      const slot = slotOf(hashOf(m, 0, length), k)
      filter[slot >>> 5]! |= 1 << (slot & 31)
    }
  })
  return { byLength, lengths, filter, topPowers: lengths.map((length) => power(length - 1)) }
}

// 2^22 bits (512 KiB, only past SEARCH_EACH_MASK masks): 150,000 masks leave ~4% of windows to a
// real comparison.
const FILTER_BITS = 22
const FILTER_SLOTS = 1 << FILTER_BITS

function slotOf(hash: number, lengthIndex: number): number {
  return Math.imul(hash ^ Math.imul(lengthIndex + 1, 0x9e3779b1), 0x85ebca6b) >>> (32 - FILTER_BITS)
}

// A polynomial hash over UTF-16 code units, modulo 2^32 (Math.imul): a window's hash is updated in
// constant time as it slides one position. Equal hashes are only candidates: the text is compared.
const BASE = 0x01000193

function hashOf(text: string, from: number, length: number): number {
  let h = 0
  for (let i = from; i < from + length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0
  return h
}

function power(exponent: number): number {
  let p = 1
  for (let i = 0; i < exponent; i++) p = Math.imul(p, BASE)
  return p
}

// Up to this many masks, each is searched for in the text (masks × text: cheapest for the few
// secrets of most runs). Past it, each position of the text is looked up once per distinct mask
// length (text × lengths), which stays linear for runs of tens of thousands of values: their
// lengths repeat.
const SEARCH_EACH_MASK = 256

function replaceEach(text: string, longestFirst: readonly string[]): string {
  let out = text
  for (const s of longestFirst) if (out.includes(s)) out = out.split(s).join('***')
  return out
}

/**
 * The longest mask starting at each position, left to right; what a mask covers is not searched
 * again. Each mask length keeps the rolling hash of the window starting at the position, so a
 * position costs one step per distinct length, not a substring and its hash.
 */
function replaceByLength(text: string, index: LengthIndex): string {
  const { lengths, filter, topPowers } = index
  const windows = new Int32Array(lengths.length)
  const restart = (at: number): void => {
    lengths.forEach((length, k) => {
      if (at + length <= text.length) windows[k] = hashOf(text, at, length)
    })
  }
  let out = ''
  let plain = 0
  let i = 0
  restart(0)
  while (i < text.length) {
    let hit = 0
    for (let k = 0; k < lengths.length; k++) {
      const length = lengths[k]!
      if (i + length > text.length) continue
      const slot = slotOf(windows[k]!, k)
      if ((filter[slot >>> 5]! & (1 << (slot & 31))) === 0) continue
      if (index.byLength.get(length)!.has(text.slice(i, i + length))) {
        hit = length
        break
      }
    }
    if (hit === 0) {
      // Slide every window one position on.
      const leaving = text.charCodeAt(i)
      for (let k = 0; k < lengths.length; k++) {
        const end = i + lengths[k]!
        if (end < text.length) {
          const dropped = (windows[k]! - Math.imul(leaving, topPowers[k]!)) | 0
          windows[k] = (Math.imul(dropped, BASE) + text.charCodeAt(end)) | 0
        }
      }
      i++
      continue
    }
    out += `${text.slice(plain, i)}***`
    i += hit
    plain = i
    restart(i)
  }
  return out + text.slice(plain)
}

// A server's error text is bounded with '…'; a cut inside an echoed secret leaves its start just
// before the '…', which no whole-secret mask matches. Prefixes shorter than this are left alone.
const MIN_PREFIX = 4

function scrubCutPrefixes(text: string, longestFirst: readonly string[]): string {
  let out = ''
  let from = 0
  for (let p = text.indexOf('…'); p >= 0; p = text.indexOf('…', p + 1)) {
    let cut = 0
    for (const s of longestFirst) {
      if (s.length <= MIN_PREFIX) continue
      const head = s.slice(0, MIN_PREFIX)
      for (
        let i = text.indexOf(head, Math.max(from, p - s.length + 1));
        i >= 0 && i <= p - MIN_PREFIX;
        i = text.indexOf(head, i + 1)
      ) {
        if (p - i > cut && s.startsWith(text.slice(i, p))) {
          cut = p - i
          break
        }
      }
    }
    out += `${text.slice(from, p - cut)}${cut > 0 ? '***' : ''}…`
    from = p + 1
  }
  return out + text.slice(from)
}
