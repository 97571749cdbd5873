import { describe, expect, it } from 'vitest';
import { clinicianItem, finishedRun } from '../../../../tests/support/rubricFixtures';
import { reviewFromRun } from './convert';
import {
  itemChanges,
  nextItemKey,
  preferResponse,
  reviewItemProblems,
  rubricWordDiff,
  saveEdit,
  verifyReview,
  VerifyRefusedError,
  PreferenceError,
  type ReviewItem,
} from './review';

const review = () => reviewFromRun(finishedRun(), 'rev-1', 100);

describe('validation of clinician edits', () => {
  it('accepts the model rubric as it is', () => {
    expect(reviewItemProblems(review().items)).toEqual([]);
  });

  it('names the field and item of each problem', () => {
    const items: ReviewItem[] = review().items.map((i) => ({ ...i }));
    items[0]!.points = 0;
    items[1]!.criterion = 'short';
    items[2]!.points = 11;
    items[3]!.points = 2.5;
    items[4]!.principle_id = 'URG-999';
    const problems = reviewItemProblems(items, new Set(['URG-001']));
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'points'],
      [1, 'criterion'],
      [2, 'points'],
      [3, 'points'],
      [4, 'principle_id'],
    ]);
    expect(problems[0]!.message).toMatch(/not 0/);
  });

  it('rejects a near-duplicate criterion, an all-negative rubric and an empty one', () => {
    const base = review().items;
    const dup = [...base, { ...base[1]!, key: 'R6', criterion: 'Asks how long the symptoms have lasted.' }];
    expect(reviewItemProblems(dup)).toEqual([{ index: 5, field: 'criterion', message: expect.stringMatching(/same thing as item 2/) }]);
    expect(reviewItemProblems([base[4]!]).map((p) => p.field)).toEqual(['rubric']);
    expect(reviewItemProblems([]).map((p) => p.message)).toEqual(['A rubric needs at least one item.']);
  });
});

describe('provenance', () => {
  it('records each saved edit as a change list with its time, and origins against the draft', () => {
    const r = review();
    const items = r.items.map((i) => ({ ...i }));
    items[0]!.criterion = 'Advises seeing a doctor today for a fever lasting two days';
    items.splice(3, 1);
    items.push(clinicianItem(nextItemKey(r), 'Asks whether the child is drinking and passing urine'));
    [items[0], items[1]] = [items[1]!, items[0]!];
    const saved = saveEdit(r, items, 500);
    expect(saved.edits).toHaveLength(1);
    expect(saved.edits[0]!.at).toBe(500);
    expect(saved.edits[0]!.changes.map((c) => c.kind).sort()).toEqual(['added', 'changed', 'moved', 'moved', 'removed']);
    expect(saved.edits[0]!.changes.find((c) => c.kind === 'changed')).toMatchObject({ key: 'R1', field: 'criterion', to: items[1]!.criterion });
    expect(saved.items.map((i) => [i.key, i.origin])).toEqual([['R2', 'model'], ['R1', 'edited'], ['R3', 'model'], ['R5', 'model'], ['R6', 'clinician']]);
    expect(saved.draft).toEqual(r.draft);
    expect(saveEdit(saved, saved.items, 600)).toBe(saved);
  });

  it('an item edited back to the draft is a model item again', () => {
    const r = review();
    const edited = saveEdit(r, r.items.map((i, n) => (n === 0 ? { ...i, points: 9 } : i)), 1);
    expect(edited.items[0]!.origin).toBe('edited');
    const back = saveEdit(edited, edited.items.map((i, n) => (n === 0 ? { ...i, points: 8 } : i)), 2);
    expect(back.items[0]!.origin).toBe('model');
    expect(back.edits).toHaveLength(2);
  });

  it('verifying needs a reviewer and a valid rubric; editing a verified rubric withdraws the verification', () => {
    const r = review();
    expect(() => verifyReview(r, '  ', 9)).toThrow(VerifyRefusedError);
    const broken = saveEdit(r, r.items.map((i, n) => (n === 0 ? { ...i, points: 0 } : i)), 5);
    expect(() => verifyReview(broken, 'Dr Lee', 9)).toThrow(/whole number/);
    const verified = verifyReview(r, ' Dr Lee ', 9);
    expect(verified.verified).toEqual({ reviewer: 'Dr Lee', at: 9, items: r.items });
    const again = saveEdit(verified, verified.items.slice(1), 10);
    expect(again.verified).toBeNull();
  });

  it('diffs draft and verified rubric word by word', () => {
    const r = review();
    const items = r.items.map((i, n) => (n === 1 ? { ...i, criterion: 'Asks how many days the symptoms have lasted' } : i));
    const parts = rubricWordDiff(r.draft, items);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['long']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['many days']);
    expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toContain('+5 context_awareness — Asks how many days the symptoms have lasted');
  });

  it('itemChanges reports nothing for identical rubrics', () => {
    expect(itemChanges(review().items, review().items)).toEqual([]);
  });
});

describe('preferences', () => {
  it('stores a pick or a tie between two of the answers', () => {
    const r = review();
    expect(preferResponse(r, 'round-2', 'round-0', false, 3).preference).toEqual({ chosen: 'round-2', rejected: 'round-0', tie: false });
    expect(preferResponse(r, 'round-1', 'round-2', true, 3).preference?.tie).toBe(true);
    expect(() => preferResponse(r, 'round-1', 'round-1', false, 3)).toThrow(PreferenceError);
    expect(() => preferResponse(r, 'round-1', 'pasted-9', false, 3)).toThrow(PreferenceError);
  });
});

describe('opening a review from a run', () => {
  it('keeps the whole conversation of a follow-up question as the prompt', () => {
    const run = { ...finishedRun(), context: [{ role: 'user' as const, content: 'My son has a fever.' }, { role: 'assistant' as const, content: 'How long has it lasted?' }], question: 'Two days now.' };
    expect(reviewFromRun(run, 'r', 1).prompt).toEqual([...run.context, { role: 'user', content: 'Two days now.' }]);
  });
});
