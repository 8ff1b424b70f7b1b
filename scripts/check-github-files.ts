// Validates what GitHub reads from this repository, since no runner can be reached from a
// developer's machine or CI's:
// - every workflow against its schema, with @action-validator/cli (pinned below);
// - every action.yml (ours, write/action.yml and .github/actions/*) against the action schema of the same validator,
//   and that its runs.main / runs.post exist relative to its folder.
//   Its 0.6.0 schema predates `runs.using: node24`, so the file is validated with `node20` in its
//   place, and `node24` itself is checked here (the runtime the action declares);
// - .github/dependabot.yml, which the validator does not know, by its documented shape;
// - every third-party action pinned by a full commit SHA with its version in a comment, and every
//   workflow with a top-level `permissions:`.
//
//   npx tsx scripts/check-github-files.ts
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const VALIDATOR = '@action-validator/cli@0.6.0'
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// js-yaml is installed through eslint; it has no types here, so it is loaded untyped.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }
type Doc = Record<string, unknown>

let failures = 0
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures++
}

function validate(file: string, shown: string): void {
  const r = spawnSync('npx', ['--yes', VALIDATOR, file], { encoding: 'utf8' })
  check(r.status === 0, `${shown}: valid against ${VALIDATOR}'s schema`)
  if (r.status !== 0) console.log(`${r.stdout}${r.stderr}`.slice(0, 4000))
}

const workflowsDir = join(ROOT, '.github/workflows')
const workflows = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f))
check(workflows.length > 0, `${workflows.length} workflows in .github/workflows`)
for (const name of workflows) {
  const file = join(workflowsDir, name)
  validate(file, `.github/workflows/${name}`)
  const text = readFileSync(file, 'utf8')
  const doc = yaml.load(text) as Doc
  check('permissions' in doc, `.github/workflows/${name}: top-level permissions`)
  for (const [, ref, comment] of text.matchAll(/^\s*(?:-\s*)?uses:\s*([^\s#]+)[ \t]*(#.*)?$/gm)) {
    if (ref!.startsWith('./')) continue
    const pinned = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref!) && /^# v\d+(\.\d+)*$/.test(comment ?? '')
    check(pinned, `.github/workflows/${name}: ${ref} ${comment ?? ''} pinned by commit SHA, version in a comment`)
  }
}

const actions = [
  'action.yml',
  'write/action.yml',
  ...readdirSync(join(ROOT, '.github/actions')).map((d) => `.github/actions/${d}/action.yml`),
]
const temp = mkdtempSync(join(tmpdir(), 'check-github-files-'))
try {
  for (const rel of actions) {
    const text = readFileSync(join(ROOT, rel), 'utf8')
    const runs = (yaml.load(text) as Doc).runs as Doc
    check(runs.using === 'node24', `${rel}: runs.using is node24`)
    // The runner joins runs.main (and post) with the action's own folder; the file must be there.
    for (const key of ['main', 'post'] as const) {
      const entry = runs[key]
      if (typeof entry === 'string') check(existsSync(join(ROOT, dirname(rel), entry)), `${rel}: runs.${key} exists`)
    }
    // The validator picks the schema by the file's name, so each copy is an action.yml of its own.
    const copy = join(temp, `${actions.indexOf(rel)}`, 'action.yml')
    mkdirSync(dirname(copy))
    writeFileSync(copy, text.replace(/^(\s*using:\s*)(['"]?)node24\2\s*$/m, '$1$2node20$2'))
    validate(copy, `${rel} (node24 read as node20)`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}

// https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference
const dependabot = yaml.load(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as Doc
const updates = (dependabot.updates ?? []) as Doc[]
check(dependabot.version === 2, '.github/dependabot.yml: version 2')
const ecosystems = updates.map((u) => u['package-ecosystem'])
check(
  ['npm', 'github-actions'].every((e) => ecosystems.includes(e)),
  '.github/dependabot.yml: npm and github-actions',
)
for (const u of updates) {
  const schedule = u.schedule as Doc | undefined
  check(
    typeof u.directory === 'string' &&
      u.directory.startsWith('/') &&
      ['daily', 'weekly', 'monthly'].includes(String(schedule?.interval)),
    `.github/dependabot.yml: ${String(u['package-ecosystem'])} has a directory and a schedule`,
  )
}

console.log(failures === 0 ? 'GitHub files: all valid' : `GitHub files: ${failures} problem(s)`)
process.exitCode = failures === 0 ? 0 : 1
