// What every wing (src/providers/<vendor>/) shares with the rest of the program: the Provider
// interface, what goes in (its slice of Settings, a context) and what comes out (secrets to export,
// cleanups for the post step). Types only: no vendor knowledge, no @actions/*.
import type { HttpClient } from '../http/client.js'
import type { ParsedMapping } from '../mapping.js'

export const PROVIDER_KINDS = ['bitwarden', 'infisical', 'vault'] as const
export type ProviderKind = (typeof PROVIDER_KINDS)[number]

/** One value to export. `source` says where it came from (ids, paths; never the value). */
export interface Secret {
  /** The environment variable's name (and the output's, unless outputName says otherwise). */
  readonly name: string
  readonly value: string
  readonly source: string
  /** The step output's name when it differs (vault-action keeps the key's case there). */
  readonly outputName?: string
  /**
   * The workflow's author wrote this name in the mapping (`<id> > NAME`, `KEY`, `| NAME`); absent
   * when the server chose it (a wildcard's keys, a JSON secret's fields). Names the server chose
   * are held to the strict name policy (src/runner/export-names.ts).
   */
  readonly mapped?: boolean
  /**
   * Only an environment variable (even with set_env false), or only a step output: vault-action's
   * exportToken and outputToken publish the token one way each. Absent: both, as set_env says.
   */
  readonly only?: 'env' | 'output'
  /** The name it was fetched under, when shaping (src/runner/shape.ts) exported it under another. */
  readonly from?: string
}

/**
 * Work the post step must do when the job ends (delete a file, revoke a token): a kind that names
 * its handler, plus string data, saved with the runner's state by src/runner/cleanup.ts.
 */
export interface Cleanup {
  readonly kind: string
  readonly data: Readonly<Record<string, string>>
}

/** What a run of a provider yields: everything asked for, and what the post step must undo. */
export interface FetchResult {
  readonly secrets: readonly Secret[]
  readonly cleanups: readonly Cleanup[]
  /**
   * A last request of the provider's own, sent and still unanswered (Infisical's revocation of its
   * login's token): the run exports meanwhile and waits for it before it ends. It never rejects: its
   * failure is the provider's warning.
   */
  readonly settling?: Promise<void>
}

/** What a provider may do to the outside world: no @actions/core inside providers. */
export interface ProviderContext {
  readonly http: HttpClient
  /** Registers a mask; called for token parts and for every value as soon as it is decrypted. */
  readonly mask: (value: string) => void
  readonly warning: (message: string) => void
  readonly debug: (message: string) => void
  readonly now: () => number
  /**
   * The job's GitHub OIDC ID token for `audience` (GitHub's default when undefined), masked on
   * arrival. `reason` names the inputs that asked for it, for the error when the job may not
   * request one. `whileFetching` runs once the job is known to be allowed one, as the request
   * goes out (to open the connection the token is sent on next). Loaded only when a login method
   * calls it.
   */
  readonly idToken: (audience: string | undefined, reason: string, whileFetching?: () => void) => Promise<string>
}

export interface Provider<R = unknown> {
  readonly kind: ProviderKind
  /** Parses the `secrets` input in this provider's grammar (pure; throws InputError with the line). */
  parse(input: string): ParsedMapping<R>
  /** Logs in, fetches and decrypts everything asked for, or throws: never a partial result. */
  fetch(requests: readonly R[]): Promise<FetchResult>
}

/** What the post step gives a cleanup handler. */
export interface CleanupContext {
  readonly http: HttpClient
  /** Registers a mask for a secret the recorded data holds (a login's token). */
  readonly mask?: (value: string) => void
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
}

/** Undoes one recorded cleanup; a failure is reported by the caller as a warning. */
export type CleanupHandler = (data: Readonly<Record<string, string>>) => Promise<void>
