// Scoring a scenario classifier against hand-labelled questions, per dimension, for the unit test
// that holds the rule-based classifier to its floors and the bench that reports its accuracy.

import { DIMENSIONS, type Dimension, type Scenario } from '../types';

export interface LabelledQuestion extends Scenario {
  question: string;
}

export interface ScenarioAccuracy {
  n: number;
  /** Exact agreement per dimension (0…1). */
  exact: Record<Dimension, number>;
  /** Urgency as the safety question: emergent/urgent versus routine/not applicable. */
  urgencyBinary: number;
  /** The questions classified wrongly, per dimension, with what was expected and what came out. */
  misses: Record<Dimension, { question: string; expected: string; got: string }[]>;
}

const needsCare = (u: Scenario['urgency']) => u === 'emergent' || u === 'urgent';

/** Runs `classify` on every labelled question and scores it per dimension. */
export function scenarioAccuracy(rows: readonly LabelledQuestion[], classify: (q: string) => Scenario): ScenarioAccuracy {
  const misses = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as ScenarioAccuracy['misses'];
  let binaryRight = 0;
  for (const row of rows) {
    const got = classify(row.question);
    for (const dim of DIMENSIONS) {
      if (got[dim] !== row[dim]) misses[dim].push({ question: row.question, expected: row[dim], got: got[dim] });
    }
    if (needsCare(got.urgency) === needsCare(row.urgency)) binaryRight++;
  }
  const n = rows.length;
  const exact = Object.fromEntries(DIMENSIONS.map((d) => [d, n ? (n - misses[d].length) / n : 0])) as Record<Dimension, number>;
  return { n, exact, urgencyBinary: n ? binaryRight / n : 0, misses };
}
