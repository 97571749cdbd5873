// The context budget: what each step puts in the model's window, counted with a real tokenizer.
// A question that cannot fit fails before anything is sent; a thread that grows too long is
// compacted deliberately (restarted from the answer being worked on) instead of failing mid-run.

import type { ChatMessage } from '../chat';
import { conversationText, singleQuestion, type Conversation } from '../conversation';
import { assertQuestionLength } from './questionLength';

export { MAX_CHARS_PER_TOKEN, assertQuestionLength } from './questionLength';
import { ContextBudgetError } from '../errors';
import { batchedGradeMaxTokens, GRADE_ITEM_MAX_TOKENS } from '../grading/grade';
import { draftMessages, reviseInstruction } from './answerPrompts';
import { classifyMessages } from '../scenario/classifyPrompt';
import { gradeInstruction, gradeItemMessages } from '../grading/gradePrompts';
import { MAX_RUBRIC_ITEMS, rubricMessages } from '../rubric/rubricPrompts';
import { RUBRIC_MAX_TOKENS } from '../rubric/rubric';
import { countPromptTokens, type TokenCounter } from './tokens';
import type { Principle, RubricItem, Scenario } from '../types';

/** Tokens an answer (draft or revision) may use. */
export const ANSWER_MAX_TOKENS = 1024;
/** Tokens the classifier may use. */
export const CLASSIFY_MAX_TOKENS = 120;

/**
 * Room a structured step needs besides its prompt: the reply, and should it be unusable, the
 * reply kept in the thread, the complaint and the second reply.
 */
export function structuredReserve(maxTokens: number): number {
  return 2 * maxTokens + 80;
}

/** Tokens a request needs in the window: its prompt plus the room reserved for what comes back. */
export async function requestTokens(messages: readonly ChatMessage[], reserve: number, count: TokenCounter): Promise<number> {
  return (await countPromptTokens(messages, count)) + reserve;
}

/** A stand-in rubric of the largest size and typical wording, for checks made before the rubric exists. */
function largestRubric(): RubricItem[] {
  const criterion =
    'Advises the person to arrange a same-day review with their doctor because the symptom described needs examination, and explains why';
  return Array.from({ length: MAX_RUBRIC_ITEMS }, (_, i) => ({
    id: `R${i + 1}`,
    criterion,
    points: i % 4 === 3 ? -6 : 6,
    axis: 'accuracy' as const,
    principle_id: null,
  }));
}

/** Text of `tokens` tokens or more, whatever the counter (to stand in for an answer not yet written). */
async function placeholderText(tokens: number, count: TokenCounter): Promise<string> {
  let text = 'word '.repeat(tokens);
  for (let have = await count(text); have < tokens; have = await count(text)) text += 'word '.repeat(Math.max(1, tokens - have));
  return text;
}

const SCENARIO_PLACEHOLDER: Scenario = {
  urgency: 'not_applicable',
  uncertainty: 'missing_context',
  expertise: 'health_professional',
  task_type: 'documentation',
};

/** A question or a conversation, as a conversation. */
function turnsOf(input: Conversation | string): Conversation {
  return typeof input === 'string' ? singleQuestion(input) : input;
}

/**
 * The tokens the smallest complete run needs at its largest step, for a conversation (and a user's
 * own draft, for "check my answer"): classification, a rubric without principles, the draft, and
 * grading the longest possible answer against the rubric (before it exists, the largest one), in
 * either grading mode.
 */
export async function minimumRunTokens(
  conversation: Conversation | string,
  count: TokenCounter,
  userDraft?: string,
  rubric: readonly RubricItem[] = largestRubric(),
): Promise<number> {
  const turns = turnsOf(conversation);
  const text = conversationText(turns);
  const answer = userDraft?.trim() || (await placeholderText(ANSWER_MAX_TOKENS, count));
  const longestItem = rubric.reduce((a, b) => (b.criterion.length > a.criterion.length ? b : a), rubric[0]!);
  const answerThread: ChatMessage[] = [...draftMessages(turns), { role: 'assistant', content: answer }];
  const needs = await Promise.all([
    requestTokens(classifyMessages(text), structuredReserve(CLASSIFY_MAX_TOKENS), count),
    requestTokens(rubricMessages(text, SCENARIO_PLACEHOLDER, []), structuredReserve(RUBRIC_MAX_TOKENS), count),
    requestTokens(draftMessages(turns), ANSWER_MAX_TOKENS, count),
    requestTokens(
      [...answerThread, { role: 'user', content: gradeInstruction(rubric, false) }],
      structuredReserve(batchedGradeMaxTokens(rubric.length)),
      count,
    ),
    requestTokens(gradeItemMessages(text, answer, longestItem), structuredReserve(GRADE_ITEM_MAX_TOKENS), count),
    requestTokens(
      [...answerThread, { role: 'user', content: reviseInstruction(rubric, [], new Map(), true) }],
      ANSWER_MAX_TOKENS,
      count,
    ),
  ]);
  return Math.max(...needs);
}

/**
 * Throws ContextBudgetError when the question or conversation (and the user's draft) cannot fit the
 * model's context window, before anything is sent. A null window (unknown) is not checked.
 */
export async function assertQuestionFits(
  conversation: Conversation | string,
  window: number | null,
  count: TokenCounter,
  userDraft?: string,
): Promise<void> {
  if (window === null) return;
  assertQuestionLength(conversation, window, userDraft);
  const needed = await minimumRunTokens(conversation, count, userDraft);
  if (needed > window) {
    throw new ContextBudgetError(needed, window, userDraft?.trim() ? 'The question with your draft' : 'The question');
  }
}

/**
 * Throws ContextBudgetError when the answer thread cannot fit with the rubric the model wrote
 * (checked before grading, so a run never fails later for lack of room).
 */
export async function assertRubricFits(
  question: Conversation | string,
  rubric: readonly RubricItem[],
  window: number | null,
  count: TokenCounter,
  userDraft?: string,
): Promise<void> {
  if (window === null || rubric.length === 0) return;
  const needed = await minimumRunTokens(question, count, userDraft, rubric);
  if (needed > window) throw new ContextBudgetError(needed, window, 'The question with its rubric');
}

/**
 * The principles that fit in the rubric prompt, best first: the pool is ranked, so the lowest-ranked
 * principles are left out when the window is too small for all of them.
 */
export async function fitPrinciples<P extends Principle>(
  question: string,
  scenario: Scenario,
  principles: readonly P[],
  window: number | null,
  count: TokenCounter,
): Promise<P[]> {
  if (window === null) return [...principles];
  const reserve = structuredReserve(RUBRIC_MAX_TOKENS);
  const needed = (ps: readonly P[]) => requestTokens(rubricMessages(question, scenario, ps), reserve, count);
  let kept = principles.length;
  while (kept > 0 && (await needed(principles.slice(0, kept))) > window) kept--;
  if (kept === 0) {
    const bare = await needed([]);
    if (bare > window) throw new ContextBudgetError(bare, window, 'Writing the rubric');
  }
  return principles.slice(0, kept);
}

/** Whether a request fits the window with `reserve` tokens to spare. */
export async function fitsWindow(messages: readonly ChatMessage[], reserve: number, window: number | null, count: TokenCounter): Promise<boolean> {
  return window === null || (await requestTokens(messages, reserve, count)) <= window;
}

/** The answer thread restarted from one answer: system prompt, the conversation, that answer. */
export function compactThread(conversation: Conversation | string, answer: string): ChatMessage[] {
  return [...draftMessages(conversation), { role: 'assistant', content: answer }];
}
