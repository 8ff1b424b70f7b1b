// How Infisical's clients turn one read into one set of keys (docs/protocols/infisical.md#merging):
// within a folder a personal secret overrides the shared one of the same key (INF-MRG-3); across
// folders of a recursive read a key held twice is noted (INF-MRG-2); imports fill only keys still
// missing, walking from the last import to the first, so local secrets win and among imports the
// last one wins (INF-MRG-1).

export interface Item {
  readonly key: string
  readonly value: string
  readonly type: string
  /** Where it lives, for messages and sources: `prod:/backend`, or `prod:/backend (import)`. */
  readonly location: string
  /** Groups items whose `${KEY}` references see each other (one folder). */
  readonly folder: string
  readonly hidden: boolean
}

export interface Merged {
  /** Key → the winning item. */
  readonly items: ReadonlyMap<string, Item>
  /** Keys held by more than one local folder → their locations (recursive reads). */
  readonly collisions: ReadonlyMap<string, readonly string[]>
}

/** Personal over shared, per folder and key; order otherwise kept. */
export function applyPersonalOverrides(items: readonly Item[]): Item[] {
  const personal = new Set(items.filter((i) => i.type === 'personal').map((i) => `${i.folder}\u0000${i.key}`))
  return items.filter((i) => i.type === 'personal' || !personal.has(`${i.folder}\u0000${i.key}`))
}

/** Merges local items (already overridden) with imports (each already overridden), as the vendor action does. */
export function mergeWithImports(local: readonly Item[], imports: ReadonlyArray<readonly Item[]>): Merged {
  const items = new Map<string, Item>()
  const folders = new Map<string, string[]>()
  for (const item of local) {
    const seen = folders.get(item.key) ?? []
    if (!seen.includes(item.location)) seen.push(item.location)
    folders.set(item.key, seen)
    // The vendor keeps the later one; a collision is reported by the caller if the key is used.
    items.set(item.key, item)
  }
  for (const group of [...imports].reverse()) {
    for (const item of group) if (!items.has(item.key)) items.set(item.key, item)
  }
  const collisions = new Map([...folders].filter(([, at]) => at.length > 1))
  return { items, collisions }
}
