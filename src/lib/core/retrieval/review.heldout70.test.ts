// Paraphrases written after heldout70's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them. (Three fixes
// of 1.2.50 were taken back in 1.2.51 after a review: see review.lookalikes-1.2.50.test.ts.)
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a TIA told by what a workmate saw', () => {
  it('brings the stroke principle for words that would not come out and a hand that kept slipping', () => {
    const q = 'my colleague at the depot suddenly couldn\'t get her words out and her left hand kept slipping off the steering wheel, it passed after 15 minutes and she wants to drive home';
    expect(pool(q)).toContain('URG-005');
  });
});

describe('a chemical in the eye', () => {
  it('reads wet cement in the eye as an emergency, in English and Chinese', () => {
    expect(scenario('bricklayer, flicked wet cement into my right eye 10 min ago, rinsed a bit, still stings and blurry, can I crack on?').urgency).toBe('emergent');
    expect(scenario('刷墙的时候石灰溅到眼睛里了，冲了一下还是疼，看东西模糊').urgency).toBe('emergent');
  });
});


describe('pharmacy staff who say where they work, in Chinese', () => {
  it('reads "我在药店上班" as a professional', () => {
    expect(scenario('我在连锁药店上班，有个顾客说她儿子发烧三天了，想买点退烧药，我该怎么建议？').expertise).toBe('health_professional');
  });
});

describe('Chinese words that only look like a presentation', () => {
  it('keeps the village "下面" out of testicular pain', () => {
    expect(pool('我是下面村里的，我老伴刚才突然头疼得要死，吐了，叫他也迷迷糊糊的')).not.toContain('URG-017');
  });
  it('keeps a drooping mouth a stroke', () => {
    expect(pool('我爸刚才突然嘴歪了，一边手抬不起来')).toContain('URG-005');
  });
});

describe('a past episode at night, never again, in Chinese', () => {
  it('reads it as a history, not an emergency now', () => {
    expect(scenario('前年有一次半夜突然胸口像刀割一样疼，痛到后背，过了一会儿自己好了，之后一直没再犯过，现在要不要查一下').urgency).not.toBe('emergent');
  });
});


describe('a passive wish not to wake up', () => {
  it('brings the suicide principle and reads it as urgent', () => {
    const q = 'since starting this new job I feel numb and keep thinking it would be easier to just not wake up, what should I do?';
    expect(pool(q)).toContain('URG-019');
    expect(scenario(q).urgency).toBe('urgent');
  });
  it('keeps not wanting to wake up early for work out of it', () => {
    expect(scenario('I never want to wake up at 6 for my shift, how do I fix my sleep?').urgency).not.toBe('urgent');
  });
});
