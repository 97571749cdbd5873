import { describe, expect, it } from 'vitest';
import { createRun } from '../pipeline/fold';
import { DEFAULT_RUN_OPTIONS, type Run } from '../types';
import { checkRunRecord } from './runRecord';

function storedRun(): Run {
  const run = createRun({ id: 'r1', question: 'Fever for two days?', options: DEFAULT_RUN_OPTIONS, engineLabel: 'scripted @ http://127.0.0.1:9/v1', now: 1 });
  return {
    ...run,
    status: 'done',
    scenario: { urgency: 'urgent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' },
    scenarioSource: 'model',
    pool: [
      { id: 'P1', dimension: 'urgency', title: 'Escalate red flags', reason: 'urgent', score: 2 },
      { id: 'P2', dimension: 'expertise', title: 'Plain words', reason: 'layperson', score: 1 },
    ],
    rubric: [
      { id: 'R1', criterion: 'Says when to seek care', points: 5, axis: 'accuracy', principle_id: 'P1' },
      { id: 'R2', criterion: 'Avoids jargon', points: 3, axis: 'communication_quality', principle_id: 'P2' },
    ],
    rounds: [
      { index: 0, kind: 'draft', answer: 'See a doctor if…', grades: [{ item_id: 'R1', met: true, evidence: 'See a doctor' }], score: 0.6, truncated: false },
    ],
    final: { round: 0, answer: 'See a doctor if…', score: 0.6, reason: 'max_rounds' },
  };
}

describe('checkRunRecord', () => {
  it('passes a valid record through untouched, with nothing repaired', () => {
    const run = storedRun();
    const checked = checkRunRecord(structuredClone(run));
    expect(checked).toEqual({ run, repaired: [] });
  });

  it('keeps the first of repeated pool, rubric, round and grade ids (keyed lists cannot render repeats)', () => {
    const run = storedRun();
    const damaged = {
      ...run,
      pool: [...run.pool, { ...run.pool[0]!, title: 'repeat' }],
      rubric: [...run.rubric, run.rubric[1]!],
      rounds: [{ ...run.rounds[0]!, grades: [...run.rounds[0]!.grades, { item_id: 'R1', met: false, evidence: '' }] }, run.rounds[0]!],
    };
    const checked = checkRunRecord(damaged)!;
    expect(checked.run.pool.map((p) => p.id)).toEqual(['P1', 'P2']);
    expect(checked.run.pool[0]!.title).toBe('Escalate red flags');
    expect(checked.run.rubric.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(checked.run.rounds).toHaveLength(1);
    expect(checked.run.rounds[0]!.grades).toEqual([{ item_id: 'R1', met: true, evidence: 'See a doctor' }]);
    expect(checked.repaired.sort()).toEqual(['pool', 'rounds', 'rubric']);
  });

  it('fills missing or invalid fields with their empty value and keeps the rest', () => {
    const run = storedRun() as Partial<Run> & Record<string, unknown>;
    delete run.pool;
    delete run.options;
    run.scenario = { urgency: 'whenever' } as unknown as Run['scenario'];
    run.rubric = [run.rubric![0]!, { id: 'R9', criterion: 42 } as unknown as Run['rubric'][number]];
    const checked = checkRunRecord(run)!;
    expect(checked.run.pool).toEqual([]);
    expect(checked.run.scenario).toBeNull();
    expect(checked.run.rubric.map((r) => r.id)).toEqual(['R1']);
    expect(checked.run.options.rounds).toBe(0);
    expect(checked.run.final?.answer).toBe('See a doctor if…');
    expect(checked.run.question).toBe('Fever for two days?');
    expect(checked.repaired.sort()).toEqual(['options', 'pool', 'rubric', 'scenario']);
  });

  it('gives up only on a record without a usable id', () => {
    expect(checkRunRecord({ question: 'q' })).toBeNull();
    expect(checkRunRecord(null)).toBeNull();
    expect(checkRunRecord('r1')).toBeNull();
  });
});
