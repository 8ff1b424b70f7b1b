// Start-up cost by package: each package bundled alone the way dist/ is (rollup, same tree-shaking),
// run as a fresh process, minus the bare `node -e 0` floor.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { rollup, type Plugin } from 'rollup'
import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { measureBesideFloor } from './measure.js'

const PROBES: Record<string, string> = {
  '@actions/core (the functions we call)': `import { getInput, setSecret, exportVariable, setOutput, setFailed, debug, warning, info } from '@actions/core'
console.log(typeof getInput, typeof setSecret, typeof exportVariable, typeof setOutput, typeof setFailed, typeof debug, typeof warning, typeof info)`,
  'node:crypto (HMAC, AES-CBC, HKDF: the decryption primitives)': `import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto'
console.log(typeof createDecipheriv, typeof createHmac, typeof hkdfSync)`,
  'undici package (request), not used on the happy path': `import { request } from 'undici'
console.log(typeof request)`,
}

export interface StartupRow {
  readonly what: string
  readonly bytes: number
  readonly extraMs: number
}

/** A probe's wall time over `node -e 0`'s, the two measured side by side. */
async function overFloor(script: string, env: Record<string, string>, runs: number): Promise<number> {
  const { floor, measured } = await measureBesideFloor([{ args: [script], env }], runs, env)
  return measured[0]!.ms - floor.ms
}

export async function startupByPackage(
  env: Record<string, string>,
  runs: number,
  fetchUrl: string,
): Promise<StartupRow[]> {
  const dir = join(process.cwd(), 'bench', '.probes')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
  const rows: StartupRow[] = []
  try {
    for (const [what, source] of Object.entries(PROBES)) {
      const entry = join(dir, `${rows.length}.mjs`)
      writeFileSync(entry, source)
      const bundle = await rollup({
        input: entry,
        treeshake: { moduleSideEffects: false },
        onwarn: () => {},
        // The plugins' CJS typings confuse NodeNext resolution; at run time both are plain functions.
        plugins: [
          nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
          (commonjs as unknown as () => Plugin)(),
        ],
      })
      const out = join(dir, `${rows.length}.bundle.mjs`)
      await bundle.write({ file: out, format: 'es', inlineDynamicImports: true })
      rows.push({ what, bytes: statSync(out).size, extraMs: await overFloor(out, env, runs) })
    }
    const fetchProbe = join(dir, 'fetch.mjs')
    // Exit at once: idle keep-alive sockets would otherwise hold the process open (as dist/ does).
    writeFileSync(fetchProbe, `await (await fetch(${JSON.stringify(fetchUrl)})).text()\nprocess.exit(0)`)
    rows.push({
      what: "first call of Node's built-in fetch (one local request)",
      bytes: 0,
      extraMs: await overFloor(fetchProbe, env, runs),
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
