// Bitwarden's write endpoints and the reads that check them first (docs/protocols/bitwarden.md#writing):
// the projects with their write flags, the secrets to update with every field, create and update.
// Errors name the path and status, never a body beyond the server's own short message.
import { ServerError } from '../../errors.js'
import { isObject, parseJson, shapeError, stringField, type Json } from '../../http/json.js'
import { statusError, toListedSecret, type ApiSend } from './api.js'

/** A project the machine account can read, and whether it may write to it (undefined: the server does not say). */
export interface ListedProject {
  readonly id: string
  readonly write?: boolean
}

/** A secret with every field, as get-by-ids gives it: the EncStrings verbatim. */
export interface FullSecret {
  readonly id: string
  readonly organizationId: string
  readonly key: string
  readonly value: string
  readonly note: string
  readonly projectIds: readonly string[]
}

/** What create and update send: EncStrings, and the one project (docs/protocols/bitwarden.md#write-requests). */
export interface SecretBody {
  readonly key: string
  readonly value: string
  readonly note: string
  readonly projectIds: readonly string[]
}

function dataList(body: unknown, where: string): unknown[] {
  const list = isObject(body) ? body.data : undefined
  if (!Array.isArray(list)) throw shapeError(where, "field 'data' is missing or not a list")
  return list
}

/** GET /organizations/{orgId}/projects: every project the machine account can read, with `write`. */
export async function listProjects(send: ApiSend, orgId: string): Promise<ListedProject[]> {
  const path = `/organizations/${orgId}/projects`
  const where = `GET ${path}`
  const res = await send('GET', path)
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  return dataList(parseJson(res, where), where).map((item) => {
    if (!isObject(item)) throw shapeError(where, 'a project is not an object')
    const write = typeof item.write === 'boolean' ? item.write : undefined
    return { id: stringField(item, 'id', where).toLowerCase(), write }
  })
}

function toFullSecret(item: unknown, where: string): FullSecret {
  // The list's fields (id, organization, key, projects; the shapes checked there), plus the value
  // and the note that get-by-ids adds.
  const { id, organizationId, key, projectIds } = toListedSecret(item, where)
  const body = item as Json
  return {
    id,
    organizationId,
    key,
    projectIds,
    value: stringField(body, 'value', where),
    note: typeof body.note === 'string' ? body.note : '',
  }
}

/** POST /secrets/get-by-ids with every field kept: the secrets about to be updated. */
export async function getFullSecrets(send: ApiSend, ids: readonly string[]): Promise<FullSecret[]> {
  const where = 'POST /secrets/get-by-ids'
  const res = await send('POST', '/secrets/get-by-ids', { ids })
  if (res.status === 404) {
    throw statusError(res, where, 'A secret listed a moment ago is gone or no longer readable; nothing was written')
  }
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  return dataList(parseJson(res, where), where).map((item) => toFullSecret(item, where))
}

// A create is not safe to repeat: a 5xx or a connection cut after the request left may have created
// the secret, and a second one would make the name ambiguous. Only a 429 (refused before anything
// was done) and a refused connection are retried.
const CREATE_RETRY = { retryStatuses: new Set([429]), retryNetworkErrors: false } as const

const REFUSED =
  'Bitwarden answers every refusal this way: the machine account may have lost write access, or the secret or project is gone'

/** POST /organizations/{orgId}/secrets; the new secret's id. */
export async function createSecret(send: ApiSend, orgId: string, body: SecretBody): Promise<string> {
  const path = `/organizations/${orgId}/secrets`
  const where = `POST ${path}`
  const res = await send('POST', path, body, CREATE_RETRY)
  if (res.status === 404) throw statusError(res, where, REFUSED)
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  const created = parseJson(res, where)
  if (!isObject(created)) throw shapeError(where, 'not a JSON object')
  return stringField(created, 'id', where).toLowerCase()
}

/** PUT /secrets/{id}: safe to repeat (the same fields again), so the client's retries apply. */
export async function updateSecret(send: ApiSend, id: string, body: SecretBody): Promise<void> {
  const path = `/secrets/${id}`
  const where = `PUT ${path}`
  const res = await send('PUT', path, body)
  if (res.status === 404) throw statusError(res, where, REFUSED)
  if (res.status < 200 || res.status >= 300) throw statusError(res, where)
  const updated = parseJson(res, where)
  if (!isObject(updated) || stringField(updated, 'id', where).toLowerCase() !== id) {
    throw new ServerError(`${where}: the server answered for another secret than the one updated.`)
  }
}
