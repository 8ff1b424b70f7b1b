#!/usr/bin/env node
const { spawn } = process.getBuiltinModule('node:child_process');
const { readFileSync } = process.getBuiltinModule('node:fs');
const { constants } = process.getBuiltinModule('node:os');
import { h as createMasks, k as run } from './chunks/startup-B0l7F2rJ.js';




const CLI_INPUTS = [
    [
        'access_token',
        'Access token (Bitwarden, Infisical st., Vault). Prefer the env var: flags show in ps and shell history.',
    ],
    ['secrets', 'The mapping, as in the workflow; repeat the flag for more lines.'],
    ['provider', "auto (default: from the token's shape), bitwarden, infisical or vault."],
    ['base_url', 'Self-hosted server URL (https, or http to localhost); Vault: its address (else VAULT_ADDR).'],
    ['cloud_region', 'Bitwarden cloud region: us or eu.'],
    ['identity_url', 'Bitwarden identity URL (with --api-url).'],
    ['api_url', 'Bitwarden API URL (with --identity-url).'],
    ['environment', 'Infisical environment slug.'],
    ['secret_path', 'Infisical folder, e.g. /backend.'],
    ['recursive', 'Infisical: include sub-folders (true/false).'],
    ['include_imports', 'Infisical: include imported secrets (true/false, default true).'],
    ['client_id', 'Infisical machine identity client id.'],
    ['client_secret', 'Infisical machine identity client secret (prefer the env var).'],
    ['project', 'Infisical project id or slug.'],
    ['identity-id', 'Infisical machine identity id (with --method oidc or aws-iam).'],
    ['oidc-audience', "Infisical: the GitHub ID token's audience (--method oidc, inside a workflow only)."],
    ['extra-headers', "Infisical: extra request headers, 'Name: value' lines."],
    ['namespace', 'Vault namespace (else VAULT_NAMESPACE).'],
    ['check_token', 'Vault: look the token up first (true/false).'],
    ['min_ttl', 'Vault: minimum remaining token TTL with --check-token, e.g. 10m.'],
    ['encoding', 'Vault: decode values from base64 or hex.'],
    ['ignore_not_found', 'Vault: skip paths that do not exist (true/false).'],
    [
        'method',
        'Login method. Vault (as vault-action): token, approle, jwt, kubernetes, github, userpass, ldap, \u2026; Infisical (as secrets-action): universal, oidc or aws-iam.',
    ],
    ['path', 'Vault: the auth mount to log in at (default: the method).'],
    ['role', 'Vault jwt / kubernetes: the role.'],
    ['roleId', 'Vault approle: role_id.'],
    ['secretId', 'Vault approle: secret_id (prefer the env var).'],
    ['githubToken', 'Vault github: the GitHub token (prefer the env var).'],
    ['jwtGithubAudience', 'Vault jwt: the OIDC audience (in a GitHub job only).'],
    ['jwtPrivateKey', 'Vault jwt: base64 of a PEM private key to sign the JWT with (prefer the env var).'],
    ['jwtKeyPassword', 'Vault jwt: the key password (prefer the env var).'],
    ['jwtTtl', 'Vault jwt: the signed JWT lifetime in seconds (default 3600).'],
    ['kubernetesTokenPath', 'Vault kubernetes: the service account token file.'],
    ['username', 'Vault userpass / ldap: the user.'],
    ['password', 'Vault userpass / ldap: the password (prefer the env var).'],
    ['authPayload', 'Vault: the login JSON for any other method.'],
    ['extraHeaders', "Vault: extra request headers, 'Name: value' per line."],
    ['ca_certificate', 'Extra trusted CA certificate(s), PEM text (see --ca-certificate-file).'],
    ['parse_json', 'Export a JSON-object secret as one variable per key, NAME_KEY (true/false).'],
    ['name_prefix', 'Put this in front of every name, e.g. TF_VAR_.'],
    ['name_transformation', 'The case of every name (not the prefix): none, uppercase or lowercase.'],
    ['allow_dangerous_names', 'Allow PATH, NODE_OPTIONS, LD_PRELOAD and the like as names (true/false).'],
    ['timeout', 'Overall time limit in seconds (default 60).'],
];
const WRITE_CLI_INPUTS = [
    ['create', 'write: create what does not exist (true, the default) or only update (false).'],
    ['dry_run', 'write: check everything and compare values, write nothing (true/false).'],
    ['allow_empty', 'write: an empty source variable writes an empty value (true/false).'],
];
const ENV_PREFIX = 'INJECT_SECRETS_';
class UsageError extends Error {
}
const flagName = (input) => `--${input.replace(/_/g, '-')}`;
const FLAGS = new Map(CLI_INPUTS.map(([name]) => [flagName(name), name]));
const WRITE_FLAGS = new Map(WRITE_CLI_INPUTS.map(([name]) => [flagName(name), name]));
const FILE_FLAGS = new Map([
    ['--ca-certificate-file', 'ca_certificate'],
    ['--secrets-file', 'secrets'],
]);
function parseArgs(argv) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')
        return { kind: 'help' };
    if (argv[0] === '--version' || argv[0] === '-V')
        return { kind: 'version' };
    if (argv[0] !== 'run' && argv[0] !== 'write')
        throw new UsageError(`unknown command '${argv[0]}' (expected 'run' or 'write'; see --help)`);
    const kind = argv[0];
    const flags = new Map();
    const files = new Map();
    let debug = false;
    let i = 1;
    for (; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--')
            break;
        if (arg === '--help' || arg === '-h')
            return { kind: 'help' };
        if (arg === '--debug') {
            debug = true;
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
        const input = FLAGS.get(name) ?? FILE_FLAGS.get(name) ?? (kind === 'write' ? WRITE_FLAGS.get(name) : undefined);
        if (input === undefined) {
            if (arg.startsWith('-'))
                throw new UsageError(`unknown option '${name}' (see --help)`);
            if (kind === 'write')
                throw new UsageError(`unexpected '${arg}': inject-secrets write [options] takes no command (the values come from its environment)`);
            throw new UsageError(`expected '--' before the command '${arg}': inject-secrets run [options] -- <command> [args\u2026]`);
        }
        let value;
        if (eq > 0 && arg.startsWith('--'))
            value = arg.slice(eq + 1);
        else {
            if (i + 1 >= argv.length)
                throw new UsageError(`option '${name}' needs a value`);
            value = argv[++i];
        }
        if (FILE_FLAGS.has(name))
            files.set(input, value);
        else if (input === 'secrets' && flags.has('secrets'))
            flags.set('secrets', `${flags.get('secrets')}\n${value}`);
        else if (flags.has(input))
            throw new UsageError(`option '${name}' given twice`);
        else
            flags.set(input, value);
    }
    for (const [input] of files)
        if (flags.has(input))
            throw new UsageError(`give ${flagName(input)} or ${flagName(input)}-file, not both`);
    if (kind === 'write') {
        if (i < argv.length)
            throw new UsageError('inject-secrets write takes no command: set the source variables in its environment instead');
        return { kind, flags, files, command: '', args: [], debug };
    }
    const command = argv[i + 1];
    if (i >= argv.length || command === undefined)
        throw new UsageError('no command to run: inject-secrets run [options] -- <command> [args\u2026]');
    return { kind: 'run', flags, files, command, args: argv.slice(i + 2), debug };
}
function cliInputs(flags, env, command = 'run') {
    const known = new Set([...CLI_INPUTS, ...(command === 'write' ? WRITE_CLI_INPUTS : [])].map(([name]) => name));
    return (name, options) => {
        if (!known.has(name))
            return '';
        const key = name.toUpperCase();
        const value = flags.get(name) ?? env[`${ENV_PREFIX}${key}`] ?? env[`INPUT_${key}`] ?? '';
        return options?.trim === false ? value : value.trim();
    };
}
function childEnvironment(env, secrets) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && !k.startsWith(ENV_PREFIX))
            out[k] = v;
    for (const s of secrets)
        out[s.name] = s.value;
    return out;
}
function helpText(version) {
    const width = Math.max(...CLI_INPUTS.map(([n]) => flagName(n).length), '--ca-certificate-file'.length) + 9;
    const line = ([name, help]) => `  ${`${flagName(name)} <value>`.padEnd(width)}${help}`;
    const lines = CLI_INPUTS.map(line);
    const writeLines = WRITE_CLI_INPUTS.map(line);
    return `inject-secrets ${version}: run a command with secrets from Bitwarden, Infisical or Vault in its environment.

Usage:
  inject-secrets run [options] -- <command> [args\u2026]
  inject-secrets write [options]

Fetches the secrets exactly as the GitHub Action does (same inputs, same mapping, all or nothing),
then runs <command> with them added to its environment and exits with its exit code. Values are
never printed (there is no log masking outside a runner): only errors and the injected names.
If anything fails, the command is not started.

'write' is the write action (acme/inject-secrets/write): each --secrets line is 'SOURCE > TARGET',
SOURCE a variable of its environment whose value is written to TARGET; everything is checked
before the first write, and only targets and outcomes are printed.

Every option can also come from the environment as ${ENV_PREFIX}<NAME> or INPUT_<NAME>
(e.g. ${ENV_PREFIX}ACCESS_TOKEN); an option on the command line wins.

Options:
${lines.join('\n')}
${writeLines.join('\n')}
  ${'--ca-certificate-file <path>'.padEnd(width)}Read --ca-certificate from a PEM file.
  ${'--secrets-file <path>'.padEnd(width)}Read --secrets from a file.
  ${'--debug'.padEnd(width)}Print each request's method, path and status.
  ${'-h, --help'.padEnd(width)}This help.
  ${'-V, --version'.padEnd(width)}The version.

Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured; NODE_EXTRA_CA_CERTS is trusted.

Examples:
  ${ENV_PREFIX}ACCESS_TOKEN=\u2026 npx inject-secrets run --secrets 'DB_PASSWORD' -- npm test
  NEW_KEY=\u2026 ${ENV_PREFIX}ACCESS_TOKEN=\u2026 npx inject-secrets write --secrets 'NEW_KEY > <project id>/API_KEY'
`;
}
function localize(message) {
    return message.replace(/\bInput '([a-z_]+)'/g, (_m, name) => `Input '${name}' (--${name.replace(/_/g, '-')} or ${ENV_PREFIX}${name.toUpperCase()})`);
}

const VERSION = '0.1.0';
const USER_AGENT = `inject-secrets-cli/${VERSION} (+https://github.com/acme/inject-secrets)`;
const masks = createMasks(() => { });
const say = (line) => void process.stderr.write(`${masks.scrub(line)}\n`);
function readFlagFiles(cmd) {
    const flags = new Map(cmd.flags);
    for (const [input, path] of cmd.files) {
        try {
            flags.set(input, readFileSync(path, 'utf8'));
        }
        catch (err) {
            throw new UsageError(`cannot read --${input.replace(/_/g, '-')}-file '${path}': ${err.code ?? 'error'}`);
        }
    }
    return flags;
}
function logFor(cmd) {
    return {
        info: say,
        warning: (message) => say(`inject-secrets: warning: ${localize(message)}`),
        debug: (message) => (cmd.debug ? say(`inject-secrets: ${message}`) : undefined),
    };
}
function fetchSecrets(cmd, env) {
    return run({
        inputs: cliInputs(readFlagFiles(cmd), env),
        env,
        userAgent: USER_AGENT,
        masks,
        log: logFor(cmd),
        publish: async () => { },
    });
}
function runChild(cmd, env) {
    return new Promise((resolve) => {
        const child = spawn(cmd.command, cmd.args, { stdio: 'inherit', env });
        const forward = (signal) => void child.kill(signal);
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
        signals.forEach((s) => process.on(s, forward));
        child.on('error', (err) => {
            signals.forEach((s) => process.off(s, forward));
            say(`inject-secrets: cannot run '${cmd.command}': ${err.code === 'ENOENT' ? 'command not found' : (err.code ?? err.message)}`);
            resolve(err.code === 'ENOENT' ? 127 : 126);
        });
        child.on('exit', (code, signal) => {
            signals.forEach((s) => process.off(s, forward));
            resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
        });
    });
}
async function main(argv) {
    let parsed;
    try {
        parsed = parseArgs(argv);
    }
    catch (err) {
        if (!(err instanceof UsageError))
            throw err;
        say(`inject-secrets: ${err.message}`);
        return 2;
    }
    if (parsed.kind === 'help') {
        process.stdout.write(helpText(VERSION));
        return 0;
    }
    if (parsed.kind === 'version') {
        process.stdout.write(`${VERSION}\n`);
        return 0;
    }
    const env = { ...process.env };
    if (parsed.kind === 'write') {
        try {
            const { runWrite } = await import('./chunks/write-main-CU6re6b2.js');
            await runWrite({
                inputs: cliInputs(readFlagFiles(parsed), env, 'write'),
                env,
                userAgent: USER_AGENT,
                masks,
                log: logFor(parsed),
            });
            return 0;
        }
        catch (err) {
            say(`inject-secrets: ${localize(err instanceof Error ? err.message : String(err))}`);
            return err instanceof UsageError ? 2 : 1;
        }
    }
    let outcome;
    try {
        outcome = await fetchSecrets(parsed, env);
    }
    catch (err) {
        say(`inject-secrets: ${localize(err instanceof Error ? err.message : String(err))}`);
        return err instanceof UsageError ? 2 : 1;
    }
    return runChild(parsed, childEnvironment(env, outcome.secrets));
}
main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)), (err) => {
    say(`inject-secrets: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
