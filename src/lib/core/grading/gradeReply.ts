// The batched grading reply. The engine is asked for one entry per rubric item, in order:
// {"met":["call 999 now",false,…]} — a quote from the answer when the item is met (true when
// nothing can be quoted), false when it is not. Every item is still judged met or not met, as
// HealthBench grades; what goes is the id keys and the [met, ""] pairs of unmet items, which were
// most of the decoded tokens. The older keyed form {"R1":[true,"quote"],…} is still read.

import { z } from 'zod';
import { batchedGradeSchema } from '../schemas';

/** Longest evidence quote a constrained engine may write (EVIDENCE_WORDS words fit easily). */
export const EVIDENCE_MAX_CHARS = 100;

/** Words a verdict string may be instead of a quote, read as a bare met / not met. */
const NOT_MET = new Set(['false', 'no', 'not met', 'not_met', 'unmet', '']);
const MET = new Set(['true', 'yes', 'met']);

/** One positional verdict as [met, evidence]: a quote means met; false (or a "no") means not met. */
function verdictPair(value: unknown): unknown {
  if (typeof value === 'boolean') return [value, ''];
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (NOT_MET.has(word)) return [false, ''];
    if (MET.has(word)) return [true, ''];
    return [true, value];
  }
  return value;
}

/** The verdict list of a positional reply ({"met":[…]}, {"verdicts":[…]} or a bare list); null for any other shape. */
function verdictList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const list = o.met ?? o.verdicts;
  return Array.isArray(list) ? list : null;
}

/**
 * Validates a batched grading reply in either form; the output is keyed by item id, [met, evidence].
 * A positional reply is read as the keyed one, so both forms share one validation.
 */
export function gradeReplySchema(ids: readonly string[]) {
  const keyed = batchedGradeSchema(ids);
  return z.unknown().transform((value, ctx): z.output<typeof keyed> => {
    const list = verdictList(value);
    if (list && list.length !== ids.length) {
      ctx.addIssue({ code: 'custom', message: `give exactly ${ids.length} verdicts, one per item (got ${list.length})` });
      return z.NEVER;
    }
    const parsed = keyed.safeParse(list ? Object.fromEntries(ids.map((id, i) => [id, verdictPair(list[i])])) : value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data;
  });
}

/** The JSON Schema sent to the engine: exactly one verdict per item, each false, true or a short quote. */
export function gradeReplyJsonSchema(items: number): Record<string, unknown> {
  const verdict = { anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1, maxLength: EVIDENCE_MAX_CHARS }] };
  return {
    type: 'object',
    properties: { met: { type: 'array', prefixItems: Array.from({ length: items }, () => verdict), minItems: items, maxItems: items } },
    required: ['met'],
    additionalProperties: false,
  };
}

/** Verdicts in the positional form, as the grader writes them (for rebuilding a thread on resume). */
export function formatVerdicts(grades: readonly { met: boolean; evidence: string }[]): string {
  return JSON.stringify({ met: grades.map((g) => (g.met ? g.evidence.trim() || true : false)) });
}
