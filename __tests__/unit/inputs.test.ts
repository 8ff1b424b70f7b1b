// readSettings for the Infisical inputs, through INPUT_* variables as the runner sets them, and the
// Infisical wing's own reading of its slice (secret_path, the API base).
import { InputError } from '../../src/errors.js'
import { readSettings } from '../../src/inputs.js'
import { apiBase, secretPathOf } from '../../src/providers/infisical/auth.js'

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
  [
    'defaults as Infisical’s action',
    { access_token: TOKEN },
    { accessToken: TOKEN, recursive: false, includeImports: true },
  ],
  [
    'secret_path as given (the wing normalises it)',
    { access_token: TOKEN, secret_path: 'backend/' },
    { accessToken: TOKEN, secretPath: 'backend/', recursive: false, includeImports: true },
  ],
  [
    'booleans in the six YAML spellings',
    { access_token: TOKEN, recursive: 'TRUE', include_imports: 'False' },
    { accessToken: TOKEN, recursive: true, includeImports: false },
  ],
  [
    'environment, project and base_url',
    { access_token: TOKEN, environment: 'prod', project: 'web-app', base_url: 'https://infisical.example.com/' },
    {
      accessToken: TOKEN,
      baseUrl: 'https://infisical.example.com',
      environment: 'prod',
      project: 'web-app',
      recursive: false,
      includeImports: true,
    },
  ],
  [
    'a machine identity without access_token',
    { client_id: 'cid', client_secret: 'csecret', project: 'p', environment: 'dev' },
    {
      accessToken: '',
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
    expect(apiBase(baseUrl)).toBe(expected)
  },
)

test.each([
  ['backend/', '/backend'],
  ['/backend', '/backend'],
  ['/a/b/', '/a/b'],
  ['/', '/'],
])('the wing reads secret_path %j as %j', (text, expected) => {
  expect(secretPathOf(withInputs({ access_token: TOKEN, secret_path: text }, readSettings).infisical)).toBe(expected)
})

test('the wing refuses a bad secret_path, naming the input', () => {
  const settings = withInputs({ access_token: TOKEN, secret_path: '/a//b' }, readSettings)
  expect(() => secretPathOf(settings.infisical)).toThrow(InputError)
  expect(() => secretPathOf(settings.infisical)).toThrow(/^Input 'secret_path' is not a folder path/)
})

test.each(['0.001', '0', '0.5', '3601', '1e3'])('timeout %s is refused: 1 to 3600 seconds', (timeout) => {
  expect(() => withInputs({ access_token: TOKEN, timeout }, readSettings)).toThrow(
    /^Input 'timeout' must be a number of seconds between 1 and 3600/,
  )
})
