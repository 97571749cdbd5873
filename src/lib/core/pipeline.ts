// The revision pipeline: classify → select principles → rubric → draft → grade → (revise → grade)…
// An async generator of RunEvents; every await honours the AbortSignal. It can resume a run whose
// tab was closed: steps already in `resume` are not repeated.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../engine/types';
import {
  ContextBudgetError,
  EmptyAnswerError,
  EmptyQuestionError,
  StepFailedError,
  StructuredOutputError,
  TruncatedOutputError,
  isAbortError,
  throwIfAborted,
} from './errors';
import { gradeInThread } from './grade';
import { draftMessages, gradeInstruction, reviseInstruction } from './prompts/answer';
import { classifyMessages } from './prompts/classify';
import { selectPrinciplePool, type PoolCandidate } from './pool';
import { rubricFromPrinciples, synthesiseRubric } from './rubric';
import { classifyScenarioByRules } from './scenarioRules';
import { ScenarioSchema } from './schemas';
import { scoreAnswer } from './score';
import { requestStructured, stripThinking } from './structured';
import { roughTokenCount } from './tokens';
import type { FinalAnswer, Round, RubricItem, RubricSource, Run, RunEvent, RunOptions, Scenario, StepName, StopReason } from './types';

/** Tokens an answer may use; the budget check reserves this much. */
export const ANSWER_MAX_TOKENS = 1024;
/** Room the prompts of the answer thread need besides the question and the answers. */
const THREAD_OVERHEAD_TOKENS = 900;

export interface PipelineInput {
  question: string;
  engine: ChatEngine;
  /** The whole library; the pool is selected from it (disabled ones are skipped). */
  principles: readonly PoolCandidate[];
  options: RunOptions;
  signal: AbortSignal;
  /** Steps an interrupted run already completed; the pipeline continues after them. */
  resume?: Pick<Run, 'scenario' | 'scenarioSource' | 'pool' | 'rubric' | 'rounds'>;
  /** Token counter for the context budget; defaults to a conservative estimate. */
  countTokens?: (text: string) => number;
}

/** Runs `fn` as pipeline step `step`: aborts pass through untouched, anything else names the step. */
async function inStep<T>(step: StepName, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  throwIfAborted(signal);
  try {
    return await fn();
  } catch (err) {
    if (isAbortError(err) || signal.aborted) throw err;
    throw new StepFailedError(step, err);
  }
}

/**
 * Calls the engine with streaming and re-yields the streamed text as it arrives,
 * coalescing pieces that arrive between two reads. Returns the final result.
 */
async function* streamChat(
  engine: ChatEngine,
  messages: ChatMessage[],
  options: ChatOptions,
): AsyncGenerator<string, ChatResult> {
  const pending: string[] = [];
  let wake: (() => void) | null = null;
  let settled = false;
  let outcome: { ok: true; result: ChatResult } | { ok: false; error: unknown } | undefined;
  const call = engine.chat(messages, {
    ...options,
    onToken: (delta) => {
      pending.push(delta);
      wake?.();
    },
  });
  call.then(
    (result) => (outcome = { ok: true, result }),
    (error: unknown) => (outcome = { ok: false, error }),
  ).finally(() => {
    settled = true;
    wake?.();
  });
  for (;;) {
    if (pending.length) {
      yield pending.splice(0).join('');
      continue;
    }
    if (settled) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  if (!outcome) throw new Error('engine call settled without an outcome');
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

/** The thread as it stood after the last completed round, rebuilt for a resumed run. */
function rebuildThread(question: string, rounds: readonly Round[], rubric: readonly RubricItem[]): ChatMessage[] {
  const last = rounds[rounds.length - 1];
  const thread = draftMessages(question);
  if (!last) return thread;
  thread.push({ role: 'assistant', content: last.answer });
  if (last.score !== null) {
    thread.push({ role: 'user', content: gradeInstruction(rubric, last.index > 0) });
    const grades = last.grades.map((g) => ({ id: g.item_id, met: g.met, evidence: g.evidence }));
    thread.push({ role: 'assistant', content: JSON.stringify({ grades }) });
  }
  return thread;
}

/** Which rule, if any, ends the loop after grading `round`. */
export function stopReason(rounds: readonly Round[], options: RunOptions): StopReason | null {
  const last = rounds[rounds.length - 1];
  if (!last || last.score === null) return null;
  if (last.score >= options.targetScore) return 'target_reached';
  const earlier = rounds.slice(0, -1).map((r) => r.score ?? -Infinity);
  if (earlier.length && last.score <= Math.max(...earlier)) return 'no_improvement';
  if (rounds.length - 1 >= options.rounds) return 'max_rounds';
  return null;
}

/** The best-scoring round (earliest on a tie): the answer the user gets. */
export function chooseFinal(rounds: readonly Round[], reason: StopReason): FinalAnswer {
  let best: Round | undefined;
  for (const r of rounds) if (r.score !== null && (!best || r.score > (best.score ?? -Infinity))) best = r;
  if (!best || best.score === null) throw new Error('no graded round to choose from');
  return { round: best.index, answer: best.answer, score: best.score, reason };
}

/** Throws ContextBudgetError when the question cannot fit the model's context window (checked before anything is sent). */
export function assertQuestionFits(question: string, window: number | null, count: (text: string) => number): void {
  if (window === null) return;
  const needed = count(question) + THREAD_OVERHEAD_TOKENS + ANSWER_MAX_TOKENS;
  if (needed > window) throw new ContextBudgetError(needed, window);
}

/** Runs the whole loop, yielding an event for everything that happens. */
export async function* runPipeline(input: PipelineInput): AsyncGenerator<RunEvent, void> {
  const { engine, options, signal } = input;
  const question = input.question.trim();
  if (!question) throw new EmptyQuestionError();
  assertQuestionFits(question, engine.contextWindow, input.countTokens ?? roughTokenCount);
  const resume = input.resume;

  // 1. Classify: the model first; the rule-based classifier when its output is unusable.
  let scenario: Scenario | null = resume?.scenario ?? null;
  if (!scenario) {
    yield { type: 'step_started', step: 'classify' };
    const classified = await inStep('classify', signal, async () => {
      try {
        const reply = await requestStructured(engine, classifyMessages(question), {
          what: 'scenario classification',
          name: 'scenario',
          schema: ScenarioSchema,
          maxTokens: 120,
          signal,
        });
        return { scenario: reply.value, source: 'model' as const };
      } catch (err) {
        if (err instanceof StructuredOutputError || err instanceof TruncatedOutputError) {
          return { scenario: classifyScenarioByRules(question), source: 'fallback' as const };
        }
        throw err;
      }
    });
    scenario = classified.scenario;
    yield { type: 'scenario', scenario, source: classified.source };
  }

  // 2. Principle pool.
  let pool = resume?.pool.length ? resume.pool : null;
  if (!pool) {
    yield { type: 'step_started', step: 'select_principles' };
    const s = scenario;
    pool = await inStep('select_principles', signal, async () =>
      selectPrinciplePool(s, question, input.principles, { maxSize: options.poolSize }),
    );
    yield { type: 'pool', pool };
  }
  const byId = new Map(input.principles.map((p) => [p.id, p]));
  const poolPrinciples = pool.flatMap((e) => byId.get(e.id) ?? []);
  const principleTitles = new Map(poolPrinciples.map((p) => [p.id, p.title]));

  // 3. Rubric, in its own conversation before the answer thread starts: the model's, or the pooled
  //    principles' own checks when the model's is unusable after its repair.
  let rubric = resume?.rubric.length ? resume.rubric : null;
  if (!rubric) {
    yield { type: 'step_started', step: 'rubric' };
    const s = scenario;
    const written = await inStep('rubric', signal, async (): Promise<{ items: RubricItem[]; source: RubricSource }> => {
      try {
        return { items: await synthesiseRubric(engine, question, s, poolPrinciples, signal), source: 'model' };
      } catch (err) {
        const fallback = err instanceof StructuredOutputError || err instanceof TruncatedOutputError ? rubricFromPrinciples(poolPrinciples) : null;
        if (fallback) return { items: fallback, source: 'principles' };
        throw err;
      }
    });
    rubric = written.items;
    yield { type: 'rubric', rubric, source: written.source };
  }
  const items = rubric;

  // 4. Draft (or the user's own draft), then grade and revise in one conversation.
  const rounds: Round[] = [...(resume?.rounds ?? [])];
  let thread = rebuildThread(question, rounds, items);
  if (rounds.length === 0) {
    if (options.userDraft?.trim()) {
      const answer = options.userDraft.trim();
      thread.push({ role: 'assistant', content: answer });
      rounds.push({ index: 0, kind: 'user_draft', answer, grades: [], score: null, truncated: false });
      yield { type: 'answer', round: 0, kind: 'user_draft', answer, truncated: false };
    } else {
      yield { type: 'step_started', step: 'draft', round: 0 };
      const result: ChatResult = yield* streamInStep('draft', 0, engine, thread, signal);
      const answer = result.text.trim();
      thread.push({ role: 'assistant', content: result.text });
      const truncated = result.finishReason === 'length';
      rounds.push({ index: 0, kind: 'draft', answer, grades: [], score: null, truncated });
      yield { type: 'answer', round: 0, kind: 'draft', answer, truncated };
    }
  }

  for (;;) {
    const current = rounds[rounds.length - 1]!;
    if (current.score === null) {
      yield { type: 'step_started', step: 'grade', round: current.index };
      const graded = await inStep('grade', signal, () =>
        gradeInThread(engine, thread, items, current.index > 0, signal),
      );
      thread = graded.thread;
      const score = scoreAnswer(items, graded.grades) ?? 0;
      rounds[rounds.length - 1] = { ...current, grades: graded.grades, score };
      yield { type: 'graded', round: current.index, grades: graded.grades, score };
    }
    const reason = stopReason(rounds, options);
    if (reason) {
      yield { type: 'final', final: chooseFinal(rounds, reason) };
      return;
    }
    const graded = rounds[rounds.length - 1]!;
    const index = graded.index + 1;
    let instruction = reviseInstruction(items, graded.grades, principleTitles);
    if (graded.truncated) instruction = `Your previous answer was cut off before the end. Make it shorter and complete.\n\n${instruction}`;
    thread = [...thread, { role: 'user', content: instruction }];
    yield { type: 'step_started', step: 'revise', round: index };
    const result: ChatResult = yield* streamInStep('revise', index, engine, thread, signal);
    const answer = result.text.trim();
    thread.push({ role: 'assistant', content: result.text });
    const truncated = result.finishReason === 'length';
    rounds.push({ index, kind: 'revision', answer, grades: [], score: null, truncated });
    yield { type: 'answer', round: index, kind: 'revision', answer, truncated };
  }
}

/** Streams an answer-writing step, yielding token events; failures name the step. */
async function* streamInStep(
  step: 'draft' | 'revise',
  round: number,
  engine: ChatEngine,
  thread: ChatMessage[],
  signal: AbortSignal,
): AsyncGenerator<RunEvent, ChatResult> {
  throwIfAborted(signal);
  const stream = streamChat(engine, thread, { signal, maxTokens: ANSWER_MAX_TOKENS, temperature: 0.3, thinking: false });
  try {
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        if (!stripThinking(next.value.text)) throw new EmptyAnswerError();
        return next.value;
      }
      yield { type: 'token', step, round, text: next.value };
    }
  } catch (err) {
    if (isAbortError(err) || signal.aborted) throw err;
    throw new StepFailedError(step, err);
  }
}
