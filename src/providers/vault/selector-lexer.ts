// The lexer of vault-action's selectors (docs/protocols/vault.md#selectors): JSONata's tokens and
// operator table, so a selector is classified exactly as jsonata 2.0.4 would read it (selector.ts
// parses, evaluate.ts evaluates). Pure.
import { ActionError } from '../../errors.js'

/** A selector JSONata would reject (the message is JSONata-like). */
export class SelectorSyntaxError extends ActionError {}
/** Valid JSONata, but outside what this action evaluates. */
export class SelectorUnsupportedError extends ActionError {}

export type Tok =
  | { t: 'op'; v: string; pos: number }
  | { t: 'name'; v: string; pos: number; quoted: boolean }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'value'; v: boolean | null; pos: number }
  | { t: 'variable'; v: string; pos: number }
  | { t: 'end'; pos: number }

// JSONata 2.x operator binding powers.
export const OPS: Record<string, number> = {
  '.': 75,
  '[': 80,
  ']': 0,
  '{': 70,
  '}': 0,
  '(': 80,
  ')': 0,
  ',': 0,
  '@': 80,
  '#': 80,
  ';': 80,
  ':': 80,
  '?': 20,
  '+': 50,
  '-': 50,
  '*': 60,
  '/': 60,
  '%': 60,
  '|': 20,
  '=': 40,
  '<': 40,
  '>': 40,
  '^': 40,
  '**': 60,
  '..': 20,
  ':=': 10,
  '!=': 40,
  '<=': 40,
  '>=': 40,
  '~>': 40,
  '?:': 40,
  '??': 40,
  and: 30,
  or: 25,
  in: 40,
  '&': 50,
  '!': 0,
  '~': 0,
}
const SINGLE = new Set('.[]{}(),@#;:?+-*/%|=<>^&!~'.split(''))
const DOUBLE = new Set(['..', ':=', '!=', '>=', '<=', '**', '~>', '?:', '??'])
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?/
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

/** Reads a JSONata string body starting after the opening quote; returns the text and the end index. */
function readString(src: string, start: number, quote: string): [string, number] {
  let out = ''
  for (let i = start; i < src.length; i++) {
    const c = src[i]!
    if (c === '\\') {
      const e = src[++i]
      if (e === undefined) break
      if (e in ESCAPES) out += ESCAPES[e]
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(src.slice(i + 1, i + 5), 16))
        i += 4
      } else throw new SelectorSyntaxError(`Unsupported escape sequence: \\${e}`)
    } else if (c === quote) return [out, i + 1]
    else out += c
  }
  throw new SelectorSyntaxError('String literal must be terminated by a matching quote')
}

/** Decodes `"<text>"` as JSONata would (the vendor wraps dot-free selectors in double quotes). */
export function decodeQuoted(text: string): string {
  const [value, end] = readString(`${text}"`, 0, '"')
  if (end !== text.length + 1) throw new SelectorSyntaxError('Syntax error: unexpected text after the string literal')
  return value
}

export function lex(src: string): Tok[] {
  const toks: Tok[] = []
  let i = 0
  const isNameEnd = (c: string): boolean => /\s/.test(c) || SINGLE.has(c)
  while (i < src.length) {
    const c = src[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      if (end < 0) throw new SelectorSyntaxError('Comment has no closing tag')
      i = end + 2
      continue
    }
    const two = src.slice(i, i + 2)
    if (DOUBLE.has(two)) {
      toks.push({ t: 'op', v: two, pos: i })
      i += 2
      continue
    }
    if (SINGLE.has(c)) {
      // A leading '-' before a number is an operator here; the parser handles unary minus.
      toks.push({ t: 'op', v: c, pos: i })
      i++
      continue
    }
    if (c === '"' || c === "'") {
      const [v, end] = readString(src, i + 1, c)
      toks.push({ t: 'string', v, pos: i })
      i = end
      continue
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1)
      if (end < 0) throw new SelectorSyntaxError('Quoted property name must be terminated with a backquote (`)')
      toks.push({ t: 'name', v: src.slice(i + 1, end), pos: i, quoted: true })
      i = end + 1
      continue
    }
    const num = NUMBER.exec(src.slice(i))
    if (num && /[0-9]/.test(c)) {
      toks.push({ t: 'number', v: Number(num[0]), pos: i })
      i += num[0].length
      continue
    }
    let j = i
    while (j < src.length && !isNameEnd(src[j]!)) j++
    const word = src.slice(i, j)
    if (c === '$') toks.push({ t: 'variable', v: word.slice(1), pos: i })
    else if (word === 'and' || word === 'or' || word === 'in') toks.push({ t: 'op', v: word, pos: i })
    else if (word === 'true' || word === 'false') toks.push({ t: 'value', v: word === 'true', pos: i })
    else if (word === 'null') toks.push({ t: 'value', v: null, pos: i })
    else toks.push({ t: 'name', v: word, pos: i, quoted: false })
    i = j
  }
  toks.push({ t: 'end', pos: src.length })
  return toks
}
