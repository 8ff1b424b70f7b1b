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

// One build for every entry: main and the post step (runs.main, runs.post), the write action
// (write/action.yml's runs.main, '../dist/write.js') and the CLI
// (package.json "bin"; its #! line is src/cli.ts's own). Code they share lands in shared chunks,
// so the proxy support and each provider exist once in dist/.
// The build goes to .dist-build/, which `npm run bundle` then swaps in for dist/ in one step, so
// nothing ever runs a half-written dist/.
const input = { index: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts', write: 'src/write.ts' }
const dir = '.dist-build'

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
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false,
    // Chunks of code that every entry loads anyway are merged (each file is one more module for
    // Node to load at start-up; measured ~4 ms for ten small ones on Node 24).
    experimentalMinChunkSize: 20 * 1024,
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
}
