// vault-action's `pki` grammar (parsePkiInput in its src/action.js, docs/protocols/vault.md#pki):
// table cases and a property test, since the text comes from the workflow.
import fc from 'fast-check'
import { InputError } from '../../../../src/errors.js'
import { parsePki } from '../../../../src/providers/vault/pki.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

test('vault-action`s README example: two entries, path up to the first space, JSON parameters', () => {
  const text =
    'pki/issue/rolename {"common_name": "role.mydomain.com", "ttl": "1h"} ;\n  pki/issue/otherrole {"common_name": "o"} ;\n'
  expect(parsePki(text)).toEqual([
    {
      line: 1,
      path: 'pki/issue/rolename',
      name: 'rolename',
      parameters: { common_name: 'role.mydomain.com', ttl: '1h' },
    },
    { line: 2, path: 'pki/issue/otherrole', name: 'otherrole', parameters: { common_name: 'o' } },
  ])
})

test('errors name the line', () => {
  expect(() => parsePki('a/b {"x": 1};\n\n c/d')).toThrow(
    "Input 'pki', line 3: You must provide a valid path and parameters",
  )
  expect(() => parsePki('a/b {x}')).toThrow('Input \'pki\', line 1: the parameters after "a/b" are not valid JSON')
  expect(() => parsePki('a/b null')).toThrow('must be a JSON object')
  expect(parsePki(' ; ;\n')).toEqual([])
})

test('property: any text parses or fails with an InputError naming a line, never anything else', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      try {
        for (const r of parsePki(text)) {
          expect(r.path).not.toMatch(/\s/)
          expect(typeof r.parameters).toBe('object')
        }
      } catch (err) {
        expect(err).toBeInstanceOf(InputError)
        expect((err as Error).message).toMatch(/^Input 'pki', line \d+: /)
      }
    }),
    { numRuns: RUNS },
  )
})

test('property: generated entries round-trip (paths, parameters, lines)', () => {
  const segment = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
  const entry = fc.record({
    path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
    parameters: fc.dictionary(
      segment,
      fc.oneof(
        fc.string().filter((s) => !s.includes(';')),
        fc.integer(),
      ),
    ),
    newline: fc.boolean(),
  })
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 5 }), (entries) => {
      const text = entries.map((e) => `${e.path} ${JSON.stringify(e.parameters)}${e.newline ? ';\n' : ';'}`).join('')
      const parsed = parsePki(text)
      expect(parsed.map((p) => [p.path, p.parameters, p.name])).toEqual(
        entries.map((e) => [e.path, e.parameters, e.path.split('/').pop()]),
      )
      let line = 1
      entries.forEach((e, i) => {
        expect(parsed[i]!.line).toBe(line)
        if (e.newline) line++
      })
    }),
    { numRuns: RUNS },
  )
})
