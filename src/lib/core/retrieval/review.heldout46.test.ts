// Paraphrases written after heldout46's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);

describe('Latin observations in Chinese shorthand', () => {
  it('reads "BP 82/48 HR 124" beside an infection as the clinician sepsis principle', () => {
    expect(pool('卫生院夜班 82岁男 咳嗽发热两天 今天嗜睡 BP 82/48 HR 124 R 30 我该先做什么')).toContain('URG-030');
  });

  it('reads a normal pressure after a birth as no after-birth emergency, and a raised one as one', () => {
    expect(pool('社区医生产后访视 产后第12天 恶露正常 BP 118/76 问母乳期间能不能吃布洛芬')).not.toContain('URG-048');
    expect(pool('产后第5天 头很痛 眼前冒金星 BP 162/104 我该怎么办')).toContain('URG-048');
  });
});

describe('an exam being revised for', () => {
  it('reads first-aid practice papers and a first-aid-at-work exam as teaching, and a collapse at the exam as a patient', () => {
    expect(aboutNoPatient('resus council practice papers ask when to stop CPR, what is the right answer')).toBe('teaching');
    expect(aboutNoPatient('my first aid at work exam is tomorrow, what is the ratio for rescue breaths?')).toBe('teaching');
    expect(aboutNoPatient('a woman collapsed at the exam centre and is not breathing, what do I do')).toBeNull();
  });
});

describe('lochia', () => {
  it('reads lochia told as normal as no after-birth emergency, and heavy or foul lochia as one', () => {
    expect(pool('产后第10天 恶露正常 颜色变淡了 想问什么时候可以开始运动')).not.toContain('URG-048');
    expect(pool('产后第8天 恶露突然变多 还有血块 头有点晕')).toContain('URG-048');
  });
});
