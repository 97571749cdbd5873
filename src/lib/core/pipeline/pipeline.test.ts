import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../../tests/support/scriptedEngine';
import { SCRIPTS, rubricIdsInPrompt, type Script } from '../../../../tests/support/scriptedReplies';
import type { ChatMessage } from '../chat';
import { ANSWER_MAX_TOKENS, structuredReserve } from './budget';
import { ContextBudgetError, EmptyQuestionError, StepFailedError, StructuredOutputError, isAbortError } from '../errors';
import { applyRunEvent, createRun } from './fold';
import { runPipeline, type PipelineInput } from './pipeline';
import { FALLBACK_RUBRIC_ITEMS, MIN_RUBRIC_ITEMS } from '../rubric/rubric';
import { REVISE_MARKER } from './answerPrompts';
import { GRADE_MARKER } from '../grading/gradePrompts';
import { countPromptTokens, loadQwen3Tokenizer, type Tokenizer } from './tokens';
import { DEFAULT_RUN_OPTIONS, type Run, type RunEvent, type RunOptions } from '../types';
import { classifyWithConfidence } from '../scenario/confidence';

const QUESTION = 'My son has had a fever and cough for two days. Should I take him to a doctor?';

function input(engine: ScriptedEngine, overrides: Partial<PipelineInput> = {}, options: Partial<RunOptions> = {}): PipelineInput {
  return {
    question: QUESTION,
    engine,
    principles: FIXTURE_PRINCIPLES,
    // The model classifies unless a test asks for 'auto' (the rules when confident; tested on its own).
    options: { ...DEFAULT_RUN_OPTIONS, scenarioClassifier: 'model', ...options },
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
  it('runs draft → classify → pool → rubric → grade → revise → grade and keeps the best round', async () => {
    const engine = new ScriptedEngine('improves');
    const events = await collect(runPipeline(input(engine)));
    expect(engine.steps).toEqual(['draft', 'classify', 'rubric', 'grade', 'revise', 'grade', 'revise', 'grade']);
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

  it('by default takes the rule classifier’s scenario without a model call when the rules are confident', async () => {
    const engine = new ScriptedEngine('improves');
    const stroke = 'My dad suddenly cannot lift his right arm and his speech is slurred, it started 20 minutes ago. What do I do?';
    const events = await collect(runPipeline(input(engine, { question: stroke }, { scenarioClassifier: undefined })));
    expect(engine.steps).not.toContain('classify');
    expect(engine.steps[0]).toBe('draft');
    const run = fold(events);
    expect(run.status).toBe('done');
    expect(run.scenarioSource).toBe('rules');
    expect(run.scenario).toEqual(classifyWithConfidence(stroke).scenario);
    expect(run.scenario?.urgency).toBe('emergent');
    expect(events.some((e) => e.type === 'step_started' && e.step === 'classify')).toBe(true);
  });

  it('asks the model when the rules are not confident, and always with scenarioClassifier "model"', async () => {
    const unsure = 'knee pain what to do now?';
    expect(classifyWithConfidence(unsure).confident).toBe(false);
    const auto = new ScriptedEngine('improves');
    const run = fold(await collect(runPipeline(input(auto, { question: unsure }, { scenarioClassifier: 'auto' }))));
    expect(auto.steps.slice(0, 2)).toEqual(['draft', 'classify']);
    expect(run.scenarioSource).toBe('model');
    const always = new ScriptedEngine('improves');
    await collect(runPipeline(input(always, {}, { scenarioClassifier: 'model' })));
    expect(always.steps.slice(0, 2)).toEqual(['draft', 'classify']);
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
    // One item per pooled principle (up to the cap), topped up to the minimum rubric size from their other checks.
    expect(run.rubric.length).toBe(Math.max(Math.min(run.pool.length, FALLBACK_RUBRIC_ITEMS), MIN_RUBRIC_ITEMS));
    expect(new Set(run.rubric.map((item) => item.principle_id))).toEqual(pooled);
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

  it('asks a grammar-constrained engine for 5 to 15 rubric items with non-zero points and bounded criteria', async () => {
    const engine = new ScriptedEngine('improves');
    await collect(runPipeline(input(engine)));
    // Compact tuples: [criterion, points, axis code, principle id or null].
    const rubric = engine.calls.find((c) => c.step === 'rubric')!.options.schema!.schema as {
      properties: { items: { minItems: number; maxItems: number; items: { prefixItems: [{ maxLength: number }, { enum: number[] }, { enum: string[] }, unknown] } } };
    };
    const items = rubric.properties.items;
    expect([items.minItems, items.maxItems]).toEqual([5, 15]);
    const [criterion, points] = items.items.prefixItems;
    expect(points.enum).not.toContain(0);
    expect([Math.min(...points.enum), Math.max(...points.enum)]).toEqual([-10, 10]);
    expect(criterion.maxLength).toBeGreaterThan(0);
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
    expect(engine.steps).toEqual(['draft']);
  });

  it('decodes nothing before the answer: the first call streams the draft, the rubric never sees it', async () => {
    const engine = new ScriptedEngine('improves');
    const events = await collect(runPipeline(input(engine)));
    expect(engine.calls[0]!.step).toBe('draft');
    const firstToken = events.findIndex((e) => e.type === 'token');
    expect(events.slice(0, firstToken).map((e) => e.type)).toEqual(['step_started']);
    const draft = fold(events).rounds[0]!.answer;
    const rubricCall = engine.calls.find((c) => c.step === 'rubric')!;
    expect(rubricCall.messages.map((m) => m.content).join('\n')).not.toContain(draft);
  });

  it('a stop after the draft keeps the draft as an ungraded answer', async () => {
    const controller = new AbortController();
    const engine = new ScriptedEngine('improves', 32768, (call) => {
      if (call.step === 'classify') controller.abort();
    });
    const events: RunEvent[] = [];
    const error = await (async () => {
      try {
        for await (const e of runPipeline(input(engine, { signal: controller.signal }))) events.push(e);
      } catch (err) {
        return err;
      }
    })();
    expect(isAbortError(error)).toBe(true);
    const run = fold(events);
    expect(run.rounds).toHaveLength(1);
    expect(run.rounds[0]!.answer).toBeTruthy();
    expect(run.rounds[0]!.score).toBeNull();
    expect(run.final).toBeNull();
  });

  it('answers a conversation: every step sees the earlier turns, retrieval reads what the user said', async () => {
    const engine = new ScriptedEngine('improves');
    const conversation = [
      { role: 'user' as const, content: 'My son is 4 and has had a fever since yesterday.' },
      { role: 'assistant' as const, content: 'How high is it, and is he drinking?' },
      { role: 'user' as const, content: 'It is 39.4 and he will not drink. Should I take him in?' },
    ];
    const run = fold(await collect(runPipeline({ ...input(engine), question: undefined, conversation })));
    expect(run.status).toBe('done');
    const draft = engine.calls.find((c) => c.step === 'draft')!;
    expect(draft.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(draft.messages[1]!.content).toBe(conversation[0]!.content);
    for (const step of ['classify', 'rubric'] as const) {
      const text = engine.calls.find((c) => c.step === step)!.messages.map((m) => m.content).join('\n');
      expect(text, step).toContain('has had a fever since yesterday');
      expect(text, step).toContain('he will not drink');
    }
    const grade = engine.calls.find((c) => c.step === 'grade')!;
    expect(grade.messages.slice(0, 4).map((m) => m.content)).toEqual(draft.messages.slice(0, 4).map((m) => m.content));
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

  it('grades per item when asked: one fresh call per rubric item, the same verdicts and scores as batched', async () => {
    const batchedEngine = new ScriptedEngine('improves');
    const batched = fold(await collect(runPipeline(input(batchedEngine))));
    const engine = new ScriptedEngine('improves');
    const perItem = fold(await collect(runPipeline(input(engine, {}, { grading: 'per-item' }))));
    const five = Array<string>(5).fill('grade_item');
    expect(engine.steps).toEqual(['draft', 'classify', 'rubric', ...five, 'revise', ...five, 'revise', ...five]);
    for (const call of engine.calls.filter((c) => c.step === 'grade_item')) {
      expect(call.messages.map((m) => m.role)).toEqual(['system', 'user']);
    }
    expect(perItem.rounds.map((r) => r.score)).toEqual(batched.rounds.map((r) => r.score));
    expect(perItem.rounds.map((r) => r.grades)).toEqual(
      batched.rounds.map((r) => r.grades.map((g) => ({ ...g, evidence: g.met ? 'stated in the answer' : '' }))),
    );
    expect(perItem.final).toEqual(batched.final);
  });

  it('follows web-llm’s reuse rule in the answer thread: each request’s messages[:-1] equal the last request plus the reply as returned', async () => {
    const engine = new ScriptedEngine('malformedOnce');
    const replies: string[] = [];
    const recording = {
      label: engine.label,
      contextWindow: engine.contextWindow,
      chat: async (messages: ChatMessage[], options?: Parameters<ScriptedEngine['chat']>[1]) => {
        const result = await engine.chat(messages, options);
        replies.push(result.text);
        return result;
      },
      dispose: () => engine.dispose(),
    };
    await collect(runPipeline(input(engine, { engine: recording })));
    const threadCalls = engine.calls.map((c, i) => ({ ...c, reply: replies[i]! })).filter((c) => c.step !== 'classify' && c.step !== 'rubric');
    expect(threadCalls.map((c) => c.step)).toEqual(['draft', 'grade', 'grade', 'revise', 'grade']);
    for (let i = 1; i < threadCalls.length; i++) {
      const prev = threadCalls[i - 1]!;
      expect(threadCalls[i]!.messages.slice(0, -1)).toEqual([...prev.messages, { role: 'assistant', content: prev.reply }]);
    }
  });

  it('switches thinking off for every step and constrains every structured step with a schema', async () => {
    const engine = new ScriptedEngine('improves');
    await collect(runPipeline(input(engine)));
    for (const call of engine.calls) {
      expect(call.options.thinking).toBe(false);
      const structured = call.step !== 'draft' && call.step !== 'revise';
      expect(Boolean(call.options.schema)).toBe(structured);
    }
  });

  it('checks the user’s own answer the same way: grades it in a thread that starts from it, then revises it', async () => {
    const engine = new ScriptedEngine('improves');
    const draft = 'Rest at home for a week; no need to see anyone.';
    const run = fold(await collect(runPipeline(input(engine, {}, { userDraft: draft }))));
    expect(engine.steps).toEqual(['classify', 'rubric', 'grade', 'revise', 'grade', 'revise', 'grade']);
    const firstGrade = engine.calls.find((c) => c.step === 'grade')!;
    expect(firstGrade.messages.slice(1, 3)).toEqual([
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: draft },
    ]);
    expect(firstGrade.messages[3]!.content.startsWith(GRADE_MARKER)).toBe(true);
    expect(run.rounds.map((r) => r.kind)).toEqual(['user_draft', 'revision', 'revision']);
    expect(run.final).toMatchObject({ round: 2, reason: 'target_reached' });
  });

  it('rejects a user draft too long for the window before anything is sent', async () => {
    const engine = new ScriptedEngine('improves', 4096);
    const error = await collect(runPipeline(input(engine, {}, { userDraft: 'Take rest. '.repeat(2000) }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContextBudgetError);
    expect((error as Error).message).toMatch(/The question with your draft needs about [\d,]+ tokens/);
    expect(engine.calls).toHaveLength(0);
  });

  it('flags an answer cut off at the token limit, grades it, and asks the revision to be shorter and complete', async () => {
    const cutOff: Script = (step, call) =>
      step === 'draft' ? { text: 'Draft answer: rest and drink fl', finishReason: 'length' } : SCRIPTS.improves(step, call);
    const engine = new ScriptedEngine(cutOff);
    const run = fold(await collect(runPipeline(input(engine))));
    expect(run.rounds[0]).toMatchObject({ truncated: true, answer: 'Draft answer: rest and drink fl' });
    expect(run.rounds[0]!.score).not.toBeNull();
    const revise = engine.calls.find((c) => c.step === 'revise')!;
    const instruction = revise.messages[revise.messages.length - 1]!.content;
    expect(instruction).toMatch(/cut off at the length limit/);
    expect(instruction).toMatch(/complete answer of at most about \d+ words/);
    expect(run.rounds[1]!.truncated).toBe(false);
  });

  it('tells the revision what to add and remove, with each item’s principle, and what to keep', async () => {
    const rubric = {
      items: [
        { criterion: 'Says to see a doctor today if the fever passes 39 °C', points: 8, axis: 'accuracy', principle_id: 'URG-002' },
        { criterion: 'Asks how old the child is', points: 5, axis: 'context_awareness', principle_id: 'UNC-001' },
        { criterion: 'Suggests drinking plenty of fluids', points: 3, axis: 'completeness', principle_id: null },
        { criterion: 'Explains what a febrile convulsion looks like', points: 4, axis: 'completeness', principle_id: null },
        { criterion: 'Recommends aspirin for the child', points: -9, axis: 'accuracy', principle_id: null },
      ],
    };
    const script: Script = (step, call) => {
      if (step === 'rubric') return { text: JSON.stringify(rubric) };
      if (step === 'grade') {
        const first = call.nth === 0;
        const met: Record<string, boolean> = { R1: !first, R2: false, R3: true, R4: !first, R5: first };
        return { text: JSON.stringify(Object.fromEntries(rubricIdsInPrompt(call.messages).map(({ id }) => [id, [met[id], '']]))) };
      }
      return SCRIPTS.improves(step, call);
    };
    const engine = new ScriptedEngine(script);
    const run = fold(await collect(runPipeline(input(engine, {}, { rounds: 1 }))));
    expect(run.rounds[0]!.score).toBeCloseTo((3 - 9) / 20);
    const revise = engine.calls.find((c) => c.step === 'revise')!;
    const instruction = revise.messages[revise.messages.length - 1]!.content;
    expect(instruction.startsWith(REVISE_MARKER)).toBe(true);
    const section = (title: string) => instruction.split('\n\n').find((p) => p.startsWith(title)) ?? '';
    expect(section('Add what it is missing')).toContain('Says to see a doctor today if the fever passes 39 °C [principle: Give specific return advice]');
    expect(section('Add what it is missing')).toContain('Asks how old the child is [principle: Ask the questions that change the answer]');
    expect(section('Add what it is missing')).toContain('Explains what a febrile convulsion looks like');
    expect(section('Remove or correct')).toContain('Recommends aspirin for the child');
    expect(section('Keep what it already does well')).toContain('Suggests drinking plenty of fluids');
    expect(section('Keep what it already does well')).not.toContain('aspirin');
    expect(run.final).toMatchObject({ round: 1, reason: 'max_rounds' });
  });

  describe('with the real Qwen3 tokenizer and a 4096-token window', () => {
    let qwen3: Tokenizer;
    beforeAll(async () => {
      qwen3 = await loadQwen3Tokenizer();
    }, 60_000);

    /** Answers of about 1,100 tokens: three of them cannot share one 4096-token thread. */
    const longAnswers: Script = (step, call) => {
      const body = 'Keep your child drinking small sips of water and watch for a rash or a stiff neck. '.repeat(48);
      if (step === 'draft') return { text: `Draft answer: ${body}` };
      if (step === 'revise') return { text: `Revised answer ${call.nth + 1}: ${body}` };
      return SCRIPTS.improves(step, call);
    };

    it('restarts the thread from the answer being revised instead of overflowing, and every request fits', async () => {
      const engine = new ScriptedEngine(longAnswers, 4096);
      const run = fold(await collect(runPipeline(input(engine, { countTokens: qwen3.count }))));
      expect(run.status).toBe('done');
      expect(run.rounds).toHaveLength(3);
      for (const call of engine.calls) {
        const reserve = call.options.schema ? structuredReserve(call.options.maxTokens ?? 0) : ANSWER_MAX_TOKENS;
        expect((await countPromptTokens(call.messages, qwen3.count)) + reserve).toBeLessThanOrEqual(4096);
      }
      // The last grading would overflow the 3-answer thread: it restarts from the answer it grades,
      // and since the rubric is no longer in the thread, lists it again.
      const lastGrade = engine.calls.filter((c) => c.step === 'grade').at(-1)!;
      expect(lastGrade.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
      expect(lastGrade.messages[1]!.content).toBe(QUESTION);
      expect(lastGrade.messages[2]!.content).toBe(run.rounds[2]!.answer);
      expect(lastGrade.messages[3]!.content).toContain('R1 (+8)');
    });

    it('keeps the thread whole when the window has room', async () => {
      const engine = new ScriptedEngine(longAnswers, 16384);
      await collect(runPipeline(input(engine, { countTokens: qwen3.count })));
      const calls = engine.calls.filter((c) => c.step !== 'classify' && c.step !== 'rubric');
      for (let i = 1; i < calls.length; i++) expect(calls[i]!.messages.length).toBeGreaterThan(calls[i - 1]!.messages.length);
    });

    it('fails before grading, naming the rubric and keeping the draft, when the rubric the model wrote leaves no room for the answer thread', async () => {
      const wordy = { items: Array.from({ length: 15 }, (_, i) => ({ criterion: `Covers point ${i}: ${Array.from({ length: 40 }, (_, j) => `aspect${i}x${j}`).join(' ')}`, points: 5, axis: 'completeness', principle_id: null })) };
      const script: Script = (step, call) => (step === 'rubric' ? { text: JSON.stringify(wordy) } : SCRIPTS.improves(step, call));
      const engine = new ScriptedEngine(script, 4096);
      const events: RunEvent[] = [];
      const error = await (async () => {
        try {
          for await (const e of runPipeline(input(engine, { countTokens: qwen3.count }))) events.push(e);
        } catch (err) {
          return err;
        }
      })();
      expect(error).toBeInstanceOf(StepFailedError);
      expect((error as StepFailedError).cause).toBeInstanceOf(ContextBudgetError);
      expect((error as Error).message).toMatch(/The question with its rubric needs about [\d,]+ tokens but the model's context window holds 4,096/);
      expect(engine.steps).toEqual(['draft', 'classify', 'rubric']);
      expect(fold(events).rubric).toHaveLength(15);
      expect(fold(events).rounds[0]!.answer).toBeTruthy();
    });

    it('resumes a per-item run from its last graded answer in a restarted thread', async () => {
      const first = fold(await collect(runPipeline(input(new ScriptedEngine('improves'), {}, { grading: 'per-item' }))));
      const interrupted = { ...first, rounds: first.rounds.slice(0, 1) };
      const engine = new ScriptedEngine('improves');
      const resumed = fold(await collect(runPipeline(input(engine, { resume: interrupted, countTokens: qwen3.count }, { grading: 'per-item' }))));
      expect(engine.steps[0]).toBe('revise');
      expect(engine.calls[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
      expect(engine.calls[0]!.messages[2]!.content).toBe(first.rounds[0]!.answer);
      expect(resumed.status).toBe('done');
    });
  });
});
