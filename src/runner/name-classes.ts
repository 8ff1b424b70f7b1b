// Environment variable names that change how a later process starts, what code it loads or where
// it sends its traffic, by class (SECURITY.md, "Names"). A secret exported under one of them runs
// code or redirects every later step of the job. Case-insensitive: Windows' names are. Pure.

export interface NameClass {
  readonly label: string
  /** The runner's own: exporting it breaks the runner or its tools, whoever chose the name. */
  readonly runner?: boolean
}

// Written as names rather than regular expressions: V8 compiles a regular expression at its first
// use, and these eight alternations took ~0.9 ms to check a run's first hundred names, on the way
// to its first export. `NAME_*` is NAME_ then any word characters, `NAME_+` at least one, and
// `BASH_FUNC_…` at least one character of any kind (bash's exported functions: BASH_FUNC_ls%%).
const CLASSES: ReadonlyArray<readonly [NameClass, readonly string[]]> = [
  // GITHUB_TOKEN is not a runner default: mapping a personal access token to it (for the gh CLI) is
  // a common, deliberate use, allowed when the workflow's author wrote it (see policyFor).
  [{ label: "the runner's own", runner: true }, ['GITHUB_*', 'RUNNER_*', 'ACTIONS_*', 'NODE_OPTIONS']],
  [
    { label: 'shell start-up and prompts' },
    [
      'BASH_ENV',
      'ENV',
      'SHELLOPTS',
      'BASHOPTS',
      'PS0',
      'PS1',
      'PS2',
      'PS3',
      'PS4',
      'PROMPT_COMMAND',
      'BASH_FUNC_…',
      'IFS',
      'CDPATH',
      'GLOBIGNORE',
      'ZDOTDIR',
      'INPUTRC',
      'BASH_XTRACEFD',
    ],
  ],
  [{ label: 'dynamic loaders' }, ['LD_+', 'DYLD_+']],
  [{ label: 'program search paths' }, ['PATH', 'PATHEXT']],
  [
    { label: "language runtimes' options and paths" },
    [
      'NODE_PATH',
      'NODE_REPL_EXTERNAL_MODULE',
      'NODE_ICU_DATA',
      'JAVA_TOOL_OPTIONS',
      '_JAVA_OPTIONS',
      'JDK_JAVA_OPTIONS',
      'CLASSPATH',
      'MAVEN_OPTS',
      'GRADLE_OPTS',
      'PERL5OPT',
      'PERL5LIB',
      'PERLLIB',
      'RUBYOPT',
      'RUBYLIB',
      'PYTHONPATH',
      'PYTHONSTARTUP',
      'PYTHONHOME',
      'PYTHONUSERBASE',
      'DOTNET_STARTUP_HOOKS',
      'DOTNET_ADDITIONAL_DEPS',
      'DOTNET_SHARED_STORE',
      'COMPLUS_+',
      'CORECLR_+',
      'RUSTC',
      'RUSTC_WRAPPER',
      'RUSTC_WORKSPACE_WRAPPER',
      'RUSTFLAGS',
      'CARGO_BUILD_+',
      'GOFLAGS',
      'CC',
      'CXX',
      'LUA_INIT*',
      'LUA_PATH',
      'LUA_CPATH',
      'PHPRC',
      'PHP_INI_SCAN_DIR',
      'R_PROFILE*',
      'TCLLIBPATH',
    ],
  ],
  [
    { label: "git's configuration and command hooks" },
    [
      'GIT_CONFIG*',
      'GIT_SSH',
      'GIT_SSH_COMMAND',
      'GIT_EXEC_PATH',
      'GIT_ASKPASS',
      'SSH_ASKPASS',
      'GIT_PROXY_COMMAND',
      'GIT_EXTERNAL_DIFF',
      'GIT_PAGER',
      'GIT_EDITOR',
      'GIT_SEQUENCE_EDITOR',
      'GIT_TEMPLATE_DIR',
      'GIT_DIR',
      'GIT_WORK_TREE',
      'PAGER',
      'EDITOR',
      'VISUAL',
      'LESSOPEN',
      'LESSCLOSE',
    ],
  ],
  [
    { label: "package managers' registries and indexes" },
    [
      'NPM_CONFIG_+',
      'YARN_+',
      'PNPM_+',
      'PIP_+',
      'UV_INDEX*',
      'UV_EXTRA_INDEX_URL',
      'PIPENV_PYPI_MIRROR',
      'POETRY_+',
      'BUNDLE_MIRROR*',
      'GEM_HOST*',
      'NUGET_+',
      'GOPROXY',
      'GOPRIVATE',
      'GONOPROXY',
      'GONOSUMDB',
      'GONOSUMCHECK',
      'GOSUMDB',
      'GOINSECURE',
      'COMPOSER_+',
      'CARGO_REGISTR+',
      'CONDA_+',
      'HOMEBREW_+',
    ],
  ],
  [
    { label: 'proxies and certificate authorities' },
    [
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'ALL_PROXY',
      'NO_PROXY',
      'FTP_PROXY',
      'SSL_CERT_FILE',
      'SSL_CERT_DIR',
      'CURL_CA_BUNDLE',
      'REQUESTS_CA_BUNDLE',
      'NODE_EXTRA_CA_CERTS',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'GIT_SSL_+',
      'AWS_CA_BUNDLE',
    ],
  ],
]

/** What may follow a family's prefix: `*` any word characters, `+` one or more, `…` one or more of anything but a line break. */
type Tail = '*' | '+' | '…'

interface Family {
  readonly prefix: string
  readonly tail: Tail
}

/** Each class as its names and its families, in the order above. */
const COMPILED = CLASSES.map(([cls, names]) => {
  const exact = new Set<string>()
  const families: Family[] = []
  for (const name of names) {
    const tail = name.at(-1)
    if (tail === '*' || tail === '+' || tail === '…') families.push({ prefix: name.slice(0, -1), tail })
    else exact.add(name)
  }
  return { cls, exact, families }
})

const WORD_CHARS = /^\w*$/
const LINE_BREAK = /[\n\r\u2028\u2029]/

/**
 * Upper case as a case-insensitive regular expression without the `u` flag compares: ASCII letters
 * only (such a pattern never matches 'ſ' to 'S', though 'ſ'.toUpperCase() is 'S').
 */
function asciiUpper(name: string): string {
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : name[i]
  }
  return out
}

function inFamily(name: string, f: Family): boolean {
  if (!name.startsWith(f.prefix)) return false
  const rest = name.slice(f.prefix.length)
  if (f.tail === '…') return rest !== '' && !LINE_BREAK.test(rest)
  return (f.tail === '*' || rest !== '') && WORD_CHARS.test(rest)
}

/** The class a name belongs to, if it is one of them (the first, in the order above). */
export function nameClass(name: string): NameClass | undefined {
  const upper = asciiUpper(name)
  return COMPILED.find((c) => c.exact.has(upper) || c.families.some((f) => inFamily(upper, f)))?.cls
}

export interface NamePolicy {
  readonly verdict: 'ok' | 'warn' | 'refuse'
  /** The class, for the message. */
  readonly label?: string
}

/**
 * What to do with an environment variable's name, by who chose it:
 * - a name the server chose (a wildcard's keys, a JSON secret's fields) in any class: refused;
 *   whoever can write a secret must not be able to run code in the job;
 * - a name the workflow's author wrote in the mapping: their choice, except the runner's own
 *   (refused: the runner ignores or breaks on them), GITHUB_TOKEN excepted (a token for the gh CLI
 *   is what it is mapped for); the other classes are exported with a warning.
 */
export function policyFor(name: string, mapped: boolean): NamePolicy {
  const found = nameClass(name)
  if (!found) return { verdict: 'ok' }
  if (!mapped) return { verdict: 'refuse', label: found.label }
  if (/^GITHUB_TOKEN$/i.test(name)) return { verdict: 'ok' }
  return { verdict: found.runner ? 'refuse' : 'warn', label: found.label }
}
