/**
 * Drives the vendor's own client, `@bitwarden/sdk-napi@1.0.0`, against a test server.
 *
 * The package is not in package.json (its registry copy has only the linux-x64 binding, which would
 * break `npm ci` elsewhere); `scripts/install-sdk-napi.js` installs it as the `pretest` step. So it is
 * imported dynamically and typed here by the small part of its API we use; the types mirror the
 * package's dist/bitwarden_client/index.d.ts and schemas.d.ts.
 */
import { createRequire } from 'node:module'

export const SDK_PACKAGE = '@bitwarden/sdk-napi'

/** napi LogLevel: Trace 0 … Error 4. */
const LOG_LEVEL_ERROR = 4

export interface SdkSecret {
  id: string
  organizationId: string
  projectId?: string | null
  key: string
  value: string
  note: string
  /** The binding converts the JSON dates to Date objects. */
  creationDate: Date
  revisionDate: Date
}

export interface SdkProject {
  id: string
  organizationId: string
  name: string
  creationDate: Date
  revisionDate: Date
}

export interface SdkClient {
  auth(): { loginAccessToken(accessToken: string, stateFile?: string): Promise<void> }
  secrets(): {
    get(id: string): Promise<SdkSecret>
    getByIds(ids: string[]): Promise<{ data: SdkSecret[] }>
    create(organizationId: string, key: string, value: string, note: string, projectIds: string[]): Promise<SdkSecret>
    list(organizationId: string): Promise<{ data: Array<{ id: string; organizationId: string; key: string }> }>
    update(
      organizationId: string,
      id: string,
      key: string,
      value: string,
      note: string,
      projectIds: string[],
    ): Promise<SdkSecret>
    delete(ids: string[]): Promise<{ data: Array<{ id: string; error?: string | null }> }>
    sync(organizationId: string, lastSyncedDate?: Date): Promise<{ hasChanges: boolean; secrets?: SdkSecret[] | null }>
  }
  projects(): {
    get(id: string): Promise<SdkProject>
    create(organizationId: string, name: string): Promise<SdkProject>
    list(organizationId: string): Promise<{ data: SdkProject[] }>
  }
}

export interface SdkClientSettings {
  apiUrl?: string
  identityUrl?: string
  userAgent?: string
  deviceType?: string
}

export interface SdkModule {
  BitwardenClient: new (settings?: SdkClientSettings, logLevel?: number) => SdkClient
}

/** The only platform whose native binding the registry here carries (linux-x64, glibc). */
export function sdkPlatformSupported(): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined
  return report?.header?.glibcVersionRuntime !== undefined
}

/**
 * Loads the SDK. The package is CommonJS with a native addon, so it is loaded with require(): that
 * works the same under plain Node, tsx and Jest's ESM mode.
 */
export function loadSdk(): SdkModule {
  const require = createRequire(import.meta.url)
  try {
    return require(SDK_PACKAGE) as SdkModule
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${SDK_PACKAGE} could not be loaded (run \`node scripts/install-sdk-napi.js\`): ${reason}`)
  }
}

/** A client pointed at the test server's identity and API URLs (plain http on 127.0.0.1). */
export function sdkClient(sdk: SdkModule, server: { identityUrl: string; apiUrl: string }): SdkClient {
  return new sdk.BitwardenClient(
    { identityUrl: server.identityUrl, apiUrl: server.apiUrl, userAgent: 'inject-secrets-tests', deviceType: 'SDK' },
    LOG_LEVEL_ERROR,
  )
}

export interface SdkWrittenSecret {
  id: string
  key: string
  value: string
  note: string
}

/**
 * Logs in with `token`, creates a project named `projectName` (the machine account gets write access
 * to projects it creates), then creates each secret in it: all encryption is the SDK's own. The
 * returned ids let a test read the same secrets back with another client (e.g. the action).
 */
export async function writeSecretsWithSdk(
  server: { identityUrl: string; apiUrl: string },
  token: string,
  orgId: string,
  input: { projectName: string; secrets: Array<{ key: string; value: string; note?: string }> },
  sdk: SdkModule = loadSdk(),
): Promise<{ client: SdkClient; projectId: string; secrets: SdkWrittenSecret[] }> {
  const client = sdkClient(sdk, server)
  await client.auth().loginAccessToken(token)
  const project = await client.projects().create(orgId, input.projectName)
  const secrets: SdkWrittenSecret[] = []
  for (const s of input.secrets) {
    const note = s.note ?? ''
    const created = await client.secrets().create(orgId, s.key, s.value, note, [project.id])
    secrets.push({ id: created.id, key: s.key, value: s.value, note })
  }
  return { client, projectId: project.id, secrets }
}
