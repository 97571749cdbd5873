// The revision pipeline: draft → classify → select principles → rubric → grade → (revise → grade)…
// Classification costs no model call when the rule classifier is confident about the question.
// The draft streams first, so the answer starts at once; the rubric is still written without seeing
// it. An async generator of RunEvents; every await honours the AbortSignal. It can resume a run whose
// tab was closed: steps already in `resume` are not repeated.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../chat';
import { conversationText, latestQuestion, singleQuestion, userText, type Conversation, type Turn } from '../conversation';
import {
  ANSWER_MAX_TOKENS,
  CLASSIFY_MAX_TOKENS,
  assertQuestionFits,
  assertRubricFits,
  compactThread,
  fitPrinciples,
  fitsWindow,
  minimumRunTokens,
  structuredReserve,
} from './budget';
import {
  ContextBudgetError,
  EmptyAnswerError,
  EmptyQuestionError,
  StepFailedError,
  StructuredOutputError,
  TruncatedOutputError,
  isAbortError,
  throwIfAborted,
} from '../errors';
import { batchedGradeMaxTokens, formatBatchedGrades, gradeBatched, gradePerItem, gradingModeOf } from '../grading/grade';
import { draftMessages, reviseInstruction } from './answerPrompts';
import { classifyMessages } from '../scenario/classifyPrompt';
import { gradeInstruction } from '../grading/gradePrompts';
import { selectPrinciplePool, type PoolCandidate, type PrincipleIndex } from '../retrieval/selectPool';
import { rubricFromPrinciples, synthesiseRubric } from '../rubric/rubric';
import type { PresentationLibrary } from '../scenario/presentationUrgency';
import { classifyScenarioOffline } from '../scenario/offline';
import { learnedPoolHints } from '../learned/shipped';
import { classifyWithConfidence } from '../scenario/confidence';
import { ScenarioSchema } from '../schemas';
import { scoreAnswer } from '../grading/score';
import { requestStructured, stripThinking } from '../structured/structured';
import { roughTokenCount, type TokenCounter } from './tokens';
import type {
  FinalAnswer,
  GradingMode,
  Principle,
  Round,
  RubricItem,
  RubricSource,
  Run,
  RunEvent,
  RunOptions,
  Scenario,
  ScenarioClassifier,
  ScenarioSource,
  StepName,
  StopReason,
} from '../types';

export { assertQuestionFits };

export interface PipelineInput {
  /** What to answer: a conversation (earlier turns and the latest user message)… */
  conversation?: Conversation;
  /** …or, the common case, a single question (used when `conversation` is absent). */
  question?: string;
  engine: ChatEngine;
  /** The whole library; the pool is selected from it (disabled ones are skipped). */
  principles: readonly PoolCandidate[];
  /** A retrieval index the caller built for this same `principles` array (a long-lived library); otherwise the retrieval cache is used. */
  principleIndex?: PrincipleIndex;
  options: RunOptions;
  signal: AbortSignal;
  /** Steps an interrupted run already completed; the pipeline continues after them. */
  resume?: Pick<Run, 'scenario' | 'scenarioSource' | 'pool' | 'rubric' | 'rounds'>;
  /** Token counter for the context budget (the model family's tokenizer); defaults to a conservative estimate. */
  countTokens?: TokenCounter;
}

/** The conversation to answer, its latest message trimmed. */
function conversationOf(input: Pick<PipelineInput, 'conversation' | 'question'>): Turn[] {
  const turns: Turn[] = input.conversation ? [...input.conversation] : singleQuestion(input.question ?? '');
  const last = turns[turns.length - 1];
  if (last?.role === 'user') turns[turns.length - 1] = { role: 'user', content: last.content.trim() };
  return turns;
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

/** The answer conversation, and whether the full rubric has been shown in it (later rounds refer to it). */
interface AnswerThread {
  messages: ChatMessage[];
  rubricShown: boolean;
}

/**
 * The thread for a resumed run, restarted from its last answer (a reload has lost any KV cache
 * anyway): the question, that answer and, when it was graded in the thread, its grading.
 */
function rebuildThread(question: Conversation, rounds: readonly Round[], rubric: readonly RubricItem[], mode: GradingMode): AnswerThread {
  const last = rounds[rounds.length - 1];
  if (!last) return { messages: draftMessages(question), rubricShown: false };
  const messages = compactThread(question, last.answer);
  if (last.score === null || mode !== 'batched') return { messages, rubricShown: false };
  messages.push(
    { role: 'user', content: gradeInstruction(rubric, false) },
    { role: 'assistant', content: formatBatchedGrades(last.grades) },
  );
  return { messages, rubricShown: true };
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

/**
 * Classifies the conversation: the model first; the rule-based classifier with the learned urgency
 * (reading what the user said) when the model's output is unusable. Shared by the loop and rubric synthesis at scale.
 */
export async function classifyScenario(
  engine: ChatEngine,
  text: string,
  said: string,
  signal: AbortSignal,
  library?: PresentationLibrary,
): Promise<{ scenario: Scenario; source: 'model' | 'fallback' }> {
  try {
    const reply = await requestStructured(engine, classifyMessages(text), {
      what: 'scenario classification',
      name: 'scenario',
      schema: ScenarioSchema,
      maxTokens: CLASSIFY_MAX_TOKENS,
      signal,
    });
    return { scenario: reply.value, source: 'model' };
  } catch (err) {
    if (err instanceof StructuredOutputError || err instanceof TruncatedOutputError) {
      return { scenario: classifyScenarioOffline(said, library), source: 'fallback' };
    }
    throw err;
  }
}

/**
 * The run's classification: with 'auto', the rule classifier's scenario when it is confident about
 * what the user said (no model call, nothing decoded), otherwise the model's (see classifyScenario).
 */
export async function chooseScenario(
  engine: ChatEngine,
  text: string,
  said: string,
  classifier: ScenarioClassifier,
  signal: AbortSignal,
  library?: PresentationLibrary,
): Promise<{ scenario: Scenario; source: ScenarioSource }> {
  if (classifier === 'auto') {
    const rules = classifyWithConfidence(said, undefined, library);
    if (rules.confident) return { scenario: rules.scenario, source: 'rules' };
  }
  return classifyScenario(engine, text, said, signal, library);
}

/**
 * Writes the rubric in its own conversation, with as many of the pool's best principles as the
 * window holds; when the model's rubric is still unusable after its repair, the pooled principles'
 * own checks stand in. Shared by the loop and rubric synthesis at scale.
 */
export async function writeRubric(
  engine: ChatEngine,
  text: string,
  scenario: Scenario,
  poolPrinciples: readonly Principle[],
  window: number | null,
  count: TokenCounter,
  signal: AbortSignal,
): Promise<{ items: RubricItem[]; source: RubricSource }> {
  try {
    return { items: await synthesiseRubric(engine, text, scenario, await fitPrinciples(text, scenario, poolPrinciples, window, count), signal), source: 'model' };
  } catch (err) {
    const fallback = err instanceof StructuredOutputError || err instanceof TruncatedOutputError ? rubricFromPrinciples(poolPrinciples) : null;
    if (fallback) return { items: fallback, source: 'principles' };
    throw err;
  }
}

/** Runs the whole loop, yielding an event for everything that happens. */
export async function* runPipeline(input: PipelineInput): AsyncGenerator<RunEvent, void> {
  const { engine, options, signal } = input;
  const conversation = conversationOf(input);
  const question = latestQuestion(conversation);
  if (!question) throw new EmptyQuestionError();
  // Steps that read the conversation see it whole; retrieval and the rule classifier read what the user said.
  const text = conversationText(conversation);
  const said = userText(conversation);
  const count = input.countTokens ?? roughTokenCount;
  const window = engine.contextWindow;
  const resume = input.resume;
  const userDraft = resume?.rounds.length ? undefined : options.userDraft?.trim() || undefined;
  await assertQuestionFits(conversation, window, count, userDraft);
  const mode = gradingModeOf(options);

  // 1. The draft (or the user's own draft) first: nothing is decoded before the answer's first token.
  const rounds: Round[] = [...(resume?.rounds ?? [])];
  let thread = rebuildThread(conversation, rounds, resume?.rubric ?? [], mode);
  if (rounds.length === 0) {
    if (userDraft) {
      thread.messages.push({ role: 'assistant', content: userDraft });
      rounds.push({ index: 0, kind: 'user_draft', answer: userDraft, grades: [], score: null, truncated: false });
      yield { type: 'answer', round: 0, kind: 'user_draft', answer: userDraft, truncated: false };
    } else {
      yield { type: 'step_started', step: 'draft', round: 0 };
      const result: ChatResult = yield* streamInStep('draft', 0, engine, thread.messages, signal);
      const answer = stripThinking(result.text);
      // The reply goes back exactly as the engine returned it: the engine's KV cache holds that text.
      thread.messages.push({ role: 'assistant', content: result.text });
      const truncated = result.finishReason === 'length';
      rounds.push({ index: 0, kind: 'draft', answer, grades: [], score: null, truncated });
      yield { type: 'answer', round: 0, kind: 'draft', answer, truncated };
    }
  }

  // 2. Classify: the rules when they are confident; otherwise the model, with the rules as fallback.
  let scenario: Scenario | null = resume?.scenario ?? null;
  if (!scenario) {
    yield { type: 'step_started', step: 'classify' };
    const classifier = options.scenarioClassifier ?? 'auto';
    const classified = await inStep('classify', signal, () => chooseScenario(engine, text, said, classifier, signal, input.principles));
    scenario = classified.scenario;
    yield { type: 'scenario', scenario, source: classified.source };
  }

  // 3. Principle pool.
  let pool = resume?.pool.length ? resume.pool : null;
  if (!pool) {
    yield { type: 'step_started', step: 'select_principles' };
    const s = scenario;
    pool = await inStep('select_principles', signal, async () =>
      selectPrinciplePool(s, said, input.principles, { maxSize: options.poolSize, index: input.principleIndex, ...learnedPoolHints(said, s) }),
    );
    yield { type: 'pool', pool };
  }
  const byId = new Map(input.principles.map((p) => [p.id, p]));
  const poolPrinciples = pool.flatMap((e) => byId.get(e.id) ?? []);
  const principleTitles = new Map(poolPrinciples.map((p) => [p.id, p.title]));

  // 4. Rubric, in its own conversation and without the draft (the rubric must not be fitted to the
  //    answer it will grade), with as many of the pool's best principles as the window holds. When
  //    the model's rubric is still unusable after its repair, the pooled principles' own checks stand in.
  let rubric = resume?.rubric.length ? resume.rubric : null;
  if (!rubric) {
    yield { type: 'step_started', step: 'rubric' };
    const s = scenario;
    const written = await inStep('rubric', signal, () => writeRubric(engine, text, s, poolPrinciples, window, count, signal));
    rubric = written.items;
    yield { type: 'rubric', rubric, source: written.source };
  }
  const items = rubric;
  await inStep('rubric', signal, () => assertRubricFits(conversation, items, window, count, userDraft));

  // 5. Grade and revise in the answer's own conversation.
  for (;;) {
    const current = rounds[rounds.length - 1]!;
    if (current.score === null) {
      yield { type: 'step_started', step: 'grade', round: current.index };
      const grades = await inStep('grade', signal, async () => {
        if (mode === 'per-item') return gradePerItem(engine, text, current.answer, items, signal);
        thread = await threadForGrading(thread, conversation, current.answer, items, window, count);
        const graded = await gradeBatched(engine, thread.messages, items, thread.rubricShown, signal);
        thread = { messages: graded.thread, rubricShown: true };
        return graded.grades;
      });
      const score = scoreAnswer(items, grades) ?? 0;
      rounds[rounds.length - 1] = { ...current, grades, score };
      yield { type: 'graded', round: current.index, grades, score };
    }
    const reason = stopReason(rounds, options);
    if (reason) {
      yield { type: 'final', final: chooseFinal(rounds, reason) };
      return;
    }
    // The loop only continues after an improvement, so the graded round is the best so far.
    const graded = rounds[rounds.length - 1]!;
    const index = graded.index + 1;
    const instruction = reviseInstruction(items, graded.grades, principleTitles, graded.truncated);
    yield { type: 'step_started', step: 'revise', round: index };
    thread = await inStep('revise', signal, () => threadForRevision(thread, conversation, graded.answer, instruction, window, count));
    thread.messages.push({ role: 'user', content: instruction });
    const result: ChatResult = yield* streamInStep('revise', index, engine, thread.messages, signal);
    const answer = stripThinking(result.text);
    thread.messages.push({ role: 'assistant', content: result.text });
    const truncated = result.finishReason === 'length';
    rounds.push({ index, kind: 'revision', answer, grades: [], score: null, truncated });
    yield { type: 'answer', round: index, kind: 'revision', answer, truncated };
  }
}

/**
 * The thread to append the grading instruction to: as it is when it fits; otherwise restarted
 * from the answer being graded (the instruction then lists the rubric again).
 */
async function threadForGrading(
  thread: AnswerThread,
  question: Conversation,
  answer: string,
  rubric: readonly RubricItem[],
  window: number | null,
  count: TokenCounter,
): Promise<AnswerThread> {
  const reserve = structuredReserve(batchedGradeMaxTokens(rubric.length));
  const instruction = (t: AnswerThread): ChatMessage => ({ role: 'user', content: gradeInstruction(rubric, t.rubricShown) });
  if (await fitsWindow([...thread.messages, instruction(thread)], reserve, window, count)) return thread;
  const compact: AnswerThread = { messages: compactThread(question, answer), rubricShown: false };
  if (await fitsWindow([...compact.messages, instruction(compact)], reserve, window, count)) return compact;
  throw new ContextBudgetError(await minimumRunTokens(question, count, answer), window ?? 0, 'Grading this answer');
}

/** The thread to append the revision instruction to: as it is, or restarted from the answer being revised. */
async function threadForRevision(
  thread: AnswerThread,
  question: Conversation,
  answer: string,
  instruction: string,
  window: number | null,
  count: TokenCounter,
): Promise<AnswerThread> {
  const withInstruction = (messages: ChatMessage[]): ChatMessage[] => [...messages, { role: 'user', content: instruction }];
  if (await fitsWindow(withInstruction(thread.messages), ANSWER_MAX_TOKENS, window, count)) {
    return { messages: [...thread.messages], rubricShown: thread.rubricShown };
  }
  const compact = compactThread(question, answer);
  if (await fitsWindow(withInstruction(compact), ANSWER_MAX_TOKENS, window, count)) return { messages: compact, rubricShown: false };
  throw new ContextBudgetError(await minimumRunTokens(question, count, answer), window ?? 0, 'Revising this answer');
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
