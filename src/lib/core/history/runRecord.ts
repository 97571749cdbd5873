// Reading a stored run for display. A record written by an older build, damaged on disk or imported
// by hand may miss fields or repeat ids (which keyed lists cannot render): keep every part that is
// valid, set aside what is not, and say which parts were set aside — never blank the whole view.

import type { z } from 'zod';
import type { Run } from '../types';
import { RunRecordSchema } from './runFile';

/** The parts of a run record that can be set aside on their own. */
export type RunRecordPart =
  | 'question'
  | 'context'
  | 'dates'
  | 'status'
  | 'options'
  | 'engine'
  | 'scenario'
  | 'pool'
  | 'rubric'
  | 'rounds'
  | 'final'
  | 'step'
  | 'failure'
  | 'usage';

/** A run as it can be shown, and the parts of the stored record that were dropped or repaired. */
export interface CheckedRun {
  run: Run;
  /** Empty when the record was valid as stored. */
  repaired: RunRecordPart[];
}

const shape = RunRecordSchema.shape;
type Shape = typeof shape;

/** The field's value when it is valid, else undefined. */
function valid<K extends keyof Shape>(record: Record<string, unknown>, key: K): z.infer<Shape[K]> | undefined {
  const parsed = shape[key].safeParse(record[key]);
  return parsed.success ? (parsed.data as z.infer<Shape[K]>) : undefined;
}

/** The valid elements of an array field, each id kept once (the first wins); `dropped` when any went. */
function validList<T>(value: unknown, element: z.ZodType<T>, key: (item: T) => string | number): { items: T[]; dropped: boolean } {
  if (!Array.isArray(value)) return { items: [], dropped: true };
  const seen = new Set<string | number>();
  const items: T[] = [];
  for (const raw of value) {
    const parsed = element.safeParse(raw);
    if (!parsed.success) continue;
    const id = key(parsed.data);
    if (seen.has(id)) continue;
    seen.add(id);
    items.push(parsed.data);
  }
  return { items, dropped: items.length !== value.length };
}

/**
 * Checks a stored run and repairs what can be repaired: invalid fields take their empty value,
 * invalid or repeated list entries are dropped. Null only when the record has no usable id.
 */
export function checkRunRecord(value: unknown): CheckedRun | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const whole = RunRecordSchema.safeParse(value);
  const repaired = new Set<RunRecordPart>();
  const id = valid(record, 'id');
  if (id === undefined) return null;

  const pool = validList(record.pool, shape.pool.element, (e) => e.id);
  const rubric = validList(record.rubric, shape.rubric.element, (e) => e.id);
  const roundSchema = shape.rounds.element;
  const rounds = validList(record.rounds, roundSchema, (r) => r.index);
  const roundsWithUniqueGrades = rounds.items.map((r) => {
    const grades = validList(r.grades, roundSchema.shape.grades.element, (g) => g.item_id);
    if (grades.dropped) repaired.add('rounds');
    return { ...r, grades: grades.items };
  });
  if (whole.success && !pool.dropped && !rubric.dropped && !rounds.dropped && repaired.size === 0) {
    // The stored object itself, not zod's copy: fields this schema does not know yet stay visible.
    return { run: value as Run, repaired: [] };
  }
  if (pool.dropped) repaired.add('pool');
  if (rubric.dropped) repaired.add('rubric');
  if (rounds.dropped) repaired.add('rounds');

  /** The stored field when valid (absent optional fields stay absent); else the fallback, noting the part. */
  const pick = <K extends keyof Shape, F>(key: K, part: RunRecordPart, fallback: F): z.infer<Shape[K]> | F => {
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) return parsed.data as z.infer<Shape[K]>;
    repaired.add(part);
    return fallback;
  };
  const createdAt = pick('createdAt', 'dates', 0);
  const run: Run = {
    ...(record as object),
    id,
    question: pick('question', 'question', ''),
    ...(record.context !== undefined ? { context: pick('context', 'context', []) ?? [] } : {}),
    createdAt,
    updatedAt: pick('updatedAt', 'dates', createdAt),
    status: pick('status', 'status', 'failed'),
    options: pick('options', 'options', { rounds: 0, targetScore: 1, poolSize: 0 }),
    engineLabel: pick('engineLabel', 'engine', ''),
    scenario: pick('scenario', 'scenario', null),
    scenarioSource: pick('scenarioSource', 'scenario', null),
    rubricSource: pick('rubricSource', 'rubric', null),
    pool: pool.items,
    rubric: rubric.items,
    rounds: roundsWithUniqueGrades,
    final: pick('final', 'final', null),
    currentStep: pick('currentStep', 'step', null),
    failure: pick('failure', 'failure', null),
    ...(record.usage !== undefined ? { usage: pick('usage', 'usage', undefined) } : {}),
  };
  if (run.usage === undefined) delete run.usage;
  return { run, repaired: [...repaired] };
}
