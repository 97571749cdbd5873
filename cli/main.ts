// The clinrevise command line: the same core pipeline as the app, against an OpenAI-compatible
// server, for batch work and scripting. `main` takes its streams so tests can run it in-process.

import { parseArgs } from 'node:util';
import { describeError, isAbortError } from '../src/lib/core/errors';
import { STEP_LABELS } from '../src/lib/core/steps';
import { applyRunEvent, createRun } from '../src/lib/core/pipeline/fold';
import { runPipeline } from '../src/lib/core/pipeline/pipeline';
import { selectPrinciplePool } from '../src/lib/core/retrieval/selectPool';
import { classifyScenarioOffline } from '../src/lib/core/scenario/offline';
import { learnedPoolHints } from '../src/lib/core/learned/shipped';
import { budgetTokenCounter } from '../src/lib/core/pipeline/tokens';
import { runOptionsProblems } from '../src/lib/core/runOptions';
import { DEFAULT_RUN_OPTIONS, SCENARIO_CLASSIFIERS, type GradingMode, type Run, type RunOptions, type ScenarioClassifier, type ScenarioSource } from '../src/lib/core/types';
import { createEngine } from '../src/lib/engine';
import { DEFAULT_OPENAI_SETTINGS, openAiSettingsProblems, type OpenAiEngineSettings } from '../src/lib/engine/openai';
import { readShippedPrinciples } from './library';
import { RUBRICS_USAGE, rubricsCommand } from './rubrics';
import { EVAL_USAGE, checkModelCommand, evalCommand } from './evalCommand';
import { SYNTHESIZE_USAGE, SynthesizeUsageError, synthesizeCommand } from './synthesize';
import { baseUrlProblem, describeCliFailure } from './errorText';
import { QuestionFileError, QuestionTooLongError, readQuestion, type InputStream } from './questionInput';

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Where `ask` reads a question given as `-`, `--question-file -`, or piped with no argument. */
  stdin?: InputStream;
  /**
   * Aborting it stops a run (exit 130). cli/bin.mjs aborts it on SIGINT, SIGTERM, SIGHUP and when its
   * parent (e.g. npx) goes away; without it, `ask` listens for SIGINT and SIGTERM itself.
   */
  signal?: AbortSignal;
}

export const USAGE = `Usage:
  clinrevise ask --base-url URL --model NAME [--rounds N] [--target 0.8] [--api-key KEY]
                 [--timeout SECONDS] [--context-window TOKENS] [--grading batched|per-item]
                 [--scenario auto|model] [--json] ("question" | --question-file PATH | - )
  clinrevise scenario "question"             classify a question without a model (prints JSON)
${SYNTHESIZE_USAGE}
  clinrevise principles --for "question" [--size N]
                                             the principle pool for a question (prints JSON:
                                             [{id, dimension, title, reason}], at most N, default 12)
${RUBRICS_USAGE}
${EVAL_USAGE}

ask runs the full loop (classify, principles, rubric, draft, grade, revise…) against an
OpenAI-compatible server (llama.cpp server, Ollama, vLLM…). --rounds is the maximum number of
revisions after the draft (0–5, default 2). --grading per-item grades each rubric item in its own
call, as HealthBench does (more calls; default batched: all items in one call). --scenario model
always asks the model to classify the question (default auto: the built-in rule classifier when it
is confident, which saves a model call, and the model otherwise).
--json prints one JSON object on stdout. The question may come from a file (--question-file PATH)
or standard input ("-", or piped with no question argument); long questions must, since the system
limits one argument to about 128 KB. Questions over 100,000 characters are refused.
The API key may also come from the CLINREVISE_API_KEY environment variable.

Exit codes: 0 success, 1 failure (one line on stderr), 2 bad usage, 130 stopped (Ctrl+C;
143 for SIGTERM, 129 for SIGHUP).`;

class UsageError extends Error {}

/** The `--json` output of `ask`: the CLI's stable contract. */
export interface AskJson {
  question: string;
  scenario: { urgency: string; uncertainty: string; expertise: string; task_type: string };
  principles: string[];
  rubric: { criterion: string; points: number; axis: string; principle_id: string | null }[];
  rounds: { answer: string; grades: { met: boolean }[]; score: number }[];
  final: { answer: string; score: number; round: number };
}

/** Projects a finished run onto the JSON contract. */
export function runToJson(run: Run): AskJson {
  if (!run.scenario || !run.final) throw new Error('run is not finished');
  return {
    question: run.question,
    scenario: { ...run.scenario },
    principles: run.pool.map((p) => p.id),
    rubric: run.rubric.map(({ criterion, points, axis, principle_id }) => ({ criterion, points, axis, principle_id })),
    rounds: run.rounds.map((r) => ({ answer: r.answer, grades: r.grades.map((g) => ({ met: g.met })), score: r.score ?? 0 })),
    final: { answer: run.final.answer, score: run.final.score, round: run.final.round },
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What the report says after the scenario about where it came from. */
const SCENARIO_SOURCE_NOTE: Record<ScenarioSource, string> = {
  model: '',
  rules: '  (rule classifier, confident; no model call)',
  fallback: '  (rule-based fallback)',
};

/** The human-readable report of a finished run. */
export function formatReport(run: Run): string {
  const lines: string[] = [`Question: ${run.question}`, ''];
  if (run.scenario) {
    const s = run.scenario;
    lines.push(`Scenario: urgency=${s.urgency}  uncertainty=${s.uncertainty}  expertise=${s.expertise}  task=${s.task_type}${SCENARIO_SOURCE_NOTE[run.scenarioSource ?? 'model']}`);
  }
  lines.push(`Principles (${run.pool.length}):`, ...run.pool.map((p) => `  ${p.id}  ${p.title}  — ${p.reason}`), '');
  lines.push(`Rubric (${run.rubric.length})${run.rubricSource === 'principles' ? ' (the principles\' own checks; the model\'s rubric was unusable)' : ''}:`, ...run.rubric.map((r) => `  ${r.id.padEnd(3)} ${(r.points > 0 ? '+' : '') + r.points}`.padEnd(10) + ` ${r.criterion}`), '');
  lines.push('Rounds:');
  for (const r of run.rounds) {
    const mark = run.final?.round === r.index ? '  <- final' : '';
    lines.push(`  ${r.index}  ${r.kind.padEnd(10)} ${r.score === null ? '-' : pct(r.score)}${r.truncated ? '  (cut off)' : ''}${mark}`);
  }
  if (run.final) {
    const reason = { target_reached: 'target score reached', no_improvement: 'no further improvement', max_rounds: 'revision limit reached' }[run.final.reason];
    lines.push('', `Final answer (round ${run.final.round}, ${pct(run.final.score)}; ${reason}):`, '', run.final.answer);
  }
  return `${lines.join('\n')}\n`;
}

function parseNumber(value: string | undefined, name: string, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} has an invalid value: ${value}`);
  return n;
}

/** Run options from CLI flags, checked by the same rules as the Settings form. */
function cliRunOptions(flags: { rounds?: string; target?: string; size?: string; grading?: string; scenario?: string }): RunOptions {
  const scenarioClassifier = (flags.scenario ?? 'auto') as ScenarioClassifier;
  if (!SCENARIO_CLASSIFIERS.includes(scenarioClassifier)) throw new UsageError(`--scenario must be one of ${SCENARIO_CLASSIFIERS.join(', ')}.`);
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const options: RunOptions = {
    ...DEFAULT_RUN_OPTIONS,
    rounds: number(flags.rounds, DEFAULT_RUN_OPTIONS.rounds),
    targetScore: number(flags.target, DEFAULT_RUN_OPTIONS.targetScore),
    poolSize: number(flags.size, DEFAULT_RUN_OPTIONS.poolSize),
    grading: (flags.grading ?? DEFAULT_RUN_OPTIONS.grading) as GradingMode,
    scenarioClassifier,
  };
  const flag = { rounds: '--rounds', targetScore: '--target', poolSize: '--size', grading: '--grading' } as const;
  const problems = runOptionsProblems(options);
  if (problems.length) throw new UsageError(problems.map((p) => `${flag[p.field]}: ${p.message}`).join(' '));
  return options;
}

async function askCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      model: { type: 'string' },
      rounds: { type: 'string' },
      target: { type: 'string' },
      'api-key': { type: 'string' },
      timeout: { type: 'string' },
      'context-window': { type: 'string' },
      grading: { type: 'string' },
      scenario: { type: 'string' },
      'question-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values['base-url'] || !values.model) throw new UsageError('ask needs --base-url and --model.');
  const portProblem = baseUrlProblem(values['base-url']);
  if (portProblem) throw new UsageError(portProblem);
  const { signal, stop } = runSignal(io);
  try {
    return await askWithSignal(values, positionals, io, signal);
  } finally {
    stop();
  }
}

/** The signal that stops this run: the caller's, or one tied to SIGINT/SIGTERM for in-process use. */
function runSignal(io: Io): { signal: AbortSignal; stop: () => void } {
  if (io.signal) return { signal: io.signal, stop: () => {} };
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    stop: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The parsed options of `ask`. */
interface AskValues {
  'base-url'?: string;
  model?: string;
  rounds?: string;
  target?: string;
  'api-key'?: string;
  timeout?: string;
  'context-window'?: string;
  grading?: string;
  scenario?: string;
  'question-file'?: string;
  json?: boolean;
}

async function askWithSignal(values: AskValues, positionals: string[], io: Io, signal: AbortSignal): Promise<number> {
  let question: string;
  try {
    const read = await readQuestion({ positionals, questionFile: values['question-file'], stdin: io.stdin, signal });
    if (read.conflict) throw new UsageError('Give the question either as arguments or with --question-file, not both.');
    question = read.question;
  } catch (err) {
    if (err instanceof QuestionTooLongError || err instanceof QuestionFileError) {
      io.stderr.write(`clinrevise: ${err.message}\n`);
      return 1;
    }
    if (isAbortError(err)) {
      io.stderr.write('clinrevise: stopped.\n');
      return 130;
    }
    throw err;
  }
  if (!question) throw new UsageError('ask needs a question.');
  const options = cliRunOptions({ rounds: values.rounds, target: values.target, grading: values.grading, scenario: values.scenario });
  const settings: OpenAiEngineSettings = {
    ...DEFAULT_OPENAI_SETTINGS,
    baseUrl: values['base-url'] ?? '',
    model: values.model ?? '',
    apiKey: values['api-key'] ?? process.env.CLINREVISE_API_KEY ?? '',
    timeoutSeconds: parseNumber(values.timeout, 'timeout', (n) => n > 0) ?? DEFAULT_OPENAI_SETTINGS.timeoutSeconds,
    contextWindow: parseNumber(values['context-window'], 'context-window', (n) => n >= 512) ?? DEFAULT_OPENAI_SETTINGS.contextWindow,
  };
  const problems = openAiSettingsProblems(settings);
  if (problems.length) throw new UsageError(problems.join(' '));

  const engine = await createEngine(settings);
  const countTokens = await budgetTokenCounter();
  let run = createRun({ id: 'cli', question, options, engineLabel: engine.label, now: Date.now() });
  const progress = io.stderr.isTTY ? (text: string) => io.stderr.write(`${text}\n`) : () => {};
  try {
    for await (const event of runPipeline({ question, engine, principles: readShippedPrinciples(), options, signal, countTokens })) {
      if (event.type === 'step_started') progress(`… ${STEP_LABELS[event.step]}${event.round ? ` (round ${event.round})` : ''}`);
      run = applyRunEvent(run, event);
    }
  } catch (err) {
    if (isAbortError(err)) {
      io.stderr.write('clinrevise: stopped.\n');
      return 130;
    }
    const context = { baseUrl: settings.baseUrl, timeoutSeconds: settings.timeoutSeconds, contextWindow: settings.contextWindow, signal };
    io.stderr.write(`clinrevise: ${await describeCliFailure(err, context)}\n`);
    return 1;
  }
  io.stdout.write(values.json ? `${JSON.stringify(runToJson(run))}\n` : formatReport(run));
  return 0;
}

function scenarioCommand(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('scenario needs a question.');
  io.stdout.write(`${JSON.stringify(classifyScenarioOffline(question, readShippedPrinciples()))}\n`);
  return 0;
}

function principlesCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { for: { type: 'string' }, size: { type: 'string' } } });
  const question = values.for?.trim();
  if (!question) throw new UsageError('principles needs --for "question".');
  const maxSize = cliRunOptions({ size: values.size }).poolSize;
  const library = readShippedPrinciples();
  const scenario = classifyScenarioOffline(question, library);
  const pool = selectPrinciplePool(scenario, question, library, { maxSize, ...learnedPoolHints(question, scenario) });
  io.stdout.write(`${JSON.stringify(pool.map(({ id, dimension, title, reason }) => ({ id, dimension, title, reason })))}\n`);
  return 0;
}

/** Runs `work` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts. */
async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ask':
        return await askCommand(rest, io);
      case 'scenario':
        return scenarioCommand(rest, io);
      case 'principles':
        return principlesCommand(rest, io);
      case 'eval':
        return await evalCommand(rest, io);
      case 'check-model':
        return await checkModelCommand(rest, io);
      case 'synthesize':
        return await withInterrupt((signal) => synthesizeCommand(rest, { ...io, signal }));
      case 'rubrics':
        return await rubricsCommand(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `Unknown command: ${command}` : 'No command given.');
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof SynthesizeUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`clinrevise: ${(err as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`clinrevise: ${describeError(err)}\n`);
    return 1;
  }
}
