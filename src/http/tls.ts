// Private certificate authorities and what to say when a server's certificate is not trusted.
// Pure helpers plus one lazy builder: node:tls is imported only when a `ca_certificate` is given.
import { causeChain, ServerError } from '../errors.js'
import type { ClientTls } from './body.js'

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n\t ]+?)-----END CERTIFICATE-----/g

/**
 * The certificates of a PEM text, each as its own normalised block; undefined when the text is not
 * one or more `BEGIN CERTIFICATE` blocks (anything else between blocks, such as a private key or
 * stray text, is refused so a wrong paste is caught before any connection).
 */
export function parsePemCertificates(text: string): string[] | undefined {
  const blocks: string[] = []
  let rest = text
  for (const m of text.matchAll(PEM_BLOCK)) {
    const body = m[1]!.replace(/\s+/g, '')
    if (body.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return undefined
    blocks.push(
      `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----`,
    )
    rest = rest.replace(m[0], '')
  }
  // Comments like "# Corp root" or "subject=..." lines (openssl x509 -text output keeps them) are fine.
  if (blocks.length === 0 || /-----BEGIN|-----END/.test(rest)) return undefined
  return blocks
}

/** node:tls with the CA functions of Node ≥ 22.15 (getCACertificates) and ≥ 24.5 (setDefaultCACertificates). */
type NodeTls = typeof import('node:tls') & {
  getCACertificates?: (type: 'default' | 'system') => string[]
  setDefaultCACertificates?: (certs: string[]) => void
}

/** Whether the system store added a CA to Node's default store; undefined until it is read. */
let systemAdded: boolean | undefined

/**
 * Adds the operating system's trusted CAs to Node's default trust store, once per process, as
 * Bitwarden's action trusts them (its SDK's HTTP client verifies with rustls-platform-verifier, the
 * platform's store): a corporate CA installed on a self-hosted runner, or named by SSL_CERT_FILE /
 * SSL_CERT_DIR. Node reads 'system' as `--use-system-ca` does:
 * on Linux OpenSSL's default file and directory (SSL_CERT_FILE, else its default file; SSL_CERT_DIR,
 * else /etc/ssl/certs), on macOS the keychains' trust settings, on Windows the certificate stores.
 * Reading it costs 20–50 ms on Linux (every file of the directory parsed), so the direct transport
 * reads it only when a server's certificate is not trusted without it (retryWithSystemStore).
 * True when the store added a CA (now or on an earlier call). Node 20 has neither function: its
 * trust store stays Node's own (NODE_EXTRA_CA_CERTS, ca_certificate).
 */
export function trustSystemStore(): boolean {
  systemAdded ??= addSystemCertificates()
  return systemAdded
}

function addSystemCertificates(): boolean {
  const tls = process.getBuiltinModule('node:tls') as NodeTls
  if (typeof tls.getCACertificates !== 'function' || typeof tls.setDefaultCACertificates !== 'function') return false
  try {
    const defaults = tls.getCACertificates('default')
    const known = new Set(defaults)
    // The directory lists each CA under several names (hash links): one copy each.
    const added = [...new Set(tls.getCACertificates('system'))].filter((c) => !known.has(c))
    if (added.length === 0) return false
    tls.setDefaultCACertificates([...defaults, ...added])
    return true
  } catch {
    // An unreadable or unparsable system store adds nothing; Node's own store stays as it was.
    return false
  }
}

/** Codes by which a server's chain was not trusted: what a CA from the system store can fix. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
])

/**
 * Whether a failed exchange should be tried once more (once only): its server's chain was not
 * trusted and the system store (read now if it was not yet) added a CA. The handshake failed before
 * the request was written, so sending it again sends it once. Agents made before the store changed
 * must be rebuilt (an agent given `ca` keeps its own list).
 */
export function retryWithSystemStore(err: unknown): boolean {
  const code = certificateErrorCode(err)
  return code !== undefined && UNTRUSTED.has(code) && trustSystemStore()
}

/**
 * The trust store to use with a `ca_certificate`: Node's default CAs (bundled roots, the system's
 * (trustSystemStore: read here at once, as this store is built once per agent) and, when set,
 * NODE_EXTRA_CA_CERTS) plus the given ones. Giving `ca` to a TLS connection replaces the default
 * store, so the defaults are added back explicitly: the input adds trust, it never removes it.
 */
export async function trustStore(pem: string): Promise<string[]> {
  const extra = parsePemCertificates(pem) ?? []
  trustSystemStore()
  const tls = process.getBuiltinModule('node:tls') as NodeTls
  const getCa = tls.getCACertificates
  let defaults: string[]
  if (typeof getCa === 'function') {
    // Node ≥ 22.15: exactly what Node would trust by default, extra certificates included.
    defaults = getCa('default')
  } else {
    defaults = [...tls.rootCertificates]
    const file = process.env.NODE_EXTRA_CA_CERTS
    if (file) {
      try {
        const { readFileSync } = process.getBuiltinModule('node:fs')
        defaults.push(...(parsePemCertificates(readFileSync(file, 'utf8')) ?? []))
      } catch {
        // Node itself only warns when the file is unreadable; so do we (by not adding it).
      }
    }
  }
  return [...defaults, ...extra]
}

type AgentTls = { rejectUnauthorized?: false; cert?: string; key?: string }

/**
 * The proxy transport's agent options for a ClientTls. It has no retry after an untrusted
 * certificate (retryWithSystemStore), and a TLS-inspecting corporate proxy is the likeliest place
 * for a CA from the system store, so the store is read as its agent is made (a proxied run already
 * loads undici, ~50 ms); a run that makes no https request still never reads it.
 */
export function agentTls(tls: ClientTls | undefined): AgentTls {
  trustSystemStore()
  return clientTlsOptions(tls)
}

/** What a ClientTls changes in an https agent's options. */
export function clientTlsOptions(tls: ClientTls | undefined): AgentTls {
  if (tls === undefined) return {}
  return {
    ...(tls.insecure ? { rejectUnauthorized: false as const } : {}),
    ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
    ...(tls.key !== undefined ? { key: tls.key } : {}),
  }
}

/** Node's codes for a certificate that could not be verified or does not match the host. */
const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

/** The certificate error code in an error or its causes, if any. */
export function certificateErrorCode(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && CERT_CODES.has(code)) return code
  }
  return undefined
}

/** OpenSSL's codes for a TLS alert by which the server refuses our (missing) client certificate. */
const CLIENT_CERT_ALERT =
  /^ERR_SSL_(?:TLSV13|TLSV1|SSLV3)_ALERT_(?:CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/

function clientCertificateRefused(err: unknown, url: URL, where: string): ServerError | undefined {
  for (const e of causeChain(err)) {
    const code = (e as { code?: unknown }).code
    if (typeof code !== 'string' || !CLIENT_CERT_ALERT.test(code)) continue
    return new ServerError(
      `${where}: ${url.host} refused the TLS handshake (${code}): it wants a TLS client certificate it trusts (mutual TLS). For Vault, give 'clientCertificate' and 'clientKey' (base64 of the PEM certificate and of its key, as vault-action takes them).`,
      undefined,
      { cause: err },
    )
  }
  return undefined
}

/**
 * A certificate failure (the server's, or ours refused by the server) as one clear, non-retried
 * error naming the host and the fix; undefined for any other error. `where` is method and path
 * (never the query).
 */
export function certificateError(err: unknown, url: URL, where: string): ServerError | undefined {
  const code = certificateErrorCode(err)
  if (code === undefined) return clientCertificateRefused(err, url, where)
  const host = url.host
  const fix =
    "If the server uses a private or corporate certificate authority, give that CA's certificate (PEM) in the 'ca_certificate' input, or point NODE_EXTRA_CA_CERTS at a file holding it."
  let what: string
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      what = `the TLS certificate of ${host} has expired`
      break
    case 'CERT_NOT_YET_VALID':
      what = `the TLS certificate of ${host} is not valid yet (check the clocks)`
      break
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      what = `the TLS certificate of ${host} is not issued for that host name`
      break
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      what = `${host} presents a self-signed TLS certificate, which is not trusted`
      break
    default:
      what = `the TLS certificate of ${host} is not signed by a trusted certificate authority`
  }
  const serverSide =
    code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'ERR_TLS_CERT_ALTNAME_INVALID'
  const hint = serverSide
    ? `The server's certificate must be fixed ('ca_certificate' only adds trusted authorities). ${fix}`
    : fix
  return new ServerError(`${where}: ${what} (${code}). ${hint}`, undefined, { cause: err })
}
