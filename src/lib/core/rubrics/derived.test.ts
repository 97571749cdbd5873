import { describe, expect, it } from 'vitest';
import { ScriptedEngine } from '../../../../tests/support/scriptedEngine';
import { clinicianItem, verifiedReview } from '../../../../tests/support/rubricFixtures';
import { parseHealthBenchLine, healthBenchLine, tagValue } from '../healthbench/format';
import { scoreAnswer } from '../grading/score';
import { scoreExample } from '../eval/score';
import { AXES, type Axis, type RubricItem } from '../types';
import { reviewToRecord } from './convert';
import { toHealthBenchExample, toPreferencePair } from './derived';
import { regradeReview, scoreChanges } from './regrade';
import { preferResponse, saveEdit } from './review';

async function gradedReview() {
  const review = verifiedReview('rev-a', [clinicianItem('R6', 'Asks whether the child is drinking fluids', 4)]);
  const engine = new ScriptedEngine('improves');
  const graded = await regradeReview(engine, review, { now: () => 42 });
  return { review: graded, engine };
}

describe('re-grading under the verified rubric', () => {
  it('grades every answer one item per call and shows each round’s score change', async () => {
    const { review, engine } = await gradedReview();
    // 3 answers × 6 items, each in its own call (HealthBench's per-item grading).
    expect(engine.steps).toEqual(Array(18).fill('grade_item'));
    // The scripted grader meets the first 1 + (revisions behind) positive items; 26 positive points in all.
    expect(review.responses.map((r) => r.score)).toEqual([8 / 26, 13 / 26, 19 / 26]);
    expect(scoreChanges(review)).toEqual([
      { id: 'round-0', before: 0.36, after: 8 / 26, change: 8 / 26 - 0.36 },
      { id: 'round-1', before: 0.59, after: 13 / 26, change: 13 / 26 - 0.59 },
      { id: 'round-2', before: 0.86, after: 19 / 26, change: 19 / 26 - 0.86 },
    ]);
  });

  it('scores go stale when the rubric changes, and are not exported', async () => {
    const { review } = await gradedReview();
    const edited = saveEdit(review, review.items.slice(0, 4), 50);
    expect(scoreChanges(edited).every((c) => c.after === null)).toBe(true);
    expect(reviewToRecord(edited).responses.every((r) => r.score === null)).toBe(true);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(regradeReview(new ScriptedEngine(), verifiedReview('x'), { now: () => 1, signal: controller.signal })).rejects.toThrow();
  });
});

describe('derived exports', () => {
  it('a preference becomes a TRL conversational pair with both scores; ties and drafts give none', async () => {
    const { review } = await gradedReview();
    const record = reviewToRecord(preferResponse(review, 'round-2', 'round-0', false, 60));
    const pair = toPreferencePair(record);
    expect(pair).toEqual({
      ok: true,
      value: {
        prompt: [{ role: 'user', content: review.prompt[0]!.content }],
        chosen: [{ role: 'assistant', content: review.responses[2]!.content }],
        rejected: [{ role: 'assistant', content: review.responses[0]!.content }],
        score_chosen: 19 / 26,
        score_rejected: 8 / 26,
      },
    });
    expect(toPreferencePair(reviewToRecord(preferResponse(review, 'round-2', 'round-0', true, 60)))).toEqual({ ok: false, reason: 'tie' });
    expect(toPreferencePair(reviewToRecord(review))).toEqual({ ok: false, reason: 'no_preference' });
    expect(toPreferencePair(reviewToRecord({ ...review, verified: null }))).toEqual({ ok: false, reason: 'not_verified' });
  });

  it('the HealthBench export reads back with the HealthBench reader and scores the same with scoreAnswer', async () => {
    const { review } = await gradedReview();
    const record = reviewToRecord(review);
    const derived = toHealthBenchExample(record);
    if (!derived.ok) throw new Error('expected an example');
    const parsed = parseHealthBenchLine(healthBenchLine(derived.value), 1);
    if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
    expect(parsed.example.prompt_id).toBe('rev-a');
    expect(parsed.example.example_tags).toEqual(['source:healthrubrics']);
    // Rebuild the rubric as an evaluator would (axis from the tags) and score the stored verdicts.
    const rubric: RubricItem[] = parsed.example.rubrics.map((r, i) => ({
      id: `R${i + 1}`,
      criterion: r.criterion,
      points: r.points,
      axis: (AXES as readonly string[]).includes(tagValue(r.tags, 'axis') ?? '') ? (tagValue(r.tags, 'axis') as Axis) : 'accuracy',
      principle_id: tagValue(r.tags, 'principle'),
    }));
    expect(rubric.map((r) => r.axis)).toEqual(review.verified!.items.map((i) => i.axis));
    for (const response of review.responses) {
      expect(scoreAnswer(rubric, response.grades!)).toBe(record.responses.find((r) => r.id === response.id)!.score);
      // The evaluation's own scorer (HealthBench per example, with tags) agrees.
      const verdicts = parsed.example.rubrics.map((item, i) => ({ ...item, met: response.grades![i]!.met }));
      expect(scoreExample(parsed.example.example_tags, verdicts).overall).toBeCloseTo(record.responses.find((r) => r.id === response.id)!.score!, 12);
    }
    expect(toHealthBenchExample({ ...record, reviewer: null, verified_at: null })).toEqual({ ok: false, reason: 'not_verified' });
  });
});
