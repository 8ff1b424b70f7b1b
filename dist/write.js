import { t as runnerInputs, v as debug, w as warning, x as info, B as setFailed, h as createMasks, H as setSecret } from './chunks/startup-B0l7F2rJ.js';
import { doneLine, runWrite } from './chunks/write-main-CU6re6b2.js';
const { appendFileSync } = process.getBuiltinModule('node:fs');
import { escapeHtml } from './chunks/runner-summary-BbC1KWoD.js';




const MAX_ROWS = 1000;
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
function writeWriteSummary(report, scrub) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        appendFileSync(file, writeSummaryHtml(report, scrub), { encoding: 'utf8' });
}

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
    setFailed(masks.scrub(`inject-secrets: ${message}`));
})
    .finally(() => process.stdout.write('', () => process.exit()));
