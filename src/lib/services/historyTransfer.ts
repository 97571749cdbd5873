// History export and import as JSON Lines. Export streams batch by batch from IndexedDB into a file,
// so 10,000 runs never sit in memory at once; import reads the file twice as a stream — once to check
// every line, once to write — and changes nothing unless every line is a valid run.

import { ClinReviseError, isAbortError, throwIfAborted } from '../core/errors';
import type { parseRunLine as ParseRunLine } from '../core/history/runFile';
import type { Run } from '../core/types';
import type { RunsRepository } from '../db/runsRepository';

/** A bad line of an imported file: its number (from 1) and what is wrong. */
export interface LineProblem {
  line: number;
  problem: string;
}

/** An imported runs file has bad lines: nothing was imported. */
export class RunsFileInvalidError extends ClinReviseError {
  readonly code = 'runs_file_invalid';
  /** The first bad lines and what is wrong with each ("line 3: not valid JSON; …"). */
  readonly detail: string;
  constructor(
    readonly problems: LineProblem[],
    readonly badLines: number,
  ) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `line ${p.line}: ${p.problem}`)
      .join('; ');
    const detail = `${shown}${badLines > 5 ? ` and ${badLines - 5} more` : ''}`;
    super(`Nothing was imported: ${badLines === 1 ? '1 line is' : `${badLines} lines are`} not a valid run (${detail}). Fix or remove those lines (or export the runs again) and import the file again.`);
    this.name = 'RunsFileInvalidError';
    this.detail = detail;
  }
}

/** The file has no runs at all. */
export class RunsFileEmptyError extends ClinReviseError {
  readonly code = 'runs_file_empty';
  constructor() {
    super('Nothing was imported: the file has no runs. Choose a file exported from History (.jsonl, one run per line).');
    this.name = 'RunsFileEmptyError';
  }
}

/** Writing the runs failed part-way; the ones already written were removed again. */
export class RunsImportWriteError extends ClinReviseError {
  readonly code = 'runs_import_write_failed';
  constructor(readonly detail: string) {
    super(`Nothing was imported: saving the runs failed (${detail}). Free some browser storage (Settings → Data, or delete old runs) and try again.`);
    this.name = 'RunsImportWriteError';
  }
}

/** What an import did. */
export interface ImportReport {
  /** Runs added. */
  added: number;
  /** Runs left out because a run with the same id is already stored (or appears earlier in the file). */
  duplicates: number;
}

/** A stream of JSONL bytes from batches of runs; pulled, so nothing is read ahead of the consumer. */
export function runsJsonlStream(batches: AsyncIterable<Run[]>): ReadableStream<Uint8Array> {
  const iterator = batches[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.map((run) => `${JSON.stringify(run)}\n`).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The stream as a Blob built from one part per chunk: each chunk is handed to the browser's blob
 * storage as it arrives, so script memory holds one batch at a time.
 */
export async function streamToBlob(stream: ReadableStream<Uint8Array>, type = 'application/x-ndjson'): Promise<Blob> {
  const parts: Blob[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(new Blob([value as Uint8Array<ArrayBuffer>]));
  }
  return new Blob(parts, { type });
}

/** The non-empty lines of a text stream with their numbers (from 1). */
export async function* linesOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<{ line: number; text: string }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  let line = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      line++;
      const text = rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      if (text.trim()) yield { line, text };
    }
  }
  rest += decoder.decode();
  line++;
  if (rest.trim()) yield { line, text: rest.replace(/\r$/, '') };
}

/** Runs written per transaction during import. */
const IMPORT_BATCH = 500;

/**
 * Imports a runs file: every line is checked first (bad lines reported by number, nothing written);
 * then new runs are added in batches, runs whose id is already stored are skipped, and should a write
 * fail the runs already added are removed, so the store ends as it was.
 */
export async function importRunsFile(file: Blob, repo: RunsRepository, signal?: AbortSignal): Promise<ImportReport> {
  // The validator (zod) loads with the first import, not with the page.
  const { parseRunLine }: { parseRunLine: typeof ParseRunLine } = await import('../core/history/runFile');
  const problems: LineProblem[] = [];
  let badLines = 0;
  let valid = 0;
  for await (const { line, text } of linesOf(file.stream())) {
    throwIfAborted(signal);
    const result = parseRunLine(text);
    if (result.ok) valid++;
    else {
      badLines++;
      if (problems.length < 20) problems.push({ line, problem: result.problem });
    }
  }
  if (badLines) throw new RunsFileInvalidError(problems, badLines);
  if (valid === 0) throw new RunsFileEmptyError();

  const seen = new Set<string>();
  const added: string[] = [];
  let duplicates = 0;
  let batch: Run[] = [];
  const flush = async () => {
    const ids = await repo.addNew(batch);
    added.push(...ids);
    duplicates += batch.length - ids.length;
    batch = [];
  };
  try {
    for await (const { text } of linesOf(file.stream())) {
      throwIfAborted(signal);
      const result = parseRunLine(text);
      if (!result.ok) throw new RunsFileInvalidError([], 1); // The file changed between the passes.
      if (seen.has(result.run.id)) {
        duplicates++;
        continue;
      }
      seen.add(result.run.id);
      batch.push(result.run);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
  } catch (err) {
    await repo.deleteMany(added).catch(() => undefined);
    if (err instanceof ClinReviseError || isAbortError(err)) throw err;
    throw new RunsImportWriteError(err instanceof Error ? err.message : String(err));
  }
  return { added: added.length, duplicates };
}
