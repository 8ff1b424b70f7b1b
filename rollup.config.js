// Bundles the action into dist/. Rollup rather than ncc because it may drop what is not used:
// with `moduleSideEffects: false`, importing @actions/core no longer loads @actions/http-client and
// the undici package it bundles, which cost more start-up than everything else together
// (measurements in docs/benchmarks.md). Providers stay separate chunks, loaded by dynamic import()
// only when their token is used.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

// Every entry the runner starts: main, and the post step (runs.post). Each is bundled on its own,
// so neither loads chunks shared with the other: fewer files to load on the hot path.
// The build goes to .dist-build/, which `npm run bundle` then swaps in for dist/ in one step, so
// nothing ever runs a half-written dist/.
const entries = [
  ['src/index.ts', '.dist-build'],
  ['src/post.ts', '.dist-build/post'],
  // Local use (`npx inject-secrets run -- <command>`, package.json "bin"); its banner is src/cli.ts's own #! line.
  ['src/cli.ts', '.dist-build/cli'],
].filter(([input]) => existsSync(input))

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

export default entries.map(([input, dir]) => ({
  input,
  output: {
    dir,
    format: 'es',
    entryFileNames: 'index.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false,
  },
  // Packages are imported for a few functions; none needs its module-level side effects.
  treeshake: { moduleSideEffects: false },
  onwarn(warning, warn) {
    // @actions/core's compiled TypeScript uses `this` at module level and has a harmless cycle.
    if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', outDir: dir }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    licenses(),
  ],
}))
