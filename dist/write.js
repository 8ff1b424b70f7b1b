import { t as runnerInputs, v as debug, w as warning, x as info, B as setFailed, h as createMasks, F as setSecret } from './chunks/startup-BC6kiPgg.js';
import { doneLine, runWrite } from './chunks/write-main-uUBid1k6.js';
const { appendFileSync } = process.getBuiltinModule('node:fs');
import { escapeHtml } from './chunks/runner-summary-C4g0U9kg.js';




// The write action's job summary: one row per target with what happened (created, updated,
// unchanged; "would be \u2026" in a dry run), never a value. Loaded only when a summary is written.
// As the read action's summary: far below GitHub's 1 MiB limit for the step summary.
const MAX_ROWS = 1000;
/** The summary's HTML; every cell passes through `scrub` before it is escaped. */
function writeSummaryHtml(report, scrub) {
    const cell = (text) => `<td>${escapeHtml(scrub(text))}</td>`;
    const verb = (o) => (report.dryRun && o !== 'unchanged' ? `would be ${o}` : o);
    const rows = report.results
        .slice(0, MAX_ROWS)
        .map((r) => `<tr>${cell(String(r.line))}${cell(r.source)}${cell(r.target)}${cell(verb(r.outcome))}</tr>`);
    const more = report.results.length > MAX_ROWS ? `<p>\u2026 and ${report.results.length - MAX_ROWS} more, not listed.</p>\n` : '';
    return (`<h3>${escapeHtml(scrub(doneLine(report)))}</h3>\n` +
        '<p>Values are masked and never shown here.</p>\n' +
        '<table><tr><th>Line</th><th>Source variable</th><th>Target</th><th>Result</th></tr>' +
        `${rows.join('')}</table>\n${more}`);
}
/** Appends to GITHUB_STEP_SUMMARY, synchronously (as the read action); nothing where it is unset. */
function writeWriteSummary(report, scrub) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        appendFileSync(file, writeSummaryHtml(report, scrub), { encoding: 'utf8' });
}

// The write action's entry (write/action.yml): writes step environment values into the secrets
// manager, and turns anything thrown into one failed-step message.
const USER_AGENT = 'inject-secrets/0.1 (+https://github.com/acme/inject-secrets)';
const masks = createMasks((form) => setSecret(form));
runWrite({
    inputs: runnerInputs,
    userAgent: USER_AGENT,
    masks,
    log: { info: (m) => info(m), warning: (m) => warning(m), debug: (m) => debug(m) },
    summary: (report) => writeWriteSummary(report, masks.scrub),
})
    .catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    // One message, scrubbed of every secret the run had learnt, whatever threw it.
    setFailed(masks.scrub(`inject-secrets: ${message}`));
})
    // Exit once stdout has drained (setFailed has set process.exitCode); idle keep-alive connections
    // would hold the process open a little longer.
    .finally(() => process.stdout.write('', () => process.exit()));
