// HashiCorp Vault's inputs: its slice of Settings and how it is read.
import { InputError } from '../errors.js'
import { normalizeServerUrl, type InputReader } from '../input-readers.js'
import type { CommonInputs } from '../inputs.js'

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
}

export function readVault(read: InputReader, { accessToken, baseUrl, env }: CommonInputs): VaultSettings {
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
  const namespace = (read.text('namespace') || (env.VAULT_NAMESPACE ?? '').trim()).replace(/^\/+|\/+$/g, '')
  const encoding = read.text('encoding')
  if (encoding !== '' && encoding !== 'base64' && encoding !== 'hex') {
    throw new InputError(`Input 'encoding' must be 'base64' or 'hex' (or empty), got '${encoding}'.`)
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
  const policies = read
    .text('policies')
    .split(/[,\s]+/)
    .filter((p) => p !== '')
  return Object.freeze({
    accessToken,
    url,
    urlProblem,
    namespace: namespace === '' ? undefined : namespace,
    checkToken: read.boolean('check_token', false),
    minTtlSeconds: read.duration('min_ttl', 600),
    encoding: encoding === '' ? undefined : encoding,
    ignoreNotFound: read.boolean('ignore_not_found', false),
    exportToken: exportToken === '' ? undefined : exportToken,
    ttlSeconds: read.duration('ttl', 900),
    numUses: uses === '' || uses === '0' ? undefined : Number(uses),
    policies: policies.length === 0 ? undefined : Object.freeze(policies),
  })
}
