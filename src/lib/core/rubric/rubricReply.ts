// The rubric reply: what the engine is asked to write is compact — one positional tuple per item,
// [criterion, points, axis code, number of the listed principle or null], in {"items":[…]} — because
// every repeated key name, and every principle id like URG-004 (7 tokens), is a decoded token. Replies in the older object form ({criterion, points, axis, principle_id})
// are still read: servers, older prompts and small models that ignore the schema write them.

import { z } from 'zod';
import { RubricReplySchema as ObjectRubricReplySchema } from '../schemas';
import { AXES, type Axis } from '../types';

/** Short axis codes the compact reply uses: "communication_quality" is 2 tokens more than "comm". */
export const AXIS_CODES: Record<Axis, string> = {
  accuracy: 'acc',
  completeness: 'comp',
  communication_quality: 'comm',
  context_awareness: 'ctx',
  instruction_following: 'instr',
};
const AXIS_BY_CODE = new Map(Object.entries(AXIS_CODES).map(([axis, code]) => [code, axis]));

const ObjectItemSchema = ObjectRubricReplySchema.shape.items.element;

/**
 * A principle reference as written, as an id: the number of a listed principle (the compact form;
 * one outside the list becomes "#n", which the traceability check rejects), an id string (the
 * object form), null, "" or "-" (none), or a list of these (the first is kept).
 */
function principleIdOf(value: unknown, listed: readonly string[]): unknown {
  if (Array.isArray(value)) return principleIdOf(value.find((v) => v !== null && v !== '') ?? null, listed);
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return principleIdOf(Number(value), listed);
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= listed.length ? listed[value - 1]! : `#${value}`;
  if (typeof value === 'string' && (value.trim() === '' || value.trim() === '-')) return null;
  return value ?? null;
}

/** An axis code ("comm") or the full name, as the object schema's lenient enum reads it. */
function axisOf(value: unknown): unknown {
  return typeof value === 'string' ? (AXIS_BY_CODE.get(value.trim().toLowerCase()) ?? value) : value;
}

/** One item, compact tuple or object, turned into the object form before validation. */
function toObjectItem(value: unknown, listed: readonly string[]): unknown {
  if (Array.isArray(value)) {
    const [criterion, points, axis, principle] = value as unknown[];
    return { criterion, points, axis: axisOf(axis), principle_id: principleIdOf(principle, listed) };
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return { ...o, axis: axisOf(o.axis), principle_id: principleIdOf(o.principle_id ?? o.principle, listed) };
  }
  return value;
}

/**
 * The rubric as the model writes it, in either form, for a prompt that listed these principle ids
 * in this order (compact items refer to them by number); validated items come out as objects.
 */
export function rubricReplySchema(listed: readonly string[]) {
  return z.object({
    items: z.array(z.preprocess((value) => toObjectItem(value, listed), ObjectItemSchema)).min(1).max(20),
  });
}

export type RubricReply = z.output<ReturnType<typeof rubricReplySchema>>;

/** How the compact form is shown in the prompt: an example reply with two items. */
export const COMPACT_RUBRIC_EXAMPLE = `{"items":[["Advises calling emergency services now because the chest pain spreads to the left arm",10,"acc",1],["Suggests waiting to see whether the pain settles",-9,"acc",null]]}`;

/**
 * The JSON Schema sent to the engine: the compact tuples, with what a grammar can enforce made
 * explicit — item count, points from -10 to 10 but never 0, bounded criteria, an axis code, and the
 * number of a listed principle (or null). Requiring a positive item cannot be expressed.
 */
export function compactRubricJsonSchema(options: { minItems: number; maxItems: number; criterionMaxChars: number; principles: number }): Record<string, unknown> {
  const nonZeroPoints = Array.from({ length: 21 }, (_, i) => i - 10).filter((p) => p !== 0);
  const numbers = Array.from({ length: options.principles }, (_, i) => i + 1);
  const principle = numbers.length ? { anyOf: [{ type: 'integer', enum: numbers }, { type: 'null' }] } : { type: 'null' };
  return {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        minItems: options.minItems,
        maxItems: options.maxItems,
        items: {
          type: 'array',
          prefixItems: [
            { type: 'string', minLength: 8, maxLength: options.criterionMaxChars },
            { type: 'integer', enum: nonZeroPoints },
            { type: 'string', enum: AXES.map((a) => AXIS_CODES[a]) },
            principle,
          ],
          minItems: 4,
          maxItems: 4,
        },
      },
    },
    required: ['items'],
    additionalProperties: false,
  };
}

/** A rubric item in the compact form, as a model shown the principles `listed` (in order) would write it. */
export function compactRubricItem(item: { criterion: string; points: number; axis: Axis; principle_id: string | null }, listed: readonly string[]): [string, number, string, number | null] {
  const index = item.principle_id === null ? -1 : listed.indexOf(item.principle_id);
  return [item.criterion, item.points, AXIS_CODES[item.axis], index === -1 ? null : index + 1];
}
