// A rubric under clinician review, as the app keeps it: the model's draft, the items as edited, every
// saved edit as a change list, and the verified version. Validation of edits is per field, so the
// editor can show each message next to the field it is about.

import { diffWords } from 'diff';
import type { Turn } from '../conversation';
import { sameCriterion } from '../rubric/rubric';
import { AXES, type Axis, type Grade, type RubricItem } from '../types';
import { MAX_ITEMS, MIN_CRITERION_CHARS, type HealthRubricsPreference, type ItemOrigin } from './record';

/** One item of a rubric under review. `key` is stable across edits (R1… from the draft, then new ones). */
export interface ReviewItem {
  key: string;
  criterion: string;
  points: number;
  axis: Axis;
  principle_id: string | null;
  origin: ItemOrigin;
}

export type ItemField = 'criterion' | 'points' | 'axis' | 'principle_id';

/** One difference between two versions of a rubric, by item key. */
export type ItemChange =
  | { kind: 'added'; key: string; item: ReviewItem }
  | { kind: 'removed'; key: string; item: ReviewItem }
  | { kind: 'moved'; key: string; from: number; to: number }
  | { kind: 'changed'; key: string; field: ItemField; from: string | number | null; to: string | number | null };

/** One saved edit: what changed and when (ms since the epoch). */
export interface RubricEdit {
  at: number;
  changes: ItemChange[];
}

/** An answer the clinician can compare and grade: a round of the run, or one they pasted. */
export interface ReviewResponse {
  /** `round-0`, `round-1`… for the run's rounds; `pasted-1`… for pasted answers. */
  id: string;
  content: string;
  /** The run's round it came from, or null for a pasted answer. */
  round: number | null;
  /** Its score under the model's rubric during the run (null when pasted or ungraded). */
  modelScore: number | null;
  /** Its grades and score under the rubric whose fingerprint is `gradedFor` (null until re-graded). */
  grades: Grade[] | null;
  score: number | null;
  gradedFor: string | null;
}

/** The verified version: who verified it, when, and the items as verified. */
export interface Verification {
  reviewer: string;
  at: number;
  items: ReviewItem[];
}

/** A rubric review, stored in IndexedDB and exported as a HealthRubrics record. */
export interface RubricReview {
  id: string;
  /** The run it was opened from (null when imported). */
  runId: string | null;
  prompt: Turn[];
  /** The model's rubric as the run wrote it; never changed. */
  draft: ReviewItem[];
  /** The rubric as last saved. */
  items: ReviewItem[];
  edits: RubricEdit[];
  /** Set by Verify; cleared when the rubric is edited again (it is a draft until verified anew). */
  verified: Verification | null;
  responses: ReviewResponse[];
  preference: HealthRubricsPreference | null;
  createdAt: number;
  updatedAt: number;
}

/** A problem with one field of one item (index) or with the rubric as a whole (index null). */
export interface FieldProblem {
  index: number | null;
  field: ItemField | 'rubric' | 'reviewer';
  message: string;
}

/** The review's items as grader items, numbered R1… in order (what the grader sees). */
export function asRubricItems(items: readonly ReviewItem[]): RubricItem[] {
  return items.map((item, i) => ({ id: `R${i + 1}`, criterion: item.criterion.trim(), points: item.points, axis: item.axis, principle_id: item.principle_id }));
}

/** A fingerprint of a rubric's gradable content: scores are current only while it is unchanged. */
export function rubricFingerprint(items: readonly ReviewItem[]): string {
  return JSON.stringify(items.map((i) => [i.criterion.trim(), i.points, i.axis]));
}

/**
 * Problems with a clinician's rubric, by field: criteria of at least MIN_CRITERION_CHARS that do not
 * repeat an earlier item, whole points from −10 to 10 but not 0, a known axis, a principle that is in
 * the library (when `principleIds` is given), 1…MAX_ITEMS items with at least one positive.
 */
export function reviewItemProblems(items: readonly ReviewItem[], principleIds?: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  items.forEach((item, index) => {
    const criterion = item.criterion.trim();
    if (criterion.length < MIN_CRITERION_CHARS) {
      problems.push({ index, field: 'criterion', message: `Write at least ${MIN_CRITERION_CHARS} characters.` });
    } else {
      const earlier = items.slice(0, index).findIndex((other) => other.criterion.trim().length >= MIN_CRITERION_CHARS && sameCriterion(other.criterion, criterion));
      if (earlier >= 0) problems.push({ index, field: 'criterion', message: `Checks the same thing as item ${earlier + 1}; merge or reword them.` });
    }
    if (!Number.isInteger(item.points) || item.points < -10 || item.points > 10 || item.points === 0) {
      problems.push({ index, field: 'points', message: 'Use a whole number from −10 to 10, not 0 (negative for a harmful behaviour).' });
    }
    if (!(AXES as readonly string[]).includes(item.axis)) problems.push({ index, field: 'axis', message: 'Choose one of the five axes.' });
    if (item.principle_id !== null && principleIds && !principleIds.has(item.principle_id)) {
      problems.push({ index, field: 'principle_id', message: `${item.principle_id} is not in the principle library; choose another or none.` });
    }
  });
  if (items.length === 0) problems.push({ index: null, field: 'rubric', message: 'A rubric needs at least one item.' });
  if (items.length > MAX_ITEMS) problems.push({ index: null, field: 'rubric', message: `A rubric has at most ${MAX_ITEMS} items; remove ${items.length - MAX_ITEMS}.` });
  if (items.length && !items.some((i) => Number.isInteger(i.points) && i.points > 0)) {
    problems.push({ index: null, field: 'rubric', message: 'At least one item needs positive points, or no answer can be scored.' });
  }
  return problems;
}

const sameContent = (a: ReviewItem, b: ReviewItem) =>
  a.criterion.trim() === b.criterion.trim() && a.points === b.points && a.axis === b.axis && a.principle_id === b.principle_id;

/** Each item's origin relative to the draft: untouched model item, edited model item, or the clinician's own. */
export function withOrigins(draft: readonly ReviewItem[], items: readonly ReviewItem[]): ReviewItem[] {
  const byKey = new Map(draft.map((d) => [d.key, d]));
  return items.map((item) => {
    const original = byKey.get(item.key);
    const origin: ItemOrigin = !original ? 'clinician' : sameContent(original, item) ? 'model' : 'edited';
    return { ...item, criterion: item.criterion.trim(), origin };
  });
}

const FIELDS: readonly ItemField[] = ['criterion', 'points', 'axis', 'principle_id'];

/** What changed from `before` to `after`: removed, added, changed fields, then moves (by key). */
export function itemChanges(before: readonly ReviewItem[], after: readonly ReviewItem[]): ItemChange[] {
  const afterKeys = new Set(after.map((i) => i.key));
  const beforeByKey = new Map(before.map((i) => [i.key, i]));
  const changes: ItemChange[] = [];
  for (const item of before) if (!afterKeys.has(item.key)) changes.push({ kind: 'removed', key: item.key, item });
  for (const item of after) {
    const old = beforeByKey.get(item.key);
    if (!old) {
      changes.push({ kind: 'added', key: item.key, item });
      continue;
    }
    for (const field of FIELDS) {
      const from = field === 'criterion' ? old.criterion.trim() : old[field];
      const to = field === 'criterion' ? item.criterion.trim() : item[field];
      if (from !== to) changes.push({ kind: 'changed', key: item.key, field, from, to });
    }
  }
  // Order among the items both versions share: a move is an item whose neighbours changed place.
  const keptBefore = before.filter((i) => afterKeys.has(i.key)).map((i) => i.key);
  const keptAfter = after.filter((i) => beforeByKey.has(i.key)).map((i) => i.key);
  keptAfter.forEach((key, to) => {
    const from = keptBefore.indexOf(key);
    if (from !== to) changes.push({ kind: 'moved', key, from, to });
  });
  return changes;
}

/** The key a new item gets: R<n> after the largest number used by the draft or the items. */
export function nextItemKey(review: Pick<RubricReview, 'draft' | 'items'>): string {
  const numbers = [...review.draft, ...review.items].map((i) => Number(/^R(\d+)$/.exec(i.key)?.[1] ?? 0));
  return `R${Math.max(0, ...numbers) + 1}`;
}

/**
 * Saves the clinician's items: origins recomputed, the change list appended to the history, and a
 * verification withdrawn when the verified rubric changed. Unchanged items return the review as is.
 */
export function saveEdit(review: RubricReview, items: readonly ReviewItem[], now: number): RubricReview {
  const next = withOrigins(review.draft, items);
  const changes = itemChanges(review.items, next);
  if (!changes.length) return review;
  return { ...review, items: next, edits: [...review.edits, { at: now, changes }], verified: null, updatedAt: now };
}

/** A reviewer name or time that cannot be recorded. */
export class VerifyRefusedError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`The rubric cannot be verified yet: ${problems.map((p) => p.message).join(' ')}`);
    this.name = 'VerifyRefusedError';
  }
}

/** Marks the saved items verified by `reviewer` at `now`; refuses a rubric with problems or no reviewer name. */
export function verifyReview(review: RubricReview, reviewer: string, now: number, principleIds?: ReadonlySet<string>): RubricReview {
  const problems = reviewItemProblems(review.items, principleIds);
  if (!reviewer.trim()) problems.push({ index: null, field: 'reviewer', message: 'Enter the reviewer’s name.' });
  if (problems.length) throw new VerifyRefusedError(problems);
  return { ...review, verified: { reviewer: reviewer.trim(), at: now, items: review.items.map((i) => ({ ...i })) }, updatedAt: now };
}

/** The rubric that counts: the verified items when verified, else the items as last saved. */
export function effectiveItems(review: RubricReview): ReviewItem[] {
  return review.verified?.items ?? review.items;
}

/** One line per item, for the word diff: "+5 accuracy URG-001 — criterion". */
export function rubricAsText(items: readonly ReviewItem[]): string {
  return items.map((i) => `${i.points > 0 ? '+' : ''}${i.points} ${i.axis}${i.principle_id ? ` ${i.principle_id}` : ''} — ${i.criterion.trim()}`).join('\n');
}

/** A piece of the draft-vs-verified diff: common text, or text only the draft (removed) or verified rubric (added) has. */
export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** A word-level diff between the model's draft and the verified (or last saved) rubric. */
export function rubricWordDiff(draft: readonly ReviewItem[], verified: readonly ReviewItem[]): DiffPart[] {
  return diffWords(rubricAsText(draft), rubricAsText(verified)).map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** The id a pasted answer gets: pasted-<n> after the ones already there. */
export function nextPastedId(responses: readonly ReviewResponse[]): string {
  const numbers = responses.map((r) => Number(/^pasted-(\d+)$/.exec(r.id)?.[1] ?? 0));
  return `pasted-${Math.max(0, ...numbers) + 1}`;
}

/** A preference the clinician cannot record (unknown answer, the same answer twice). */
export class PreferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreferenceError';
  }
}

/** Records which of two answers is better (or a tie); both must be answers of this review. */
export function preferResponse(review: RubricReview, chosen: string, rejected: string, tie: boolean, now: number): RubricReview {
  const ids = new Set(review.responses.map((r) => r.id));
  if (!ids.has(chosen) || !ids.has(rejected)) throw new PreferenceError('Pick two answers of this rubric to compare.');
  if (chosen === rejected) throw new PreferenceError('Pick two different answers to compare.');
  return { ...review, preference: { chosen, rejected, tie }, updatedAt: now };
}
