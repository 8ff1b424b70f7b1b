// Infisical: a service token (details + one raw read per folder; a legacy end-to-end-encrypted
// project costs one failed raw read more and is decrypted here) or a machine identity (a login by
// Universal Auth, GitHub OIDC or AWS IAM + one raw read per folder + the access token's
// revocation). All or nothing. Protocol: docs/protocols/infisical.md.
import { requestSent } from '../../http/while-waiting.js'
import type { InfisicalSettings } from '../../inputs.js'
import type { Provider, ProviderContext, Secret } from '../provider.js'
import { login, secretPathOf } from './auth.js'
import { readCredentials } from './credentials.js'
import { withExtraHeaders } from './headers.js'
import { parseInfisicalMapping, type InfisicalRequest } from './mapping.js'
import { revokeIssuedToken } from './revoke.js'
import { Reader } from './select.js'

export function create(settings: InfisicalSettings, given: ProviderContext): Provider<InfisicalRequest> {
  // Checked (and the credential masked) before any request, as every other input is.
  const credentials = readCredentials(settings, given)
  secretPathOf(settings)
  // extra-headers often carry a credential (an access proxy's client secret).
  for (const value of Object.values(settings.extraHeaders ?? {})) given.mask(value)
  const ctx: ProviderContext = { ...given, http: withExtraHeaders(given.http, settings.extraHeaders) }
  return {
    kind: 'infisical',
    parse: parseInfisicalMapping,
    async fetch(requests) {
      const session = await login(settings, credentials, ctx)
      let secrets: Secret[]
      try {
        secrets = await new Reader(session, ctx, settings).fetch(requests)
      } catch (err) {
        if (session.issued) await revokeIssuedToken(session.baseUrl, session.bearer, ctx)
        throw err
      }
      if (!session.issued) return { secrets, cleanups: [] }
      // Everything is read: the revocation's round trip overlaps the run's own work (names, masks,
      // exports), which waits for it before it ends (FetchResult.settling). Returned once its bytes
      // are out, so that work cannot hold them back.
      const settling = revokeIssuedToken(session.baseUrl, session.bearer, ctx)
      await Promise.race([requestSent(), settling])
      return { secrets, cleanups: [], settling }
    },
  }
}
