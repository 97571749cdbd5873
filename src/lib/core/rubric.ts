// Rubric synthesis: asks the model for question-specific items derived from the principle pool,
// then normalises them (dedupe, ids, traceability) so grading and scoring can rely on their shape.

import type { z } from 'zod';
import type { ChatEngine } from '../engine/types';
import { rubricMessages } from './prompts/rubric';
import { RubricReplySchema } from './schemas';
import { requestStructured } from './structured';
import type { Principle, RubricItem, Scenario } from './types';

type RubricReply = z.output<typeof RubricReplySchema>;

export const MAX_RUBRIC_ITEMS = 15;

/** Problems a well-formed rubric reply can still have; fed back to the model for one repair. */
export function rubricProblems(reply: RubricReply): string[] {
  const problems: string[] = [];
  if (!reply.items.some((item) => item.points > 0)) problems.push('include at least one positive item');
  return problems;
}

const normaliseCriterion = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Turns the model's items into the run's rubric: drops duplicates, caps the size, numbers the items
 * R1…Rn, and keeps a principle id only if that principle was in the pool (otherwise the item is
 * question-specific, principle_id null).
 */
export function normaliseRubric(reply: RubricReply, poolIds: ReadonlySet<string>): RubricItem[] {
  const seen = new Set<string>();
  const items: RubricItem[] = [];
  for (const item of reply.items) {
    const key = normaliseCriterion(item.criterion);
    if (seen.has(key)) continue;
    seen.add(key);
    const principleId = item.principle_id?.trim().toUpperCase() ?? null;
    items.push({
      id: `R${items.length + 1}`,
      criterion: item.criterion.trim(),
      points: item.points,
      axis: item.axis,
      principle_id: principleId && poolIds.has(principleId) ? principleId : null,
    });
    if (items.length === MAX_RUBRIC_ITEMS) break;
  }
  return items;
}

/** Asks the engine for a rubric for this question and returns it normalised. */
export async function synthesiseRubric(
  engine: ChatEngine,
  question: string,
  scenario: Scenario,
  principles: readonly Principle[],
  signal?: AbortSignal,
): Promise<RubricItem[]> {
  const { value } = await requestStructured(engine, rubricMessages(question, scenario, principles), {
    what: 'rubric',
    name: 'rubric',
    schema: RubricReplySchema,
    check: rubricProblems,
    maxTokens: 1200,
    signal,
  });
  return normaliseRubric(value, new Set(principles.map((p) => p.id)));
}
