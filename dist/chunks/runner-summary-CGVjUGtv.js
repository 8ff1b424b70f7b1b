const { appendFileSync } = process.getBuiltinModule('node:fs');
import { a9 as summary } from './startup-CDUfgEOl.js';




// The job summary (GITHUB_STEP_SUMMARY): a table of what was injected — names, provider, where each
// secret came from — never a value. Loaded with import() only when a summary is written, after every
// export succeeded. @actions/core's summary writes table cells as raw HTML, so every cell is escaped
// here (names and sources come from user mappings and from servers).
const PROVIDER_LABELS = {
    bitwarden: 'Bitwarden Secrets Manager',
    infisical: 'Infisical',
    vault: 'HashiCorp Vault',
};
/**
 * Text as inert HTML: `& < > " '` as entities, and control characters (a blank line would end the
 * HTML block and let the rest be read as Markdown) as a space.
 */
function escapeHtml(text) {
    return (text
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' '));
}
// GitHub refuses a step summary over 1 MiB (it uploads none at all); rows run to ~200 bytes, so a
// table of this many stays far below, whatever else the job writes there.
const MAX_ROWS = 1000;
/** The table's rows, escaped: a header, then one row per secret (the first MAX_ROWS). */
function summaryTable(secrets, info) {
    const provider = PROVIDER_LABELS[info.provider] ?? info.provider;
    // Shaping (parse_json, name_prefix, name_transformation) renamed something: say from what.
    const shaped = secrets.some((s) => s.from !== undefined);
    const columns = [info.setEnv ? 'Environment variable' : 'Name', 'Step output', ...(shaped ? ['From'] : [])];
    const header = [...columns, 'Provider', 'Source'].map((h) => ({ data: h, header: true }));
    const texts = secrets.slice(0, MAX_ROWS).map((s) => {
        const output = s.outputName ?? s.name;
        const from = shaped ? [s.from ?? '(same)'] : [];
        return [s.name, output === s.name ? '(same)' : output, ...from, provider, s.source];
    });
    const width = header.length;
    const cells = scrubAll(texts.flat(), info.scrub).map((text) => ({ data: escapeHtml(text) }));
    const rows = texts.map((_, i) => cells.slice(i * width, (i + 1) * width));
    return [header, ...rows];
}
/**
 * Every cell scrubbed, in one pass over them all joined by newlines rather than one pass per cell
 * (a thousand rows of five cells against a thousand masks). A mask can only match across two cells
 * if it holds a newline; then a separator is gone and the count tells: each cell is scrubbed alone.
 */
function scrubAll(texts, scrub) {
    if (!texts.some((t) => t.includes('\n'))) {
        const parts = scrub(texts.join('\n')).split('\n');
        if (parts.length === texts.length)
            return parts;
    }
    return texts.map(scrub);
}
/** The summary's HTML: a heading, a line saying what was exported where, and the table. */
function summaryHtml(secrets, info) {
    summary.emptyBuffer();
    const n = secrets.length;
    summary.addHeading(`inject-secrets: ${n} secret${n === 1 ? '' : 's'} from ${escapeHtml(PROVIDER_LABELS[info.provider] ?? info.provider)}`, 3);
    let where = info.setEnv
        ? 'Exported as environment variables for later steps and as step outputs'
        : 'Exported as step outputs only (set_env: false)';
    if (info.file) {
        const fate = info.file.kept ? 'kept after the job' : 'deleted when the job ends';
        where += `; also written to the ${escapeHtml(info.file.format)} file <code>${escapeHtml(info.scrub(info.file.path))}</code> (${fate})`;
    }
    summary.addRaw(`<p>${where}. Values are masked and never shown here.</p>`, true);
    if (n > 0)
        summary.addTable(summaryTable(secrets, info));
    if (n > MAX_ROWS)
        summary.addRaw(`<p>… and ${n - MAX_ROWS} more, not listed (the first ${MAX_ROWS} are).</p>`, true);
    const html = summary.stringify();
    summary.emptyBuffer();
    return html;
}
/**
 * Appends the summary to GITHUB_STEP_SUMMARY. Returns false (writing nothing) where the runner has
 * no job summaries (GITHUB_STEP_SUMMARY unset: older GHES, local runs). Written synchronously, as
 * @actions/core writes GITHUB_ENV: summary.write()'s fs.promises calls would start libuv's thread
 * pool, which nothing else in a run needs (measured: ~9 ms more per run).
 */
function writeSummary(secrets, info) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    appendFileSync(file, summaryHtml(secrets, info), { encoding: 'utf8' });
    return true;
}

export { MAX_ROWS, escapeHtml, summaryHtml, summaryTable, writeSummary };
