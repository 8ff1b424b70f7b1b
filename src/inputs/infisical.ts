// Infisical's inputs: its slice of Settings and how it is read. Every input of Infisical/secrets-action
// (v1.0.15) is read under its own name too (docs/protocols/infisical.md#compatibility): where ours
// names the same setting, through read.either, so that the two names given with different values is
// an error. The vendor's defaults are applied here, never in action.yml, so an alias's default never
// collides with ours.
import { isAbsolute, join, relative, resolve } from 'node:path'
import { InputError } from '../errors.js'
import type { InputReader, CommonInputs } from '../input-readers.js'
import { parseExtraHeaders } from './infisical-headers.js'

/** Infisical/secrets-action's `method` values. */
export const INFISICAL_METHODS = ['universal', 'oidc', 'aws-iam'] as const
export type InfisicalMethod = (typeof INFISICAL_METHODS)[number]

/** Infisical's slice. */
export interface InfisicalSettings {
  /** Service token as given (trimmed; secret); '' with a machine identity. */
  readonly accessToken: string
  /** Self-hosted server (base_url, or the vendor's `domain`). */
  readonly baseUrl?: string
  /** Environment slug (`environment` / `env-slug`); optional with a service token that covers one environment. */
  readonly environment?: string
  /** Folder as given (`secret_path` / `secret-path`); absent: the token's single scope path, else `/`. */
  readonly secretPath?: string
  readonly recursive: boolean
  readonly includeImports: boolean
  /** Machine identity (Universal Auth): both or neither; the secret is masked by the provider. */
  readonly clientId?: string
  readonly clientSecret?: string
  /** Project id or slug (machine identities; with a service token it must match the token's). */
  readonly project?: string
  /** 'slug' when the project came from `project-slug`: always sent as workspaceSlug, as the vendor does. */
  readonly projectKind?: 'slug'
  /** `method` as given (lower-cased); absent: Universal Auth for a machine identity. Checked by the wing. */
  readonly method?: string
  /** `identity-id`: the machine identity for `method: oidc` and `aws-iam`. */
  readonly identityId?: string
  /** `oidc-audience`: absent asks GitHub for its default audience. */
  readonly oidcAudience?: string
  /** `extra-headers`, parsed: lower-case name → value; absent when none. */
  readonly extraHeaders?: Readonly<Record<string, string>>
  /** `export-type: file`: the absolute path under GITHUB_WORKSPACE that `file-output-path` names. */
  readonly fileOutputPath?: string
  /** `method: aws-iam` only: the runner's AWS credentials and region (secret parts masked by the wing). */
  readonly aws?: AwsEnvironment
}

/** AWS credentials and region, as aws-actions/configure-aws-credentials leaves them in the environment. */
export interface AwsEnvironment {
  readonly accessKeyId?: string
  readonly secretAccessKey?: string
  readonly sessionToken?: string
  readonly region?: string
}

/** The environment's AWS credential; read only for `method: aws-iam`. */
function awsEnvironment(env: NodeJS.ProcessEnv): AwsEnvironment {
  const get = (name: string): string | undefined => env[name]?.trim() || undefined
  return Object.freeze({
    accessKeyId: get('AWS_ACCESS_KEY_ID'),
    secretAccessKey: get('AWS_SECRET_ACCESS_KEY'),
    sessionToken: get('AWS_SESSION_TOKEN'),
    region: get('AWS_REGION') ?? get('AWS_DEFAULT_REGION'),
  })
}

/** The vendor's `file-output-path` default. */
const VENDOR_FILE_OUTPUT_PATH = '/.env'

/** client id and secret come together: 'both', 'neither', or an error naming the missing one. */
export function assertClientPair(read: InputReader, hint = ''): 'both' | 'neither' {
  const id = read.either(['client_id', 'client-id']) !== ''
  const secret = read.either(['client_secret', 'client-secret']) !== ''
  if (id !== secret) {
    throw new InputError(
      `Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`,
    )
  }
  return id ? 'both' : 'neither'
}

/**
 * An Infisical machine identity other than client_id + client_secret stands in for access_token:
 * `identity-id`, or one of Infisical/secrets-action's `method`s (the wing then says what is missing).
 */
export function hasIdentityLogin(read: InputReader): boolean {
  return read.text('identity-id') !== '' || isInfisicalMethod(read)
}

/**
 * Whether `method` is Infisical/secrets-action's: hashicorp/vault-action names its login input
 * `method` too. universal, oidc and aws-iam are Infisical's; with vault-action any other Vault
 * method (its own oidc, aws) needs `authPayload`, so with `authPayload` given the method is Vault's.
 */
export function isInfisicalMethod(read: InputReader): boolean {
  const method = read.text('method').toLowerCase()
  return (INFISICAL_METHODS as readonly string[]).includes(method) && read.text('authPayload') === ''
}

/** include_imports or the vendor's include-imports, with getBooleanInput's spellings, naming the input given. */
function readIncludeImports(read: InputReader): boolean {
  read.either(['include_imports', 'include-imports'])
  return read.text('include_imports') !== ''
    ? read.boolean('include_imports', true)
    : read.boolean('include-imports', true)
}

/**
 * `export-type: file`: `file-output-path` under GITHUB_WORKSPACE, as the vendor joins them (its
 * default `/.env`); a path without a leading `/` is taken under the workspace too (the vendor's would
 * land beside it), and one that leaves the workspace is refused.
 */
function readFileOutputPath(read: InputReader, env: NodeJS.ProcessEnv): string | undefined {
  const type = read.choice('export-type', ['env', 'file'] as const)
  const given = read.text('file-output-path')
  if (type !== 'file') {
    if (given !== '')
      throw new InputError(
        "Input 'file-output-path' is given, but 'export-type' is not 'file'; set 'export-type: file'.",
      )
    return undefined
  }
  if (read.text('export_file') !== '')
    throw new InputError("Inputs 'export-type: file' and 'export_file' both name a file to write; give only one.")
  const path = given === '' ? VENDOR_FILE_OUTPUT_PATH : given
  if (/[\0\r\n]/.test(path)) throw new InputError(`Input 'file-output-path' must be a single-line path.`)
  const workspace = env.GITHUB_WORKSPACE ?? ''
  if (workspace === '' || !isAbsolute(workspace))
    throw new InputError(
      "Input 'export-type' is 'file', which writes 'file-output-path' under GITHUB_WORKSPACE, but GITHUB_WORKSPACE is not set (outside a runner, use 'export_file').",
    )
  const root = resolve(workspace)
  const absolute = resolve(join(root, path))
  const inside = relative(root, absolute)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new InputError(
      `Input 'file-output-path' ('${path}') must name a file inside the workspace (GITHUB_WORKSPACE); it does not.`,
    )
  return absolute
}

/** What a login and a project need: the part of Infisical's slice the write action shares. */
export type InfisicalLoginSettings = Omit<
  InfisicalSettings,
  'secretPath' | 'recursive' | 'includeImports' | 'fileOutputPath'
>

/** The server, project, environment and every login's inputs: read alike by both actions. */
export function readInfisicalLogin(
  read: InputReader,
  { accessToken, baseUrl, env }: CommonInputs,
): InfisicalLoginSettings {
  assertClientPair(read)
  // base_url is read for every provider (CommonInputs); the vendor's `domain` names it for Infisical.
  read.either(['base_url', 'domain'])
  const domain = baseUrl === undefined ? read.url('domain') : undefined
  const project = read.either(['project', 'project-slug'])
  const method = isInfisicalMethod(read) ? read.text('method').toLowerCase() : ''
  return {
    accessToken,
    baseUrl: baseUrl ?? domain,
    environment: read.either(['environment', 'env-slug']) || undefined,
    clientId: read.either(['client_id', 'client-id']) || undefined,
    clientSecret: read.either(['client_secret', 'client-secret']) || undefined,
    project: project || undefined,
    projectKind: read.text('project-slug') !== '' ? ('slug' as const) : undefined,
    method: method || undefined,
    identityId: read.optional('identity-id'),
    oidcAudience: read.optional('oidc-audience'),
    extraHeaders: parseExtraHeaders(read.text('extra-headers', { trim: false })),
    aws: method === 'aws-iam' ? awsEnvironment(env) : undefined,
  }
}

export function readInfisical(read: InputReader, common: CommonInputs): InfisicalSettings {
  return Object.freeze({
    ...readInfisicalLogin(read, common),
    secretPath: read.either(['secret_path', 'secret-path']) || undefined,
    recursive: read.boolean('recursive', false),
    includeImports: readIncludeImports(read),
    fileOutputPath: readFileOutputPath(read, common.env),
  })
}
