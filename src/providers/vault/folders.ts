// Whole folders (docs/protocols/vault.md#folders): a line whose path ends in '/' reads every secret
// below it, recursively. One LIST per folder (KV v2: <mount>/metadata/<folder>/, KV v1: the path
// itself), 8 at a time, level by level; each secret found becomes a request of its own, read like
// any other path. Vault has no recursive LIST, so this is the fewest requests there are.
import { InputError, ServerError, secretsLine } from '../../errors.js'
import type { ListResult } from './api.js'
import type { VaultRequest } from './mapping.js'
import { CONCURRENCY, pool } from './pool.js'

// Bounds on what one run walks: a folder tree this size is a mistake, or a server misbehaving.
export const MAX_FOLDERS = 1000
export const MAX_FOLDER_SECRETS = 10_000

export interface FolderContext {
  readonly list: (path: string) => Promise<ListResult>
  /** A 403 on a LIST, explained (the session's lookup-self). */
  readonly forbidden: (path: string, res: ListResult & { kind: 'forbidden' }) => Promise<Error>
  readonly ignoreNotFound: boolean
  readonly warning: (message: string) => void
}

/**
 * Where to LIST a folder line's path and how to read what it finds: a path with a `data` segment
 * after the mount is KV v2 (`secret/data/app/` → LIST `secret/metadata/app/`, read
 * `secret/data/app/<key>`); any other is KV v1 (LIST and read under the path itself).
 */
export function folderPaths(path: string): { readonly list: string; readonly read: string } {
  const segs = path.split('/')
  const i = segs.indexOf('data', 1)
  if (i < 1) return { list: path, read: path }
  return { list: [...segs.slice(0, i), 'metadata', ...segs.slice(i + 1)].join('/'), read: path }
}

// A key Vault lists: a name, or a sub-folder's name with one trailing '/'. Anything else ('..',
// an empty name, a query or a second '/') would read somewhere the folder does not name.
const KEY = /^(?!\.\.?\/?$)[^/?#]+\/?$/

/** Every folder line expanded into one request per secret found below it; other lines as they are. */
export async function expandFolders(
  requests: readonly VaultRequest[],
  ctx: FolderContext,
): Promise<readonly VaultRequest[]> {
  const lines = requests.filter((r) => r.folder)
  if (lines.length === 0) return requests
  const found = new Map<VaultRequest, string[]>()
  let listed = 0
  let secrets = 0
  // Level by level: every folder of a level is listed (8 at a time) before the next level starts.
  let level = lines.map((r) => ({ r, rel: '' }))
  while (level.length > 0) {
    const next: { r: VaultRequest; rel: string }[] = []
    listed += level.length
    if (listed > MAX_FOLDERS)
      throw new InputError(
        `${secretsLine(level[0]!.r.line)}: the folders below "${level[0]!.r.path}" are more than ${MAX_FOLDERS}; read a narrower folder.`,
      )
    await pool(level, CONCURRENCY, async ({ r, rel }) => {
      const path = folderPaths(r.path).list + rel
      const res = await ctx.list(path)
      if (res.kind === 'forbidden') throw await ctx.forbidden(path, res)
      if (res.kind === 'not-found') {
        if (rel !== '') return // emptied since the parent was listed
        const message = `the folder "${r.path}" has no secrets (Vault answered 404 to LIST "${path}")`
        if (!ctx.ignoreNotFound)
          throw new ServerError(
            `${secretsLine(r.line)}: ${message}. Vault answers 404 for an empty or missing folder, and also when the folder is outside what the token may list.`,
            404,
          )
        ctx.warning(`✘ ${message}; skipped (ignore_not_found).`)
        return
      }
      for (const key of res.keys) {
        if (!KEY.test(key))
          throw new ServerError(`Vault listed ${JSON.stringify(key.slice(0, 80))} under "${path}": not a key name.`)
        if (key.endsWith('/')) next.push({ r, rel: rel + key })
        else {
          if (++secrets > MAX_FOLDER_SECRETS)
            throw new InputError(
              `${secretsLine(r.line)}: the folder "${r.path}" holds more than ${MAX_FOLDER_SECRETS} secrets; read a narrower folder.`,
            )
          const list = found.get(r) ?? []
          list.push(rel + key)
          found.set(r, list)
        }
      }
    })
    level = next
  }
  return requests.flatMap((r) =>
    r.folder
      ? (found.get(r) ?? []).sort().map((rel) => ({ ...r, folder: undefined, path: r.path + rel, inFolder: rel }))
      : [r],
  )
}
