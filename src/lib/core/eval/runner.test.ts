import { describe, expect, it } from 'vitest';
import { ScriptedEngine } from '../../../../tests/support/scriptedEngine';
import { sequenceEngine } from '../../../../tests/support/sequenceEngine';
import type { ChatEngine } from '../chat';
import { StructuredOutputError } from '../errors';
import type { HealthBenchExample } from '../healthbench/format';
import { ANSWER_SYSTEM } from '../pipeline/answerPrompts';
import { gradeItem } from './grader';
import { HB_GRADER_MARKER } from './graderPrompt';
import { evalReport, memoryStore, runEvaluation, type Answerer, type EvalProgress } from './runner';

function example(id: string, theme: string, turns = 1): HealthBenchExample {
  const prompt = [];
  for (let i = 1; i < turns; i++) prompt.push({ role: 'user' as const, content: `earlier ${i}` }, { role: 'assistant' as const, content: `reply ${i}` });
  prompt.push({ role: 'user' as const, content: `question ${id}` });
  return {
    prompt_id: id,
    prompt,
    example_tags: [`theme:${theme}`],
    rubrics: [
      { criterion: 'even positive', points: 4, tags: ['axis:accuracy'] },
      { criterion: 'odd positive', points: 3, tags: ['axis:completeness'] },
      { criterion: 'odd negative', points: -3, tags: ['axis:accuracy'] },
    ],
  };
}

// Under the default script a draft meets the even positive item and the odd negative one: (4 − 3)/7;
// a revised reply meets both positives and no negative: 1.
const PLAIN_SCORE = 1 / 7;
const revisedAnswerer: Answerer = async (engine, conversation, signal) => {
  const r = await engine.chat([{ role: 'user', content: `REVISE ${conversation.at(-1)!.content}` }], { signal });
  return `Revised answer: ${r.text}`;
};

describe('runEvaluation', () => {
  it('plain: one reply per example with the draft system prompt, every item graded in its own call', async () => {
    const engine = new ScriptedEngine('improves');
    const store = memoryStore();
    const examples = [example('a', 'hedging', 2), example('b', 'communication')];
    const outcome = await runEvaluation({ examples, total: 2, mode: 'plain', answerEngine: engine, graderEngine: engine, store, signal: new AbortController().signal });
    expect(outcome.status).toBe('done');
    expect(outcome.failures).toEqual([]);
    expect(engine.steps).toEqual(['draft', 'hb_grade', 'hb_grade', 'hb_grade', 'draft', 'hb_grade', 'hb_grade', 'hb_grade']);
    const draft = engine.calls[0]!;
    expect(draft.messages[0]).toEqual({ role: 'system', content: ANSWER_SYSTEM });
    expect(draft.messages.slice(1).map((m) => m.content)).toEqual(['earlier 1', 'reply 1', 'question a']);
    // The grader sees the whole conversation, then the reply, and one item.
    const grading = engine.calls[1]!.messages[0]!.content;
    expect(grading.startsWith(HB_GRADER_MARKER)).toBe(true);
    expect(grading).toContain('user: earlier 1\n\nassistant: reply 1\n\nuser: question a\n\nassistant: Draft answer');
    expect(grading).toContain('[4] even positive');
    expect(store.results.map((r) => [r.prompt_id, r.mode])).toEqual([['a', 'plain'], ['b', 'plain']]);
    for (const r of store.results) expect(r.score).toBeCloseTo(PLAIN_SCORE, 12);
    expect(store.results[0]!.items.map((i) => i.met)).toEqual([true, false, true]);
    expect(store.results[0]!.tag_scores).toEqual({ 'theme:hedging': PLAIN_SCORE, 'axis:accuracy': (4 - 3) / 4, 'axis:completeness': 0 });
    expect(store.results[0]!.cost.grader.calls).toBe(3);
    expect(store.results[0]!.cost.answer.calls).toBe(1);
    expect(outcome.cost.calls).toBe(8);
  });

  it('both: plain and revised per example, and the paired difference', async () => {
    const engine = new ScriptedEngine('improves');
    const store = memoryStore();
    const examples = [example('a', 'hedging'), example('b', 'hedging'), example('c', 'global_health')];
    const outcome = await runEvaluation({ examples, total: 3, mode: 'both', answerEngine: engine, graderEngine: engine, revised: revisedAnswerer, store, signal: new AbortController().signal, concurrency: 2 });
    expect(outcome.results).toHaveLength(6);
    const report = evalReport(outcome.results, 'both');
    if (report.mode !== 'both') throw new Error('expected a both report');
    expect(report.n_examples).toBe(3);
    expect(report.plain.overall.score).toBeCloseTo(PLAIN_SCORE, 12);
    expect(report.revised.overall.score).toBe(1);
    expect(report.difference.mean).toBeCloseTo(1 - PLAIN_SCORE, 12);
    expect(report.difference.ci95[0]).toBeCloseTo(1 - PLAIN_SCORE, 12);
    expect(report.plain.tags['theme:hedging']!.n).toBe(2);
  });

  it('uses the answer engine for replies and the grader engine for verdicts', async () => {
    const answer = new ScriptedEngine('improves');
    const grader = new ScriptedEngine('improves');
    await runEvaluation({ examples: [example('a', 'hedging')], total: 1, mode: 'plain', answerEngine: answer, graderEngine: grader, store: memoryStore(), signal: new AbortController().signal });
    expect(answer.steps).toEqual(['draft']);
    expect(grader.steps).toEqual(['hb_grade', 'hb_grade', 'hb_grade']);
  });

  it('resumes: examples already in the store are not run again', async () => {
    const store = memoryStore();
    const examples = [example('a', 'hedging'), example('b', 'hedging'), example('c', 'hedging')];
    const first = new ScriptedEngine('improves');
    await runEvaluation({ examples: examples.slice(0, 2), total: 2, mode: 'plain', answerEngine: first, graderEngine: first, store, signal: new AbortController().signal });
    const second = new ScriptedEngine('improves');
    const progress: EvalProgress[] = [];
    const outcome = await runEvaluation({ examples, total: 3, mode: 'plain', answerEngine: second, graderEngine: second, store, signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(second.steps.filter((s) => s === 'draft')).toHaveLength(1);
    expect(outcome.results.map((r) => r.prompt_id).sort()).toEqual(['a', 'b', 'c']);
    expect(progress[0]).toMatchObject({ done: 2, resumed: 2, total: 3 });
    expect(progress.at(-1)).toMatchObject({ done: 3, etaSeconds: 0 });
    // A later run over fewer examples reports only those, though the store holds more.
    const third = new ScriptedEngine('improves');
    const fewer = await runEvaluation({ examples: examples.slice(0, 1), total: 1, mode: 'plain', answerEngine: third, graderEngine: third, store, signal: new AbortController().signal });
    expect(fewer.results.map((r) => r.prompt_id)).toEqual(['a']);
    expect(third.calls).toHaveLength(0);
  });

  it('Stop ends the run as stopped, keeping what completed; nothing half-graded is saved', async () => {
    const controller = new AbortController();
    let grades = 0;
    const engine = new ScriptedEngine('improves', 32768, (call) => {
      if (call.step === 'hb_grade' && ++grades === 5) controller.abort();
    });
    const store = memoryStore();
    const outcome = await runEvaluation({ examples: [example('a', 'x'), example('b', 'x'), example('c', 'x')], total: 3, mode: 'plain', answerEngine: engine, graderEngine: engine, store, signal: controller.signal });
    expect(outcome.status).toBe('stopped');
    expect(store.results.map((r) => r.prompt_id)).toEqual(['a']);
    expect(engine.steps.filter((s) => s === 'draft')).toHaveLength(2);
  });

  it('reports a failing example and goes on with the others', async () => {
    // The grader never produces a verdict for example b (prose twice), so b fails; a and c complete.
    const engine: ChatEngine = {
      label: 'mixed',
      contextWindow: null,
      async chat(messages) {
        const text = messages[0]!.content;
        if (!text.startsWith(HB_GRADER_MARKER)) return { text: 'A reply.', finishReason: 'stop', usage: { promptTokens: 10, completionTokens: 3 } };
        const broken = text.includes('question b');
        return { text: broken ? 'I am not sure.' : '{"explanation":"ok","criteria_met":true}', finishReason: 'stop', usage: { promptTokens: 50, completionTokens: 8, cachedPromptTokens: 20 } };
      },
      async dispose() {},
    };
    const progress: EvalProgress[] = [];
    const outcome = await runEvaluation({ examples: [example('a', 'x'), example('b', 'x'), example('c', 'x')], total: 3, mode: 'plain', answerEngine: engine, graderEngine: engine, store: memoryStore(), signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(outcome.status).toBe('done');
    expect(outcome.results.map((r) => r.prompt_id)).toEqual(['a', 'c']);
    expect(outcome.failures).toEqual([{ prompt_id: 'b', mode: 'plain', message: expect.stringMatching(/rubric verdict/) }]);
    expect(progress.at(-1)).toMatchObject({ done: 2, failed: 1, total: 3 });
    // Progress carries the cost including the reply it reports.
    expect(progress.at(-1)!.cost).toEqual(outcome.cost);
    expect(progress.find((p) => p.lastFailure)!.cost.calls).toBeGreaterThanOrEqual(2);
    // a: 1 answer (10 prefilled, 3 decoded) + 3 verdicts (30 prefilled each after the cache, 8 decoded).
    expect(outcome.results[0]!.cost).toEqual({ answer: { calls: 1, prefilled: 10, decoded: 3, unreported: 0 }, grader: { calls: 3, prefilled: 90, decoded: 24, unreported: 0 } });
    // b's two tries of the first item count too.
    expect(outcome.cost.calls).toBe(4 + 4 + 1 + 2);
  });

  it('runs at most `concurrency` replies at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const engine: ChatEngine = {
      label: 'slow',
      contextWindow: null,
      async chat(messages) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        const grading = messages[0]!.content.startsWith(HB_GRADER_MARKER);
        return { text: grading ? '{"explanation":"","criteria_met":false}' : 'reply', finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } };
      },
      async dispose() {},
    };
    const examples = Array.from({ length: 8 }, (_, i) => example(`e${i}`, 'x'));
    const outcome = await runEvaluation({ examples, total: 8, mode: 'plain', answerEngine: engine, graderEngine: engine, store: memoryStore(), signal: new AbortController().signal, concurrency: 3 });
    expect(outcome.results).toHaveLength(8);
    expect(peak).toBe(3);
    expect(outcome.cost.unreported).toBe(outcome.cost.calls);
  });

  it('progress reports a rate and an ETA from the clock', async () => {
    let t = 0;
    const engine = new ScriptedEngine('improves', 32768, () => void (t += 1000));
    const progress: EvalProgress[] = [];
    await runEvaluation({ examples: [example('a', 'x'), example('b', 'x')], total: 2, mode: 'plain', answerEngine: engine, graderEngine: engine, store: memoryStore(), signal: new AbortController().signal, onProgress: (p) => progress.push(p), now: () => t });
    // Each example takes 4 calls × 1 s: after the first, 1 per 4 s = 15 a minute, 4 s to go.
    const afterFirst = progress.find((p) => p.done === 1)!;
    expect(afterFirst.perMinute).toBeCloseTo(15, 9);
    expect(afterFirst.etaSeconds).toBeCloseTo(4, 9);
  });
});

describe('gradeItem', () => {
  it('reads a verdict wrapped in thinking and a fence, and repairs a bad first reply once', async () => {
    const { engine, seen } = sequenceEngine([{ text: 'The reply is fine.' }, { text: '<think>x</think>```json\n{"explanation":"Says call 999.","criteria_met":"true"}\n```' }]);
    const v = await gradeItem(engine, [{ role: 'user', content: 'q' }], 'call 999', { criterion: 'Says to call emergency services', points: 5, tags: [] });
    expect(v).toEqual({ met: true, explanation: 'Says call 999.', repaired: true });
    expect(seen).toHaveLength(2);
  });

  it('fails typed when the grader never gives a verdict', async () => {
    const { engine } = sequenceEngine([{ text: 'no' }, { text: '{"explanation":"x"}' }]);
    await expect(gradeItem(engine, [{ role: 'user', content: 'q' }], 'r', { criterion: 'c', points: 1, tags: [] })).rejects.toBeInstanceOf(StructuredOutputError);
  });
});

describe('plain vs the loop’s draft', () => {
  it('a plain reply is asked exactly as the revision loop asks for its draft (same messages and settings)', async () => {
    const { runPipeline } = await import('../pipeline/pipeline');
    const { FIXTURE_PRINCIPLES } = await import('../../../../tests/support/fixturePrinciples');
    const { DEFAULT_RUN_OPTIONS } = await import('../types');
    const conversation = [
      { role: 'system' as const, content: 'The user is a parent.' },
      { role: 'user' as const, content: 'My son has had a fever for two days.' },
      { role: 'assistant' as const, content: 'How old is he, and is he drinking?' },
      { role: 'user' as const, content: 'He is four and drinking well. Should he see a doctor?' },
    ];
    const loop = new ScriptedEngine('improves');
    for await (const _ of runPipeline({ conversation, engine: loop, principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS, signal: new AbortController().signal })) void _;
    const draft = loop.calls.find((c) => c.step === 'draft')!;
    const plain = new ScriptedEngine('improves');
    await runEvaluation({ examples: [{ ...example('a', 'x'), prompt: conversation }], total: 1, mode: 'plain', answerEngine: plain, graderEngine: new ScriptedEngine('improves'), store: memoryStore(), signal: new AbortController().signal });
    expect(plain.calls[0]!.messages).toEqual(draft.messages);
    const pick = (o: typeof draft.options) => ({ maxTokens: o.maxTokens, temperature: o.temperature, thinking: o.thinking });
    expect(pick(plain.calls[0]!.options)).toEqual(pick(draft.options));
  });
});

describe('revisedAnswerer', () => {
  it('runs the loop on the whole conversation and returns its final answer', async () => {
    const { revisedAnswerer } = await import('./revised');
    const { FIXTURE_PRINCIPLES } = await import('../../../../tests/support/fixturePrinciples');
    const { DEFAULT_RUN_OPTIONS } = await import('../types');
    const engine = new ScriptedEngine('improves');
    const answer = revisedAnswerer({ principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS });
    const reply = await answer(engine, example('m', 'x', 2).prompt, new AbortController().signal);
    expect(reply).toMatch(/^Revised answer 2/);
    const draft = engine.calls.find((c) => c.step === 'draft')!;
    expect(draft.messages.map((m) => m.content).slice(1)).toEqual(['earlier 1', 'reply 1', 'question m']);
    // The loop's own rubric, not the example's, drove the revision.
    expect(engine.steps).toContain('rubric');
    expect(engine.steps).not.toContain('hb_grade');
  });
});
