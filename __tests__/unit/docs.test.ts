// The docs agree with the code: action.yml, README's inputs tables and src/inputs.ts name the same
// inputs; action.yml's outputs are documented and set; every error message the code throws is in
// README's troubleshooting table; examples/ and README's YAML snippets parse and use real inputs.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname ?? '.', '../..')
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8')

// js-yaml is already installed (through eslint); no types are, so it is loaded untyped.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

type Yaml = Record<string, unknown>
const isObject = (v: unknown): v is Yaml => typeof v === 'object' && v !== null && !Array.isArray(v)

const action = yaml.load(read('action.yml')) as { inputs: Yaml; outputs?: Yaml }
const ACTION_INPUTS = new Set(Object.keys(action.inputs))
const README = read('README.md')
const writeAction = yaml.load(read('write/action.yml')) as { inputs: Yaml; runs: Yaml }
const WRITE_INPUTS = new Set(Object.keys(writeAction.inputs))

function sorted(s: Iterable<string>): string[] {
  return [...s].sort()
}

/**
 * Inputs named in the first cell of every README table whose header starts with `| Input |` (the
 * read action's), or with `| Write input |` (the write action's).
 */
function readmeInputs(header = 'Input'): Set<string> {
  const names = new Set<string>()
  let inTable = false
  for (const line of README.split('\n')) {
    if (line.startsWith(`| ${header} |`)) {
      inTable = true
      continue
    }
    if (!line.startsWith('|')) {
      inTable = false
      continue
    }
    if (!inTable || /^\|[-| ]+\|$/.test(line)) continue
    const first = line.split('|')[1] ?? ''
    for (const [, name] of first.matchAll(/`([A-Za-z_-]+)`/g)) names.add(name!)
  }
  return names
}

/**
 * Inputs src/inputs.ts and src/inputs/*.ts read: the literal first argument of every call of an
 * InputReader method (`read.text('…')`, `read.boolean('…', …)`, `read.either(['…', '…'])`, …;
 * src/input-readers.ts), however prettier wraps it.
 */
function codeInputs(): Set<string> {
  const files = ['src/inputs.ts', ...readdirSync(join(ROOT, 'src/inputs')).map((f) => `src/inputs/${f}`)]
  const names = new Set<string>()
  const methods = new Set<string>()
  for (const file of files) {
    const src = read(file)
    for (const [, method, arg] of src.matchAll(/\bread\s*\.\s*(\w+)\(\s*('[A-Za-z_-]+'|\[[^\]]*\])/g)) {
      methods.add(method!)
      for (const [, name] of arg!.matchAll(/'([A-Za-z_-]+)'/g)) names.add(name!)
    }
  }
  // The pattern must keep finding the readers, or this test would pass on nothing.
  expect([...methods]).toEqual(expect.arrayContaining(['text', 'boolean', 'choice', 'required', 'url', 'duration']))
  return names
}

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f)
    return statSync(join(ROOT, p)).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('inputs', () => {
  test('action.yml, README and src/inputs.ts name exactly the same inputs', () => {
    const code = codeInputs()
    const readme = readmeInputs()
    expect(ACTION_INPUTS.size).toBeGreaterThan(20)
    expect(sorted(code)).toEqual(sorted(ACTION_INPUTS))
    expect(sorted(readme)).toEqual(sorted(ACTION_INPUTS))
  })

  test('every input has a description; defaults are strings', () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(writeAction.inputs)]) {
      expect(isObject(spec) && typeof spec.description === 'string' && spec.description.length > 10).toBe(true)
      if (isObject(spec) && 'default' in spec) expect([name, typeof spec.default]).toEqual([name, 'string'])
    }
  })

  test('write/action.yml, its README table and the names the write action reads are the same', async () => {
    const { readWriteSettings } = await import('../../src/write/inputs.js')
    // Every name the reader asks for, on a run with a valid token and mapping.
    const asked = new Set<string>()
    const given: Record<string, string> = {
      access_token: '0.ec2c1d46-6a4b-4751-a310-af9601317f2d.C2IgxjjLF7qSshsbwe8JGcbM075YXw:X8vbvA0bduihIDe/qrzIQQ==',
      secrets: 'SRC > 11111111-2222-4333-8444-555555555555',
    }
    readWriteSettings((name) => {
      asked.add(name)
      return given[name] ?? ''
    }, {})
    // A Vault login method reads its own inputs: every method once (a run that fails on an input
    // still asked for the names before it).
    for (const method of ['approle', 'github', 'jwt', 'kubernetes', 'userpass', 'ldap', 'cert', 'oci']) {
      const login: Record<string, string> = {
        method,
        authPayload: method === 'oci' ? '{"a":"b"}' : '',
        roleId: 'r',
        role: 'r',
        username: 'u',
      }
      try {
        readWriteSettings((name) => {
          asked.add(name)
          return login[name] ?? given[name] ?? ''
        }, {})
      } catch {
        // an input the method needs is empty: its name was asked for
      }
    }
    // The reader's own file names nothing it does not read (no input read only on some paths).
    for (const [, name] of read('src/write/inputs.ts').matchAll(/\bread\s*\.\s*\w+\(\s*'([A-Za-z_-]+)'/g)) {
      expect([name, asked.has(name!)]).toEqual([name, true])
    }
    expect(WRITE_INPUTS.size).toBeGreaterThan(10)
    expect(sorted(asked)).toEqual(sorted(WRITE_INPUTS))
    expect(sorted(readmeInputs('Write input'))).toEqual(sorted(WRITE_INPUTS))
    // A shared setting means the same in both actions: same default.
    for (const name of WRITE_INPUTS) {
      const ours = action.inputs[name]
      if (isObject(ours) && 'default' in ours)
        expect([name, (writeAction.inputs[name] as Yaml).default]).toEqual([name, ours.default])
    }
    expect(writeAction.runs).toMatchObject({ using: 'node24', main: '../dist/write.js' })
  })

  test('only src/inputs.ts calls core.getInput', () => {
    for (const file of walk('src')) {
      if (file === join('src', 'inputs.ts')) continue
      expect([file, /\bgetInput\(/.test(read(file).replace(/\/\/.*$/gm, ''))]).toEqual([file, false])
    }
  })
})

describe('outputs', () => {
  test("action.yml's outputs are in README's outputs table and set by the code", () => {
    const outputs = Object.keys(action.outputs ?? {})
    expect(outputs).toContain('export_file')
    const section = README.slice(
      README.indexOf('## Outputs'),
      README.indexOf('\n## ', README.indexOf('## Outputs') + 5),
    )
    const documented = [...section.matchAll(/^\| `([A-Za-z_-]+)` \|/gm)].map((m) => m[1])
    expect(sorted(documented as string[])).toEqual(sorted(outputs))
    const src = walk('src').map(read).join('\n')
    for (const o of outputs) expect([o, src.includes(`setOutput('${o}'`)]).toEqual([o, true])
  })
})

/** The literal start of every message thrown with one of our error classes, up to its first `${`. */
function thrownPrefixes(): { file: string; prefix: string }[] {
  const out: { file: string; prefix: string }[] = []
  for (const file of walk('src')) {
    const text = read(file)
    for (const m of text.matchAll(/new (?:InputError|ServerError|ActionError|CryptoError)\(\s*(['"`])/g)) {
      const q = m[1]!
      let i = m.index + m[0].length
      let s = ''
      while (i < text.length && text[i] !== q) {
        if (text[i] === '\\') {
          s += text[i + 1]
          i += 2
          continue
        }
        if (q === '`' && text.startsWith('${', i)) break
        s += text[i++]
      }
      out.push({ file, prefix: s })
    }
  }
  return out
}

/** Lower case, one space for any whitespace, `\|` as `|`: how a message is compared with README. */
const normal = (s: string): string => s.toLowerCase().replace(/\\\|/g, '|').replace(/\s+/g, ' ')

describe('errors', () => {
  test('README troubleshooting covers the start of every message the code throws', () => {
    const prefixes = thrownPrefixes()
    expect(prefixes.length).toBeGreaterThan(60)
    const errors = normal(README.slice(README.indexOf('## Errors')))
    const missing: string[] = []
    for (const { file, prefix } of prefixes) {
      // The first four words: enough to find the row, loose enough that README may abbreviate the rest.
      const start = normal(prefix)
        .trim()
        .split(' ')
        .slice(0, 4)
        .join(' ')
        .replace(/[\s:.,(]+$/, '')
      if (start.length < 6) continue // starts with an interpolation, e.g. `${where} failed with …`
      if (!errors.includes(start)) missing.push(`${file}: ${start}`)
    }
    expect(missing).toEqual([])
  })

  test('the fork explanation and the export errors have their rows', () => {
    const errors = README.slice(README.indexOf('## Errors'))
    expect(errors).toContain("`Input 'access_token' is empty: it is required. …`")
    expect(errors).toContain('[Pull requests from forks](#pull-requests-from-forks)')
    expect(errors).toContain("`Input 'export_format' is 'dotenv', but the value of NAME (…) contains …`")
  })
})

/** Every step of a parsed workflow or snippet that uses this action. */
function ourSteps(doc: unknown): Yaml[] {
  const found: Yaml[] = []
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (isObject(v)) {
      if (typeof v.uses === 'string' && v.uses.startsWith('acme/inject-secrets@')) found.push(v)
      else Object.values(v).forEach(visit)
    }
  }
  visit(doc)
  return found
}

/** Every step of a parsed workflow or snippet that uses the write action. */
function writeSteps(doc: unknown): Yaml[] {
  const found: Yaml[] = []
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (isObject(v)) {
      if (typeof v.uses === 'string' && v.uses.startsWith('acme/inject-secrets/write@')) found.push(v)
      else Object.values(v).forEach(visit)
    }
  }
  visit(doc)
  return found
}

function expectKnownInputs(where: string, step: Yaml, known: ReadonlySet<string> = ACTION_INPUTS): void {
  const withKeys = isObject(step.with) ? Object.keys(step.with) : []
  expect([where, withKeys.filter((k) => !known.has(k))]).toEqual([where, []])
}

describe('examples/', () => {
  const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'))

  test('one per provider, plus export_file, summary, and Infisical and Vault with OIDC', () => {
    expect(sorted(files)).toEqual([
      'bitwarden.yml',
      'export-file.yml',
      'infisical-oidc.yml',
      'infisical.yml',
      'summary.yml',
      'vault-oidc.yml',
      'vault.yml',
      'write-bitwarden.yml',
      'write-infisical.yml',
    ])
  })

  test.each(files)('%s is a workflow whose steps use only real inputs', (file) => {
    const doc = yaml.load(read(join('examples', file)))
    expect(isObject(doc)).toBe(true)
    const wf = doc as Yaml
    expect(typeof wf.name).toBe('string')
    expect(wf.on ?? wf.true).toBeDefined() // YAML 1.1 parsers read a bare `on` as true
    expect(isObject(wf.jobs)).toBe(true)
    for (const job of Object.values(wf.jobs as Yaml)) {
      expect(isObject(job) && typeof job['runs-on'] === 'string' && Array.isArray(job.steps)).toBe(true)
    }
    const steps = ourSteps(wf)
    const writes = writeSteps(wf)
    expect(steps.length + writes.length).toBeGreaterThan(0)
    for (const s of steps) expectKnownInputs(file, s)
    for (const s of writes) expectKnownInputs(file, s, WRITE_INPUTS)
    // A step output used later comes from a step with that id.
    const text = read(join('examples', file))
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs\.export_file/g))
      expect(steps.some((s) => s.id === id && isObject(s.with) && 'export_file' in s.with)).toBe(true)
  })

  test('README links every example', () => {
    for (const f of files) expect(README).toContain(`(examples/${f})`)
  })
})

describe("README's YAML snippets", () => {
  const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!)

  test('parse, and every step of this action uses only real inputs', () => {
    expect(blocks.length).toBeGreaterThan(5)
    let steps = 0
    let writes = 0
    blocks.forEach((b, i) => {
      const doc = yaml.load(b)
      for (const s of ourSteps(doc)) {
        expectKnownInputs(`README yaml block ${i + 1}`, s)
        steps++
      }
      for (const s of writeSteps(doc)) {
        expectKnownInputs(`README yaml block ${i + 1}`, s, WRITE_INPUTS)
        writes++
      }
    })
    expect(steps).toBeGreaterThan(5)
    expect(writes).toBeGreaterThan(0)
  })
})
