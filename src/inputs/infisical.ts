// Infisical's inputs: its slice of Settings and how it is read.
import { InputError } from '../errors.js'
import type { InputReader } from '../input-readers.js'
import type { CommonInputs } from '../inputs.js'

/** Infisical's slice. */
export interface InfisicalSettings {
  /** Service token as given (trimmed; secret); '' with a machine identity. */
  readonly accessToken: string
  /** Self-hosted server (base_url). */
  readonly baseUrl?: string
  /** Environment slug; optional with a service token that covers one environment. */
  readonly environment?: string
  /** Folder as given (the wing normalises it to `/a/b`); absent: the token's single scope path, else `/`. */
  readonly secretPath?: string
  readonly recursive: boolean
  readonly includeImports: boolean
  /** Machine identity (Universal Auth): both or neither; the secret is masked by the provider. */
  readonly clientId?: string
  readonly clientSecret?: string
  /** Project id or slug (machine identities; with a service token it must match the token's). */
  readonly project?: string
}

/** client_id and client_secret come together: 'both', 'neither', or an error naming the missing one. */
export function assertClientPair(read: InputReader, hint = ''): 'both' | 'neither' {
  const id = read.text('client_id') !== ''
  const secret = read.text('client_secret') !== ''
  if (id !== secret) {
    throw new InputError(
      `Input '${id ? 'client_secret' : 'client_id'}' is empty: an Infisical machine identity needs both 'client_id' and 'client_secret'${hint}.`,
    )
  }
  return id ? 'both' : 'neither'
}

export function readInfisical(read: InputReader, { accessToken, baseUrl }: CommonInputs): InfisicalSettings {
  assertClientPair(read)
  return Object.freeze({
    accessToken,
    baseUrl,
    environment: read.optional('environment'),
    secretPath: read.optional('secret_path'),
    recursive: read.boolean('recursive', false),
    includeImports: read.boolean('include_imports', true),
    clientId: read.optional('client_id'),
    clientSecret: read.optional('client_secret'),
    project: read.optional('project'),
  })
}
