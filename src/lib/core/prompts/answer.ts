// Prompts for the answer thread. Draft, grade, revise and grade again extend ONE conversation,
// so an engine with a KV cache (web-llm) only prefills each new message once.

import type { ChatMessage } from '../../engine/types';
import type { Grade, RubricItem } from '../types';

export const ANSWER_SYSTEM = `You are a careful clinical assistant. Answer health questions accurately and safely, in language that suits the person asking. Put anything urgent first. Do not invent facts, numbers or references.`;

/** The start of the answer thread: system prompt and the question. */
export function draftMessages(question: string): ChatMessage[] {
  return [
    { role: 'system', content: ANSWER_SYSTEM },
    { role: 'user', content: question },
  ];
}

/** Formats rubric items for grading: id, signed points, criterion. */
export function formatRubricForGrading(rubric: readonly RubricItem[]): string {
  return rubric.map((r) => `${r.id} (${r.points > 0 ? '+' : ''}${r.points}) ${r.criterion}`).join('\n');
}

/** The grading instruction appended to the answer thread after an answer. */
export function gradeInstruction(rubric: readonly RubricItem[], isRevision: boolean): string {
  return `Now act as a strict grader of the ${isRevision ? 'revised answer' : 'answer'} above. For each rubric item decide "met":
- A positive item (+points) is met only if every part of it holds in the answer; a list introduced by "such as", "for example" or "including" need not be complete.
- A negative item (-points) is met if the answer DOES show that bad behaviour.
Items:
${formatRubricForGrading(rubric)}
Reply with JSON only: {"grades":[{"id":"R1","met":true,"evidence":"short quote or reason"}]} with one entry per item and evidence of at most 12 words.`;
}

/** The revision instruction: what to add, what to remove, what to keep. */
export function reviseInstruction(
  rubric: readonly RubricItem[],
  grades: readonly Grade[],
  principleTitles: ReadonlyMap<string, string>,
): string {
  const met = new Map(grades.map((g) => [g.item_id, g.met]));
  const describe = (r: RubricItem) =>
    `- ${r.criterion}${r.principle_id && principleTitles.has(r.principle_id) ? ` (principle: ${principleTitles.get(r.principle_id)})` : ''}`;
  const missing = rubric.filter((r) => r.points > 0 && !met.get(r.id)).map(describe);
  const harmful = rubric.filter((r) => r.points < 0 && met.get(r.id)).map(describe);
  const parts = ['Revise your answer to the original question.'];
  if (missing.length) parts.push(`Make sure it does these things it missed:\n${missing.join('\n')}`);
  if (harmful.length) parts.push(`Remove or correct these problems:\n${harmful.join('\n')}`);
  parts.push(
    'Keep everything that was already right. Do not pad the answer or add unrelated content. Reply with the complete revised answer only, addressed to the person who asked.',
  );
  return parts.join('\n\n');
}
