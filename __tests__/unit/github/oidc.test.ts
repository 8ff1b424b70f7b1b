// The GitHub OIDC ID token (src/github/oidc.ts) against the token-service stand-in: the request
// getIDToken makes, the audience, the refusal without `id-token: write`, and a bad answer.
import { InputError, ServerError } from '../../../src/errors.js'
import { fetchIdToken } from '../../../src/github/oidc.js'
import { createHttpClient } from '../../../src/http/client.js'
import {
  DEFAULT_AUDIENCE,
  GITHUB_ISSUER,
  startGithubOidcServer,
  type GithubOidcServer,
} from '../../../test/servers/github-oidc.js'

let server: GithubOidcServer
beforeAll(async () => {
  server = await startGithubOidcServer()
})
afterAll(() => server.close())

const http = createHttpClient({ timeoutMs: 5000, deadlineMs: 10_000 })

test('a token for the audience asked, signed by the service, with GitHub’s claims', async () => {
  const jwt = await fetchIdToken(http, 'vault.example.com', "Input 'method' is 'jwt'", server.env)
  const claims = server.signer.verify(jwt)
  expect(claims).toMatchObject({
    aud: 'vault.example.com',
    iss: GITHUB_ISSUER,
    sub: 'repo:acme/app:ref:refs/heads/main',
  })
  expect(server.requests.at(-1)).toBe('vault.example.com')
})

test('no audience: GitHub’s default', async () => {
  const jwt = await fetchIdToken(http, undefined, "Input 'method' is 'jwt'", server.env)
  expect(server.signer.verify(jwt)?.aud).toBe(DEFAULT_AUDIENCE)
  expect(server.requests.at(-1)).toBe('')
})

test('without id-token: write the error names the inputs and the fix, before any request', async () => {
  const before = server.requests.length
  await expect(fetchIdToken(http, 'aud', "Input 'method' is 'jwt'", {})).rejects.toThrow(InputError)
  await expect(fetchIdToken(http, 'aud', "Input 'method' is 'jwt'", {})).rejects.toThrow(
    /^Input 'method' is 'jwt', which logs in with the job's GitHub OIDC ID token, but .*permissions: id-token: write/,
  )
  expect(server.requests.length).toBe(before)
})

test('a wrong request token is a server error, not a token', async () => {
  const env = { ...server.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' }
  await expect(fetchIdToken(http, 'aud', 'x', env)).rejects.toThrow(ServerError)
  await expect(fetchIdToken(http, 'aud', 'x', env)).rejects.toThrow(
    /answered 401 without an ID token for audience 'aud'/,
  )
})
