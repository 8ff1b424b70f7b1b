// Which provider reads each input, and action.yml's default for it: the one table that says when an
// input given to the step is one the run's provider ignores (a unit test checks it against
// action.yml, names and defaults, so the two cannot drift). The runner fills in action.yml's
// `default:` for every input a step leaves out, so "given" means "not empty and not the default".
import { InputError } from '../errors.js'
import type { InputSource } from '../input-readers.js'
import type { ProviderKind } from '../providers/provider.js'
import { INFISICAL_METHODS } from './infisical.js'

/**
 * What ignoring an input would do. 'server': the credential would go to another server than the
 * one the input names. 'export': what is exported would not be what the input asks for (decoded
 * values, a file, a token). 'scope': a wildcard would not be narrowed as the input asks. These are
 * errors; anything else ignored is a warning (a login input or a check that simply does not apply).
 */
export type IgnoredEffect = 'server' | 'export' | 'scope'

/** Who reads an input: every provider, one of them, or `method` (Vault's or Infisical's, by value). */
type Reader = 'all' | ProviderKind | 'method'

interface InputSpec {
  readonly reader: Reader
  /** action.yml's `default:`; absent when it has none. */
  readonly default?: string
  readonly effect?: IgnoredEffect
}

const all = (value?: string): InputSpec => ({ reader: 'all', default: value })
const of = (reader: Reader, value?: string, effect?: IgnoredEffect): InputSpec => ({ reader, default: value, effect })

/** Every input of action.yml, in its order. */
export const INPUTS: Readonly<Record<string, InputSpec>> = Object.freeze({
  access_token: all(),
  secrets: all(),
  provider: all('auto'),
  cloud_region: of('bitwarden', '', 'server'),
  base_url: all(''),
  identity_url: of('bitwarden', '', 'server'),
  api_url: of('bitwarden', '', 'server'),
  environment: of('infisical', ''),
  secret_path: of('infisical', ''),
  recursive: of('infisical', 'false'),
  include_imports: of('infisical'),
  client_id: of('infisical', ''),
  client_secret: of('infisical', ''),
  project: of('infisical', '', 'scope'),
  'client-id': of('infisical'),
  'client-secret': of('infisical'),
  'identity-id': of('infisical'),
  'oidc-audience': of('infisical'),
  'project-slug': of('infisical', undefined, 'scope'),
  'env-slug': of('infisical'),
  domain: of('infisical', undefined, 'server'),
  'secret-path': of('infisical'),
  'include-imports': of('infisical'),
  'export-type': of('infisical', undefined, 'export'),
  'file-output-path': of('infisical', undefined, 'export'),
  'extra-headers': of('infisical'),
  namespace: of('vault', ''),
  check_token: of('vault', 'false'),
  min_ttl: of('vault', '10m'),
  encoding: of('vault', '', 'export'),
  ignore_not_found: of('vault', 'false'),
  export_token: of('vault', '', 'export'),
  ttl: of('vault', '15m'),
  num_uses: of('vault', ''),
  policies: of('vault', ''),
  // vault-action's names for our common settings are read for every provider.
  url: all(),
  token: all(),
  method: of('method'),
  role: of('vault'),
  path: of('vault'),
  roleId: of('vault'),
  secretId: of('vault'),
  githubToken: of('vault'),
  jwtGithubAudience: of('vault'),
  jwtPrivateKey: of('vault'),
  jwtKeyPassword: of('vault'),
  jwtTtl: of('vault'),
  kubernetesTokenPath: of('vault'),
  username: of('vault'),
  password: of('vault'),
  authPayload: of('vault'),
  extraHeaders: of('vault'),
  exportEnv: all(),
  exportToken: of('vault', undefined, 'export'),
  outputToken: of('vault', undefined, 'export'),
  caCertificate: all(),
  clientCertificate: of('vault'),
  clientKey: of('vault'),
  tlsSkipVerify: of('vault'),
  secretEncodingType: of('vault', undefined, 'export'),
  ignoreNotFound: of('vault'),
  pki: of('vault', undefined, 'export'),
  set_env: all('true'),
  allow_dangerous_names: all('false'),
  timeout: all('60'),
  ca_certificate: all(''),
  summary: all('true'),
  export_file: all(''),
  export_format: all('dotenv'),
  keep_file: all('false'),
  parse_json: all('false'),
  name_prefix: all(''),
  name_transformation: all('none'),
  clean: all('false'),
})

const PROVIDER_NAMES: Readonly<Record<ProviderKind, string>> = {
  bitwarden: 'Bitwarden Secrets Manager',
  infisical: 'Infisical',
  vault: 'Vault',
}

/** Which action reads the inputs: the read action (action.yml) or the write action (write/action.yml). */
export type InputsOf = 'read' | 'write'

const READ_CONSEQUENCE: Readonly<Record<IgnoredEffect, string>> = {
  server: 'the credential would go to another server than the one it names',
  export: 'what is exported would not be what it asks for',
  scope: 'a wildcard would not be narrowed by it',
}

const CONSEQUENCE: Readonly<Record<InputsOf, Readonly<Record<IgnoredEffect, string>>>> = {
  read: READ_CONSEQUENCE,
  write: {
    ...READ_CONSEQUENCE,
    export: 'what is written would not be what it asks for',
    scope: 'the secrets would not be written where it names',
  },
}

/**
 * The write action's inputs (write/action.yml) that this table holds too, with the same owners and
 * defaults (a unit test checks both). Its own — create, dry_run, allow_empty — apply to every
 * provider, so they are never ignored.
 */
export const WRITE_INPUTS: readonly string[] = Object.freeze([
  'access_token',
  'token',
  'secrets',
  'provider',
  'cloud_region',
  'base_url',
  'url',
  'environment',
  'client_id',
  'client_secret',
  'project',
  'client-id',
  'client-secret',
  'identity-id',
  'oidc-audience',
  'project-slug',
  'env-slug',
  'domain',
  'extra-headers',
  'secret_path',
  'secret-path',
  'method',
  'namespace',
  'extraHeaders',
  'identity_url',
  'api_url',
  'role',
  'path',
  'roleId',
  'secretId',
  'githubToken',
  'jwtGithubAudience',
  'jwtPrivateKey',
  'jwtKeyPassword',
  'jwtTtl',
  'kubernetesTokenPath',
  'username',
  'password',
  'authPayload',
  'clientCertificate',
  'clientKey',
  'tlsSkipVerify',
  'timeout',
  'ca_certificate',
  'caCertificate',
  'summary',
])

/** An input the step gave, with the provider that reads it ('all': every provider). */
export interface GivenInput {
  readonly name: string
  readonly reader: 'all' | ProviderKind
  readonly effect?: IgnoredEffect
}

/** The provider that reads `method`: Infisical/secrets-action's methods are Infisical's (no authPayload). */
function methodReader(source: InputSource): ProviderKind {
  const infisical = (INFISICAL_METHODS as readonly string[]).includes(source('method').toLowerCase())
  return infisical && source('authPayload') === '' ? 'infisical' : 'vault'
}

/**
 * The inputs the step gave: not empty and not action.yml's default (compared ignoring case: every
 * input with a default is a keyword, a boolean or a duration). The CLI's absent flags read ''.
 */
export function givenInputs(
  source: InputSource,
  names: readonly string[] = Object.keys(INPUTS),
): readonly GivenInput[] {
  const given: GivenInput[] = []
  for (const name of names) {
    const spec = INPUTS[name]!
    const value = source(name)
    if (value === '' || value.toLowerCase() === (spec.default ?? '').toLowerCase()) continue
    const reader = spec.reader === 'method' ? methodReader(source) : spec.reader
    given.push(Object.freeze({ name, reader, ...(spec.effect ? { effect: spec.effect } : {}) }))
  }
  return Object.freeze(given)
}

/**
 * A warning for each given input that `provider` ignores, naming the input and the provider; an
 * InputError (before any request) for one whose being ignored would change where the credential
 * goes or what is exported (IgnoredEffect).
 */
export function ignoredInputs(
  given: readonly GivenInput[],
  provider: ProviderKind,
  action: InputsOf = 'read',
): string[] {
  const warnings: string[] = []
  for (const { name, reader, effect } of given) {
    if (reader === 'all' || reader === provider) continue
    const whose = `is read for ${PROVIDER_NAMES[reader]} only, but this run uses ${PROVIDER_NAMES[provider]}`
    if (effect !== undefined) {
      throw new InputError(
        `Input '${name}' ${whose}, which would ignore it: ${CONSEQUENCE[action][effect]}. Remove it, or set 'provider: ${reader}' if the run is meant for ${PROVIDER_NAMES[reader]}.`,
      )
    }
    warnings.push(`Input '${name}' ${whose}, which ignores it.`)
  }
  return warnings
}
