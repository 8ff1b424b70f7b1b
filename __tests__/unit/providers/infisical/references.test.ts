// Client-side reference expansion (docs/protocols/infisical.md#secret-references, INF-REF-1/2) and
// the merge rules (#merging, INF-MRG-1..3).
import { applyPersonalOverrides, mergeWithImports, type Item } from '../../../../src/providers/infisical/merge.js'
import { expandReferences, folderId, type Folder } from '../../../../src/providers/infisical/references.js'

const folder = (environment: string, path: string, values: Record<string, string>): Folder => ({
  id: folderId(environment, path),
  environment,
  path,
  values: new Map(Object.entries(values)),
})
const root = folder('prod', '/', {
  A: 'a',
  B: '${A}-b',
  SELF: 'x${SELF}',
  C1: '${C2}',
  C2: '${C1}',
  X: '${dev.lib.Y}',
  Z: '${staging.Q}',
})
const lib = folder('dev', '/lib', { Y: 'y(${W})', W: 'w' })
const lookup = (environment: string, path: string): Folder | undefined =>
  folderId(environment, path) === lib.id ? lib : undefined

test.each([
  ['no references', 'plain', 'plain', false],
  ['a local reference', '${A}', 'a', false],
  ['chained local references', '[${B}]', '[a-b]', false],
  ['a cross-folder reference, expanded in its own folder', '${dev.lib.Y}', 'y(w)', false],
  ['a cross-folder chain through a local one', '${X}', 'y(w)', false],
  ['an unknown name stays literal', '${NOPE}', '${NOPE}', true],
  ['a self-reference stays literal', '${SELF}', 'x${SELF}', true],
  ['a cycle stays literal', '${C1}', '${C1}', true],
  ['an unclosed reference is text', '${A', '${A', false],
  ['an empty reference is text', '${}', '${}', false],
  ['a malformed dotted reference stays literal', '${prod..A}', '${prod..A}', true],
  ['a folder not loaded stays literal and is asked for', '${staging.Q}', '${staging.Q}', true],
])('%s', (_name, value, expected, unresolved) => {
  const out = expandReferences(value, 'KEY', root, lookup)
  expect(out.value).toBe(expected)
  expect(out.unresolved).toBe(unresolved)
})

test('missing folders are reported for loading', () => {
  expect(expandReferences('${Z}', 'K', root, lookup).missing).toEqual([{ environment: 'staging', path: '/' }])
})

test('depth 10: ten references in a row resolve, the eleventh stays literal', () => {
  const values: Record<string, string> = { D11: 'bottom' }
  for (let i = 0; i < 11; i++) values[`D${i}`] = `\${D${i + 1}}`
  const f = folder('prod', '/', values)
  expect(expandReferences('${D2}', 'K', f, () => undefined).value).toBe('bottom')
  expect(expandReferences('${D1}', 'K', f, () => undefined)).toMatchObject({ value: '${D11}', unresolved: true })
})

const item = (key: string, value: string, extra: Partial<Item> = {}): Item => ({
  key,
  value,
  type: 'shared',
  location: 'prod:/',
  folder: 'prod:/',
  hidden: false,
  ...extra,
})

test('personal overrides shared within a folder only (INF-MRG-3)', () => {
  const out = applyPersonalOverrides([
    item('K', 'shared'),
    item('K', 'personal', { type: 'personal' }),
    item('K', 'other-folder', { folder: 'prod:/x' }),
  ])
  expect(out.map((i) => i.value)).toEqual(['personal', 'other-folder'])
})

test('imports fill missing keys from the last to the first; local wins (INF-MRG-1)', () => {
  const merged = mergeWithImports(
    [item('L', 'local'), item('K', 'local-k')],
    [[item('K', 'first'), item('A', 'first-a')], [item('A', 'last-a')]],
  )
  expect(Object.fromEntries([...merged.items].map(([k, v]) => [k, v.value]))).toEqual({
    L: 'local',
    K: 'local-k',
    A: 'last-a',
  })
  expect(merged.collisions.size).toBe(0)
})

test('a key in two local folders is a collision naming both (INF-MRG-2)', () => {
  const merged = mergeWithImports(
    [item('K', '1', { location: 'prod:/a' }), item('K', '2', { location: 'prod:/b' })],
    [],
  )
  expect(merged.collisions.get('K')).toEqual(['prod:/a', 'prod:/b'])
})
