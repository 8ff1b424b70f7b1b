// The JSONata subset that vault-action's selectors need (docs/protocols/vault.md#entry-syntax,
// #names, #selectors). Pure.
// vault-action evaluates `data.[data.]<selector>` with jsonata 2.0.4. We parse the selector with
// JSONata's lexer and operator table to classify it (string literal, path, or an expression that
// needs `| NAME`) and evaluate paths of field names, backtick names, quoted names, `$`, `*` and
// numeric index predicates with JSONata's sequence rules (one-level flattening, singleton
// unwrapping, empty = no match). Anything else is refused at parse time, so a selector is never
// silently empty. Lexing is selector-lexer.ts's, evaluating evaluate.ts's.
import { lex, OPS, SelectorSyntaxError, SelectorUnsupportedError, type Tok } from './selector-lexer.js'

export { decodeQuoted, SelectorSyntaxError, SelectorUnsupportedError } from './selector-lexer.js'

/** The parsed selector, shaped like the parts of JSONata's AST the vendor looks at. */
export type Node =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'value'; value: boolean | null }
  | { type: 'path'; steps: Step[] }
  | { type: 'variable'; value: string; index?: number[] }
  | { type: 'expr'; what: string }

export interface Step {
  kind: 'name' | 'context' | 'wildcard'
  name?: string
  /** Numeric index predicates, in order (`a[0][-1]`). */
  index: number[]
  /** Any predicate at all (JSONata's `stages`), numeric or not. */
  predicated: boolean
  /** A predicate we cannot evaluate, or a step that is not a plain name. */
  unsupported?: string
}

type Raw =
  | { k: 'lit'; node: Node }
  | { k: 'name'; v: string }
  | { k: 'var'; v: string }
  | { k: 'wild'; v: '*' | '**' }
  | { k: 'path'; steps: Raw[] }
  | { k: 'pred'; base: Raw; pred: Raw }
  | { k: 'other'; what: string }

class Parser {
  private i = 0
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!
  }

  private next(): Tok {
    return this.toks[this.i++]!
  }

  private expect(op: string): void {
    const t = this.next()
    if (t.t === 'end') throw new SelectorSyntaxError(`Expected "${op}" before end of expression`)
    if (t.t !== 'op' || t.v !== op)
      throw new SelectorSyntaxError(`Expected "${op}", got "${'v' in t ? String(t.v) : ''}"`)
  }

  private lbp(t: Tok): number {
    return t.t === 'op' ? (OPS[t.v] ?? 0) : 0
  }

  parse(): Raw {
    const r = this.expression(0)
    const t = this.peek()
    if (t.t !== 'end') throw new SelectorSyntaxError(`Syntax error: "${'v' in t ? String(t.v) : ''}"`)
    return r
  }

  expression(rbp: number): Raw {
    let left = this.nud(this.next())
    while (rbp < this.lbp(this.peek())) left = this.led(this.next() as Tok & { t: 'op' }, left)
    return left
  }

  private nud(t: Tok): Raw {
    switch (t.t) {
      case 'end':
        throw new SelectorSyntaxError('Unexpected end of expression')
      case 'string':
        return { k: 'lit', node: { type: 'string', value: t.v } }
      case 'number':
        return { k: 'lit', node: { type: 'number', value: t.v } }
      case 'value':
        return { k: 'lit', node: { type: 'value', value: t.v } }
      case 'name':
        return { k: 'name', v: t.v }
      case 'variable':
        return { k: 'var', v: t.v }
      case 'op':
        break
    }
    switch (t.v) {
      case '*':
      case '**':
        return { k: 'wild', v: t.v }
      case '-': {
        const operand = this.expression(70)
        if (operand.k === 'lit' && operand.node.type === 'number')
          return { k: 'lit', node: { type: 'number', value: -operand.node.value } }
        return { k: 'other', what: 'unary minus' }
      }
      case '(': {
        if (!(this.peek().t === 'op' && (this.peek() as { v: string }).v === ')')) {
          this.expression(0)
          while (this.peek().t === 'op' && (this.peek() as { v: string }).v === ';') {
            this.next()
            this.expression(0)
          }
        }
        this.expect(')')
        return { k: 'other', what: 'a block' }
      }
      case '[': {
        if (!(this.peek().t === 'op' && (this.peek() as { v: string }).v === ']')) {
          this.expression(0)
          while (this.peek().t === 'op' && (this.peek() as { v: string }).v === ',') {
            this.next()
            this.expression(0)
          }
        }
        this.expect(']')
        return { k: 'other', what: 'an array constructor' }
      }
      case 'and':
      case 'or':
      case 'in':
        // JSONata lets these words be field names when they start an expression.
        return { k: 'name', v: t.v }
    }
    if (t.v === '{' || t.v === '|' || t.v === '@' || t.v === '#' || t.v === '?' || t.v === '~' || t.v === '!') {
      throw new SelectorUnsupportedError(`the JSONata operator "${t.v}" is not supported in selectors`)
    }
    throw new SelectorSyntaxError(`Syntax error: "${t.v}"`)
  }

  private led(t: Tok & { t: 'op' }, left: Raw): Raw {
    switch (t.v) {
      case '.': {
        const right = this.expression(OPS['.']!)
        const steps = [...(left.k === 'path' ? left.steps : [left]), ...(right.k === 'path' ? right.steps : [right])]
        for (const s of steps) {
          if (s.k === 'lit' && (s.node.type === 'number' || s.node.type === 'value')) {
            throw new SelectorSyntaxError(
              `The literal value ${String(s.node.value)} cannot be used as a step within a path expression`,
            )
          }
        }
        return { k: 'path', steps }
      }
      case '[': {
        if (this.peek().t === 'op' && (this.peek() as { v: string }).v === ']') {
          this.next()
          return { k: 'other', what: 'an empty predicate []' }
        }
        const pred = this.expression(0)
        this.expect(']')
        if (left.k === 'path') {
          const last = left.steps[left.steps.length - 1]!
          return { k: 'path', steps: [...left.steps.slice(0, -1), { k: 'pred', base: last, pred }] }
        }
        return { k: 'pred', base: left, pred }
      }
      case '(': {
        if (!(this.peek().t === 'op' && (this.peek() as { v: string }).v === ')')) {
          this.expression(0)
          while (this.peek().t === 'op' && (this.peek() as { v: string }).v === ',') {
            this.next()
            this.expression(0)
          }
        }
        this.expect(')')
        return { k: 'other', what: 'a function call' }
      }
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '=':
      case '<':
      case '>':
      case '!=':
      case '<=':
      case '>=':
      case '&':
      case 'and':
      case 'or':
      case 'in':
      case '..':
      case '??':
      case '?:':
        this.expression(OPS[t.v]!)
        return { k: 'other', what: `the operator "${t.v}"` }
      case '**':
        // `a**b` is not valid JSONata after an operand (descendant is a prefix form).
        throw new SelectorSyntaxError('Syntax error: "**"')
    }
    throw new SelectorUnsupportedError(`the JSONata operator "${t.v}" is not supported in selectors`)
  }
}

function toStep(raw: Raw): Step {
  let base = raw
  const index: number[] = []
  let predicated = false
  let unsupported: string | undefined
  const preds: Raw[] = []
  while (base.k === 'pred') {
    preds.unshift(base.pred)
    base = base.base
  }
  for (const p of preds) {
    predicated = true
    if (p.k === 'lit' && p.node.type === 'number') index.push(p.node.value)
    else unsupported ??= 'a predicate other than a number'
  }
  if (base.k === 'name') return { kind: 'name', name: base.v, index, predicated, unsupported }
  if (base.k === 'lit' && base.node.type === 'string')
    return { kind: 'name', name: base.node.value, index, predicated, unsupported }
  if (base.k === 'var' && base.v === '') return { kind: 'context', index, predicated, unsupported }
  if (base.k === 'wild' && base.v === '*') return { kind: 'wildcard', index, predicated, unsupported }
  const what =
    base.k === 'var'
      ? `the variable $${base.v}`
      : base.k === 'wild'
        ? 'the descendant operator **'
        : base.k === 'other'
          ? base.what
          : 'this step'
  return { kind: 'name', index, predicated, unsupported: unsupported ?? what }
}

const MAX_SELECTOR = 4096

/** Parses a selector as JSONata would (jsonata(selector).ast()), into the shape the vendor checks. */
export function parseSelector(text: string): Node {
  // Lexing and path building grow quadratically (a 100 kB selector took ~20 s, 1 MiB far longer); real ones are short.
  if (text.length > MAX_SELECTOR) throw new SelectorUnsupportedError(`it is longer than ${MAX_SELECTOR} characters`)
  const raw = new Parser(lex(text)).parse()
  switch (raw.k) {
    case 'lit':
      return raw.node
    case 'name':
    case 'wild':
    case 'pred':
      // JSONata wraps a lone name (with or without predicates) in a one-step path.
      if (raw.k === 'pred' && raw.base.k !== 'name' && raw.base.k !== 'wild')
        return { type: 'expr', what: 'a predicate on a non-path expression' }
      return { type: 'path', steps: [toStep(raw)] }
    case 'path':
      return { type: 'path', steps: raw.steps.map(toStep) }
    case 'var':
      return { type: 'variable', value: raw.v }
    case 'other':
      return { type: 'expr', what: raw.what }
  }
}

/** vault-action: a name is required unless the selector is a string literal or a path whose first step has no predicate. */
export function needsName(node: Node): boolean {
  if (node.type === 'string') return false
  if (node.type === 'path') return node.steps[0]!.predicated
  return true
}

/** The compiled dotted selector: steps we can evaluate. Throws SelectorUnsupportedError otherwise. */
export function compilePath(node: Node): Step[] {
  if (node.type === 'string') return [{ kind: 'name', name: node.value, index: [], predicated: false }]
  if (node.type !== 'path') {
    throw new SelectorUnsupportedError(
      node.type === 'expr' ? `${node.what} cannot be evaluated by this action` : 'only paths can be evaluated',
    )
  }
  for (const s of node.steps)
    if (s.unsupported) throw new SelectorUnsupportedError(`${s.unsupported} cannot be evaluated by this action`)
  return node.steps
}
