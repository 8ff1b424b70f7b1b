// What a run reads and exports: one list call per folder the mapping names (the run's folder for
// keys and '*'), explicit keys first, then the wildcard over what they left; all or nothing.
import { InputError, ServerError, secretsLine } from '../../errors.js'
import type { InfisicalSettings } from '../../inputs.js'
import { ENV_NAME, quote } from '../../mapping.js'
import type { ProviderContext, Secret } from '../provider.js'
import type { Session } from './auth.js'
import { FolderReader, type Read, type ReadResult } from './folders.js'
import { exampleMapping, type InfisicalRequest } from './mapping.js'
import type { Item, Merged } from './merge.js'
import { describeScopes, inScope } from './scopes.js'

export class Reader {
  private readonly project: string
  private readonly folders: FolderReader

  constructor(
    private readonly session: Session,
    private readonly ctx: ProviderContext,
    private readonly options: InfisicalSettings,
  ) {
    this.project = session.project.id ?? `'${session.project.slug}'`
    this.folders = new FolderReader(session, ctx, this.project)
  }

  async fetch(requests: readonly InfisicalRequest[]): Promise<Secret[]> {
    const main: Read = {
      id: 'main',
      environment: this.session.environment,
      path: this.session.path,
      recursive: this.options.recursive,
      includeImports: this.options.includeImports,
    }
    const readOf = (r: InfisicalRequest): Read =>
      r.kind === 'all' || r.path === undefined || (r.path === main.path && !main.recursive)
        ? main
        : {
            id: `path:${r.path}`,
            environment: main.environment,
            path: r.path,
            recursive: false,
            includeImports: main.includeImports,
          }
    const reads = new Map<string, Read>()
    for (const r of requests) {
      const read = readOf(r)
      this.assertInScope(read, r)
      reads.set(read.id, read)
    }
    const results = new Map<string, ReadResult>()
    for (const read of reads.values()) results.set(read.id, await this.folders.read(read))

    // Select: explicit keys first, then the wildcard over what they left.
    const chosen: Array<{ name: string; item: Item; read: Read; mapped: boolean }> = []
    const explicit = new Set<string>()
    for (const r of requests) {
      if (r.kind !== 'key') continue
      const read = readOf(r)
      explicit.add(`${read.id}\u0000${r.key}`)
      chosen.push({ name: r.envName, item: this.pick(results.get(read.id)!.merged, r, read), read, mapped: true })
    }
    const wildcard = requests.find((r) => r.kind === 'all')
    if (wildcard) {
      const where =
        wildcard.line === 0
          ? "Input 'secrets' is empty, which means every secret in scope, but"
          : `${secretsLine(wildcard.line)}: '*' means every secret in scope, but`
      const bad: string[] = []
      for (const [key, item] of results.get(main.id)!.merged.items) {
        if (explicit.has(`${main.id}\u0000${key}`)) continue
        this.assertNoCollision(results.get(main.id)!.merged, key, where)
        if (item.hidden) {
          this.ctx.warning(`Skipping ${key} (${item.location}): the token may see this secret but not its value.`)
          continue
        }
        if (!ENV_NAME.test(key)) bad.push(key)
        else chosen.push({ name: key, item, read: main, mapped: false })
      }
      if (bad.length > 0) {
        throw new InputError(
          `${where} these keys are not valid environment variable names: ${bad
            .slice(0, 10)
            .map((k) => quote(k))
            .join(', ')}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''}. ` +
            `Map each explicitly on its own line${exampleMapping(bad[0]!, bad[0]!)}; the wildcard then leaves it to that line.`,
        )
      }
    }
    const secrets: Secret[] = []
    for (const { name, item, read, mapped } of chosen) {
      const value = await this.folders.finalValue(item, results.get(read.id)!)
      this.ctx.mask(value)
      secrets.push({ name, value, source: `infisical ${item.location} ${item.key}`, mapped })
    }
    return secrets
  }

  private assertInScope(read: Read, request: InfisicalRequest): void {
    const { scopes } = this.session
    if (scopes === undefined || inScope(scopes, read.environment, read.path)) return
    const what =
      request.kind === 'key' && request.path !== undefined
        ? `${secretsLine(request.line)}: folder '${read.path}'`
        : `Input 'secret_path': folder '${read.path}'`
    throw new InputError(
      `${what} in environment '${read.environment}' is outside the service token's scopes (${describeScopes(scopes)}).`,
    )
  }

  private pick(merged: Merged, r: Extract<InfisicalRequest, { kind: 'key' }>, read: Read): Item {
    const item = merged.items.get(r.key)
    const at = `${secretsLine(r.line)}:`
    if (!item) {
      const imports = read.includeImports ? ' (imports included)' : ''
      throw new InputError(
        `${at} no secret ${JSON.stringify(r.key)} in environment '${read.environment}', folder '${read.path}'${read.recursive ? ' and its sub-folders' : ''}${imports} of project ${this.project}. Keys are case-sensitive.`,
      )
    }
    this.assertNoCollision(merged, r.key, at)
    if (item.hidden)
      throw new ServerError(
        `${at} no permission to read the value of ${r.key} (${item.location}): the token may see the secret but not its value.`,
      )
    return item
  }

  private assertNoCollision(merged: Merged, key: string, at: string): void {
    const folders = merged.collisions.get(key)
    if (folders) {
      throw new InputError(
        `${at} the key ${JSON.stringify(key)} exists in more than one folder of the recursive read (${folders.join(', ')}); name the folder: '/folder/${key} > NAME'.`,
      )
    }
  }
}
