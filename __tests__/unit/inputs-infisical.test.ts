// Infisical/secrets-action's inputs read into Infisical's slice: the vendor names, their defaults
// applied in code, extra-headers (fuzzed: never throws anything but an InputError, never quotes a
// value), and export-type: file under GITHUB_WORKSPACE.
import fc from 'fast-check'
import { InputError } from '../../src/errors.js'
import { readSettings } from '../../src/inputs.js'
import { parseExtraHeaders } from '../../src/inputs/infisical-headers.js'

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): ReturnType<typeof readSettings> =>
  readSettings((name) => inputs[name] ?? '', { env })

test('the vendor names fill our settings; project-slug is a slug; domain is base_url', () => {
  const s = read({
    'client-id': 'cid',
    'client-secret': 'cs',
    'project-slug': 'web-app',
    'env-slug': 'prod',
    'secret-path': '/backend',
    domain: 'https://infisical.example.com/',
    'include-imports': 'false',
    recursive: 'true',
  })
  expect(s.accessToken).toBe('')
  expect(s.infisical).toMatchObject({
    clientId: 'cid',
    clientSecret: 'cs',
    project: 'web-app',
    projectKind: 'slug',
    environment: 'prod',
    secretPath: '/backend',
    baseUrl: 'https://infisical.example.com',
    includeImports: false,
    recursive: true,
  })
  expect(s.setEnv).toBe(true)
  expect(s.exportFile).toBeUndefined()
})

test('method oidc with identity-id stands in for access_token', () => {
  const s = read({ method: 'oidc', 'identity-id': 'id-1', 'oidc-audience': 'aud' })
  expect(s.infisical).toMatchObject({ method: 'oidc', identityId: 'id-1', oidcAudience: 'aud' })
})

test('aws-iam reads the AWS environment, AWS_DEFAULT_REGION as a fallback', () => {
  const s = read(
    { method: 'aws-iam', 'identity-id': 'i' },
    { AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_DEFAULT_REGION: 'us-east-2' },
  )
  expect(s.infisical.aws).toEqual({ accessKeyId: 'AK', secretAccessKey: 'SK', region: 'us-east-2' })
  expect(read({ 'identity-id': 'i' }, { AWS_SECRET_ACCESS_KEY: 'SK' }).infisical.aws).toBeUndefined()
})

test.each([
  [{ 'client-id': 'a', client_id: 'b', client_secret: 's' }, /^Inputs 'client_id' and 'client-id' are two names/],
  [{ access_token: 'st.a.b.c', domain: 'https://x.example', base_url: 'https://y.example' }, /'base_url' and 'domain'/],
  [
    { access_token: 'st.a.b.c', include_imports: 'true', 'include-imports': 'false' },
    /'include_imports' and 'include-imports'/,
  ],
  [{ 'client-id': 'a' }, /^Input 'client_secret' is empty/],
])('%j → %s', (inputs, error) => {
  expect(() => read(inputs)).toThrow(error)
})

describe('export-type: file', () => {
  const base = { access_token: 'st.a.b.c', 'export-type': 'file' }
  test.each([
    [undefined, '/ws/.env'],
    ['/.env', '/ws/.env'],
    ['.env', '/ws/.env'],
    ['/config/../app.env', '/ws/app.env'],
  ])('file-output-path %s → %s, no env, dotenv', (path, expected) => {
    const s = read(path === undefined ? base : { ...base, 'file-output-path': path }, { GITHUB_WORKSPACE: '/ws' })
    expect(s.exportFile).toEqual({ path: expected, format: 'dotenv', keep: false })
    expect(s.setEnv).toBe(false)
  })
  test.each([
    [{ ...base, 'file-output-path': '/../x' }, { GITHUB_WORKSPACE: '/ws' }, /must name a file inside the workspace/],
    [{ ...base, 'file-output-path': '/' }, { GITHUB_WORKSPACE: '/ws' }, /must name a file inside the workspace/],
    [base, {}, /GITHUB_WORKSPACE is not set/],
    [{ ...base, export_file: 'a.env' }, { GITHUB_WORKSPACE: '/ws' }, /both name a file/],
    [{ access_token: 'st.a.b.c', 'file-output-path': '/x' }, {}, /'export-type' is not 'file'/],
  ])('%j refused', (inputs, env, error) => {
    expect(() => read(inputs, env)).toThrow(error)
  })
})

describe('extra-headers', () => {
  test('as the vendor reads them: blank lines skipped, names lower-cased, trimmed, repeats joined', () => {
    expect(parseExtraHeaders('A: 1\r\n\n  b :  two words  \na: 3\n')).toEqual({ a: '1, 3', b: 'two words' })
    expect(parseExtraHeaders(' \n\n')).toBeUndefined()
    expect(parseExtraHeaders('__proto__: x')).toEqual({ ['__proto__']: 'x' })
  })
  test.each([
    ['x: 1\nsecret-without-colon', /^Input 'extra-headers', line 2: expected 'Name: value'/],
    [': v', /line 1: the header name before ':' is empty or not a valid HTTP header name/],
    ['bad name: v', /line 1: the header name/],
    ['Host: evil', /line 1: 'host' is set by the HTTP client itself/],
    ['x: a\u0007b', /line 1: the value of 'x' contains a control character/],
  ])('%j refused', (text, error) => {
    expect(() => parseExtraHeaders(text)).toThrow(error)
  })
  test('any text: headers Node can send, or an InputError that never quotes a value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          const h = parseExtraHeaders(text)
          for (const [name, value] of Object.entries(h ?? {})) {
            expect(name).toMatch(/^[!#$%&'*+.^_`|~0-9a-z-]+$/)
            // No control character but tab.
            expect([...value].some((c) => c !== '\t' && (c < ' ' || c === '\x7f'))).toBe(false)
          }
        } catch (err) {
          expect(err).toBeInstanceOf(InputError)
          const after = (err as Error).message.replace(/^Input 'extra-headers', line \d+: /, '')
          for (const line of text.split('\n')) {
            const v = line.slice(line.indexOf(':') + 1).trim()
            if (v.length >= 6) expect(after).not.toContain(v)
          }
        }
      }),
      { numRuns: 2000 },
    )
  })
})
