// The official client writes, the action reads: @bitwarden/sdk-napi logs in to our server, creates
// a project and secrets with its own crypto, and `node dist/index.js` exports exactly those values.
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import { SDK_PACKAGE, sdkPlatformSupported, writeSecretsWithSdk } from '../../../test/servers/bitwarden-sdk.js'
import { runAction } from '../../../test/harness/run-action.js'

const supported = sdkPlatformSupported()
if (!supported) {
  console.warn(
    `!! ${SDK_PACKAGE} has no native binding for ${process.platform}-${process.arch} here: the SDK round trip is SKIPPED.`,
  )
}
const describeSdk = supported ? describe : describe.skip

describeSdk(`secrets written by ${SDK_PACKAGE} are read back by the action`, () => {
  let server: BitwardenServer
  beforeAll(async () => {
    server = await startBitwardenServer()
  })
  afterAll(async () => {
    await server.close()
  })

  const VALUES = [
    { key: 'SDK_PLAIN', value: 'written-by-the-official-sdk' },
    { key: 'SDK_UNICODE', value: 'Grüße ✓ 日本語 🔐' },
    { key: 'SDK_MULTILINE', value: 'line one\nline two\r\nline three\n' },
    { key: 'SDK_SYMBOLS', value: `%25 :: "q" 'q' $HOME \`x\` \\ <<EOF` },
  ]

  test('by id (2 requests) and by project wildcard (3 requests)', async () => {
    const org = server.createOrganization()
    const token = server.createAccessToken(server.createMachineAccount(org.id))
    const written = await writeSecretsWithSdk(server, token, org.id, { projectName: 'written by sdk', secrets: VALUES })
    const base = { access_token: token, base_url: server.url, set_env: 'true', timeout: '20' }

    server.resetLog()
    const byId = await runAction({ ...base, secrets: written.secrets.map((s) => `${s.id} > ${s.key}`).join('\n') })
    expect(byId.error).toBeUndefined()
    for (const v of VALUES) expect(byId.env.get(v.key)).toBe(v.value)
    expect(server.requests).toHaveLength(2)

    server.resetLog()
    const all = await runAction({ ...base, secrets: `${written.projectId}/*` })
    expect(all.error).toBeUndefined()
    expect(Object.fromEntries(all.outputs)).toEqual(Object.fromEntries(VALUES.map((v) => [v.key, v.value])))
    expect(server.requests).toHaveLength(3)
  })
})
