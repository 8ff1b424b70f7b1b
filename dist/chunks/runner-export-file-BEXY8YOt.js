const { randomBytes } = process.getBuiltinModule('node:crypto');
const { realpathSync, mkdirSync, openSync, fchmodSync, writeSync, closeSync, renameSync, rmSync, lstatSync, unlinkSync } = process.getBuiltinModule('node:fs');
const { dirname, join, basename } = process.getBuiltinModule('node:path');
import { I as InputError } from './startup-BC6kiPgg.js';



// `export_file`: the secrets written to one file (dotenv or JSON) for tools that read a file rather
// than the environment. Loaded with import() only when export_file is given. The file is created
// 0600 (a temporary file opened with that mode, then renamed over the path), written before any env
// var or output so that a failure exports nothing, and deleted by the post step unless keep_file.
/** The cleanup kind the post step runs to delete the file (src/post.ts). */
const DELETE_FILE_CLEANUP = 'delete-export-file';
/** The step output holding the file's absolute path. */
const EXPORT_FILE_OUTPUT = 'export_file';
/**
 * One `NAME=value` line that the `dotenv` package and `set -a; source` in a POSIX shell both read
 * back as exactly `value`. Their quoting rules overlap only partly: dotenv never unescapes anything
 * but `\n`/`\r` inside "\u2026", and a shell's '\u2026' cannot hold a `'`. So:
 *   - '\u2026' when the value has no `'` (and does not end in `\`, which dotenv would read as `\'`);
 *   - "\u2026" when the value has a `'` but none of `"` `\` `$` and backtick (special inside a shell's "\u2026");
 *   - otherwise (both kinds of quote, or `'` with `\`/`$`/backtick) no form reads back the same,
 *     and the run fails naming the secret and pointing to JSON. A carriage return never survives
 *     dotenv (it turns \r\n into \n), nor does NUL a shell.
 * Returns undefined when the value cannot be written.
 */
function dotenvLine(name, value) {
    if (/[\r\0]/.test(value))
        return undefined;
    if (!value.includes("'") && !value.endsWith('\\'))
        return `${name}='${value}'`;
    if (!/["\\$`]/.test(value))
        return `${name}="${value}"`;
    return undefined;
}
/** Why dotenvLine refused a value, in words that never quote it. */
function dotenvProblem(value) {
    if (value.includes('\r'))
        return 'a carriage return (dotenv turns \\r\\n into \\n)';
    if (value.includes('\0'))
        return 'a NUL character';
    if (value.endsWith('\\') && !value.includes("'"))
        return 'a trailing backslash';
    return 'both a single quote and one of " \\ $ ` (no dotenv quoting reads that back the same in the dotenv package and in a shell)';
}
/** The file's content: every secret under its environment variable name. */
function renderExport(all, format) {
    // The file holds what the environment would: a value published only as a step output stays out.
    const secrets = all.filter((s) => s.only !== 'output');
    if (format === 'json') {
        const obj = {};
        for (const s of secrets)
            obj[s.name] = s.value;
        return `${JSON.stringify(obj, null, 2)}\n`;
    }
    const lines = [];
    for (const s of secrets) {
        const line = dotenvLine(s.name, s.value);
        if (line === undefined) {
            throw new InputError(`Input 'export_format' is 'dotenv', but the value of ${s.name} (${s.source}) contains ${dotenvProblem(s.value)}. ` +
                "Use 'export_format: json' for such values; nothing was exported.");
        }
        lines.push(line);
    }
    return lines.map((l) => `${l}\n`).join('');
}
/** Refuses a path that is a directory, a symlink or anything but a regular file. */
function assertWritablePath(path) {
    let st;
    try {
        st = lstatSync(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw new InputError(`Input 'export_file': cannot inspect ${path} (${err.code ?? 'error'}).`);
    }
    if (st.isSymbolicLink())
        throw new InputError(`Input 'export_file': ${path} is a symbolic link; refusing to write secrets through it. Give a path that does not exist yet.`);
    if (st.isDirectory())
        throw new InputError(`Input 'export_file': ${path} is a directory; give a file path, e.g. ${join(path, 'secrets.env')}.`);
    if (!st.isFile())
        throw new InputError(`Input 'export_file': ${path} exists and is not a regular file.`);
}
/**
 * Writes content to path with mode 0600 from the first byte: a new temporary file next to it,
 * opened exclusively with mode 0600, then renamed over the path (which replaces an older regular
 * file without ever widening its mode). Missing parent directories are created 0700.
 */
function writeSecretFile(path, content) {
    assertWritablePath(path);
    const dir = dirname(path);
    try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    catch (err) {
        throw new InputError(`Input 'export_file': cannot create the directory ${dir} (${err.code ?? 'error'}).`);
    }
    const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let fd;
    try {
        fd = openSync(tmp, 'wx', 0o600);
        // The mode given to open is reduced by the umask; never widened. Make it exactly 0600 before any byte.
        if (process.platform !== 'win32')
            fchmodSync(fd, 0o600);
        const bytes = Buffer.from(content, 'utf8');
        for (let off = 0; off < bytes.length;)
            off += writeSync(fd, bytes, off);
        closeSync(fd);
        fd = undefined;
        assertWritablePath(path);
        renameSync(tmp, path);
    }
    catch (err) {
        if (fd !== undefined)
            closeSync(fd);
        rmSync(tmp, { force: true });
        if (err instanceof InputError)
            throw err;
        throw new InputError(`Input 'export_file': cannot write ${path} (${err.code ?? 'error'}); nothing was exported.`);
    }
}
/**
 * Checks, renders and writes the file, then records its deletion for the post step. Throws (having
 * written nothing) when the output name is taken, a value cannot be written, or the write fails.
 * Returns a function that removes the file again, for when a later export fails.
 */
function exportToFile(secrets, settings, record) {
    // Expression property names are case-insensitive: steps.x.outputs.EXPORT_FILE is the same output.
    const clash = secrets.find((s) => s.only !== 'env' && (s.outputName ?? s.name).toLowerCase() === EXPORT_FILE_OUTPUT);
    if (clash) {
        throw new InputError(`Input 'export_file' sets the step output '${EXPORT_FILE_OUTPUT}', which ${clash.source} would set too; map that secret to another name.`);
    }
    const content = renderExport(secrets, settings.format);
    writeSecretFile(settings.path, content);
    const remove = () => rmSync(settings.path, { force: true });
    if (!settings.keep) {
        try {
            // The folder's real path too: the post step deletes nothing through a folder swapped for a link.
            record([{ kind: DELETE_FILE_CLEANUP, data: { path: settings.path, dir: realpathSync(dirname(settings.path)) } }]);
        }
        catch (err) {
            remove();
            throw err;
        }
    }
    return remove;
}
/** The post step's handler: deletes the file if it is still a regular file; gone already is fine. */
async function deleteExportFile(data, log) {
    const path = data.path;
    if (path === undefined || path === '')
        return;
    let st;
    try {
        st = lstatSync(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return log.info(`inject-secrets: ${path} was already removed.`);
        throw err;
    }
    if (!st.isFile())
        return log.warning(`inject-secrets post step: ${path} is no longer a regular file; left alone.`);
    // A parent folder replaced by a symbolic link since the file was written would make this delete
    // another file of the same name elsewhere (lstat follows every component but the last).
    if (data.dir !== undefined && realpathSync(dirname(path)) !== data.dir) {
        return log.warning(`inject-secrets post step: the folder of ${path} is no longer the one written to; left alone.`);
    }
    unlinkSync(path);
    log.info(`inject-secrets: deleted ${path}.`);
}

export { DELETE_FILE_CLEANUP, EXPORT_FILE_OUTPUT, assertWritablePath, deleteExportFile, dotenvLine, exportToFile, renderExport, writeSecretFile };
