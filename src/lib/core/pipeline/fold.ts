// Folding pipeline events into a Run record. The UI, the store and the CLI all build their view of
// a run with this one pure function, so what is shown is exactly what is saved.

import type { Turn } from '../conversation';
import type { Run, RunEvent, RunOptions, RunStatus, RunFailure } from '../types';

/** A new, empty run record. */
export function createRun(init: {
  id: string;
  question: string;
  /** Earlier turns, for a follow-up question. */
  context?: Turn[];
  options: RunOptions;
  engineLabel: string;
  now: number;
}): Run {
  return {
    id: init.id,
    question: init.question,
    ...(init.context?.length ? { context: init.context } : {}),
    createdAt: init.now,
    updatedAt: init.now,
    status: 'running',
    options: init.options,
    engineLabel: init.engineLabel,
    scenario: null,
    scenarioSource: null,
    pool: [],
    rubric: [],
    rounds: [],
    final: null,
    currentStep: null,
    failure: null,
  };
}

/** Applies one event; returns a new Run (never mutates). Token events only touch the round's live text. */
export function applyRunEvent(run: Run, event: RunEvent): Run {
  switch (event.type) {
    case 'step_started':
      return { ...run, currentStep: event.step };
    case 'scenario':
      return { ...run, scenario: event.scenario, scenarioSource: event.source };
    case 'pool':
      return { ...run, pool: event.pool };
    case 'rubric':
      return { ...run, rubric: event.rubric, rubricSource: event.source ?? 'model' };
    case 'token':
      return run;
    case 'answer': {
      const rounds = run.rounds.slice(0, event.round);
      rounds.push({ index: event.round, kind: event.kind, answer: event.answer, grades: [], score: null, truncated: event.truncated });
      return { ...run, rounds };
    }
    case 'graded':
      return {
        ...run,
        rounds: run.rounds.map((r) => (r.index === event.round ? { ...r, grades: event.grades, score: event.score } : r)),
      };
    case 'final':
      return finishRun({ ...run, final: event.final }, 'done');
  }
}

/** Marks a run as ended with the given status. */
export function finishRun(run: Run, status: Exclude<RunStatus, 'running'>, failure: RunFailure | null = null): Run {
  return { ...run, status, failure, currentStep: status === 'done' ? null : run.currentStep };
}
