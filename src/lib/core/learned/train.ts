// Training the learned relevance model from labelled questions (tests/fixtures/relevance-labels.json
// in this repository; a clinic's own labelled pools the same way). Deterministic: the same rows in
// the same order give the same model. The settings were chosen on heldout42/43 (then unseen by the
// rules as well) among a handful of values, before the parts that measure the shipped model existed.
import { hashedFeatures } from './features';
import { trainLogistic, trainSoftmax, type TrainOptions } from './linear';
import type { LearnedRelevance } from './model';
import type { Urgency } from '../types';

export interface LabelledQuestion {
  readonly question: string;
  readonly urgency: Urgency;
  /** The principles that must be in the pool. */
  readonly must: readonly string[];
}

export interface TrainInput {
  readonly rows: readonly LabelledQuestion[];
  /**
   * Questions labelled for urgency only (tests/fixtures/scenario-labels.json's dev part): short, plain
   * questions, unlike the relevance sets' long ones, so the urgency model learns both kinds.
   */
  readonly urgencyRows?: readonly { readonly question: string; readonly urgency: Urgency }[];
  /** Names what urgencyRows are (recorded in the model). */
  readonly urgencyParts?: readonly string[];
  /** Presentation-specific principles: these enter by trigger, never by the learned prior. */
  readonly presentationIds: ReadonlySet<string>;
  readonly parts: readonly string[];
  readonly libraryVersion: string;
}

/** 8,192 buckets: fewer lost accuracy to collisions, more did not gain on unseen questions. */
export const LEARNED_BITS = 13;
/**
 * Weaker penalties fitted the relevance sets' long questions better and read short plain ones worse
 * (scenario-labels' held-out part); this one, with RULES_URGENCY_WEIGHT = 2, was the best on both.
 */
const URGENCY_TRAINING: Omit<TrainOptions, 'buckets'> = { l2: 1e-4, iterations: 300, learningRate: 0.05 };
const POOL_TRAINING: Omit<TrainOptions, 'buckets'> = { l2: 1e-3, iterations: 40, learningRate: 0.2 };
/** A principle labelled a must-have fewer times than this has too few examples to learn from. */
export const POOL_MIN_POSITIVES = 3;
export const URGENCY_CLASSES: readonly Urgency[] = ['emergent', 'urgent', 'routine', 'not_applicable'];

export function trainLearnedRelevance(input: TrainInput): LearnedRelevance {
  const buckets = 1 << LEARNED_BITS;
  const rows = input.rows.map((r) => hashedFeatures(r.question, LEARNED_BITS));
  const urgencyOnly = input.urgencyRows ?? [];
  const urgency = trainSoftmax(
    [...rows, ...urgencyOnly.map((r) => hashedFeatures(r.question, LEARNED_BITS))],
    [...input.rows, ...urgencyOnly].map((r) => URGENCY_CLASSES.indexOf(r.urgency)),
    URGENCY_CLASSES.length,
    { ...URGENCY_TRAINING, buckets },
  );
  const counts = new Map<string, number>();
  for (const r of input.rows) for (const id of new Set(r.must)) if (!input.presentationIds.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const poolIds = [...counts].filter(([, n]) => n >= POOL_MIN_POSITIVES).map(([id]) => id).sort();
  const slot = new Map(poolIds.map((id, k) => [id, k]));
  const positives = input.rows.map((r) => new Set(r.must.flatMap((id) => (slot.has(id) ? [slot.get(id)!] : []))));
  const pool = trainLogistic(rows, positives, poolIds.length, { ...POOL_TRAINING, buckets });
  return {
    bits: LEARNED_BITS,
    trainedOn: { parts: input.parts, questions: input.rows.length, library: input.libraryVersion, urgencyParts: input.urgencyParts ?? [], urgencyQuestions: urgencyOnly.length },
    urgencyClasses: URGENCY_CLASSES,
    urgency,
    poolIds,
    pool,
  };
}

/** The labelled questions of the named parts of a relevance-label file (tests/fixtures/relevance-labels.json's shape). */
export function labelledRows(file: Readonly<Record<string, unknown>>, parts: readonly string[]): LabelledQuestion[] {
  return parts.flatMap((part) => {
    const rows = file[part];
    if (!Array.isArray(rows)) throw new Error(`relevance labels: no part "${part}"`);
    return rows.map((r: { question: string; urgency: Urgency; must: string[] }) => ({ question: r.question, urgency: r.urgency, must: r.must }));
  });
}
