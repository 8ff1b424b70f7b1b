// Real proxies, as self-hosted runners sit behind: tinyproxy and squid from Debian, each started by
// the test on 127.0.0.1 with its own temporary configuration, pid and log files (no system service,
// nothing written under /etc), and stopped by the test. When either is missing, the test setup
// installs both with apt-get, once for all jest workers (flock); when that cannot be done the tests
// fail saying so, never skip.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

const TINYPROXY = '/usr/bin/tinyproxy'
const SQUID = '/usr/sbin/squid'
const LOCK = join(tmpdir(), 'inject-secrets-apt.lock')

function installed(): boolean {
  return existsSync(TINYPROXY) && existsSync(SQUID)
}

/** tinyproxy and squid present, installed with apt-get if not; throws a clear error when impossible. */
export function ensureRealProxies(): void {
  if (installed()) return
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-apt-'))
  // Packages must not start their system services: invoke-rc.d asks this policy (101: forbidden).
  const policy = join(dir, 'policy-rc.d')
  writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
  const script = `test -x ${TINYPROXY} && test -x ${SQUID} || { apt-get update -qq && apt-get install -y -qq --no-install-recommends tinyproxy squid; }`
  try {
    execFileSync('flock', [LOCK, 'sh', '-c', script], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', POLICYRCD: policy },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    })
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message)
    throw new Error(
      `real-proxy: tinyproxy and squid are needed by the proxy tests and could not be installed with apt-get (run as root on Debian/Ubuntu, or install them: apt-get install -y tinyproxy squid): ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (!installed()) throw new Error(`real-proxy: apt-get ran, but ${TINYPROXY} or ${SQUID} is still missing`)
}

export interface RealProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** The proxy's own log (tinyproxy's log file, squid's access log), read now. */
  log(): string
  close(): Promise<void>
}

/** A port the OS says is free now (both proxies want a port number in their configuration). */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })
}

async function start(
  name: string,
  dir: string,
  port: number,
  command: string,
  args: string[],
  logFile: string,
): Promise<RealProxy> {
  let output = ''
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let gone = false
  void exited.then(() => (gone = true))
  const readLog = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '')
  const stop = async (): Promise<void> => {
    if (!gone) child.kill('SIGKILL')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  for (const started = Date.now(); !(await listening(port));) {
    if (gone || Date.now() - started > 30_000) {
      const why = `${output}\n${readLog(join(dir, 'cache.log'))}${readLog(logFile)}`.trim().slice(-2000)
      await stop()
      throw new Error(`real-proxy: ${name} did not start listening on 127.0.0.1:${port}: ${why}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url: `http://127.0.0.1:${port}`, log: () => readLog(logFile), close: stop }
}

/** tinyproxy in the foreground (-d) with its own configuration; `basicAuth`: it answers 407 without them. */
export async function startTinyproxy(
  opts: { basicAuth?: { user: string; password: string } } = {},
): Promise<RealProxy> {
  ensureRealProxies()
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-tinyproxy-'))
  const port = await freePort()
  const logFile = join(dir, 'tinyproxy.log')
  const conf = join(dir, 'tinyproxy.conf')
  writeFileSync(
    conf,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'MaxClients 20',
      `LogFile "${logFile}"`,
      'LogLevel Info',
      `PidFile "${join(dir, 'tinyproxy.pid')}"`,
      'Allow 127.0.0.1',
      'DisableViaHeader Yes',
      // No ConnectPort line: CONNECT to any port (the test servers' ports are ephemeral).
      ...(opts.basicAuth ? [`BasicAuth ${opts.basicAuth.user} ${opts.basicAuth.password}`] : []),
      '',
    ].join('\n'),
  )
  return start('tinyproxy', dir, port, TINYPROXY, ['-d', '-c', conf], logFile)
}

/**
 * squid in the foreground (-N) with its own configuration, pid, logs and no cache; `extra`: more
 * configuration lines, read before the access rules (e.g. an `acl` and `http_access deny`);
 * `tls`: an https:// proxy (TLS between the client and squid) with this key and certificate.
 */
export async function startSquid(
  extra: string[] = [],
  opts: { tls?: { key: string; cert: string } } = {},
): Promise<RealProxy> {
  ensureRealProxies()
  const dir = mkdtempSync(join(tmpdir(), 'inject-secrets-squid-'))
  const port = await freePort()
  const logFile = join(dir, 'access.log')
  const conf = join(dir, 'squid.conf')
  const root = userInfo().uid === 0
  if (opts.tls) {
    writeFileSync(join(dir, 'proxy.key'), opts.tls.key, { mode: 0o644 })
    writeFileSync(join(dir, 'proxy.crt'), opts.tls.cert)
  }
  const listen = opts.tls
    ? `https_port 127.0.0.1:${port} tls-cert=${join(dir, 'proxy.crt')} tls-key=${join(dir, 'proxy.key')}`
    : `http_port 127.0.0.1:${port}`
  writeFileSync(
    conf,
    [
      listen,
      'visible_hostname inject-secrets-test',
      `pid_filename ${join(dir, 'squid.pid')}`,
      `cache_log ${join(dir, 'cache.log')}`,
      `access_log stdio:${logFile}`,
      'cache_store_log none',
      'logfile_rotate 0',
      'cache deny all',
      'cache_mem 8 MB',
      `coredump_dir ${dir}`,
      'netdb_filename none',
      'pinger_enable off',
      'shutdown_lifetime 0 seconds',
      // As root, squid runs as this user: it owns the directory for the logs and pid.
      ...(root ? ['cache_effective_user proxy'] : []),
      'acl test_client src 127.0.0.1',
      ...extra,
      'http_access allow test_client',
      'http_access deny all',
      '',
    ].join('\n'),
  )
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'proxy']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'proxy']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const proxy = await start('squid', dir, port, SQUID, ['-N', '-f', conf], logFile)
  return opts.tls ? { ...proxy, url: proxy.url.replace('http:', 'https:') } : proxy
}
