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

/** Longest evidence the engine may write per verdict (the prompt asks for at most 12 words). */
const EVIDENCE_MAX_CHARS = 100;
/** Characters of one verdict besides its evidence: `{"id": "R12", "met": false, "evidence": ""}, ` with some spacing. */
const VERDICT_FRAME_CHARS = 60;

/**
 * Tokens allowed for grading `items` rubric items: the longest reply the grading schema permits
 * (with ordinary spacing) even at one character per token, so a grammar-constrained reply is never
 * cut off. Unconstrained models stop long before it.
 */
export function gradeTokenBudget(items: number): number {
  return 40 + items * (VERDICT_FRAME_CHARS + EVIDENCE_MAX_CHARS);
}

/**
 * The JSON Schema sent to the engine for grading: exactly one verdict per rubric item, in rubric
 * order, each with that item's id, so a grammar-constrained engine cannot produce a missing,
 * repeated or unknown id. Evidence is optional (small models may skip it) and bounded.
 * (No `items: false`: the llama.cpp inside wllama 3.13 crashes on it; min/maxItems close the tuple.)
 */
export function gradeReplyJsonSchema(rubric: readonly RubricItem[]): Record<string, unknown> {
  const verdict = (id: string) => ({
    type: 'object',
    properties: {
      id: { type: 'string', enum: [id] },
      met: { type: 'boolean' },
      evidence: { type: 'string', maxLength: EVIDENCE_MAX_CHARS },
    },
    required: ['id', 'met'],
  });
  return {
    type: 'object',
    properties: {
      grades: { type: 'array', prefixItems: rubric.map((r) => verdict(r.id)), minItems: rubric.length, maxItems: rubric.length },
    },
    required: ['grades'],
  };
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
    jsonSchema: gradeReplyJsonSchema(rubric),
    check: (reply) => gradeProblems(reply, rubric),
    maxTokens: gradeTokenBudget(rubric.length),
    signal,
  });
  const last = calls[calls.length - 1]!;
  return {
    grades: alignGrades(value, rubric),
    thread: [...last.messages, { role: 'assistant', content: last.result.text }],
  };
}
