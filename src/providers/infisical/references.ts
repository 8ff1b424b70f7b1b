// Client-side `${…}` expansion for legacy E2EE projects, as the server does for raw reads
// (docs/protocols/infisical.md#secret-references, INF-REF-1/2): `${KEY}` in the same folder,
// `${env.KEY}` at the root of env, `${env.a.b.KEY}` in folder /a/b of env; chained up to depth 10;
// unknown names, self-references, cycles and folders that cannot be read stay literal. Pure:
// folders come from a lookup the caller fills.

/** The values of one folder (after personal overrides), and where it is. */
export interface Folder {
  /** `env:/path`, or another unique label for folders known only by id (recursive reads). */
  readonly id: string
  readonly environment?: string
  readonly path?: string
  readonly values: ReadonlyMap<string, string>
}

export interface FolderRef {
  readonly environment: string
  readonly path: string
}

/** A folder by environment and path: undefined when it is not (yet) loaded. */
export type FolderLookup = (environment: string, path: string) => Folder | undefined

export interface Expanded {
  readonly value: string
  /** At least one reference was left as written. */
  readonly unresolved: boolean
  /** Folders that were needed but not loaded: load them (if allowed) and expand again. */
  readonly missing: readonly FolderRef[]
}

const REFERENCE = /\$\{([^}]+)\}/g
const MAX_DEPTH = 10

export const folderId = (environment: string, path: string): string => `${environment}:${path}`

/** Where a reference points, or undefined when it is not a well-formed reference. */
export function parseReference(ref: string): { folder: FolderRef | 'here'; key: string } | undefined {
  const parts = ref.split('.')
  if (parts.some((p) => p.trim() === '' || p !== p.trim())) return undefined
  if (parts.length === 1) return { folder: 'here', key: parts[0]! }
  const key = parts.pop()!
  const [environment, ...folders] = parts as [string, ...string[]]
  return { folder: { environment, path: `/${folders.join('/')}` }, key }
}

/** Expands the references in `value`, a secret `key` of folder `here`. */
export function expandReferences(value: string, key: string, here: Folder, lookup: FolderLookup): Expanded {
  let unresolved = false
  const missing: FolderRef[] = []

  function expand(text: string, folder: Folder, depth: number, seen: ReadonlySet<string>): string {
    return text.replace(REFERENCE, (whole, ref: string) => {
      const target = parseReference(ref)
      if (target === undefined || depth >= MAX_DEPTH) {
        unresolved = true
        return whole
      }
      let to: Folder | undefined = folder
      if (target.folder !== 'here') {
        to = lookup(target.folder.environment, target.folder.path)
        if (to === undefined) {
          missing.push(target.folder)
          unresolved = true
          return whole
        }
      }
      const id = `${to.id}\u0000${target.key}`
      const next = to.values.get(target.key)
      if (seen.has(id) || next === undefined) {
        unresolved = true
        return whole
      }
      return expand(next, to, depth + 1, new Set([...seen, id]))
    })
  }

  const out = expand(value, here, 0, new Set([`${here.id}\u0000${key}`]))
  return { value: out, unresolved, missing }
}
