// Paraphrases written after heldout63's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('"giving me a heart attack" as a figure of speech', () => {
  it('reads it as no emergency and keeps the heart-attack principles out', () => {
    const q = 'My toddler climbing the bookcase is giving me a heart attack. Separate question: how much screen time is ok at 2?';
    expect(scenario(q).urgency).not.toBe('emergent');
    expect(pool(q)).not.toContain('URG-052');
    expect(pool(q)).not.toContain('URG-004');
  });
});

describe('a heart attack years ago told as over, in Chinese', () => {
  it('reads the chest pain "当时" as then, and chest pain today as now', () => {
    expect(scenario('我妈五年前心梗住过院，当时胸口疼得出冷汗，后来恢复得挺好。现在吃的他汀能不能换个牌子？').urgency).toBe('routine');
    expect(scenario('我妈五年前心梗住过院，今天又胸口疼得出冷汗').urgency).toBe('emergent');
  });
});

describe('a video game\'s plot, in Chinese', () => {
  it('reads first aid asked about a game\'s character as nobody\'s emergency', () => {
    const q = '最近在玩一个手机游戏，游戏里的主角被毒蛇咬了，队友用嘴把毒吸出来就好了，现实中可以这样吗？';
    expect(scenario(q).urgency).toBe('not_applicable');
  });
});

describe('delusions and voices, in Chinese', () => {
  it('brings the psychosis principle for someone sleepless for a week who says his phone is bugged to harm him', () => {
    expect(pool('我哥这一周几乎没睡，说有人在他手机里装了监控要害他，今天把门反锁了不让我们进去，要不要等他冷静下来')).toContain('URG-042');
  });
});

describe('fear in a question about someone else\'s results', () => {
  it('keeps the domestic-abuse principle out of "terrified" about a wife\'s report, and in for fear of a partner', () => {
    expect(pool('My wife has her scan results tomorrow and I am terrified. What does "no evidence of metastasis" mean?')).not.toContain('URG-045');
    expect(pool('I am terrified of my husband, he hit me again last night')).toContain('URG-045');
  });
});
