// Which credential a run logs in with, checked (and its secret parts masked) before any request:
// a service token (st.<id>.<secret>.<key>), or a machine identity by Infisical/secrets-action's
// `method`: Universal Auth (client id + secret), GitHub OIDC or AWS IAM (identity-id)
// (docs/protocols/infisical.md#logins).
import { InputError } from '../../errors.js'
import type { AwsEnvironment } from '../../inputs.js'
import type { InfisicalLoginSettings } from '../../inputs/infisical.js'
import type { ProviderContext } from '../provider.js'
import { parseServiceToken, type ServiceToken } from './token.js'

const METHODS = ['universal', 'oidc', 'aws-iam'] as const

export type Credentials =
  | { readonly kind: 'token'; readonly token: ServiceToken }
  | { readonly kind: 'universal'; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'oidc'; readonly identityId: string; readonly audience?: string }
  | { readonly kind: 'aws-iam'; readonly identityId: string; readonly aws?: AwsEnvironment }

/** The credential the inputs give, checked and masked before anything is sent. */
export function readCredentials(settings: InfisicalLoginSettings, ctx: ProviderContext): Credentials {
  const { clientId, clientSecret, method, identityId } = settings
  if (clientSecret !== undefined) ctx.mask(clientSecret)
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
    throw new InputError(`Input 'method' must be one of 'universal', 'oidc', 'aws-iam', got '${method}'.`)
  }
  if (settings.accessToken !== '') {
    if (clientId !== undefined || method !== undefined) {
      throw new InputError(
        "Give either 'access_token' (an Infisical service token) or 'client_id' + 'client_secret' (a machine identity), not both.",
      )
    }
    const token = parseServiceToken(settings.accessToken)
    // Every part at once, before the first request (INF-TOK-3, docs/protocols/infisical.md#token-parsing).
    for (const part of [token.text, token.bearer, token.tokenId, token.tokenSecret, token.symKey]) ctx.mask(part)
    return { kind: 'token', token }
  }
  switch (method ?? 'universal') {
    case 'oidc':
    case 'aws-iam': {
      if (identityId === undefined)
        throw new InputError(
          `Input 'identity-id' is required with 'method: ${method}': the id of the machine identity whose ${method === 'oidc' ? 'OIDC' : 'AWS'} Auth is configured.`,
        )
      if (method === 'oidc') return { kind: 'oidc', identityId, audience: settings.oidcAudience }
      // Checked now, so a missing credential fails before any request.
      for (const part of [settings.aws?.secretAccessKey, settings.aws?.sessionToken]) if (part) ctx.mask(part)
      return { kind: 'aws-iam', identityId, aws: settings.aws }
    }
    default:
      if (clientId === undefined || clientSecret === undefined) {
        if (identityId !== undefined)
          throw new InputError(
            "Input 'identity-id' is given, but 'method' is 'universal' (its default), which logs in with 'client_id' + 'client_secret': set 'method: oidc' or 'method: aws-iam'.",
          )
        throw new InputError(
          "Infisical needs 'access_token' (a service token, st.<id>.<secret>.<key>) or 'client_id' + 'client_secret' (a machine identity).",
        )
      }
      return { kind: 'universal', clientId, clientSecret }
  }
}
