// `extra-headers` (Infisical/secrets-action): one `Name: value` per line, sent on the login and on
// every read. As the vendor reads it: blank lines skipped, the name lower-cased, name and value
// trimmed, a repeated name's values joined with ", " (docs/protocols/infisical.md#extra-headers).
// Unlike the vendor, a line without ':' (which crashes it) or a header Node could not send is an
// error naming the input and the line, never quoting it: a header value is often a credential.
import { InputError } from '../errors.js'
import { checkHeadersTotal, headerValueProblem } from '../input-readers.js'

/** RFC 9110 token characters: what a header name may hold. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/
/** Names the HTTP client sets itself (framing, routing): another value would break the request. */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'keep-alive', 'te'])

const where = (line: number): string => `Input 'extra-headers', line ${line}`

/** The headers, or undefined when the input holds none. */
export function parseExtraHeaders(text: string): Readonly<Record<string, string>> | undefined {
  // No prototype: '__proto__' is a header name like any other.
  const headers = Object.create(null) as Record<string, string>
  let any = false
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    const colon = line.indexOf(':')
    if (colon < 0) throw new InputError(`${where(i + 1)}: expected 'Name: value' (no ':' found).`)
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (!TOKEN.test(name))
      throw new InputError(`${where(i + 1)}: the header name before ':' is empty or not a valid HTTP header name.`)
    if (RESERVED.has(name))
      throw new InputError(`${where(i + 1)}: '${name}' is set by the HTTP client itself and cannot be given.`)
    const problem = headerValueProblem(value)
    if (problem !== undefined) throw new InputError(`${where(i + 1)}: the value of '${name}' ${problem}.`)
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value
    any = true
  })
  checkHeadersTotal(headers, 'extra-headers')
  return any ? Object.freeze(headers) : undefined
}
