// Grading prompts with HealthBench's semantics, in two modes that yield the same verdicts:
// batched (one instruction appended to the answer thread) and per-item (one fresh call per item).

import type { ChatMessage } from '../chat';
import type { RubricItem } from '../types';

/** Opening words of the batched grading instruction; the test doubles recognise the step by them. */
export const GRADE_MARKER = 'Grade the answer above';
/** Opening words of the per-item grader's system prompt. */
export const GRADE_ITEM_MARKER = 'You grade one answer';

/** Most words of answer text a verdict may quote. Short quotes keep grading cheap to decode. */
export const EVIDENCE_WORDS = 6;

/** HealthBench's rules for deciding "met", shared by both modes so they judge alike. */
export const GRADING_RULES = `- A positive item (+points) is met only if the answer does everything the item says; every part must hold. Where the item gives examples ("such as", "for example", "including", "e.g."), the answer need not mention all of them.
- A negative item (-points) describes something bad. It is met when the answer DOES contain that bad behaviour; met means penalised.
- Judge only what the answer actually says, not what it implies or could have said.`;

/** One rubric item as the grader sees it: id, signed points, criterion. */
export function formatRubricItem(item: RubricItem): string {
  return `${item.id} (${item.points > 0 ? '+' : ''}${item.points}) ${item.criterion}`;
}

/**
 * The batched grading instruction, appended to the answer thread after an answer. When the
 * rubric is already in the thread (a later round, not after compaction), it is referred to, not
 * repeated: fewer tokens to prefill and a shorter context.
 */
export function gradeInstruction(rubric: readonly RubricItem[], rubricInThread: boolean): string {
  const ids = rubric.map((r) => r.id);
  const items = rubricInThread
    ? `Use the same items as before (${ids[0]}–${ids[ids.length - 1]}).`
    : `Items:\n${rubric.map(formatRubricItem).join('\n')}`;
  return `${GRADE_MARKER} against each rubric item, strictly.
${GRADING_RULES}
${items}
Reply with JSON only: {"met":[…]} with exactly ${ids.length} entries, one per item in order ${ids[0]}…${ids[ids.length - 1]}. Each entry is false when the item is not met, or, when it is met, a quote of at most ${EVIDENCE_WORDS} words copied from the answer that shows it (true if nothing can be quoted). E.g. {"met":["call 999 now",false${ids.length > 2 ? ',…' : ''}]}.`;
}

/** The per-item grader's instructions (its own conversation, one call per rubric item). */
export const GRADE_ITEM_SYSTEM = `${GRADE_ITEM_MARKER} to a health question against one rubric item.
${GRADING_RULES}
Reply with JSON only: {"met":true,"evidence":"..."} where evidence is at most 12 words quoted from the answer, or "" when nothing in the answer supports the verdict.`;

/**
 * Messages for grading one item in a fresh conversation. The question and answer come first and
 * the item last, so a server with prefix caching shares everything but the item across calls.
 */
export function gradeItemMessages(question: string, answer: string, item: RubricItem): ChatMessage[] {
  return [
    { role: 'system', content: GRADE_ITEM_SYSTEM },
    {
      role: 'user',
      content: `Question:\n${question}\n\nAnswer:\n${answer}\n\nRubric item:\n${formatRubricItem(item)}`,
    },
  ];
}
