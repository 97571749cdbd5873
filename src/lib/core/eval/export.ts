// Exports of an evaluation: JSON (the report and every graded reply) and CSV (one row per graded
// rubric item, so a spreadsheet can pivot by theme, axis or item).

import { tagValue } from '../healthbench/format';
import type { EvalReport, EvalResult } from './runner';

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['prompt_id', 'mode', 'theme', 'example_score', 'criterion', 'points', 'axis', 'met', 'explanation'] as const;

/** Every graded item as a CSV row, with a header line; CRLF line ends as spreadsheets expect. */
export function resultsCsv(results: readonly EvalResult[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const r of results) {
    const theme = tagValue(r.example_tags, 'theme') ?? '';
    for (const item of r.items) {
      rows.push([r.prompt_id, r.mode, theme, r.score, item.criterion, item.points, tagValue(item.tags, 'axis') ?? '', item.met, item.explanation].map(csvField).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The JSON export: the report (same shape as `clinrevise eval --json`) and every result. */
export function resultsJson(report: EvalReport, results: readonly EvalResult[], meta: Record<string, unknown>): string {
  return JSON.stringify({ ...meta, report, results }, null, 2);
}
