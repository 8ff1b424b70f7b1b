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

/** "Input 'secrets', line N": how every message about one line of the mapping begins. */
export function secretsLine(line: number): string {
  return `Input 'secrets', line ${line}`
}

/** An error and its causes (`cause` chains: where Node and undici put their codes), at most `depth`. */
export function* causeChain(err: unknown, depth = 5): Generator<object> {
  let e: unknown = err
  for (let i = 0; i < depth && e !== null && typeof e === 'object'; i++) {
    yield e
    e = (e as { cause?: unknown }).cause
  }
}
