// Grading an answer against the rubric, in two modes with the same result (grades[i] ↔ rubric[i]):
// batched — one compact structured call in the answer's own conversation (the on-device default);
// per-item — one fresh call per item, as HealthBench does (for evaluation; costs more tokens).

import type { ChatEngine, ChatMessage } from '../chat';
import { gradeInstruction, gradeItemMessages } from './gradePrompts';
import { GradeItemReplySchema } from '../schemas';
import { formatVerdicts, gradeReplyJsonSchema, gradeReplySchema } from './gradeReply';
import { requestStructured } from '../structured/structured';
import type { Grade, GradingMode, RubricItem } from '../types';

/** Decode budget of a batched grading reply: a 6-word quote is ~10 tokens a verdict; with slack. */
export function batchedGradeMaxTokens(items: number): number {
  return 16 + 24 * items;
}

/** Decode budget of one per-item verdict. */
export const GRADE_ITEM_MAX_TOKENS = 64;

export interface GradeCall {
  grades: Grade[];
  /** The thread after grading, ending with the grader's reply (batched), or unchanged (per-item). */
  thread: ChatMessage[];
}

/** Serialises verdicts the way the batched grader writes them (used to rebuild a thread on resume). */
export function formatBatchedGrades(grades: readonly Grade[]): string {
  return formatVerdicts(grades);
}

/**
 * Grades the last answer of `thread` against the rubric in one structured call that extends the
 * thread, so an engine keeping its KV cache only prefills the instruction.
 */
export async function gradeBatched(
  engine: ChatEngine,
  thread: readonly ChatMessage[],
  rubric: readonly RubricItem[],
  rubricInThread: boolean,
  signal?: AbortSignal,
): Promise<GradeCall> {
  const messages: ChatMessage[] = [...thread, { role: 'user', content: gradeInstruction(rubric, rubricInThread) }];
  const { value, calls } = await requestStructured(engine, messages, {
    what: 'grading',
    name: 'grades',
    schema: gradeReplySchema(rubric.map((r) => r.id)),
    jsonSchema: gradeReplyJsonSchema(rubric.length),
    maxTokens: batchedGradeMaxTokens(rubric.length),
    signal,
  });
  const last = calls[calls.length - 1]!;
  const grades = rubric.map((item): Grade => {
    const [met, evidence] = value[item.id]!;
    return { item_id: item.id, met, evidence };
  });
  return { grades, thread: [...last.messages, { role: 'assistant', content: last.result.text }] };
}

/** Grades `answer` one rubric item at a time, each in a fresh conversation (HealthBench's way). */
export async function gradePerItem(
  engine: ChatEngine,
  question: string,
  answer: string,
  rubric: readonly RubricItem[],
  signal?: AbortSignal,
): Promise<Grade[]> {
  const grades: Grade[] = [];
  for (const item of rubric) {
    const { value } = await requestStructured(engine, gradeItemMessages(question, answer, item), {
      what: `grading of ${item.id}`,
      name: 'grade_item',
      schema: GradeItemReplySchema,
      maxTokens: GRADE_ITEM_MAX_TOKENS,
      signal,
    });
    grades.push({ item_id: item.id, met: value.met, evidence: value.evidence });
  }
  return grades;
}

/** Which mode a run grades with; runs saved before the option existed graded batched. */
export function gradingModeOf(options: { grading?: GradingMode }): GradingMode {
  return options.grading ?? 'batched';
}
