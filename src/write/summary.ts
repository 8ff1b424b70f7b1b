// The write action's job summary: one row per target with what happened (created, updated,
// unchanged; "would be …" in a dry run), never a value. Loaded only when a summary is written.
import { appendFileSync } from 'node:fs'
import { escapeHtml } from '../runner/summary.js'
import type { WriteReport } from './main.js'
import { doneLine } from './main.js'

// As the read action's summary: far below GitHub's 1 MiB limit for the step summary.
const MAX_ROWS = 1000

/** The summary's HTML; every cell passes through `scrub` before it is escaped. */
export function writeSummaryHtml(report: WriteReport, scrub: (text: string) => string): string {
  const cell = (text: string): string => `<td>${escapeHtml(scrub(text))}</td>`
  const verb = (o: string): string => (report.dryRun && o !== 'unchanged' ? `would be ${o}` : o)
  const rows = report.results
    .slice(0, MAX_ROWS)
    .map((r) => `<tr>${cell(String(r.line))}${cell(r.source)}${cell(r.target)}${cell(verb(r.outcome))}</tr>`)
  const more =
    report.results.length > MAX_ROWS ? `<p>… and ${report.results.length - MAX_ROWS} more, not listed.</p>\n` : ''
  return (
    `<h3>${escapeHtml(scrub(doneLine(report)))}</h3>\n` +
    '<p>Values are masked and never shown here.</p>\n' +
    '<table><tr><th>Line</th><th>Source variable</th><th>Target</th><th>Result</th></tr>' +
    `${rows.join('')}</table>\n${more}`
  )
}

/** Appends to GITHUB_STEP_SUMMARY, synchronously (as the read action); nothing where it is unset. */
export function writeWriteSummary(report: WriteReport, scrub: (text: string) => string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, writeSummaryHtml(report, scrub), { encoding: 'utf8' })
}
