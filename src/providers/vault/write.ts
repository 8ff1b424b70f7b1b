// The write action's Vault wing (docs/protocols/vault.md#writing): read every path first (its keys,
// and for KV v2 the version), learn a new path's KV version from its mount, ask the token's
// capabilities once, then plan one write per path: every key of the path merged into what is
// stored, KV v2 with check-and-set on the version read (a concurrent write fails the run, never
// lost), KV v1 replacing the whole secret (it has no check-and-set). A login method (login.ts,
// loaded only then) gets the token in plan; finish revokes it, the write action having no post step.
// Vault's TLS inputs apply to every request, the login's included, as on the read path.
import type { VaultLogin } from '../../inputs/vault-login.js'
import type { VaultServerSettings } from '../../inputs/vault.js'
import type { ClientTls } from '../../http/body.js'
import type { Json } from '../../http/json.js'
import { lineError, quote } from '../../mapping.js'
import type { ProviderContext } from '../provider.js'
import type { PlannedWrite, WriteOptions, Writer } from '../writer.js'
import type { VaultEndpoint } from './api.js'
import { vaultContext } from './context.js'
import { revokeSelf } from './api-token.js'
import { capabilities, mountOf, readStored, writeV1, writeV2 } from './api-write.js'
import { parseVaultToken } from './token.js'
import { parseWriteTargets, type VaultWriteTarget } from './write-target.js'

export interface VaultWriteSettings {
  readonly accessToken: string
  readonly vault: VaultServerSettings & { readonly login?: VaultLogin; readonly tls?: ClientTls }
}

/** A path resolved: how it is stored, and the targets writing to it. */
interface PathPlan {
  readonly path: string
  readonly kv: 1 | 2
  /** KV v2: the version to check-and-set on (0: the path must still not exist). */
  readonly cas: number
  readonly exists: boolean
  readonly data: Json
  readonly targets: VaultWriteTarget[]
}

const describe = (t: VaultWriteTarget): string => `"${t.path}" key ${quote(t.key)}`

async function resolvePath(
  ep: VaultEndpoint,
  path: string,
  targets: VaultWriteTarget[],
  create: boolean,
): Promise<PathPlan> {
  const first = targets[0]!
  const stored = await readStored(ep, path)
  if (stored.kind === 'forbidden') {
    throw lineError(
      first.line,
      `Vault refused to read "${path}" (403): writing needs 'read' on it too, to compare values and check-and-set on the version read` +
        (path.includes('/data/')
          ? ''
          : "; on a KV v2 mount the path also needs 'data/' after the mount ('<mount>/data/<path>')"),
    )
  }
  if (stored.kind === 'unversioned-path') {
    throw lineError(first.line, `"${path}" is on a KV v2 mount: write to '<mount>/data/<path>', as reads name it`)
  }
  // KV v2's existence check looks at the key's metadata: a path whose versions are all deleted still exists.
  if (stored.kind === 'v2')
    return { path, kv: 2, cas: stored.version, exists: stored.version > 0, data: stored.data, targets }
  if (stored.kind === 'v1') return { path, kv: 1, cas: 0, exists: true, data: stored.data, targets }
  if (!create) throw lineError(first.line, `"${path}" does not exist in Vault, and 'create' is false`)
  const mount = await mountOf(ep, path)
  if (!mount) {
    throw lineError(
      first.line,
      `"${path}" does not exist, and Vault would not say which KV engine its mount is (sys/internal/ui/mounts); is the path right, and may the token use it?`,
    )
  }
  if (mount.version === 2 && !path.startsWith(`${mount.mount}data/`)) {
    throw lineError(
      first.line,
      `"${path}" is on the KV v2 mount '${mount.mount}': write to '${mount.mount}data/…', as reads name it`,
    )
  }
  return { path, kv: mount.version, cas: 0, exists: false, data: {}, targets }
}

/** Each path needs 'update' when it exists, else 'create' (Vault's existence check for KV). */
function checkCapabilities(plans: readonly PathPlan[], caps: ReadonlyMap<string, readonly string[]> | undefined): void {
  if (!caps) return // Vault would not say: the write itself will be the judge.
  for (const p of plans) {
    const held = caps.get(p.path) ?? []
    const needed = p.exists ? 'update' : 'create'
    if (held.includes('root') || held.includes(needed)) continue
    throw lineError(
      p.targets[0]!.line,
      `the token's policies do not allow '${needed}' on "${p.path}" (they allow: ${held.join(', ') || 'nothing'}); grant it to write there`,
    )
  }
}

function planned(p: PathPlan, ep: VaultEndpoint): PlannedWrite[] {
  const merged: Json = { ...p.data }
  const outcomes = p.targets.map((t) => {
    const before = p.data[t.key]
    merged[t.key] = t.value
    if (before === t.value) return 'unchanged' as const
    return before === undefined ? ('created' as const) : ('updated' as const)
  })
  if (outcomes.every((o) => o === 'unchanged')) {
    return p.targets.map((t) => ({ line: t.line, source: t.source, target: describe(t), outcome: 'unchanged' }))
  }
  // One write per path carries every key of it: the first line makes it, the others share it.
  let write: Promise<string> | undefined
  const once = (): Promise<string> =>
    (write ??=
      p.kv === 2
        ? writeV2(ep, p.path, merged, p.cas).then((v) => `version ${v}`)
        : writeV1(ep, p.path, merged).then(() => 'KV v1'))
  return p.targets.map((t, i) => ({
    line: t.line,
    source: t.source,
    target: describe(t),
    outcome: outcomes[i]!,
    apply: async () => `${describe(t)} (${await once()})`,
  }))
}

export function createWriter(settings: VaultWriteSettings, runCtx: ProviderContext): Writer<VaultWriteTarget> {
  const { vault } = settings
  const { url, ctx } = vaultContext(vault, runCtx, 'the values written')
  const base = { http: ctx.http, url, namespace: vault.namespace, headers: vault.extraHeaders }
  const method = vault.login ?? { method: 'token' as const }
  // A given token is checked now, before any request; a login happens in plan.
  let ep: VaultEndpoint | undefined
  if (method.method === 'token') {
    const token = parseVaultToken(settings.accessToken)
    ctx.mask(token.value)
    ep = { ...base, token: token.value }
  }
  /** The login's token, to revoke when the step ends (a batch token cannot be revoked: it expires). */
  let issued: VaultEndpoint | undefined
  return {
    kind: 'vault',
    parse: parseWriteTargets,
    async plan(targets, { create }: WriteOptions) {
      if (method.method !== 'token') {
        const { logIn } = await import('./login.js')
        const created = await logIn(method, base, ctx)
        ep = { ...base, token: created.token }
        if (!created.batch) issued = ep
      }
      const session = ep!
      const byPath = new Map<string, VaultWriteTarget[]>()
      for (const t of targets) byPath.set(t.path, [...(byPath.get(t.path) ?? []), t])
      const plans: PathPlan[] = []
      for (const [path, ts] of byPath) plans.push(await resolvePath(session, path, ts, create))
      // The stored values compared with the new ones are secrets read like any other: masked.
      for (const p of plans) {
        for (const t of p.targets) {
          const before = p.data[t.key]
          if (typeof before === 'string') ctx.mask(before)
        }
      }
      checkCapabilities(plans, await capabilities(session, [...byPath.keys()]))
      const all = plans.flatMap((p) => planned(p, session))
      // Writes go in line order; lines sharing a path share its one write.
      return all.sort((a, b) => a.line - b.line)
    },
    async finish() {
      if (!issued) return
      const res = await revokeSelf(issued).catch((err: unknown) => err as Error)
      if (res instanceof Error || res.status < 200 || res.status >= 300) {
        ctx.warning(
          `The Vault token this step's login created was not revoked (${res instanceof Error ? res.message : `HTTP ${res.status}`}); it stays valid until its TTL ends.`,
        )
      } else ctx.debug('Vault login token revoked.')
    },
  }
}
