// Paraphrases written after heldout50's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('meningitis told in dialect', () => {
  it('reads a neck held stiff (梗着) with spots that do not fade when pressed as meningitis, and a cricked neck with no fever as none', () => {
    expect(pool('俺闺女烧了一天了 脖子梗着不让低头 腿上有些红点点 拿杯子按了也不褪 咋办')).toContain('URG-010');
    expect(pool('落枕了 脖子梗着转不动 没发烧 怎么缓解')).not.toContain('URG-010');
  });
});

describe('new confusion in a clinician sepsis question, in Chinese', () => {
  it('keeps the delirium principle out of a shocked septic patient, as in English, and in for confusion after an operation', () => {
    expect(pool('急诊：女81，T 38.9 HR 118 SBP 88 乳酸3.6 新发意识模糊 疑肺部感染 下一步怎么处理')).not.toContain('URG-051');
    expect(pool('我奶奶做完髋关节手术后突然糊涂了 一直说胡话 怎么办')).toContain('URG-051');
  });
});

describe('heat exhaustion after hours in the sun', () => {
  it('reads dizziness, nausea and drenching sweat after a morning under the sun as heat illness, and preventing it as no presentation', () => {
    expect(pool('工地上顶着太阳干了一上午 我工友现在头晕恶心 满头大汗 人还清醒 怎么办')).toContain('URG-036');
    expect(pool('夏天顶着太阳跑步 怎么预防中暑')).not.toContain('URG-036');
  });
});

describe('whether a facial palsy long ago comes back', () => {
  it('reads asking whether a palsy years ago will recur as routine without the stroke principle, and a face drooping now as a stroke', () => {
    const odds = '五年前得过面瘫 嘴歪了两个月才好 现在想问以后会不会复发';
    expect(scenario(odds).urgency).toBe('routine');
    expect(pool(odds)).not.toContain('URG-005');
    expect(pool('我爸刚才突然嘴歪了 说话也不清楚 怎么办')).toContain('URG-005');
  });

  it('still reads an emergency today asked in the words of recurrence ("去年心梗过 今天又胸口疼 会不会复发") as one', () => {
    expect(scenario('我爸去年心梗过 今天又胸口疼得厉害 出冷汗 是不是复发了 会不会复发').urgency).toBe('emergent');
    expect(scenario('我爸去年心梗过 刚才又胸口疼 会不会复发了').urgency).toBe('emergent');
  });
});

describe('a collapse with gasping breaths', () => {
  it('gives an unresponsive person making odd gasps the CPR principle and not the blackout one', () => {
    const arrest = pool('a man just collapsed at the bus stop, he is not responding and making weird gasps every few seconds');
    expect(arrest).toContain('URG-021');
    expect(arrest).not.toContain('URG-007');
  });
});

describe('seeing things in an older person with an infection', () => {
  it('reads hallucinations with new muddle and a water infection in a nursing home as delirium, not psychosis; voices in a young man as psychosis', () => {
    const delirium = pool("my nan (88) in her nursing home has been muddled since yesterday and seeing things that aren't there, they think it's a water infection");
    expect(delirium).toContain('URG-051');
    expect(delirium).not.toContain('URG-042');
    expect(pool('my 24 year old brother has been hearing voices for a week and thinks the neighbours are watching him through the walls')).toContain('URG-042');
  });
});

describe('clinic notes put into a letter, and the number needed to treat', () => {
  it('reads notes turned into a referral letter as documentation and an NNT asked for as evidence', () => {
    expect(scenario('把这段门诊记录整理成一封给心内科的转诊信：男，66岁，活动后胸闷2月，心电图ST段压低').task_type).toBe('documentation');
    expect(scenario('全科医生 想知道阿司匹林一级预防的NNT大概是多少').task_type).toBe('evidence');
  });
});

describe("a child's bruises noticed at school, in Chinese", () => {
  it("reads finger-mark bruises on a child who will not say how as urgent, and a bruise from a fall as routine", () => {
    expect(scenario('我是幼儿园老师 有个小女孩手臂上有手指印样的淤青 问她也不说 该怎么办').urgency).toBe('urgent');
    expect(scenario('孩子胳膊上摔了块淤青 要擦什么药').urgency).toBe('routine');
  });
});
