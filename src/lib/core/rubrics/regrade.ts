// Re-grading a review's answers under the clinician's rubric with the current engine, one item per
// call (HealthBench's way), so each round's score under the model's rubric can be set beside it.

import type { ChatEngine } from '../chat';
import { conversationText } from '../conversation';
import { gradePerItem } from '../grading/grade';
import { scoreAnswer } from '../grading/score';
import { asRubricItems, effectiveItems, rubricFingerprint, type ReviewResponse, type RubricReview } from './review';

/** One answer's scores: under the model's rubric (during the run) and under the clinician's. */
export interface ScoreChange {
  id: string;
  before: number | null;
  after: number | null;
  /** after − before, when both are known. */
  change: number | null;
}

/** Whether a response's score is for the rubric as it now stands. */
export function isCurrentScore(review: RubricReview, response: ReviewResponse): boolean {
  return response.gradedFor === rubricFingerprint(effectiveItems(review));
}

/**
 * Grades the chosen answers (all, by default) under the review's rubric (the verified items when
 * verified) and returns the review with their grades and scores. `onProgress` reports after each answer.
 */
export async function regradeReview(
  engine: ChatEngine,
  review: RubricReview,
  options: { ids?: readonly string[]; signal?: AbortSignal; now: () => number; onProgress?: (done: number, total: number) => void },
): Promise<RubricReview> {
  const items = effectiveItems(review);
  const rubric = asRubricItems(items);
  const fingerprint = rubricFingerprint(items);
  const question = conversationText(review.prompt);
  const wanted = options.ids ? new Set(options.ids) : null;
  const targets = review.responses.filter((r) => !wanted || wanted.has(r.id));
  const graded = new Map<string, ReviewResponse>();
  for (const response of targets) {
    options.signal?.throwIfAborted();
    const grades = await gradePerItem(engine, question, response.content, rubric, options.signal);
    graded.set(response.id, { ...response, grades, score: scoreAnswer(rubric, grades), gradedFor: fingerprint });
    options.onProgress?.(graded.size, targets.length);
  }
  return { ...review, responses: review.responses.map((r) => graded.get(r.id) ?? r), updatedAt: options.now() };
}

/** Each answer's score under the model's rubric beside its current score under the clinician's. */
export function scoreChanges(review: RubricReview): ScoreChange[] {
  return review.responses.map((r) => {
    const after = isCurrentScore(review, r) ? r.score : null;
    return { id: r.id, before: r.modelScore, after, change: after !== null && r.modelScore !== null ? after - r.modelScore : null };
  });
}
