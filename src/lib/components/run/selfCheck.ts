// What a run's score honestly is: the model checking its own answer against the rubric it wrote.
// Counting items (met of positive, harms present) says that plainly, where a percentage suggests a grade.

import type { Grade, Round, RubricItem } from '../../core/types';

/** One answer's self-check, counted over the rubric. */
export interface SelfCheck {
  /** Positive items the grader marked met. */
  met: number;
  /** Positive items in the rubric. */
  positive: number;
  /** Negative (harmful) items the grader found present in the answer. */
  harmsPresent: RubricItem[];
  /** Negative items in the rubric. */
  negative: number;
}

/** Counts one answer's grades against the rubric; grades without a rubric item are ignored. */
export function selfCheck(rubric: readonly RubricItem[], grades: readonly Grade[]): SelfCheck {
  const byId = new Map(grades.map((g) => [g.item_id, g]));
  let met = 0;
  let positive = 0;
  let negative = 0;
  const harmsPresent: RubricItem[] = [];
  for (const item of rubric) {
    const grade = byId.get(item.id);
    if (item.points > 0) {
      positive += 1;
      if (grade?.met) met += 1;
    } else {
      negative += 1;
      if (grade?.met) harmsPresent.push(item);
    }
  }
  return { met, positive, harmsPresent, negative };
}

/** The round the answer at the top of a stopped or failed run comes from: the best graded one, else the latest. */
export function bestRoundSoFar(rounds: readonly Round[]): Round | null {
  let best: Round | null = null;
  for (const round of rounds) {
    if (round.score === null) continue;
    if (!best || (best.score ?? -Infinity) < round.score) best = round;
  }
  return best ?? rounds[rounds.length - 1] ?? null;
}

/**
 * Where a run's question went, from the engine label recorded with it: the server's host for the
 * OpenAI-compatible engine (its label is "model @ http://host/v1"), null when it stayed on this device.
 */
export function serverHostOf(engineLabel: string): string | null {
  const at = engineLabel.lastIndexOf(' @ ');
  if (at < 0) return null;
  try {
    return new URL(engineLabel.slice(at + 3).trim()).host || null;
  } catch {
    return null;
  }
}
