// Infisical logins: a machine identity (Universal Auth: client id + secret → an access token) or a
// service token (st.<id>.<secret>.<key>: its details name its project, scopes and sealed key).
import { InputError } from '../../errors.js'
import type { InfisicalSettings } from '../../inputs.js'
import type { ProviderContext } from '../provider.js'
import { getTokenDetails, universalAuthLogin, type Scope } from './api.js'
import type { EncryptedField } from './crypto.js'
import { normalizeSecretPath } from './mapping.js'
import { assertUsable, chooseEnvironment, choosePath } from './scopes.js'
import { parseServiceToken, type ServiceToken } from './token.js'

/** Infisical cloud, the default base URL (docs/protocols/infisical.md#server-url). */
export const INFISICAL_CLOUD = 'https://app.infisical.com'

/**
 * The API base: `domain` without `/api` (INF-COMPAT-3, docs/protocols/infisical.md#server-url); the
 * cloud when none is given.
 */
export function apiBase(baseUrl: string | undefined): string {
  return (baseUrl ?? INFISICAL_CLOUD).replace(/\/api$/, '')
}

const PROJECT_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i

/** Who reads: a service token (with its scopes and sealed key) or a logged-in machine identity. */
export interface Session {
  readonly bearer: string
  /** The API base the session talks to. */
  readonly baseUrl: string
  readonly project: { readonly id?: string; readonly slug?: string }
  readonly environment: string
  readonly path: string
  /** Service tokens only: what the token may read, and its sealed project key. */
  readonly scopes?: readonly Scope[]
  readonly sealedKey?: EncryptedField
  readonly symKey?: string
}

/** `secret_path` normalised as the server does ('sub', '/sub', '/sub/' are '/sub'); an error when it is not a path. */
export function secretPathOf(options: Pick<InfisicalSettings, 'secretPath'>): string | undefined {
  const text = options.secretPath
  if (text === undefined) return undefined
  const path = normalizeSecretPath(text)
  if (path === undefined) {
    throw new InputError(`Input 'secret_path' is not a folder path (e.g. '/backend' or '/backend/api'), got '${text}'.`)
  }
  return path
}

export type Credentials =
  | { readonly kind: 'token'; readonly token: ServiceToken }
  | { readonly kind: 'identity'; readonly clientId: string; readonly clientSecret: string }

/** The credential the inputs give, checked and masked before anything is sent. */
export function readCredentials(settings: InfisicalSettings, ctx: ProviderContext): Credentials {
  const { clientId, clientSecret } = settings
  if (settings.accessToken !== '') {
    if (clientId !== undefined) {
      throw new InputError(
        "Give either 'access_token' (an Infisical service token) or 'client_id' + 'client_secret' (a machine identity), not both.",
      )
    }
    const token = parseServiceToken(settings.accessToken)
    // Every part at once, before the first request (INF-TOK-3, docs/protocols/infisical.md#token-parsing).
    for (const part of [token.text, token.bearer, token.tokenId, token.tokenSecret, token.symKey]) ctx.mask(part)
    return { kind: 'token', token }
  }
  if (clientId === undefined || clientSecret === undefined) {
    throw new InputError(
      "Infisical needs 'access_token' (a service token, st.<id>.<secret>.<key>) or 'client_id' + 'client_secret' (a machine identity).",
    )
  }
  ctx.mask(clientSecret)
  return { kind: 'identity', clientId, clientSecret }
}

/**
 * Logs in: a machine identity with Universal Auth, or a service token (its details say its project,
 * scopes and sealed key). Every credential part and the access token returned are masked.
 */
export async function login(
  options: InfisicalSettings,
  credentials: Credentials,
  ctx: ProviderContext,
): Promise<Session> {
  const baseUrl = apiBase(options.baseUrl)
  const secretPath = secretPathOf(options)
  if (credentials.kind === 'identity') {
    if (options.environment === undefined)
      throw new InputError("Input 'environment' is required with 'client_id' + 'client_secret' (e.g. 'prod').")
    if (options.project === undefined)
      throw new InputError("Input 'project' is required with 'client_id' + 'client_secret': the project's id or slug.")
    const login = await universalAuthLogin(ctx.http, baseUrl, credentials.clientId, credentials.clientSecret)
    ctx.mask(login.accessToken)
    return {
      bearer: login.accessToken,
      baseUrl,
      project: PROJECT_ID.test(options.project) ? { id: options.project } : { slug: options.project },
      environment: options.environment,
      path: secretPath ?? '/',
    }
  }
  const { token } = credentials
  const details = await getTokenDetails(ctx.http, baseUrl, token.bearer)
  assertUsable(details, ctx.now())
  if (options.project !== undefined) {
    if (PROJECT_ID.test(options.project) && options.project.toLowerCase() !== details.projectId.toLowerCase()) {
      throw new InputError(
        `Input 'project' is ${options.project}, but the service token belongs to project ${details.projectId}.`,
      )
    }
    if (!PROJECT_ID.test(options.project))
      ctx.debug(
        `Input 'project' (${options.project}) is ignored: a service token reads its own project, ${details.projectId}.`,
      )
  }
  const environment = chooseEnvironment(details.scopes, options.environment)
  return {
    bearer: token.bearer,
    baseUrl,
    project: { id: details.projectId },
    environment,
    path: choosePath(details.scopes, environment, secretPath),
    scopes: details.scopes,
    symKey: token.symKey,
    ...(details.sealedProjectKey ? { sealedKey: details.sealedProjectKey } : {}),
  }
}
