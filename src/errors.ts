// Error classes whose messages are safe to print: they are built from names, ids, line numbers,
// HTTP statuses and paths, never from secret values, tokens or keys.

/** Base class: every error the action raises on purpose. */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** The workflow's inputs are wrong: the message names the input and, where there is one, the line. */
export class InputError extends ActionError {}

/** A server answered, but not with what the protocol promises (or with an error status). */
export class ServerError extends ActionError {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Decryption or integrity failure: a MAC/tag mismatch, a bad key, an unsupported format. */
export class CryptoError extends ActionError {}

/** Names the line of the `secrets` input an error belongs to. */
export function atLine(line: number): string {
  return `secrets line ${line}`
}
