import { resolveEndpoints } from '../../../../src/providers/bitwarden/endpoints.js'

const US = { identityUrl: 'https://identity.bitwarden.com', apiUrl: 'https://api.bitwarden.com' }
const EU = { identityUrl: 'https://identity.bitwarden.eu', apiUrl: 'https://api.bitwarden.eu' }

test.each([
  ['nothing set → US cloud', {}, US],
  ['us', { cloudRegion: 'us' as const }, US],
  ['eu', { cloudRegion: 'eu' as const }, EU],
  [
    'base_url → /identity and /api',
    { baseUrl: 'https://bw.example.com' },
    { identityUrl: 'https://bw.example.com/identity', apiUrl: 'https://bw.example.com/api' },
  ],
  [
    'identity_url + api_url',
    { identityUrl: 'https://id.example', apiUrl: 'https://api.example' },
    { identityUrl: 'https://id.example', apiUrl: 'https://api.example' },
  ],
  [
    'identity_url + api_url win over base_url (sm-action v3)',
    { baseUrl: 'https://b.example', identityUrl: 'https://id.example', apiUrl: 'https://api.example' },
    { identityUrl: 'https://id.example', apiUrl: 'https://api.example' },
  ],
])('%s', (_name, settings, expected) => {
  expect(resolveEndpoints(settings)).toEqual(expected)
})

test.each([
  [
    'region with base_url',
    { cloudRegion: 'eu' as const, baseUrl: 'https://b.example' },
    /Conflicting inputs: 'cloud_region' \(eu\) and 'base_url'/,
  ],
  [
    'region with identity_url + api_url',
    { cloudRegion: 'us' as const, identityUrl: 'https://i', apiUrl: 'https://a' },
    /Conflicting inputs: 'cloud_region' \(us\) and 'identity_url', 'api_url'/,
  ],
  [
    'identity_url alone',
    { identityUrl: 'https://i' },
    /'identity_url' and 'api_url' must be given together \(only 'identity_url' is set\)/,
  ],
  ['api_url alone', { apiUrl: 'https://a' }, /only 'api_url' is set/],
])('refuses %s', (_name, settings, error) => {
  expect(() => resolveEndpoints(settings)).toThrow(error)
})
