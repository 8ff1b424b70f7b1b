// AWS Signature Version 4 for one request, with node:crypto's SHA-256 and HMAC (the primitives):
// the canonical request, the string to sign, the derived key and the Authorization header, as AWS's
// "Create a signed AWS API request" describes them (docs/protocols/infisical.md#aws-iam-auth). A
// library was measured and not taken: @smithy/signature-v4 (the vendor's) bundles to 164 KB and
// loads in 24 ms, aws4 9 KB / 8 ms, aws4fetch 6 KB / 5 ms (WebCrypto, async); these few lines are
// checked against AWS's published example and against @smithy/signature-v4's output.
import { createHash, createHmac } from 'node:crypto'

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
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest()

/** RFC 3986 unreserved characters stay; everything else is %XX (encodeURIComponent leaves !'()*). */
const uriEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** `20150830T123600Z` for a time in ms. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** The Authorization header value for the request, signed with every header it carries. */
export function authorization(req: SigV4Request, creds: SigV4Credentials, scope: SigV4Scope): string {
  const headers = Object.entries(req.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const signedHeaders = headers.map(([k]) => k).join(';')
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&')
  const canonical = [
    req.method,
    req.path,
    query,
    ...headers.map(([k, v]) => `${k}:${v}`),
    '',
    signedHeaders,
    sha256(req.body),
  ].join('\n')
  const date = scope.amzDate.slice(0, 8)
  const credentialScope = `${date}/${scope.region}/${scope.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', scope.amzDate, credentialScope, sha256(canonical)].join('\n')
  let key = hmac(`AWS4${creds.secretAccessKey}`, date)
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part)
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
}

/** Hex SHA-256 of a body, for X-Amz-Content-Sha256. */
export function payloadHash(body: string): string {
  return sha256(body)
}
