// `clinrevise eval` and `clinrevise check-model`: HealthBench-format evaluation (plain / revised /
// both) and the model check, against OpenAI-compatible servers. Registered in cli/main.ts.

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeError, isAbortError } from '../src/lib/core/errors';
import { decodeBytes, formatLineProblems, readHealthBench, scanHealthBench, splitLines } from '../src/lib/core/healthbench/read';
import type { HealthBenchExample } from '../src/lib/core/healthbench/format';
import { VERDICT_LABELS, modelCheckJson, modelCheckReasonText, parseCalibrationSet, runModelCheck, type ModelCheckReport } from '../src/lib/core/eval/modelCheck';
import { revisedAnswerer } from '../src/lib/core/eval/revised';
import { EVAL_MODES, evalReport, memoryStore, resultsCost, runEvaluation, type EvalMode, type EvalProgress, type EvalReport } from '../src/lib/core/eval/runner';
import type { Aggregate, ModeReport } from '../src/lib/core/eval/score';
import { formatCost } from '../src/lib/core/eval/usage';
import { budgetTokenCounter } from '../src/lib/core/pipeline/tokens';
import { DEFAULT_RUN_OPTIONS } from '../src/lib/core/types';
import { createEngine } from '../src/lib/engine';
import { DEFAULT_OPENAI_SETTINGS, openAiSettingsProblems, type OpenAiEngineSettings } from '../src/lib/engine/openai';
import { readShippedPrinciples } from './library';
import { jsonlResultsFile } from './resultsFile';

export interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const EVAL_USAGE = `  clinrevise eval --data FILE.jsonl --base-url URL --model NAME [--grader-base-url URL]
                  [--grader-model NAME] [--mode plain|revised|both] [--concurrency N]
                  [--out results.jsonl] [--limit N] [--skip-bad-lines] [--api-key KEY]
                  [--grader-api-key KEY] [--timeout SECONDS] [--context-window TOKENS] [--json]
                                             HealthBench-format evaluation: plain reply, the
                                             revision loop, or both (default both); every rubric
                                             item graded in its own call by the grader (default:
                                             the answer server and model). --out appends one line
                                             per graded example; re-running with it resumes.
  clinrevise check-model --base-url URL --model NAME [--cases FILE.jsonl] [--concurrency N]
                  [--api-key KEY] [--timeout SECONDS] [--json]
                                             is this model good enough to grade for ClinRevise?
                                             (calibration set, structured output, speed, verdict)`;

const EXIT_NOTE = `eval exits 0 when every example was graded, 1 when some failed (the count is on stderr),
2 for bad usage or a data file with bad lines (unless --skip-bad-lines), 130 when stopped.`;

class EvalUsageError extends Error {}

const DATASETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'datasets');

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new EvalUsageError(`--${name} must be a whole number of at least 1, not "${value}".`);
  return n;
}

function serverSettings(baseUrl: string, model: string, apiKey: string | undefined, timeout: string | undefined, contextWindow: string | undefined): OpenAiEngineSettings {
  const settings: OpenAiEngineSettings = {
    ...DEFAULT_OPENAI_SETTINGS,
    baseUrl,
    model,
    apiKey: apiKey ?? process.env.CLINREVISE_API_KEY ?? '',
    timeoutSeconds: timeout === undefined ? DEFAULT_OPENAI_SETTINGS.timeoutSeconds : Number(timeout),
    contextWindow: contextWindow === undefined ? DEFAULT_OPENAI_SETTINGS.contextWindow : Number(contextWindow),
  };
  if (!(settings.timeoutSeconds > 0)) throw new EvalUsageError(`--timeout has an invalid value: ${timeout}`);
  if (!(settings.contextWindow >= 512)) throw new EvalUsageError(`--context-window has an invalid value: ${contextWindow}`);
  const problems = openAiSettingsProblems(settings);
  if (problems.length) throw new EvalUsageError(problems.join(' '));
  return settings;
}

const fileLines = (path: string) => splitLines(decodeBytes(createReadStream(path) as AsyncIterable<Uint8Array>));

async function* limited<T>(items: AsyncIterable<T>, limit: number): AsyncGenerator<T> {
  if (limit <= 0) return;
  let n = 0;
  for await (const item of items) {
    yield item;
    if (++n >= limit) return;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const aggregateText = (a: Aggregate) => `${pct(a.score)} ± ${pct(a.bootstrap_std)} (n=${a.n})`;

function modeLines(title: string, report: ModeReport): string[] {
  const lines = [`${title}: ${aggregateText(report.overall)}`];
  for (const [tag, a] of Object.entries(report.tags)) {
    if (tag.startsWith('theme:') || tag.startsWith('axis:')) lines.push(`  ${tag.padEnd(34)} ${aggregateText(a)}`);
  }
  return lines;
}

/** The `--json` contract: for both, `difference` is exactly {mean, ci95}. */
export function reportJson(report: EvalReport): unknown {
  if (report.mode !== 'both') return report;
  return { ...report, difference: { mean: report.difference.mean, ci95: report.difference.ci95 } };
}

/** The human-readable evaluation report. */
export function formatEvalReport(report: EvalReport): string {
  const lines = [`HealthBench-format evaluation, ${report.n_examples} examples, mode ${report.mode}`, ''];
  if (report.mode === 'both') {
    lines.push(...modeLines('Plain', report.plain), '', ...modeLines('Revised', report.revised), '');
    const d = report.difference;
    lines.push(`Revised − plain: ${(d.mean * 100).toFixed(1)} points (95% CI ${(d.ci95[0] * 100).toFixed(1)} to ${(d.ci95[1] * 100).toFixed(1)})`);
  } else {
    lines.push(...modeLines(report.mode === 'plain' ? 'Plain' : 'Revised', report));
  }
  return `${lines.join('\n')}\n`;
}

function progressLine(p: EvalProgress): string {
  const rate = p.perMinute === null ? '' : `, ${p.perMinute.toFixed(1)}/min`;
  const eta = p.etaSeconds === null ? '' : `, ETA ${Math.ceil(p.etaSeconds / 60)} min`;
  const last = p.last ? ` — ${p.last.prompt_id} ${p.last.mode} ${pct(p.last.score)}` : p.lastFailure ? ` — ${p.lastFailure.prompt_id} ${p.lastFailure.mode} FAILED: ${p.lastFailure.message}` : '';
  return `[${p.done + p.failed}/${p.total}${p.failed ? `, ${p.failed} failed` : ''}${rate}${eta}]${last}`;
}

/** `clinrevise eval …`; returns the exit code. */
export async function evalCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    return await runEvalCommand(args, io);
  } catch (err) {
    if (err instanceof EvalUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`clinrevise: ${(err as Error).message}\n\nUsage:\n${EVAL_USAGE}\n\n${EXIT_NOTE}\n`);
      return 2;
    }
    throw err;
  }
}

async function runEvalCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      'grader-base-url': { type: 'string' },
      'grader-model': { type: 'string' },
      mode: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      limit: { type: 'string' },
      'skip-bad-lines': { type: 'boolean', default: false },
      'api-key': { type: 'string' },
      'grader-api-key': { type: 'string' },
      timeout: { type: 'string' },
      'context-window': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new EvalUsageError('eval needs --data FILE.jsonl.');
  if (!values['base-url'] || !values.model) throw new EvalUsageError('eval needs --base-url and --model.');
  const mode = (values.mode ?? 'both') as EvalMode;
  if (!EVAL_MODES.includes(mode)) throw new EvalUsageError(`--mode must be plain, revised or both, not "${values.mode}".`);
  const concurrency = positiveInt(values.concurrency, 'concurrency', 4);
  const limit = values.limit === undefined ? Infinity : positiveInt(values.limit, 'limit', 1);
  if (!existsSync(values.data)) throw new EvalUsageError(`No file at --data ${values.data}.`);
  const answerSettings = serverSettings(values['base-url'], values.model, values['api-key'], values.timeout, values['context-window']);
  const graderSettings = serverSettings(
    values['grader-base-url'] ?? values['base-url'],
    values['grader-model'] ?? values.model,
    values['grader-api-key'] ?? values['api-key'],
    values.timeout,
    values['context-window'],
  );

  const scan = await scanHealthBench(fileLines(values.data));
  if (scan.problems.length && !values['skip-bad-lines']) {
    io.stderr.write(`clinrevise: ${values.data} has ${scan.problems.length === 200 ? 'at least 200' : scan.problems.length} bad line(s); nothing was run. Fix them, or pass --skip-bad-lines to evaluate the ${scan.examples} valid examples.\n${formatLineProblems(scan.problems)}\n`);
    return 2;
  }
  if (scan.examples === 0) {
    io.stderr.write(`clinrevise: ${values.data} has no examples.\n`);
    return 2;
  }
  const total = Math.min(scan.examples, limit);
  const answerEngine = await createEngine(answerSettings);
  const graderEngine = await createEngine(graderSettings);
  const store = values.out ? jsonlResultsFile(values.out) : memoryStore();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const showProgress = Boolean(io.stderr.isTTY);
  try {
    const revised = mode === 'plain' ? undefined : revisedAnswerer({ principles: readShippedPrinciples(), options: DEFAULT_RUN_OPTIONS, countTokens: await budgetTokenCounter() });
    const examples: AsyncIterable<HealthBenchExample> = limited(readHealthBench(fileLines(values.data)), total);
    const outcome = await runEvaluation({
      examples,
      total,
      mode,
      answerEngine,
      graderEngine,
      revised,
      concurrency,
      store,
      signal: controller.signal,
      // One status line rewritten in place; a failure gets a line of its own so it stays visible.
      onProgress: showProgress
        ? (p) => io.stderr.write(p.lastFailure ? `\r\x1b[K${progressLine(p)}\n` : `\r\x1b[K${progressLine(p)}`)
        : undefined,
    });
    if (showProgress) io.stderr.write('\n');
    const report = evalReport(outcome.results, mode);
    if (outcome.status === 'stopped') {
      io.stderr.write(`clinrevise: stopped after ${outcome.results.length} graded replies${values.out ? `; run the same command again to resume from ${values.out}` : ''}.\n`);
      return 130;
    }
    io.stdout.write(values.json ? `${JSON.stringify(reportJson(report))}\n` : `${formatEvalReport(report)}\nCost: ${formatCost(resultsCost(outcome.results))}\n`);
    if (outcome.failures.length) {
      io.stderr.write(`clinrevise: ${outcome.failures.length} of ${total * (mode === 'both' ? 2 : 1)} replies failed and were not scored${values.out ? ' (re-run with the same --out to retry them)' : ''}:\n${outcome.failures.slice(0, 10).map((f) => `  ${f.prompt_id} ${f.mode}: ${f.message}`).join('\n')}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (isAbortError(err)) {
      io.stderr.write('clinrevise: stopped.\n');
      return 130;
    }
    io.stderr.write(`clinrevise: ${describeError(err)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The human-readable model-check report. */
export function formatModelCheck(r: ModelCheckReport): string {
  const tps = (x: number | null) => (x === null ? 'not reported' : `${x.toFixed(1)} tokens/s`);
  const lines = [
    `Model check: ${r.engineLabel}`,
    '',
    `Verdict: ${VERDICT_LABELS[r.verdict]}`,
    ...r.reasons.map((x) => `  - ${modelCheckReasonText(x)}`),
    '',
    `Grading agreement on ${r.grading.n} calibration cases: accuracy ${pct(r.grading.accuracy)}, macro F1 ${r.grading.macro_f1.toFixed(3)}`,
    ...Object.entries(r.grading.byKind).map(([kind, v]) => `  ${kind.padEnd(14)} ${pct(v.accuracy)} of ${v.n}`),
    `Structured output usable: classify ${pct(r.structured.classify)}, rubric ${pct(r.structured.rubric)}, grade ${pct(r.structured.grade)} (first try ${pct(r.gradeFirstTry)})`,
    `Speed: prefill ${tps(r.speed.prefill_tps)}, decode ${tps(r.speed.decode_tps)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `clinrevise check-model …`; returns the exit code (0 whenever the check ran, whatever the verdict). */
export async function checkModelCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        'base-url': { type: 'string' },
        model: { type: 'string' },
        cases: { type: 'string' },
        concurrency: { type: 'string' },
        'api-key': { type: 'string' },
        timeout: { type: 'string' },
        'context-window': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values['base-url'] || !values.model) throw new EvalUsageError('check-model needs --base-url and --model.');
    const settings = serverSettings(values['base-url'], values.model, values['api-key'], values.timeout, values['context-window']);
    const casesPath = values.cases ?? join(DATASETS, 'model-check.jsonl');
    if (!existsSync(casesPath)) throw new EvalUsageError(`No file at --cases ${casesPath}.`);
    const concurrency = positiveInt(values.concurrency, 'concurrency', 4);
    const cases = parseCalibrationSet(readFileSync(casesPath, 'utf8'));
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const report = await runModelCheck({
        engine: await createEngine(settings),
        cases,
        principles: readShippedPrinciples(),
        signal: controller.signal,
        concurrency,
        onProgress: io.stderr.isTTY ? (d, t) => io.stderr.write(`\r${d}/${t}`) : undefined,
      });
      if (io.stderr.isTTY) io.stderr.write('\n');
      io.stdout.write(values.json ? `${JSON.stringify(modelCheckJson(report))}\n` : formatModelCheck(report));
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  } catch (err) {
    if (err instanceof EvalUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`clinrevise: ${(err as Error).message}\n\nUsage:\n${EVAL_USAGE}\n`);
      return 2;
    }
    if (isAbortError(err)) {
      io.stderr.write('clinrevise: stopped.\n');
      return 130;
    }
    io.stderr.write(`clinrevise: ${describeError(err)}\n`);
    return 1;
  }
}
