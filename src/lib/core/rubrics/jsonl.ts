// Streamed reading and writing of HealthRubrics JSONL: export writes one line at a time; import reads
// line by line and accepts the file only if every line is valid (bad lines reported by number).

import { pacer } from '../pacing';
import { issueList, type LineProblem } from '../healthbench/format';
import { HealthRubricsRecordSchema, recordProblems, type HealthRubricsRecord } from './record';

export type { LineProblem };

/** One record as a line (no newline), fields in the documented order. */
export function recordLine(record: HealthRubricsRecord): string {
  const { format, id, prompt, rubric, model_rubric, reviewer, verified_at, responses, preference } = record;
  return JSON.stringify({
    format,
    id,
    prompt: prompt.map(({ role, content }) => ({ role, content })),
    rubric: rubric.map(({ criterion, points, tags }) => ({ criterion, points, tags })),
    model_rubric: model_rubric.map(({ criterion, points, tags }) => ({ criterion, points, tags })),
    reviewer,
    verified_at,
    responses: responses.map(({ id: rid, content, score }) => ({ id: rid, content, score })),
    preference: preference ? { chosen: preference.chosen, rejected: preference.rejected, tie: preference.tie } : null,
  });
}

/** Wording for zod's generic messages: a missing field and an unknown one said plainly. */
function plainMessage(issue: { code?: string; input?: unknown; keys?: readonly string[] }): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing (every record needs this field)';
  if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (HealthRubrics v1 has no such field)`;
  return undefined;
}

export type ParsedRecordLine = { ok: true; record: HealthRubricsRecord } | { ok: false; problem: LineProblem };

/** Parses and validates one line (1-based `lineNumber`): the schema, then the rules that span fields. */
export function parseRecordLine(text: string, lineNumber: number): ParsedRecordLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { line: lineNumber, problems: ['not valid JSON'] } };
  }
  const parsed = HealthRubricsRecordSchema.safeParse(json, { error: plainMessage });
  if (!parsed.success) return { ok: false, problem: { line: lineNumber, problems: issueList(parsed.error) } };
  const record = parsed.data as HealthRubricsRecord;
  const problems = recordProblems(record);
  return problems.length ? { ok: false, problem: { line: lineNumber, problems } } : { ok: true, record };
}

/** Splits streamed text chunks into numbered lines (LF or CRLF), without holding the whole file. */
export async function* numberedLines(chunks: AsyncIterable<string> | Iterable<string>, signal?: AbortSignal): AsyncGenerator<{ text: string; line: number }> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    rest += chunk;
    let at = rest.indexOf('\n');
    while (at >= 0) {
      yield { text: rest.slice(0, at).replace(/\r$/, ''), line: ++line };
      rest = rest.slice(at + 1);
      at = rest.indexOf('\n');
    }
  }
  if (rest.length) yield { text: rest.replace(/\r$/, ''), line: ++line };
}

/** The outcome of reading a file: every record (duplicates skipped and counted), or every bad line. */
export type ReadOutcome =
  | { ok: true; records: HealthRubricsRecord[]; duplicates: number; lines: number }
  | { ok: false; problems: LineProblem[]; lines: number };

/**
 * Reads a HealthRubrics JSONL stream. Blank lines are ignored. A record whose id is in `existingIds`
 * or repeats an earlier line is a duplicate: skipped and counted. Any bad line rejects the whole file.
 */
export async function readRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: { existingIds?: ReadonlySet<string>; signal?: AbortSignal } = {},
): Promise<ReadOutcome> {
  const records: HealthRubricsRecord[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set(options.existingIds ?? []);
  let duplicates = 0;
  let lines = 0;
  const pace = pacer();
  for await (const { text, line } of numberedLines(chunks, options.signal)) {
    await pace();
    lines = line;
    if (!text.trim()) continue;
    const parsed = parseRecordLine(text, line);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    if (seen.has(parsed.record.id)) {
      duplicates++;
      continue;
    }
    seen.add(parsed.record.id);
    records.push(parsed.record);
  }
  return problems.length ? { ok: false, problems, lines } : { ok: true, records, duplicates, lines };
}

/** The records as JSONL, one line (with its newline) at a time. */
export async function* writeRecords(records: AsyncIterable<HealthRubricsRecord> | Iterable<HealthRubricsRecord>, signal?: AbortSignal): AsyncGenerator<string> {
  for await (const record of records) {
    signal?.throwIfAborted();
    yield `${recordLine(record)}\n`;
  }
}

/** A problem as one line of text: "line 3: rubric.0.points: …". */
export function formatLineProblems(problems: readonly LineProblem[]): string[] {
  return problems.flatMap((p) => p.problems.map((message) => `line ${p.line}: ${message}`));
}
