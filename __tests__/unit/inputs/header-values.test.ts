// Inputs that become HTTP header values (issue 14, item 10): Vault's `namespace` (or
// VAULT_NAMESPACE), `extraHeaders` and Infisical's `extra-headers`. Control characters, characters a
// header cannot carry and 120 kB end in an error naming the input before any request; what is echoed
// is bounded and escaped, and a header value (often a credential) is never echoed.
import { validateHeaderValue } from 'node:http'
import fc from 'fast-check'
import { InputError } from '../../../src/errors.js'
import { headerValueProblem, MAX_HEADER_VALUE, shown } from '../../../src/input-readers.js'
import { readSettings } from '../../../src/inputs.js'
import { parseExtraHeaders as infisicalHeaders } from '../../../src/inputs/infisical-headers.js'
import { parseExtraHeaders as vaultHeaders } from '../../../src/inputs/vault-login.js'

const VAULT_TOKEN = 'hvs.CAESIJlU3r8x4h1ZrK8t5K7Pq2mWbX9yV0cD'

function settings(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return readSettings((name) => inputs[name] ?? '', { env })
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError')
}

describe('headerValueProblem', () => {
  test('accepts exactly what Node can send as a header value (fuzzed against http.validateHeaderValue)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        if (headerValueProblem(value) === undefined) expect(() => validateHeaderValue('x', value)).not.toThrow()
      }),
      { numRuns: 1000 },
    )
    // Latin-1 text and tabs are fine; a namespace is usually plain ASCII.
    expect(headerValueProblem('team-a/ns\tcafé')).toBeUndefined()
  })

  test.each([
    ['NUL', 'a\u0000b', 'contains a control character'],
    ['CR', 'a\rb', 'contains a control character'],
    ['LF', 'a\nb', 'contains a control character'],
    ['ESC', 'a\u001b[31mb', 'contains a control character'],
    ['CSI (C1)', 'a\u009bb', 'contains a control character'],
    ['DEL', 'a\u007fb', 'contains a control character'],
    ['U+2713', '✓', 'contains a character outside Latin-1, which an HTTP header cannot carry'],
    [
      '120 kB',
      'x'.repeat(120_000),
      `is 120000 characters long, more than the ${MAX_HEADER_VALUE} an HTTP header value may hold`,
    ],
  ])('refuses %s', (_label, value, problem) => {
    expect(headerValueProblem(value)).toBe(problem)
  })
})

describe("Vault's namespace", () => {
  test('control characters: an error naming the input, escaped', () => {
    const err = errorOf(() => settings({ access_token: VAULT_TOKEN, namespace: 'team\u001b[2Ja\nb' }))
    expect(err.message).toBe(
      "Input 'namespace' contains a control character (it is sent as the X-Vault-Namespace header): 'team\\u001b[2Ja\\u000ab'.",
    )
  })

  test('120 kB: an error naming the input, the echo cut short', () => {
    const err = errorOf(() => settings({ access_token: VAULT_TOKEN, namespace: 'n'.repeat(120_000) }))
    expect(err.message).toContain("Input 'namespace' is 120000 characters long")
    expect(err.message.length).toBeLessThan(300)
  })

  test('from VAULT_NAMESPACE: the error names the variable', () => {
    const err = errorOf(() => settings({ access_token: VAULT_TOKEN }, { VAULT_NAMESPACE: 'a\u0007b' }))
    expect(err.message).toMatch(/^The environment variable VAULT_NAMESPACE contains a control character/)
  })

  test('a usual namespace is kept, slashes trimmed', () => {
    expect(settings({ access_token: VAULT_TOKEN, namespace: '/admin/team-a/' }).vault.namespace).toBe('admin/team-a')
  })
})

describe('extra header inputs: never echoing the value', () => {
  const SECRET = 'cf-secret-Zq9'
  test.each([
    ['extraHeaders', vaultHeaders],
    ['extra-headers', infisicalHeaders],
  ] as const)('%s', (input, parse) => {
    for (const value of [`${SECRET}\u0001`, `${SECRET}✓`, `${SECRET}${'x'.repeat(9000)}`]) {
      const err = errorOf(() => parse(`X-Auth: ${value}`))
      expect(err.message).toMatch(new RegExp(`^Input '${input}', line 1: the value of '?x-auth'? (contains|is \\d+)`))
      expect(err.message).not.toContain(SECRET)
    }
    // Each value fits, but together they would be refused by any server.
    const many = Array.from({ length: 3 }, (_, i) => `X-H${i}: ${'v'.repeat(8000)}`).join('\n')
    expect(errorOf(() => parse(many)).message).toMatch(
      new RegExp(`^Input '${input}': the headers add up to 24\\d{3} characters, more than the 16384`),
    )
  })
})

test('shown() escapes C1 controls too (CSI, U+009B, starts a terminal escape)', () => {
  expect(shown('a\u009b2Jb')).toBe("'a\\u009b2Jb'")
})
