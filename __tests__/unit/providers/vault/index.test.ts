// The Vault provider in-process against the local server: the parallel bound, request shapes,
// token parsing, values and encodings, cleanups; plus fuzzing of the token and value parsers.
import fc from 'fast-check'
import { ActionError, InputError } from '../../../../src/errors.js'
import { createHttpClient, type HttpClient } from '../../../../src/http/client.js'
import { readSettings, type VaultSettings } from '../../../../src/inputs.js'
import { parseDuration } from '../../../../src/input-readers.js'
import { detectProvider } from '../../../../src/providers/index.js'
import { apiUrl } from '../../../../src/providers/vault/api.js'
import { create as createVaultProvider, type VaultSecret } from '../../../../src/providers/vault/index.js'
import { parseVaultToken } from '../../../../src/providers/vault/token.js'
import { decodeValue, stringifyValue } from '../../../../src/providers/vault/values.js'
import { startVaultServer, type VaultServer } from '../../../../test/servers/vault.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

// Token logins only here: asking for an OIDC ID token is a test failure.
const noIdToken = async (): Promise<string> => {
  throw new Error('no OIDC ID token in these tests')
}

let server: VaultServer

beforeAll(async () => {
  server = await startVaultServer({ onRequest: () => ({ delayMs: 20 }) })
  server.mountKv('kv', 1)
  for (let i = 0; i < 20; i++) server.writeSecret('kv', `p${i}`, { v: `value-${i}`, n: i, obj: { b: 2, a: [1, 'x'] } })
})

afterAll(() => server.close())

function settings(token: string, vault: Partial<VaultSettings> = {}): VaultSettings {
  return {
    accessToken: token,
    url: server.url,
    checkToken: false,
    minTtlSeconds: 600,
    ignoreNotFound: false,
    ttlSeconds: 900,
    ...vault,
  }
}

function counting(http: HttpClient): { http: HttpClient; max: () => number } {
  let inFlight = 0
  let max = 0
  return {
    max: () => max,
    http: {
      async send(req) {
        inFlight++
        max = Math.max(max, inFlight)
        try {
          return await http.send(req)
        } finally {
          inFlight--
        }
      },
      preconnect: http.preconnect,
    },
  }
}

test('20 distinct paths: each read once, at most 8 at a time, results in entry order', async () => {
  const token = server.createToken({ policies: ['root'] })
  const { http, max } = counting(createHttpClient({ timeoutMs: 10_000, deadlineMs: 20_000 }))
  const masked: string[] = []
  const provider = createVaultProvider(settings(token), {
    http,
    mask: (v) => masked.push(v),
    warning: () => {},
    debug: () => {},
    now: Date.now,
    idToken: noIdToken,
  })
  const input =
    Array.from({ length: 20 }, (_, i) => `kv/p${19 - i} v | V${19 - i}`).join('\n') + '\nkv/p0 n | N0\nkv/p0 obj | O'
  server.resetLog()
  const secrets = (await provider.fetch(provider.parse(input).requests)).secrets as VaultSecret[]
  expect(secrets.map((s) => s.name)).toEqual([...Array.from({ length: 20 }, (_, i) => `V${19 - i}`), 'N0', 'O'])
  expect(secrets.at(-2)!.value).toBe('0')
  expect(secrets.at(-1)!.value).toBe('{"b":2,"a":[1,"x"]}')
  expect(server.requests).toHaveLength(20)
  expect(new Set(server.requests.map((r) => r.path)).size).toBe(20)
  expect(max()).toBe(8)
  expect(masked).toEqual(expect.arrayContaining([token, 'value-7']))
})

test('output names keep the case vault-action gives them', async () => {
  const token = server.createToken({ policies: ['root'] })
  const provider = createVaultProvider(settings(token), {
    http: createHttpClient({ timeoutMs: 10_000, deadlineMs: 20_000 }),
    mask: () => {},
    warning: () => {},
    debug: () => {},
    now: Date.now,
    idToken: noIdToken,
  })
  const secrets = (await provider.fetch(provider.parse('kv/p1 ** | pre-; kv/p2 v').requests)).secrets as VaultSecret[]
  expect(secrets.map((s) => [s.name, s.outputName])).toEqual([
    ['prev', 'prev'],
    ['pren', 'pren'],
    ['preobj', 'preobj'],
    ['V', 'v'],
  ])
  const upper = (await provider.fetch(provider.parse('kv/p1 * | app_').requests)).secrets as VaultSecret[]
  expect(upper.map((s) => [s.name, s.outputName])).toEqual([
    ['APP_V', 'app_v'],
    ['APP_N', 'app_n'],
    ['APP_OBJ', 'app_obj'],
  ])
})

test('two wildcard keys normalising to one name are refused, naming both (VLT-GRM-5)', async () => {
  server.writeSecret('kv', 'clash', { 'test-123': 'a', test123: 'b' })
  const provider = createVaultProvider(settings(server.createToken({ policies: ['root'] })), {
    http: createHttpClient({ timeoutMs: 10_000, deadlineMs: 20_000 }),
    mask: () => {},
    warning: () => {},
    debug: () => {},
    now: Date.now,
    idToken: noIdToken,
  })
  await expect(provider.fetch(provider.parse('kv/clash *').requests)).rejects.toThrow(
    /TEST123 would be exported twice: from vault kv\/clash key "test-123" \(line 1\) and from vault kv\/clash key "test123"/,
  )
})

test('a batch token with export_token: child is refused up front; tokens with spaces are refused without echo', () => {
  const ctx = {
    http: createHttpClient({ timeoutMs: 1000, deadlineMs: 1000 }),
    mask: () => {},
    warning: () => {},
    debug: () => {},
    now: Date.now,
    idToken: noIdToken,
  }
  expect(() => createVaultProvider(settings('hvb.AAAA', { exportToken: 'child' }), ctx)).toThrow(/batch token/)
  expect(() => parseVaultToken('hvs.abc def')).toThrow(InputError)
  expect(() => parseVaultToken('hvs.abc def')).not.toThrow(/abc/)
  const warnings: string[] = []
  createVaultProvider(settings('hvr.recovery'), { ...ctx, warning: (w) => warnings.push(w) })
  expect(warnings[0]).toMatch(/recovery token/)
})

test('token shapes select Vault (VLT-TOK-1)', () => {
  for (const t of ['hvs.CAESIJ', 'hvb.AAAAAQ', 'hvr.x', 's.abcdefghijklmnopqrstuvwx', 'b.AAAA', 'r.x'])
    expect(detectProvider(t)).toBe('vault')
  // Padding is trimmed once, where the input is read.
  process.env.INPUT_ACCESS_TOKEN = ' hvs.padded\n'
  try {
    expect(detectProvider(readSettings().accessToken)).toBe('vault')
  } finally {
    delete process.env.INPUT_ACCESS_TOKEN
  }
  for (const t of ['st.abc.def.ghi', '0.id.secret:key', 'root', 'hvs.']) expect(detectProvider(t)).not.toBe('vault')
  expect(detectProvider('root', 'vault')).toBe('vault')
  expect(parseVaultToken(' s.abc ')).toEqual({ value: 's.abc', kind: 'service', legacy: true })
  expect(parseVaultToken('hvb.x').kind).toBe('batch')
  expect(parseVaultToken('testtoken').kind).toBe('unknown')
})

test('VLT-URL-1: url + /v1/ + path, leading slashes dropped, query kept', () => {
  expect(apiUrl('https://v.example', '/secret/data/ci?version=3')).toBe('https://v.example/v1/secret/data/ci?version=3')
  expect(new URL(apiUrl('https://v.example', 'a/b?version=2')).searchParams.get('version')).toBe('2')
})

test('values: strings byte for byte, other JSON compact (docs/protocols/vault.md#values)', () => {
  expect(stringifyValue('  a\r\nb  ')).toBe('  a\r\nb  ')
  expect(stringifyValue(1e21)).toBe('1e+21')
  expect(stringifyValue(true)).toBe('true')
  expect(stringifyValue(null)).toBe('null')
  expect(stringifyValue({ b: 1, 2: 'x', a: [1, { c: null }] })).toBe('{"2":"x","b":1,"a":[1,{"c":null}]}')
})

test('decodeValue: base64 (both alphabets, whitespace), hex; strict otherwise, never echoing the value', () => {
  expect(decodeValue('MQ==', 'base64', 'w')).toBe('1')
  expect(decodeValue('aGVs\nbG8-_w', 'base64', 'w')).toBe(Buffer.from('aGVsbG8-_w', 'base64url').toString('utf8'))
  expect(decodeValue('68 65 6c 6c 6f', 'hex', 'w')).toBe('hello')
  expect(() => decodeValue('secret*value', 'base64', 'where')).toThrow(/^where: the value is not valid base64/)
  expect(() => decodeValue('abc', 'hex', 'w')).toThrow(/not valid hex/)
  expect(() => decodeValue('A', 'base64', 'w')).toThrow(/not valid base64/)
})

test('durations', () => {
  expect([
    parseDuration('90s'),
    parseDuration('10m'),
    parseDuration('1h'),
    parseDuration('1h30m'),
    parseDuration('45'),
  ]).toEqual([90, 600, 3600, 5400, 45])
  expect([parseDuration(''), parseDuration('10 m'), parseDuration('1d'), parseDuration('-5')]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ])
})

describe('fuzz', () => {
  test('parseVaultToken throws only InputError and never echoes the token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        try {
          parseVaultToken(raw)
        } catch (e) {
          expect(e).toBeInstanceOf(InputError)
          if (raw.trim().length >= 6) expect((e as Error).message).not.toContain(raw.trim())
        }
      }),
      { numRuns: RUNS },
    )
  })

  test('decodeValue throws only InputError and never echoes the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('base64' as const, 'hex' as const), (text, enc) => {
        try {
          decodeValue(text, enc, 'entry')
        } catch (e) {
          expect(e).toBeInstanceOf(ActionError)
          if (text.length >= 6) expect((e as Error).message).not.toContain(text)
        }
      }),
      { numRuns: RUNS },
    )
  })
})

describe('examples (docs/protocols/vault.md#examples), through the provider against a KV v2 secret', () => {
  let provider: ReturnType<typeof createVaultProvider>
  beforeAll(() => {
    server.mountKv('secret', 2)
    server.writeSecret('secret', 'ci', { npmToken: 't1', 'api-key': 'k', 'tls.crt': 'PEM', db: { password: 'pw' } })
    provider = createVaultProvider(settings(server.createToken({ policies: ['root'] })), {
      http: createHttpClient({ timeoutMs: 10_000, deadlineMs: 20_000 }),
      mask: () => {},
      warning: () => {},
      debug: () => {},
      now: Date.now,
      idToken: noIdToken,
    })
  })

  test.each([
    ['secret/data/ci npmToken', [['NPMTOKEN', 'npmToken', 't1']]],
    ['secret/data/ci npmToken | NPM_TOKEN', [['NPM_TOKEN', 'NPM_TOKEN', 't1']]],
    ['secret/data/ci db.password', [['DB__PASSWORD', 'db__password', 'pw']]],
    ['secret/data/ci "api-key"', [['APIKEY', 'apikey', 'k']]],
    ['secret/data/ci `tls.crt` | TLS_CRT', [['TLS_CRT', 'TLS_CRT', 'PEM']]],
    ['secret/data/ci db', [['DB', 'db', '{"password":"pw"}']]],
    [
      'secret/data/ci * | APP_',
      [
        ['APP_NPMTOKEN', 'APP_npmToken', 't1'],
        ['APP_APIKEY', 'APP_apikey', 'k'],
        ['APP_TLS__CRT', 'APP_tls__crt', 'PEM'],
        ['APP_DB', 'APP_db', '{"password":"pw"}'],
      ],
    ],
    [
      'secret/data/ci $.$ | ALL',
      [['ALL', 'ALL', '{"npmToken":"t1","api-key":"k","tls.crt":"PEM","db":{"password":"pw"}}']],
    ],
  ])('%s', async (input, expected) => {
    const secrets = (await provider.fetch(provider.parse(input).requests)).secrets as VaultSecret[]
    expect(secrets.map((s) => [s.name, s.outputName, s.value])).toEqual(expected)
  })

  test.each([
    ['secret/data/ci api-key', /line 1: You must provide a name for the output key when using json selectors/],
    [
      'secret/data/ci npmToken |',
      /line 1: You must provide a value when mapping a secret to a name\. Input: "secret\/data\/ci npmToken \|"/,
    ],
    ['secret/data/ci nokey', /Unable to retrieve result for data\.data\."nokey"\. No match data was found/],
    [
      'secret/data/ci tls.crt | T',
      /data\.data\.tls\.crt\. No match data was found.*select it with `tls\.crt` \(backticks\)/,
    ],
  ])('%s fails', async (input, message) => {
    await expect((async () => provider.fetch(provider.parse(input).requests))()).rejects.toThrow(message)
  })
})

test('vaultErrors folds "1 error occurred" wrappers and bounds the text', async () => {
  const { vaultErrors } = await import('../../../../src/providers/vault/api.js')
  const res = (text: string) => ({ status: 403, headers: {}, text })
  expect(vaultErrors(res('{"errors":["1 error occurred:\\n\\t* permission denied\\n\\n"]}\n'))).toBe(
    'permission denied',
  )
  expect(vaultErrors(res('{"errors":["a","b"]}'))).toBe('a; b')
  expect(vaultErrors(res('<html>'))).toBe('')
  expect(vaultErrors(res(JSON.stringify({ errors: ['x'.repeat(1000)] }))).length).toBeLessThanOrEqual(301)
})

test('fuzz: evaluatePath over random JSON never throws, whatever the parsed selector', async () => {
  const { parseVaultMapping } = await import('../../../../src/providers/vault/mapping.js')
  const { evaluatePath } = await import('../../../../src/providers/vault/evaluate.js')
  const selector = fc
    .array(fc.constantFrom('a', 'b', '.', '$', '*', '[0]', '[-1]', '[1]', '`a.b`', "'a'"), {
      minLength: 1,
      maxLength: 8,
    })
    .map((p) => p.join(''))
  fc.assert(
    fc.property(selector, fc.jsonValue(), (sel, data) => {
      let requests
      try {
        requests = parseVaultMapping(`p ${sel} | X`).requests
      } catch (e) {
        expect(e).toBeInstanceOf(InputError)
        return
      }
      for (const r of requests) if (r.steps) evaluatePath(r.steps, { a: data, b: [data, { a: data }] })
    }),
    { numRuns: RUNS },
  )
})
