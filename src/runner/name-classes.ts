// Environment variable names that change how a later process starts, what code it loads or where
// it sends its traffic, by class (SECURITY.md, "Names"). A secret exported under one of them runs
// code or redirects every later step of the job. Case-insensitive: Windows' names are. Pure.

export interface NameClass {
  readonly label: string
  /** The runner's own: exporting it breaks the runner or its tools, whoever chose the name. */
  readonly runner?: boolean
}

const CLASSES: ReadonlyArray<readonly [NameClass, RegExp]> = [
  // GITHUB_TOKEN is not a runner default: mapping a personal access token to it (for the gh CLI) is
  // a common, deliberate use, allowed when the workflow's author wrote it (see policyFor).
  [{ label: "the runner's own", runner: true }, /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|NODE_OPTIONS)$/i],
  [
    { label: 'shell start-up and prompts' },
    /^(BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS[0-4]|PROMPT_COMMAND|BASH_FUNC_.+|IFS|CDPATH|GLOBIGNORE|ZDOTDIR|INPUTRC|BASH_XTRACEFD)$/i,
  ],
  [{ label: 'dynamic loaders' }, /^(LD_\w+|DYLD_\w+)$/i],
  [{ label: 'program search paths' }, /^(PATH|PATHEXT)$/i],
  [
    { label: "language runtimes' options and paths" },
    /^(NODE_PATH|NODE_REPL_EXTERNAL_MODULE|NODE_ICU_DATA|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|CLASSPATH|MAVEN_OPTS|GRADLE_OPTS|PERL5OPT|PERL5LIB|PERLLIB|RUBYOPT|RUBYLIB|PYTHONPATH|PYTHONSTARTUP|PYTHONHOME|PYTHONUSERBASE|DOTNET_STARTUP_HOOKS|DOTNET_ADDITIONAL_DEPS|DOTNET_SHARED_STORE|COMPLUS_\w+|CORECLR_\w+|RUSTC|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|RUSTFLAGS|CARGO_BUILD_\w+|GOFLAGS|CC|CXX|LUA_INIT\w*|LUA_PATH|LUA_CPATH|PHPRC|PHP_INI_SCAN_DIR|R_PROFILE\w*|TCLLIBPATH)$/i,
  ],
  [
    { label: "git's configuration and command hooks" },
    /^(GIT_CONFIG\w*|GIT_SSH|GIT_SSH_COMMAND|GIT_EXEC_PATH|GIT_ASKPASS|SSH_ASKPASS|GIT_PROXY_COMMAND|GIT_EXTERNAL_DIFF|GIT_PAGER|GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_TEMPLATE_DIR|GIT_DIR|GIT_WORK_TREE|PAGER|EDITOR|VISUAL|LESSOPEN|LESSCLOSE)$/i,
  ],
  [
    { label: "package managers' registries and indexes" },
    /^(NPM_CONFIG_\w+|YARN_\w+|PNPM_\w+|PIP_\w+|UV_INDEX\w*|UV_EXTRA_INDEX_URL|PIPENV_PYPI_MIRROR|POETRY_\w+|BUNDLE_MIRROR\w*|GEM_HOST\w*|NUGET_\w+|GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GONOSUMCHECK|GOSUMDB|GOINSECURE|COMPOSER_\w+|CARGO_REGISTR\w+|CONDA_\w+|HOMEBREW_\w+)$/i,
  ],
  [
    { label: 'proxies and certificate authorities' },
    /^(HTTPS?_PROXY|ALL_PROXY|NO_PROXY|FTP_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|GIT_SSL_\w+|AWS_CA_BUNDLE)$/i,
  ],
]

/** The class a name belongs to, if it is one of them. */
export function nameClass(name: string): NameClass | undefined {
  return CLASSES.find(([, pattern]) => pattern.test(name))?.[0]
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
