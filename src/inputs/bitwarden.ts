// Bitwarden's inputs: its slice of Settings and how it is read.
import { InputError } from '../errors.js'
import type { InputReader, CommonInputs } from '../input-readers.js'

/** Bitwarden's slice. */
export interface BitwardenSettings {
  /** Machine-account access token as given (trimmed; secret). */
  readonly accessToken: string
  /** Self-hosted server (base_url). */
  readonly baseUrl?: string
  /** Cloud region, when given. */
  readonly cloudRegion?: 'us' | 'eu'
  readonly identityUrl?: string
  readonly apiUrl?: string
}

export function readBitwarden(read: InputReader, { accessToken, baseUrl }: CommonInputs): BitwardenSettings {
  const region = read.text('cloud_region').toLowerCase()
  if (region !== '' && region !== 'us' && region !== 'eu') {
    throw new InputError(`Input 'cloud_region' must be 'us' or 'eu' (or left empty for a custom server URL).`)
  }
  return Object.freeze({
    accessToken,
    baseUrl,
    cloudRegion: region === '' ? undefined : region,
    identityUrl: read.url('identity_url'),
    apiUrl: read.url('api_url'),
  })
}
