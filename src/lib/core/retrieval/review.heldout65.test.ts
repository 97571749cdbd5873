// Paraphrases written after heldout65's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('self-harm told as cutting', () => {
  it('brings the self-harm and suicide principle for a son cutting his wrists, and reads it as urgent', () => {
    const q = 'my son (16) has been cutting his wrists, his sister saw the marks this evening, what should we do';
    expect(pool(q)).toContain('URG-019');
    expect(scenario(q).urgency).toBe('urgent');
  });
  it('brings it for cutting herself with a sharpener blade to cope', () => {
    expect(pool('my niece admitted she has been cutting herself with a pencil sharpener blade to cope with exams')).toContain('URG-019');
  });
  it('leaves it out for someone cutting themselves off from friends', () => {
    expect(pool('since the move I keep cutting myself off from friends and feel flat, how do I get back out there')).not.toContain('URG-019');
  });
  it('brings it for marks made with a blade on the arm, in Chinese', () => {
    expect(pool('女儿初二，今天发现她用小刀在胳膊上划了好几道，问她也不说')).toContain('URG-019');
  });
});

describe('a focal seizure told by what was seen', () => {
  it('brings the first-seizure principle for staring with lip smacking and no answer', () => {
    const q = 'this afternoon my colleague went blank in a meeting for half a minute, lip smacking, and didn\'t respond when we called his name';
    expect(pool(q)).toContain('URG-037');
    expect(scenario(q).urgency).toBe('urgent');
  });
  it('leaves it out for a hungry baby smacking her lips', () => {
    expect(pool('my 3 month old keeps lip smacking and staring at the bottle, is she still hungry after 150 ml?')).not.toContain('URG-037');
  });
});

describe('an eye getting worse after an operation', () => {
  it('reads an eye redder and mistier three days after cataract surgery as urgent', () => {
    expect(scenario('3 days after my cataract surgery the eye is redder and my sight has got blurry again, it was clear on day one').urgency).toBe('urgent');
  });
  it('keeps a general question about blurry vision after cataract surgery non-urgent', () => {
    expect(scenario('Is blurry vision normal in the first week after cataract surgery?').urgency).not.toBe('urgent');
  });
});

describe('shingles just come out', () => {
  it('reads a rash that came up yesterday as urgent, in English and Chinese', () => {
    expect(scenario('my dad\'s shingles came out yesterday along his ribs and the pain is awful, what should he do').urgency).toBe('urgent');
    expect(scenario('我爸得了带状疱疹，前天胸口开始长了一串水泡，疼得厉害，怎么办').urgency).toBe('urgent');
  });
  it('keeps the vaccine and the pain left from shingles last year non-urgent', () => {
    expect(scenario('打了带状疱疹疫苗，今天胳膊有点肿，正常吗').urgency).not.toBe('urgent');
    expect(scenario('去年长过带状疱疹，今天那块皮肤还是一阵一阵疼，怎么办').urgency).not.toBe('urgent');
    expect(scenario('I had the shingles jab yesterday and my arm came up in a red patch today').urgency).not.toBe('urgent');
  });
});

describe('methotrexate charted daily, in Chinese', () => {
  it('reads a daily order already given for days as urgent', () => {
    expect(scenario('病房里一个银屑病患者甲氨蝶呤每日一次，已经用了三天，刚发现，怎么处理').urgency).toBe('urgent');
  });
  it('keeps the weekly dose with daily folic acid routine', () => {
    expect(scenario('我妈吃甲氨蝶呤一周一次，叶酸每天一片，已经吃了半年，可以打流感疫苗吗').urgency).not.toBe('urgent');
  });
});

describe('a baby\'s fever written in a clinician\'s shorthand, in Chinese', () => {
  it('reads a 6-week-old with T 38.2℃ as urgent', () => {
    expect(scenario('门诊，6周男婴，T 38.2℃，吃奶可，哭闹，下一步怎么处理').urgency).toBe('urgent');
  });
});

describe('household disinfectant swallowed, in Chinese', () => {
  it('brings the poisoning principle', () => {
    expect(pool('孩子把消毒水当饮料喝了一口，现在一直咳，怎么办')).toContain('URG-020');
  });
});

describe('not recognising family, all of a sudden, in Chinese', () => {
  it('brings the delirium principle', () => {
    expect(pool('奶奶住院第二天，突然不认得人了，晚上一直要拔针')).toContain('URG-051');
  });
});
