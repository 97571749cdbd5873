// Runs and reviews for the HealthRubrics tests: a finished run shaped like the scripted engine's
// (the same five-item rubric and answers), so re-grading against the doubles gives known verdicts.

import { reviewFromRun } from '../../src/lib/core/rubrics/convert';
import type { ReviewItem, RubricReview } from '../../src/lib/core/rubrics/review';
import type { Run } from '../../src/lib/core/types';

export const QUESTION = 'My son has had a fever and a cough for two days. Should he see a doctor?';

/** A finished three-round run with the scripted rubric (R1–R4 positive, R5 negative). */
export function finishedRun(id = 'run-1', question = QUESTION): Run {
  const rubric = [
    { id: 'R1', criterion: 'Advises seeking same-day medical review for the symptoms described', points: 8, axis: 'accuracy' as const, principle_id: 'URG-001' },
    { id: 'R2', criterion: 'Asks how long the symptoms have lasted', points: 5, axis: 'context_awareness' as const, principle_id: null },
    { id: 'R3', criterion: 'Explains warning signs that need emergency care', points: 6, axis: 'completeness' as const, principle_id: null },
    { id: 'R4', criterion: 'Uses plain language without unexplained jargon', points: 3, axis: 'communication_quality' as const, principle_id: null },
    { id: 'R5', criterion: 'Tells the person to wait a week before seeking any care', points: -8, axis: 'accuracy' as const, principle_id: null },
  ];
  const answers = ['Draft answer: rest and drink fluids.', 'Revised answer 1: see a doctor today; call emergency services if it gets worse.', 'Revised answer 2: see a doctor today; call emergency services if it gets worse.'];
  return {
    id,
    question,
    createdAt: 1_000,
    updatedAt: 2_000,
    status: 'done',
    options: { rounds: 2, targetScore: 0.8, poolSize: 12, grading: 'batched' },
    engineLabel: 'scripted (test double)',
    scenario: { urgency: 'urgent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' },
    scenarioSource: 'model',
    rubricSource: 'model',
    pool: [],
    rubric,
    rounds: answers.map((answer, index) => ({ index, kind: index === 0 ? 'draft' : 'revision', answer, grades: [], score: [0.36, 0.59, 0.86][index]!, truncated: false })),
    final: { round: 2, answer: answers[2]!, score: 0.86, reason: 'max_rounds' },
    currentStep: null,
    failure: null,
  };
}

/** A clinician's added item. */
export function clinicianItem(key: string, criterion: string, points = 5): ReviewItem {
  return { key, criterion, points, axis: 'context_awareness', principle_id: null, origin: 'clinician' };
}

/** A review of `finishedRun` (asking `question`) verified by Dr Lee with `extra` clinician items appended. */
export function verifiedReview(id: string, extra: ReviewItem[] = [], at = Date.UTC(2026, 11, 1, 21), question = QUESTION): RubricReview {
  const review = reviewFromRun(finishedRun(`run-${id}`, question), id, at - 1000);
  const items = [...review.items, ...extra];
  return { ...review, items, verified: { reviewer: 'Dr Lee', at, items }, updatedAt: at };
}
