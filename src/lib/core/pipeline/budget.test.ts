import { beforeAll, describe, expect, it } from 'vitest';
import expertise from '../../../../principles/expertise.json';
import taskType from '../../../../principles/task_type.json';
import uncertainty from '../../../../principles/uncertainty.json';
import urgency from '../../../../principles/urgency.json';
import { assertQuestionFits, assertQuestionLength, fitPrinciples, minimumRunTokens, requestTokens, structuredReserve } from './budget';
import { ContextBudgetError } from '../errors';
import { rubricMessages } from '../rubric/rubricPrompts';
import { RUBRIC_MAX_TOKENS } from '../rubric/rubric';
import { PrincipleSchema } from '../schemas';
import { loadQwen3Tokenizer, roughTokenCount, type Tokenizer } from './tokens';
import type { Scenario } from '../types';

const PRINCIPLES = [...urgency, ...uncertainty, ...expertise, ...taskType].slice(0, 12).map((p) => PrincipleSchema.parse(p));
const SCENARIO: Scenario = { urgency: 'urgent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' };
const QUESTION = 'My 70-year-old mother has had a headache and blurred vision since this morning. Should she go to hospital?';

let qwen3: Tokenizer;
beforeAll(async () => {
  qwen3 = await loadQwen3Tokenizer();
}, 60_000);

const rubricRequest = (n: number) =>
  requestTokens(rubricMessages(QUESTION, SCENARIO, PRINCIPLES.slice(0, n)), structuredReserve(RUBRIC_MAX_TOKENS), qwen3.count);

describe('fitPrinciples', () => {
  it('keeps the whole pool when it fits, or when the window is unknown', async () => {
    expect(await fitPrinciples(QUESTION, SCENARIO, PRINCIPLES, await rubricRequest(12), qwen3.count)).toHaveLength(12);
    expect(await fitPrinciples(QUESTION, SCENARIO, PRINCIPLES, null, qwen3.count)).toHaveLength(12);
  });

  it('leaves out the lowest-ranked principles until the rubric request fits the window', async () => {
    const window = await rubricRequest(7);
    const kept = await fitPrinciples(QUESTION, SCENARIO, PRINCIPLES, window, qwen3.count);
    expect(kept).toEqual(PRINCIPLES.slice(0, 7));
    expect(await fitPrinciples(QUESTION, SCENARIO, PRINCIPLES, window - 1, qwen3.count)).toEqual(PRINCIPLES.slice(0, 6));
  });

  it('fails clearly when not even the bare rubric request fits', async () => {
    const error = await fitPrinciples(QUESTION, SCENARIO, PRINCIPLES, (await rubricRequest(0)) - 1, qwen3.count).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ContextBudgetError);
    expect((error as Error).message).toMatch(/^Writing the rubric needs about [\d,]+ tokens but the model's context window holds [\d,]+/);
  });
});

describe('assertQuestionFits', () => {
  it('passes a normal question in a 4096-token window and checks nothing when the window is unknown', async () => {
    await expect(assertQuestionFits(QUESTION, 4096, qwen3.count)).resolves.toBeUndefined();
    await expect(assertQuestionFits('word '.repeat(100_000), null, qwen3.count)).resolves.toBeUndefined();
  });

  it('names the tokens needed and the window when the question cannot fit', async () => {
    const long = `${QUESTION} ${'She also mentions '.repeat(700)}`;
    const needed = await minimumRunTokens(long, qwen3.count);
    await expect(assertQuestionFits(long, needed, qwen3.count)).resolves.toBeUndefined();
    await expect(assertQuestionFits(long, needed - 1, qwen3.count)).rejects.toThrow(new ContextBudgetError(needed, needed - 1).message);
  });

  it('counts with the tokenizer it is given: the real one admits what the fallback estimate would refuse', async () => {
    const prose = `${QUESTION} ${'Her neighbour says that it is probably nothing serious at all. '.repeat(60)}`;
    const window = await minimumRunTokens(prose, qwen3.count);
    expect(await minimumRunTokens(prose, roughTokenCount)).toBeGreaterThan(window);
    await expect(assertQuestionFits(prose, window, qwen3.count)).resolves.toBeUndefined();
    await expect(assertQuestionFits(prose, window, roughTokenCount)).rejects.toThrow(ContextBudgetError);
  });
});

describe('assertQuestionLength (the pre-check before any tokenizer)', () => {
  it('refuses a 1 MB question at once without counting a single token', async () => {
    const huge = 'Patient history: '.padEnd(1_000_000, 'lorem ipsum dolor ');
    let counted = 0;
    const counter = (t: string) => {
      counted++;
      return roughTokenCount(t);
    };
    const start = performance.now();
    expect(() => assertQuestionLength(huge, 32_768)).toThrow(ContextBudgetError);
    await expect(assertQuestionFits(huge, 32_768, counter)).rejects.toThrow(/The question needs about 166,667 tokens/);
    expect(performance.now() - start).toBeLessThan(100);
    expect(counted).toBe(0);
  });

  it('lets through anything that could fit, leaving the exact count to decide', () => {
    expect(() => assertQuestionLength('a'.repeat(6 * 4096), 4096)).not.toThrow();
    expect(() => assertQuestionLength('a'.repeat(6 * 4096 + 1), 4096)).toThrow(ContextBudgetError);
    expect(() => assertQuestionLength('a'.repeat(4096), 1000, 'b'.repeat(4096))).toThrow(/The question with your draft/);
    expect(() => assertQuestionLength('a'.repeat(10_000_000), null)).not.toThrow();
  });
});
