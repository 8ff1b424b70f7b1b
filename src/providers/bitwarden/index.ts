// Bitwarden Secrets Manager: login (2 requests with get-by-ids; 3 when names or wildcards need the
// listing), client-side decryption, all or nothing.
import { InputError, ServerError } from '../../errors.js'
import type { BitwardenSettings } from '../../inputs.js'
import { parseBitwardenMapping, type BitwardenRequest } from './mapping.js'
import type { Provider, ProviderContext, Secret } from '../provider.js'
import { getSecretsByIds, isSecretReadable, listOrganizationSecrets, type SecretWithValue } from './api.js'
import { needsListing, resolveTargets, type NamedSecret, type Target } from './resolve.js'
import { decryptField, prepareLogin, type Session } from './auth.js'

// Parallel GETs used only to explain a get-by-ids 404; low to stay inside the API's rate limits.
const DIAGNOSE_CONCURRENCY = 3

async function listNamed(session: Session): Promise<NamedSecret[]> {
  const listed = await listOrganizationSecrets(session.send, session.organizationId)
  return listed
    .filter((s) => s.organizationId === session.organizationId)
    .map((s) => ({ id: s.id, projectIds: s.projectIds, name: decryptField(session, s.key, s.id, 'name') }))
}

/**
 * Works out which ids made get-by-ids answer 404 (it is all-or-nothing) and says so (BW-API-2/3,
 * docs/protocols/bitwarden.md#fetching).
 */
async function explainNotFound(
  session: Session,
  targets: readonly Target[],
  ids: readonly string[],
): Promise<ServerError> {
  const missing: string[] = []
  for (let i = 0; i < ids.length; i += DIAGNOSE_CONCURRENCY) {
    const batch = ids.slice(i, i + DIAGNOSE_CONCURRENCY)
    const readable = await Promise.all(batch.map((id) => isSecretReadable(session.send, id)))
    batch.forEach((id, j) => readable[j] || missing.push(id))
  }
  const where = (id: string): string =>
    targets
      .filter((t) => t.id === id)
      .map((t) => `line ${t.line}, ${t.envName}`)
      .join('; ')
  const list = missing.map((id) => `${id} (${where(id)})`).join(', ')
  const access =
    'Check the ids, and that the machine account has access to the secrets (their project is shared with it).'
  if (missing.length === 0)
    return new ServerError(
      `POST /secrets/get-by-ids answered 404, but each secret is readable on its own; try again. ${access}`,
      404,
    )
  const all =
    missing.length === ids.length
      ? ' None of the requested secrets is readable: the machine account may lack access altogether.'
      : ''
  return new ServerError(`Secrets not found or not readable by this machine account: ${list}.${all} ${access}`, 404)
}

function toSecrets(targets: readonly Target[], items: readonly SecretWithValue[], session: Session): Secret[] {
  const byId = new Map(items.map((s) => [s.id, s]))
  const values = new Map<string, string>()
  return targets.map((t) => {
    const item = byId.get(t.id)
    if (!item)
      throw new ServerError(
        `POST /secrets/get-by-ids: the response lacks secret ${t.id} (line ${t.line}, ${t.envName}).`,
      )
    if (item.organizationId !== session.organizationId) {
      throw new ServerError(
        `Secret ${t.id} (line ${t.line}) belongs to organization ${item.organizationId}, not the access token's; it cannot be decrypted.`,
      )
    }
    let value = values.get(t.id)
    if (value === undefined) {
      value = decryptField(session, item.value, t.id, 'value')
      values.set(t.id, value)
    }
    return { name: t.envName, value, source: `bitwarden secret ${t.id}`, mapped: t.mapped }
  })
}

export function create(settings: BitwardenSettings, ctx: ProviderContext): Provider<BitwardenRequest> {
  const logIn = prepareLogin(settings, ctx)
  return {
    kind: 'bitwarden',
    parse: parseBitwardenMapping,
    async fetch(requests) {
      if (requests.length === 0) {
        throw new InputError(
          "Input 'secrets' has no mappings: add lines like '<secret id> > ENV_NAME', or '*' for every secret.",
        )
      }
      const session = await logIn()
      const listed = needsListing(requests) ? await listNamed(session) : []
      const targets = resolveTargets(requests, listed)
      const ids = [...new Set(targets.map((t) => t.id))]
      const items = await getSecretsByIds(session.send, ids)
      if (items === undefined) throw await explainNotFound(session, targets, ids)
      return { secrets: toSecrets(targets, items, session), cleanups: [] }
    },
  }
}
