// hashicorp/vault-action's requests in vault-action's order, without its libraries: what a plain
// sequential reader costs on the same server, beside vault-action's own dist and ours.
// Facts from vault-action v3.4.0 (src/action.js, src/secrets.js, src/auth.js, src/entry.js):
// - method `token`: the token input is used as is; no lookup-self, no renewal, no other request;
// - `secrets` is split on ';' into `<path> <selector> [| <name>]`; then one GET `v1/<path>` per
//   entry, awaited one after another, with a per-run cache so a repeated path is not fetched again;
// - headers: X-Vault-Token, and X-Vault-Namespace even when the input is empty (it tests `!= null`
//   and the runner gives ''); got's keep-alive agent; KV v2 answers are read under `data.data`;
// - per value: ::add-mask:: for each non-empty line, exportVariable (exportEnv defaults to true)
//   and setOutput, all inside one ::group:: (@actions/core's file commands with a fresh delimiter).
// Only plain key selectors and `*` are read here: the bench uses nothing else.
'use strict'
const http = require('node:http')
const { appendFileSync } = require('node:fs')
const { randomUUID } = require('node:crypto')

// Node's global agent keeps connections alive since Node 19, as got's does.
const agent = new http.Agent({ keepAlive: true })

function get(url, token) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { 'X-Vault-Token': token, 'X-Vault-Namespace': '' } }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        if (res.statusCode !== 200) reject(new Error(`GET ${url}: ${res.statusCode}`))
        else resolve(body)
      })
    })
    req.on('error', reject)
  })
}

// @actions/core's escapeData for workflow commands.
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

function fileCommand(file, name, value) {
  const d = `ghadelimiter_${randomUUID()}`
  appendFileSync(file, `${name}<<${d}\n${value}\n${d}\n`)
}

async function main() {
  const base = process.env.INPUT_URL.replace(/\/+$/, '')
  const token = process.env.INPUT_TOKEN
  const entries = process.env.INPUT_SECRETS.split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const bar = s.lastIndexOf('|')
      const [path, selector] = (bar < 0 ? s : s.slice(0, bar)).trim().split(/\s+/)
      return { path, selector, name: bar < 0 ? undefined : s.slice(bar + 1).trim() }
    })
  process.stdout.write('::group::Get Vault Secrets\n')
  process.stdout.write(`::add-mask::${escapeData(token)}\n`)
  const cache = new Map()
  const results = []
  for (const { path, selector, name } of entries) {
    if (!cache.has(path)) cache.set(path, JSON.parse(await get(`${base}/v1/${path}`, token)))
    const body = cache.get(path)
    const data = body.data.data !== undefined ? body.data.data : body.data
    const keys = selector === '*' || selector === '**' ? Object.keys(data) : [selector]
    for (const key of keys) {
      const value = typeof data[key] === 'string' ? data[key] : JSON.stringify(data[key])
      // A `| NAME` is used as is for both; otherwise the env name is upper-cased, except under `**`.
      const env = name ?? (selector === '**' ? key : key.toUpperCase())
      results.push([name ?? key, env, value])
    }
  }
  for (const [output, env, value] of results) {
    for (const line of value.replace(/\r/g, '').split('\n'))
      if (line) process.stdout.write(`::add-mask::${escapeData(line)}\n`)
    fileCommand(process.env.GITHUB_ENV, env, value)
    fileCommand(process.env.GITHUB_OUTPUT, output, value)
  }
  process.stdout.write('::endgroup::\n')
  agent.destroy()
}

main().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
