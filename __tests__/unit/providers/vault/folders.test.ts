// Folder lines (docs/protocols/vault.md#folders): where each is listed and read, the keys a LIST
// may answer (fuzzed: a key never leads outside the folder), bounds, and the grammar.
import fc from 'fast-check'
import type { ListResult } from '../../../../src/providers/vault/api.js'
import { expandFolders, folderPaths, MAX_FOLDERS } from '../../../../src/providers/vault/folders.js'
import { parseVaultMapping, type VaultRequest } from '../../../../src/providers/vault/mapping.js'

test('KV v2 (a data segment after the mount) lists metadata/; anything else lists the path itself', () => {
  expect(folderPaths('secret/data/app/')).toEqual({ list: 'secret/metadata/app/', read: 'secret/data/app/' })
  expect(folderPaths('secret/data/')).toEqual({ list: 'secret/metadata/', read: 'secret/data/' })
  expect(folderPaths('kv/app/')).toEqual({ list: 'kv/app/', read: 'kv/app/' })
  expect(folderPaths('data/x/')).toEqual({ list: 'data/x/', read: 'data/x/' })
})

test('grammar: a folder takes * or **, with a prefix that may hold {path}', () => {
  const [r] = parseVaultMapping('secret/data/app/ * | APP_{path}_').requests
  expect(r).toMatchObject({ path: 'secret/data/app/', wildcard: '*', prefix: 'APP_{path}_', folder: true })
  expect(parseVaultMapping('secret/data/app * | X_').requests[0]!.folder).toBeUndefined()
  expect(() => parseVaultMapping('kv/x a | A\nsecret/data/app/ key | K')).toThrow(
    /line 2: "secret\/data\/app\/" ends in '\/'/,
  )
  expect(() => parseVaultMapping('secret/data/app ** | {path}')).toThrow(
    /\{path\} in a name works on a folder line only/,
  )
})

const folderLine = (): VaultRequest => parseVaultMapping('kv/f/ *').requests[0]!
const ctx = (list: (path: string) => ListResult) => ({
  list: async (path: string) => list(path),
  forbidden: async () => new Error('forbidden'),
  ignoreNotFound: false,
  warning: () => {},
})

test('fuzz: every key a LIST may answer is refused or read below the folder', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('..', '../', '.', './', '/', 'a//', '?x', 'a/b')),
        {
          maxLength: 5,
        },
      ),
      async (keys) => {
        let expanded: readonly VaultRequest[]
        try {
          expanded = await expandFolders(
            [folderLine()],
            ctx((path) => (path === 'kv/f/' ? { kind: 'ok', keys } : { kind: 'not-found' })),
          )
        } catch (err) {
          expect(String(err)).toMatch(/Vault listed .* under "kv\/f\/": not a key name/)
          return
        }
        for (const r of expanded) {
          expect(r.path.startsWith('kv/f/')).toBe(true)
          const rel = r.path.slice('kv/f/'.length)
          expect(rel).not.toMatch(/(^|\/)\.\.?(\/|$)|[?#]|\/$|^$/)
          expect(r.inFolder).toBe(rel)
          expect(r.folder).toBeUndefined()
        }
      },
    ),
    { numRuns: 500 },
  )
})

test(`a tree of more than ${MAX_FOLDERS} folders is refused`, async () => {
  const wide = Array.from({ length: MAX_FOLDERS + 1 }, (_, i) => `d${i}/`)
  await expect(
    expandFolders(
      [folderLine()],
      ctx((path) => (path === 'kv/f/' ? { kind: 'ok', keys: wide } : { kind: 'not-found' })),
    ),
  ).rejects.toThrow(`line 1: the folders below "kv/f/" are more than ${MAX_FOLDERS}; read a narrower folder.`)
})
