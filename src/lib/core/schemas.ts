// Runtime schemas for everything that crosses a trust boundary: model replies, imported
// principle files, stored records. One zod schema gives both validation and the JSON Schema
// sent to engines as `response_format`.

import { z } from 'zod';
import { schemaForGrammar } from './structured/grammarSchema';
import { AXES, EMERGENCY_SIGN, SCENARIO_VALUES } from './types';

/** Lower-cases and snake-cases an enum-ish string the way models tend to misspell them ("Health professional"). */
function normaliseToken(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s-]+/g, '_') : value;
}

/** An enum that tolerates case and spacing variants before checking membership. */
function lenientEnum<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(normaliseToken, z.enum(values));
}

/** A boolean that also accepts "yes"/"no"/"true"/"false" strings, as small models often write. */
/** Longest single trigger term, and longest combination of terms. */
export const TRIGGER_TERM_MAX = 60;
export const TRIGGER_COMBINATION_MAX = 300;

const lenientBoolean = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'met', 'present'].includes(v)) return true;
  if (['false', 'no', 'not_met', 'not met', 'absent'].includes(v)) return false;
  return value;
}, z.boolean());

const nonZeroPoints = z
  .number()
  .int()
  .min(-10)
  .max(10)
  .refine((n) => n !== 0, { message: 'points must not be 0' });

export const ScenarioSchema = z.object({
  urgency: lenientEnum(SCENARIO_VALUES.urgency),
  uncertainty: lenientEnum(SCENARIO_VALUES.uncertainty),
  expertise: lenientEnum(SCENARIO_VALUES.expertise),
  task_type: lenientEnum(SCENARIO_VALUES.task_type),
});

export const AxisSchema = lenientEnum(AXES);

/** The rubric as the model writes it (ids are assigned by us afterwards). */
export const RubricReplySchema = z.object({
  items: z
    .array(
      z.object({
        criterion: z.string().trim().min(8, 'criterion is too short'),
        points: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), nonZeroPoints),
        axis: AxisSchema,
        principle_id: z.string().trim().nullable(),
      }),
    )
    .min(1)
    .max(20),
});

/** A verdict's evidence: a short quote; long ones are cut rather than rejected. */
const evidenceText = z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string().transform((t) => t.trim().slice(0, 300)));

/**
 * One batched verdict as the engine is asked to write it, [met, quote]. Models that ignore the
 * schema often write {met, evidence} or a bare boolean instead; those are read as the same thing.
 */
const CompactVerdictSchema = z.preprocess((value) => {
  if (typeof value === 'boolean' || typeof value === 'string') return [value, ''];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    return [o.met, o.evidence ?? o.quote ?? o.q ?? ''];
  }
  return value;
}, z.tuple([lenientBoolean, evidenceText]));

/** Upper-cases keys ("r1" → "R1") and unwraps the older {"grades":[{id, met, evidence}]} shape. */
function normaliseBatchedReply(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.grades)) {
    const entries = o.grades.flatMap((g: unknown) => {
      if (!g || typeof g !== 'object') return [];
      const { id, met, evidence } = g as Record<string, unknown>;
      return typeof id === 'string' ? [[id, [met, evidence ?? '']] as const] : [];
    });
    return Object.fromEntries(entries.map(([id, v]) => [id.trim().toUpperCase(), v]));
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.trim().toUpperCase(), v]));
}

/**
 * The batched grading reply for one rubric: {"R1":[true,"quote"],"R2":[false,""],…}, every id
 * required and no other key. As JSON Schema it lets a constrained engine emit only valid verdicts.
 */
export function batchedGradeSchema(ids: readonly string[]) {
  const shape: Record<string, typeof CompactVerdictSchema> = {};
  for (const id of ids) shape[id] = CompactVerdictSchema;
  return z.preprocess(normaliseBatchedReply, z.strictObject(shape));
}

/** The per-item grading reply: one verdict with its evidence. */
export const GradeItemReplySchema = z.object({
  met: lenientBoolean,
  evidence: evidenceText.default(''),
});

const ScenarioValueList = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).min(1);

/** Points of a principle's check: like a rubric item's, and spelled out for JSON Schema (no 0). */
const principlePoints = nonZeroPoints.meta({ not: { const: 0 } });

/** One HealthPrinciple record, as shipped in principles/ and as imported by the user. */
export const PrincipleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Z]{3}-\d{3}$|^USR-[A-Za-z0-9-]+$/, 'id must look like URG-001 (or USR-… for your own)')
      .meta({ description: 'Stable id: URG/UNC/EXP/TSK-nnn for shipped principles, USR-… for the user’s own.' }),
    dimension: z.enum(['urgency', 'uncertainty', 'expertise', 'task_type']),
    category: z.string().trim().min(1),
    title: z.string().trim().min(3).max(120),
    statement: z.string().trim().min(20).meta({ description: 'The principle itself, 1–3 sentences.' }),
    rationale: z.string().trim().min(10),
    applies_when: z
      .object({
        urgency: ScenarioValueList(SCENARIO_VALUES.urgency).optional(),
        uncertainty: ScenarioValueList(SCENARIO_VALUES.uncertainty).optional(),
        expertise: ScenarioValueList(SCENARIO_VALUES.expertise).optional(),
        task_type: ScenarioValueList(SCENARIO_VALUES.task_type).optional(),
      })
      .strict()
      .meta({ description: 'Scenario values the principle matches, per dimension; an empty object matches every question.' }),
    keywords: z.array(z.string().trim().min(1)).meta({ description: 'Terms questions it is relevant to would contain; they drive lexical retrieval.' }),
    presentation: z
      .object({
        name: z.string().trim().min(2, 'give the presentation a short name (such as "testicular pain"), or clear its trigger terms').max(60),
        triggers: z
          // A combination ("gave birth|after birth + not sleeping|voices") lists alternatives, so it may run longer than a term.
          .array(
            z
              .string()
              .trim()
              .min(1, 'a trigger term must not be empty')
              .max(TRIGGER_COMBINATION_MAX, `a trigger must be at most ${TRIGGER_COMBINATION_MAX} characters`)
              .refine((t) => /[+|]/.test(t) || t.replace(EMERGENCY_SIGN, '').length <= TRIGGER_TERM_MAX, `a single trigger term must be at most ${TRIGGER_TERM_MAX} characters (split it, or combine terms with "+" and "|")`)
              .refine((t) => t.replace(EMERGENCY_SIGN, '').trim().length > 0, 'an emergency sign needs its terms after "emergency:"')
              .refine((t) => !t.replace(EMERGENCY_SIGN, '').trimStart().startsWith('!') || !EMERGENCY_SIGN.test(t), 'an exclusion ("!…") cannot be an emergency sign: remove "emergency:" or the "!"'),
          )
          .min(1, 'a presentation needs at least one trigger term')
          .refine((ts) => new Set(ts.map((t) => t.toLowerCase())).size === ts.length, 'trigger terms must not repeat'),
      })
      .strict()
      .optional()
      .meta({
        description:
          'For a principle about one named presentation: its name and the terms (lay and clinical, English and Simplified Chinese) of which a question must contain one before the principle is chosen. Absent on general principles.',
      }),
    checks: z
      .array(
        z.object({
          criterion: z.string().trim().min(8),
          points: principlePoints,
          axis: z.enum(AXES),
        }),
      )
      .min(1)
      .max(4)
      .meta({ description: 'Rubric templates; positive points for the desired behaviour, negative for a harmful one that is present.' }),
    sources: z
      .array(z.object({ name: z.string().trim().min(3), year: z.number().int().min(1900).max(2100) }))
      .min(1),
    enabled: z.boolean().optional().meta({ description: 'Whether the principle is used (default true); exported libraries carry the user’s switches.' }),
  })
  .meta({ title: 'HealthPrinciple' });

/** A principle file (principles/*.json, or a user's import/export): an array of records. */
export const PrincipleFileSchema = z.array(PrincipleSchema);

/** The JSON Schema of a principle file, as committed in principles/principle.schema.json. */
export function principleFileJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://clinrevise.local/principles/principle.schema.json',
    title: 'HealthPrinciples file',
    description: 'An array of HealthPrinciple records (ClinRevise). Generated from PrincipleSchema in src/lib/core/schemas.ts; do not edit by hand.',
    ...jsonSchemaOf(PrincipleFileSchema),
  };
}

/** Turns zod issues into short human-readable problems ("items.2.points: points must not be 0"). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** The JSON Schema an engine should constrain its reply to, in a form grammar converters accept. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  // Converting is costly next to a request (it showed in batch profiles): convert once per schema,
  // hand out copies so callers may adjust them.
  let json = JSON_SCHEMAS.get(schema);
  if (!json) {
    const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete converted.$schema;
    json = schemaForGrammar(converted);
    JSON_SCHEMAS.set(schema, json);
  }
  return structuredClone(json);
}

const JSON_SCHEMAS = new WeakMap<z.ZodType, Record<string, unknown>>();
