// HashiCorp Vault's inputs: its slice of Settings and how it is read.
import { InputError } from '../errors.js'
import type { ClientTls } from '../http/body.js'
import { headerValueProblem, normalizeServerUrl, shown, type InputReader, type CommonInputs } from '../input-readers.js'
import { isInfisicalMethod } from './infisical.js'
import { parseExtraHeaders, readVaultLogin, type VaultLogin } from './vault-login.js'
import { readVaultTls } from './vault-tls.js'

export type { VaultLogin } from './vault-login.js'

/** HashiCorp Vault's slice. */
export interface VaultSettings {
  /** The Vault token as given (trimmed; secret). */
  readonly accessToken: string
  /** base_url, else env VAULT_ADDR, normalised; absent when neither is set. */
  readonly url?: string
  /** Why VAULT_ADDR could not be used, when base_url is empty and VAULT_ADDR is invalid. */
  readonly urlProblem?: string
  /** `namespace` input, else env VAULT_NAMESPACE; slashes trimmed; absent when empty. */
  readonly namespace?: string
  readonly checkToken: boolean
  readonly minTtlSeconds: number
  readonly encoding?: 'base64' | 'hex'
  readonly ignoreNotFound: boolean
  readonly exportToken?: 'child'
  readonly ttlSeconds: number
  readonly numUses?: number
  readonly policies?: readonly string[]
  /** vault-action's own input names (`url`, `token`, `method`) were used: Vault, whatever the token. */
  readonly named?: boolean
  /** `method` and its inputs (vault-action's names); `token` (the default) uses accessToken. */
  readonly login?: VaultLogin
  /** `extraHeaders`: sent on every Vault request, the login included (names lower-cased). */
  readonly extraHeaders?: Readonly<Record<string, string>>
  /** vault-action's `exportToken` (VAULT_TOKEN env) and `outputToken` (vault_token output). */
  readonly publishToken?: { readonly env: boolean; readonly output: boolean }
  /** `tlsSkipVerify`, `clientCertificate` + `clientKey`: for Vault's requests only; absent when none is given. */
  readonly tls?: ClientTls
  /** vault-action's `pki` text (certificates to issue), parsed by the wing; absent when empty. */
  readonly pki?: string
}

/** A boolean given under one of two names (read.either's value), checked under the name given. */
function booleanOf(read: InputReader, value: string, names: readonly [string, string], fallback: boolean): boolean {
  if (value === '') return fallback
  return read.boolean(read.text(names[0]) !== '' ? names[0] : names[1], fallback)
}

/**
 * `namespace`, else VAULT_NAMESPACE, slashes trimmed: sent as the X-Vault-Namespace header on every
 * request, so what a header cannot carry is refused here, naming where it came from, before any
 * request (Node would throw mid-run, or the server answer 431).
 */
function readNamespace(read: InputReader, env: NodeJS.ProcessEnv): string {
  const given = read.text('namespace')
  const namespace = (given || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '')
  const problem = headerValueProblem(namespace)
  if (problem !== undefined) {
    const where = given !== '' ? "Input 'namespace'" : 'The environment variable VAULT_NAMESPACE'
    throw new InputError(`${where} ${problem} (it is sent as the X-Vault-Namespace header): ${shown(namespace)}.`)
  }
  return namespace
}

/** Where Vault is and how every request reaches it: shared by the read and write actions. */
export type VaultServerSettings = Pick<VaultSettings, 'url' | 'urlProblem' | 'namespace' | 'extraHeaders'>

/** base_url (else VAULT_ADDR), namespace (else VAULT_NAMESPACE) and extraHeaders. */
export function readVaultServer(
  read: InputReader,
  { baseUrl, env }: Omit<CommonInputs, 'accessToken'>,
): VaultServerSettings {
  let url = baseUrl
  let urlProblem: string | undefined
  const addr = env.VAULT_ADDR ?? ''
  if (url === undefined && addr !== '') {
    try {
      url = normalizeServerUrl(addr, 'VAULT_ADDR')
    } catch (err) {
      urlProblem = (err as Error).message.replace("Input 'VAULT_ADDR'", 'The environment variable VAULT_ADDR')
    }
  }
  const namespace = readNamespace(read, env)
  return {
    url,
    urlProblem,
    namespace: namespace === '' ? undefined : namespace,
    extraHeaders: Object.freeze(parseExtraHeaders(read.text('extraHeaders'))),
  }
}

export function readVault(read: InputReader, { accessToken, baseUrl, env }: CommonInputs): VaultSettings {
  const server = readVaultServer(read, { baseUrl, env })
  // vault-action's secretEncodingType also takes 'utf8', which decodes nothing.
  const encodingText = read.either(['encoding', 'secretEncodingType'])
  const encoding = encodingText === 'utf8' ? '' : encodingText
  if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
    const name = read.text('encoding') !== '' ? 'encoding' : 'secretEncodingType'
    throw new InputError(`Input '${name}' must be 'base64' or 'hex' (or empty), got '${encoding}'.`)
  }
  const exportToken = read.text('export_token')
  if (exportToken !== '' && exportToken !== 'child') {
    throw new InputError(
      `Input 'export_token' must be 'child' (a child token exported as VAULT_TOKEN and revoked when the job ends) or empty, got '${exportToken}'. The token you give is never exported.`,
    )
  }
  const uses = read.text('num_uses')
  if (uses !== '' && !/^\d{1,9}$/.test(uses))
    throw new InputError(`Input 'num_uses' must be a whole number (0 = unlimited), got '${uses}'.`)
  const pki = read.text('pki')
  // vault-action: 'You cannot provide both "secrets" and "pki" inputs.'
  if (pki !== '' && read.text('secrets') !== '')
    throw new InputError(
      "Inputs 'secrets' and 'pki' cannot both be given (as with vault-action): issue certificates in a step of their own.",
    )
  const login = readVaultLogin(read, env)
  const tls = readVaultTls(read)
  if (login.method === 'cert' && tls?.cert === undefined) {
    throw new InputError(
      "Input 'clientCertificate' is empty: 'method: cert' needs it (the TLS client certificate Vault's cert auth method checks, with 'clientKey').",
    )
  }
  const policies = read
    .text('policies')
    .split(/[,\s]+/)
    .filter((p) => p !== '')
  return Object.freeze({
    accessToken,
    ...server,
    checkToken: read.boolean('check_token', false),
    minTtlSeconds: read.duration('min_ttl', 600),
    encoding: encoding === '' ? undefined : encoding,
    ignoreNotFound: booleanOf(
      read,
      read.either(['ignore_not_found', 'ignoreNotFound']),
      ['ignore_not_found', 'ignoreNotFound'],
      false,
    ),
    exportToken: exportToken === '' ? undefined : exportToken,
    ttlSeconds: read.duration('ttl', 900),
    numUses: uses === '' || uses === '0' ? undefined : Number(uses),
    policies: policies.length === 0 ? undefined : Object.freeze(policies),
    named:
      ['url', 'token'].some((name) => read.text(name) !== '') ||
      (read.text('method') !== '' && !isInfisicalMethod(read)),
    login: Object.freeze(login),
    publishToken: Object.freeze({
      env: read.boolean('exportToken', false),
      output: read.boolean('outputToken', false),
    }),
    tls,
    pki: pki === '' ? undefined : pki,
  })
}
