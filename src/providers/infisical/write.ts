// The write action's Infisical wing (docs/protocols/infisical.md#writing): log in as the read
// action does (service token, Universal Auth, GitHub OIDC, AWS IAM), read every folder written to
// (values as stored), check a service token's write permission and scopes, then plan one create
// (POST) or update (PATCH) per key, comparing each value in the form Infisical stores it (trimmed).
// A login's access token is revoked when the step ends (finish), whatever happened.
import { InputError, ServerError } from '../../errors.js'
import type { InfisicalLoginSettings } from '../../inputs/infisical.js'
import { lineError } from '../../mapping.js'
import type { ProviderContext } from '../provider.js'
import type { PlannedWrite, WriteOptions, Writer } from '../writer.js'
import { statusError } from './api.js'
import { readFolder, writeSecret, WriteError, type Place, type StoredValue } from './api-write.js'
import { login, secretPathOf, type Session } from './auth.js'
import { readCredentials } from './credentials.js'
import { withExtraHeaders } from './headers.js'
import { revokeIssuedToken } from './revoke.js'
import { describeScopes, inScope } from './scopes.js'
import { parseWriteTargets, storedForm, type InfisicalWriteTarget } from './write-target.js'

export type InfisicalWriteSettings = InfisicalLoginSettings & { readonly secretPath?: string }

const describe = (at: Place, key: string): string =>
  `${at.environment}:${at.secretPath === '/' ? '' : at.secretPath}/${key}`

function forbidden(at: Place, action: string): string {
  return (
    `Infisical refused to ${action} in environment '${at.environment}' at '${at.secretPath}' (403): ` +
    "the machine identity's project role needs permission to read, create and edit secrets there " +
    "(a service token needs 'write' permission and a scope covering the folder)"
  )
}

/** A service token says what it may do: 'write' and a scope over every folder, checked before the first write. */
function checkServiceToken(session: Session, folders: ReadonlyMap<string, InfisicalWriteTarget[]>): void {
  if (session.scopes === undefined) return
  if (!(session.permissions ?? []).includes('write')) {
    throw new InputError(
      `The service token has no 'write' permission (it has: ${(session.permissions ?? []).join(', ') || 'none'}); create one with read and write access, or use a machine identity.`,
    )
  }
  for (const [path, targets] of folders) {
    if (!inScope(session.scopes, session.environment, path))
      throw lineError(
        targets[0]!.line,
        `the service token may not write to '${path}' in '${session.environment}' (its scopes: ${describeScopes(session.scopes)})`,
      )
  }
}

function planOne(
  t: InfisicalWriteTarget,
  at: Place,
  stored: StoredValue | undefined,
  create: boolean,
  write: (key: string, value: string, create: boolean) => Promise<number>,
  warning: (message: string) => void,
): PlannedWrite {
  const target = describe(at, t.key)
  if (stored === undefined && !create)
    throw lineError(t.line, `${target} does not exist in Infisical, and 'create' is false`)
  const value = storedForm(t.value)
  if (value !== t.value)
    warning(
      `Input 'secrets', line ${t.line}: ${t.source} has leading or trailing whitespace, which Infisical trims (keeping one final newline): what is stored is the value without it.`,
    )
  // getAllSecretReferences' pattern: Infisical checks the referenced secret exists, and readers
  // that expand references get its value in place of the text (docs/protocols/infisical.md#writing).
  if (/\$\{[A-Za-z0-9_.-]+\}/.test(value))
    warning(
      `Input 'secrets', line ${t.line}: ${t.source} contains '\${…}', which Infisical takes as a reference to another secret: the write fails if that secret does not exist, and readers that expand references (the read action, Infisical's own clients) get its value in place of the text.`,
    )
  // A hidden value cannot be compared: it is written.
  if (stored !== undefined && !stored.hidden && stored.value === value)
    return { line: t.line, source: t.source, target, outcome: 'unchanged' }
  const creating = stored === undefined
  return {
    line: t.line,
    source: t.source,
    target,
    outcome: creating ? 'created' : 'updated',
    apply: async () => `${target} (version ${await write(t.key, t.value, creating)})`,
  }
}

export function createWriter(settings: InfisicalWriteSettings, given: ProviderContext): Writer<InfisicalWriteTarget> {
  // Checked (and masked) before any request, as the read action does.
  const credentials = readCredentials(settings, given)
  const folder = secretPathOf(settings)
  for (const value of Object.values(settings.extraHeaders ?? {})) given.mask(value)
  const ctx: ProviderContext = { ...given, http: withExtraHeaders(given.http, settings.extraHeaders) }
  let session: Session | undefined
  return {
    kind: 'infisical',
    parse: (requests) => parseWriteTargets(requests, folder),
    async plan(targets, { create }: WriteOptions) {
      session = await login(settings, credentials, ctx)
      const s = session
      const byFolder = new Map<string, InfisicalWriteTarget[]>()
      for (const t of targets) {
        const path = t.path ?? s.path
        const same = byFolder.get(path)?.find((o) => o.key === t.key)
        if (same) throw lineError(t.line, `it writes the same key as line ${same.line}`)
        byFolder.set(path, [...(byFolder.get(path) ?? []), t])
      }
      checkServiceToken(s, byFolder)
      const place = (secretPath: string): Place => ({
        ...(s.project.id !== undefined ? { projectId: s.project.id } : { projectSlug: s.project.slug }),
        environment: s.environment,
        secretPath,
      })
      const plans: PlannedWrite[] = []
      for (const [path, ts] of byFolder) {
        const at = place(path)
        const read = await readFolder(ctx.http, s.baseUrl, s.bearer, at)
        if (read.kind === 'e2ee')
          throw new InputError(
            'The Infisical project is a legacy end-to-end-encrypted one, which the write action cannot write to (it reads it); upgrade the project in Infisical (Project settings) to write to it.',
          )
        if (read.kind === 'refused') {
          const first = ts[0]!.line
          if (read.res.status === 403) throw lineError(first, forbidden(at, 'read secrets'))
          if (read.res.status === 404)
            throw lineError(
              first,
              `${statusError(read.res, 'the folder').message}; the write action does not create folders or environments: create '${path}' in '${s.environment}' first`,
            )
          throw statusError(read.res, 'GET /api/v3/secrets/raw')
        }
        // The stored values are secrets read like any other: masked.
        for (const t of ts) {
          const stored = read.secrets.get(t.key)
          if (stored && !stored.hidden) ctx.mask(stored.value)
        }
        const write = async (key: string, value: string, creating: boolean): Promise<number> => {
          try {
            return await writeSecret(ctx.http, s.baseUrl, s.bearer, at, key, value, creating)
          } catch (err) {
            if (!(err instanceof WriteError)) throw err
            const why: Record<typeof err.refusal, string> = {
              forbidden: forbidden(at, creating ? 'create a secret' : 'edit a secret'),
              exists: `${err.message}: ${describe(at, key)} was created by someone else since it was read; nothing was overwritten. Run again to update it.`,
              missing: `${err.message}: ${describe(at, key)} was deleted since it was read (or its folder); nothing was written.`,
              other: err.message,
            }
            throw new ServerError(why[err.refusal], err.status, { cause: err })
          }
        }
        for (const t of ts) plans.push(planOne(t, at, read.secrets.get(t.key), create, write, ctx.warning))
      }
      return plans.sort((a, b) => a.line - b.line)
    },
    async finish() {
      if (session?.issued) await revokeIssuedToken(session.baseUrl, session.bearer, ctx)
    },
  }
}
