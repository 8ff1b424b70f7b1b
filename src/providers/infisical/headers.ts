// `extra-headers` on every request the wing sends (the logins, the reads, the revocation), as
// Infisical/secrets-action sets them on its client (docs/protocols/infisical.md#extra-headers): the
// request's own headers (authorization, content-type, accept) win over an extra one of the same name.
import type { HttpClient } from '../../http/client.js'

export function withExtraHeaders(http: HttpClient, extra: Readonly<Record<string, string>> | undefined): HttpClient {
  if (extra === undefined) return http
  return { send: (req) => http.send({ ...req, headers: { ...extra, ...req.headers } }), preconnect: http.preconnect }
}
