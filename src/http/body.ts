// One request's answer, as both transports (node.ts, proxy.ts) produce it: the response type and
// the size-limited body reader they share.
import type { OutgoingHttpHeaders } from 'node:http'
import { ServerError } from '../errors.js'

/** What one exchange gives back, whichever transport carried it. */
export interface HttpResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly text: string
}

/**
 * One wing's own TLS settings, given per request (HttpRequest.tls) so that they apply to that
 * wing's requests only, never to the GitHub OIDC token service or another provider: Vault's
 * tlsSkipVerify, clientCertificate and clientKey. One object per run: transports keep one
 * connection pool per object.
 */
export interface ClientTls {
  /** Accept any server certificate (vault-action's tlsSkipVerify). */
  readonly insecure?: boolean
  /** Client certificate (PEM, leaf first) and its private key (PEM), presented when the server asks (mTLS). */
  readonly cert?: string
  readonly key?: string
}

export interface ExchangeOptions {
  readonly method: string
  readonly headers: OutgoingHttpHeaders
  readonly body?: string
  readonly signal: AbortSignal
  readonly maxBodyBytes: number
  /** For messages: method and path, never the query. */
  readonly where: string
  /** Extra trusted CA certificates (PEM, validated by inputs.ts), added to Node's default store. */
  readonly ca?: string
  readonly tls?: ClientTls
}

/** A body the connection cut short: a network failure like a reset connection (retried). */
const cutShort = (): Error =>
  Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' })

function tooLarge(opts: ExchangeOptions, status: number): ServerError {
  return new ServerError(`${opts.where}: response larger than ${opts.maxBodyBytes} bytes`, status)
}

/** A response body as both transports give it: a Node Readable of Buffers. */
export interface BodyStream {
  destroy(): void
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'end' | 'close', listener: () => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
  /** IncomingMessage only: false when the connection closed before the body was whole. */
  readonly complete?: boolean
}

/**
 * Reads a whole body, refusing more than the limit (the declared length first, then what arrives),
 * so a hostile server cannot exhaust memory; a connection cut mid-body is an ECONNRESET, retried.
 * By the stream's events rather than `for await`: its async iterator costs ~0.5 ms more on a run's
 * first answer under Node 24 (its machinery is loaded and compiled then), on every run's critical path.
 */
export function readLimited(
  body: BodyStream,
  declaredLength: unknown,
  status: number,
  opts: ExchangeOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (err: Error): void => {
      if (settled) return
      settled = true
      // A late stream error after destroy() must not become an uncaught exception.
      body.on('error', () => {})
      body.destroy()
      reject(err)
    }
    if (Number(declaredLength ?? 0) > opts.maxBodyBytes) return fail(tooLarge(opts, status))
    const chunks: Buffer[] = []
    let size = 0
    body.on('data', (chunk) => {
      size += chunk.length
      if (size > opts.maxBodyBytes) fail(tooLarge(opts, status))
      else chunks.push(chunk)
    })
    body.on('error', fail)
    body.on('end', () => {
      if (settled) return
      if (body.complete === false) return fail(cutShort())
      settled = true
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    // Closed without 'end' or 'error' (destroyed mid-body): the same as a reset connection. Every
    // answer closes once read: no error is made (a stack trace captured) for one that settled.
    body.on('close', () => settled || fail(cutShort()))
  })
}
