import { describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import { createRun } from '../core/pipeline/fold';
import { runPipeline } from '../core/pipeline/pipeline';
import { DEFAULT_RUN_OPTIONS, type Run } from '../core/types';
import { recordRun } from './recordRun';

const question = 'Fever and cough in my son for two days?';

function setup(engine: ScriptedEngine, controller = new AbortController()) {
  const saved: Run[] = [];
  const run = createRun({ id: 'r1', question, options: DEFAULT_RUN_OPTIONS, engineLabel: engine.label, now: 1 });
  const events = runPipeline({ question, engine, principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS, signal: controller.signal });
  return { saved, promise: recordRun({ run, events, save: async (r) => void saved.push(structuredClone(r)) }) };
}

describe('recordRun', () => {
  it('saves after every completed step, so a closed tab loses at most the step in flight', async () => {
    const { saved, promise } = setup(new ScriptedEngine('improves'));
    const final = await promise;
    expect(final.status).toBe('done');
    const milestones = saved.map((r) => [Boolean(r.scenario), r.pool.length > 0, r.rubric.length > 0, r.rounds.length, r.rounds.filter((x) => x.score !== null).length]);
    // The draft is saved first, then scenario, pool and rubric each on their own; every answer and every grading is saved.
    expect(milestones).toContainEqual([false, false, false, 1, 0]);
    expect(milestones).toContainEqual([true, false, false, 1, 0]);
    expect(milestones).toContainEqual([true, true, false, 1, 0]);
    expect(milestones).toContainEqual([true, true, true, 1, 0]);
    expect(milestones).toContainEqual([true, true, true, 1, 1]);
    expect(saved.at(-1)?.final?.round).toBe(2);
  });

  it('saves a failed run with its failing step and everything completed before it', async () => {
    const { saved, promise } = setup(new ScriptedEngine('gradeAlwaysMalformed'));
    const final = await promise;
    expect(final.status).toBe('failed');
    expect(final.failure).toMatchObject({ step: 'grade', code: 'invalid_structured_output' });
    // The banner's title names the step; the stored message is the cause alone (never "X failed — X failed: …").
    expect(final.failure?.message).toMatch(/^The model did not produce a usable/);
    expect(final.failure?.message).not.toMatch(/Grading the answer failed/);
    expect(final.rounds[0]?.answer).toBeTruthy();
    expect(saved.at(-1)).toEqual(final);
  });

  it('saves a stopped run as stopped at the step in flight', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine('improves', 32768, (call) => {
      if (call.step === 'grade') controller.abort();
    });
    const final = await setup(engine, controller).promise;
    expect(final.status).toBe('stopped');
    expect(final.failure?.step).toBe('grade');
    expect(final.rounds).toHaveLength(1);
  });

  it.each(['draft', 'classify', 'rubric', 'grade', 'revise'] as const)(
    'has saved "%s" as the current step while that step is in flight (what a closed tab leaves behind)',
    async (step) => {
      const saved: Run[] = [];
      let inFlight: Run | undefined;
      const engine = new ScriptedEngine('improves', 32768, (call) => {
        // The moment the engine is called is the moment a closed tab would freeze the stored record.
        if (call.step === step && inFlight === undefined) inFlight = structuredClone(saved.at(-1));
      });
      const run = createRun({ id: 'r1', question, options: DEFAULT_RUN_OPTIONS, engineLabel: engine.label, now: 1 });
      const events = runPipeline({ question, engine, principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS, signal: new AbortController().signal });
      await recordRun({ run, events, save: async (r) => void saved.push(structuredClone(r)) });
      expect(inFlight?.status).toBe('running');
      expect(inFlight?.currentStep).toBe(step);
    },
  );
});
