// Bundles the action into dist/. Rollup rather than ncc because it may drop what is not used:
// with `moduleSideEffects: false`, importing @actions/core no longer loads @actions/http-client and
// the undici package it bundles, which cost more start-up than everything else together
// (measurements in docs/benchmarks.md). Providers stay separate chunks, loaded by dynamic import()
// only when their token is used.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isBuiltin } from 'node:module'
import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

// One build for every entry: main and the post step (runs.main, runs.post), the write action
// (write/action.yml's runs.main, '../dist/write.js') and the CLI
// (package.json "bin"; its #! line is src/cli.ts's own). Code they share lands in shared chunks,
// so the proxy support and each provider exist once in dist/.
// The build goes to .dist-build/, which `npm run bundle` then swaps in for dist/ in one step, so
// nothing ever runs a half-written dist/.
const input = { index: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts', write: 'src/write.ts' }
const dir = '.dist-build'

// @actions/core's own modules. Its OIDC client and platform helpers are never called (the ID token
// comes from src/github/oidc.ts), but they import @actions/http-client (with tunnel and undici) and
// @actions/exec, which the start-up chunk would then carry: unusedCoreImports() resolves those two
// imports, from those two files only, to a module that throws if it were ever called.
const CORE_STARTUP = /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/][\w-]+\.js$/
const UNUSED_CORE_IMPORTERS = /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/](oidc-utils|platform)\.js$/

function unusedCoreImports() {
  const prefix = '\0unused-by-inject-secrets:'
  return {
    name: 'unused-core-imports',
    resolveId(source, importer) {
      if (importer && UNUSED_CORE_IMPORTERS.test(importer) && /^@actions\/(http-client|exec)(\/|$)/.test(source))
        return prefix + source
      return null
    },
    load(id) {
      if (!id.startsWith(prefix)) return null
      return [
        `const unused = () => { throw new Error('${id.slice(prefix.length)} is not bundled: inject-secrets never calls it') }`,
        'export class HttpClient { constructor() { unused() } }',
        'export class BearerCredentialHandler { constructor() { unused() } }',
        'export const exec = unused',
        'export const getExecOutput = unused',
      ].join('\n')
    },
  }
}

// @actions/core's file commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE) are patched in two places,
// neither of which touches the format or the delimiter:
// - they import node:crypto for one randomUUID() per delimiter. Loading node:crypto costs ~5 ms
//   under Node 24, before the first request could go out; the same module then loads at the first
//   export (or earlier, while a request is in flight: src/main.ts).
// - issueFileCommand checks with existsSync that the file is there before each append: two system
//   calls per value exported, 2 × N for N secrets (env and output). It is made once per file
//   instead: a file missing at its first command fails as before. (The runner creates these files
//   before the step and reads them after it; src/runner/reveal.ts opens the env and output files
//   for appending before the first export anyway.) Measured under Node 24: existsSync 3-5 µs a call
//   against 8-14 µs for the append itself.
// A build that no longer finds either piece of code fails here rather than shipping it unpatched.
const CORE_FILE_COMMAND = /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/]file-command\.js$/
const CORE_FILE_COMMAND_PATCHES = [
  [
    "import * as crypto from 'crypto';",
    "const crypto = { randomUUID: () => process.getBuiltinModule('node:crypto').randomUUID() };",
  ],
  // Set.add returns the set: a path found present is remembered, and checked no more.
  [
    '    if (!fs.existsSync(filePath)) {',
    '    if (!presentFiles.has(filePath) && !(fs.existsSync(filePath) && presentFiles.add(filePath))) {',
  ],
]

function coreFileCommandPatches() {
  return {
    name: 'core-file-command-patches',
    transform(code, id) {
      if (!CORE_FILE_COMMAND.test(id)) return null
      let out = code
      for (const [from, to] of CORE_FILE_COMMAND_PATCHES) {
        if (!out.includes(from))
          this.error(`${id}: no longer has the code patched here; update coreFileCommandPatches()`)
        out = out.replace(from, to)
      }
      return { code: `const presentFiles = new Set();\n${out}`, map: null }
    },
  }
}

// Node builds an ES module namespace for a built-in the first time one is imported with `import`,
// reading every export, so lazy getters run: `import … from 'fs'` loads fs's streams and promises
// API, `import 'http'` on Node 24 its WebSocket (docs/benchmarks.md). process.getBuiltinModule()
// returns the module itself and runs none of them: each static import of a built-in in a chunk is
// rewritten to it (measured under Node 24: 'fs', 'os' and 'path' imported 29 ms of CPU against 25).
const BUILTIN_IMPORT = /^import (?:\* as ([\w$]+)|([\w$]+)|\{ ([^}]*) \}|) ?(?:from )?'((?:node:)?[\w/]+)';$/gm

function builtinsWithoutNamespace() {
  return {
    name: 'builtins-without-namespace',
    renderChunk(code) {
      const out = code.replace(BUILTIN_IMPORT, (line, namespace, whole, names, source) => {
        if (!isBuiltin(source)) return line
        const id = source.startsWith('node:') ? source : `node:${source}`
        // A built-in imported for its side effects has none worth loading it for.
        if (namespace === undefined && whole === undefined && names === undefined) return ''
        // A namespace, or the default export (CommonJS interop), is the module itself.
        if (namespace || whole) return `const ${namespace || whole} = process.getBuiltinModule('${id}');`
        const bindings = names.replace(/([\w$]+) as ([\w$]+)/g, '$1: $2')
        return `const { ${bindings} } = process.getBuiltinModule('${id}');`
      })
      return out === code ? null : { code: out, map: null }
    },
  }
}

// Node decodes a module's source into a V8 string: with one character outside Latin-1 (an arrow or
// a dash in a comment, an ellipsis in a message) the whole chunk becomes a two-byte string, decoded
// on the slow path and twice its size in memory. Escaped, every chunk is ASCII, decoded at memcpy
// speed (measured under Node 24 for a Bitwarden run: 2.4 ms of UTF-8 decoding before the first
// request → 0.2 ms). \uXXXX means the same character in strings, untagged templates and regular
// expressions, and in comments it is only read; where it would not (a tagged template's raw text,
// an identifier, after a backslash, whitespace or a line break in code or a comment, a character
// past U+FFFF) the build stops instead.
const NON_ASCII = /[\u0080-\uffff]/
const NOT_ESCAPABLE = [
  [/(^|[^\\])(\\\\)*\\[\u0080-\uffff]/, 'a character after a backslash'],
  [/[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/, 'a space or line break past ASCII'],
  [/[\ud800-\udfff]/, 'a character past U+FFFF'],
]

/** Nodes of an ESTree AST that hold text past ASCII where an escape would change the program. */
function* unescapable(node) {
  if (node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const n of node) yield* unescapable(n)
    return
  }
  if (node.type === 'TaggedTemplateExpression' && node.quasi.quasis.some((q) => NON_ASCII.test(q.value.raw)))
    yield 'a tagged template (its raw text would change)'
  if ((node.type === 'Identifier' || node.type === 'PrivateIdentifier') && NON_ASCII.test(node.name))
    yield `the identifier ${node.name}`
  for (const [key, value] of Object.entries(node)) if (key !== 'type') yield* unescapable(value)
}

function asciiOnly() {
  return {
    name: 'ascii-only',
    renderChunk(code, chunk) {
      if (!NON_ASCII.test(code)) return null
      for (const [pattern, what] of NOT_ESCAPABLE)
        if (pattern.test(code)) this.error(`${chunk.fileName}: ${what} cannot be escaped safely`)
      for (const what of unescapable(this.parse(code)))
        this.error(`${chunk.fileName}: ${what} cannot be escaped safely`)
      const out = code.replace(
        new RegExp(NON_ASCII.source, 'g'),
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
      return { code: out, map: null }
    },
  }
}

const reached = new Map()
/** The modules `from` imports statically, directly or not, through modules `follow` accepts (`from` itself excluded). */
function reachable(getModuleInfo, from, follow) {
  let set = reached.get(from)
  if (set) return set
  set = new Set()
  reached.set(from, set)
  const start = join(process.cwd(), from)
  const todo = [...(getModuleInfo(start)?.importedIds ?? [])]
  while (todo.length > 0) {
    const id = todo.pop()
    if (set.has(id) || id === start || !follow(id)) continue
    set.add(id)
    todo.push(...(getModuleInfo(id)?.importedIds ?? []))
  }
  return set
}

// @actions/core's summary module reads fs.promises as it loads, which loads Node's promise-based fs
// (~0.8 ms under Node 24, before the first request); only the job summary, written after the last
// answer, uses it. So it goes with src/runner/summary.ts, not in the start-up chunk (manualChunks).
const CORE_SUMMARY = /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/]summary\.js$/

/** Our modules and @actions/core's start-up ones that src/index.ts imports statically, directly or not. */
const startupModules = (getModuleInfo) =>
  reachable(
    getModuleInfo,
    input.index,
    (id) => (!id.includes('node_modules') && !id.startsWith('\0')) || CORE_STARTUP.test(id),
  )

const ourModule = (id) => !id.includes('node_modules') && !id.startsWith('\0')
const SHARED_JSON = join(process.cwd(), 'src/http/json.ts')
const RUNNER_SUMMARY = join(process.cwd(), 'src/runner/summary.ts')
const WINGS = ['bitwarden', 'infisical', 'vault']

/** A wing's index.ts and the modules of ours it imports statically, less the start-up ones. */
const wingModules = (getModuleInfo, wing) => {
  const index = `src/providers/${wing}/index.ts`
  const set = new Set([join(process.cwd(), index), ...reachable(getModuleInfo, index, ourModule)])
  for (const id of startupModules(getModuleInfo)) set.delete(id)
  return set
}

/** Writes dist/licenses.txt: the licence of every package whose code ends up in the bundle. */
function licenses() {
  return {
    name: 'licenses',
    generateBundle(_options, bundle) {
      const roots = new Set()
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        for (const [id, mod] of Object.entries(chunk.modules)) {
          const m = /^\0?(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id)
          if (m && mod.renderedLength > 0) roots.add(m[1])
        }
      }
      const list = [...roots].map((root) => {
        const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
        const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((f) => join(root, f)).find(existsSync)
        return {
          name: pkg.name,
          version: pkg.version,
          license: pkg.license,
          text: file ? readFileSync(file, 'utf8').trim() : '',
        }
      })
      list.sort((a, b) => a.name.localeCompare(b.name))
      const text = list.map((p) => `${p.name}@${p.version}\n${p.license}\n${p.text}`).join(`\n\n${'-'.repeat(72)}\n\n`)
      this.emitFile({ type: 'asset', fileName: 'licenses.txt', source: `${text}\n` })
      // The bundle is ESM; Node needs to be told so next to it.
      this.emitFile({ type: 'asset', fileName: 'package.json', source: '{\n  "type": "module"\n}\n' })
    },
  }
}

export default {
  input,
  output: {
    dir,
    format: 'es',
    entryFileNames: '[name].js',
    // A chunk loaded for one of our modules is named for its path (providers-vault-index-….js).
    chunkFileNames(chunk) {
      const src = chunk.facadeModuleId && /[\\/]src[\\/](.+)\.ts$/.exec(chunk.facadeModuleId)
      return src ? `chunks/${src[1].replace(/[\\/]/g, '-')}-[hash].js` : 'chunks/[name]-[hash].js'
    },
    sourcemap: false,
    // Start-up in two files: the entry and one chunk of everything it loads before its first
    // request (each file is one more module for Node to load; ten small ones measured ~4 ms on
    // Node 24). What only a rare path needs stays in chunks of its own, loaded on that path.
    // A wing's read path is one more file: what its index.ts imports statically (the JSON readers,
    // shared by every wing, go with the start-up chunk), so a Bitwarden run loads one chunk before
    // its login instead of three.
    manualChunks(id, { getModuleInfo }) {
      if (CORE_SUMMARY.test(id) || id === RUNNER_SUMMARY) return 'runner-summary'
      if (startupModules(getModuleInfo).has(id) || id === SHARED_JSON) return 'startup'
      const wing = WINGS.find((w) => wingModules(getModuleInfo, w).has(id))
      return wing && `providers-${wing}`
    },
  },
  // Packages are imported for a few functions; none needs its module-level side effects.
  treeshake: { moduleSideEffects: false },
  onwarn(warning, warn) {
    // @actions/core's compiled TypeScript uses `this` at module level and has a harmless cycle.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
  plugins: [
    unusedCoreImports(),
    coreFileCommandPatches(),
    typescript({ tsconfig: './tsconfig.build.json', outDir: dir }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    licenses(),
    builtinsWithoutNamespace(),
    asciiOnly(),
  ],
}
