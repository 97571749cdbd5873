// HealthBench scoring (openai/simple-evals, healthbench_eval.py), restated:
// an answer's score is the sum of points of the criteria met (a negative criterion is "met" when the
// bad behaviour is present) divided by the sum of positive points. Aggregates clip the mean to [0, 1].

import { seededRandom } from '../random';
import type { Grade, RubricItem } from '../types';

/**
 * Score of one graded answer. Unclipped: it can be negative (harmful content) and never exceeds 1.
 * Returns null when the rubric has no positive points (nothing to score against).
 */
export function scoreAnswer(rubric: readonly RubricItem[], grades: readonly Grade[]): number | null {
  const possible = rubric.reduce((sum, item) => (item.points > 0 ? sum + item.points : sum), 0);
  if (possible <= 0) return null;
  const metById = new Map(grades.map((g) => [g.item_id, g.met]));
  const achieved = rubric.reduce((sum, item) => (metById.get(item.id) ? sum + item.points : sum), 0);
  return achieved / possible;
}

export interface AggregateScore {
  /** Mean of per-answer scores, clipped to [0, 1]. */
  score: number;
  /** Bootstrap standard deviation of that clipped mean. */
  stdDev: number;
  n: number;
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

/** Aggregates per-answer scores the HealthBench way: clipped mean with bootstrap standard deviation. */
export function aggregateScores(scores: readonly number[], samples = 1000, seed = 1): AggregateScore {
  const n = scores.length;
  if (n === 0) return { score: 0, stdDev: 0, n: 0 };
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const random = seededRandom(seed);
  const boot: number[] = [];
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scores[Math.floor(random() * n)] ?? 0;
    boot.push(clip01(sum / n));
  }
  const bootMean = mean(boot);
  const variance = boot.reduce((acc, x) => acc + (x - bootMean) ** 2, 0) / boot.length;
  return { score: clip01(mean(scores)), stdDev: Math.sqrt(variance), n };
}
