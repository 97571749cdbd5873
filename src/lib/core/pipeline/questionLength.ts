// The cheap length check that runs before any tokenizer loads: apart from the budget module so the
// page can refuse a huge paste at once without loading the pipeline, its schemas or the tokenizer.

import { singleQuestion, type Conversation } from '../conversation';
import { ContextBudgetError } from '../errors';

/**
 * Characters per token that real text stays under on average: Qwen3 writes English prose at about 4
 * and text dense with numbers or non-Latin script at 1–3. Only long runs of one symbol go beyond.
 */
export const MAX_CHARS_PER_TOKEN = 6;

/**
 * The cheap check made before any tokenizer runs: a question (with its earlier turns and the user's
 * draft) so long that even at MAX_CHARS_PER_TOKEN it could not fit is refused at once, so a 1 MB
 * paste is never tokenised. Throws ContextBudgetError with that lower bound.
 */
export function assertQuestionLength(conversation: Conversation | string, window: number | null, userDraft?: string): void {
  if (window === null) return;
  const chars = (typeof conversation === 'string' ? singleQuestion(conversation) : conversation).reduce((n, t) => n + t.content.length, 0) + (userDraft?.trim().length ?? 0);
  const atLeast = Math.ceil(chars / MAX_CHARS_PER_TOKEN);
  if (atLeast > window) throw new ContextBudgetError(atLeast, window, userDraft?.trim() ? 'The question with your draft' : 'The question');
}

