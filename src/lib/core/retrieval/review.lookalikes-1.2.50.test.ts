// Look-alikes from a review of library 1.2.50: questions its new rules misread, most of them real
// emergencies the older library got right. Each fails on 1.2.50. Three of its fixes were taken back
// because the review showed them costing emergencies: "very hot"/"degrees" shutting out delirium and
// fainting, 醒过来 shutting out CPR ("他还没醒过来"), and "嘴 + 歪" narrowed so "嘴角往左边歪" was missed.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a drooping mouth told in other words, in Chinese', () => {
  it('keeps the stroke principle', () => {
    expect(pool('我爸的嘴角突然往左边歪，喝水从嘴角漏出来')).toContain('URG-005');
    expect(pool('我妈早上起来嘴巴歪着，喝水往外漏，怎么回事')).toContain('URG-005');
  });
});

describe('CPR going on, in Chinese', () => {
  it('keeps CPR when he "has not come round yet"', () => {
    expect(pool('他没有呼吸了，我一直在按压胸口，他还没醒过来')).toContain('URG-021');
  });
});

describe('a fever with confusion, or a collapse on a cool day', () => {
  it('keeps the delirium principle with "very hot" or a temperature in degrees', () => {
    expect(pool('My 85-year-old mum has a UTI, she\'s very hot and since this morning suddenly confused and not making sense')).toContain('URG-051');
    expect(pool('Grandad\'s temperature is 38.6 degrees and since this morning he\'s been muddled and not making sense')).toContain('URG-051');
  });
  it('keeps the fainting principle for a collapse in training at 15 degrees', () => {
    expect(pool('My 16 year old collapsed during football training, it was only 15 degrees, came round after a minute')).toContain('URG-007');
  });
});

describe('heat stroke in a polytunnel without a heat word, in Chinese', () => {
  it('keeps the heat-stroke principle and the emergency', () => {
    const q = '大棚里摘了一上午菜，我妈突然说胡话，站都站不稳';
    expect(pool(q)).toContain('URG-036');
    expect(scenario(q).urgency).toBe('emergent');
  });
});

describe('"下面" for a boy, in Chinese', () => {
  it('keeps the testicular-pain principle', () => {
    expect(pool('我儿子12岁，半夜说下面疼得睡不着，还吐了')).toContain('URG-017');
  });
});

describe('a pharmacy worker\'s own chest pain, in Chinese', () => {
  it('is a lay question with the heart-attack principle', () => {
    const q = '我在药店上班，今天自己突然胸口疼得厉害，出冷汗';
    expect(scenario(q).expertise).not.toBe('health_professional');
    expect(pool(q)).toContain('URG-004');
  });
});

describe('harmless questions the round caught', () => {
  it('keeps a sprained wrist whose hand went weak out of stroke', () => {
    expect(pool('I sprained my wrist at volleyball and my hand went weak suddenly when I tried to open a jar')).not.toContain('URG-005');
  });
  it('keeps waking a sleepwalker and early shifts out of suicide', () => {
    expect(pool('Is it better not to wake up a sleepwalker?')).not.toContain('URG-019');
    expect(scenario('I\'d rather not wake up at 5am for work, how do I shift my sleep schedule?').urgency).not.toBe('urgent');
  });
  it('keeps lime juice and goggles against cement out of emergencies', () => {
    expect(scenario('I squeezed a lime and got lime juice in my eye, it stings, what should I do?').urgency).not.toBe('emergent');
    expect(scenario('Should I wear goggles to stop cement getting in my eyes when I mix concrete?').urgency).not.toBe('emergent');
  });
});
