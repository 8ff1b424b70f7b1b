// Which Bitwarden servers to talk to (docs/protocols/bitwarden.md#server-urls, BW-COMPAT-2).
import { InputError } from '../../errors.js'
import type { BitwardenSettings } from '../../inputs.js'

export interface Endpoints {
  readonly identityUrl: string
  readonly apiUrl: string
}

const CLOUD: Readonly<Record<'us' | 'eu', Endpoints>> = {
  us: { identityUrl: 'https://identity.bitwarden.com', apiUrl: 'https://api.bitwarden.com' },
  eu: { identityUrl: 'https://identity.bitwarden.eu', apiUrl: 'https://api.bitwarden.eu' },
}

type UrlSettings = Omit<BitwardenSettings, 'accessToken'>

/** Resolves the identity and API URLs; inputs arrive already normalised by inputs.ts. */
export function resolveEndpoints(s: UrlSettings): Endpoints {
  const custom = [s.baseUrl && 'base_url', s.identityUrl && 'identity_url', s.apiUrl && 'api_url'].filter(Boolean)
  if (s.cloudRegion && custom.length > 0) {
    // sm-action v2 let the custom URL win and v3 lets the region win: refuse to guess.
    throw new InputError(
      `Conflicting inputs: 'cloud_region' (${s.cloudRegion}) and '${custom.join("', '")}' both say which server to use; give only one.`,
    )
  }
  if (s.cloudRegion) return CLOUD[s.cloudRegion]
  if (Boolean(s.identityUrl) !== Boolean(s.apiUrl)) {
    throw new InputError(
      `Inputs 'identity_url' and 'api_url' must be given together (only '${s.identityUrl ? 'identity_url' : 'api_url'}' is set).`,
    )
  }
  // As sm-action v3: explicit identity + API URLs take precedence over base_url.
  if (s.identityUrl && s.apiUrl) return { identityUrl: s.identityUrl, apiUrl: s.apiUrl }
  if (s.baseUrl) return { identityUrl: `${s.baseUrl}/identity`, apiUrl: `${s.baseUrl}/api` }
  return CLOUD.us
}
