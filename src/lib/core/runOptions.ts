// The limits of a run's user-set knobs, and the one validator the Settings form, the CLI and settings
// loading all use, so a value the form refuses can never arrive another way.

import { DEFAULT_RUN_OPTIONS, GRADING_MODES, type RunOptions } from './types';

/** Inclusive bounds of each numeric option. */
export const RUN_OPTION_LIMITS = {
  /** Revisions after the graded draft: gains diminish quickly (ClinAlign), and each costs a full answer. */
  rounds: { min: 0, max: 5 },
  /** Stop once a round scores at least this (0…1]. */
  targetScore: { min: 0.01, max: 1 },
  /** Principles in the pool: enough for every dimension, few enough for the rubric prompt. */
  poolSize: { min: 1, max: 30 },
} as const;

export type RunOptionField = keyof typeof RUN_OPTION_LIMITS | 'grading';

/** One thing wrong with a set of run options, with the English wording the CLI prints. */
export interface RunOptionProblem {
  field: RunOptionField;
  message: string;
}

const isIn = (n: unknown, lo: number, hi: number, integer: boolean): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= lo && n <= hi && (!integer || Number.isInteger(n));

/**
 * Every problem with `options` (empty when valid). Only the user-set knobs are checked; a `userDraft`
 * is the pipeline's business.
 */
export function runOptionsProblems(options: Partial<RunOptions>): RunOptionProblem[] {
  const problems: RunOptionProblem[] = [];
  const { rounds, targetScore, poolSize } = RUN_OPTION_LIMITS;
  if (!isIn(options.rounds, rounds.min, rounds.max, true)) {
    problems.push({ field: 'rounds', message: `Revisions must be a whole number from ${rounds.min} to ${rounds.max}.` });
  }
  if (!isIn(options.targetScore, targetScore.min, targetScore.max, false)) {
    problems.push({ field: 'targetScore', message: `The target score must be from ${targetScore.min} to ${targetScore.max} (1 to 100%).` });
  }
  if (!isIn(options.poolSize, poolSize.min, poolSize.max, true)) {
    problems.push({ field: 'poolSize', message: `Principles per question must be a whole number from ${poolSize.min} to ${poolSize.max}.` });
  }
  if (options.grading !== undefined && !GRADING_MODES.includes(options.grading)) {
    problems.push({ field: 'grading', message: `Grading must be one of ${GRADING_MODES.join(', ')}.` });
  }
  return problems;
}

/**
 * Stored options made safe to run with: each invalid or missing field falls back to its default
 * (settings saved by an older build, or edited by hand, never break a run).
 */
export function sanitizeRunOptions(stored: Partial<RunOptions> | null | undefined): RunOptions {
  const merged: RunOptions = { ...DEFAULT_RUN_OPTIONS, ...(stored ?? {}) };
  for (const problem of runOptionsProblems(merged)) {
    (merged as unknown as Record<string, unknown>)[problem.field] = DEFAULT_RUN_OPTIONS[problem.field];
  }
  return merged;
}
