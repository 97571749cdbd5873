// HealthBench scoring as openai/simple-evals' healthbench_eval.py defines it, restated for our data:
// per example, per tag, and the clipped-mean aggregates with bootstrap spread and paired differences.

import { seededRandom } from '../random';
import type { HealthBenchRubricItem } from '../healthbench/format';

/** One rubric item with the grader's verdict. For a negative item, `met` = the bad behaviour is present. */
export interface ItemVerdict extends HealthBenchRubricItem {
  met: boolean;
}

/**
 * Σ points of met items ÷ Σ positive points, or null when no item has positive points.
 * Negative items subtract when met, so a score can be below 0; it never exceeds 1.
 */
export function rubricScore(items: readonly ItemVerdict[]): number | null {
  let possible = 0;
  let achieved = 0;
  for (const item of items) {
    if (item.points > 0) possible += item.points;
    if (item.met) achieved += item.points;
  }
  return possible > 0 ? achieved / possible : null;
}

/** The scores one graded example contributes: its overall score and one value per tag it carries. */
export interface ExampleScores {
  overall: number;
  /**
   * Example-level tags (`theme:…`) take the overall score; rubric-level tags (`axis:…`, `level:…`)
   * are scored over their own items and left out when those items have no positive points.
   */
  tags: Record<string, number>;
}

/** Scores one example from its verdicts (in rubric order). Throws when nothing is scorable. */
export function scoreExample(exampleTags: readonly string[], items: readonly ItemVerdict[]): ExampleScores {
  const overall = rubricScore(items);
  if (overall === null) throw new Error('The example has no positive rubric item, so it cannot be scored.');
  const tags: Record<string, number> = {};
  for (const tag of exampleTags) tags[tag] = overall;
  const byTag = new Map<string, ItemVerdict[]>();
  for (const item of items) {
    for (const tag of new Set(item.tags)) {
      const list = byTag.get(tag) ?? [];
      list.push(item);
      byTag.set(tag, list);
    }
  }
  for (const [tag, tagged] of byTag) {
    const score = rubricScore(tagged);
    if (score !== null) tags[tag] = score;
  }
  return { overall, tags };
}

/** A clipped-mean aggregate: HealthBench's reported number with its bootstrap standard deviation. */
export interface Aggregate {
  score: number;
  bootstrap_std: number;
  n: number;
}

export const BOOTSTRAP_SAMPLES = 1000;
/** The default seed, so the same results always give the same spread. */
export const BOOTSTRAP_SEED = 20250507;

const clip01 = (x: number) => Math.min(1, Math.max(0, x));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Mean clipped to [0, 1]; bootstrap std = population standard deviation of the clipped means of
 * `samples` resamples (with replacement, same size) — as simple-evals computes it.
 */
export function clippedAggregate(values: readonly number[], samples = BOOTSTRAP_SAMPLES, seed = BOOTSTRAP_SEED): Aggregate {
  const n = values.length;
  if (n === 0) return { score: 0, bootstrap_std: 0, n: 0 };
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means.push(clip01(sum / n));
  }
  const m = mean(means);
  const variance = means.reduce((acc, x) => acc + (x - m) ** 2, 0) / means.length;
  return { score: clip01(mean(values)), bootstrap_std: Math.sqrt(variance), n };
}

/** Overall and per-tag aggregates of one mode's results. */
export interface ModeReport {
  overall: Aggregate;
  /** Every tag seen, sorted by name; each over the examples that have a value for it. */
  tags: Record<string, Aggregate>;
}

/** Aggregates scored examples the way simple-evals does: each tag over the examples carrying it. */
export function aggregateExamples(examples: readonly ExampleScores[], samples = BOOTSTRAP_SAMPLES, seed = BOOTSTRAP_SEED): ModeReport {
  const byTag = new Map<string, number[]>();
  for (const e of examples) {
    for (const [tag, value] of Object.entries(e.tags)) {
      const list = byTag.get(tag) ?? [];
      list.push(value);
      byTag.set(tag, list);
    }
  }
  const tags: Record<string, Aggregate> = {};
  for (const tag of [...byTag.keys()].sort()) tags[tag] = clippedAggregate(byTag.get(tag)!, samples, seed);
  return { overall: clippedAggregate(examples.map((e) => e.overall), samples, seed), tags };
}

/** Linear-interpolated quantile of sorted values (numpy's default method). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Revised − plain on the same examples, with a paired-bootstrap 95% interval. */
export interface PairedDifference {
  /** Clipped mean of revised minus clipped mean of plain, over the paired examples. */
  mean: number;
  ci95: [number, number];
  n: number;
}

/**
 * The paired difference of two score lists aligned by example (plain[i] and revised[i] answer the
 * same example). Each resample draws example indices once and uses them for both modes, so the
 * interval reflects the per-example pairing, not two independent spreads.
 */
export function pairedDifference(
  plain: readonly number[],
  revised: readonly number[],
  samples = BOOTSTRAP_SAMPLES,
  seed = BOOTSTRAP_SEED,
): PairedDifference {
  if (plain.length !== revised.length) throw new Error('paired scores must have the same length');
  const n = plain.length;
  if (n === 0) return { mean: 0, ci95: [0, 0], n: 0 };
  const random = seededRandom(seed);
  const diffs: number[] = [];
  for (let s = 0; s < samples; s++) {
    let sp = 0;
    let sr = 0;
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      sp += plain[k]!;
      sr += revised[k]!;
    }
    diffs.push(clip01(sr / n) - clip01(sp / n));
  }
  diffs.sort((a, b) => a - b);
  return { mean: clip01(mean(revised)) - clip01(mean(plain)), ci95: [quantile(diffs, 0.025), quantile(diffs, 0.975)], n };
}
