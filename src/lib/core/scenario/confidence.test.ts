import { describe, expect, it } from 'vitest';
import labels from '../../../../tests/fixtures/scenario-labels.json';
import type { LabelledQuestion } from './accuracy';
import { RULE_CONFIDENCE_THRESHOLD, classifyWithConfidence } from './confidence';
import { classifyScenarioByRules } from './rules';
import { DIMENSIONS } from '../types';

const dev = labels.dev as LabelledQuestion[];
const heldout = labels.heldout as LabelledQuestion[];
const exact = (row: LabelledQuestion) => {
  const got = classifyScenarioByRules(row.question);
  return DIMENSIONS.every((d) => got[d] === row[d]);
};

/** Accuracy (all four dimensions exact) on the questions the rules are confident about, and their share. */
function whenConfident(rows: readonly LabelledQuestion[], threshold: number): { accuracy: number; coverage: number } {
  const kept = rows.filter((r) => classifyWithConfidence(r.question, threshold).confident);
  return { accuracy: kept.length ? kept.filter(exact).length / kept.length : 1, coverage: kept.length / rows.length };
}

describe('rule classifier confidence', () => {
  it('is the lowest threshold (in steps of 0.05) at which the dev questions are at least 97.5% right when confident', () => {
    const candidates = Array.from({ length: 11 }, (_, i) => Math.round((0.5 + i * 0.05) * 100) / 100);
    const chosen = candidates.find((t) => whenConfident(dev, t).accuracy >= 0.975);
    expect(chosen).toBeCloseTo(RULE_CONFIDENCE_THRESHOLD, 5);
  });

  it('on the held-out questions, is right on at least 90% of those it is confident about and covers at least 15%', () => {
    const { accuracy, coverage } = whenConfident(heldout, RULE_CONFIDENCE_THRESHOLD);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeGreaterThanOrEqual(0.15);
    // Confidence carries information: the held-out questions it is unsure about are wrong more often.
    const unsure = heldout.filter((r) => !classifyWithConfidence(r.question).confident);
    expect(unsure.filter(exact).length / unsure.length).toBeLessThan(accuracy);
  });

  it('is lower when one word carries the decision, and lower still when expertise is a default', () => {
    const strong = classifyWithConfidence('My dad suddenly cannot lift his right arm and his speech is slurred, it started 20 minutes ago. What do I do?');
    expect(strong.scenario.urgency).toBe('emergent');
    expect(strong.confident).toBe(true);
    const thin = classifyWithConfidence('knee pain what to do');
    expect(thin.confidence).toBeLessThan(strong.confidence);
    expect(thin.confident).toBe(false);
  });

  it('is never confident about an empty question or Chinese text (nothing to calibrate it against)', () => {
    expect(classifyWithConfidence('').confident).toBe(false);
    // Deleting the only word leaves nothing to disagree with: a one-word question must not look certain.
    expect(classifyWithConfidence('q?').confident).toBe(false);
    const zh = classifyWithConfidence('我父亲胸口剧痛，出冷汗，怎么办？');
    expect(zh.confident).toBe(false);
    expect(zh.scenario).toEqual(classifyScenarioByRules('我父亲胸口剧痛，出冷汗，怎么办？'));
  });
});
