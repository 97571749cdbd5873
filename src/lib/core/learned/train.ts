// Training the learned relevance model from labelled questions (tests/fixtures/relevance-labels.json
// in this repository; a clinic's own labelled pools the same way). Deterministic: the same rows in
// the same order give the same model. The settings were chosen on heldout42/43 (then unseen by the
// rules as well) among a handful of values, before the parts that measure the shipped model existed.
import { hashedFeatures } from './features';
import { trainLogistic, trainSoftmax, type TrainOptions } from './linear';
import { LEARNED_DIMENSIONS, type LearnedDimension, type LearnedRelevance, type LearnedSoftmax } from './model';
import { SCENARIO_VALUES, type Scenario } from '../types';

/** A question with its labelled scenario values (the ones the model learns). */
export type ScenarioLabelled = { readonly question: string } & Pick<Scenario, LearnedDimension>;

export type LabelledQuestion = ScenarioLabelled & {
  /** The principles that must be in the pool. */
  readonly must: readonly string[];
};

export interface TrainInput {
  readonly rows: readonly LabelledQuestion[];
  /**
   * Questions labelled for their scenario only (tests/fixtures/scenario-labels.json's dev part): short,
   * plain questions, unlike the relevance sets' long ones, so the softmaxes learn both kinds.
   */
  readonly scenarioRows?: readonly ScenarioLabelled[];
  /** Names what scenarioRows are (recorded in the model). */
  readonly scenarioParts?: readonly string[];
  /** Presentation-specific principles: these enter by trigger, never by the learned prior. */
  readonly presentationIds: ReadonlySet<string>;
  readonly parts: readonly string[];
  readonly libraryVersion: string;
}

/** 8,192 buckets: fewer lost accuracy to collisions, more did not gain on unseen questions. */
export const LEARNED_BITS = 13;
/**
 * Weaker penalties fitted the relevance sets' long questions better and read short plain ones worse
 * (scenario-labels' held-out part); this one, with RULES_WEIGHT = 2, was the best on both.
 */
const SCENARIO_TRAINING: Omit<TrainOptions, 'buckets'> = { l2: 1e-4, iterations: 300, learningRate: 0.05 };
const POOL_TRAINING: Omit<TrainOptions, 'buckets'> = { l2: 1e-3, iterations: 40, learningRate: 0.2 };
/** A principle labelled a must-have fewer times than this has too few examples to learn from. */
export const POOL_MIN_POSITIVES = 3;

export function trainLearnedRelevance(input: TrainInput): LearnedRelevance {
  const buckets = 1 << LEARNED_BITS;
  const rows = input.rows.map((r) => hashedFeatures(r.question, LEARNED_BITS));
  const scenarioOnly = input.scenarioRows ?? [];
  const scenarioX = [...rows, ...scenarioOnly.map((r) => hashedFeatures(r.question, LEARNED_BITS))];
  const labelled: readonly ScenarioLabelled[] = [...input.rows, ...scenarioOnly];
  const softmaxFor = (dimension: LearnedDimension): LearnedSoftmax => {
    const classes: readonly string[] = SCENARIO_VALUES[dimension];
    return { classes, weights: trainSoftmax(scenarioX, labelled.map((r) => classes.indexOf(r[dimension])), classes.length, { ...SCENARIO_TRAINING, buckets }) };
  };
  const scenario = Object.fromEntries(LEARNED_DIMENSIONS.map((d) => [d, softmaxFor(d)])) as Record<LearnedDimension, LearnedSoftmax>;
  const counts = new Map<string, number>();
  for (const r of input.rows) for (const id of new Set(r.must)) if (!input.presentationIds.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const poolIds = [...counts].filter(([, n]) => n >= POOL_MIN_POSITIVES).map(([id]) => id).sort();
  const slot = new Map(poolIds.map((id, k) => [id, k]));
  const positives = input.rows.map((r) => new Set(r.must.flatMap((id) => (slot.has(id) ? [slot.get(id)!] : []))));
  const pool = trainLogistic(rows, positives, poolIds.length, { ...POOL_TRAINING, buckets });
  return {
    bits: LEARNED_BITS,
    trainedOn: { parts: input.parts, questions: input.rows.length, library: input.libraryVersion, scenarioParts: input.scenarioParts ?? [], scenarioQuestions: scenarioOnly.length },
    scenario,
    poolIds,
    pool,
  };
}

/** The labelled questions of the named parts of a relevance-label file (tests/fixtures/relevance-labels.json's shape). */
export function labelledRows(file: Readonly<Record<string, unknown>>, parts: readonly string[]): LabelledQuestion[] {
  return parts.flatMap((part) => {
    const rows = file[part];
    if (!Array.isArray(rows)) throw new Error(`relevance labels: no part "${part}"`);
    return rows.map((r: LabelledQuestion) => ({ question: r.question, urgency: r.urgency, expertise: r.expertise, task_type: r.task_type, must: r.must }));
  });
}
