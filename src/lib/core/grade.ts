// Batched grading: one structured call judges every rubric item, in the answer's own conversation.
// Verdicts are aligned to the rubric so grades[i] always refers to rubric[i].

import type { z } from 'zod';
import type { ChatEngine, ChatMessage } from '../engine/types';
import { gradeInstruction } from './prompts/answer';
import { GradeReplySchema } from './schemas';
import { requestStructured } from './structured';
import type { Grade, RubricItem } from './types';

type GradeReply = z.output<typeof GradeReplySchema>;

/** Ids the reply must cover; missing or unknown ids are problems worth one repair. */
export function gradeProblems(reply: GradeReply, rubric: readonly RubricItem[]): string[] {
  const expected = new Set(rubric.map((r) => r.id));
  const got = new Set(reply.grades.map((g) => g.id.toUpperCase()));
  const missing = [...expected].filter((id) => !got.has(id));
  const unknown = [...got].filter((id) => !expected.has(id));
  const problems: string[] = [];
  if (missing.length) problems.push(`missing verdicts for ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown item ids ${unknown.join(', ')}`);
  return problems;
}

/** Orders verdicts by rubric item; the first verdict for an id wins. */
export function alignGrades(reply: GradeReply, rubric: readonly RubricItem[]): Grade[] {
  const byId = new Map<string, GradeReply['grades'][number]>();
  for (const g of reply.grades) {
    const id = g.id.toUpperCase();
    if (!byId.has(id)) byId.set(id, g);
  }
  return rubric.map((item) => {
    const g = byId.get(item.id);
    return { item_id: item.id, met: g?.met ?? false, evidence: g?.evidence.trim() ?? '' };
  });
}

export interface GradeCall {
  grades: Grade[];
  /** The thread after grading, ending with the grader's reply (for KV-cache friendly continuation). */
  thread: ChatMessage[];
}

/** Grades the last answer of `thread` against the rubric, extending the thread. */
export async function gradeInThread(
  engine: ChatEngine,
  thread: readonly ChatMessage[],
  rubric: readonly RubricItem[],
  isRevision: boolean,
  signal?: AbortSignal,
): Promise<GradeCall> {
  const messages: ChatMessage[] = [...thread, { role: 'user', content: gradeInstruction(rubric, isRevision) }];
  const { value, calls } = await requestStructured(engine, messages, {
    what: 'grading',
    name: 'grades',
    schema: GradeReplySchema,
    check: (reply) => gradeProblems(reply, rubric),
    maxTokens: 40 + 40 * rubric.length,
    signal,
  });
  const last = calls[calls.length - 1]!;
  return {
    grades: alignGrades(value, rubric),
    thread: [...last.messages, { role: 'assistant', content: last.result.text }],
  };
}
