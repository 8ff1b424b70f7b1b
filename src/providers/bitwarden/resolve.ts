// Turns parsed requests into concrete (secret id → env name) targets, using the listing of what the
// machine account can read when names or wildcards are involved
// (docs/protocols/bitwarden.md#names-and-projects). Pure.
import type { BitwardenRequest } from './mapping.js'
import { ENV_NAME, lineError, quote } from '../../mapping.js'

/** A readable secret from the list endpoint, its key (name) decrypted. */
export interface NamedSecret {
  readonly id: string
  readonly name: string
  readonly projectIds: readonly string[]
}

export interface Target {
  readonly id: string
  readonly envName: string
  /** The name was written in the mapping (not a listed secret's own name). */
  readonly mapped: boolean
  readonly line: number
}

function scopeOf(projectId: string | undefined): string {
  return projectId ? `project ${projectId}` : 'the secrets this machine account can read'
}

function describe(s: NamedSecret): string {
  return s.projectIds.length > 0 ? `${s.id} (project ${s.projectIds.join(', ')})` : s.id
}

/** True when a request needs the listing (names or wildcards) rather than ids alone. */
export function needsListing(requests: readonly BitwardenRequest[]): boolean {
  return requests.some((r) => r.selector.kind !== 'id')
}

function inScope(s: NamedSecret, projectId: string | undefined): boolean {
  return projectId === undefined || s.projectIds.includes(projectId)
}

/**
 * Resolves every request; throws InputError for a name that matches nothing or several secrets
 * (BW-NAME-1), and for wildcard keys that are not valid or not unique env names (BW-NAME-2).
 */
export function resolveTargets(requests: readonly BitwardenRequest[], listed: readonly NamedSecret[]): Target[] {
  const explicit: Target[] = []
  for (const r of requests) {
    const s = r.selector
    if (s.kind === 'id') explicit.push({ id: s.id, envName: r.envName!, line: r.line, mapped: true })
    if (s.kind !== 'name') continue
    const matches = listed.filter((l) => l.name === s.name && inScope(l, s.projectId))
    if (matches.length === 0) {
      throw lineError(
        r.line,
        `no secret named ${quote(s.name)} among ${scopeOf(s.projectId)} (names are case-sensitive; is the secret's project shared with the machine account?)`,
      )
    }
    if (matches.length > 1) {
      throw lineError(
        r.line,
        `the name ${quote(s.name)} is ambiguous: ${matches.length} secrets have it: ${matches.map(describe).join('; ')}. ` +
          "Use the secret's id, or '<project id>/<name>'",
      )
    }
    explicit.push({ id: matches[0]!.id, envName: r.envName!, line: r.line, mapped: true })
  }

  // Wildcards: each secret in scope under its own name, unless a line maps it explicitly.
  const taken = new Set(explicit.map((t) => t.id))
  const usedNames = new Map(explicit.map((t) => [t.envName, `line ${t.line}`]))
  const implicit: Target[] = []
  for (const r of requests) {
    const s = r.selector
    if (s.kind !== 'all') continue
    const scope = listed.filter((l) => inScope(l, s.projectId))
    if (scope.length === 0) {
      throw lineError(
        r.line,
        `${scopeOf(s.projectId)} hold${s.projectId ? 's' : ''} no secret this machine account can read (is the project shared with it?)`,
      )
    }
    const invalid: string[] = []
    for (const secret of scope) {
      if (taken.has(secret.id)) continue
      taken.add(secret.id)
      if (!ENV_NAME.test(secret.name)) {
        invalid.push(`${quote(secret.name)} (${secret.id})`)
        continue
      }
      const clash = usedNames.get(secret.name)
      if (clash !== undefined) {
        throw lineError(
          r.line,
          `the secret ${secret.id} would be exported as ${secret.name}, which ${clash.startsWith('line') ? `${clash} already uses` : `secret ${clash} also has as its name`}; ` +
            `rename one or map it explicitly ('${secret.id} > OTHER_NAME')`,
        )
      }
      usedNames.set(secret.name, secret.id)
      implicit.push({ id: secret.id, envName: secret.name, line: r.line, mapped: false })
    }
    if (invalid.length > 0) {
      throw lineError(
        r.line,
        `in ${scopeOf(s.projectId)}, these secret names are not valid environment variable names: ${invalid.join(', ')}. ` +
          "Map each explicitly on its own line ('<id> > VALID_NAME'), which also excludes it from the wildcard",
      )
    }
  }
  return [...explicit, ...implicit]
}
