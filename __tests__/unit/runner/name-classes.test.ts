// The name policy (src/runner/name-classes.ts): one row per class, by who chose the name.
import { nameClass, policyFor } from '../../../src/runner/name-classes.js'

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
