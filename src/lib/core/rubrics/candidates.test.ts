import { describe, expect, it } from 'vitest';
import { clinicianItem, verifiedReview } from '../../../../tests/support/rubricFixtures';
import { validatePrinciple } from '../library/principleImport';
import { candidateItems, groupCandidates, principleFromCandidate, rephraseCandidate } from './candidates';
import type { ChatEngine } from '../chat';

const AT = Date.UTC(2026, 11, 1);
const reviews = () => [
  verifiedReview('rev-b', [clinicianItem('R6', 'Asks whether the patient takes blood thinners such as warfarin')], AT, 'I cut my hand badly, how do I stop the bleeding?'),
  verifiedReview('rev-a', [clinicianItem('R6', 'Asks if the patient is taking any blood thinners or anticoagulants'), clinicianItem('R7', 'Mentions the nearest emergency department opening hours')], AT, 'I have a nosebleed that will not stop.'),
];

describe('candidate principles', () => {
  it('takes clinician-added and principle-less items of verified rubrics only', () => {
    const draft = { ...verifiedReview('rev-c', [clinicianItem('R6', 'Asks whether the patient takes blood thinners daily')]), verified: null };
    const items = candidateItems([...reviews(), draft]);
    expect(new Set(items.map((i) => i.reviewId))).toEqual(new Set(['rev-a', 'rev-b']));
    // R1 cites URG-001, so it is not a candidate item.
    expect(items.some((i) => i.key === 'R1')).toBe(false);
  });

  it('groups two similar clinician items from different rubrics into one candidate, deterministically', () => {
    const items = candidateItems(reviews()).filter((i) => i.key === 'R6' || i.key === 'R7');
    const groups = groupCandidates(items);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.items.map((i) => i.reviewId)).toEqual(['rev-a', 'rev-b']);
    expect(group!.reviewIds).toEqual(['rev-a', 'rev-b']);
    expect(group!.title).toBe('Asks if the patient is taking any blood thinners or anticoagulants');
    expect(group!.statement).toMatch(/^A good answer asks .*blood thinners/);
    expect(group!.keywords).toEqual(expect.arrayContaining(['blood', 'thinners', 'patient']));
    // Same input in another order: the same groups and ids.
    expect(groupCandidates([...items].reverse().sort((a, b) => a.reviewId.localeCompare(b.reviewId) || a.key.localeCompare(b.key)))).toEqual(groups);
  });

  it('a title stops before a "such as" list', () => {
    const items = [
      { reviewId: 'a', question: 'q1', key: 'R6', criterion: 'Asks whether the patient takes blood thinners such as warfarin', points: 5, axis: 'accuracy' as const },
      { reviewId: 'b', question: 'q2', key: 'R6', criterion: 'Asks whether the patient takes any blood thinners', points: 5, axis: 'accuracy' as const },
    ];
    expect(groupCandidates(items)[0]!.title).toBe('Asks whether the patient takes blood thinners');
  });

  it('a check that recurs only for one question (the same question reviewed twice) is no candidate', () => {
    const same = [
      verifiedReview('rev-x', [clinicianItem('R6', 'Asks whether the patient takes blood thinners')]),
      verifiedReview('rev-y', [clinicianItem('R6', 'Asks whether the patient takes any blood thinners')]),
    ];
    expect(groupCandidates(candidateItems(same))).toEqual([]);
    // The same model items in rubrics of two different questions do form candidates.
    const twoQuestions = [verifiedReview('rev-x'), verifiedReview('rev-y', [], AT, 'Another question about a cough?')];
    expect(groupCandidates(candidateItems(twoQuestions)).map((g) => g.items.length)).toEqual([2, 2, 2, 2]);
  });

  it('an item unlike every other stays out of any group', () => {
    const items = candidateItems(reviews()).filter((i) => i.key === 'R7' || i.criterion.includes('warfarin'));
    expect(groupCandidates(items)).toEqual([]);
  });

  it('the proposed principle passes the library validator once given an id', () => {
    const [group] = groupCandidates(candidateItems(reviews()).filter((i) => i.key === 'R6'));
    const principle = principleFromCandidate(group!, 'USR-001', 2026);
    expect(principle.checks).toHaveLength(2);
    expect(validatePrinciple(principle)).toMatchObject({ ok: true });
  });

  it('the model may rephrase the title and statement', async () => {
    const [group] = groupCandidates(candidateItems(reviews()).filter((i) => i.key === 'R6'));
    const reply = { title: 'Ask about anticoagulants', statement: 'A good answer asks whether the person takes anticoagulants before advising.' };
    const engine: ChatEngine = { label: 'fake', contextWindow: 4096, chat: async () => ({ text: JSON.stringify(reply), finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } }), dispose: async () => {} };
    expect(await rephraseCandidate(engine, group!)).toEqual(reply);
  });
});
