// Paraphrases written after heldout53's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('heat illness talking rubbish', () => {
  it('keeps the stroke principle out of a worker red-faced and talking nonsense in a heatwave, and in for a face drooping', () => {
    expect(pool("roofer here, been up on the roof in this heat since 8, my mate's face is bright red and he's talking rubbish now, what do we do")).not.toContain('URG-005');
    expect(pool('my mate suddenly has one side of his face drooping and his speech is slurred, what do we do')).toContain('URG-005');
  });
});

describe('a recreational drug with overheating', () => {
  it('reads a pill taken at a party with burning up and a racing heart as a poisoning, and a hangover as none', () => {
    expect(pool("my mate took something about half an hour ago, now he's boiling hot and his heart is racing like mad, what do I do")).toContain('URG-020');
    expect(pool('bad hangover after the party, heart racing a bit this morning, what helps')).not.toContain('URG-020');
  });
});

describe('heat exhaustion at outdoor work, in Chinese', () => {
  it('reads dizziness, cramps and a drenching sweat while sweeping the road at midday as heat illness', () => {
    expect(pool('我是环卫工 今天中午扫马路突然头晕恶心 一身大汗 腿抽筋 现在在树荫下坐着 要紧吗')).toContain('URG-036');
  });
});

describe('fever with a non-blanching rash, in a clinician\'s words', () => {
  it('gives a clinician the sepsis principle for a febrile infant with non-blanching spots', () => {
    expect(pool('社区医生 9个月婴儿 发热39.8 精神差 躯干有压之不褪色的出血点 转诊前我能先做什么')).toContain('URG-030');
  });
});

describe('a headache years ago, and a figure of speech', () => {
  it('keeps the headache emergency principle out of a sudden headache years ago that settled, and in for one today', () => {
    expect(pool('八年前有一次突然头痛得要命 像被人拿棍子打了一下 后来过了几天自己好了 现在需要去查吗')).not.toContain('URG-031');
    expect(pool('我妈刚才突然头痛得要命 说像被人拿棍子打了一下 怎么办')).toContain('URG-031');
  });

  it('does not read 气得差点脑溢血 as a stroke, and reads a relative with a suspected haemorrhage now as one', () => {
    expect(scenario('被老板气得我差点脑溢血 哈哈 问一下血压135/85算高吗').urgency).not.toBe('emergent');
    expect(scenario('我爸刚才突然倒下 医生说可能是脑溢血 怎么办').urgency).toBe('emergent');
  });
});

describe('a remedy in place of a medicine', () => {
  it('does not read stopping blood-pressure tablets for lemon water as stopping alcohol', () => {
    expect(pool('我爸吃了八年的氨氯地平 看到视频说每天喝柠檬水能降压 想把药停了改喝柠檬水 行吗')).not.toContain('URG-044');
    expect(pool('我老公每天喝一斤白酒 昨天突然说要戒 今天一滴都不喝了 手抖出汗 要紧吗')).toContain('URG-044');
    // Honey water given for the hangover is no remedy in place of a medicine.
    expect(pool('我爸每天喝一斤白酒 前天开始一口不喝 今天手抖出汗 我给他冲了蜂蜜水解酒 要紧吗')).toContain('URG-044');
  });
});

describe('an allergy plan for a school trip', () => {
  it('reads what to do if a pupil reacts on next month\'s trip as planning, and a pupil reacting now as an emergency', () => {
    expect(scenario('taking our year 5 class on a camp next month, one girl has a nut allergy and an epipen, if she has a reaction when do I use it').urgency).not.toBe('emergent');
    expect(scenario('on our school trip a girl with a nut allergy just ate a cookie and her lips are swelling, she has an epipen').urgency).toBe('emergent');
  });
});

describe('chest pain counted in Chinese numerals, beside a results question', () => {
  it('reads chest pressure for twenty-odd minutes this morning as an emergency even when lipids are the question', () => {
    const q = '帮我看看这份体检报告：总胆固醇6.1，低密度4.0。另外今天早上逛菜市场的时候胸口压着疼了二十来分钟，一身冷汗，现在好点了。血脂要吃药吗？';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-004');
  });
});
