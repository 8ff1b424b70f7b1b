// Infisical: a service token (details + one raw read per folder; a legacy end-to-end-encrypted
// project costs one failed raw read more and is decrypted here) or a machine identity (Universal
// Auth login + one raw read per folder). All or nothing. Protocol: docs/protocols/infisical.md.
import type { InfisicalSettings } from '../../inputs.js'
import type { Provider, ProviderContext } from '../provider.js'
import { login, readCredentials, secretPathOf } from './auth.js'
import { parseInfisicalMapping, type InfisicalRequest } from './mapping.js'
import { Reader } from './select.js'

export function create(settings: InfisicalSettings, ctx: ProviderContext): Provider<InfisicalRequest> {
  // Checked (and the credential masked) before any request, as every other input is.
  const credentials = readCredentials(settings, ctx)
  secretPathOf(settings)
  return {
    kind: 'infisical',
    parse: parseInfisicalMapping,
    async fetch(requests) {
      const session = await login(settings, credentials, ctx)
      const secrets = await new Reader(session, ctx, settings).fetch(requests)
      return { secrets, cleanups: [] }
    },
  }
}
