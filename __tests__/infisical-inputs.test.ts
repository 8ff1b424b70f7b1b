// readSettings for the Infisical inputs, through INPUT_* variables as the runner sets them.
import { InputError } from '../src/errors.js'
import { readSettings } from '../src/inputs.js'

const TOKEN =
  'st.5f1d4a3e-8c2b-4e0a-9d6f-1a2b3c4d5e6f.0123456789abcdef0123456789abcdef.441a8a4ae97e04270f9b4092d83a8f0d'

function withInputs<T>(inputs: Record<string, string>, fn: () => T): T {
  const saved = { ...process.env }
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k]
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v
  try {
    return fn()
  } finally {
    process.env = saved
  }
}

test.each([
  ['defaults as Infisical’s action', { access_token: TOKEN }, { recursive: false, includeImports: true }],
  [
    'secret_path without a leading slash',
    { access_token: TOKEN, secret_path: 'backend/' },
    { secretPath: '/backend', recursive: false, includeImports: true },
  ],
  [
    'booleans in the six YAML spellings',
    { access_token: TOKEN, recursive: 'TRUE', include_imports: 'False' },
    { recursive: true, includeImports: false },
  ],
  [
    'environment and project',
    { access_token: TOKEN, environment: 'prod', project: 'web-app' },
    { environment: 'prod', project: 'web-app', recursive: false, includeImports: true },
  ],
  [
    'a machine identity without access_token',
    { client_id: 'cid', client_secret: 'csecret', project: 'p', environment: 'dev' },
    {
      clientId: 'cid',
      clientSecret: 'csecret',
      project: 'p',
      environment: 'dev',
      recursive: false,
      includeImports: true,
    },
  ],
])('%s', (_name, inputs, expected) => {
  const settings = withInputs(inputs, readSettings)
  expect(JSON.parse(JSON.stringify(settings.infisical))).toEqual(expected)
  expect(Object.isFrozen(settings.infisical)).toBe(true)
})

test('a machine identity leaves access_token empty', () => {
  expect(withInputs({ client_id: 'cid', client_secret: 'csecret' }, readSettings).accessToken).toBe('')
})

test.each([
  ['no token and no identity (Bitwarden’s message kept)', {}, /^Input 'access_token' is empty: it is required/],
  [
    'client_id without client_secret',
    { client_id: 'cid' },
    /^Input 'client_secret' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret' \(or give 'access_token' instead\)/,
  ],
  ['client_secret without client_id', { client_secret: 's' }, /^Input 'client_id' is empty/],
  [
    'a token and half an identity',
    { access_token: TOKEN, client_id: 'cid' },
    /^Input 'client_secret' is empty: an Infisical machine identity needs both/,
  ],
  ['a bad secret_path', { access_token: TOKEN, secret_path: '/a//b' }, /^Input 'secret_path' is not a folder path/],
  [
    'a bad recursive',
    { access_token: TOKEN, recursive: 'yes' },
    /^Input 'recursive' must be 'true' or 'false', got 'yes'/,
  ],
  [
    'a bad include_imports',
    { access_token: TOKEN, include_imports: '1' },
    /^Input 'include_imports' must be 'true' or 'false', got '1'/,
  ],
  [
    'an unknown provider',
    { access_token: TOKEN, provider: 'doppler' },
    /^Input 'provider' must be one of .*'infisical'/,
  ],
])('refuses %s', (_name, inputs, error) => {
  expect(() => withInputs(inputs, readSettings)).toThrow(InputError)
  expect(() => withInputs(inputs, readSettings)).toThrow(error)
})

test.each([
  [undefined, 'https://app.infisical.com'],
  ['https://infisical.example.com', 'https://infisical.example.com'],
  ['https://infisical.example.com/api', 'https://infisical.example.com'],
  ['https://example.com/infisical', 'https://example.com/infisical'],
])(
  'the API base for base_url %j is %j (INF-COMPAT-3: default cloud, a trailing /api removed)',
  async (baseUrl, expected) => {
    const { apiBase } = await import('../src/providers/infisical/index.js')
    expect(apiBase(baseUrl)).toBe(expected)
  },
)
