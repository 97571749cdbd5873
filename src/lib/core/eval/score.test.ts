import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { csvField, resultsCsv } from './export';
import { aggregateExamples, clippedAggregate, pairedDifference, quantile, rubricScore, scoreExample, type ItemVerdict } from './score';

const item = (points: number, met: boolean, ...tags: string[]): ItemVerdict => ({ criterion: `c${points}`, points, met, tags });

// Three examples with known verdicts; expected numbers are worked out by hand in the comments.
const A = {
  tags: ['theme:hedging'],
  items: [item(5, true, 'axis:accuracy'), item(3, false, 'axis:completeness'), item(-4, true, 'axis:accuracy'), item(2, true, 'axis:communication_quality', 'level:cluster')],
};
// overall (5 − 4 + 2) / (5 + 3 + 2) = 0.3; accuracy (5 − 4)/5 = 0.2; completeness 0/3; communication 2/2; level:cluster 2/2
const B = {
  tags: ['theme:emergency_referrals'],
  items: [item(4, true, 'axis:accuracy'), item(-6, true, 'axis:completeness'), item(6, false, 'axis:context_awareness')],
};
// overall (4 − 6)/(4 + 6) = −0.2; accuracy 1; context_awareness 0; completeness has no positive item → absent
const C = { tags: ['theme:hedging', 'physician_agreed_category:enough-context'], items: [item(10, true, 'axis:accuracy')] };
// overall 1; accuracy 1

describe('scoreExample (simple-evals semantics)', () => {
  it('scores an example with negative items and per-tag scores', () => {
    const a = scoreExample(A.tags, A.items);
    expect(a.overall).toBeCloseTo(0.3, 12);
    expect(a.tags['theme:hedging']).toBeCloseTo(0.3, 12);
    expect(a.tags['axis:accuracy']).toBeCloseTo(0.2, 12);
    expect(a.tags['axis:completeness']).toBe(0);
    expect(a.tags['axis:communication_quality']).toBe(1);
    expect(a.tags['level:cluster']).toBe(1);
  });

  it('lets a score go negative and skips a tag without positive points', () => {
    const b = scoreExample(B.tags, B.items);
    expect(b.overall).toBeCloseTo(-0.2, 12);
    expect(b.tags['theme:emergency_referrals']).toBeCloseTo(-0.2, 12);
    expect(b.tags['axis:accuracy']).toBe(1);
    expect(b.tags['axis:context_awareness']).toBe(0);
    expect('axis:completeness' in b.tags).toBe(false);
  });

  it('a negative item that is not met costs nothing', () => {
    expect(rubricScore([item(4, true), item(-5, false), item(4, false)])).toBe(0.5);
  });

  it('returns null (tags) or throws (examples) when nothing has positive points', () => {
    expect(rubricScore([item(-3, true)])).toBeNull();
    expect(() => scoreExample([], [item(-3, false)])).toThrow(/no positive rubric item/);
  });

  it('counts a tag repeated on one item once', () => {
    expect(scoreExample([], [item(2, true, 'axis:accuracy', 'axis:accuracy'), item(2, false, 'axis:accuracy')]).tags['axis:accuracy']).toBe(0.5);
  });
});

describe('aggregates', () => {
  const scored = [scoreExample(A.tags, A.items), scoreExample(B.tags, B.items), scoreExample(C.tags, C.items)];

  it('means each tag over the examples carrying it, matching a hand computation to 1e-9', () => {
    const report = aggregateExamples(scored);
    expect(Math.abs(report.overall.score - (0.3 - 0.2 + 1) / 3)).toBeLessThan(1e-9);
    expect(report.overall.n).toBe(3);
    expect(Math.abs(report.tags['theme:hedging']!.score - (0.3 + 1) / 2)).toBeLessThan(1e-9);
    expect(report.tags['theme:hedging']!.n).toBe(2);
    expect(Math.abs(report.tags['axis:accuracy']!.score - (0.2 + 1 + 1) / 3)).toBeLessThan(1e-9);
    expect(report.tags['axis:completeness']).toMatchObject({ score: 0, n: 1 });
    expect(report.tags['physician_agreed_category:enough-context']).toMatchObject({ score: 1, n: 1 });
    // The emergency theme's only example scored −0.2: clipped to 0.
    expect(report.tags['theme:emergency_referrals']).toMatchObject({ score: 0, n: 1 });
    expect(Object.keys(report.tags)).toEqual([...Object.keys(report.tags)].sort());
  });

  it('clips the mean to [0, 1] after averaging, not per example', () => {
    expect(clippedAggregate([-0.5, 0.2]).score).toBe(0);
    expect(Math.abs(clippedAggregate([-0.2, 0.6]).score - 0.2)).toBeLessThan(1e-9);
  });

  it('bootstrap std equals an independent resampling with the same seed (population std of clipped means)', () => {
    const values = [0.3, -0.2, 1, 0.5, 0.75, -0.4, 0.1];
    const seed = 7;
    const random = seededRandom(seed);
    const means: number[] = [];
    for (let s = 0; s < 1000; s++) {
      const sample = values.map(() => values[Math.floor(random() * values.length)]!);
      means.push(Math.min(1, Math.max(0, sample.reduce((a, b) => a + b) / sample.length)));
    }
    const mu = means.reduce((a, b) => a + b) / means.length;
    const std = Math.sqrt(means.map((m) => (m - mu) ** 2).reduce((a, b) => a + b) / means.length);
    expect(Math.abs(clippedAggregate(values, 1000, seed).bootstrap_std - std)).toBeLessThan(1e-9);
  });

  it('bootstrap std is 0 for identical scores and close to σ/√n for many', () => {
    expect(clippedAggregate([0.4, 0.4, 0.4]).bootstrap_std).toBeLessThan(1e-12);
    const values = Array.from({ length: 400 }, (_, i) => (i % 2 ? 0.8 : 0.2)); // σ = 0.3
    expect(clippedAggregate(values).bootstrap_std).toBeGreaterThan(0.3 / 20 * 0.85);
    expect(clippedAggregate(values).bootstrap_std).toBeLessThan(0.3 / 20 * 1.15);
  });

  it('is reproducible: the same values give the same std', () => {
    expect(clippedAggregate([0.1, 0.9, 0.5]).bootstrap_std).toBe(clippedAggregate([0.1, 0.9, 0.5]).bootstrap_std);
  });
});

describe('pairedDifference', () => {
  it('a constant improvement gives that difference with a zero-width interval', () => {
    const plain = [0.1, 0.2, 0.3, 0.4];
    const d = pairedDifference(plain, plain.map((x) => x + 0.1));
    expect(Math.abs(d.mean - 0.1)).toBeLessThan(1e-9);
    expect(Math.abs(d.ci95[0] - 0.1)).toBeLessThan(1e-9);
    expect(Math.abs(d.ci95[1] - 0.1)).toBeLessThan(1e-9);
  });

  it('matches an independent paired resampling with the same seed', () => {
    const plain = [0.2, -0.1, 0.5, 0.3, 0.0, 0.8];
    const revised = [0.4, 0.3, 0.5, 0.2, 0.6, 0.9];
    const random = seededRandom(11);
    const diffs: number[] = [];
    const clip = (x: number) => Math.min(1, Math.max(0, x));
    for (let s = 0; s < 1000; s++) {
      const idx = plain.map(() => Math.floor(random() * plain.length));
      diffs.push(clip(idx.reduce((a, k) => a + revised[k]!, 0) / idx.length) - clip(idx.reduce((a, k) => a + plain[k]!, 0) / idx.length));
    }
    diffs.sort((a, b) => a - b);
    const q = (p: number) => {
      const pos = (diffs.length - 1) * p;
      const lo = Math.floor(pos);
      return diffs[lo]! + (diffs[Math.ceil(pos)]! - diffs[lo]!) * (pos - lo);
    };
    const d = pairedDifference(plain, revised, 1000, 11);
    // Plain's mean (0.2833…) and revised's (0.4833…) are inside [0, 1]: the difference is 0.2.
    expect(Math.abs(d.mean - 0.2)).toBeLessThan(1e-9);
    expect(Math.abs(d.ci95[0] - q(0.025))).toBeLessThan(1e-9);
    expect(Math.abs(d.ci95[1] - q(0.975))).toBeLessThan(1e-9);
    expect(d.ci95[0]).toBeLessThan(0.2);
    expect(d.ci95[1]).toBeGreaterThan(0.2);
  });

  it('refuses lists of different lengths', () => {
    expect(() => pairedDifference([0.1], [0.1, 0.2])).toThrow();
  });

  it('quantile interpolates linearly', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });
});

describe('CSV export', () => {
  it('quotes fields with commas, quotes and newlines, one row per item', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
    const csv = resultsCsv([
      {
        prompt_id: 'p1', mode: 'plain', reply: 'r', score: 0.5, tag_scores: {}, example_tags: ['theme:hedging'], seconds: 1,
        cost: { answer: { calls: 1, prefilled: 0, decoded: 0, unreported: 0 }, grader: { calls: 1, prefilled: 0, decoded: 0, unreported: 0 } },
        items: [{ criterion: 'Says x, y', points: 5, tags: ['axis:accuracy'], met: true, explanation: 'line1\nline2' }],
      },
    ]);
    expect(csv).toBe('prompt_id,mode,theme,example_score,criterion,points,axis,met,explanation\r\np1,plain,hedging,0.5,"Says x, y",5,accuracy,true,"line1\nline2"\r\n');
  });
});
