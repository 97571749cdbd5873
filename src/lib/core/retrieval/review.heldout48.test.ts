// Paraphrases written after heldout48's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { classifyScenarioOffline } from '../scenario/offline';
import { learnedPoolHints } from '../learned/shipped';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const urgency = (q: string) => classifyScenarioByRules(q, library).urgency;
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);
/** The pool as the app selects it with no model: rules and the learned model together, with its hints. */
const poolAsShipped = (q: string) => {
  const scenario = classifyScenarioOffline(q, library);
  return selectPrinciplePool(scenario, q, library, learnedPoolHints(q, scenario)).map((e) => e.id);
};

describe('a nursing exam question drilled', () => {
  it('reads a 护考 question with its answer key as teaching, and the same symptoms told of a father now as an emergency', () => {
    const drill = '护考刷题 这道题没看懂：患者女 70岁 突发胸骨后压榨样疼痛 大汗淋漓 首要护理措施是什么 答案选的是A 为什么不选C';
    expect(aboutNoPatient(drill)).toBe('teaching');
    expect(urgency(drill)).toBe('not_applicable');
    expect(urgency('我爸刚才突然胸骨后压榨样疼痛 大汗淋漓 怎么办')).toBe('emergent');
  });
});

describe("a relative's illness when young, asked about for heredity", () => {
  it('reads a great-uncle\'s fits in his youth asked about for a baby\'s odds as routine, with no seizure principle', () => {
    const odds = '我舅爷年轻的时候老发羊角风 抽起来口吐白沫 我现在怀孕五个月 这个会不会遗传给孩子';
    expect(urgency(odds)).toBe('routine');
    expect(pool(odds)).not.toContain('URG-025');
    expect(pool('我舅爷刚才突然抽起来了 口吐白沫 叫不醒 怎么办')).toContain('URG-025');
  });
});

describe('heart-attack chest pain told without the word for chest', () => {
  it('reads a stone pressing, pain into the left arm and a cold sweat, or chest pain in pinyin, as heart-attack chest pain', () => {
    expect(pool('我妈说像有块石头压着 一直疼到左边手臂 出了一身冷汗 她63岁')).toContain('URG-004');
    expect(pool('wo ma xiong kou teng 半个小时了 出冷汗 怎么办')).toContain('URG-004');
    expect(pool('打完疫苗左边胳膊酸痛 正常吗')).not.toContain('URG-004');
  });
});

describe('a blackout after the head struck the ground', () => {
  it('does not read knocked out by a fall onto the back of the head as a faint, and still reads a faint on standing as one', () => {
    expect(pool('我同事骑电动车被车蹭了一下 后脑着地 晕过去一会儿 现在醒了 吐了一次')).not.toContain('URG-007');
    expect(pool('我妈刚才站起来的时候突然晕过去了 几秒钟就醒了 她有心脏病')).toContain('URG-007');
  });
});

describe('hot to the touch and talking nonsense after pills', () => {
  it('does not read a clubber boiling hot and talking nonsense as delirium, and still reads sudden confusion with an infection as it', () => {
    expect(pool('my mate took some pills at a rave, he is boiling hot and talking nonsense, what do we do')).not.toContain('URG-051');
    expect(pool('grandad is suddenly talking nonsense since his water infection started yesterday')).toContain('URG-051');
  });
});

describe('a needle through the skin, told by where it went in', () => {
  it('reads jabbed in the hand by a discarded needle as urgent, and a sore arm after a flu jab as routine', () => {
    expect(urgency('got jabbed in the hand by a needle sticking out of a bin bag at work this morning')).toBe('urgent');
    expect(urgency('had my flu jab in the arm yesterday and it is still sore, is that normal')).toBe('routine');
  });
});

describe('a discharge medication list put into a table', () => {
  it('keeps the copy-values-exactly principle in the pool of a dose table, with the learned model as the app runs', () => {
    expect(poolAsShipped('把出院带药整理成表格 列出药名 剂量 用法：阿司匹林100mg qd；阿托伐他汀20mg qn；美托洛尔47.5mg qd')).toContain('TSK-019');
  });
});
