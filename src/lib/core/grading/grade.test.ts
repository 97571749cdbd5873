import { describe, expect, it } from 'vitest';
import { sequenceEngine } from '../../../../tests/support/sequenceEngine';
import type { ChatMessage } from '../chat';
import { StructuredOutputError, TruncatedOutputError } from '../errors';
import { batchedGradeMaxTokens, formatBatchedGrades, gradeBatched, gradePerItem } from './grade';
import { GRADING_RULES, gradeInstruction, gradeItemMessages } from './gradePrompts';
import { scoreAnswer } from './score';
import { loadQwen3Tokenizer } from '../pipeline/tokens';
import type { RubricItem } from '../types';

const RUBRIC: RubricItem[] = [
  { id: 'R1', criterion: 'Advises calling emergency services now', points: 9, axis: 'accuracy', principle_id: 'URG-001' },
  { id: 'R2', criterion: 'Mentions warning signs such as confusion, a stiff neck or a rash', points: 5, axis: 'completeness', principle_id: null },
  { id: 'R3', criterion: 'Suggests waiting to see whether the symptoms pass', points: -8, axis: 'accuracy', principle_id: 'URG-001' },
];

const THREAD: ChatMessage[] = [
  { role: 'system', content: 'sys' },
  { role: 'user', content: 'Chest pain and sweating, what do I do?' },
  { role: 'assistant', content: 'Call 999 now. Wait and see if it passes.' },
];

/** The positional form the grader is asked for: a quote when met, false when not. */
const COMPACT = '{"met":["Call 999 now",false,"Wait and see if it passes"]}';
/** The older keyed form, still read. */
const KEYED = '{"R1":[true,"Call 999 now"],"R2":[false,""],"R3":[true,"Wait and see if it passes"]}';
const EXPECTED = [
  { item_id: 'R1', met: true, evidence: 'Call 999 now' },
  { item_id: 'R2', met: false, evidence: '' },
  { item_id: 'R3', met: true, evidence: 'Wait and see if it passes' },
];

describe('grading prompts', () => {
  it('state HealthBench’s rules: every part must hold, example lists need not be complete, negative met = bad behaviour present', () => {
    expect(GRADING_RULES).toMatch(/every part must hold/);
    expect(GRADING_RULES).toMatch(/"such as", "for example", "including"/);
    expect(GRADING_RULES).toMatch(/need not mention all/);
    expect(GRADING_RULES).toMatch(/negative item[\s\S]*met when the answer DOES contain that bad behaviour/i);
    // Both modes judge by the same rules.
    expect(gradeInstruction(RUBRIC, false)).toContain(GRADING_RULES);
    expect(gradeItemMessages('q', 'a', RUBRIC[0]!)[0]!.content).toContain(GRADING_RULES);
  });

  it('lists every item with signed points the first time, and only refers to them once the rubric is in the thread', () => {
    const first = gradeInstruction(RUBRIC, false);
    expect(first).toContain('R1 (+9) Advises calling emergency services now');
    expect(first).toContain('R3 (-8) Suggests waiting');
    const later = gradeInstruction(RUBRIC, true);
    expect(later).not.toContain('Advises calling emergency services');
    expect(later).toContain('R1–R3');
    expect(later.length).toBeLessThan(first.length);
  });

  it('puts the item last in a per-item request, so the question and answer form a shared prefix', () => {
    const [a, b] = [gradeItemMessages('q?', 'answer', RUBRIC[0]!), gradeItemMessages('q?', 'answer', RUBRIC[1]!)];
    expect(a[0]).toEqual(b[0]);
    const userA = a[1]!.content;
    const userB = b[1]!.content;
    const shared = userA.slice(0, userA.indexOf('R1 ('));
    expect(userB.startsWith(shared)).toBe(true);
    expect(userA.endsWith('R1 (+9) Advises calling emergency services now')).toBe(true);
  });
});

describe('gradeBatched', () => {
  it('reads compact verdicts in rubric order and extends the thread with the reply exactly as returned', async () => {
    const reply = `  ${COMPACT}\n`;
    const { engine, seen, options } = sequenceEngine([{ text: reply }]);
    const { grades, thread } = await gradeBatched(engine, THREAD, RUBRIC, false);
    expect(grades).toEqual(EXPECTED);
    expect(seen[0]!.slice(0, 3)).toEqual(THREAD);
    expect(thread).toEqual([...seen[0]!, { role: 'assistant', content: reply }]);
    expect(options[0]).toMatchObject({ thinking: false, temperature: 0, maxTokens: batchedGradeMaxTokens(3) });
    const schema = options[0]!.schema!;
    expect(schema.name).toBe('grades');
    expect(schema.schema).toMatchObject({ required: ['met'], additionalProperties: false, properties: { met: { minItems: 3, maxItems: 3 } } });
  });

  it('still reads the older keyed form, and a bare true as met without a quote', async () => {
    const { engine } = sequenceEngine([{ text: KEYED }]);
    expect((await gradeBatched(engine, THREAD, RUBRIC, false)).grades).toEqual(EXPECTED);
    const bare = sequenceEngine([{ text: '{"met":[true,"no",false]}' }]);
    expect((await gradeBatched(bare.engine, THREAD, RUBRIC, false)).grades).toEqual([
      { item_id: 'R1', met: true, evidence: '' },
      { item_id: 'R2', met: false, evidence: '' },
      { item_id: 'R3', met: false, evidence: '' },
    ]);
  });

  it('asks once more when the positional reply has the wrong number of verdicts', async () => {
    const { engine, seen } = sequenceEngine([{ text: '{"met":["Call 999 now",false]}' }, { text: COMPACT }]);
    expect((await gradeBatched(engine, THREAD, RUBRIC, false)).grades).toEqual(EXPECTED);
    expect(seen[1]![seen[1]!.length - 1]!.content).toMatch(/exactly 3 verdicts, one per item \(got 2\)/);
  });

  it('decodes far fewer tokens than the keyed form for the same verdicts', async () => {
    const { count } = await loadQwen3Tokenizer();
    const ids = Array.from({ length: 10 }, (_, i) => `R${i + 1}`);
    const grades = ids.map((id, i) => ({ item_id: id, met: i < 4, evidence: i < 4 ? 'call an ambulance now' : '' }));
    const keyed = JSON.stringify(Object.fromEntries(grades.map((g) => [g.item_id, [g.met, g.evidence]])));
    expect(count(formatBatchedGrades(grades))).toBeLessThan(count(keyed) * 0.6);
  });

  it('penalises a negative item that is met: the bad behaviour is present', async () => {
    const { engine } = sequenceEngine([{ text: COMPACT }]);
    const { grades } = await gradeBatched(engine, THREAD, RUBRIC, false);
    expect(scoreAnswer(RUBRIC, grades)).toBeCloseTo((9 - 8) / 14);
  });

  it('accepts the shapes models write when they ignore the schema', async () => {
    const variants = [
      '{"r1":{"met":true,"evidence":"Call 999 now"},"R2":{"met":"no"},"R3":["yes","Wait and see if it passes"]}',
      '{"grades":[{"id":"R1","met":true,"evidence":"Call 999 now"},{"id":"R2","met":false},{"id":"r3","met":true,"evidence":"Wait and see if it passes"}]}',
      `<think>R1 looks met</think>\n\`\`\`json\n${COMPACT}\n\`\`\``,
      `<think>R1 looks met</think>\n\`\`\`json\n${KEYED}\n\`\`\``,
    ];
    for (const text of variants) {
      const { engine } = sequenceEngine([{ text }]);
      expect((await gradeBatched(engine, THREAD, RUBRIC, false)).grades).toEqual(EXPECTED);
    }
    const { engine } = sequenceEngine([{ text: '{"R1":true,"R2":false,"R3":false}' }]);
    expect((await gradeBatched(engine, THREAD, RUBRIC, false)).grades.map((g) => g.met)).toEqual([true, false, false]);
  });

  it('asks once more, in the same thread, when a verdict is missing or an id is unknown', async () => {
    const { engine, seen } = sequenceEngine([{ text: '{"R1":[true,"x"],"R3":[false,""],"R9":[true,""]}' }, { text: COMPACT }]);
    const { grades, thread } = await gradeBatched(engine, THREAD, RUBRIC, false);
    expect(grades).toEqual(EXPECTED);
    const complaint = seen[1]![seen[1]!.length - 1]!.content;
    expect(complaint).toMatch(/R2/);
    expect(complaint).toMatch(/R9/);
    // The repair extends the conversation; the returned thread ends with the repaired reply.
    expect(seen[1]!.slice(0, seen[0]!.length)).toEqual(seen[0]);
    expect(thread[thread.length - 1]).toEqual({ role: 'assistant', content: COMPACT });
  });

  it('never reads a reply cut off by the token limit, even when it parses', async () => {
    const { engine, seen } = sequenceEngine([{ text: COMPACT, finishReason: 'length' }, { text: COMPACT }]);
    const { grades } = await gradeBatched(engine, THREAD, RUBRIC, false);
    expect(grades).toEqual(EXPECTED);
    expect(seen[1]![seen[1]!.length - 1]!.content).toMatch(/cut off/);

    const twice = sequenceEngine([
      { text: '{"R1":[true,"Call', finishReason: 'length' },
      { text: '{"R1":[true,"Call 999', finishReason: 'length' },
    ]);
    await expect(gradeBatched(twice.engine, THREAD, RUBRIC, false)).rejects.toBeInstanceOf(TruncatedOutputError);
  });

  it('fails with a typed error when the repaired reply is still unusable', async () => {
    const { engine } = sequenceEngine([{ text: 'All good.' }, { text: '{"R1":[maybe]}' }]);
    await expect(gradeBatched(engine, THREAD, RUBRIC, false)).rejects.toBeInstanceOf(StructuredOutputError);
  });

  it('round-trips its own format (used to rebuild a thread on resume)', async () => {
    const { engine } = sequenceEngine([{ text: formatBatchedGrades(EXPECTED) }]);
    expect((await gradeBatched(engine, THREAD, RUBRIC, false)).grades).toEqual(EXPECTED);
  });
});

describe('gradePerItem', () => {
  it('makes one fresh call per item and returns the same shape as batched grading', async () => {
    const { engine, seen, options } = sequenceEngine([
      { text: '{"met":true,"evidence":"Call 999 now"}' },
      { text: '{"met":false,"evidence":""}' },
      { text: '{"met":true,"evidence":"Wait and see if it passes"}' },
    ]);
    const grades = await gradePerItem(engine, 'Chest pain and sweating, what do I do?', 'Call 999 now. Wait and see if it passes.', RUBRIC);
    expect(grades).toEqual(EXPECTED);
    expect(seen).toHaveLength(3);
    for (const [i, messages] of seen.entries()) {
      expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(messages[1]!.content).toContain(RUBRIC[i]!.criterion);
      expect(options[i]).toMatchObject({ thinking: false, schema: { name: 'grade_item' } });
    }
  });

  it('repairs a malformed verdict for that item only', async () => {
    const { engine, seen } = sequenceEngine([
      { text: '{"met":true,"evidence":"Call 999 now"}' },
      { text: 'Not met, I think.' },
      { text: '{"met":false}' },
      { text: '{"met":"present","evidence":"Wait and see if it passes"}' },
    ]);
    const grades = await gradePerItem(engine, 'q', 'a', RUBRIC);
    expect(grades).toEqual(EXPECTED);
    expect(seen[2]).toHaveLength(4);
  });
});
