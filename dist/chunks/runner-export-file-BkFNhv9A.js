const { randomBytes } = process.getBuiltinModule('node:crypto');
const { realpathSync, mkdirSync, openSync, fchmodSync, writeSync, closeSync, renameSync, rmSync, lstatSync, unlinkSync } = process.getBuiltinModule('node:fs');
const { dirname, join, basename } = process.getBuiltinModule('node:path');
import { I as InputError } from './startup-B0l7F2rJ.js';



const DELETE_FILE_CLEANUP = 'delete-export-file';
const EXPORT_FILE_OUTPUT = 'export_file';
function dotenvLine(name, value) {
    if (/[\r\0]/.test(value))
        return undefined;
    if (!value.includes("'") && !value.endsWith('\\'))
        return `${name}='${value}'`;
    if (!/["\\$`]/.test(value))
        return `${name}="${value}"`;
    return undefined;
}
function dotenvProblem(value) {
    if (value.includes('\r'))
        return 'a carriage return (dotenv turns \\r\\n into \\n)';
    if (value.includes('\0'))
        return 'a NUL character';
    if (value.endsWith('\\') && !value.includes("'"))
        return 'a trailing backslash';
    return 'both a single quote and one of " \\ $ ` (no dotenv quoting reads that back the same in the dotenv package and in a shell)';
}
function renderExport(all, format) {
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
function exportToFile(secrets, settings, record) {
    const clash = secrets.find((s) => s.only !== 'env' && (s.outputName ?? s.name).toLowerCase() === EXPORT_FILE_OUTPUT);
    if (clash) {
        throw new InputError(`Input 'export_file' sets the step output '${EXPORT_FILE_OUTPUT}', which ${clash.source} would set too; map that secret to another name.`);
    }
    const content = renderExport(secrets, settings.format);
    writeSecretFile(settings.path, content);
    const remove = () => rmSync(settings.path, { force: true });
    if (!settings.keep) {
        try {
            record([{ kind: DELETE_FILE_CLEANUP, data: { path: settings.path, dir: realpathSync(dirname(settings.path)) } }]);
        }
        catch (err) {
            remove();
            throw err;
        }
    }
    return remove;
}
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
    if (data.dir !== undefined && realpathSync(dirname(path)) !== data.dir) {
        return log.warning(`inject-secrets post step: the folder of ${path} is no longer the one written to; left alone.`);
    }
    unlinkSync(path);
    log.info(`inject-secrets: deleted ${path}.`);
}

export { DELETE_FILE_CLEANUP, EXPORT_FILE_OUTPUT, assertWritablePath, deleteExportFile, dotenvLine, exportToFile, renderExport, writeSecretFile };
