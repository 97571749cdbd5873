// Paraphrases written after heldout60's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('"a bit confused" with a fever', () => {
  it('reads a fever with "a bit confused" as possible sepsis, and "a bit confused about my dose" as no confusion', () => {
    const q = 'Temperature of 39 since Sunday, aching all over, and tonight I feel a bit confused and woozy. Just flu?';
    expect(pool(q)).toContain('URG-009');
    expect(pool('I have a fever of 38 and I am a bit confused about how often to take paracetamol')).not.toContain('URG-009');
  });
});

describe('"最近" is not "the worst", in Chinese', () => {
  it('keeps the sudden-headache principle out of a headache that came with a knock on the head "recently", and in for the worst headache ever', () => {
    const q = '孩子最近老是不爱吃饭。前天他骑车摔了一跤磕到头，昨晚开始头疼，还吐了一次';
    expect(pool(q)).not.toContain('URG-031');
    expect(pool(q)).toContain('URG-008');
    expect(pool('我妈刚才突然头痛，说是这辈子最厉害的头痛')).toContain('URG-031');
  });
});

describe('heat stroke told by a hot, dry body and mumbled words, in Chinese', () => {
  it('brings the heat-stroke principle for a worker who sat down burning hot, not sweating, speech slurred', () => {
    const q = '工友下午在工地上干着活一屁股坐下了，身上摸着滚烫，汗也不出了，跟他说话含含糊糊的，要不要紧';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-036');
  });
});

describe('a low sugar reading typed loosely, in Chinese', () => {
  it('reads "血糖显示2.6" with sweating and palpitations as a hypo, and 12.6 with sweating as not one', () => {
    const q = '我爸血糖显示2.6 一直出汗 心慌 晚饭还没吃';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-035');
    expect(pool('我爸血糖是12.6 今天天热一直出汗')).not.toContain('URG-035');
  });
});

describe('someone collapsed and not breathing, in Chinese', () => {
  it('brings CPR, not the blackout principle, for a person down, not waking, not breathing normally; and the blackout one for a faint', () => {
    const q = '要是在公交车上碰到有人突然倒地，怎么叫都不醒，也没正常喘气，我该做什么';
    expect(pool(q)).toContain('URG-021');
    expect(pool(q)).not.toContain('URG-007');
    expect(pool('我妈刚才在厨房突然倒地，几秒钟就醒了，之前心跳很乱')).toContain('URG-007');
  });
});

describe('"a heart attack over the bill" as a figure of speech', () => {
  it('reads it as no emergency and the question as a cost one; a heart attack over the weekend stays one', () => {
    const q = 'I had a heart attack over the electricity bill lol. Is there a cheaper way than paying per item for my repeat prescriptions?';
    expect(scenario(q).urgency).toBe('not_applicable');
    expect(scenario(q).task_type).toBe('other');
    expect(pool(q)).not.toContain('URG-004');
    expect(pool(q)).not.toContain('URG-052');
    expect(scenario('I think I had a heart attack over the weekend, chest still aching and I feel sweaty').urgency).toBe('emergent');
  });
});

describe('a bite that broke the skin', () => {
  it('reads a child bitten through the skin as urgent, and "a bit… broke the skin" from a scratch as not', () => {
    expect(scenario('a boy at school bit my son on the hand this afternoon and it broke the skin, do we need to see someone?').urgency).toBe('urgent');
    expect(scenario('my eczema itched a bit and I scratched till it broke the skin, what cream helps?').urgency).toBe('routine');
  });
});

describe('a medicine asked about in Spanish or French', () => {
  it('reads "puedo tomar…" and "est-ce que c\'est compatible" as a medication question about someone\'s situation', () => {
    const es = scenario('Tengo gastritis. ¿Puedo tomar ibuprofeno para el dolor de espalda?');
    expect([es.urgency, es.task_type]).toEqual(['routine', 'medication']);
    const fr = scenario('Ma mère prend du Kardégic. Est-ce que c\'est compatible avec le Doliprane ?');
    expect([fr.urgency, fr.task_type]).toEqual(['routine', 'medication']);
  });
  it('keeps "should I see the doctor or wait" as advice, whatever medicine is named', () => {
    const fr = scenario('Mon fils a 39 de fièvre depuis hier, il prend du Doliprane. Je dois l\'emmener chez le médecin ou je peux attendre ?');
    expect([fr.urgency, fr.task_type]).toEqual(['routine', 'advice']);
  });
});

// Found while checking why heldout60's "a bit confused" exclusion fired: phrases in the library that
// ended on a function word had been shrinking to commoner ones.
describe('trigger phrases that end on a function word', () => {
  it('keeps CPR in for "I woke up and he is not breathing", and out once someone woke up and is talking', () => {
    expect(pool('I woke up and my husband next to me is not breathing and will not respond')).toContain('URG-021');
    expect(pool('my dad collapsed, was not breathing for a moment, then woke up and is talking now')).not.toContain('URG-021');
  });
  it('reads "took all of his antibiotics" as a finished course, and "took all of her sleeping tablets" as an overdose', () => {
    const course = 'my son took all of his antibiotics but the ear infection is back';
    expect(scenario(course).urgency).toBe('routine');
    expect(pool(course)).not.toContain('URG-020');
    expect(pool('my sister took all of her sleeping tablets an hour ago')).toContain('URG-020');
    expect(pool('my dad took all the paracetamol in the box')).toContain('URG-020');
  });
  it('keeps the suicide principle out of "better off without the car"', () => {
    expect(pool('we would be better off without the car, would walking more help my knees?')).not.toContain('URG-019');
    expect(pool('my brother keeps saying we would all be better off without me')).toContain('URG-019');
  });
});
