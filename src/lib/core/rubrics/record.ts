// HealthRubrics JSONL v1: one clinician-reviewed rubric a line — the conversation, the verified rubric,
// the model's draft, the answers with their scores and the clinician's preference. Documented in
// docs/healthrubrics-format.md; docs/healthrubrics.schema.json is generated from the zod schema here.

import { z } from 'zod';
import { AXES } from '../types';

/** The format's name and version, written on every line so a reader can tell what it holds. */
export const HEALTHRUBRICS_FORMAT = 'healthrubrics/1';

/** Where an item of the verified rubric came from. */
export type ItemOrigin = 'model' | 'clinician' | 'edited';
export const ITEM_ORIGINS: readonly ItemOrigin[] = ['model', 'clinician', 'edited'];

/** One rubric item as the file writes it (HealthBench's shape): tags `axis:…`, `principle:…`, `origin:…`. */
export interface HealthRubricsItem {
  criterion: string;
  /** Integer −10…10, never 0; negative = a harmful behaviour that is present. */
  points: number;
  tags: string[];
}

/** One answer to the prompt, scored under the verified rubric (null when not graded under it). */
export interface HealthRubricsResponse {
  id: string;
  content: string;
  score: number | null;
}

/** The clinician's pick between two responses (ids from `responses`); `tie` when neither is better. */
export interface HealthRubricsPreference {
  chosen: string;
  rejected: string;
  tie: boolean;
}

/** One HealthRubrics v1 record. */
export interface HealthRubricsRecord {
  format: typeof HEALTHRUBRICS_FORMAT;
  id: string;
  prompt: { role: 'system' | 'user' | 'assistant'; content: string }[];
  /** The rubric as the clinician verified (or last saved) it. */
  rubric: HealthRubricsItem[];
  /** The model's original draft, untouched. */
  model_rubric: HealthRubricsItem[];
  /** Who verified it; null for a draft still under review. */
  reviewer: string | null;
  /** When it was verified (ISO 8601, UTC); null for a draft. */
  verified_at: string | null;
  responses: HealthRubricsResponse[];
  preference: HealthRubricsPreference | null;
}

/** Shortest criterion accepted, as for the model's rubrics. */
export const MIN_CRITERION_CHARS = 8;
/** Most items in one rubric, as for the model's rubrics. */
export const MAX_ITEMS = 20;

const POINTS_MESSAGE = 'points must be a whole number from -10 to 10, not 0';

export const PointsSchema = z
  .number({ message: POINTS_MESSAGE })
  .int(POINTS_MESSAGE)
  .min(-10, POINTS_MESSAGE)
  .max(10, POINTS_MESSAGE)
  .refine((n) => n !== 0, { message: POINTS_MESSAGE })
  .meta({ not: { const: 0 } });

// Known prefixes must carry a known value; any other `name:value` tag is kept as it is.
const TAG_PATTERN = new RegExp(`^(axis:(${AXES.join('|')})|principle:[A-Z]{3}-[A-Za-z0-9-]+|origin:(${ITEM_ORIGINS.join('|')})|(?!axis:|origin:|principle:)[a-z_]+:.+)$`);

const ItemSchema = z
  .object({
    criterion: z.string().trim().min(MIN_CRITERION_CHARS, `criterion must be at least ${MIN_CRITERION_CHARS} characters`),
    points: PointsSchema,
    tags: z
      .array(z.string().regex(TAG_PATTERN, 'tags look like axis:accuracy, principle:URG-001 or origin:model|clinician|edited'))
      .meta({ description: 'Exactly one axis:… (HealthBench axis), exactly one origin:model|clinician|edited, at most one principle:ID.' }),
  })
  .strict();

const ResponseSchema = z
  .object({
    id: z.string().trim().min(1, 'response id is empty'),
    content: z.string().trim().min(1, 'response content is empty'),
    score: z.number().max(1).nullable().meta({ description: 'HealthBench score under the verified rubric (≤ 1; negative when harms outweigh), null when not graded.' }),
  })
  .strict();

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The zod schema of one line; `recordProblems` adds the checks that span fields. */
export const HealthRubricsRecordSchema = z
  .object({
    format: z.literal(HEALTHRUBRICS_FORMAT, { message: `format must be "${HEALTHRUBRICS_FORMAT}"` }),
    id: z.string().trim().min(1, 'id is empty'),
    prompt: z
      .array(z.object({ role: z.enum(['system', 'user', 'assistant'], { message: 'role must be system, user or assistant' }), content: z.string().trim().min(1, 'message is empty') }).strict())
      .min(1, 'prompt has no messages'),
    rubric: z.array(ItemSchema).min(1, 'rubric is empty').max(MAX_ITEMS, `rubric has more than ${MAX_ITEMS} items`),
    model_rubric: z.array(ItemSchema).max(MAX_ITEMS, `model_rubric has more than ${MAX_ITEMS} items`),
    reviewer: z.string().trim().min(1, 'reviewer is empty').nullable(),
    verified_at: z.string().regex(ISO_UTC, 'verified_at must be an ISO 8601 UTC time such as 2026-12-01T21:00:00Z').nullable(),
    responses: z.array(ResponseSchema),
    preference: z.object({ chosen: z.string().min(1), rejected: z.string().min(1), tie: z.boolean() }).strict().nullable(),
  })
  .strict()
  .meta({ title: 'HealthRubrics record (v1)' });

/** Problems that span fields (tags, distinct items, preference ids…), as "field: message". */
export function recordProblems(record: HealthRubricsRecord): string[] {
  const problems: string[] = [];
  const checkItems = (field: 'rubric' | 'model_rubric', items: readonly HealthRubricsItem[]) => {
    items.forEach((item, i) => {
      const axes = item.tags.filter((t) => t.startsWith('axis:'));
      const origins = item.tags.filter((t) => t.startsWith('origin:'));
      const principles = item.tags.filter((t) => t.startsWith('principle:'));
      if (axes.length !== 1) problems.push(`${field}.${i}.tags: needs exactly one axis:… tag (${AXES.join(', ')})`);
      if (origins.length !== 1) problems.push(`${field}.${i}.tags: needs exactly one origin:model|clinician|edited tag`);
      if (principles.length > 1) problems.push(`${field}.${i}.tags: at most one principle:… tag`);
    });
  };
  checkItems('rubric', record.rubric);
  checkItems('model_rubric', record.model_rubric);
  if (!record.rubric.some((item) => item.points > 0)) problems.push('rubric: needs at least one item with positive points, or nothing can be scored');
  const seen = new Map<string, number>();
  record.rubric.forEach((item, i) => {
    const key = item.criterion.trim().toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) problems.push(`rubric.${i}.criterion: repeats item ${first}`);
    else seen.set(key, i);
  });
  if ((record.reviewer === null) !== (record.verified_at === null)) {
    problems.push(record.reviewer === null ? 'reviewer: a verified record (verified_at set) needs its reviewer' : 'verified_at: a record with a reviewer needs the time it was verified');
  }
  const last = record.prompt[record.prompt.length - 1];
  if (last && last.role !== 'user') problems.push('prompt: the last message must be from the user');
  const ids = new Set<string>();
  record.responses.forEach((r, i) => {
    if (ids.has(r.id)) problems.push(`responses.${i}.id: "${r.id}" is used twice`);
    ids.add(r.id);
  });
  if (record.preference) {
    const { chosen, rejected } = record.preference;
    if (!ids.has(chosen)) problems.push(`preference.chosen: "${chosen}" is not a response id`);
    if (!ids.has(rejected)) problems.push(`preference.rejected: "${rejected}" is not a response id`);
    if (chosen === rejected) problems.push('preference: chosen and rejected must be different responses');
  }
  return problems;
}

/** The JSON Schema of one line, as committed in docs/healthrubrics.schema.json. */
export function healthRubricsJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(HealthRubricsRecordSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://clinrevise.local/docs/healthrubrics.schema.json',
    description:
      'One line of a HealthRubrics JSONL v1 file (ClinRevise). Generated from HealthRubricsRecordSchema in src/lib/core/rubrics/record.ts; do not edit by hand. Rules that span fields are in docs/healthrubrics-format.md.',
    ...json,
  };
}
