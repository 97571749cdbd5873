// Prompts for the answer thread. Draft, grade, revise and grade again extend ONE conversation,
// so an engine with a KV cache (web-llm) only prefills each new message once.

import type { ChatMessage } from '../chat';
import { singleQuestion, type Conversation } from '../conversation';
import type { Grade, RubricItem } from '../types';

export const ANSWER_SYSTEM = `You are a careful clinical assistant. Answer health questions accurately and safely, in language that suits the person asking. Put anything urgent first. Do not invent facts, numbers or references. Answer in the language the question is written in.`;

/** Opening words of every revision instruction; the test doubles recognise the step by them. */
export const REVISE_MARKER = 'Revise the answer above';

/** Roughly how long a revision of a cut-off answer should be, in words. */
export const SHORTER_ANSWER_WORDS = 350;

/**
 * The start of the answer thread: our system prompt, then the conversation (a single question, or
 * earlier turns and the latest message). A dataset's own system turns join ours in the one leading
 * system message, since some engines accept no other.
 */
export function draftMessages(conversation: Conversation | string): ChatMessage[] {
  const turns = typeof conversation === 'string' ? singleQuestion(conversation) : conversation;
  const extraSystem = turns.filter((t) => t.role === 'system').map((t) => t.content.trim());
  const system = [ANSWER_SYSTEM, ...extraSystem].join('\n\n');
  return [
    { role: 'system', content: system },
    ...turns.filter((t) => t.role !== 'system').map((t): ChatMessage => ({ role: t.role, content: t.content })),
  ];
}

/**
 * The revision instruction: the unmet positive items and the present negative items, each with
 * the principle it comes from, and the items that earned points, which the revision must keep.
 * Self-contained (full criteria), so it also works after the thread has been compacted.
 */
export function reviseInstruction(
  rubric: readonly RubricItem[],
  grades: readonly Grade[],
  principleTitles: ReadonlyMap<string, string>,
  truncated = false,
): string {
  const met = new Map(grades.map((g) => [g.item_id, g.met]));
  const describe = (r: RubricItem) => {
    const title = r.principle_id ? principleTitles.get(r.principle_id) : undefined;
    return `- ${r.criterion}${title ? ` [principle: ${title}]` : ''}`;
  };
  const missing = rubric.filter((r) => r.points > 0 && !met.get(r.id)).map(describe);
  const harmful = rubric.filter((r) => r.points < 0 && met.get(r.id)).map(describe);
  const kept = rubric.filter((r) => r.points > 0 && met.get(r.id)).map((r) => `- ${r.criterion}`);
  const parts = [`${REVISE_MARKER} so that it meets the rubric.`];
  if (truncated) {
    parts.push(
      `It was cut off at the length limit. Write a complete answer of at most about ${SHORTER_ANSWER_WORDS} words: be more concise, not less complete.`,
    );
  }
  if (missing.length) parts.push(`Add what it is missing:\n${missing.join('\n')}`);
  if (harmful.length) parts.push(`Remove or correct these problems:\n${harmful.join('\n')}`);
  if (kept.length) parts.push(`Keep what it already does well:\n${kept.join('\n')}`);
  parts.push(
    'Keep every correct point and the same audience and tone. Do not pad the answer or add unrelated material. Reply with the complete revised answer only, addressed to the person who asked.',
  );
  parts.push('Write it in the language the question is written in.');
  return parts.join('\n\n');
}
