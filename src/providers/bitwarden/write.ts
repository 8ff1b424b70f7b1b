// The write action's Bitwarden wing (docs/protocols/bitwarden.md#writing): log in, list what the
// machine account can see with its write flags, resolve every target and check it can be written,
// compare each value with the stored one, then hand back a plan whose writes encrypt each value
// under the organization key with a fresh IV. Nothing is written until the whole plan is checked.
import { lineError, quote } from '../../mapping.js'
import { ServerError } from '../../errors.js'
import type { BitwardenSettings } from '../../inputs.js'
import type { ProviderContext } from '../provider.js'
import type { PlannedWrite, Writer } from '../writer.js'
import { listOrganizationSecrets, type ListedSecret } from './api.js'
import { createSecret, getFullSecrets, listProjects, updateSecret, type FullSecret } from './api-write.js'
import { decryptField, prepareLogin, type Session } from './auth.js'
import { parseWriteTargets, type BitwardenWriteTarget } from './write-target.js'

/** A target matched to what exists: the secret to update (absent: to create) and its project. */
interface Resolved {
  readonly target: BitwardenWriteTarget
  readonly secret?: ListedSecret
  readonly projectId: string
}

function describe(t: BitwardenWriteTarget, id?: string): string {
  if (t.kind === 'id') return `secret ${t.id}`
  return `project ${t.projectId}, secret ${quote(t.name)}${id ? ` (${id})` : ''}`
}

/**
 * An update needs write access to the secret and to the project it is resent with: Bitwarden's
 * SecretAuthorizationHandler (docs/protocols/bitwarden.md#write-permissions). A secret in no
 * project cannot be updated by a machine account at all.
 */
function checkUpdate(t: BitwardenWriteTarget, secret: ListedSecret, readOnly: ReadonlySet<string>): string {
  if (secret.write === false) {
    throw lineError(
      t.line,
      `the machine account can read secret ${secret.id} but not write it; give it 'Can read, write' access to the secret's project`,
    )
  }
  const projectId = secret.projectIds[0]
  if (projectId === undefined) {
    throw lineError(
      t.line,
      `secret ${secret.id} is in no project, and Bitwarden lets a machine account update only a secret in a project it can write to`,
    )
  }
  if (readOnly.has(projectId)) {
    throw lineError(
      t.line,
      `the machine account cannot write to project ${projectId}, which holds secret ${secret.id}; an update needs 'Can read, write' access to the secret's project`,
    )
  }
  return projectId
}

function resolve(
  t: BitwardenWriteTarget,
  listed: readonly ListedSecret[],
  projects: ReadonlyMap<string, boolean | undefined>,
  create: boolean,
  nameOf: (s: ListedSecret) => string,
): Resolved {
  // Only a `write: false` refuses: a server that sends no flags leaves the refusal to its 404
  // (docs/protocols/bitwarden.md#write-permissions).
  const readOnly = new Set([...projects].filter(([, w]) => w === false).map(([id]) => id))
  if (t.kind === 'id') {
    const secret = listed.find((s) => s.id === t.id)
    if (!secret) {
      throw lineError(
        t.line,
        `secret ${t.id} was not found or is not readable by this machine account (is its project shared with it?)`,
      )
    }
    return { target: t, secret, projectId: checkUpdate(t, secret, readOnly) }
  }
  if (!projects.has(t.projectId)) {
    throw lineError(t.line, `project ${t.projectId} was not found or is not shared with this machine account`)
  }
  const matches = listed.filter((s) => s.projectIds.includes(t.projectId) && nameOf(s) === t.name)
  if (matches.length > 1) {
    throw lineError(
      t.line,
      `the name ${quote(t.name)} is ambiguous: ${matches.length} secrets of project ${t.projectId} have it (${matches.map((s) => s.id).join(', ')}); write to one by its id`,
    )
  }
  const secret = matches[0]
  if (secret) return { target: t, secret, projectId: checkUpdate(t, secret, readOnly) }
  if (!create) {
    throw lineError(t.line, `project ${t.projectId} has no secret named ${quote(t.name)}, and 'create' is false`)
  }
  if (readOnly.has(t.projectId)) {
    throw lineError(
      t.line,
      `the machine account cannot create secrets in project ${t.projectId} (it can only read it); give it 'Can read, write' access`,
    )
  }
  return { target: t, projectId: t.projectId }
}

function assertDistinct(resolved: readonly Resolved[]): void {
  const lines = new Map<string, number>()
  for (const r of resolved) {
    if (!r.secret) continue
    const first = lines.get(r.secret.id)
    if (first !== undefined)
      throw lineError(r.target.line, `it writes secret ${r.secret.id}, which line ${first} writes too`)
    lines.set(r.secret.id, r.target.line)
  }
}

export function createWriter(settings: BitwardenSettings, ctx: ProviderContext): Writer<BitwardenWriteTarget> {
  const logIn = prepareLogin(settings, ctx)
  return {
    kind: 'bitwarden',
    parse: parseWriteTargets,
    async plan(targets, { create }) {
      const session = await logIn()
      const org = session.organizationId
      const { send } = session
      const [all, projectList] = await Promise.all([listOrganizationSecrets(send, org), listProjects(send, org)])
      const listed = all.filter((s) => s.organizationId === org)
      const projects = new Map(projectList.map((p) => [p.id, p.write]))
      // Names are decrypted only for the projects a named target points into.
      const names = new Map<string, string>()
      const nameOf = (s: ListedSecret): string => {
        let name = names.get(s.id)
        if (name === undefined) names.set(s.id, (name = decryptField(session, s.key, s.id, 'name')))
        return name
      }
      const resolved = targets.map((t) => resolve(t, listed, projects, create, nameOf))
      assertDistinct(resolved)
      const ids = resolved.flatMap((r) => (r.secret ? [r.secret.id] : []))
      const stored = new Map<string, FullSecret>()
      if (ids.length > 0) for (const s of await getFullSecrets(send, ids)) stored.set(s.id, s)
      return resolved.map((r) => toPlanned(r, stored, session, ctx))
    },
  }
}

function toPlanned(
  r: Resolved,
  stored: ReadonlyMap<string, FullSecret>,
  session: Session,
  ctx: ProviderContext,
): PlannedWrite {
  const t = r.target
  const base = { line: t.line, source: t.source }
  if (!r.secret) {
    const target = describe(t)
    const apply = async (): Promise<string> => {
      const id = await createSecret(session.send, session.organizationId, {
        key: session.encrypt(t.kind === 'name' ? t.name : ''),
        value: session.encrypt(t.value),
        // The vendor's clients send an empty note encrypted, never an absent one.
        note: session.encrypt(''),
        projectIds: [r.projectId],
      })
      return describe(t, id)
    }
    return { ...base, target, outcome: 'created', apply }
  }
  const id = r.secret.id
  const full = stored.get(id)
  if (!full) throw new ServerError(`POST /secrets/get-by-ids: the response lacks secret ${id} (line ${t.line}).`)
  if (full.organizationId !== session.organizationId) {
    throw new ServerError(`Secret ${id} (line ${t.line}) belongs to another organization than the access token's.`)
  }
  const current = decryptField(session, full.value, id, 'value')
  ctx.mask(current)
  const target = describe(t, id)
  if (current === t.value) return { ...base, target, outcome: 'unchanged' }
  const apply = async (): Promise<string> => {
    // Key and note are resent as stored (EncStrings, untouched); the project is resent because an
    // update without it moves the secret out of every project (docs/protocols/bitwarden.md#write-requests).
    await updateSecret(session.send, id, {
      key: full.key,
      value: session.encrypt(t.value),
      note: full.note === '' ? session.encrypt('') : full.note,
      projectIds: [r.projectId],
    })
    return target
  }
  return { ...base, target, outcome: 'updated', apply }
}
