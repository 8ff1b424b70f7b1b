// Reading server JSON (src/http/json.ts): bounded nesting, refused before parsing.
import fc from 'fast-check'
import { jsonObjectOf, MAX_JSON_DEPTH, nestsDeeperThan, parseJson } from '../../../src/http/json.js'

const response = (text: string) => ({ status: 200, headers: { 'content-type': 'application/json' }, text })

test.each([
  ['flat', '{"a":1}', false],
  [`${MAX_JSON_DEPTH} levels`, '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), false],
  [`${MAX_JSON_DEPTH + 1} levels`, '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1), true],
  ['brackets inside strings do not count', `{"a":"${'['.repeat(500)}"}`, false],
  ['an escaped quote does not end a string', `{"a":"\\"${'{'.repeat(500)}"}`, false],
  ['100,000 nested arrays', '['.repeat(100_000) + ']'.repeat(100_000), true],
])('nestsDeeperThan: %s → %s', (_name, text, deeper) => {
  expect(nestsDeeperThan(text)).toBe(deeper)
})

test('parseJson refuses a deeply nested answer by name, without parsing it', () => {
  const deep = '{"data":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'
  expect(() => parseJson(response(deep), 'GET /v1/secret/x')).toThrow(
    `GET /v1/secret/x: the JSON answer nests deeper than ${MAX_JSON_DEPTH} levels (HTTP 200); refusing to read it.`,
  )
  expect(jsonObjectOf(deep)).toBeUndefined()
})

test('any JSON value within the bound parses as JSON.parse does', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
      const text = JSON.stringify(value)
      expect(nestsDeeperThan(text)).toBe(false)
      expect(parseJson(response(text), 'x')).toEqual(JSON.parse(text))
    }),
    { numRuns: 500 },
  )
})

// The reference: one pass over the characters, as the large-body path reads them.
function referenceDepthOver(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      if (++depth > max) return true
    } else if (c === ']' || c === '}') depth--
  }
  return false
}

test('the fast path reads any text (unterminated strings, stray escapes, brackets) as the character loop does', () => {
  const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ') })
  fc.assert(
    fc.property(text, fc.integer({ min: 0, max: 6 }), (t, max) => {
      expect(nestsDeeperThan(t, max)).toBe(referenceDepthOver(t, max))
    }),
    { numRuns: 3000 },
  )
})

test.each([
  ['3 MB of escapes in one string (over the fast path: read by the loop)', `{"a":"${'\\n'.repeat(1_500_000)}"}`, 1],
  ['a body over the fast path', `{"a":"${'['.repeat(2_000_000)}"}` + '['.repeat(3), 2],
  ['an unterminated string with brackets after it', '{"a":"' + '['.repeat(100), 1],
])('%s', (_name, text, max) => {
  expect(nestsDeeperThan(text, max)).toBe(referenceDepthOver(text, max))
})
