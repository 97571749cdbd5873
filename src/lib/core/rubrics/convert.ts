// Moving between a run, a review and a HealthBench-shaped HealthRubrics record: a review is opened from
// a finished run, exported as a record, and a record imports back into the same review content.

import { tagValue } from '../healthbench/format';
import { contentTerms } from '../retrieval/text';
import { AXES, type Axis, type Run } from '../types';
import { HEALTHRUBRICS_FORMAT, type HealthRubricsItem, type HealthRubricsRecord, type ItemOrigin } from './record';
import { effectiveItems, rubricFingerprint, type ReviewItem, type ReviewResponse, type RubricReview } from './review';

/** A new review of a run's rubric: the conversation answered, the model's items as the draft, every round as an answer. */
export function reviewFromRun(run: Run, id: string, now: number): RubricReview {
  const draft: ReviewItem[] = run.rubric.map((r) => ({ key: r.id, criterion: r.criterion, points: r.points, axis: r.axis, principle_id: r.principle_id, origin: 'model' }));
  const responses: ReviewResponse[] = run.rounds
    .filter((r) => r.answer.trim())
    .map((r) => ({ id: `round-${r.index}`, content: r.answer, round: r.index, modelScore: r.score, grades: null, score: null, gradedFor: null }));
  return { id, runId: run.id, prompt: [...(run.context ?? []).map((t) => ({ ...t })), { role: 'user', content: run.question }], draft, items: draft.map((i) => ({ ...i })), edits: [], verified: null, responses, preference: null, createdAt: now, updatedAt: now };
}

/** An item as the file writes it: axis, principle (when linked) and origin as tags. */
export function itemToRecord(item: ReviewItem): HealthRubricsItem {
  const tags = [`axis:${item.axis}`, ...(item.principle_id ? [`principle:${item.principle_id}`] : []), `origin:${item.origin}`];
  return { criterion: item.criterion.trim(), points: item.points, tags };
}

/** An item read from the file (the record was validated, so its tags are well-formed). */
export function itemFromRecord(item: HealthRubricsItem, key: string): ReviewItem {
  const axis = tagValue(item.tags, 'axis');
  return {
    key,
    criterion: item.criterion,
    points: item.points,
    axis: (AXES as readonly string[]).includes(axis ?? '') ? (axis as Axis) : 'accuracy',
    principle_id: tagValue(item.tags, 'principle'),
    origin: (tagValue(item.tags, 'origin') as ItemOrigin | null) ?? 'clinician',
  };
}

/**
 * The review as a HealthRubrics v1 record. A response's score is written only while it was graded
 * under the rubric as it now stands; a score from an older version of the rubric would mislead.
 */
export function reviewToRecord(review: RubricReview): HealthRubricsRecord {
  const items = effectiveItems(review);
  const fingerprint = rubricFingerprint(items);
  return {
    format: HEALTHRUBRICS_FORMAT,
    id: review.id,
    prompt: review.prompt.map((t) => ({ role: t.role, content: t.content })),
    rubric: items.map(itemToRecord),
    model_rubric: review.draft.map(itemToRecord),
    reviewer: review.verified?.reviewer ?? null,
    verified_at: review.verified ? new Date(review.verified.at).toISOString() : null,
    responses: review.responses.map((r) => ({ id: r.id, content: r.content, score: r.gradedFor === fingerprint ? r.score : null })),
    preference: review.preference ? { ...review.preference } : null,
  };
}

/**
 * A review from an imported record. Items from the model keep the draft's key when the draft has the
 * same criterion, so later edits are tracked against it; scores count as graded under this rubric.
 */
export function recordToReview(record: HealthRubricsRecord, now: number): RubricReview {
  const draft = record.model_rubric.map((item, i) => itemFromRecord(item, `R${i + 1}`));
  // Keys link items to the draft so later edits are tracked against it: unchanged model items take the
  // draft item with the same criterion; edited ones the unused draft item sharing most words.
  const used = new Set<string>();
  const keys: (string | null)[] = record.rubric.map((item) => {
    if (tagValue(item.tags, 'origin') !== 'model') return null;
    const match = draft.find((d) => !used.has(d.key) && d.criterion === item.criterion);
    if (match) used.add(match.key);
    return match?.key ?? null;
  });
  record.rubric.forEach((item, i) => {
    if (tagValue(item.tags, 'origin') !== 'edited') return;
    const words = new Set(contentTerms(item.criterion));
    let best: { key: string; shared: number } | null = null;
    for (const d of draft) {
      if (used.has(d.key)) continue;
      const shared = contentTerms(d.criterion).filter((w) => words.has(w)).length;
      if (!best || shared > best.shared) best = { key: d.key, shared };
    }
    if (best) {
      used.add(best.key);
      keys[i] = best.key;
    }
  });
  let next = draft.length;
  const items = record.rubric.map((item, i) => itemFromRecord(item, keys[i] ?? `R${++next}`));
  const verifiedAt = record.verified_at ? Date.parse(record.verified_at) : null;
  const fingerprint = rubricFingerprint(items);
  return {
    id: record.id,
    runId: null,
    prompt: record.prompt.map((t) => ({ ...t })),
    draft,
    items,
    edits: [],
    verified: record.reviewer && verifiedAt !== null ? { reviewer: record.reviewer, at: verifiedAt, items: items.map((i) => ({ ...i })) } : null,
    responses: record.responses.map((r) => {
      const round = /^round-(\d+)$/.exec(r.id);
      return { id: r.id, content: r.content, round: round ? Number(round[1]) : null, modelScore: null, grades: null, score: r.score, gradedFor: r.score === null ? null : fingerprint };
    }),
    preference: record.preference ? { ...record.preference } : null,
    createdAt: now,
    updatedAt: now,
  };
}
