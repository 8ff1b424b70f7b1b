// Infisical service-token parsing (docs/protocols/infisical.md#token-parsing, INF-TOK-1/2), one row per rule.
import { InputError } from '../../../../src/errors.js'
import { parseServiceToken } from '../../../../src/providers/infisical/token.js'
import { readSettings } from '../../../../src/inputs.js'
import { detectProvider } from '../../../../src/providers/index.js'

const ID = '5f1d4a3e-8c2b-4e0a-9d6f-1a2b3c4d5e6f'
const SECRET = '0123456789abcdef0123456789abcdef'
const KEY = '441a8a4ae97e04270f9b4092d83a8f0d'
const TOKEN = `st.${ID}.${SECRET}.${KEY}`

test.each([
  ['a current token', TOKEN, { bearer: `st.${ID}.${SECRET}`, tokenId: ID, tokenSecret: SECRET, symKey: KEY }],
  [
    'a Mongo-era id',
    `st.64b7f1e2a3c4d5e6f7a8b9c0.${SECRET}.${KEY}`,
    {
      bearer: `st.64b7f1e2a3c4d5e6f7a8b9c0.${SECRET}`,
      tokenId: '64b7f1e2a3c4d5e6f7a8b9c0',
      tokenSecret: SECRET,
      symKey: KEY,
    },
  ],
  [
    'a pasted trailing newline',
    `${TOKEN}\n`,
    { bearer: `st.${ID}.${SECRET}`, tokenId: ID, tokenSecret: SECRET, symKey: KEY },
  ],
  [
    'surrounding spaces and CRLF',
    `  ${TOKEN}\r\n`,
    { bearer: `st.${ID}.${SECRET}`, tokenId: ID, tokenSecret: SECRET, symKey: KEY },
  ],
  [
    'id and secret are not validated (older servers)',
    'st.x.y.z',
    { bearer: 'st.x.y', tokenId: 'x', tokenSecret: 'y', symKey: 'z' },
  ],
])('parses %s', (_name, text, expected) => {
  expect(parseServiceToken(text)).toEqual({ text: text.trim(), ...expected })
})

test.each([
  ['no st. prefix', `xt.${ID}.${SECRET}.${KEY}`, /does not start with 'st\.'/],
  ['upper-case prefix', `ST.${ID}.${SECRET}.${KEY}`, /does not start with 'st\.'/],
  ['three parts (no key)', `st.${ID}.${SECRET}`, /wrong number of parts .* found 3/],
  ['five parts', `${TOKEN}.extra`, /wrong number of parts .* found 5/],
  ['an empty id', `st..${SECRET}.${KEY}`, /its id .* is empty/],
  ['an empty secret', `st.${ID}..${KEY}`, /its secret .* is empty/],
  ['an empty key', `st.${ID}.${SECRET}.`, /its key .* is empty/],
  ['an inner space', `st.${ID}.${SECRET} .${KEY}`, /not printable ASCII \(at position 73\)/],
  ['a non-ASCII character', `st.${ID}.${SECRET}.${KEY}é`, /not printable ASCII/],
  ['empty', '', /does not start with 'st\.'/],
])('refuses %s, naming the input and never the parts', (_name, text, error) => {
  let thrown: unknown
  try {
    parseServiceToken(text)
  } catch (e) {
    thrown = e
  }
  expect(thrown).toBeInstanceOf(InputError)
  const message = (thrown as Error).message
  expect(message).toMatch(/^Input 'access_token' is not a valid Infisical service token: /)
  expect(message).toMatch(error)
  for (const part of [SECRET, KEY, ID]) expect(message).not.toContain(part)
})

/** The token as the action reads it from INPUT_ACCESS_TOKEN: trimmed there, once. */
function asRead(token: string): string {
  const saved = process.env.INPUT_ACCESS_TOKEN
  process.env.INPUT_ACCESS_TOKEN = token
  try {
    return readSettings().accessToken
  } finally {
    if (saved === undefined) delete process.env.INPUT_ACCESS_TOKEN
    else process.env.INPUT_ACCESS_TOKEN = saved
  }
}

test.each([
  ['a service token', TOKEN, 'auto', 'infisical'],
  ['a service token pasted with newlines, as the runner reads it', asRead(`\n${TOKEN}\n`), 'auto', 'infisical'],
  ['a Bitwarden token', '0.5f1d4a3e-8c2b-4e0a-9d6f-1a2b3c4d5e6f.secret:a2V5', 'auto', 'bitwarden'],
  ['provider: infisical overrides the shape', '0.x.y:z', 'infisical', 'infisical'],
  ['provider: bitwarden overrides the shape', TOKEN, 'bitwarden', 'bitwarden'],
] as const)('detects %s', (_name, token, choice, kind) => {
  expect(detectProvider(token, choice)).toBe(kind)
})

test('an empty token with client_id set (machine identity) selects Infisical', () => {
  expect(detectProvider('', 'auto', true)).toBe('infisical')
  expect(detectProvider('', 'auto', false)).toBe('bitwarden')
})
