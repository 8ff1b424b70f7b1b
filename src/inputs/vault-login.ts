// Vault's login inputs, under hashicorp/vault-action's names (docs/protocols/vault.md#logging-in):
// `method` and what each method needs, read and checked before any request. vault-action's defaults
// are applied here, not in action.yml, so they never collide with our own inputs' defaults.
import { decodeBase64Strict } from '../bytes.js'
import { InputError } from '../errors.js'
import { isInfisicalMethod } from './infisical.js'
import { checkHeadersTotal, headerValueProblem, type InputReader } from '../input-readers.js'

/**
 * vault-action v3.4.0's AUTH_METHODS, plus cert (vault-action needs `authPayload` for it); any other
 * method needs `authPayload`.
 */
export const LOGIN_METHODS = ['token', 'approle', 'github', 'jwt', 'kubernetes', 'ldap', 'userpass', 'cert'] as const

/** vault-action's default for `kubernetesTokenPath`. */
export const KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/** How the run gets its Vault token; `mount` is `path`, else the method's name. */
export type VaultLogin =
  | { readonly method: 'token' }
  | { readonly method: 'approle'; readonly mount: string; readonly roleId: string; readonly secretId: string }
  | { readonly method: 'github'; readonly mount: string; readonly githubToken: string }
  | {
      readonly method: 'jwt'
      readonly mount: string
      readonly role: string
      /** `jwtGithubAudience`; undefined asks GitHub for its default audience. */
      readonly audience?: string
      /** `jwtPrivateKey` decoded from base64: a PEM private key; absent means the GitHub OIDC ID token. */
      readonly privateKey?: string
      readonly keyPassword?: string
      readonly ttlSeconds: number
      /** With privateKey: vault-action's claims from the runner's GITHUB_* variables (undefined ones left out). */
      readonly claims: Readonly<Record<string, string | undefined>>
    }
  | { readonly method: 'kubernetes'; readonly mount: string; readonly role: string; readonly tokenPath: string }
  | {
      readonly method: 'userpass' | 'ldap'
      readonly mount: string
      readonly username: string
      readonly password: string
    }
  /** TLS certificate auth: the client certificate (clientCertificate) is the credential; `payload` the body. */
  | { readonly method: 'cert'; readonly mount: string; readonly payload: string; readonly role: string }
  | { readonly method: 'custom'; readonly name: string; readonly mount: string; readonly payload: string }

function need(v: string, name: string, method: string, what: string): string {
  if (v === '') throw new InputError(`Input '${name}' is empty: 'method: ${method}' needs it (${what}).`)
  return v
}

/** The text of a base64 input (vault-action's PEM inputs; line breaks allowed); '' when not base64. */
export function base64Text(text: string): string {
  const bytes = decodeBase64Strict(text.replace(/\s+/g, ''))
  return bytes === undefined ? '' : Buffer.from(bytes).toString('utf8')
}

/** `jwtPrivateKey`: base64 of a PEM private key, as vault-action takes it. */
function privateKeyOf(text: string): string {
  const pem = base64Text(text)
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError(
      "Input 'jwtPrivateKey' must be the base64 encoding of a PEM private key (e.g. `base64 -w0 key.pem`), as vault-action takes it; it is not.",
    )
  }
  return pem
}

/** A JSON object, checked before any request (vault-action would fail on its first use). */
function payloadOf(text: string): string {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new InputError("Input 'authPayload' is not valid JSON; give the login request's JSON object.")
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new InputError("Input 'authPayload' must be a JSON object (the body of the login request).")
  return text.trim()
}

export function readVaultLogin(read: InputReader, env: NodeJS.ProcessEnv): VaultLogin {
  // Infisical/secrets-action's `method` (universal, oidc, aws-iam) is not a Vault login.
  const method = (isInfisicalMethod(read) ? '' : read.text('method').toLowerCase()) || 'token'
  const mount = read.text('path').replace(/^\/+|\/+$/g, '') || method
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(mount) || mount.split('/').some((s) => s === '..' || s === '.')) {
    throw new InputError(
      `Input '${read.text('path') ? 'path' : 'method'}' must name an auth mount (letters, digits, '.', '_', '-', '/'), got '${mount}'.`,
    )
  }
  const payload = read.text('authPayload')
  switch (method) {
    case 'token':
      return { method }
    case 'approle':
      return {
        method,
        mount,
        roleId: need(read.text('roleId'), 'roleId', method, "the AppRole's role_id"),
        // vault-action sends an empty secret_id when none is given (roles with bind_secret_id=false).
        secretId: read.text('secretId'),
      }
    case 'github':
      return {
        method,
        mount,
        githubToken: need(read.text('githubToken'), 'githubToken', method, 'a GitHub token Vault can look up'),
      }
    case 'jwt': {
      const key = read.text('jwtPrivateKey')
      const ttl = read.text('jwtTtl') || '3600'
      if (!/^\d{1,9}$/.test(ttl) || Number(ttl) === 0)
        throw new InputError(`Input 'jwtTtl' must be a whole number of seconds (default 3600), got '${ttl}'.`)
      return {
        method,
        mount,
        role: read.text('role'),
        audience: read.optional('jwtGithubAudience'),
        privateKey: key === '' ? undefined : privateKeyOf(key),
        keyPassword: read.optional('jwtKeyPassword'),
        ttlSeconds: Number(ttl),
        claims: {
          event: env.GITHUB_EVENT_NAME,
          workflow: env.GITHUB_WORKFLOW,
          sha: env.GITHUB_SHA,
          actor: env.GITHUB_ACTOR,
          repository: env.GITHUB_REPOSITORY,
          ref: env.GITHUB_REF,
        },
      }
    }
    case 'kubernetes':
      return {
        method,
        mount,
        role: need(read.text('role'), 'role', method, 'the Vault role bound to the service account'),
        tokenPath: read.text('kubernetesTokenPath') || KUBERNETES_TOKEN_PATH,
      }
    case 'userpass':
    case 'ldap':
      return {
        method,
        mount,
        username: need(read.text('username'), 'username', method, 'the user to log in as'),
        password: need(read.text('password'), 'password', method, "the user's password"),
      }
    case 'cert':
      // vault-action reaches cert only through authPayload, which is then sent as is; without it
      // the body is Vault's optional `name` (the certificate role to match; all of them when absent).
      return {
        method,
        mount,
        role: read.text('role'),
        payload:
          payload !== ''
            ? payloadOf(payload)
            : JSON.stringify(read.text('role') === '' ? {} : { name: read.text('role') }),
      }
    default:
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(method))
        throw new InputError(`Input 'method' must be an auth method's name, got '${method}'.`)
      if (payload === '') {
        throw new InputError(
          `Input 'method' is '${method}', which is not one of ${LOGIN_METHODS.join(', ')}, and no 'authPayload' is given: give the login request's JSON in 'authPayload' (as vault-action requires for any other method); Infisical's methods are universal, oidc and aws-iam.`,
        )
      }
      return { method: 'custom', name: method, mount, payload: payloadOf(payload) }
  }
}

/**
 * `extraHeaders`: one `Name: value` per line, as vault-action reads it (names lower-cased, repeats
 * joined with ', '). A line without a valid header name, or one setting Vault's own token or
 * namespace headers, is an error naming the line.
 */
export function parseExtraHeaders(text: string): Record<string, string> {
  // No prototype: a header named __proto__ is just a name.
  const out = Object.create(null) as Record<string, string>
  const lines = text.split('\n')
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    const colon = line.indexOf(':')
    const name = line.slice(0, Math.max(colon, 0)).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (colon < 0 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
      throw new InputError(
        `Input 'extraHeaders', line ${i + 1}: expected 'Header-Name: value' (a header name is letters, digits and -_.!#$%&'*+^\`|~).`,
      )
    }
    // Never echoed: a header value is often a credential.
    const problem = headerValueProblem(value)
    if (problem !== undefined)
      throw new InputError(`Input 'extraHeaders', line ${i + 1}: the value of ${name} ${problem}.`)
    if (name === 'x-vault-token' || name === 'x-vault-namespace') {
      throw new InputError(
        `Input 'extraHeaders', line ${i + 1}: ${name} is set by the action itself (from the login and 'namespace'); remove it.`,
      )
    }
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value
  })
  checkHeadersTotal(out, 'extraHeaders')
  return out
}
