// `clean`: the names recorded for the post step, and the post step's emptying of each.
import { CLEAN_ENV_CLEANUP, cleanEnv, cleanEnvCleanup } from '../../../src/runner/clean-env.js'

test('records the env names only (outputs-only secrets left out; with set_env false, only env-only ones)', () => {
  const secrets = [{ name: 'A' }, { name: 'B', only: 'output' as const }, { name: 'VAULT_TOKEN', only: 'env' as const }]
  expect(cleanEnvCleanup(secrets, { setEnv: true })).toEqual({
    kind: CLEAN_ENV_CLEANUP,
    data: { names: 'A\nVAULT_TOKEN' },
  })
  expect(cleanEnvCleanup(secrets, { setEnv: false })!.data).toEqual({ names: 'VAULT_TOKEN' })
  // set_env: false (or Infisical's export-type: file) and no env-only secret: nothing to record.
  expect(cleanEnvCleanup([{ name: 'A' }], { setEnv: false })).toBeUndefined()
})

test('the post step sets each recorded name to the empty string and says how many; junk names are skipped', () => {
  const set: [string, string][] = []
  const said: string[] = []
  cleanEnv(
    { names: 'A\nB_2\nbad=name\n\n' },
    (n, v) => void set.push([n, v]),
    (m) => void said.push(m),
  )
  expect(set).toEqual([
    ['A', ''],
    ['B_2', ''],
  ])
  expect(said).toEqual(['inject-secrets post step: emptied 2 environment variables for the later steps (clean: true).'])
  cleanEnv(
    {},
    () => {},
    (m) => void said.push(m),
  )
  expect(said[1]).toMatch(/emptied 0 environment variables/)
})
