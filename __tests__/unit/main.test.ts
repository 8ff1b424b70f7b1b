// The pipeline (src/main.ts) with a fake provider: what it asks of the runtime, in order. All or
// nothing, every name checked and every value masked before the first export, cleanups recorded
// before any export, every line scrubbed.
import { InputError } from '../../src/errors.js'
import type { InputSource } from '../../src/input-readers.js'
import type { Settings } from '../../src/inputs.js'
import { run, type Runtime } from '../../src/main.js'
import type { Cleanup, FetchResult, Provider, ProviderContext, Secret } from '../../src/providers/provider.js'
import { createMasks } from '../../src/runner/masking.js'

const TOKEN = 'hvs.fake-token-for-the-pipeline'

type Event = readonly [string, ...string[]]

interface Fake {
  readonly events: Event[]
  readonly runtime: Runtime
  readonly seen: { settings?: Settings; ctx?: ProviderContext }
}

const inputs =
  (values: Record<string, string>): InputSource =>
  (name) =>
    values[name] ?? ''

/** A runtime whose every effect is an event, and a provider that returns `result` (or throws). */
function fake(result: FetchResult | Error, values: Record<string, string> = {}, withRecorder = true): Fake {
  const events: Event[] = []
  const seen: Fake['seen'] = {}
  const masks = createMasks((form) => events.push(['mask', form]))
  const provider: Provider<string> = {
    kind: 'vault',
    parse: (input) => ({ requests: input === '' ? [] : input.split('\n'), warnings: [`parsed ${TOKEN}`] }),
    async fetch(requests) {
      events.push(['fetch', ...requests])
      // A provider masks what it learns as it learns it (a session token, say).
      seen.ctx!.mask('session-token-from-login')
      if (result instanceof Error) throw result
      return result
    },
  }
  const runtime: Runtime = {
    inputs: inputs({ access_token: TOKEN, secrets: 'a\nb', ...values }),
    env: {},
    userAgent: 'test',
    masks,
    log: {
      info: (m) => events.push(['info', m]),
      warning: (m) => events.push(['warning', m]),
      debug: (m) => events.push(['debug', m]),
    },
    publish: async (secrets, info) => void events.push(['publish', info.provider, ...secrets.map((s) => s.name)]),
    ...(withRecorder
      ? { recordCleanups: (c: readonly Cleanup[]) => void events.push(['record', ...c.map((x) => x.kind)]) }
      : {}),
    createProvider: async (settings, ctx) => {
      seen.settings = settings
      seen.ctx = ctx
      events.push(['create'])
      return provider as Provider
    },
  }
  return { events, runtime, seen }
}

const secret = (name: string, value: string): Secret => ({ name, value, source: `fake ${name}` })

test('the sentence in order: token masked, provider created, fetched, cleanups recorded, values masked, exported', async () => {
  const { events, runtime } = fake({
    secrets: [secret('A', 'alpha-value'), secret('B', 'beta\nvalue')],
    cleanups: [{ kind: 'vault-revoke-child', data: { accessor: 'x' } }],
  })
  const outcome = await run(runtime)
  expect(outcome.secrets.map((s) => s.name)).toEqual(['A', 'B'])
  expect(events).toEqual([
    ['mask', TOKEN],
    ['create'],
    ['warning', 'parsed ***'],
    ['fetch', 'a', 'b'],
    ['mask', 'session-token-from-login'],
    ['record', 'vault-revoke-child'],
    ['mask', 'alpha-value'],
    ['mask', 'beta\nvalue'],
    ['mask', 'beta'],
    ['mask', 'value'],
    ['mask', 'beta\\nvalue'],
    ['mask', 'beta value'],
    ['publish', 'vault', 'A', 'B'],
    ['info', 'inject-secrets: 2 secrets from vault: A, B'],
  ])
})

test('a failed fetch exports nothing and records nothing', async () => {
  const { events, runtime } = fake(new InputError(`the server said ${TOKEN}`))
  await expect(run(runtime)).rejects.toThrow(InputError)
  expect(events.filter(([kind]) => kind === 'publish' || kind === 'record')).toEqual([])
})

test.each([
  ['an invalid name', [secret('A', 'v'), secret('B=C', 'w')], /not a valid environment variable name/],
  ['a dangerous name', [secret('A', 'v'), secret('LD_PRELOAD', 'w')], /Refusing to export LD_PRELOAD/],
  ['a duplicate name', [secret('A', 'v'), secret('A', 'w')], /Refusing to export A twice/],
])('%s: refused before any value is masked or anything exported', async (_name, secrets, error) => {
  const { events, runtime } = fake({ secrets, cleanups: [] })
  await expect(run(runtime)).rejects.toThrow(error)
  expect(events.filter(([kind, value]) => kind === 'publish' || (kind === 'mask' && value === 'w'))).toEqual([])
})

test('allow_dangerous_names lets a dangerous name through; set_env: false makes it harmless', async () => {
  const allowed = fake({ secrets: [secret('PATH', 'p')], cleanups: [] }, { allow_dangerous_names: 'true' })
  await run(allowed.runtime)
  expect(allowed.events).toContainEqual(['publish', 'vault', 'PATH'])
  const outputsOnly = fake({ secrets: [secret('PATH', 'p')], cleanups: [] }, { set_env: 'false' })
  await run(outputsOnly.runtime)
  expect(outputsOnly.events).toContainEqual(['publish', 'vault', 'PATH'])
})

test('without a post step, cleanups are a warning and the export goes on', async () => {
  const { events, runtime } = fake({ secrets: [secret('A', 'v')], cleanups: [{ kind: 'x', data: {} }] }, {}, false)
  await run(runtime)
  expect(events).toContainEqual([
    'warning',
    'This run cannot record what the post step would undo (no post step runs here).',
  ])
  expect(events).toContainEqual(['publish', 'vault', 'A'])
})

test('bad inputs fail before the provider exists; the error names the input', async () => {
  const { events, runtime } = fake({ secrets: [], cleanups: [] }, { timeout: 'soon' })
  await expect(run(runtime)).rejects.toThrow(/^Input 'timeout' must be a number of seconds/)
  expect(events).toEqual([])
})

test('the provider gets a context whose lines are scrubbed of every secret learnt', async () => {
  const { events, runtime, seen } = fake({ secrets: [secret('A', 'alpha-value')], cleanups: [] })
  await run(runtime)
  seen.ctx!.warning(`echo alpha-value and ${TOKEN} and session-token-from-login`)
  seen.ctx!.debug(`debug alpha-value`)
  expect(events.slice(-2)).toEqual([
    ['warning', 'echo *** and *** and ***'],
    ['debug', 'debug ***'],
  ])
  expect(seen.settings?.vault.accessToken).toBe(TOKEN)
})

test('the closing log line names 100 secrets at most', async () => {
  const { doneLine } = await import('../../src/main.js')
  const many = Array.from({ length: 150 }, (_, i) => secret(`S_${i}`, `v${i}`))
  const line = doneLine(many, 'bitwarden')
  expect(line.startsWith('inject-secrets: 150 secrets from bitwarden: S_0, S_1,')).toBe(true)
  expect(line.endsWith('S_98, S_99, … and 50 more')).toBe(true)
  expect(doneLine([secret('A', 'v')], 'vault')).toBe('inject-secrets: 1 secret from vault: A')
})

test('parse_json, name_transformation, name_prefix: exported as shaped, the whole text and every leaf masked', async () => {
  const text = '{"user":"app-user","conn":{"port":5432}}'
  const { events, runtime } = fake(
    { secrets: [secret('db', text), secret('plain', 'plain-value')], cleanups: [] },
    { parse_json: 'true', name_transformation: 'uppercase', name_prefix: 'TF_VAR_' },
  )
  const outcome = await run(runtime)
  expect(outcome.secrets.map((s) => [s.name, s.from])).toEqual([
    ['TF_VAR_DB_USER', 'db'],
    ['TF_VAR_DB_CONN_PORT', 'db'],
    ['TF_VAR_PLAIN', 'plain'],
  ])
  const masked = events.filter(([k]) => k === 'mask').map(([, v]) => v)
  expect(masked).toEqual(expect.arrayContaining([text, 'app-user', '5432', 'plain-value']))
  // Masked before the first export.
  const publish = events.findIndex(([k]) => k === 'publish')
  expect(events.findIndex(([k, v]) => k === 'mask' && v === '5432')).toBeLessThan(publish)
  expect(events[publish]).toEqual(['publish', 'vault', 'TF_VAR_DB_USER', 'TF_VAR_DB_CONN_PORT', 'TF_VAR_PLAIN'])
})

test('clean: the names exported as env vars are recorded for the post step (never a value)', async () => {
  const recorded: Cleanup[] = []
  const { runtime } = fake(
    {
      secrets: [
        secret('A', 'alpha'),
        { ...secret('B', 'beta'), only: 'output' },
        { ...secret('C', 'gamma'), only: 'env' },
      ],
      cleanups: [],
    },
    { clean: 'true' },
  )
  await run({ ...runtime, recordCleanups: (c) => void recorded.push(...c) })
  expect(recorded).toEqual([{ kind: 'clean-env', data: { names: 'A\nC' } }])
  const off = fake({ secrets: [secret('A', 'alpha')], cleanups: [] })
  await run(off.runtime)
  expect(off.events.some(([k]) => k === 'record')).toBe(false)
})

test('a refused name still leaves the provider cleanups recorded: the post step revokes a login token', async () => {
  const { events, runtime } = fake({
    secrets: [secret('LD_PRELOAD', 'w')],
    cleanups: [{ kind: 'vault-revoke-self', data: { accessor: 'x' } }],
  })
  await expect(run(runtime)).rejects.toThrow(/Refusing to export LD_PRELOAD/)
  expect(events).toContainEqual(['record', 'vault-revoke-self'])
  expect(events.filter(([kind]) => kind === 'publish')).toEqual([])
})

test('work after the last answer that outlasts timeout stops the run before anything is exported', async () => {
  const { events, runtime } = fake(
    { secrets: [secret('A', 'v')], cleanups: [{ kind: 'vault-revoke-self', data: { accessor: 'x' } }] },
    { timeout: '1' },
  )
  // A provider whose answers arrive as the budget runs out.
  const slow: typeof runtime = {
    ...runtime,
    createProvider: async (settings, ctx) => {
      const provider = await runtime.createProvider!(settings, ctx)
      return {
        ...provider,
        fetch: async (requests) => {
          const out = await provider.fetch(requests)
          const until = Date.now() + 1100
          while (Date.now() < until) await new Promise((r) => setTimeout(r, 50))
          return out
        },
      }
    },
  }
  await expect(run(slow)).rejects.toThrow(
    "Timed out after 1 s (input 'timeout') while reading the answers; nothing was exported.",
  )
  expect(events).toContainEqual(['record', 'vault-revoke-self'])
  expect(events.filter(([kind]) => kind === 'publish')).toEqual([])
})
