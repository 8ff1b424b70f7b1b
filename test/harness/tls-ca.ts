// A throwaway PKI for tests: a CA and server certificates it signs, made with the `openssl` command
// (node:crypto makes keys but not X.509 certificates). Everything lives in one temp directory.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCa {
  /** The CA certificate (PEM). */
  readonly caPem: string
  /** A file holding caPem, e.g. for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string
  readonly dir: string
  /**
   * Issues a certificate signed by this CA for the given names (IPs and DNS names; the first is the
   * CN): a server certificate, or with `client` a TLS client certificate (clientAuth).
   */
  issue(names: readonly string[], opts?: { client?: boolean }): { key: string; cert: string }
  cleanup(): void
}

/** Whether the openssl command can be run here. */
export function haveOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Makes a CA (EC P-256, self-signed, CA:true) named `cn`. */
export function createTestCa(cn = 'inject-secrets test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-pki-'))
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key'], dir)
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sha256',
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.pem',
    ],
    dir,
  )
  let serial = 0
  return {
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    caFile: join(dir, 'ca.pem'),
    dir,
    issue(names, opts = {}) {
      const n = ++serial
      const san = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',')
      writeFileSync(
        join(dir, `ext${n}.cnf`),
        `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${opts.client ? 'clientAuth' : 'serverAuth'}\n${san === '' ? '' : `subjectAltName=${san}\n`}`,
      )
      openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `s${n}.key`], dir)
      openssl(['req', '-new', '-key', `s${n}.key`, '-subj', `/CN=${names[0] ?? 'server'}`, '-out', `s${n}.csr`], dir)
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `s${n}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-sha256',
          '-days',
          '2',
          '-extfile',
          `ext${n}.cnf`,
          '-out',
          `s${n}.pem`,
        ],
        dir,
      )
      return { key: readFileSync(join(dir, `s${n}.key`), 'utf8'), cert: readFileSync(join(dir, `s${n}.pem`), 'utf8') }
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
