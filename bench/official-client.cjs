// The official Bitwarden client path, as bitwarden/sm-action v2 does it: @bitwarden/sdk-napi logs
// in, fetches every id with one getByIds, masks and writes each value to GITHUB_ENV and GITHUB_OUTPUT.
// Inputs as the action's: INPUT_ACCESS_TOKEN, INPUT_SECRETS ("<uuid> > NAME" lines), INPUT_BASE_URL,
// or INPUT_IDENTITY_URL and INPUT_API_URL (sm-action's identity_url and api_url) when both are set.
const { appendFileSync } = require('node:fs')
const { randomUUID } = require('node:crypto')
const { BitwardenClient } = require('@bitwarden/sdk-napi')

async function main() {
  const base = process.env.INPUT_BASE_URL
  const identityUrl = process.env.INPUT_IDENTITY_URL || `${base}/identity`
  const apiUrl = process.env.INPUT_API_URL || `${base}/api`
  const pairs = process.env.INPUT_SECRETS.split('\n')
    .filter(Boolean)
    .map((l) => l.split('>').map((s) => s.trim()))
  const client = new BitwardenClient({ identityUrl, apiUrl, deviceType: 'SDK', userAgent: 'bench' }, 4)
  await client.auth().loginAccessToken(process.env.INPUT_ACCESS_TOKEN)
  const { data } = await client.secrets().getByIds(pairs.map(([id]) => id))
  const names = new Map(pairs)
  for (const s of data) {
    const name = names.get(s.id)
    const value = s.value
    process.stdout.write(`::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`)
    const d = `ghadelimiter_${randomUUID()}`
    appendFileSync(process.env.GITHUB_ENV, `${name}<<${d}\n${value}\n${d}\n`)
    appendFileSync(process.env.GITHUB_OUTPUT, `${name}<<${d}\n${value}\n${d}\n`)
  }
}
main().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
