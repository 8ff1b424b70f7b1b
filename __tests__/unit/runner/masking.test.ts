// The scrubber at scale (src/runner/masking.ts): with a few masks each is searched for; past 256,
// each position is looked up once per mask length. Either way no registered secret survives in a
// scrubbed text.
import fc from 'fast-check'
import { createMasks, masksFor } from '../../../src/runner/masking.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

// Secrets and text over a small alphabet, so they overlap often; '***' shares no character with it.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', '\n'), minLength: 1, maxLength: 8 })

test.each([
  ['a few masks (each searched for)', 0],
  ['many masks (looked up by length)', 300],
])('%s: no registered secret survives a scrub', (_name, padding) => {
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 12 }),
      fc.array(word, { maxLength: 30 }),
      (secrets, parts) => {
        const masks = createMasks(() => {})
        // Padding masks use other characters, so only the path taken differs.
        for (let i = 0; i < padding; i++) masks.mask(`pad-${i}-xyz`)
        for (const s of secrets) masks.mask(s)
        const out = masks.scrub(parts.join(''))
        for (const s of secrets)
          for (const line of [s, ...s.split('\n')].filter((l) => l.trim() !== '')) {
            expect(out.includes(line.trim())).toBe(false)
          }
      },
    ),
    { numRuns: RUNS / 4 },
  )
})

test('both paths give the same answer where masks do not overlap', () => {
  const few = createMasks(() => {})
  const many = createMasks(() => {})
  for (let i = 0; i < 300; i++) many.mask(`pad-${i}-xyz`)
  for (const m of [few, many]) ['hunter2', 'correct horse', 's3cr3t'].forEach((s) => m.mask(s))
  const text = 'user hunter2 said "correct horse" and s3cr3t; nothing else'
  expect(many.scrub(text)).toBe(few.scrub(text))
  expect(few.scrub(text)).toBe('user *** said "***" and ***; nothing else')
})

test('50,000 values registered: a long text is scrubbed (how fast is for npm run bench to say)', () => {
  const masks = createMasks(() => {})
  for (let i = 0; i < 50_000; i++) masks.mask(`value-${i}-${'x'.repeat(24)}`)
  const text = Array.from({ length: 2_000 }, (_, i) => `SECRET_${i}`).join(', ')
  const out = masks.scrub(`${text} value-42-${'x'.repeat(24)}`)
  expect(out.endsWith(' ***')).toBe(true)
  expect(out.startsWith('SECRET_0, SECRET_1,')).toBe(true)
})

test('a value echoed in server error text, folded to one line, is still scrubbed', async () => {
  const { oneLine } = await import('../../../src/http/json.js')
  const masks = createMasks(() => {})
  const value = 'first\tsecond  third\nfourth'
  masks.mask(value)
  const shownByServer = oneLine(`invalid value: ${value} (rejected)`)
  expect(shownByServer).toBe('invalid value: first second third fourth (rejected)')
  expect(masks.scrub(shownByServer)).toBe('invalid value: *** (rejected)')
})

// The by-length path's reference: at each position the longest mask starting there, left to right.
function referenceScrub(text: string, masks: ReadonlySet<string>): string {
  const lengths = [...new Set([...masks].map((m) => m.length))].sort((a, b) => b - a)
  let out = ''
  let i = 0
  while (i < text.length) {
    const length = lengths.find((l) => i + l <= text.length && masks.has(text.slice(i, i + l)))
    if (length === undefined) {
      out += text[i]
      i++
    } else {
      out += '***'
      i += length
    }
  }
  return out
}

test('the by-length path (rolling hashes) scrubs exactly as the position-by-position reference', () => {
  const unit = fc.constantFrom('a', 'b', 'c', 'é', '😀', 'x')
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit, minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 20 }),
      fc.string({ unit, maxLength: 200 }),
      (secrets, text) => {
        const masks = createMasks(() => {})
        const registered = new Set<string>()
        for (let i = 0; i < 300; i++) masks.mask(`pad-${i}-zz`)
        for (const s of secrets) masks.mask(s)
        for (let i = 0; i < 300; i++) registered.add(`pad-${i}-zz`)
        for (const s of secrets) registered.add(s)
        expect(masks.scrub(text)).toBe(referenceScrub(text, registered))
      },
    ),
    { numRuns: RUNS / 4 },
  )
})

test('masksFor: every form a value is logged in (lines trimmed, JSON-escaped, folded), each once, whatever the value', () => {
  const unit = fc.constantFrom(
    'a',
    'Z',
    '9',
    '-',
    'é',
    '😀',
    '\ud800',
    ' ',
    '\t',
    '\n',
    '\r',
    '"',
    '\\',
    '\u0000',
    '\u007f',
    '\u00a0',
    '\u2028',
  )
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 24 }), (value) => {
      const forms = masksFor(value)
      expect(new Set(forms).size).toBe(forms.length)
      if (value === '') return expect(forms).toEqual([])
      const lines = value
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '')
      const folded = value
        // eslint-disable-next-line no-control-regex -- control characters are what folding replaces
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
      const expected = new Set([value, ...lines, ...[value, ...lines].map((f) => JSON.stringify(f).slice(1, -1))])
      if (folded !== '') expected.add(folded)
      expect(new Set(forms)).toEqual(expected)
    }),
    { numRuns: RUNS },
  )
})
