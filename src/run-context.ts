// What a run gives a wing, the same for the read and the write action: log lines scrubbed of every
// secret learnt, one HTTP client bounded by the run's `timeout`, masks, and the GitHub OIDC ID token
// (loaded only when a login asks for it, masked on arrival).
import { createHttpClient } from './http/client.js'
import type { ProviderContext } from './providers/provider.js'
import type { Masks } from './runner/masking.js'

export interface Log {
  readonly info: (message: string) => void
  readonly warning: (message: string) => void
  readonly debug: (message: string) => void
}

/** The same sinks, each line scrubbed first. */
export function scrubbedLog(log: Log, masks: Masks): Log {
  return {
    info: (message) => log.info(masks.scrub(message)),
    warning: (message) => log.warning(masks.scrub(message)),
    debug: (message) => log.debug(masks.scrub(message)),
  }
}

export interface RunOptions {
  readonly timeoutSeconds: number
  readonly caCertificate?: string
  readonly userAgent: string
  /** Where ACTIONS_ID_TOKEN_REQUEST_* are read; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
}

export function providerContext(run: RunOptions, masks: Masks, log: Log): ProviderContext {
  const http = createHttpClient({
    timeoutMs: Math.min(30_000, run.timeoutSeconds * 1000),
    deadlineMs: run.timeoutSeconds * 1000,
    userAgent: run.userAgent,
    ca: run.caCertificate,
    debug: log.debug,
  })
  return {
    http,
    mask: masks.mask,
    warning: log.warning,
    debug: log.debug,
    now: Date.now,
    async idToken(audience, reason, whileFetching) {
      const { fetchIdToken } = await import('./github/oidc.js')
      const token = await fetchIdToken(http, audience, reason, run.env, whileFetching)
      masks.mask(token)
      return token
    },
  }
}
