// Reading HealthBench JSONL as a stream of lines, so a 5,000-example file is never held whole: one pass
// checks every line (problems by line number), a second pass yields the examples to run.

import { pacer } from '../pacing';
import { parseHealthBenchLine, type HealthBenchExample, type LineProblem } from './format';

/** Splits text chunks into lines (without the newline; a trailing CR is dropped). */
export async function* splitLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let nl = rest.indexOf('\n');
    while (nl !== -1) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  if (rest.length) yield rest.replace(/\r$/, '');
}

/** Decodes a byte stream (a File's or a Node read stream's) to text chunks. */
export async function* decodeBytes(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const b of bytes) yield decoder.decode(b, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** What a check of a whole file found. */
export interface HealthBenchScan {
  /** Valid examples. */
  examples: number;
  /** Lines that cannot be used, in file order (blank lines are skipped silently). */
  problems: LineProblem[];
}

/** At most this many problems are kept; the count of examples is still exact. */
export const MAX_REPORTED_PROBLEMS = 200;

/** Checks every line: JSON, schema, conversation shape, and that no prompt_id repeats. */
export async function scanHealthBench(lines: AsyncIterable<string> | Iterable<string>): Promise<HealthBenchScan> {
  const seen = new Map<string, number>();
  const problems: LineProblem[] = [];
  let examples = 0;
  let n = 0;
  const pace = pacer();
  for await (const line of lines) {
    await pace();
    n++;
    if (!line.trim()) continue;
    const parsed = parseHealthBenchLine(line, n);
    if (!parsed.ok) {
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(parsed.problem);
      continue;
    }
    const first = seen.get(parsed.example.prompt_id);
    if (first !== undefined) {
      if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ line: n, problems: [`prompt_id "${parsed.example.prompt_id}" already used on line ${first}`] });
      continue;
    }
    seen.set(parsed.example.prompt_id, n);
    examples++;
  }
  return { examples, problems };
}

/** The valid examples of a file, in order; bad, blank and repeated lines are skipped (the scan reported them). */
export async function* readHealthBench(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<HealthBenchExample> {
  const seen = new Set<string>();
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const parsed = parseHealthBenchLine(line, n);
    if (!parsed.ok || seen.has(parsed.example.prompt_id)) continue;
    seen.add(parsed.example.prompt_id);
    yield parsed.example;
  }
}

/** "line 3: not valid JSON; line 9: rubrics.0.points: points must not be 0" */
export function formatLineProblems(problems: readonly LineProblem[], max = 10): string {
  const shown = problems.slice(0, max).map((p) => `line ${p.line}: ${p.problems.join('; ')}`);
  if (problems.length > max) shown.push(`…and ${problems.length - max} more`);
  return shown.join('\n');
}

/** One pass that keeps the valid examples and the problems (for files read whole, as in the browser). */
export async function collectHealthBench(lines: AsyncIterable<string> | Iterable<string>): Promise<{ examples: HealthBenchExample[]; problems: LineProblem[] }> {
  const seen = new Map<string, number>();
  const examples: HealthBenchExample[] = [];
  const problems: LineProblem[] = [];
  let n = 0;
  const pace = pacer();
  for await (const line of lines) {
    await pace();
    n++;
    if (!line.trim()) continue;
    const parsed = parseHealthBenchLine(line, n);
    if (!parsed.ok) problems.push(parsed.problem);
    else if (seen.has(parsed.example.prompt_id)) problems.push({ line: n, problems: [`prompt_id "${parsed.example.prompt_id}" already used on line ${seen.get(parsed.example.prompt_id)}`] });
    else {
      seen.set(parsed.example.prompt_id, n);
      examples.push(parsed.example);
    }
  }
  return { examples, problems };
}
