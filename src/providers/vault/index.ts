// HashiCorp Vault / OpenBao with a token (spec vault.md): one GET per distinct path, 8 at a time,
// no lookup-self on the success path (each use of a limited-use token is precious); on a 403 one
// lookup-self says whether the token or a policy is at fault. Optionally a child token for later
// steps, revoked by the post step.
import { recordCleanup } from '../../cleanup.js'
import { InputError, ServerError } from '../../errors.js'
import type { Settings, VaultSettings } from '../../inputs.js'
import { normalizeName, parseVaultMapping, type VaultRequest } from '../../mapping/vault.js'
import type { Provider, ProviderContext, Secret } from '../index.js'
import {
  createChildToken,
  lookupSelf,
  readPath,
  statusError,
  type ReadResult,
  type TokenInfo,
  type VaultEndpoint,
} from './api.js'
import { evaluatePath } from './selector.js'
import { parseVaultToken } from './token.js'
import { decodeValue, stringifyValue, stringLeaves } from './values.js'

/** Parallel reads (issue 4: a small bound of 8). */
const CONCURRENCY = 8
export const CHILD_TOKEN_CLEANUP = 'vault-revoke-child'

/** A Secret plus vault-action's output name (case kept, unlike the env name). */
export interface VaultSecret extends Secret {
  readonly outputName: string
}

function duration(seconds: number): string {
  if (seconds <= 0) return '0s'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('')
}

function describe(info: TokenInfo): string {
  const uses =
    info.numUses === 0
      ? 'unlimited uses'
      : info.numUses < 0
        ? 'no uses left'
        : `${info.numUses} use${info.numUses === 1 ? '' : 's'} left`
  const ttl = info.expires ? `expires in ${duration(info.ttl)}` : 'does not expire'
  return `policies: ${info.policies.join(', ') || '(none)'}; ${ttl}; ${uses}`
}

function namespaceHint(vault: VaultSettings, token: string, info?: TokenInfo): string {
  const used = vault.namespace ?? ''
  if (info && info.namespacePath !== used && !used.startsWith(`${info.namespacePath}/`)) {
    return ` The token belongs to namespace '${info.namespacePath || '(root)'}' but the request used '${used || '(root)'}': set 'namespace: ${info.namespacePath}' (or VAULT_NAMESPACE).`
  }
  if (!info && used !== '') return ` Check also that 'namespace: ${used}' is the token's namespace (or a child of it).`
  // Tokens created in a namespace carry a `.<namespace id>` suffix.
  if (!info && used === '' && /^(hv)?[sb]\.[^.]+\.[^.]+$/.test(token)) {
    return " The token has a namespace suffix: set 'namespace' (or VAULT_NAMESPACE) to the namespace it was created in."
  }
  return ''
}

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const errors: unknown[] = []
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!
      try {
        await fn(item)
      } catch (err) {
        // Stop starting reads: each one would spend a use of a token we already know fails.
        failed = true
        errors.push(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (errors.length > 0) throw errors[0]
}

export function createVaultProvider(settings: Settings, ctx: ProviderContext): Provider<VaultRequest> {
  const vault = settings.vault
  const token = parseVaultToken(settings.accessToken)
  ctx.mask(token.value)
  if (vault.url === undefined) {
    throw new InputError(
      vault.urlProblem ??
        "Input 'base_url' is empty: Vault needs its address, e.g. https://vault.example.com:8200 (or set the VAULT_ADDR environment variable).",
    )
  }
  if (token.kind === 'recovery')
    ctx.warning(
      'The access token is a Vault recovery token (hvr./r.): it works only while the server runs in recovery mode.',
    )
  if (token.kind === 'batch' && vault.exportToken === 'child') {
    throw new InputError(
      "Input 'export_token' is 'child', but the access token is a batch token (hvb./b.), which cannot create child tokens.",
    )
  }
  const ep: VaultEndpoint = { http: ctx.http, url: vault.url, token: token.value, namespace: vault.namespace }

  // VLT-LIFE-2: at most one lookup-self per run to explain a 403, shared by parallel reads.
  let lookup: Promise<TokenInfo | undefined> | undefined
  const explainLookup = (): Promise<TokenInfo | undefined> => (lookup ??= lookupSelf(ep, ctx.mask))

  async function forbidden(path: string, res: ReadResult & { kind: 'forbidden' }): Promise<ServerError> {
    const base = statusError(res.response, `"${path}"`).message
    let info: TokenInfo | undefined
    try {
      info = await explainLookup()
    } catch (err) {
      return new ServerError(
        `${base}. Vault refuses the token or its policies deny this path (lookup-self to tell which failed: ${(err as Error).message}).`,
        403,
      )
    }
    if (!info) {
      return new ServerError(
        `${base}: the token is invalid, expired, revoked or out of uses (lookup-self was refused too).${namespaceHint(vault, token.value)}`,
        403,
      )
    }
    return new ServerError(
      `${base}: the token is valid (${describe(info)}) but its policies do not allow reading this path; grant 'read' on "${path.replace(/\?.*$/, '')}" to one of them.${namespaceHint(vault, token.value, info)}`,
      403,
    )
  }

  async function checkToken(paths: number): Promise<void> {
    const info = await lookupSelf(ep, ctx.mask)
    if (!info) {
      throw new ServerError(
        `check_token: Vault refused auth/token/lookup-self: the token is invalid, expired, revoked or out of uses.${namespaceHint(vault, token.value)}`,
        403,
      )
    }
    if (info.expires && info.ttl < vault.minTtlSeconds) {
      throw new ServerError(
        `check_token: the token expires in ${duration(info.ttl)}, less than min_ttl (${duration(vault.minTtlSeconds)}); renew it or issue a longer-lived one (${describe(info)}).`,
      )
    }
    // Vault reports num_uses after the lookup's own use; -1 means the lookup spent the last one.
    const needed = paths + (vault.exportToken === 'child' ? 1 : 0)
    if (info.numUses !== 0) {
      const left = Math.max(0, info.numUses)
      if (vault.exportToken === 'child') {
        throw new ServerError(
          `check_token: the token is limited to a number of uses (${left} left after the check), and limited-use tokens cannot create the child token export_token asks for.`,
        )
      }
      if (left < needed) {
        throw new ServerError(
          `check_token: the token has ${left} use${left === 1 ? '' : 's'} left after this check (lookup-self spent one), but the run needs ${needed} (one per distinct path); issue it with num_uses of at least ${needed + 1}, or drop check_token to save a use.`,
        )
      }
    }
    ctx.debug(`check_token: token ok (${describe(info)}); ${needed} request${needed === 1 ? '' : 's'} to go`)
  }

  function valueOf(raw: unknown, where: string): string {
    let value = stringifyValue(raw)
    if (typeof raw !== 'string') for (const leaf of stringLeaves(raw)) if (leaf.length >= 3) ctx.mask(leaf)
    if (vault.encoding) {
      ctx.mask(value)
      value = decodeValue(value, vault.encoding, where)
    }
    ctx.mask(value)
    return value
  }

  function secretsOf(r: VaultRequest, data: Record<string, unknown>, v2: boolean): VaultSecret[] {
    const at = `Input 'secrets', line ${r.line} (${r.path})`
    if (r.wildcard) {
      const prefix = r.prefix ?? ''
      return Object.keys(data).map((key) => {
        const outputName = normalizeName(prefix + key)
        const name = r.wildcard === '*' ? outputName.toUpperCase() : outputName
        const raw = evaluatePath([{ kind: 'name', name: key, index: [], predicated: false }], data)
        const expr = key.includes('.') ? `\`${key}\`` : `"${key}"`
        if (raw === undefined) {
          throw new ServerError(
            `${at}: Unable to retrieve result for ${v2 ? 'data.data.' : 'data.'}${expr}. No match data was found (key ${JSON.stringify(key)} holds an empty array).`,
          )
        }
        if (outputName === '')
          throw new InputError(
            `${at}: the key ${JSON.stringify(key)} gives an empty name; map it with '| NAME' instead of '${r.selector}'.`,
          )
        return {
          name,
          outputName,
          value: valueOf(raw, `${at}, key ${JSON.stringify(key)}`),
          source: `vault ${r.path} key ${JSON.stringify(key)} (line ${r.line})`,
        }
      })
    }
    const raw = evaluatePath(r.steps!, data)
    if (raw === undefined) {
      const hint =
        r.selector.includes('.') && Object.hasOwn(data, r.selector)
          ? ` The secret has a key named ${JSON.stringify(r.selector)}: select it with \`${r.selector}\` (backticks).`
          : ''
      throw new ServerError(
        `${at}: Unable to retrieve result for ${v2 ? 'data.data.' : 'data.'}${r.expression}. No match data was found. Double check your Key or Selector.${hint}`,
      )
    }
    return [
      {
        name: r.envName!,
        outputName: r.outputName!,
        value: valueOf(raw, `${at}, selector ${r.selector}`),
        source: `vault ${r.path} ${r.selector} (line ${r.line})`,
      },
    ]
  }

  return {
    kind: 'vault',
    parse: parseVaultMapping,
    async fetch(requests) {
      const paths = [...new Set(requests.map((r) => r.path))]
      if (paths.length === 0 && vault.exportToken !== 'child') {
        ctx.warning(
          "Input 'secrets' has no entries: nothing to read from Vault (add lines like 'secret/data/ci npmToken | NPM_TOKEN').",
        )
      }
      if (vault.checkToken) await checkToken(paths.length)
      const results = new Map<string, ReadResult>()
      await pool(paths, CONCURRENCY, async (path) => {
        const res = await readPath(ep, path)
        if (res.kind === 'forbidden') throw await forbidden(path, res)
        // Every value fetched is a secret from now on, selected or not: a later error may echo it.
        if (res.kind === 'ok') for (const leaf of stringLeaves(res.data)) if (leaf.length >= 3) ctx.mask(leaf)
        results.set(path, res)
      })
      const out: VaultSecret[] = []
      const reported = new Set<string>()
      for (const r of requests) {
        const res = results.get(r.path)!
        if (res.kind === 'not-found') {
          // VLT-ERR-1: the vendor's text, plus hints.
          let message = `Unable to retrieve result for "${r.path}" because it was not found: ${res.errors}`
          if (res.deleted) message += ' (that version is deleted or destroyed)'
          if (res.versioned)
            message += `. The mount is a KV v2 (versioned) engine: insert /data/ after the mount, e.g. "${r.path.replace(/^([^/]+)\//, '$1/data/')}"`
          if (vault.namespace) message += ` (namespace '${vault.namespace}')`
          if (vault.ignoreNotFound) {
            if (!reported.has(r.path)) ctx.warning(`✘ ${message}; skipped (ignore_not_found).`)
            reported.add(r.path)
            continue
          }
          throw new ServerError(
            `Input 'secrets', line ${r.line}: ${message}. Vault answers 404 for a missing path or key, and also when the path is outside what the token may see.`,
            404,
          )
        }
        if (res.kind !== 'ok') throw new ServerError(`Vault refused "${r.path}".`, 403) // forbidden reads threw above
        out.push(...secretsOf(r, res.data, res.v2))
      }
      // VLT-GRM-5: two entries or wildcard keys giving one name: refuse, naming both.
      const seen = new Map<string, VaultSecret>()
      for (const s of out) {
        const first = seen.get(s.name)
        if (first)
          throw new InputError(
            `Input 'secrets': ${s.name} would be exported twice: from ${first.source} and from ${s.source}. Map one of them with '| NAME'.`,
          )
        seen.set(s.name, s)
      }
      if (vault.exportToken === 'child') {
        if (seen.has('VAULT_TOKEN'))
          throw new InputError(
            `Input 'secrets': VAULT_TOKEN is produced by ${seen.get('VAULT_TOKEN')!.source}, but export_token: child exports the child token under that name.`,
          )
        const child = await createChildToken(
          ep,
          { ttlSeconds: vault.ttlSeconds, numUses: vault.numUses, policies: vault.policies },
          ctx.mask,
        )
        // Record first: whatever happens next, the post step revokes it.
        if (ctx.saveState) {
          recordCleanup(ctx.saveState, {
            kind: CHILD_TOKEN_CLEANUP,
            data: { url: vault.url!, namespace: vault.namespace ?? '', accessor: child.accessor },
          })
        } else {
          ctx.warning(
            'export_token: this run cannot record the revocation for the post step; the child token will live until its TTL ends.',
          )
        }
        out.push({
          name: 'VAULT_TOKEN',
          outputName: 'VAULT_TOKEN',
          value: child.token,
          source: 'vault child token (export_token: child)',
        })
      }
      return out
    },
  }
}
