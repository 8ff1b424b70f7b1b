// A HashiCorp Vault (and OpenBao) look-alike for tests, on 127.0.0.1 and an ephemeral port:
// KV v1 and v2 mounts, namespaces (X-Vault-Namespace and path prefixes), ACL policies, a token
// store with TTL, num_uses counted down on every authenticated request (failed ones and
// lookup-self included; the token is revoked when its last use is spent), child tokens,
// revoke-self / revoke / revoke-accessor, error bodies `{"errors":[…]}\n`, a request log and a
// fault hook. Protocol: docs/protocols/vault.md#tokens through #retries-and-timeouts.
import { randomBytes, randomUUID, X509Certificate } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { TLSSocket } from 'node:tls'
import { closeServer, listenOnLoopback, type FaultAction } from './loopback.js'
import { checkLogin, type AuthMount } from './vault-auth.js'

export type { AuthMount, JwtRole } from './vault-auth.js'

// A `truncateAfter` fault serves the real reply, so it spends a use like any handled request.
export type { FaultAction }

export interface VaultServerOptions {
  /** Clock in ms since the epoch; drives token expiry. */
  now?: () => number
  /** Called first for every request (before the token check: a fault spends no use); `attempt` counts method+path. */
  onRequest?: (req: { method: string; path: string; attempt: number }) => FaultAction | undefined
  /**
   * HTTPS with this key and certificate (PEM). `clientCa`: ask for a client certificate signed by
   * it (Vault's cert auth reads it); `requireClientCert`: refuse the handshake without one
   * (Vault's listener `tls_require_and_verify_client_cert`).
   */
  tls?: { key: string; cert: string; clientCa?: string; requireClientCert?: boolean }
}

export interface RequestLogEntry {
  method: string
  /** Path without the query string, e.g. `/v1/secret/data/ci`. */
  path: string
  query: string
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** Over HTTPS: the SHA-256 fingerprint of the client certificate the connection presented. */
  clientCert?: string
}

export interface TokenOptions {
  policies?: string[]
  /** Seconds; 0 or absent = never expires (like root). */
  ttl?: number
  /** 0 or absent = unlimited. */
  numUses?: number
  namespace?: string
  /** Caller-chosen id (dev-server style, no prefix). */
  id?: string
  type?: 'service' | 'batch'
  /** Legacy `s.` / `b.` prefixes (Vault ≤ 1.9, OpenBao). */
  legacy?: boolean
}

export interface TokenEntry {
  id: string
  accessor: string
  policies: string[]
  namespace: string
  /** Remaining uses; 0 = unlimited; -1 = last use spent, revocation pending. */
  numUses: number
  creationTime: number
  /** ms since the epoch, or undefined for non-expiring tokens. */
  expiresAt?: number
  creationTtl: number
  parent?: string
  type: 'service' | 'batch'
  revoked: boolean
  displayName: string
  path: string
}

/** path glob (trailing `*` = prefix) → capabilities. */
export type Policy = Record<string, Array<'read' | 'create' | 'update' | 'delete' | 'list' | 'sudo' | 'deny'>>

export interface VaultServer {
  url: string
  requests: RequestLogEntry[]
  resetLog(): void
  close(): Promise<void>
  addNamespace(path: string): void
  mountKv(mount: string, version: 1 | 2, namespace?: string): void
  /** Writes a secret; for KV v2 a new version, whose number is returned. */
  writeSecret(mount: string, path: string, data: Record<string, unknown>, namespace?: string): number
  /** What a KV path holds now (KV v2: its latest version and number), for tests to read back a write. */
  readSecretData(
    mount: string,
    path: string,
    namespace?: string,
  ): { data: Record<string, unknown>; version: number } | undefined
  /** KV v2: soft-delete a version (reads answer 404 with `data: null`). */
  deleteVersion(mount: string, path: string, version: number, namespace?: string): void
  setPolicy(name: string, policy: Policy, namespace?: string): void
  createToken(opts?: TokenOptions): string
  token(id: string): TokenEntry | undefined
  /** Every token ever issued (children included). */
  tokens(): TokenEntry[]
  /** Enables an auth method at auth/{mount} (tokens it issues: orphans, `default` + the role's policies, `ttl` s). */
  enableAuth(mount: string, config: AuthMount, opts?: { namespace?: string; ttl?: number }): void
  /**
   * A PKI secrets engine at `mount`: POST {mount}/issue/{role} issues a certificate for
   * `common_name` signed by `ca` (test/harness/tls-ca.ts: openssl), with a new key.
   */
  mountPki(mount: string, config: PkiMount, namespace?: string): void
}

export interface PkiMount {
  ca: { caPem: string; issue(names: readonly string[]): { key: string; cert: string } }
  /** Role name → the domains its common names must be (or end with, after a '.'); none: any. */
  roles: Record<string, { allowedDomains?: string[] }>
}

interface KvMount {
  version: 1 | 2
  v1: Map<string, Record<string, unknown>>
  v2: Map<string, Array<{ data: Record<string, unknown>; created: number; deleted: boolean }>>
}

interface Reply {
  status: number
  json?: unknown
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function base62(n: number): string {
  return [...randomBytes(n)].map((b) => BASE62[b % 62]).join('')
}

function errors(status: number, ...messages: string[]): Reply {
  return { status, json: { errors: messages } }
}

function parseTtl(v: unknown): number | undefined {
  if (typeof v === 'number') return v
  if (typeof v !== 'string') return undefined
  const m = /^(\d+)([smh]?)$/.exec(v)
  if (!m) return undefined
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2]!]!
}

class Server implements VaultServer {
  url = ''
  requests: RequestLogEntry[] = []
  private readonly now: () => number
  private readonly http: http.Server
  private readonly attempts = new Map<string, number>()
  private readonly namespaces = new Set<string>([''])
  private readonly mounts = new Map<string, KvMount>() // key: ns + '\0' + mount
  private readonly policies = new Map<string, Policy>() // key: ns + '\0' + name
  private readonly store = new Map<string, TokenEntry>()
  private readonly nsIds = new Map<string, string>([['', '']])
  private readonly auths = new Map<string, { config: AuthMount; ttl: number }>() // key: ns + '\0' + mount
  private readonly pkis = new Map<string, PkiMount>() // key: ns + '\0' + mount

  constructor(private readonly opts: VaultServerOptions) {
    this.now = opts.now ?? Date.now
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this.serve(req, res).catch((error: unknown) => {
        console.error('vault test server:', error)
        if (!res.headersSent) res.writeHead(500).end()
      })
    }
    const tls = opts.tls
    this.http = tls
      ? (https.createServer(
          {
            key: tls.key,
            cert: tls.cert,
            ...(tls.clientCa !== undefined
              ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: tls.requireClientCert ?? false }
              : {}),
          },
          handler,
        ) as unknown as http.Server)
      : http.createServer(handler)
  }

  async listen(): Promise<void> {
    const port = await listenOnLoopback(this.http, 'vault test server')
    this.url = `${this.opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  }

  close(): Promise<void> {
    return closeServer(this.http)
  }

  resetLog(): void {
    this.requests.length = 0
    this.attempts.clear()
  }

  addNamespace(path: string): void {
    const p = path.replace(/^\/+|\/+$/g, '')
    this.namespaces.add(p)
    this.nsIds.set(p, base62(5))
  }

  private mount(ns: string, mount: string): KvMount | undefined {
    return this.mounts.get(`${ns}\0${mount}`)
  }

  mountKv(mount: string, version: 1 | 2, namespace = ''): void {
    this.mounts.set(`${namespace}\0${mount.replace(/\/+$/, '')}`, { version, v1: new Map(), v2: new Map() })
  }

  writeSecret(mount: string, path: string, data: Record<string, unknown>, namespace = ''): number {
    const m = this.mount(namespace, mount)
    if (!m) throw new Error(`no mount ${mount}`)
    if (m.version === 1) {
      m.v1.set(path, data)
      return 0
    }
    const versions = m.v2.get(path) ?? []
    versions.push({ data, created: this.now(), deleted: false })
    m.v2.set(path, versions)
    return versions.length
  }

  readSecretData(
    mount: string,
    path: string,
    namespace = '',
  ): { data: Record<string, unknown>; version: number } | undefined {
    const m = this.mount(namespace, mount)
    if (!m) return undefined
    if (m.version === 1) {
      const data = m.v1.get(path)
      return data && { data, version: 0 }
    }
    const versions = m.v2.get(path)
    const last = versions?.[versions.length - 1]
    return last && { data: last.data, version: versions!.length }
  }

  deleteVersion(mount: string, path: string, version: number, namespace = ''): void {
    const v = this.mount(namespace, mount)?.v2.get(path)?.[version - 1]
    if (!v) throw new Error('no such version')
    v.deleted = true
  }

  setPolicy(name: string, policy: Policy, namespace = ''): void {
    this.policies.set(`${namespace}\0${name}`, policy)
  }

  createToken(opts: TokenOptions = {}): string {
    return this.issue({ ...opts, policies: opts.policies ?? ['default'] }).id
  }

  private issue(opts: TokenOptions & { parent?: string; policies: string[] }): TokenEntry {
    const ns = opts.namespace ?? ''
    const type = opts.type ?? 'service'
    const suffix = ns === '' ? '' : `.${this.nsIds.get(ns) ?? 'ns'}`
    const id =
      opts.id ??
      (type === 'batch'
        ? `${opts.legacy ? 'b.' : 'hvb.'}${base62(opts.legacy ? 60 : 130)}${suffix}`
        : `${opts.legacy ? 's.' : 'hvs.'}${base62(opts.legacy ? 24 : 91)}${suffix}`)
    const ttl = opts.ttl ?? 0
    const entry: TokenEntry = {
      id,
      accessor: base62(24),
      policies: opts.policies,
      namespace: ns,
      numUses: opts.numUses ?? 0,
      creationTime: this.now(),
      expiresAt: ttl > 0 ? this.now() + ttl * 1000 : undefined,
      creationTtl: ttl,
      parent: opts.parent,
      type,
      revoked: false,
      displayName: opts.parent ? 'token-child' : 'token',
      path: 'auth/token/create',
    }
    this.store.set(id, entry)
    return entry
  }

  enableAuth(mount: string, config: AuthMount, opts: { namespace?: string; ttl?: number } = {}): void {
    this.auths.set(`${opts.namespace ?? ''}\0${mount.replace(/^\/+|\/+$/g, '')}`, { config, ttl: opts.ttl ?? 3600 })
  }

  mountPki(mount: string, config: PkiMount, namespace = ''): void {
    this.pkis.set(`${namespace}\0${mount.replace(/^\/+|\/+$/g, '')}`, config)
  }

  /** POST {mount}/issue/{role}, as Vault's PKI engine answers it; undefined when no PKI mount is there. */
  private pkiIssue(ns: string, rel: string, body: string): Reply | undefined {
    const m = /^(.+)\/issue\/([^/]+)$/.exec(rel)
    const pki = m ? this.pkis.get(`${ns}\0${m[1]}`) : undefined
    if (!m || !pki) return undefined
    const role = pki.roles[m[2]!]
    if (!role) return errors(400, `unknown role: ${m[2]}`)
    let b: { common_name?: unknown }
    try {
      b = body === '' ? {} : (JSON.parse(body) as typeof b)
    } catch {
      return errors(400, 'failed to parse JSON input')
    }
    const cn = b.common_name
    if (typeof cn !== 'string' || cn === '')
      return errors(
        400,
        'the common_name field is required, or must be provided in a CSR with "use_csr_common_name" set to true, unless "require_cn" is set to false',
      )
    const allowed = role.allowedDomains
    if (allowed && !allowed.some((d) => cn === d || cn.endsWith(`.${d}`)))
      return errors(400, `common name ${cn} not allowed by this role`)
    const { key, cert } = pki.ca.issue([cn])
    const x509 = new X509Certificate(cert)
    const ca = pki.ca.caPem.trim()
    return {
      status: 200,
      json: {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: {
          certificate: cert.trim(),
          expiration: Math.floor(Date.parse(x509.validTo) / 1000),
          issuing_ca: ca,
          ca_chain: [ca],
          private_key: key.trim(),
          private_key_type: 'ec',
          serial_number: x509.serialNumber.toLowerCase().match(/../g)!.join(':'),
        },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    }
  }

  /** POST auth/{mount}/login[/{user}]: unauthenticated; undefined when no auth method is mounted there. */
  private login(ns: string, rel: string, body: string, socket: http.IncomingMessage['socket']): Reply | undefined {
    const m = /^auth\/(.+?)\/login(\/[^/]+)?$/.exec(rel)
    if (!m) return undefined
    const auth = this.auths.get(`${ns}\0${m[1]}`)
    if (!auth) return undefined
    let parsed: unknown
    try {
      parsed = body === '' ? {} : JSON.parse(body)
    } catch {
      return errors(400, 'failed to parse JSON input')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return errors(400, 'failed to parse JSON input')
    const secure = 'encrypted' in socket && (socket as TLSSocket).encrypted
    const peer = secure ? (socket as TLSSocket).getPeerX509Certificate() : undefined
    const outcome = checkLogin(auth.config, m[2] ?? '', parsed as Record<string, unknown>, this.now(), {
      tls: secure,
      cert: peer,
    })
    if (!outcome.ok) return errors(outcome.status, outcome.error)
    const policies = ['default', ...outcome.policies.filter((p) => p !== 'default')]
    const entry = this.issue({ policies, ttl: auth.ttl, namespace: ns })
    entry.path = rel
    entry.displayName = `${m[1]}-${outcome.metadata.role ?? outcome.metadata.username ?? ''}`.replace(/-$/, '')
    return {
      status: 200,
      json: {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: null,
        wrap_info: null,
        warnings: null,
        auth: {
          client_token: entry.id,
          accessor: entry.accessor,
          policies,
          token_policies: policies,
          metadata: outcome.metadata,
          lease_duration: auth.ttl,
          renewable: true,
          entity_id: randomUUID(),
          token_type: 'service',
          orphan: true,
          num_uses: 0,
        },
      },
    }
  }

  token(id: string): TokenEntry | undefined {
    return this.store.get(id)
  }

  tokens(): TokenEntry[] {
    return [...this.store.values()]
  }

  private revoke(entry: TokenEntry): void {
    entry.revoked = true
    for (const child of this.store.values()) if (child.parent === entry.id && !child.revoked) this.revoke(child)
  }

  private live(id: string | undefined): TokenEntry | undefined {
    const t = id === undefined ? undefined : this.store.get(id)
    if (!t || t.revoked) return undefined
    if (t.expiresAt !== undefined && this.now() >= t.expiresAt) return undefined
    return t
  }

  /** The token's capabilities on a path (the longest matching glob wins), as sys/capabilities-self reports them. */
  private capsOf(t: TokenEntry, ns: string, path: string): string[] {
    if (t.policies.includes('root')) return ['root']
    let best: { len: number; caps: string[] } | undefined
    for (const name of t.policies) {
      const policy = this.policies.get(`${t.namespace}\0${name}`)
      if (!policy) continue
      for (const [glob, caps] of Object.entries(policy)) {
        // Policies of a parent namespace see child-namespace paths with the namespace prefix.
        const rel = t.namespace === ns ? path : `${ns.slice(t.namespace === '' ? 0 : t.namespace.length + 1)}/${path}`
        const match = glob.endsWith('*') ? rel.startsWith(glob.slice(0, -1)) : rel === glob
        if (match && (!best || glob.length > best.len)) best = { len: glob.length, caps }
      }
    }
    if (!best || best.caps.includes('deny')) return ['deny']
    return [...best.caps].sort()
  }

  private allowed(t: TokenEntry, ns: string, path: string, cap: 'read' | 'create' | 'update' | 'list'): boolean {
    // Vault's default policy (abridged).
    if (['auth/token/lookup-self', 'auth/token/revoke-self', 'auth/token/renew-self'].includes(path)) return true
    const caps = this.capsOf(t, ns, path)
    return caps.includes('root') || caps.includes(cap) || caps.includes('sudo')
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = parsed.pathname
    let body = ''
    const socket = req.socket as TLSSocket
    const clientCert = socket.encrypted ? socket.getPeerX509Certificate()?.fingerprint256 : undefined
    const log = (status: number): void =>
      void this.requests.push({ method, path, status, query: parsed.search, headers: req.headers, body, clientCert })
    const key = `${method} ${path}`
    const attempt = (this.attempts.get(key) ?? 0) + 1
    this.attempts.set(key, attempt)
    const fault = this.opts.onRequest?.({ method, path, attempt })
    if (fault && 'destroy' in fault) {
      log(0)
      req.socket.destroy()
      return
    }
    if (fault && 'delayMs' in fault) {
      await new Promise((r) => setTimeout(r, fault.delayMs))
      // The client gave up (a timeout): drop the request unlogged, so a later test's log stays its own.
      if (req.socket.destroyed) return
    }
    body = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      req.on('error', reject)
    })
    if (fault && 'status' in fault) {
      log(fault.status)
      res.writeHead(fault.status, fault.headers ?? {})
      res.end(fault.body ?? '')
      return
    }
    const reply = this.handle(req, method, path, parsed.searchParams, body)
    log(reply.status)
    if (reply.json === undefined) {
      res.writeHead(reply.status).end()
      return
    }
    // Vault's JSON encoder appends a newline (RespondError).
    const text = `${JSON.stringify(reply.json)}\n`
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    if (fault && 'truncateAfter' in fault) {
      res.write(Buffer.from(text).subarray(0, fault.truncateAfter), () => res.socket?.destroy())
      return
    }
    res.end(text)
  }

  private handle(req: http.IncomingMessage, method: string, path: string, query: URLSearchParams, body: string): Reply {
    if (!path.startsWith('/v1/')) return errors(404)
    if (path.includes('//')) return { status: 301 } // Vault's mux cleans paths with a redirect
    const header = String(req.headers['x-vault-namespace'] ?? '').replace(/^\/+|\/+$/g, '')
    const full = (header === '' ? '' : `${header}/`) + path.slice(4)
    let ns = ''
    for (const candidate of this.namespaces) {
      if (candidate !== '' && full.startsWith(`${candidate}/`) && candidate.length > ns.length) ns = candidate
    }
    if (header !== '' && !this.namespaces.has(header))
      return errors(404, `no handler for route "${path.slice(4)}". route entry not found.`)
    const rel = ns === '' ? full : full.slice(ns.length + 1)
    if (method === 'POST' && rel.startsWith('auth/') && !rel.startsWith('auth/token/')) {
      const reply = this.login(ns, rel, body, req.socket)
      if (reply) return reply
    }

    const auth = req.headers.authorization
    const id =
      (req.headers['x-vault-token'] as string | undefined) ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)
    const token = this.live(id)
    // A token is valid only in its own namespace and those below it.
    if (!token || !(token.namespace === '' || ns === token.namespace || ns.startsWith(`${token.namespace}/`))) {
      return errors(403, 'permission denied')
    }
    // Every authenticated request spends a use, whatever its outcome (request_handling.go).
    if (token.numUses > 0) {
      token.numUses = token.numUses === 1 ? -1 : token.numUses - 1
    }
    try {
      return this.route(token, ns, method, rel, query, body)
    } finally {
      if (token.numUses === -1) this.revoke(token)
    }
  }

  private route(
    token: TokenEntry,
    ns: string,
    method: string,
    rel: string,
    query: URLSearchParams,
    body: string,
  ): Reply {
    if (rel === 'auth/token/lookup-self' && method === 'GET') return this.lookupSelf(token)
    if (rel === 'auth/token/create' && method === 'POST') return this.createChild(token, ns, body)
    if (rel === 'auth/token/revoke-self' && method === 'POST') {
      if (token.type === 'batch') return errors(400, 'batch tokens cannot be revoked')
      this.revoke(token)
      return { status: 204 }
    }
    if ((rel === 'auth/token/revoke-accessor' || rel === 'auth/token/revoke') && method === 'POST') {
      if (!this.allowed(token, ns, rel, 'update')) return errors(403, 'permission denied')
      let target: TokenEntry | undefined
      try {
        const b = JSON.parse(body) as { accessor?: string; token?: string }
        target = rel.endsWith('accessor')
          ? [...this.store.values()].find((t) => t.accessor === b.accessor)
          : b.token === undefined
            ? undefined
            : this.store.get(b.token)
      } catch {
        return errors(400, 'failed to parse JSON input')
      }
      if (!target) return errors(400, 'invalid accessor')
      this.revoke(target)
      return { status: 204 }
    }
    // LIST, or GET with ?list=true (the same operation to Vault); the path gets a trailing '/', as
    // Vault's handler adds one, and the ACL checks 'list' on that path.
    if (method === 'LIST' || (method === 'GET' && query.get('list') === 'true')) {
      const folder = rel.endsWith('/') ? rel : `${rel}/`
      if (!this.allowed(token, ns, folder, 'list')) return errors(403, 'permission denied')
      return this.list(ns, folder)
    }
    if (method === 'POST' && /\/issue\/[^/]+$/.test(rel)) {
      if (!this.allowed(token, ns, rel, 'update')) return errors(403, 'permission denied')
      const issued = this.pkiIssue(ns, rel, body)
      if (issued) return issued
    }
    // The default policy lets every token ask for its own capabilities.
    if (rel === 'sys/capabilities-self' && (method === 'POST' || method === 'PUT')) {
      return this.capabilitiesSelf(token, ns, body)
    }
    if (rel.startsWith('sys/internal/ui/mounts/') && method === 'GET') {
      return this.uiMount(token, ns, rel.slice('sys/internal/ui/mounts/'.length))
    }
    if (method === 'POST' || method === 'PUT') return this.write(token, ns, rel, body)
    if (method !== 'GET') return errors(405, 'unsupported operation')
    const pathNoQuery = rel
    if (!this.allowed(token, ns, pathNoQuery, 'read')) return errors(403, 'permission denied')
    return this.read(ns, rel, query)
  }

  private lookupSelf(t: TokenEntry): Reply {
    const ttl = t.expiresAt === undefined ? 0 : Math.max(0, Math.floor((t.expiresAt - this.now()) / 1000))
    return {
      status: 200,
      json: {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: {
          accessor: t.accessor,
          creation_time: Math.floor(t.creationTime / 1000),
          creation_ttl: t.creationTtl,
          display_name: t.displayName,
          entity_id: '',
          expire_time: t.expiresAt === undefined ? null : new Date(t.expiresAt).toISOString(),
          explicit_max_ttl: 0,
          id: t.id,
          issue_time: new Date(t.creationTime).toISOString(),
          meta: null,
          num_uses: t.numUses,
          orphan: t.parent === undefined,
          path: t.path,
          policies: t.policies,
          renewable: t.expiresAt !== undefined,
          ttl,
          type: t.type,
          namespace_path: t.namespace === '' ? '' : `${t.namespace}/`,
        },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    }
  }

  private createChild(parent: TokenEntry, ns: string, body: string): Reply {
    if (!this.allowed(parent, ns, 'auth/token/create', 'update')) return errors(403, 'permission denied')
    if (parent.type === 'batch') return errors(400, 'batch tokens cannot create more tokens')
    if (parent.numUses !== 0) return errors(400, 'token with limited use count cannot create child tokens')
    let b: { ttl?: unknown; num_uses?: unknown; policies?: unknown; no_parent?: unknown; display_name?: unknown }
    try {
      b = body === '' ? {} : (JSON.parse(body) as typeof b)
    } catch {
      return errors(400, 'failed to parse JSON input')
    }
    const ttl = b.ttl === undefined ? 0 : parseTtl(b.ttl)
    if (ttl === undefined) return errors(400, 'invalid ttl')
    const numUses = b.num_uses === undefined ? 0 : Number(b.num_uses)
    if (!Number.isInteger(numUses) || numUses < 0) return errors(400, 'number of uses cannot be negative')
    const policies = Array.isArray(b.policies) ? (b.policies as string[]) : parent.policies
    if (!parent.policies.includes('root') && policies.some((p) => p !== 'default' && !parent.policies.includes(p))) {
      return errors(400, 'child policies must be subset of parent')
    }
    const child = this.issue({
      policies,
      ttl,
      numUses,
      namespace: parent.namespace,
      parent: b.no_parent === true ? undefined : parent.id,
    })
    return {
      status: 200,
      json: {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: null,
        wrap_info: null,
        warnings: null,
        auth: {
          client_token: child.id,
          accessor: child.accessor,
          policies: child.policies,
          token_policies: child.policies,
          metadata: null,
          lease_duration: ttl,
          renewable: ttl > 0,
          entity_id: '',
          token_type: 'service',
          orphan: child.parent === undefined,
          num_uses: numUses,
        },
      },
    }
  }

  /**
   * KV v1 `LIST <mount>/<folder>/`, KV v2 `LIST <mount>/metadata/<folder>/`: the names directly
   * below, sub-folders with a trailing '/', sorted; 404 `{"errors":[]}` when there are none. KV v2
   * lists every secret with metadata, those whose current version is deleted too.
   */
  private list(ns: string, folder: string): Reply {
    const segments = folder.split('/')
    for (let i = segments.length - 1; i >= 1; i--) {
      const m = this.mount(ns, segments.slice(0, i).join('/'))
      if (!m) continue
      let rest = segments.slice(i).join('/')
      if (m.version === 2) {
        if (!rest.startsWith('metadata/')) return errors(405, 'unsupported operation')
        rest = rest.slice('metadata/'.length)
      }
      const names = m.version === 1 ? [...m.v1.keys()] : [...m.v2.keys()]
      const keys = new Set<string>()
      for (const name of names) {
        if (!name.startsWith(rest)) continue
        const below = name.slice(rest.length)
        const slash = below.indexOf('/')
        keys.add(slash < 0 ? below : below.slice(0, slash + 1))
      }
      if (keys.size === 0) return errors(404)
      return {
        status: 200,
        json: {
          request_id: randomUUID(),
          lease_id: '',
          renewable: false,
          lease_duration: 0,
          data: { keys: [...keys].sort() },
          wrap_info: null,
          warnings: null,
          auth: null,
        },
      }
    }
    return errors(404, `no handler for route "${folder}". route entry not found.`)
  }

  /** POST sys/capabilities-self {paths}: each path → the token's capabilities (and `capabilities` for a single path). */
  private capabilitiesSelf(token: TokenEntry, ns: string, body: string): Reply {
    let paths: unknown
    try {
      const b = JSON.parse(body) as { paths?: unknown; path?: unknown }
      paths = b.paths ?? b.path
    } catch {
      return errors(400, 'failed to parse JSON input')
    }
    const list = typeof paths === 'string' ? [paths] : paths
    if (!Array.isArray(list) || list.length === 0 || !list.every((p) => typeof p === 'string')) {
      return errors(400, "missing required 'path' parameter")
    }
    const data: Record<string, string[]> = {}
    for (const p of list as string[]) data[p] = this.capsOf(token, ns, p)
    const all = [...new Set(Object.values(data).flat())].sort()
    return {
      status: 200,
      json: { ...data, capabilities: all, request_id: randomUUID(), data: { ...data, capabilities: all } },
    }
  }

  /** GET sys/internal/ui/mounts/<path>: the mount a path is on, and its KV version (what `vault kv put` asks first). */
  private uiMount(token: TokenEntry, ns: string, path: string): Reply {
    const segments = path.split('/')
    for (let i = segments.length - 1; i >= 1; i--) {
      const mountPath = segments.slice(0, i).join('/')
      const m = this.mount(ns, mountPath)
      if (!m) continue
      if (this.capsOf(token, ns, path).includes('deny') && !token.policies.includes('root')) break
      return {
        status: 200,
        json: {
          request_id: randomUUID(),
          data: { path: `${mountPath}/`, type: 'kv', options: { version: String(m.version) }, description: '' },
        },
      }
    }
    return errors(
      403,
      `preflight capability check returned 403, please ensure client's policies grant access to path "${path}/"`,
    )
  }

  /**
   * POST/PUT on a KV path (docs/protocols/vault.md#writing). KV v1: the body is the whole secret
   * (204). KV v2: `{data, options: {cas}}` under `<mount>/data/`; a `cas` other than the current
   * version (0: none yet) is 400 "check-and-set parameter did not match the current version".
   * 'create' is needed where nothing exists yet, else 'update' (the existence check).
   */
  private write(token: TokenEntry, ns: string, rel: string, body: string): Reply {
    const segments = rel.split('/')
    for (let i = segments.length - 1; i >= 1; i--) {
      const m = this.mount(ns, segments.slice(0, i).join('/'))
      if (!m) continue
      const rest = segments.slice(i).join('/')
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        return errors(400, 'failed to parse JSON input')
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return errors(400, 'failed to parse JSON input')
      const input = parsed as Record<string, unknown>
      if (m.version === 1) {
        const cap = m.v1.has(rest) ? 'update' : 'create'
        if (!this.allowed(token, ns, rel, cap)) return errors(403, 'permission denied')
        m.v1.set(rest, input)
        return { status: 204 }
      }
      if (!rest.startsWith('data/')) return errors(405, 'unsupported operation')
      const key = rest.slice(5)
      const versions = m.v2.get(key) ?? []
      if (!this.allowed(token, ns, rel, versions.length > 0 ? 'update' : 'create'))
        return errors(403, 'permission denied')
      const data = input.data
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return errors(400, 'no data provided')
      const options = input.options as { cas?: unknown } | undefined
      if (options?.cas !== undefined && Number(options.cas) !== versions.length) {
        return errors(400, 'check-and-set parameter did not match the current version')
      }
      versions.push({ data: data as Record<string, unknown>, created: this.now(), deleted: false })
      m.v2.set(key, versions)
      return {
        status: 200,
        json: {
          request_id: randomUUID(),
          data: {
            created_time: new Date(this.now()).toISOString(),
            custom_metadata: null,
            deletion_time: '',
            destroyed: false,
            version: versions.length,
          },
        },
      }
    }
    return errors(404, `no handler for route "${rel}". route entry not found.`)
  }

  private read(ns: string, rel: string, query: URLSearchParams): Reply {
    const segments = rel.split('/')
    for (let i = segments.length - 1; i >= 1; i--) {
      const mountPath = segments.slice(0, i).join('/')
      const m = this.mount(ns, mountPath)
      if (!m) continue
      const rest = segments.slice(i).join('/')
      if (m.version === 1) {
        const data = m.v1.get(rest)
        if (!data) return errors(404)
        return {
          status: 200,
          json: {
            request_id: randomUUID(),
            lease_id: '',
            renewable: false,
            lease_duration: 2764800,
            data,
            wrap_info: null,
            warnings: null,
            auth: null,
          },
        }
      }
      if (!rest.startsWith('data/')) {
        return {
          status: 404,
          json: {
            errors: [],
            warnings: [
              `Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.`,
            ],
          },
        }
      }
      const versions = m.v2.get(rest.slice(5))
      if (!versions) return errors(404)
      const wanted = query.get('version')
      const n = wanted === null || wanted === '0' ? versions.length : Number(wanted)
      const v = versions[n - 1]
      if (!v) return errors(404)
      const metadata = {
        created_time: new Date(v.created).toISOString(),
        custom_metadata: null,
        deletion_time: v.deleted ? new Date(v.created).toISOString() : '',
        destroyed: false,
        version: n,
      }
      if (v.deleted)
        return { status: 404, json: { request_id: randomUUID(), data: { data: null, metadata }, warnings: null } }
      return {
        status: 200,
        json: {
          request_id: randomUUID(),
          lease_id: '',
          renewable: false,
          lease_duration: 0,
          data: { data: v.data, metadata },
          wrap_info: null,
          warnings: null,
          auth: null,
          mount_type: 'kv',
        },
      }
    }
    return errors(404, `no handler for route "${rel}". route entry not found.`)
  }
}

export async function startVaultServer(opts: VaultServerOptions = {}): Promise<VaultServer> {
  const server = new Server(opts)
  await server.listen()
  return server
}
