// Infisical logins: a machine identity (Universal Auth, GitHub OIDC or AWS IAM → an access token
// the post step revokes) or a service token (st.<id>.<secret>.<key>: its details name its project,
// scopes and sealed key). docs/protocols/infisical.md#logins.
import { InputError } from '../../errors.js'
import type { InfisicalSettings } from '../../inputs.js'
import type { InfisicalLoginSettings } from '../../inputs/infisical.js'
import type { ProviderContext } from '../provider.js'
import { getTokenDetails, type Scope } from './api.js'
import { postLogin, type LoginResult } from './api-auth.js'
import type { Credentials } from './credentials.js'
import type { EncryptedField } from './crypto.js'
import { normalizeSecretPath } from './mapping.js'
import { assertUsable, chooseEnvironment, choosePath } from './scopes.js'

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
  /** Service tokens only: the token's permissions ('read', 'write'). */
  readonly permissions?: readonly string[]
  /** The bearer is an access token a login issued for this run (revoked when the job ends). */
  readonly issued?: boolean
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

/** A machine identity's login, by method; the access token is masked on arrival. */
async function identityLogin(
  credentials: Exclude<Credentials, { kind: 'token' }>,
  baseUrl: string,
  ctx: ProviderContext,
): Promise<LoginResult> {
  switch (credentials.kind) {
    case 'universal':
      return postLogin(
        ctx.http,
        baseUrl,
        'universal',
        { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
        (res) =>
          res.status === 401
            ? "Check 'client_id' and 'client_secret': invisible whitespace or a CRLF in the stored secret is a common cause. " +
              'Not retried: Infisical locks an identity out after 3 failed logins'
            : '',
      )
    case 'oidc':
      return (await import('./oidc.js')).oidcLogin(ctx, baseUrl, credentials.identityId, credentials.audience)
    case 'aws-iam': {
      const { signedCallerIdentity } = await import('./aws-iam.js')
      const fields = signedCallerIdentity(credentials.aws, ctx.now())
      return postLogin(
        ctx.http,
        baseUrl,
        'aws-iam',
        { identityId: credentials.identityId, ...fields },
        () =>
          `Infisical refused identity ${credentials.identityId}'s signed AWS request: check the identity's AWS Auth settings (allowed account ids and principal ARNs) against the credentials in AWS_ACCESS_KEY_ID`,
      )
    }
  }
}

/**
 * Logs in: a machine identity (its method), or a service token (its details say its project,
 * scopes and sealed key). Every credential part and the access token returned are masked.
 */
export async function login(
  options: InfisicalLoginSettings & Pick<InfisicalSettings, 'secretPath'>,
  credentials: Credentials,
  ctx: ProviderContext,
): Promise<Session> {
  const baseUrl = apiBase(options.baseUrl)
  const secretPath = secretPathOf(options)
  if (credentials.kind !== 'token') {
    const given = credentials.kind === 'universal' ? "'client_id' + 'client_secret'" : `'method: ${credentials.kind}'`
    if (options.environment === undefined)
      throw new InputError(`Input 'environment' is required with ${given} (e.g. 'prod').`)
    if (options.project === undefined)
      throw new InputError(`Input 'project' is required with ${given}: the project's id or slug.`)
    const login = await identityLogin(credentials, baseUrl, ctx)
    ctx.mask(login.accessToken)
    // project-slug is always a slug, as the vendor sends it (workspaceSlug); `project` may be either.
    const isId = options.projectKind !== 'slug' && PROJECT_ID.test(options.project)
    return {
      bearer: login.accessToken,
      baseUrl,
      project: isId ? { id: options.project } : { slug: options.project },
      environment: options.environment,
      path: secretPath ?? '/',
      issued: true,
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
    permissions: details.permissions,
    symKey: token.symKey,
    ...(details.sealedProjectKey ? { sealedKey: details.sealedProjectKey } : {}),
  }
}
