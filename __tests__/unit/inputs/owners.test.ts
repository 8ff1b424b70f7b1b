// Inputs for another provider (issue 14, item 9): the owners table is action.yml's inputs and
// defaults exactly; "given" means not empty and not the default; each provider warns for (or refuses)
// what it ignores, naming the input and itself; the CLI's flags read the same way.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import fc from 'fast-check'
import { cliInputs } from '../../../src/cli/args.js'
import { InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/inputs.js'
import { givenInputs, ignoredInputs, INPUTS, WRITE_INPUTS } from '../../../src/inputs/owners.js'
import type { ProviderKind } from '../../../src/providers/provider.js'

const ROOT = join(import.meta.dirname ?? '.', '../../..')
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }
const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

const source =
  (inputs: Record<string, string>) =>
  (name: string): string => {
    // As the runner does: action.yml's default for every input the step left out.
    const v = inputs[name] ?? action.inputs[name]?.default ?? ''
    return v.trim()
  }

const names = (given: ReturnType<typeof givenInputs>): string[] => given.map((g) => g.name)

function ignored(inputs: Record<string, string>, provider: ProviderKind): string[] {
  return ignoredInputs(givenInputs(source(inputs)), provider)
}

test("the table is action.yml's inputs, in its order, with its defaults", () => {
  expect(Object.keys(INPUTS)).toEqual(Object.keys(action.inputs))
  for (const [name, spec] of Object.entries(action.inputs)) {
    expect([name, INPUTS[name]?.default]).toEqual([name, spec.default])
  }
})

test("the write action's inputs are the table's, with the same defaults, plus its own for every provider", () => {
  const write = yaml.load(readFileSync(join(ROOT, 'write/action.yml'), 'utf8')) as typeof action
  const own = ['create', 'dry_run', 'allow_empty']
  expect(Object.keys(write.inputs).filter((n) => !own.includes(n))).toEqual(WRITE_INPUTS)
  for (const name of WRITE_INPUTS) expect([name, INPUTS[name]?.default]).toEqual([name, write.inputs[name]!.default])
})

test('the write action: a server input for another provider is refused, in its own words', () => {
  const given = givenInputs(source({ cloud_region: 'eu', project: 'web', environment: 'prod' }), WRITE_INPUTS)
  expect(() => ignoredInputs(given, 'infisical', 'write')).toThrow(
    "Input 'cloud_region' is read for Bitwarden Secrets Manager only, but this run uses Infisical, which would ignore it: the credential would go to another server than the one it names.",
  )
  expect(() => ignoredInputs(givenInputs(source({ project: 'web' }), WRITE_INPUTS), 'bitwarden', 'write')).toThrow(
    'the secrets would not be written where it names',
  )
  // Only the write action's inputs are looked at: a read-only input left in the step is not its business.
  expect(names(givenInputs(source({ export_file: 'x.env', create: 'false' }), WRITE_INPUTS))).toEqual([])
})

test('nothing is given when every input has its default (the runner fills them in)', () => {
  expect(givenInputs(source({}))).toEqual([])
  // The same defaults spelled differently, and empty values, are not "given" either.
  expect(names(givenInputs(source({ check_token: 'False', min_ttl: '10M', provider: 'AUTO', namespace: '' })))).toEqual(
    [],
  )
})

test('given: not empty and not the default', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(INPUTS)),
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
      (name, value) => {
        const given = names(givenInputs(source({ [name]: value })))
        const isDefault = value.trim().toLowerCase() === (INPUTS[name]!.default ?? '').toLowerCase()
        expect(given).toEqual(isDefault ? [] : [name])
      },
    ),
  )
})

describe('Bitwarden', () => {
  test('warns for the inputs of Vault and Infisical it ignores, naming the input and both providers', () => {
    const warnings = ignored(
      { namespace: 'team-a', check_token: 'true', client_id: 'id', client_secret: 's', role: 'ci' },
      'bitwarden',
    )
    expect(warnings).toEqual([
      "Input 'client_id' is read for Infisical only, but this run uses Bitwarden Secrets Manager, which ignores it.",
      "Input 'client_secret' is read for Infisical only, but this run uses Bitwarden Secrets Manager, which ignores it.",
      "Input 'namespace' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
      "Input 'check_token' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
      "Input 'role' is read for Vault only, but this run uses Bitwarden Secrets Manager, which ignores it.",
    ])
  })

  test.each([
    ['encoding', 'base64', 'what is exported would not be what it asks for'],
    ['secretEncodingType', 'hex', 'what is exported would not be what it asks for'],
    ['export_token', 'child', 'what is exported would not be what it asks for'],
    ['exportToken', 'true', 'what is exported would not be what it asks for'],
    ['export-type', 'file', 'what is exported would not be what it asks for'],
    ['domain', 'https://infisical.example.com', 'the credential would go to another server than the one it names'],
    ['project', 'web', 'a wildcard would not be narrowed by it'],
  ])('refuses %s, which would change what is exported or where the token goes', (name, value, why) => {
    expect(() => ignored({ [name]: value }, 'bitwarden')).toThrow(InputError)
    expect(() => ignored({ [name]: value }, 'bitwarden')).toThrow(
      `Input '${name}' is read for ${name === 'domain' || name === 'project' || name === 'export-type' ? 'Infisical' : 'Vault'} only, but this run uses Bitwarden Secrets Manager, which would ignore it: ${why}.`,
    )
  })

  test('reads its own and the common inputs without a word', () => {
    expect(
      ignored(
        { cloud_region: 'eu', base_url: 'https://b.example', timeout: '30', summary: 'false', url: 'https://x' },
        'bitwarden',
      ),
    ).toEqual([])
  })
})

describe('Vault', () => {
  test('refuses the Bitwarden and Infisical server inputs: the token would go elsewhere', () => {
    for (const name of ['cloud_region', 'identity_url', 'api_url', 'domain'])
      expect(() => ignored({ [name]: name === 'cloud_region' ? 'eu' : 'https://x.example' }, 'vault')).toThrow(
        "which would ignore it: the credential would go to another server than the one it names. Remove it, or set 'provider:",
      )
  })

  test('warns for Infisical login and folder inputs; reads its own', () => {
    expect(
      ignored({ environment: 'prod', 'identity-id': 'x', namespace: 'ns', ttl: '1h', extraHeaders: 'a: b' }, 'vault'),
    ).toEqual([
      "Input 'environment' is read for Infisical only, but this run uses Vault, which ignores it.",
      "Input 'identity-id' is read for Infisical only, but this run uses Vault, which ignores it.",
    ])
  })

  test("an Infisical 'method' is Infisical's; any other is Vault's", () => {
    expect(ignored({ method: 'oidc' }, 'vault')).toEqual([
      "Input 'method' is read for Infisical only, but this run uses Vault, which ignores it.",
    ])
    expect(ignored({ method: 'approle' }, 'vault')).toEqual([])
    // With authPayload, oidc is Vault's own oidc method.
    expect(ignored({ method: 'oidc', authPayload: '{}' }, 'vault')).toEqual([])
  })
})

describe('Infisical', () => {
  test('warns for the Vault inputs it ignores; refuses the Bitwarden server ones', () => {
    expect(ignored({ namespace: 'ns', 'extra-headers': 'a: b', recursive: 'true' }, 'infisical')).toEqual([
      "Input 'namespace' is read for Vault only, but this run uses Infisical, which ignores it.",
    ])
    expect(() => ignored({ cloud_region: 'eu' }, 'infisical')).toThrow(
      "Input 'cloud_region' is read for Bitwarden Secrets Manager only, but this run uses Infisical",
    )
    expect(ignored({ method: 'approle' }, 'infisical')).toEqual([
      "Input 'method' is read for Vault only, but this run uses Infisical, which ignores it.",
    ])
    expect(ignored({ method: 'universal' }, 'infisical')).toEqual([])
  })
})

test('readSettings records what was given', () => {
  const saved = { ...process.env }
  try {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k]
    process.env.INPUT_ACCESS_TOKEN =
      '0.ec2c1d46-6a4b-4751-a310-af9601317f2d.C2IgxjjLF7qSshsbwe8JGcbM075YXw:X8vbvA0bduihIDe/qrzIQQ=='
    process.env.INPUT_NAMESPACE = 'team-a'
    process.env.INPUT_MIN_TTL = '10m'
    expect(names(readSettings().given)).toEqual(['access_token', 'namespace'])
  } finally {
    process.env = saved
  }
})

test('the CLI: absent flags are not given, so only the flags used are checked', () => {
  const flags = new Map([
    ['namespace', 'team-a'],
    ['secrets', 'X'],
  ])
  const given = givenInputs(cliInputs(flags, { INJECT_SECRETS_CHECK_TOKEN: 'true' }))
  expect(names(given)).toEqual(['secrets', 'namespace', 'check_token'])
  expect(ignoredInputs(given, 'infisical')).toHaveLength(2)
})
