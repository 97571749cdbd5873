// `clinrevise synthesize`: principle-grounded rubrics for many unlabeled queries against an
// OpenAI-compatible server (vLLM, SGLang…), streamed, ordered, resumable — or as batch files.

import { closeSync, createReadStream, existsSync, ftruncateSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { ChatEngine } from '../src/lib/core/chat';
import { describeError, isAbortError } from '../src/lib/core/errors';
import type { LineProblem } from '../src/lib/core/healthbench/format';
import { mapOrdered } from '../src/lib/core/jobs/orderedPool';
import { RUN_OPTION_LIMITS } from '../src/lib/core/runOptions';
import { parseSynthesisQuery, synthesisLineText, toHealthBenchItems, writtenId, type SynthesisQuery } from '../src/lib/core/synthesis/format';
import { SCENARIO_MODES, SynthesisStepError, synthesizeRubric, type ScenarioMode } from '../src/lib/core/synthesis/synthesize';
import { DEFAULT_RUN_OPTIONS } from '../src/lib/core/types';
import { createEngine } from '../src/lib/engine';
import { DEFAULT_OPENAI_SETTINGS, RetryingEngine, openAiSettingsProblems, type OpenAiEngineSettings } from '../src/lib/engine/openai';
import { BatchEngine, DeferredRequest, readBatchOutputs, type BatchReplies } from './batchFiles';
import { readShippedPrinciples } from './library';

export const SYNTHESIZE_USAGE = `  clinrevise synthesize --in QUERIES.jsonl --out RUBRICS.jsonl --base-url URL --model NAME
                 [--concurrency N] [--scenario model|rules] [--pool-size N] [--api-key KEY]
                 [--timeout SECONDS] [--context-window TOKENS]
  clinrevise synthesize --in QUERIES.jsonl --emit-batch REQUESTS.jsonl --model NAME [--scenario …]
                 [--from-batch-output OUTPUT.jsonl …] [--out RUBRICS.jsonl]
                                             rubrics for unlabeled queries ({id, prompt:[messages]}
                                             or {id, question} per line), one output line per query
                                             in input order; re-running with the same --out resumes`;

export class SynthesizeUsageError extends Error {}

export interface SynthesizeIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Aborted on Ctrl-C (the CLI entry) or by a test. */
  signal: AbortSignal;
  /** For tests: the clock used for rates and created_at. */
  now?: () => number;
}

interface Counts {
  done: number;
  skipped: number;
  duplicates: number;
  badLines: number;
  failed: number;
  deferred: number;
}

/** Ids already written to `out`; cuts off a last line left incomplete by a kill, so appends stay whole. */
function resumeOutput(out: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(out)) return ids;
  const text = readFileSync(out, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) {
    const fd = openSync(out, 'r+');
    ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
    closeSync(fd);
  }
  for (const line of text.slice(0, end).split('\n')) {
    const id = line ? writtenId(line) : null;
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** Lines in a file, counted without holding it (for the progress bar's total). */
async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
    last = buf[buf.length - 1] ?? last;
  }
  return last === 10 ? n : n + 1;
}

/** Reads queries line by line; bad lines and duplicate ids are reported through the callbacks. */
async function* readQueries(
  path: string,
  skip: ReadonlySet<string>,
  on: { bad(problem: LineProblem): void; duplicate(id: string, line: number): void; skipped(): void },
): AsyncGenerator<SynthesisQuery & { line: number }> {
  const seen = new Set<string>();
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const parsed = parseSynthesisQuery(text, line);
    if (!parsed.ok) {
      on.bad(parsed.problem);
      continue;
    }
    const { id } = parsed.query;
    if (seen.has(id)) {
      on.duplicate(id, line);
      continue;
    }
    seen.add(id);
    if (skip.has(id)) {
      on.skipped();
      continue;
    }
    yield { ...parsed.query, line };
  }
}

/** Progress on stderr: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
function progressReporter(io: SynthesizeIo, total: number, now: () => number) {
  const started = now();
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'synthesize [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0.0', failed: 0 });
    return {
      update(processed: number, counts: Counts) {
        const rate = counts.done / Math.max(0.001, (now() - started) / 1000);
        bar.update(processed, { rate: rate.toFixed(1), failed: counts.failed });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = started;
  return {
    update(processed: number, counts: Counts) {
      const t = now();
      if (t - lastLine < 5000) return;
      lastLine = t;
      const rate = counts.done / Math.max(0.001, (t - started) / 1000);
      const eta = rate > 0 ? Math.round((total - processed) / rate) : null;
      io.stderr.write(`synthesize: ${processed}/${total}, ${counts.failed} failed, ${rate.toFixed(1)}/s${eta !== null ? `, ETA ${eta}s` : ''}\n`);
    },
    stop: () => {},
  };
}

/** Runs `clinrevise synthesize`; returns the exit code (0 all written, 1 any failed, 130 stopped). */
export async function synthesizeCommand(args: string[], io: SynthesizeIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      concurrency: { type: 'string' },
      scenario: { type: 'string' },
      'pool-size': { type: 'string' },
      'api-key': { type: 'string' },
      timeout: { type: 'string' },
      'context-window': { type: 'string' },
      'emit-batch': { type: 'string' },
      'from-batch-output': { type: 'string', multiple: true },
    },
  });
  const now = io.now ?? Date.now;
  const input = values.in;
  if (!input) throw new SynthesizeUsageError('synthesize needs --in QUERIES.jsonl.');
  if (!existsSync(input) || !statSync(input).isFile()) throw new SynthesizeUsageError(`--in: no such file: ${input}`);
  const emit = values['emit-batch'];
  const outputs = values['from-batch-output'] ?? [];
  const batchMode = Boolean(emit) || outputs.length > 0;
  if (!values.out && !emit) throw new SynthesizeUsageError('synthesize needs --out RUBRICS.jsonl (or --emit-batch FILE).');
  if (!values.model) throw new SynthesizeUsageError('synthesize needs --model NAME.');
  if (!batchMode && !values['base-url']) throw new SynthesizeUsageError('synthesize needs --base-url URL (or batch files).');
  const scenarioMode = (values.scenario ?? 'model') as ScenarioMode;
  if (!SCENARIO_MODES.includes(scenarioMode)) throw new SynthesizeUsageError(`--scenario must be one of ${SCENARIO_MODES.join(', ')}.`);
  const concurrency = values.concurrency === undefined ? 8 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw new SynthesizeUsageError('--concurrency must be a whole number from 1 to 1024.');
  const poolSize = values['pool-size'] === undefined ? DEFAULT_RUN_OPTIONS.poolSize : Number(values['pool-size']);
  const limits = RUN_OPTION_LIMITS.poolSize;
  if (!Number.isInteger(poolSize) || poolSize < limits.min || poolSize > limits.max) {
    throw new SynthesizeUsageError(`--pool-size must be a whole number from ${limits.min} to ${limits.max}.`);
  }

  const number = (value: string | undefined, name: string, fallback: number, ok: (n: number) => boolean) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!ok(n)) throw new SynthesizeUsageError(`--${name} is not valid: ${value}`);
    return n;
  };
  const settings: OpenAiEngineSettings = {
    ...DEFAULT_OPENAI_SETTINGS,
    baseUrl: values['base-url'] ?? DEFAULT_OPENAI_SETTINGS.baseUrl,
    model: values.model,
    apiKey: values['api-key'] ?? process.env.CLINREVISE_API_KEY ?? '',
    timeoutSeconds: number(values.timeout, 'timeout', DEFAULT_OPENAI_SETTINGS.timeoutSeconds, (n) => n > 0),
    contextWindow: number(values['context-window'], 'context-window', 32768, (n) => Number.isInteger(n) && n >= 512),
  };
  if (!batchMode) {
    const problems = openAiSettingsProblems(settings);
    if (problems.length) throw new SynthesizeUsageError(problems.join(' '));
  }

  const replies: Map<string, BatchReplies> = outputs.length ? await readBatchOutputs(outputs) : new Map();
  const live: ChatEngine | null = batchMode ? null : new RetryingEngine(await createEngine(settings));
  const principles = readShippedPrinciples();
  const written = values.out ? resumeOutput(values.out) : new Set<string>();
  const outFd = values.out ? openSync(values.out, 'a') : null;
  const failuresPath = values.out ? `${values.out}.failures.jsonl` : `${emit}.failures.jsonl`;
  let failuresFd: number | null = null;
  const emitFd = emit ? openSync(emit, 'w') : null;
  const counts: Counts = { done: 0, skipped: 0, duplicates: 0, badLines: 0, failed: 0, deferred: 0 };
  const fail = (record: Record<string, unknown>) => {
    failuresFd ??= openSync(failuresPath, 'a');
    writeSync(failuresFd, `${JSON.stringify({ ...record, at: new Date(now()).toISOString() })}\n`);
  };

  const total = await countLines(input);
  const progress = progressReporter(io, total, now);
  let processed = 0;
  const queries = readQueries(input, written, {
    bad: (problem) => {
      counts.badLines++;
      processed++;
      io.stderr.write(`synthesize: line ${problem.line}: ${problem.problems.join('; ')}\n`);
      fail({ line: problem.line, step: 'input', reason: problem.problems.join('; ') });
    },
    duplicate: (id, line) => {
      counts.duplicates++;
      processed++;
      io.stderr.write(`synthesize: line ${line}: duplicate id "${id}" (already in the input), not run again\n`);
    },
    skipped: () => {
      counts.skipped++;
      processed++;
    },
  });

  const started = now();
  let stopped = false;
  try {
    const outcomes = mapOrdered(
      queries,
      (query, signal) =>
        synthesizeRubric({
          conversation: query.conversation,
          engine: live ?? new BatchEngine(query.id, settings.model, replies.get(query.id), settings.contextWindow),
          principles,
          scenarioMode,
          poolSize,
          signal,
        }),
      { concurrency: batchMode ? 1 : concurrency, signal: io.signal },
    );
    for await (const outcome of outcomes) {
      processed++;
      const { input: query } = outcome;
      if (outcome.ok) {
        const line = {
          id: query.id,
          scenario: outcome.value.scenario,
          principles: outcome.value.principles,
          rubric: toHealthBenchItems(outcome.value.rubric),
          model: settings.model,
          created_at: new Date(now()).toISOString(),
        };
        if (outFd !== null) writeSync(outFd, `${synthesisLineText(line)}\n`);
        counts.done++;
      } else if (isAbortError(outcome.error) || io.signal.aborted) {
        // Abandoned in flight by Ctrl-C: nothing written, so a re-run picks it up.
      } else {
        const deferred = deferredOf(outcome.error);
        if (deferred && emitFd !== null) {
          writeSync(emitFd, `${JSON.stringify(deferred.batchLine())}\n`);
          counts.deferred++;
        } else {
          counts.failed++;
          const step = outcome.error instanceof SynthesisStepError ? outcome.error.step : 'unknown';
          const cause = outcome.error instanceof SynthesisStepError ? outcome.error.cause : outcome.error;
          fail({ id: query.id, line: query.line, step, reason: deferred ? 'no batch output for this request' : describeError(cause) });
        }
      }
      progress.update(processed, counts);
    }
  } catch (err) {
    if (!isAbortError(err)) throw err;
    stopped = true;
  } finally {
    progress.stop();
    if (outFd !== null) closeSync(outFd);
    if (emitFd !== null) closeSync(emitFd);
    if (failuresFd !== null) closeSync(failuresFd);
  }
  const seconds = Math.max(0.001, (now() - started) / 1000);
  const parts = [
    `${counts.done} written`,
    `${counts.skipped} already done`,
    ...(counts.deferred ? [`${counts.deferred} requests written to ${emit}`] : []),
    ...(counts.duplicates ? [`${counts.duplicates} duplicate ids`] : []),
    ...(counts.badLines ? [`${counts.badLines} bad lines`] : []),
    `${counts.failed} failed`,
    `${(counts.done / seconds).toFixed(1)}/s`,
  ];
  io.stderr.write(`synthesize: ${stopped ? 'stopped; ' : ''}${parts.join(', ')}${counts.failed + counts.badLines ? ` (see ${failuresPath})` : ''}\n`);
  if (stopped) return 130;
  return counts.failed + counts.badLines > 0 ? 1 : 0;
}

function deferredOf(err: unknown): DeferredRequest | null {
  if (err instanceof DeferredRequest) return err;
  if (err instanceof SynthesisStepError && err.cause instanceof DeferredRequest) return err.cause;
  return null;
}
