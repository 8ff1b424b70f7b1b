// The name policy (src/runner/name-classes.ts): one row per class, by who chose the name.
import { nameClass, policyFor } from '../../../src/runner/name-classes.js'
import fc from 'fast-check'

test.each([
  ["the runner's own", ['GITHUB_ENV', 'RUNNER_TEMP', 'ACTIONS_RUNTIME_TOKEN', 'NODE_OPTIONS', 'github_token']],
  ['shell start-up and prompts', ['BASH_ENV', 'ENV', 'SHELLOPTS', 'PS4', 'PROMPT_COMMAND', 'BASH_FUNC_ls%%', 'IFS']],
  ['dynamic loaders', ['LD_PRELOAD', 'LD_AUDIT', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES']],
  ['program search paths', ['PATH', 'Path', 'PATHEXT']],
  [
    "language runtimes' options and paths",
    ['JAVA_TOOL_OPTIONS', 'PERL5OPT', 'RUBYOPT', 'PYTHONPATH', 'DOTNET_STARTUP_HOOKS', 'RUSTC_WRAPPER', 'NODE_PATH'],
  ],
  ["git's configuration and command hooks", ['GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_SSH_COMMAND', 'GIT_ASKPASS']],
  [
    "package managers' registries and indexes",
    ['npm_config_registry', 'PIP_INDEX_URL', 'GOPROXY', 'YARN_NPM_REGISTRY_SERVER'],
  ],
  ['proxies and certificate authorities', ['HTTPS_PROXY', 'http_proxy', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE']],
])('%s', (label, names) => {
  for (const name of names) expect([name, nameClass(name)?.label]).toEqual([name, label])
})

test.each(['DB_PASSWORD', 'NODE_ENV', 'GIT_AUTHOR_NAME', 'API_KEY', 'PATHS', 'MY_PATH', 'ENVIRONMENT', 'XGITHUB_X'])(
  '%s is in no class',
  (name) => {
    expect(nameClass(name)).toBeUndefined()
    expect(policyFor(name, false)).toEqual({ verdict: 'ok' })
  },
)

test.each([
  // name, chosen by the server, written in the mapping
  ['PATH', 'refuse', 'warn'],
  ['LD_PRELOAD', 'refuse', 'warn'],
  ['SHELLOPTS', 'refuse', 'warn'],
  ['GIT_CONFIG_COUNT', 'refuse', 'warn'],
  ['HTTPS_PROXY', 'refuse', 'warn'],
  ['GITHUB_TOKEN', 'refuse', 'ok'],
  ['GITHUB_ENV', 'refuse', 'refuse'],
  ['ACTIONS_RUNTIME_TOKEN', 'refuse', 'refuse'],
  ['NODE_OPTIONS', 'refuse', 'refuse'],
])('%s: chosen by the server → %s; written in the mapping → %s', (name, server, mapping) => {
  expect(policyFor(name, false).verdict).toBe(server)
  expect(policyFor(name, true).verdict).toBe(mapping)
})

// The classes as regular expressions (how they were first written, case-insensitive, without the
// `u` flag): the table of names must classify every string exactly as these do.
const REFERENCE: ReadonlyArray<readonly [string, RegExp]> = [
  ["the runner's own", /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|NODE_OPTIONS)$/i],
  [
    'shell start-up and prompts',
    /^(BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS[0-4]|PROMPT_COMMAND|BASH_FUNC_.+|IFS|CDPATH|GLOBIGNORE|ZDOTDIR|INPUTRC|BASH_XTRACEFD)$/i,
  ],
  ['dynamic loaders', /^(LD_\w+|DYLD_\w+)$/i],
  ['program search paths', /^(PATH|PATHEXT)$/i],
  [
    "language runtimes' options and paths",
    /^(NODE_PATH|NODE_REPL_EXTERNAL_MODULE|NODE_ICU_DATA|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|CLASSPATH|MAVEN_OPTS|GRADLE_OPTS|PERL5OPT|PERL5LIB|PERLLIB|RUBYOPT|RUBYLIB|PYTHONPATH|PYTHONSTARTUP|PYTHONHOME|PYTHONUSERBASE|DOTNET_STARTUP_HOOKS|DOTNET_ADDITIONAL_DEPS|DOTNET_SHARED_STORE|COMPLUS_\w+|CORECLR_\w+|RUSTC|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|RUSTFLAGS|CARGO_BUILD_\w+|GOFLAGS|CC|CXX|LUA_INIT\w*|LUA_PATH|LUA_CPATH|PHPRC|PHP_INI_SCAN_DIR|R_PROFILE\w*|TCLLIBPATH)$/i,
  ],
  [
    "git's configuration and command hooks",
    /^(GIT_CONFIG\w*|GIT_SSH|GIT_SSH_COMMAND|GIT_EXEC_PATH|GIT_ASKPASS|SSH_ASKPASS|GIT_PROXY_COMMAND|GIT_EXTERNAL_DIFF|GIT_PAGER|GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_TEMPLATE_DIR|GIT_DIR|GIT_WORK_TREE|PAGER|EDITOR|VISUAL|LESSOPEN|LESSCLOSE)$/i,
  ],
  [
    "package managers' registries and indexes",
    /^(NPM_CONFIG_\w+|YARN_\w+|PNPM_\w+|PIP_\w+|UV_INDEX\w*|UV_EXTRA_INDEX_URL|PIPENV_PYPI_MIRROR|POETRY_\w+|BUNDLE_MIRROR\w*|GEM_HOST\w*|NUGET_\w+|GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GONOSUMCHECK|GOSUMDB|GOINSECURE|COMPOSER_\w+|CARGO_REGISTR\w+|CONDA_\w+|HOMEBREW_\w+)$/i,
  ],
  [
    'proxies and certificate authorities',
    /^(HTTPS?_PROXY|ALL_PROXY|NO_PROXY|FTP_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|GIT_SSL_\w+|AWS_CA_BUNDLE)$/i,
  ],
]
const referenceClass = (name: string): string | undefined => REFERENCE.find(([, re]) => re.test(name))?.[0]

// Pieces of the listed names and prefixes, in either case, and characters the rules treat apart:
// line breaks (BASH_FUNC_…), non-word characters, and letters whose upper case is ASCII only
// outside such a pattern ('ſ' is 'S', 'ı' is 'I', the Kelvin sign is 'K' in lower case).
const PIECES = [
  'GITHUB_',
  'github_',
  'NODE_',
  'OPTIONS',
  'BASH_',
  'FUNC_',
  'func_',
  'PS',
  'LD_',
  'DYLD_',
  'PATH',
  'path',
  'EXT',
  'LUA_INIT',
  'R_PROFILE',
  'GIT_',
  'CONFIG',
  'SSL_',
  'NPM_CONFIG_',
  'UV_INDEX',
  'CARGO_',
  'REGISTR',
  'BUILD_',
  'HTTP',
  'S',
  '_PROXY',
  'CC',
  'X',
  '0',
  '4',
  '5',
  '_',
  '%',
  '-',
  '\n',
  '\r',
  '\u2028',
  ' ',
  'ſ',
  'ı',
  '\u212a',
  'é',
]

test('the table classifies any name as the regular expressions do', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')),
        fc.string(),
      ),
      (name) => {
        expect(nameClass(name)?.label).toBe(referenceClass(name))
      },
    ),
    { numRuns: 20_000 },
  )
})

test.each(['GITHUB_', 'LD_', 'BASH_FUNC_', 'BASH_FUNC_x\ny', 'PATſ', 'ſHELLOPTS', 'PATH\n', 'ld_x', 'CARGO_REGISTRY'])(
  '%j: as the regular expressions say',
  (name) => {
    expect(nameClass(name)?.label).toBe(referenceClass(name))
  },
)
