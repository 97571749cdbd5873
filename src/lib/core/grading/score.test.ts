import { describe, expect, it } from 'vitest';
import { aggregateScores, scoreAnswer } from './score';
import type { Grade, RubricItem } from '../types';

const rubric: RubricItem[] = [
  { id: 'R1', criterion: 'a', points: 8, axis: 'accuracy', principle_id: null },
  { id: 'R2', criterion: 'b', points: 2, axis: 'completeness', principle_id: null },
  { id: 'R3', criterion: 'c', points: -5, axis: 'accuracy', principle_id: null },
];
const grades = (met: boolean[]): Grade[] => met.map((m, i) => ({ item_id: `R${i + 1}`, met: m, evidence: '' }));

describe('scoreAnswer (HealthBench)', () => {
  it('divides points earned by positive points available', () => {
    expect(scoreAnswer(rubric, grades([true, false, false]))).toBeCloseTo(0.8);
    expect(scoreAnswer(rubric, grades([true, true, false]))).toBe(1);
  });

  it('subtracts a negative item when the bad behaviour is present, and can go below zero', () => {
    expect(scoreAnswer(rubric, grades([true, true, true]))).toBeCloseTo(0.5);
    expect(scoreAnswer(rubric, grades([false, false, true]))).toBeCloseTo(-0.5);
  });

  it('is null when nothing positive can be earned', () => {
    expect(scoreAnswer([rubric[2]!], grades([true]))).toBeNull();
  });
});

describe('aggregateScores', () => {
  it('clips the mean to [0, 1] and reports a bootstrap spread', () => {
    const agg = aggregateScores([-0.5, -0.2, 0.1]);
    expect(agg.score).toBe(0);
    expect(aggregateScores([1, 1, 1]).stdDev).toBe(0);
    const mixed = aggregateScores([0, 1, 0, 1]);
    expect(mixed.score).toBe(0.5);
    expect(mixed.stdDev).toBeGreaterThan(0.1);
    expect(mixed.stdDev).toBeLessThan(0.4);
  });
});
