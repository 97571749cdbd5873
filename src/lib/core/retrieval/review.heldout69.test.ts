// Paraphrases written after heldout69's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('heat stroke told by touch and sweat, in Chinese', () => {
  it('brings the heat-stroke principle and reads slurred speech in the heat as an emergency', () => {
    const q = '我爸下午在外面修路，工友打电话说他有点晕乎乎的，说话不利索，摸着身上滚烫，没怎么出汗';
    expect(pool(q)).toContain('URG-036');
    expect(scenario(q).urgency).toBe('emergent');
  });
  it('keeps heat stroke last summer, asked about for prevention, out', () => {
    expect(pool('上次在工地中暑晕倒了，后来输液就好了，听说中过暑的人更容易再中暑，今年要注意什么？')).not.toContain('URG-036');
  });
});

describe('methotrexate prescribed daily, caught at the pharmacy, in Chinese', () => {
  it('reads a daily prescription as urgent', () => {
    expect(scenario('审方时看到处方：甲氨蝶呤2.5mg，一次3片，每日一次，银屑病。怎么跟医生沟通？').urgency).toBe('urgent');
  });
  it('keeps the weekly dose with daily folic acid routine', () => {
    expect(scenario('处方：甲氨蝶呤一周一次，叶酸5mg每日一次，这样开对吗？').urgency).not.toBe('urgent');
  });
});

describe('an emergency sign a day ago on top of an old back problem, in Chinese', () => {
  it('reads saddle numbness and trouble passing water since yesterday as an emergency', () => {
    expect(scenario('腰椎间盘突出好多年了，老毛病。昨天开始两条腿都麻，屁股那块木木的，小便也解不出来，要紧吗').urgency).toBe('emergent');
  });
});

describe('a toddler\'s age in months without "old"', () => {
  it('reads "the baby is 15 months" as a child, so a tummy bug with few wet nappies brings the dehydration principle', () => {
    const q = 'Dad of two here, we have all got a tummy bug. The baby is 15 months and has only had one wet nappy today and no tears when she cries';
    expect([...questionFacts(q)]).toContain('child');
    expect(pool(q)).toContain('URG-012');
  });
  it('does not read a pregnancy in months as an age', () => {
    expect([...questionFacts('she is 7 months pregnant and has a headache')]).not.toContain('child');
  });
});

describe('a clinician\'s NEWS2 with fluids asked about', () => {
  it('brings the sepsis principles for a high score with antibiotics given and fluids asked about', () => {
    const q = 'FY1 on nights: 74F, NEWS2 8, T 39.1, BP 88/50, abx given - how much fluid can I give with her heart failure?';
    expect(pool(q)).toContain('URG-054');
    expect(pool(q)).toContain('URG-030');
  });
});
