// What a service token may read (docs/protocols/infisical.md#token-details INF-DET-2..4,
// #glob-scopes): expiry, the read permission, the environment and folder to use by default, and
// whether a folder lies inside the token's scopes. Pure: the server decides; this only picks
// defaults and explains refusals before they happen.
import { InputError, ServerError } from '../../errors.js'
import type { Scope, TokenDetails } from './api.js'

const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p)

/** picomatch `isMatch(path, glob, { strictSlashes: false })` for the `*` and `**` globs scopes use. */
export function scopeMatches(glob: string, path: string): boolean {
  if (glob === '') return false
  const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  const segment = (seg: string): string =>
    seg === '**' ? '\uE000' : seg === '*' ? '[^/]+' : seg.split('*').map(escape).join('[^/]*')
  const source = trimSlash(glob)
    .split('/')
    .map(segment)
    .join('/')
    // `/x/**` matches `/x` itself and anything below it; `/**` matches everything.
    .replace(/\/\uE000/g, '(?:/.*)?')
    .replace(/\uE000/g, '.*')
  return new RegExp(`^${source}$`).test(trimSlash(path))
}

export const isGlob = (path: string): boolean => path.includes('*')

/** `prod:/**, dev:/` — what the token may read, for messages. */
export function describeScopes(scopes: readonly Scope[]): string {
  return scopes.length === 0 ? '(none)' : scopes.map((s) => `${s.environment}:${s.secretPath}`).join(', ')
}

/** INF-DET-2: the token can read and has not expired. */
export function assertUsable(details: TokenDetails, now: number): void {
  if (details.expiresAt !== null && Date.parse(details.expiresAt) <= now) {
    throw new ServerError(
      `The service token expired at ${details.expiresAt}; create a new one in Infisical and update the secret holding it.`,
    )
  }
  if (!details.permissions.includes('read')) {
    const has = details.permissions.length === 0 ? 'none' : details.permissions.join(', ')
    throw new ServerError(`The service token has no 'read' permission (it has: ${has}); create one with read access.`)
  }
}

/** INF-DET-3: the environment asked for, which the scopes must allow, or the scopes' only one. */
export function chooseEnvironment(scopes: readonly Scope[], wanted: string | undefined): string {
  const environments = [...new Set(scopes.map((s) => s.environment))]
  if (wanted !== undefined) {
    if (!environments.includes(wanted)) {
      throw new InputError(
        `Input 'environment' is '${wanted}', but the service token may read only ${environments.map((e) => `'${e}'`).join(', ') || 'no environment'} (scopes: ${describeScopes(scopes)}).`,
      )
    }
    return wanted
  }
  if (environments.length !== 1) {
    throw new InputError(
      `Input 'environment' is required: the service token covers ${environments.length} environments (${environments.map((e) => `'${e}'`).join(', ')}); say which one to read.`,
    )
  }
  return environments[0]!
}

/** INF-DET-4: the folder asked for, else the single non-glob scope's path for that environment, else `/`. */
export function choosePath(scopes: readonly Scope[], environment: string, wanted: string | undefined): string {
  if (wanted !== undefined) return wanted
  const mine = scopes.filter((s) => s.environment === environment)
  return mine.length === 1 && !isGlob(mine[0]!.secretPath) ? trimSlash(mine[0]!.secretPath) : '/'
}

/** True when some scope lets the token read `path` in `environment`. */
export function inScope(scopes: readonly Scope[], environment: string, path: string): boolean {
  return scopes.some((s) => s.environment === environment && scopeMatches(s.secretPath, path))
}
