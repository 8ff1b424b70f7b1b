// Cleanups for the post step: recorded as one JSON list under one state key, run in reverse, and
// every failure a warning.
import { CLEANUP_STATE_KEY, createCleanupRecorder, parseCleanups, runCleanups } from '../../../src/runner/cleanup.js'

test('cleanups: recorded as one JSON list under one key; run in reverse; failures and unknown kinds are warnings', async () => {
  const saved = new Map<string, string>()
  const record = createCleanupRecorder((k, v) => saved.set(k, v))
  record([{ kind: 'a', data: { x: '1' } }])
  record([])
  record([{ kind: 'b', data: { y: '2' } }])
  const text = saved.get(CLEANUP_STATE_KEY)!
  expect(parseCleanups(text).map((c) => c.kind)).toEqual(['a', 'b'])
  const ran: string[] = []
  const warnings: string[] = []
  const ok = await runCleanups(
    `${text.slice(0, -1)},{"kind":"zzz","data":{}}]`,
    async (kind) =>
      ({
        a: async (d: Readonly<Record<string, string>>) => void ran.push(`a${d.x}`),
        b: async () => {
          throw new Error('boom')
        },
      })[kind],
    { warning: (w) => warnings.push(w), info: () => {} },
  )
  expect(ok).toBe(1)
  expect(ran).toEqual(['a1'])
  expect(warnings).toEqual([
    "inject-secrets post step: no handler for the recorded cleanup 'zzz'.",
    'inject-secrets post step: b failed: boom',
  ])
  expect(parseCleanups('not json')).toEqual([])
  expect(parseCleanups('[{"kind":"x","data":{"n":1}}]')).toEqual([])
})
