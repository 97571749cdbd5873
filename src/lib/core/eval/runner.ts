// Runs a HealthBench-format evaluation: for each example, a plain reply and/or the revised one, every
// rubric item graded in its own call, each result persisted the moment it is complete so a stopped or
// crashed run resumes where it was. Bounded concurrency, Stop through the AbortSignal, progress with ETA.

import type { ChatEngine } from '../chat';
import type { Conversation } from '../conversation';
import { EmptyAnswerError, describeError, isAbortError, throwIfAborted } from '../errors';
import type { HealthBenchExample } from '../healthbench/format';
import { draftMessages } from '../pipeline/answerPrompts';
import { ANSWER_MAX_TOKENS } from '../pipeline/budget';
import { stripThinking } from '../structured/structured';
import { gradeReply, type GradedItem } from './grader';
import { aggregateExamples, pairedDifference, scoreExample, type Aggregate, type ExampleScores, type ModeReport } from './score';
import { MeteredEngine, addCost, emptyCost, type CostTotals } from './usage';

export type EvalMode = 'plain' | 'revised' | 'both';
export type ReplyMode = 'plain' | 'revised';
export const EVAL_MODES: readonly EvalMode[] = ['plain', 'revised', 'both'];

/** The reply modes an evaluation mode produces, in order. */
export function replyModes(mode: EvalMode): ReplyMode[] {
  return mode === 'both' ? ['plain', 'revised'] : [mode];
}

/** One example answered in one mode and graded: one line of `--out`, one record in IndexedDB. */
export interface EvalResult {
  prompt_id: string;
  mode: ReplyMode;
  reply: string;
  /** HealthBench score of this reply, unclipped (negative when harms outweigh). */
  score: number;
  /** Example-level and rubric-level tag scores of this reply. */
  tag_scores: Record<string, number>;
  example_tags: string[];
  items: GradedItem[];
  cost: { answer: CostTotals; grader: CostTotals };
  /** Wall-clock seconds from starting the reply to the last verdict. */
  seconds: number;
}

/** Where results live between sessions: a JSONL file for the CLI, IndexedDB in the browser. */
export interface EvalStore {
  /** Every result saved so far (a resumed run skips these). */
  completed(): Promise<EvalResult[]>;
  /** Persists one result; called as soon as the example is graded. */
  save(result: EvalResult): Promise<void>;
}

/** An in-memory store (tests, and runs the user does not want to keep). */
export function memoryStore(initial: EvalResult[] = []): EvalStore & { results: EvalResult[] } {
  const results = [...initial];
  return {
    results,
    async completed() {
      return [...results];
    },
    async save(r) {
      results.push(r);
    },
  };
}

/** Produces a reply to a conversation with the given engine (metered by the runner). */
export type Answerer = (engine: ChatEngine, conversation: Conversation, signal: AbortSignal) => Promise<string>;

/** The messages of a plain reply: exactly the revision loop's draft request for this conversation. */
export function plainMessages(conversation: Conversation) {
  return draftMessages(conversation);
}

/** One reply, no revision, with the draft's own settings — so plain vs revised measures revision alone. */
export const plainAnswerer: Answerer = async (engine, conversation, signal) => {
  const result = await engine.chat(plainMessages(conversation), { signal, maxTokens: ANSWER_MAX_TOKENS, temperature: 0.3, thinking: false });
  const reply = stripThinking(result.text);
  if (!reply) throw new EmptyAnswerError();
  return reply;
};

export interface EvalFailure {
  prompt_id: string;
  mode: ReplyMode;
  message: string;
}

export interface EvalProgress {
  /** Replies graded, including those resumed from the store. */
  done: number;
  /** Of `done`, how many came from an earlier session. */
  resumed: number;
  failed: number;
  /** Replies to produce in all (examples × modes). */
  total: number;
  /** Replies graded per minute in this session; null until one completes. */
  perMinute: number | null;
  /** Seconds to finish at that rate; null when unknown. */
  etaSeconds: number | null;
  /** Cost of this session so far. */
  cost: CostTotals;
  /** The result that triggered this update, if any. */
  last?: EvalResult;
  lastFailure?: EvalFailure;
}

export interface EvalRunInput {
  examples: AsyncIterable<HealthBenchExample> | Iterable<HealthBenchExample>;
  /** How many examples `examples` yields (after any limit), for progress and ETA. */
  total: number;
  mode: EvalMode;
  answerEngine: ChatEngine;
  graderEngine: ChatEngine;
  /** Required for `revised` and `both`: the full loop (see eval/revised.ts). */
  revised?: Answerer;
  /** Replies produced at once (server engines); on-device engines should use 1. */
  concurrency?: number;
  store: EvalStore;
  signal: AbortSignal;
  onProgress?: (progress: EvalProgress) => void;
  /** Clock, for tests. */
  now?: () => number;
}

export interface EvalRunOutcome {
  status: 'done' | 'stopped';
  /** Every result of the run (resumed and new). */
  results: EvalResult[];
  failures: EvalFailure[];
  /** Cost of this session (resumed results carry their own). */
  cost: CostTotals;
}

const keyOf = (promptId: string, mode: ReplyMode) => `${mode}\u0000${promptId}`;

/** The error for a run that needs the revision loop but was not given it. */
export class MissingReviserError extends Error {
  constructor() {
    super('The revised mode needs the revision loop; pass `revised` to runEvaluation.');
    this.name = 'MissingReviserError';
  }
}

/**
 * Runs the evaluation to the end or until `signal` aborts. Failures of single examples are
 * collected and the run goes on; only Stop ends it early (status "stopped", nothing thrown).
 */
export async function runEvaluation(input: EvalRunInput): Promise<EvalRunOutcome> {
  const modes = replyModes(input.mode);
  if (modes.includes('revised') && !input.revised) throw new MissingReviserError();
  const now = input.now ?? Date.now;
  const concurrency = Math.max(1, Math.floor(input.concurrency ?? 1));
  const previous = await input.store.completed();
  const done = new Map<string, EvalResult>();
  for (const r of previous) if (modes.includes(r.mode)) done.set(keyOf(r.prompt_id, r.mode), r);
  const results: EvalResult[] = [...done.values()];
  const failures: EvalFailure[] = [];
  let cost = emptyCost();
  const resumed = results.length;
  const total = input.total * modes.length;
  const started = now();
  let finishedHere = 0;

  const progress = (extra: Pick<EvalProgress, 'last' | 'lastFailure'> = {}) => {
    const minutes = (now() - started) / 60_000;
    const perMinute = finishedHere > 0 && minutes > 0 ? finishedHere / minutes : null;
    const remaining = Math.max(0, total - results.length - failures.length);
    input.onProgress?.({
      done: results.length,
      resumed,
      failed: failures.length,
      total,
      perMinute,
      etaSeconds: perMinute ? (remaining / perMinute) * 60 : remaining === 0 ? 0 : null,
      cost,
      ...extra,
    });
  };

  const seen = new Set<string>();
  async function* tasks(): AsyncGenerator<{ example: HealthBenchExample; mode: ReplyMode }> {
    for await (const example of input.examples) {
      seen.add(example.prompt_id);
      for (const mode of modes) if (!done.has(keyOf(example.prompt_id, mode))) yield { example, mode };
    }
  }
  const queue = tasks();
  // Async generators queue concurrent next() calls, so workers can share one.
  const next = () => queue.next();

  async function runTask(example: HealthBenchExample, mode: ReplyMode): Promise<void> {
    const t0 = now();
    const answerMeter = new MeteredEngine(input.answerEngine);
    const graderMeter = new MeteredEngine(input.graderEngine);
    // Every call this reply made counts, whether it completed or failed, before progress reports it.
    const settle = () => (cost = addCost(cost, addCost(answerMeter.totals, graderMeter.totals)));
    let result: EvalResult;
    try {
      const answer = mode === 'plain' ? plainAnswerer : input.revised!;
      const reply = await answer(answerMeter, example.prompt, input.signal);
      throwIfAborted(input.signal);
      const items = await gradeReply(graderMeter, example.prompt, reply, example.rubrics, input.signal);
      const scores = scoreExample(example.example_tags, items);
      result = {
        prompt_id: example.prompt_id,
        mode,
        reply,
        score: scores.overall,
        tag_scores: scores.tags,
        example_tags: [...example.example_tags],
        items,
        cost: { answer: { ...answerMeter.totals }, grader: { ...graderMeter.totals } },
        seconds: (now() - t0) / 1000,
      };
      await input.store.save(result);
    } catch (err) {
      settle();
      if (isAbortError(err) || input.signal.aborted) throw err;
      const failure = { prompt_id: example.prompt_id, mode, message: describeError(err) };
      failures.push(failure);
      progress({ lastFailure: failure });
      return;
    }
    settle();
    results.push(result);
    finishedHere++;
    progress({ last: result });
  }

  async function worker(): Promise<void> {
    for (;;) {
      if (input.signal.aborted) return;
      const item = await next();
      if (item.done) return;
      await runTask(item.value.example, item.value.mode);
    }
  }

  progress();
  let stopped = false;
  const workers = Array.from({ length: concurrency }, () =>
    worker().catch((err: unknown) => {
      if (isAbortError(err) || input.signal.aborted) stopped = true;
      else throw err;
    }),
  );
  await Promise.all(workers);
  if (input.signal.aborted) stopped = true;
  await queue.return(undefined);
  // A store may hold results of examples not in this input (another file, or beyond --limit): leave them out.
  const inInput = stopped ? results : results.filter((r) => seen.has(r.prompt_id));
  return { status: stopped ? 'stopped' : 'done', results: inInput, failures, cost };
}

/** The scores of a stored result, for aggregation. */
export function resultScores(r: EvalResult): ExampleScores {
  return { overall: r.score, tags: r.tag_scores };
}

/** The report of one reply mode (the `--json` shape for plain or revised). */
export interface SingleModeReport extends ModeReport {
  n_examples: number;
  mode: ReplyMode;
}

/** The report of a "both" run: each mode, and revised − plain on the examples both completed. */
export interface BothModesReport {
  n_examples: number;
  mode: 'both';
  plain: ModeReport;
  revised: ModeReport;
  /** `n`: examples with both replies (not in the CLI's `--json`, which keeps the documented shape). */
  difference: { mean: number; ci95: [number, number]; n: number };
}

export type EvalReport = SingleModeReport | BothModesReport;

/** Aggregates results into the report for `mode` (results of other modes are ignored). */
export function evalReport(results: readonly EvalResult[], mode: EvalMode): EvalReport {
  const of = (m: ReplyMode) => results.filter((r) => r.mode === m);
  if (mode !== 'both') {
    const mine = of(mode);
    return { n_examples: mine.length, mode, ...aggregateExamples(mine.map(resultScores)) };
  }
  const plain = of('plain');
  const revised = of('revised');
  const revisedById = new Map(revised.map((r) => [r.prompt_id, r.score]));
  const paired = plain.filter((r) => revisedById.has(r.prompt_id));
  const difference = pairedDifference(
    paired.map((r) => r.score),
    paired.map((r) => revisedById.get(r.prompt_id)!),
  );
  return {
    n_examples: new Set([...plain, ...revised].map((r) => r.prompt_id)).size,
    mode: 'both',
    plain: aggregateExamples(plain.map(resultScores)),
    revised: aggregateExamples(revised.map(resultScores)),
    difference: { mean: difference.mean, ci95: difference.ci95, n: difference.n },
  };
}

/** Total cost over results (resumed ones included). */
export function resultsCost(results: readonly EvalResult[]): CostTotals {
  return results.reduce((acc, r) => addCost(acc, addCost(r.cost.answer, r.cost.grader)), emptyCost());
}

export type { Aggregate };
