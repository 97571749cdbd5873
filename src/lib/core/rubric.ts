// Rubric synthesis: asks the model for question-specific items derived from the principle pool,
// then normalises them (dedupe, ids, traceability) so grading and scoring can rely on their shape.

import type { z } from 'zod';
import type { ChatEngine } from '../engine/types';
import { rubricMessages } from './prompts/rubric';
import { RubricReplySchema, jsonSchemaOf } from './schemas';
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

/** Longest criterion the engine may write; keeps a grammar-constrained rubric inside its token budget. */
const CRITERION_MAX_CHARS = 300;
const NON_ZERO_POINTS = Array.from({ length: 21 }, (_, i) => i - 10).filter((p) => p !== 0);

/**
 * The JSON Schema sent to the engine for a rubric: the reply schema with what a grammar can enforce
 * made explicit — points from -10 to 10 but never 0, bounded criteria, at most MAX_RUBRIC_ITEMS items.
 * (Requiring a positive item cannot be expressed: llama.cpp ignores `prefixItems` next to `items`.)
 */
export function rubricReplyJsonSchema(): Record<string, unknown> {
  const schema = jsonSchemaOf(RubricReplySchema) as { properties: { items: Record<string, unknown> & { items: { properties: Record<string, Record<string, unknown>> } } } };
  const items = schema.properties.items;
  items.maxItems = MAX_RUBRIC_ITEMS;
  items.items.properties.points = { type: 'integer', enum: NON_ZERO_POINTS };
  items.items.properties.criterion = { ...items.items.properties.criterion, maxLength: CRITERION_MAX_CHARS };
  return schema;
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

/** Items in a rubric built from principles: one per principle, for the most relevant ones. */
export const FALLBACK_RUBRIC_ITEMS = 8;

/**
 * A rubric made of the pooled principles' own checks — each principle's first positive check (or
 * its first check), most relevant principles first — for when the model cannot write a usable one
 * (small on-device models often cannot). Null when it would have no positive item to grade against.
 */
export function rubricFromPrinciples(principles: readonly Principle[]): RubricItem[] | null {
  const items = principles.flatMap((p) => {
    const check = p.checks.find((c) => c.points > 0) ?? p.checks[0];
    return check ? [{ criterion: check.criterion, points: check.points, axis: check.axis, principle_id: p.id }] : [];
  });
  const rubric = normaliseRubric({ items: items.slice(0, FALLBACK_RUBRIC_ITEMS) }, new Set(principles.map((p) => p.id)));
  return rubric.some((item) => item.points > 0) ? rubric : null;
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
    jsonSchema: rubricReplyJsonSchema(),
    check: rubricProblems,
    maxTokens: 1200,
    signal,
  });
  return normaliseRubric(value, new Set(principles.map((p) => p.id)));
}
