// Infisical's write side (docs/protocols/infisical.md#writing): the read-before-write of one folder
// (raw, references not expanded, no imports), and the raw create (POST) and update (PATCH) of one
// secret. Writes are never retried: a lost answer may hide a write made. Messages name the method,
// the path and the server's own message, never a value or a token.
import { ServerError } from '../../errors.js'
import type { HttpClient, HttpResponse } from '../../http/client.js'
import { isObject, parseJson, shapeError } from '../../http/json.js'
import { isBotNotFound, ok, serverMessage } from './api.js'

/** Where a write goes: the project (by id, or by slug for machine identities), environment and folder. */
export interface Place {
  readonly projectId?: string
  readonly projectSlug?: string
  readonly environment: string
  readonly secretPath: string
}

/** One stored shared secret: its value, or hidden (the identity may not see values). */
export interface StoredValue {
  readonly value: string
  readonly hidden: boolean
}

/** A folder read: its shared secrets by key; or why it could not be read. */
export type FolderRead =
  | { readonly kind: 'ok'; readonly secrets: ReadonlyMap<string, StoredValue> }
  | { readonly kind: 'e2ee' }
  | { readonly kind: 'refused'; readonly res: HttpResponse }

const READ_RETRY = new Set([429, 500, 502, 503, 504])

function headers(bearer: string, json: boolean): Record<string, string> {
  return {
    authorization: `Bearer ${bearer}`,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  }
}

/** GET /api/v3/secrets/raw for one folder, values as stored: `${…}` references not expanded. */
export async function readFolder(http: HttpClient, baseUrl: string, bearer: string, at: Place): Promise<FolderRead> {
  const where = 'GET /api/v3/secrets/raw'
  const params = new URLSearchParams()
  if (at.projectId !== undefined) params.set('workspaceId', at.projectId)
  else if (at.projectSlug !== undefined) params.set('workspaceSlug', at.projectSlug)
  params.set('environment', at.environment)
  params.set('secretPath', at.secretPath)
  params.set('include_imports', 'false')
  params.set('recursive', 'false')
  params.set('expandSecretReferences', 'false')
  const res = await http.send({
    method: 'GET',
    url: `${baseUrl}/api/v3/secrets/raw?${params.toString()}`,
    headers: headers(bearer, false),
    retryStatuses: READ_RETRY,
  })
  if (isBotNotFound(res)) return { kind: 'e2ee' }
  if (!ok(res)) return { kind: 'refused', res }
  const body = parseJson(res, where)
  if (!isObject(body) || !Array.isArray(body.secrets))
    throw shapeError(where, "field 'secrets' is missing or not a list")
  const secrets = new Map<string, StoredValue>()
  for (const s of body.secrets) {
    if (!isObject(s) || typeof s.secretKey !== 'string' || typeof s.secretValue !== 'string')
      throw shapeError(where, 'a secret has no string secretKey and secretValue')
    // Personal overrides are a user's own; the raw endpoints write the shared secret.
    if (s.type !== undefined && s.type !== 'shared') continue
    secrets.set(s.secretKey, { value: s.secretValue, hidden: s.secretValueHidden === true })
  }
  return { kind: 'ok', secrets }
}

/** What a refused write means, for the message. */
export type WriteRefusal = 'exists' | 'missing' | 'forbidden' | 'other'

export class WriteError extends ServerError {
  constructor(
    message: string,
    readonly refusal: WriteRefusal,
    status: number,
  ) {
    super(message, status)
  }
}

/**
 * POST (create) or PATCH (update) /api/v3/secrets/raw/{key}: the new version. A change-approval
 * policy answers `{approval}` instead of `{secret}`: nothing is written until someone approves.
 */
export async function writeSecret(
  http: HttpClient,
  baseUrl: string,
  bearer: string,
  at: Place,
  key: string,
  value: string,
  create: boolean,
): Promise<number> {
  const method = create ? 'POST' : 'PATCH'
  const where = `${method} /api/v3/secrets/raw/${key}`
  const project = at.projectId !== undefined ? { workspaceId: at.projectId } : { projectSlug: at.projectSlug }
  const res = await http.send({
    method,
    url: `${baseUrl}/api/v3/secrets/raw/${encodeURIComponent(key)}`,
    headers: headers(bearer, true),
    body: JSON.stringify({
      ...project,
      environment: at.environment,
      secretPath: at.secretPath,
      secretValue: value,
      type: 'shared',
    }),
    maxAttempts: 1,
    retryNetworkErrors: false,
  })
  if (!ok(res)) {
    const said = serverMessage(res)
    const refusal: WriteRefusal =
      res.status === 403
        ? 'forbidden'
        : res.status === 404
          ? 'missing'
          : res.status === 400 && /already exist/i.test(said)
            ? 'exists'
            : 'other'
    throw new WriteError(`${where} failed with HTTP ${res.status}${said ? `: ${said}` : ''}`, refusal, res.status)
  }
  const body = parseJson(res, where)
  if (isObject(body) && isObject(body.approval)) {
    const slug =
      typeof body.approval.slug === 'string' && /^[\w.-]{1,80}$/.test(body.approval.slug)
        ? ` ${body.approval.slug}`
        : ''
    throw new ServerError(
      `Infisical did not write ${key}: a change-approval policy protects environment '${at.environment}' at '${at.secretPath}', and it opened approval request${slug}; the value is stored once the request is approved in Infisical.`,
    )
  }
  const version = isObject(body) && isObject(body.secret) ? body.secret.version : undefined
  if (typeof version !== 'number') throw shapeError(where, "no 'secret' with a version number")
  return version
}
