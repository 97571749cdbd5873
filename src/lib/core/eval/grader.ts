// The HealthBench grader: one structured call per rubric item, seeing the whole conversation and the
// reply, read defensively (thinking, fences, prose) through the project's structured-output layer.

import { z } from 'zod';
import type { ChatEngine } from '../chat';
import type { Conversation } from '../conversation';
import { throwIfAborted } from '../errors';
import type { HealthBenchRubricItem } from '../healthbench/format';
import { requestStructured } from '../structured/structured';
import { HB_GRADER_MAX_TOKENS, HB_GRADER_SCHEMA_NAME, healthBenchGraderMessages } from './graderPrompt';
import type { ItemVerdict } from './score';

/** Booleans as small models write them ("true", "yes", "met"), read as booleans. */
const looseBoolean = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'met'].includes(s)) return true;
  if (['false', 'no', 'not met', 'not_met'].includes(s)) return false;
  return v;
}, z.boolean());

/** The grader's reply. A missing explanation is tolerated (the verdict is what scores). */
export const VerdictReplySchema = z.object({
  explanation: z.preprocess((v) => (v == null ? '' : v), z.string()).transform((s) => s.trim().slice(0, 1000)),
  criteria_met: looseBoolean,
});

/** The JSON Schema engines are constrained to: explanation first, so the model reasons before it decides. */
export const VERDICT_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: { explanation: { type: 'string' }, criteria_met: { type: 'boolean' } },
  required: ['explanation', 'criteria_met'],
  additionalProperties: false,
};

/** One graded rubric item, as stored and exported. */
export interface GradedItem extends ItemVerdict {
  explanation: string;
}

/** One verdict and whether the grader's first reply was already usable (for the model check). */
export interface VerdictCall {
  met: boolean;
  explanation: string;
  /** The reply needed the repair round-trip. */
  repaired: boolean;
}

/** Grades `reply` against one item. Throws StructuredOutputError when the grader cannot produce a verdict. */
export async function gradeItem(
  grader: ChatEngine,
  conversation: Conversation,
  reply: string,
  item: HealthBenchRubricItem,
  signal?: AbortSignal,
): Promise<VerdictCall> {
  const { value, calls } = await requestStructured(grader, healthBenchGraderMessages(conversation, reply, item), {
    what: 'rubric verdict',
    name: HB_GRADER_SCHEMA_NAME,
    schema: VerdictReplySchema,
    jsonSchema: VERDICT_JSON_SCHEMA,
    maxTokens: HB_GRADER_MAX_TOKENS,
    signal,
  });
  return { met: value.criteria_met, explanation: value.explanation, repaired: calls.length > 1 };
}

/** Grades every rubric item of an example, one call each, in rubric order. */
export async function gradeReply(
  grader: ChatEngine,
  conversation: Conversation,
  reply: string,
  rubrics: readonly HealthBenchRubricItem[],
  signal?: AbortSignal,
): Promise<GradedItem[]> {
  const graded: GradedItem[] = [];
  for (const item of rubrics) {
    throwIfAborted(signal);
    const verdict = await gradeItem(grader, conversation, reply, item, signal);
    graded.push({ criterion: item.criterion, points: item.points, tags: [...item.tags], met: verdict.met, explanation: verdict.explanation });
  }
  return graded;
}
