// The shipped model (principles/learned/relevance.json) is what `npm run learn` makes from the
// labelled parts the bench counts as tuned on — and nothing from the parts that measure it unseen.
import { describe, expect, it } from 'vitest';
import { TUNED_PARTS } from '../../../../bench/support/relevanceParts';
import relevance from '../../../../tests/fixtures/relevance-labels.json';
import manifest from '../../../../principles/library.json';
import scenarioLabels from '../../../../tests/fixtures/scenario-labels.json';
import { decodeLearned, encodeLearned, LEARNED_DIMENSIONS, learnedFeatures, learnedPoolPrior, learnedValues } from './model';
import { shippedLearnedRelevance } from './shipped';
import { labelledRows, trainLearnedRelevance } from './train';

describe('the shipped learned relevance model', () => {
  const shipped = shippedLearnedRelevance();

  it('was trained on exactly the tuned parts, with the shipped library', () => {
    expect(shipped.trainedOn.parts).toEqual(TUNED_PARTS);
    // The classifier bench's held-out part stays unseen.
    expect(shipped.trainedOn.scenarioParts).toEqual(['scenario-labels dev']);
    expect(shipped.trainedOn.scenarioQuestions).toBe(scenarioLabels.dev.length);
    expect(shipped.trainedOn.library).toBe(manifest.version);
    const unseen = Object.keys(relevance).filter((k) => Array.isArray((relevance as Record<string, unknown>)[k]) && k !== 'presentation_ids' && !TUNED_PARTS.includes(k));
    expect(shipped.trainedOn.questions).toBe(labelledRows(relevance as never, TUNED_PARTS).length);
    // Every part the fixture holds is either trained on or listed as unseen by the bench.
    for (const part of unseen) expect(part).toMatch(/^heldout\d+$/);
  });

  it('is what training on those parts gives (retrained here, read the same on every labelled question)', () => {
    const retrained = decodeLearned(JSON.parse(JSON.stringify(encodeLearned(trainLearnedRelevance({
      rows: labelledRows(relevance as never, TUNED_PARTS),
      presentationIds: new Set(relevance.presentation_ids),
      parts: TUNED_PARTS,
      libraryVersion: manifest.version,
      scenarioRows: scenarioLabels.dev as never,
      scenarioParts: ['scenario-labels dev'],
    })))));
    expect(retrained.poolIds).toEqual(shipped.poolIds);
    const questions = labelledRows(relevance as never, TUNED_PARTS).map((r) => r.question);
    const top = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]![0];
    let differ = 0;
    for (const q of questions) {
      const a = learnedFeatures(shipped, q);
      for (const d of LEARNED_DIMENSIONS) if (top(learnedValues(shipped, a, d)) !== top(learnedValues(retrained, a, d))) differ++;
      if (top(learnedPoolPrior(shipped, a)) !== top(learnedPoolPrior(retrained, a))) differ++;
    }
    expect(differ, 'run `npm run learn` after changing the labels or the tuned parts').toBe(0);
  }, 60_000);
});
