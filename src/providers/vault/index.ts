// HashiCorp Vault / OpenBao (docs/protocols/vault.md): the given token, or one from a login method
// (login.ts, loaded only then); one GET per distinct path, 8 at a time (a folder line: one LIST per
// folder first, folders.ts), no lookup-self on the success path (auth.ts); optionally a child token
// for later steps. The post step revokes what the run created (revoke.ts): the child, and a login's
// token unless exportToken/outputToken keep it.
import { InputError, ServerError, secretsLine } from '../../errors.js'
import type { VaultSettings } from '../../inputs.js'
import type { Cleanup, Provider, ProviderContext } from '../provider.js'
import { listPath, readPath, type ReadResult } from './api.js'
import { vaultContext } from './context.js'
import { createChildToken, revokeSelf } from './api-token.js'
import { loggedIn, login, type VaultSession } from './auth.js'
import type { LoginResult } from './login.js'
import { expandFolders } from './folders.js'
import { normalizeName, parseVaultMapping, PATH_PLACEHOLDER, type VaultRequest } from './mapping.js'
import { issue, parsePki } from './pki.js'
import { CONCURRENCY, pool } from './pool.js'
import { CHILD_TOKEN_CLEANUP, LOGIN_TOKEN_CLEANUP } from './revoke.js'
import { evaluatePath } from './evaluate.js'
import { decodeValue, stringifyValue, stringLeaves, type VaultSecret } from './values.js'

export type { VaultSecret } from './values.js'

export function create(vault: VaultSettings, runCtx: ProviderContext): Provider<VaultRequest> {
  const { url, ctx } = vaultContext(vault, runCtx, 'the secrets')
  const method = vault.login ?? { method: 'token' }
  const publish = vault.publishToken ?? { env: false, output: false }
  if (publish.env && vault.exportToken === 'child') {
    throw new InputError(
      "Inputs 'exportToken' and 'export_token: child' both export VAULT_TOKEN (the run's token and a child of it); give one of them.",
    )
  }
  // vault-action's `pki`: parsed now, before any request; issued after the login.
  const pki = vault.pki === undefined ? undefined : parsePki(vault.pki)
  // A given token is checked now, before any request; a login happens in fetch.
  const given = method.method === 'token' ? login(vault, url, ctx) : undefined

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
    const at = `${secretsLine(r.line)} (${r.path})`
    if (r.wildcard) {
      // A folder line's {path}: the secret's path below the folder, '/' as '_'.
      const prefix = (r.prefix ?? '').replaceAll(PATH_PLACEHOLDER, (r.inFolder ?? '').replaceAll('/', '_'))
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
        mapped: true,
      },
    ]
  }

  return {
    kind: 'vault',
    parse: parseVaultMapping,
    async fetch(requests) {
      if (given) return readAll(given, requests)
      const { logIn } = await import('./login.js')
      const base = { http: ctx.http, url, namespace: vault.namespace, headers: vault.extraHeaders }
      const created = await logIn(method as Exclude<typeof method, { method: 'token' }>, base, ctx)
      // Kept when vault-action's exportToken/outputToken hand it to later steps (vault-action #427);
      // a batch token cannot be revoked (it expires).
      const revocable = !publish.env && !publish.output && !created.batch
      try {
        const session = loggedIn(vault, url, created.token, ctx)
        const result = await readAll(session, requests, created)
        if (!revocable) return result
        const revoke = {
          kind: LOGIN_TOKEN_CLEANUP,
          data: { url, namespace: vault.namespace ?? '', token: created.token },
        }
        // First recorded, last run: after the child (revoked with this token) is gone.
        return { secrets: result.secrets, cleanups: [revoke, ...result.cleanups] }
      } catch (err) {
        // Nothing is exported, so nothing needs the token: revoke it now (best effort).
        if (revocable) await revokeSelf({ ...base, token: created.token }).catch(() => undefined)
        throw err
      }
    },
  }

  async function readAll(
    session: VaultSession,
    requests: readonly VaultRequest[],
    created?: LoginResult,
  ): Promise<{ secrets: VaultSecret[]; cleanups: Cleanup[] }> {
    const ep = session.ep
    {
      if (requests.length === 0 && !pki && vault.exportToken !== 'child' && !publish.env && !publish.output) {
        ctx.warning(
          "Input 'secrets' has no entries: nothing to read from Vault (add lines like 'secret/data/ci npmToken | NPM_TOKEN').",
        )
      }
      // A folder's size is known once listed: checked for one use per folder line at least.
      if (vault.checkToken) await session.checkToken(new Set(requests.map((r) => r.path)).size)
      requests = await expandFolders(requests, {
        list: (path) => listPath(ep, path),
        forbidden: (path, res) => session.forbidden(`LIST ${path}`, res),
        ignoreNotFound: vault.ignoreNotFound,
        warning: ctx.warning,
      })
      const paths = [...new Set(requests.map((r) => r.path))]
      const results = new Map<string, ReadResult>()
      await pool(paths, CONCURRENCY, async (path) => {
        const res = await readPath(ep, path)
        if (res.kind === 'forbidden') throw await session.forbidden(path, res)
        // Every value fetched is a secret from now on, selected or not: a later error may echo it.
        if (res.kind === 'ok') for (const leaf of stringLeaves(res.data)) if (leaf.length >= 3) ctx.mask(leaf)
        results.set(path, res)
      })
      const out: VaultSecret[] = []
      const cleanups: Cleanup[] = []
      const reported = new Set<string>()
      const folderSources = new Set<string>()
      for (const r of requests) {
        const res = results.get(r.path)!
        // Listed but without a current version (deleted or destroyed): nothing to read in it.
        if (res.kind === 'not-found' && r.inFolder !== undefined) {
          ctx.debug(`${r.path}: listed, but its current version is deleted; skipped.`)
          continue
        }
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
            `${secretsLine(r.line)}: ${message}. Vault answers 404 for a missing path or key, and also when the path is outside what the token may see.`,
            404,
          )
        }
        if (res.kind !== 'ok') throw new ServerError(`Vault refused "${r.path}".`, 403) // forbidden reads threw above
        const found = secretsOf(r, res.data, res.v2)
        if (r.inFolder !== undefined) for (const f of found) folderSources.add(f.source)
        out.push(...found)
      }
      if (pki) out.push(...(await issue(ep, pki, ctx)))
      // VLT-GRM-5: two entries or wildcard keys giving one name: refuse, naming both.
      const seen = new Map<string, VaultSecret>()
      for (const s of out) {
        const first = seen.get(s.name)
        if (first)
          throw new InputError(
            `Input 'secrets': ${s.name} would be exported twice: from ${first.source} and from ${s.source}. Map one of them with '| NAME'${folderSources.has(s.source) || folderSources.has(first.source) ? ` (on a folder line, '| ${PATH_PLACEHOLDER}_' puts each secret's path in its names)` : ''}.`,
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
        // The pipeline records it before exporting anything: whatever happens next, the post step revokes it.
        cleanups.push({
          kind: CHILD_TOKEN_CLEANUP,
          // A login's token is in no input: the post step revokes the child with it.
          data: {
            url,
            namespace: vault.namespace ?? '',
            accessor: child.accessor,
            ...(created ? { token: created.token } : {}),
          },
        })
        out.push({
          name: 'VAULT_TOKEN',
          outputName: 'VAULT_TOKEN',
          mapped: true,
          value: child.token,
          source: 'vault child token (export_token: child)',
        })
      }
      // vault-action's exportToken (env only, even with exportEnv false) and outputToken (output only).
      const source = `vault token (${created ? 'from the login' : 'as given'})`
      if (publish.env)
        out.push({ name: 'VAULT_TOKEN', outputName: 'VAULT_TOKEN', value: ep.token, source, only: 'env' })
      if (publish.output)
        out.push({ name: 'vault_token', outputName: 'vault_token', value: ep.token, source, only: 'output' })
      return { secrets: out, cleanups }
    }
  }
}
