import { afterEach, describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../cli/library';
import relevance from '../../../tests/fixtures/relevance-labels.json';
import { buildPrincipleIndex, selectPrinciplePool } from '../core/retrieval/selectPool';
import { classifyScenarioByRules } from '../core/scenario/rules';
import { locale } from '../i18n/index.svelte';
import { poolReasonWords } from './poolReason';

const library = readShippedPrinciples();
const index = buildPrincipleIndex(library);
const pools = relevance.dev.map((r) => selectPrinciplePool(classifyScenarioByRules(r.question), r.question, library, { index }));

describe('pool reasons through the catalogs', () => {
  afterEach(async () => {
    await locale.use('en');
  });

  it('words every reason in English exactly as the core does', async () => {
    await locale.use('en');
    for (const entry of pools.flat()) expect(poolReasonWords(entry.why!, entry.dimension)).toBe(entry.reason);
  });

  it('words them in Chinese, keeping the matched terms as written', async () => {
    await locale.use('zh-Hans');
    const pool = selectPrinciplePool(classifyScenarioByRules('我儿子14岁，早上醒来左边睾丸突然剧痛'), '我儿子14岁，早上醒来左边睾丸突然剧痛', library, { index });
    const testicular = pool.find((e) => e.id === 'URG-017')!;
    const words = poolReasonWords(testicular.why!, testicular.dimension);
    expect(words).toMatch(/^问题提到了「睾丸」/);
    expect(words).toContain('适用于');
    expect(words).not.toMatch(/applies|mentions/i);
  });

  it('says when the trigger that matched is an emergency sign, in both languages and as the core does', async () => {
    const q = 'Sciatica for weeks and now my bum feels numb when I wipe';
    const pool = selectPrinciplePool(classifyScenarioByRules(q, library), q, library, { index });
    const cauda = pool.find((e) => e.id === 'URG-018')!;
    expect(cauda.why!.emergencySign).toBe(true);
    expect(cauda.reason).toContain(', an emergency sign)');
    await locale.use('en');
    expect(poolReasonWords(cauda.why!, cauda.dimension)).toBe(cauda.reason);
    await locale.use('zh-Hans');
    expect(poolReasonWords(cauda.why!, cauda.dimension)).toContain('急症信号');
    // A plain trigger says nothing of the kind.
    const plain = selectPrinciplePool(classifyScenarioByRules('I think I have sciatica, what stretches help?', library), 'I think I have sciatica, what stretches help?', library, { index }).find((e) => e.id === 'URG-018');
    expect(plain?.why?.emergencySign).toBeUndefined();
  });

  it('says when a principle fits a plausible reading of the question, in both languages and as the core does', async () => {
    const q = 'one trivia card says you put a spoon in someones mouth during a fit, what is the actual answer now';
    const s = { ...classifyScenarioByRules(q, library), task_type: 'advice' as const };
    const entry = selectPrinciplePool(s, q, library, { index, plausible: { task_type: ['information'] }, maxSize: 1000 }).find((e) => e.id === 'TSK-008')!;
    expect(entry.reason).toContain('an information question (a possible reading of the question)');
    await locale.use('en');
    expect(poolReasonWords(entry.why!, entry.dimension)).toBe(entry.reason);
    await locale.use('zh-Hans');
    expect(poolReasonWords(entry.why!, entry.dimension)).toContain('问题的另一种可能理解');
  });
});
