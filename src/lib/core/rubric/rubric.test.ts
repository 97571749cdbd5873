import { describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../../tests/support/fixturePrinciples';
import { sequenceEngine } from '../../../../tests/support/sequenceEngine';
import { StructuredOutputError, TruncatedOutputError } from '../errors';
import { MAX_RUBRIC_ITEMS, RUBRIC_SYSTEM, rubricMessages } from './rubricPrompts';
import { CRITERION_MAX_CHARS, MIN_RUBRIC_ITEMS, RUBRIC_MAX_TOKENS, normaliseRubric, rubricFromPrinciples, rubricProblems, sameCriterion, synthesiseRubric } from './rubric';
import { loadQwen3Tokenizer } from '../pipeline/tokens';
import { AXIS_CODES, compactRubricItem } from './rubricReply';
import type { Scenario } from '../types';

const SCENARIO: Scenario = { urgency: 'emergent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' };
const QUESTION = 'My father has crushing chest pain and is sweating. What should I do?';
const POOL = FIXTURE_PRINCIPLES.slice(0, 2);
const POOL_IDS = new Set(POOL.map((p) => p.id));
/** The pool's ids in the order the rubric prompt lists (and numbers) them. */
const LISTED = POOL.map((p) => p.id);

const item = (criterion: string, points: number, principle_id: string | null = null) => ({
  criterion,
  points,
  axis: 'accuracy' as const,
  principle_id,
});

const GOOD = {
  items: [
    item('Tells the person to call emergency services for the chest pain right now', 10, POOL[0]!.id),
    item('Advises chewing aspirin 300 mg unless allergic, while waiting for the ambulance', 6),
    item('Says not to drive the father to hospital themselves', 5, POOL[1]!.id),
    item('Explains that sweating with chest pain can mean a heart attack', 4),
    item('Suggests waiting to see whether the chest pain settles', -9, POOL[0]!.id),
    item('Starts with a long explanation of possible causes before any action', -5),
  ],
};

describe('rubric prompt', () => {
  it('asks for HealthBench-style items: one checkable behaviour each, concrete to the question, with signed points and traceability', () => {
    expect(RUBRIC_SYSTEM).toMatch(/5 to 15 rubric items/);
    expect(RUBRIC_SYSTEM).toMatch(/One verifiable behaviour, concrete to this question/);
    expect(RUBRIC_SYSTEM).toMatch(/-10 to 10, never 0/);
    expect(RUBRIC_SYSTEM).toMatch(/null when the item is specific to this question/);
    const user = rubricMessages(QUESTION, SCENARIO, POOL)[1]!.content;
    expect(user).toContain(QUESTION);
    expect(user).toContain('urgency=emergent');
    for (const p of POOL) {
      expect(user).toContain(`${LISTED.indexOf(p.id) + 1}. ${p.title}.`);
      expect(user).toContain(p.checks[0]!.criterion);
    }
    expect(rubricMessages(QUESTION, SCENARIO, [])[1]!.content).toMatch(/none matched/);
  });
});

describe('normaliseRubric', () => {
  it('numbers items R1…, keeps pool principle ids and marks the rest question-specific', () => {
    const rubric = normaliseRubric({ items: [...GOOD.items, item('Recommends a herbal remedy for the chest pain instead', -7, 'XYZ-999')] }, POOL_IDS);
    expect(rubric.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(rubric[0]!.principle_id).toBe(POOL[0]!.id);
    expect(rubric[1]!.principle_id).toBeNull();
    expect(rubric[6]!.principle_id).toBeNull();
  });

  it('drops items that check the same thing in other words, and caps the rubric at 15 items', () => {
    const dupes = {
      items: [
        item('Tells the person to call emergency services right now', 10),
        item('tells the person to call emergency services RIGHT NOW!', 9),
        item('Tells the person to call the emergency services right now', 8),
        ...Array.from({ length: 20 }, (_, i) => item(`Distinct behaviour number ${i} about dose ${i * 7} mg`, 2)),
      ],
    };
    const rubric = normaliseRubric(dupes, POOL_IDS);
    expect(rubric.filter((r) => /emergency/.test(r.criterion))).toHaveLength(1);
    expect(rubric).toHaveLength(MAX_RUBRIC_ITEMS);
    expect(sameCriterion('Asks about allergies to penicillin', 'Asks whether the child takes any medicines')).toBe(false);
  });
});

describe('rubricProblems', () => {
  it('accepts a good rubric', () => {
    expect(rubricProblems(GOOD, POOL_IDS)).toEqual([]);
  });

  it('names too few distinct items, no positive item and unknown principle ids', () => {
    const bad = { items: [item('Suggests waiting a week before seeing anyone', -5, 'NOPE-1'), item('Suggests waiting a week before seeing anyone.', -5)] };
    const problems = rubricProblems(bad, POOL_IDS).join(' | ');
    expect(problems).toMatch(/at least 5 distinct items \(got 1\)/);
    expect(problems).toMatch(/at least one positive item/);
    expect(problems).toMatch(/NOPE-1 is not in the list/);
  });
});

describe('synthesiseRubric', () => {
  it('reads the compact tuple form the prompt asks for, axis codes and principle ids included', async () => {
    const compact = { items: GOOD.items.map((i, n) => (n === 5 ? [i.criterion, i.points, 'comm', []] : compactRubricItem(i, LISTED))) };
    const { engine } = sequenceEngine([{ text: JSON.stringify(compact) }]);
    const rubric = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL);
    expect(rubric).toEqual(normaliseRubric({ items: GOOD.items.map((i, n) => (n === 5 ? { ...i, axis: 'communication_quality' as const } : i)) }, POOL_IDS));
    expect(rubric[0]!.principle_id).toBe(POOL[0]!.id);
    expect(rubric[5]!.principle_id).toBeNull();
  });

  it('refers to principles by their number in the list; a number outside it gets a repair request', async () => {
    expect(compactRubricItem(GOOD.items[0]!, LISTED)[3]).toBe(1);
    expect(compactRubricItem(GOOD.items[2]!, LISTED)[3]).toBe(2);
    const outside = { items: GOOD.items.map((i, n) => (n === 1 ? [i.criterion, i.points, 'acc', 7] : compactRubricItem(i, LISTED))) };
    const { engine, seen } = sequenceEngine([{ text: JSON.stringify(outside) }, { text: JSON.stringify({ items: GOOD.items.map((i) => compactRubricItem(i, LISTED)) }) }]);
    const rubric = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL);
    expect(rubric.map((r) => r.principle_id)).toEqual(GOOD.items.map((i) => i.principle_id));
    expect(seen[1]![seen[1]!.length - 1]!.content).toMatch(/#7 is not in the list/);
  });

  it('still reads the older object form ({criterion, points, axis, principle_id})', async () => {
    const { engine } = sequenceEngine([{ text: JSON.stringify(GOOD) }]);
    expect(await synthesiseRubric(engine, QUESTION, SCENARIO, POOL)).toEqual(normaliseRubric(GOOD, POOL_IDS));
  });

  it('validates compact items like object ones: points 0 and a too-short criterion get a repair request', async () => {
    const bad = { items: [...GOOD.items.slice(0, 4).map((i) => compactRubricItem(i, LISTED)), ['Mentions something', 0, 'acc', null], ['Short', 3, 'acc', null]] };
    const { engine, seen } = sequenceEngine([{ text: JSON.stringify(bad) }, { text: JSON.stringify({ items: GOOD.items.map((i) => compactRubricItem(i, LISTED)) }) }]);
    expect(await synthesiseRubric(engine, QUESTION, SCENARIO, POOL)).toHaveLength(6);
    const complaint = seen[1]![seen[1]!.length - 1]!.content;
    expect(complaint).toMatch(/points must not be 0/);
    expect(complaint).toMatch(/too short/);
  });

  it('sends the principles with thinking off and a schema, and returns the validated rubric', async () => {
    const { engine, seen, options } = sequenceEngine([{ text: JSON.stringify(GOOD) }]);
    const rubric = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL);
    expect(rubric).toHaveLength(6);
    expect(rubric.filter((r) => r.points < 0)).toHaveLength(2);
    expect(seen[0]).toEqual(rubricMessages(QUESTION, SCENARIO, POOL));
    expect(options[0]).toMatchObject({ thinking: false, temperature: 0, schema: { name: 'rubric' } });
    // The schema asks for tuples and pins principle ids to the pool (or null).
    const sent = JSON.stringify(options[0]!.schema!.schema);
    expect(sent).toContain('"prefixItems"');
    expect(sent).toContain(JSON.stringify({ anyOf: [{ type: 'integer', enum: [1, 2] }, { type: 'null' }] }));
    expect(sent).not.toContain('"criterion"');
  });

  it('asks once to fix a rubric with too few items or an unknown principle id', async () => {
    const first = { items: [item('Tells the person to call emergency services now', 9, 'URG-999')] };
    const { engine, seen } = sequenceEngine([{ text: JSON.stringify(first) }, { text: JSON.stringify(GOOD) }]);
    const rubric = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL);
    expect(rubric).toHaveLength(6);
    const complaint = seen[1]![seen[1]!.length - 1]!.content;
    expect(complaint).toMatch(/at least 5 distinct items/);
    expect(complaint).toMatch(/URG-999/);
  });

  it('after the repair, keeps an imperfect but usable rubric, treating unknown principle ids as question-specific', async () => {
    const imperfect = { items: [item('Tells the person to call emergency services now', 9, 'URG-999'), item('Suggests waiting a week first', -6)] };
    const { engine } = sequenceEngine([{ text: JSON.stringify(imperfect) }, { text: JSON.stringify(imperfect) }]);
    const rubric = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL);
    expect(rubric.map((r) => r.principle_id)).toEqual([null, null]);
  });

  it('rejects points of 0 or out of range, and a rubric with nothing to score against', async () => {
    const zero = { items: [...GOOD.items.slice(0, 4), item('Mentions something', 0)] };
    const tooHigh = { items: [...GOOD.items.slice(0, 4), item('Mentions something else entirely', 12)] };
    const allNegative = { items: GOOD.items.filter((i) => i.points < 0) };
    const { engine, seen } = sequenceEngine([{ text: JSON.stringify(zero) }, { text: JSON.stringify(tooHigh) }]);
    const error = await synthesiseRubric(engine, QUESTION, SCENARIO, POOL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(seen[1]![seen[1]!.length - 1]!.content).toMatch(/points must not be 0/);
    expect((error as StructuredOutputError).problems.join(' ')).toMatch(/10/);

    const negatives = sequenceEngine([{ text: JSON.stringify(allNegative) }, { text: JSON.stringify(allNegative) }]);
    await expect(synthesiseRubric(negatives.engine, QUESTION, SCENARIO, POOL)).rejects.toBeInstanceOf(StructuredOutputError);
  });

  it('never parses a rubric cut off at the token limit', async () => {
    const cut = JSON.stringify(GOOD).slice(0, 200);
    const { engine } = sequenceEngine([
      { text: cut, finishReason: 'length' },
      { text: cut, finishReason: 'length' },
    ]);
    await expect(synthesiseRubric(engine, QUESTION, SCENARIO, POOL)).rejects.toBeInstanceOf(TruncatedOutputError);
  });
});

describe('the rubric schema sent to engines', () => {
  it('lets a grammar-constrained model write the longest rubric it allows without hitting the token limit', async () => {
    const { count } = await loadQwen3Tokenizer();
    // Ordinary clinical wording at the maximum length, the widest points and axis, a principle id.
    const criterion = (
      'Advises calling emergency services immediately because crushing chest pain spreading to the left arm with sweating ' +
      'and nausea suggests an acute coronary syndrome, and says not to drive to hospital or wait for the pain to settle'
    ).slice(0, CRITERION_MAX_CHARS);
    const item = [criterion, -10, AXIS_CODES.communication_quality, 12];
    const reply = JSON.stringify({ items: Array.from({ length: MAX_RUBRIC_ITEMS }, () => item) });
    expect(count(reply)).toBeLessThanOrEqual(RUBRIC_MAX_TOKENS);
  });

  it('costs fewer decoded tokens than the object form for the same items', async () => {
    const { count } = await loadQwen3Tokenizer();
    const compact = count(JSON.stringify({ items: GOOD.items.map((i) => compactRubricItem(i, LISTED)) }));
    const verbose = count(JSON.stringify(GOOD));
    expect(compact).toBeLessThan(verbose * 0.8);
  });
});

describe('rubricFromPrinciples (when the model cannot write a rubric)', () => {
  it('takes each principle’s positive check first, most relevant first', () => {
    const rubric = rubricFromPrinciples(FIXTURE_PRINCIPLES)!;
    expect(rubric.map((r) => r.principle_id)).toEqual(FIXTURE_PRINCIPLES.map((p) => p.id));
    expect(rubric.every((r) => r.points > 0)).toBe(true);
  });

  it('tops a small pool up with the principles’ other checks to reach the minimum size', () => {
    const rubric = rubricFromPrinciples(FIXTURE_PRINCIPLES.slice(0, 3))!;
    expect(rubric).toHaveLength(MIN_RUBRIC_ITEMS);
    expect(rubric.some((r) => r.points < 0)).toBe(true);
    expect(rubricFromPrinciples(FIXTURE_PRINCIPLES.slice(0, 1))).toHaveLength(2);
  });
});
