import { lstatSync, unlinkSync } from 'node:fs';

// `export_file`: the secrets written to one file (dotenv or JSON) for tools that read a file rather
// than the environment. Loaded with import() only when export_file is given. The file is created
// 0600 (a temporary file opened with that mode, then renamed over the path), written before any env
// var or output so that a failure exports nothing, and deleted by the post step unless keep_file.
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
    unlinkSync(path);
    log.info(`inject-secrets: deleted ${path}.`);
}

export { deleteExportFile };
