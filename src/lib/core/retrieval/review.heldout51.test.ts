// Paraphrases written after heldout51's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a child choking, told as 呛着', () => {
  it('reads choking on a peanut with no cough or cry left as choking, and a drink that went down the wrong way as none', () => {
    expect(pool('孩子两岁 刚才吃瓜子呛着了 咳不出来 脸憋得发紫 怎么办')).toContain('URG-034');
    expect(pool('我爸喝水老是呛着 咳几下就好了 要不要去看看')).not.toContain('URG-034');
  });
});

describe("a dispatcher's chest pain in shorthand", () => {
  it('reads central CP radiating to the left arm as an emergency, and a chest wall ache after the gym as none', () => {
    expect(scenario('EMD here: 61F, central CP 30 min radiating to L jaw, clammy. caller wants to know if she can have aspirin').urgency).toBe('emergent');
    expect(scenario('sore chest wall since bench pressing on monday, hurts when I press on it, can I still train').urgency).not.toBe('emergent');
  });
});

describe('pesticide poisoning with slurred speech', () => {
  it('keeps the stroke principle out of a farmer slurring and drooling after spraying, and in for slurring with a drooping face', () => {
    expect(pool('我爸上午在地里喷药 回来就头晕 一直出汗流口水 说话有点大舌头 怎么办')).not.toContain('URG-005');
    expect(pool('我爸刚才突然说话大舌头 嘴也歪了 怎么办')).toContain('URG-005');
  });
});

describe("an older neighbour who did not know the asker", () => {
  it('reads an old neighbour not knowing who the asker is this morning as delirium, and a new haircut she did not recognise as none', () => {
    expect(pool("my neighbour is 86, went round this morning and she didn't know who I was and kept picking at the blanket")).toContain('URG-051');
    expect(pool("my neighbour is 86 and didn't know who I was at first with my new haircut, we had a laugh, should I worry about her memory")).not.toContain('URG-051');
  });
});

describe('odd beliefs days after a birth, asked by a clinician', () => {
  it('keeps the delirium principle out of postpartum psychosis on a crisis line', () => {
    const q = 'crisis line nurse: woman day 6 postpartum, not slept for days, convinced her baby has been swapped, pacing and agitated. what is the assessment timeframe?';
    expect(pool(q)).toContain('URG-056');
    expect(pool(q)).not.toContain('URG-051');
  });
});

describe('obstetric shorthand', () => {
  it('reads gravida and para as a clinician writing, and a severe pressure with headache at 35 weeks as an emergency', () => {
    const q = 'G3P2 孕35周 BP 168/110 头痛 眼花 尿蛋白+++ 硫酸镁怎么用';
    expect(scenario(q).expertise).toBe('health_professional');
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-014');
  });
});

describe('a faint had once, and a test named by its hours', () => {
  it('reads a faint last year with normal tests as routine, and a faint today as urgent or more', () => {
    expect(scenario('前年打羽毛球的时候晕倒过一次 后来做了24小时动态心电图都正常 医生说是血管迷走性晕厥 现在还能打球吗').urgency).toBe('routine');
    expect(scenario('我妈刚才打羽毛球的时候突然晕倒了 现在醒了').urgency).not.toBe('routine');
  });
});
