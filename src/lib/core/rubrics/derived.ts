// The two formats trainers and evaluators read, derived from verified HealthRubrics records:
// TRL's conversational preference pairs (DPO) and HealthBench JSONL (a clinic's own evaluation set).

import type { HealthBenchExample } from '../healthbench/format';
import type { HealthRubricsRecord } from './record';

/** One preference pair in TRL's conversational layout, with both answers' scores under the verified rubric. */
export interface PreferencePair {
  prompt: { role: 'system' | 'user' | 'assistant'; content: string }[];
  chosen: [{ role: 'assistant'; content: string }];
  rejected: [{ role: 'assistant'; content: string }];
  score_chosen: number | null;
  score_rejected: number | null;
}

/** Why a record yields no line in a derived export. */
export type SkipReason = 'not_verified' | 'no_preference' | 'tie';

export type Derived<T> = { ok: true; value: T } | { ok: false; reason: SkipReason };

/** The record's preference as a TRL pair; drafts, records without a preference and ties give none. */
export function toPreferencePair(record: HealthRubricsRecord): Derived<PreferencePair> {
  if (!record.verified_at) return { ok: false, reason: 'not_verified' };
  const pref = record.preference;
  if (!pref) return { ok: false, reason: 'no_preference' };
  if (pref.tie) return { ok: false, reason: 'tie' };
  const chosen = record.responses.find((r) => r.id === pref.chosen)!;
  const rejected = record.responses.find((r) => r.id === pref.rejected)!;
  return {
    ok: true,
    value: {
      prompt: record.prompt.map(({ role, content }) => ({ role, content })),
      chosen: [{ role: 'assistant', content: chosen.content }],
      rejected: [{ role: 'assistant', content: rejected.content }],
      score_chosen: chosen.score,
      score_rejected: rejected.score,
    },
  };
}

/** Example-level tag every derived HealthBench example carries, naming where it came from. */
export const HEALTHRUBRICS_EXAMPLE_TAG = 'source:healthrubrics';

/**
 * The verified rubric as a HealthBench example: the record id as prompt_id, the items with their
 * tags (axis, principle, origin — rubric-level tags, scored per tag as HealthBench does). Drafts give none.
 */
export function toHealthBenchExample(record: HealthRubricsRecord): Derived<HealthBenchExample> {
  if (!record.verified_at) return { ok: false, reason: 'not_verified' };
  return {
    ok: true,
    value: {
      prompt_id: record.id,
      prompt: record.prompt.map(({ role, content }) => ({ role, content })),
      rubrics: record.rubric.map(({ criterion, points, tags }) => ({ criterion, points, tags: [...tags] })),
      example_tags: [HEALTHRUBRICS_EXAMPLE_TAG],
    },
  };
}
