// The write action against the vendor's own client, `@bitwarden/sdk-napi@1.0.0`
// (docs/protocols/bitwarden.md#writing): what `node dist/write.js` writes, the SDK reads back and
// decrypts with its own crypto; what the SDK wrote, the action updates and the SDK reads back, with
// the SDK's key, note and project intact. Skipped loudly where the binding does not exist (see
// sdk-interop.test.ts); on linux-x64 a missing SDK fails the suite.
import { startBitwardenServer, type BitwardenServer } from '../../../test/servers/bitwarden.js'
import {
  SDK_PACKAGE,
  loadSdk,
  sdkPlatformSupported,
  writeSecretsWithSdk,
  type SdkModule,
} from '../../../test/servers/bitwarden-sdk.js'
import { maskedLog, runAction, WRITE_ENTRY } from '../../../test/harness/run-action.js'

const supported = sdkPlatformSupported()
if (!supported)
  console.warn(`!! SKIPPING the write action's ${SDK_PACKAGE} interop tests: no binding for this platform.`)
const sdk: SdkModule | undefined = supported ? loadSdk() : undefined
const describeSdk = supported ? describe : describe.skip

let server: BitwardenServer

beforeEach(async () => {
  server = await startBitwardenServer()
})

afterEach(async () => {
  await server.close()
})

const ROTATED = 'Grüße, 世界! 🔐\r\nline two "q" %0A ::add-mask::x\n'
const MINTED = '-----BEGIN KEY-----\nMIIBszCCAVmgAwIBAgIU\n-----END KEY-----\n'

describeSdk(`the write action and ${SDK_PACKAGE}@1.0.0`, () => {
  test('the SDK reads back what the action created and updated; the SDK’s key, note and project are kept', async () => {
    const orgId = server.createOrganization().id
    const token = server.createAccessToken(server.createMachineAccount(orgId))
    // The SDK creates the project (its machine account then may write to it) and a secret in it.
    const { client, projectId, secrets } = await writeSecretsWithSdk(
      server,
      token,
      orgId,
      { projectName: 'release ✓', secrets: [{ key: 'DB_PASSWORD', value: 'old', note: 'set by the SDK ✓' }] },
      sdk,
    )
    const sdkId = secrets[0]!.id

    const run = await runAction(
      {
        access_token: token,
        base_url: server.url,
        secrets: `ROTATED > ${sdkId}\nMINTED > ${projectId}/FROM_ACTION\nMINTED > ${projectId}/DB_PASSWORD_COPY`,
      },
      { entry: WRITE_ENTRY, env: { ROTATED, MINTED } },
    )
    expect(run.error).toBeUndefined()
    expect(run.exitCode).toBe(0)
    const log = maskedLog(run)
    for (const v of [ROTATED, MINTED, 'old'])
      for (const l of v.split(/\r?\n/).filter(Boolean)) expect(log).not.toContain(l)

    // Updated: the SDK decrypts the new value; key, note and project are the SDK's own.
    const updated = await client.secrets().get(sdkId)
    expect([updated.key, updated.value, updated.note, updated.projectId]).toEqual([
      'DB_PASSWORD',
      ROTATED,
      'set by the SDK ✓',
      projectId,
    ])
    // Created: found by the SDK's listing and decrypted by its get-by-ids.
    const listed = await client.secrets().list(orgId)
    const created = listed.data.filter((s) => s.key === 'FROM_ACTION' || s.key === 'DB_PASSWORD_COPY')
    expect(created.map((s) => s.key).sort()).toEqual(['DB_PASSWORD_COPY', 'FROM_ACTION'])
    const read = await client.secrets().getByIds(created.map((s) => s.id))
    for (const s of read.data)
      expect([s.value, s.note, s.projectId, s.organizationId]).toEqual([MINTED, '', projectId, orgId])

    // And the SDK's own update of what the action wrote is read back by the action's next run unchanged.
    await client.secrets().update(orgId, sdkId, 'DB_PASSWORD', 'from-sdk-again', 'set by the SDK ✓', [projectId])
    const again = await runAction(
      { access_token: token, base_url: server.url, secrets: `SAME > ${sdkId}` },
      { entry: WRITE_ENTRY, env: { SAME: 'from-sdk-again' } },
    )
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain(`line 1: SAME > secret ${sdkId}: unchanged`)
  })
})
