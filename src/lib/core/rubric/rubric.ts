// Rubric synthesis: asks the model for question-specific items derived from the principle pool,
// then validates and normalises them (dedupe, ids, traceability) so grading and scoring can rely on them.

import type { ChatEngine } from '../chat';
import { MAX_RUBRIC_ITEMS, MIN_RUBRIC_ITEMS, rubricMessages } from './rubricPrompts';
import { compactRubricJsonSchema, rubricReplySchema, type RubricReply } from './rubricReply';
import { requestStructured } from '../structured/structured';
import type { Principle, RubricItem, Scenario } from '../types';

export { MAX_RUBRIC_ITEMS, MIN_RUBRIC_ITEMS };

type ReplyItem = RubricReply['items'][number];

/** Tokens the rubric reply may use: 15 items of about 50 tokens each. */
export const RUBRIC_MAX_TOKENS = 800;

/**
 * Longest criterion a constrained engine may write: 15 items this long, with their JSON, stay inside
 * RUBRIC_MAX_TOKENS (a unit test checks it with the Qwen3 tokenizer).
 */
export const CRITERION_MAX_CHARS = 150;

/**
 * The JSON Schema sent to the engine for a rubric over `principles` listed principles: compact
 * tuples, MIN to MAX items, points never 0, bounded criteria, a listed principle's number or null.
 */
export function rubricReplyJsonSchema(principles: number): Record<string, unknown> {
  return compactRubricJsonSchema({ minItems: MIN_RUBRIC_ITEMS, maxItems: MAX_RUBRIC_ITEMS, criterionMaxChars: CRITERION_MAX_CHARS, principles });
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/** Two criteria check the same thing when their word sets overlap almost entirely (Jaccard ≥ 0.8). */
export function sameCriterion(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared) >= 0.8;
}

/** The reply's items without near-duplicates (the first of a pair wins). */
function distinctItems(items: readonly ReplyItem[]): ReplyItem[] {
  const kept: ReplyItem[] = [];
  for (const item of items) if (!kept.some((k) => sameCriterion(k.criterion, item.criterion))) kept.push(item);
  return kept;
}

const principleIdOf = (item: ReplyItem) => item.principle_id?.trim().toUpperCase() || null;

/**
 * Problems worth one repair: too few distinct items, no positive item, or a principle id that is
 * not in the pool (each item must come from a listed principle or say it is question-specific).
 */
export function rubricProblems(reply: RubricReply, poolIds: ReadonlySet<string>): string[] {
  const items = distinctItems(reply.items).slice(0, MAX_RUBRIC_ITEMS);
  const problems: string[] = [];
  if (items.length < MIN_RUBRIC_ITEMS) {
    problems.push(`write at least ${MIN_RUBRIC_ITEMS} distinct items (got ${items.length})`);
  }
  if (!items.some((item) => item.points > 0)) problems.push('include at least one positive item');
  const unknown = [...new Set(items.map(principleIdOf).filter((id): id is string => id !== null && !poolIds.has(id)))];
  if (unknown.length) {
    problems.push(`principle ${unknown.join(', ')} is not in the list; use a listed principle's number, or null for a question-specific item`);
  }
  return problems;
}

/** What a rubric must have even after the repair: something to score against. */
export function rubricFatalProblems(reply: RubricReply): string[] {
  return reply.items.some((item) => item.points > 0) ? [] : ['include at least one positive item'];
}

/**
 * Turns the model's items into the run's rubric: drops near-duplicates, caps the size, numbers
 * the items R1…Rn, and keeps a principle id only if that principle was in the pool (otherwise the
 * item is question-specific, principle_id null).
 */
export function normaliseRubric(reply: RubricReply, poolIds: ReadonlySet<string>): RubricItem[] {
  return distinctItems(reply.items)
    .slice(0, MAX_RUBRIC_ITEMS)
    .map((item, i) => {
      const principleId = principleIdOf(item);
      return {
        id: `R${i + 1}`,
        criterion: item.criterion.trim(),
        points: item.points,
        axis: item.axis,
        principle_id: principleId && poolIds.has(principleId) ? principleId : null,
      };
    });
}

/** Items in a rubric built from principles: one per principle, for the most relevant ones. */
export const FALLBACK_RUBRIC_ITEMS = 8;

/**
 * A rubric made of the pooled principles' own checks — each principle's first positive check (or
 * its first check), most relevant principles first — for when the model cannot write a usable one
 * (small on-device models often cannot). A small pool is topped up with the principles' other checks
 * so the rubric reaches MIN_RUBRIC_ITEMS where it can. Null when it would have no positive item.
 */
export function rubricFromPrinciples(principles: readonly Principle[]): RubricItem[] | null {
  const asItem = (p: Principle, check: Principle['checks'][number]) => ({ criterion: check.criterion, points: check.points, axis: check.axis, principle_id: p.id });
  const first = principles.flatMap((p) => {
    const check = p.checks.find((c) => c.points > 0) ?? p.checks[0];
    return check ? [{ principle: p, check }] : [];
  });
  const items = first.slice(0, FALLBACK_RUBRIC_ITEMS).map(({ principle, check }) => asItem(principle, check));
  for (const { principle, check: used } of first) {
    if (items.length >= MIN_RUBRIC_ITEMS) break;
    for (const check of principle.checks) {
      if (check !== used && items.length < MIN_RUBRIC_ITEMS) items.push(asItem(principle, check));
    }
  }
  const rubric = normaliseRubric({ items }, new Set(principles.map((p) => p.id)));
  return rubric.some((item) => item.points > 0) ? rubric : null;
}

/**
 * Asks the engine for a rubric for this question and returns it validated and normalised.
 * The first reply must pass every check; after one repair, only a rubric with nothing to score
 * against is rejected (the rest is normalised: unknown principle ids become question-specific).
 */
export async function synthesiseRubric(
  engine: ChatEngine,
  question: string,
  scenario: Scenario,
  principles: readonly Principle[],
  signal?: AbortSignal,
): Promise<RubricItem[]> {
  const listed = principles.map((p) => p.id);
  const poolIds = new Set(listed);
  const { value } = await requestStructured(engine, rubricMessages(question, scenario, principles), {
    what: 'rubric',
    name: 'rubric',
    schema: rubricReplySchema(listed),
    jsonSchema: rubricReplyJsonSchema(listed.length),
    check: (reply) => rubricProblems(reply, poolIds),
    checkAfterRepair: rubricFatalProblems,
    maxTokens: RUBRIC_MAX_TOKENS,
    signal,
  });
  return normaliseRubric(value, poolIds);
}
