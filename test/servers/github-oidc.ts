// A stand-in for the runner's OIDC token service: what a job with `permissions: id-token: write`
// reaches through ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. It answers
// `GET <url>&audience=<aud>` (bearer the request token) with `{"value": "<RS256 JWT>"}` whose claims
// are GitHub's (iss, sub `repo:<owner>/<repo>:ref:<ref>`, aud, repository, ref, sha, …), signed with
// a key the test's Vault or Infisical server trusts (`publicKeyPem`, `verify`). Shared by the Vault
// and Infisical OIDC logins.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { createJwtSigner, type JwtSigner } from './bitwarden-crypto.js'
import { closeServer, listenOnLoopback } from './loopback.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** GitHub's default audience when none is asked for: the repository owner's URL. */
export const DEFAULT_AUDIENCE = 'https://github.com/acme'

export interface GithubOidcServer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, as the runner sets them. */
  readonly env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  readonly signer: JwtSigner
  /** Claims every token carries (sub, repository, ref, …); a test may change them. */
  claims: Record<string, unknown>
  /** Token lifetime in seconds (GitHub's is about 5 minutes); negative gives an expired token. */
  ttlSeconds: number
  /** The audiences asked for, in order ('' when none was asked). */
  readonly requests: string[]
  close(): Promise<void>
}

export async function startGithubOidcServer(): Promise<GithubOidcServer> {
  const signer = createJwtSigner()
  const requestToken = randomBytes(24).toString('hex')
  const requests: string[] = []
  const state: Pick<GithubOidcServer, 'claims' | 'ttlSeconds'> = {
    claims: {
      sub: 'repo:acme/app:ref:refs/heads/main',
      repository: 'acme/app',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      sha: 'f'.repeat(40),
      workflow: 'ci',
      event_name: 'push',
      actor: 'octocat',
      environment: undefined,
    },
    ttlSeconds: 300,
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'GET' || url.pathname !== '/token') return reply(404, { message: 'Not found' })
    if (req.headers.authorization !== `Bearer ${requestToken}`) return reply(401, { message: 'Bad request token' })
    const audience = url.searchParams.get('audience') ?? ''
    requests.push(audience)
    const now = Math.floor(Date.now() / 1000)
    const claims = Object.fromEntries(Object.entries(state.claims).filter(([, v]) => v !== undefined))
    reply(200, {
      count: 1,
      value: signer.sign({
        jti: randomBytes(8).toString('hex'),
        ...claims,
        aud: audience === '' ? DEFAULT_AUDIENCE : audience,
        iss: GITHUB_ISSUER,
        nbf: now - 5,
        iat: now - 5,
        exp: now + state.ttlSeconds,
      }),
    })
  })
  const port = await listenOnLoopback(server, 'github-oidc')
  return Object.assign(state, {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    signer,
    requests,
    close: () => closeServer(server),
  })
}
