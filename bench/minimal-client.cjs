// A minimal hand-written JavaScript client for the same path as bench/official-client.cjs: what the
// runtime itself costs, with no checks, no retries and no action around it. node:http and node:crypto
// only: log in, derive the token key (HKDF), decrypt the organization key, one get-by-ids, verify and
// decrypt each value, mask and write it to GITHUB_ENV and GITHUB_OUTPUT. It stands beside the
// official client in `npm run bench` as the floor a JavaScript client can reach on the same Node;
// it is not the action and checks nothing a real run must (docs/protocols/bitwarden.md).
// Inputs as the action's: INPUT_ACCESS_TOKEN, INPUT_SECRETS ("<uuid> > NAME" lines), INPUT_BASE_URL,
// or INPUT_IDENTITY_URL and INPUT_API_URL when both are set.
const http = require('node:http')
const crypto = require('node:crypto')
const { appendFileSync } = require('node:fs')
const { URLSearchParams } = require('node:url')

const agent = new http.Agent({ keepAlive: true })

function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Verifies the MAC of a type-2 EncString, then decrypts it. */
function decrypt(encString, key) {
  const [iv, data, mac] = encString
    .slice(2)
    .split('|')
    .map((p) => Buffer.from(p, 'base64'))
  const expected = crypto.createHmac('sha256', key.mac).update(iv).update(data).digest()
  if (!crypto.timingSafeEqual(expected, mac)) throw new Error('MAC mismatch')
  const decipher = crypto.createDecipheriv('aes-256-cbc', key.enc, iv)
  return Buffer.concat([decipher.update(data), decipher.final()])
}

const split = (bytes) => ({ enc: bytes.subarray(0, 32), mac: bytes.subarray(32, 64) })

async function main() {
  const base = process.env.INPUT_BASE_URL
  const identityUrl = process.env.INPUT_IDENTITY_URL || `${base}/identity`
  const apiUrl = process.env.INPUT_API_URL || `${base}/api`
  const [, clientId, rest] = process.env.INPUT_ACCESS_TOKEN.split('.')
  const [clientSecret, seed] = rest.split(':')
  const pairs = process.env.INPUT_SECRETS.split('\n')
    .filter(Boolean)
    .map((l) => l.split('>').map((s) => s.trim()))
  const form = new URLSearchParams({
    scope: 'api.secrets',
    client_id: clientId,
    client_secret: clientSecret,
    grant_type: 'client_credentials',
  })
  const login = await post(
    `${identityUrl}/connect/token`,
    { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'device-type': '21' },
    form.toString(),
  )
  const tokenKey = split(
    Buffer.from(crypto.hkdfSync('sha256', Buffer.from(seed, 'base64'), 'bitwarden-accesstoken', 'sm-access-token', 64)),
  )
  const payload = JSON.parse(decrypt(login.encrypted_payload, tokenKey).toString('utf8'))
  const orgKey = split(Buffer.from(payload.encryptionKey, 'base64'))
  const { data } = await post(
    `${apiUrl}/secrets/get-by-ids`,
    { authorization: `Bearer ${login.access_token}`, 'content-type': 'application/json' },
    JSON.stringify({ ids: pairs.map(([id]) => id) }),
  )
  const names = new Map(pairs)
  for (const s of data) {
    const name = names.get(s.id)
    const value = decrypt(s.value, orgKey).toString('utf8')
    process.stdout.write(`::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`)
    const d = `ghadelimiter_${crypto.randomUUID()}`
    appendFileSync(process.env.GITHUB_ENV, `${name}<<${d}\n${value}\n${d}\n`)
    appendFileSync(process.env.GITHUB_OUTPUT, `${name}<<${d}\n${value}\n${d}\n`)
  }
  agent.destroy()
}
main().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
