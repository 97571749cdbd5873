import { describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import { SCRIPTS } from '../../../tests/support/scriptedReplies';
import { ContextBudgetError, EmptyQuestionError, StepFailedError, StructuredOutputError, isAbortError } from './errors';
import { applyRunEvent, createRun } from './fold';
import { runPipeline, type PipelineInput } from './pipeline';
import { FALLBACK_RUBRIC_ITEMS } from './rubric';
import { gradeTokenBudget } from './grade';
import { DEFAULT_RUN_OPTIONS, type Run, type RunEvent, type RunOptions } from './types';

const QUESTION = 'My son has had a fever and cough for two days. Should I take him to a doctor?';

function input(engine: ScriptedEngine, overrides: Partial<PipelineInput> = {}, options: Partial<RunOptions> = {}): PipelineInput {
  return {
    question: QUESTION,
    engine,
    principles: FIXTURE_PRINCIPLES,
    options: { ...DEFAULT_RUN_OPTIONS, ...options },
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function collect(gen: AsyncGenerator<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const e of gen) events.push(e);
  return events;
}

function fold(events: RunEvent[]): Run {
  const start = createRun({ id: 'r', question: QUESTION, options: DEFAULT_RUN_OPTIONS, engineLabel: 'x', now: 0 });
  return events.reduce(applyRunEvent, start);
}

describe('runPipeline', () => {
  it('runs classify → pool → rubric → draft → grade → revise → grade and keeps the best round', async () => {
    const engine = new ScriptedEngine('improves');
    const events = await collect(runPipeline(input(engine)));
    expect(engine.steps).toEqual(['classify', 'rubric', 'draft', 'grade', 'revise', 'grade', 'revise', 'grade']);
    const run = fold(events);
    expect(run.status).toBe('done');
    expect(run.scenario?.urgency).toBe('urgent');
    expect(run.scenarioSource).toBe('model');
    expect(run.pool.length).toBeGreaterThan(0);
    expect(run.rubric.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(run.rounds.map((r) => r.kind)).toEqual(['draft', 'revision', 'revision']);
    const scores = run.rounds.map((r) => r.score);
    expect(scores[0]).toBeLessThan(scores[1]!);
    expect(run.final?.round).toBe(2);
    expect(run.final?.answer).toBe(run.rounds[2]?.answer);
    expect(run.final?.reason).toBe('target_reached');
    // Streaming: the draft arrived as token events before its answer event.
    const firstAnswer = events.findIndex((e) => e.type === 'answer');
    expect(events.slice(0, firstAnswer).some((e) => e.type === 'token' && e.step === 'draft')).toBe(true);
  });

  it('stops when a revision does not improve and returns the better earlier answer', async () => {
    const engine = new ScriptedEngine('plateau');
    const run = fold(await collect(runPipeline(input(engine, {}, { rounds: 3 }))));
    expect(run.rounds).toHaveLength(2);
    expect(run.rounds[1]!.score!).toBeLessThan(run.rounds[0]!.score!);
    expect(run.final).toMatchObject({ round: 0, reason: 'no_improvement', answer: run.rounds[0]!.answer });
  });

  it('stops after the draft when it already reaches the target', async () => {
    const engine = new ScriptedEngine('improves');
    const run = fold(await collect(runPipeline(input(engine, {}, { targetScore: 0.1 }))));
    expect(run.rounds).toHaveLength(1);
    expect(run.final?.reason).toBe('target_reached');
  });

  it('makes at most `rounds` revisions', async () => {
    const engine = new ScriptedEngine('improves');
    const run = fold(await collect(runPipeline(input(engine, {}, { rounds: 1, targetScore: 1.01 }))));
    expect(run.rounds).toHaveLength(2);
    expect(run.final?.reason).toBe('max_rounds');
    const zero = fold(await collect(runPipeline(input(new ScriptedEngine('improves'), {}, { rounds: 0, targetScore: 1.01 }))));
    expect(zero.rounds).toHaveLength(1);
    expect(zero.final?.round).toBe(0);
  });

  it('extends one conversation from draft to grade to revise (so a KV cache can be reused)', async () => {
    const engine = new ScriptedEngine('improves');
    await collect(runPipeline(input(engine)));
    const thread = engine.calls.filter((c) => c.step !== 'classify' && c.step !== 'rubric');
    for (let i = 1; i < thread.length; i++) {
      const prev = thread[i - 1]!.messages;
      expect(thread[i]!.messages.slice(0, prev.length)).toEqual(prev);
    }
  });

  it('grades and revises the user’s own draft without drafting one', async () => {
    const engine = new ScriptedEngine('improves');
    const run = fold(await collect(runPipeline(input(engine, {}, { userDraft: '  My reply to the patient.  ' }))));
    expect(engine.steps).not.toContain('draft');
    expect(run.rounds[0]).toMatchObject({ kind: 'user_draft', answer: 'My reply to the patient.' });
    expect(run.rounds.length).toBeGreaterThan(1);
  });

  it('copes with thinking, fences and chatter around every structured reply', async () => {
    const engine = new ScriptedEngine('chatty');
    const run = fold(await collect(runPipeline(input(engine))));
    expect(run.status).toBe('done');
    expect(run.rounds[0]?.answer).not.toMatch(/think/);
  });

  it('repairs a malformed structured reply once and carries on', async () => {
    const engine = new ScriptedEngine('malformedOnce');
    const run = fold(await collect(runPipeline(input(engine))));
    expect(run.status).toBe('done');
    expect(engine.steps.filter((s) => s === 'rubric')).toHaveLength(2);
  });

  it('falls back to the rule-based classifier when the model’s scenario is unusable', async () => {
    const engine = new ScriptedEngine('classifyGarbage');
    const run = fold(await collect(runPipeline(input(engine))));
    expect(run.scenarioSource).toBe('fallback');
    expect(run.scenario).not.toBeNull();
  });

  it('uses the pooled principles’ own checks when the model’s rubric stays unusable after its repair', async () => {
    const allNegative = JSON.stringify({ items: [{ criterion: 'Recommends an unproven remedy', points: -4, axis: 'accuracy', principle_id: null }] });
    const engine = new ScriptedEngine((step, call) => (step === 'rubric' ? { text: allNegative } : SCRIPTS.improves(step, call)));
    const run = fold(await collect(runPipeline(input(engine))));
    expect(engine.steps.filter((s) => s === 'rubric')).toHaveLength(2);
    expect(run.status).toBe('done');
    expect(run.rubricSource).toBe('principles');
    const pooled = new Set(run.pool.map((p) => p.id));
    expect(run.rubric.length).toBe(Math.min(run.pool.length, FALLBACK_RUBRIC_ITEMS));
    expect(new Set(run.rubric.map((item) => item.principle_id)).size).toBe(run.rubric.length);
    expect(run.rubric.every((item) => item.principle_id !== null && pooled.has(item.principle_id))).toBe(true);
    expect(run.rubric.some((item) => item.points > 0)).toBe(true);
    expect(run.rubric.map((r) => r.id)).toEqual(run.rubric.map((_, i) => `R${i + 1}`));
  });

  it('fails at the rubric step when it is unusable and no principle was pooled', async () => {
    const engine = new ScriptedEngine((step, call) => (step === 'rubric' ? { text: '{"items": []}' } : SCRIPTS.improves(step, call)));
    const error = await collect(runPipeline(input(engine, { principles: [] }))).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as StepFailedError).step).toBe('rubric');
    expect((error as StepFailedError).cause).toBeInstanceOf(StructuredOutputError);
  });

  it('asks a grammar-constrained engine for exactly one verdict per rubric id, in order, and for non-zero points', async () => {
    const engine = new ScriptedEngine('improves');
    await collect(runPipeline(input(engine)));
    const grade = engine.calls.find((c) => c.step === 'grade')!.options.schema!.schema as {
      properties: { grades: { prefixItems: { properties: { id: { enum: string[] } } }[]; minItems: number; maxItems: number } };
    };
    const grades = grade.properties.grades;
    expect(grades.prefixItems.map((item) => item.properties.id.enum)).toEqual([['R1'], ['R2'], ['R3'], ['R4'], ['R5']]);
    expect([grades.minItems, grades.maxItems]).toEqual([5, 5]);
    expect(grades).not.toHaveProperty('items');
    const rubric = engine.calls.find((c) => c.step === 'rubric')!.options.schema!.schema as {
      properties: { items: { maxItems: number; items: { properties: { points: { enum: number[] }; criterion: { maxLength: number } } } } };
    };
    const points = rubric.properties.items.items.properties.points.enum;
    expect(points).not.toContain(0);
    expect(Math.min(...points)).toBe(-10);
    expect(Math.max(...points)).toBe(10);
    expect(rubric.properties.items.maxItems).toBe(15);
  });

  it('gives grading enough tokens for the longest reply its schema allows, even at one character per token', () => {
    const ids = Array.from({ length: 15 }, (_, i) => `R${i + 1}`);
    const longest = JSON.stringify({ grades: ids.map((id) => ({ id, met: false, evidence: 'x'.repeat(100) })) }, null, 1);
    expect(longest.length).toBeLessThanOrEqual(gradeTokenBudget(ids.length));
  });

  it('fails at the grade step after one repair, with everything before it already emitted', async () => {
    const engine = new ScriptedEngine('gradeAlwaysMalformed');
    const events: RunEvent[] = [];
    const error = await (async () => {
      try {
        for await (const e of runPipeline(input(engine))) events.push(e);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(StepFailedError);
    expect((error as StepFailedError).step).toBe('grade');
    expect((error as StepFailedError).cause).toBeInstanceOf(StructuredOutputError);
    const run = fold(events);
    expect(run.rubric.length).toBe(5);
    expect(run.rounds[0]?.answer).toBeTruthy();
  });

  it('stops at once when aborted mid-draft, making no further calls', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine('improves', 32768, (call) => {
      if (call.step === 'draft') controller.abort();
    });
    const error = await collect(runPipeline(input(engine, { signal: controller.signal }))).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(engine.steps).toEqual(['classify', 'rubric', 'draft']);
  });

  it('resumes an interrupted run after its last completed step', async () => {
    const first = new ScriptedEngine('improves');
    const events = await collect(runPipeline(input(first)));
    const full = fold(events);
    const interrupted = { ...full, rounds: full.rounds.slice(0, 1) };
    const engine = new ScriptedEngine('improves');
    const resumed = fold(await collect(runPipeline(input(engine, { resume: interrupted }))));
    expect(engine.steps[0]).toBe('revise');
    expect(engine.steps).not.toContain('classify');
    expect(resumed.rounds.length).toBeGreaterThanOrEqual(1);
  });

  it('rejects an empty question before calling the engine', async () => {
    const engine = new ScriptedEngine();
    await expect(collect(runPipeline(input(engine, { question: '   \n ' })))).rejects.toBeInstanceOf(EmptyQuestionError);
    expect(engine.calls).toHaveLength(0);
  });

  it('rejects a question that cannot fit the context window before calling the engine', async () => {
    const engine = new ScriptedEngine('improves', 4096);
    const long = 'word '.repeat(6000);
    await expect(collect(runPipeline(input(engine, { question: long })))).rejects.toBeInstanceOf(ContextBudgetError);
    expect(engine.calls).toHaveLength(0);
  });
});
