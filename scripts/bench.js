#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/run.ts under Node 24, the runtime action.yml asks for, measuring the
 * action, the official client and the floor under Node 24 and, when it differs, under the Node this
 * was started with too (docs/benchmarks.md shows both). Arguments are passed on to bench/run.ts.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (args, opts = {}) => spawnSync(process.execPath, args, { cwd: root, ...opts })

if (run([join(root, 'scripts/install-sdk-napi.js')], { stdio: 'inherit' }).status !== 0) process.exit(1)
const found = run([join(root, 'scripts/node24.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const node24 = found.status === 0 ? found.stdout.trim() : undefined
const nodes = [...new Set([node24, process.execPath].filter(Boolean))]
const bench = spawnSync(
  node24 ?? process.execPath,
  [
    join(root, 'node_modules/tsx/dist/cli.mjs'),
    join(root, 'bench/run.ts'),
    '--nodes',
    nodes.join(','),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
)
process.exit(bench.status ?? 1)
