// Look-alikes from a review of libraries 1.2.44 and 1.2.45: questions their new rules misread, most of
// them real emergencies the older library got right. Each fails on 1.2.45.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('"suppose" and "imagine" in a real emergency', () => {
  it('keeps blue lips and gasping an emergency after "I suppose I should call 999?"', () => {
    expect(scenario('I suppose I should call 999? My mum\'s lips are blue and she\'s gasping').urgency).toBe('emergent');
  });
  it('keeps a button battery swallowed an emergency after "imagine my panic"', () => {
    expect(scenario('Imagine my panic - my 2 year old just swallowed a button battery from the TV remote').urgency).toBe('emergent');
  });
});

describe('a game being played when someone falls ill', () => {
  it('keeps a collapse at game night an emergency with CPR', () => {
    const q = 'My friend collapsed during game night and isn\'t breathing, what do I do';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-021');
  });
  it('keeps a magnet swallowed from a board game an emergency', () => {
    expect(pool('My 2 year old swallowed a magnet from a board game and is now vomiting')).toContain('URG-040');
  });
});

describe('a child and a pet in one question', () => {
  it('keeps the child the patient when "the dog also ate one"', () => {
    expect(scenario('My 2 year old swallowed a button battery and I think the dog also ate one').urgency).toBe('emergent');
  });
});

describe('a number after a pronoun that is not an age', () => {
  it('reads "he\'s 20 pounds" and "he\'s 18 kilos" as weights, keeping the child and the poisoning principle', () => {
    expect([...questionFacts('My baby swallowed some of my iron tablets, he\'s 20 pounds, is that a dangerous amount?')]).not.toContain('adult');
    expect(pool('My son got into my handbag and chewed some of my tablets, he\'s 18 kilos, how many is dangerous?')).toContain('URG-020');
  });
  it('reads "she\'s 39 degrees" as a temperature, keeping the child sepsis principle', () => {
    expect(pool('My daughter is 4 and has a fever, she\'s 39 degrees and floppy and the rash doesn\'t fade')).toContain('URG-039');
  });
});

describe('a serious turn after something happening now, in Chinese', () => {
  it('keeps chest pressure with sweating an emergency', () => {
    expect(scenario('我爸刚才说胸口像压了块大石头，出一身冷汗。说真的，心梗和心绞痛有什么区别？').urgency).toBe('emergent');
  });
  it('keeps a drooping mouth and a weak arm an emergency with the stroke principle', () => {
    const q = '我妈突然嘴歪、一边手抬不起来，不开玩笑，中风和脑梗是一回事吗？';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-005');
  });
});

describe('heart words in earnest, in Chinese', () => {
  it('keeps "我快要心梗了" with palpitations and sweating an emergency', () => {
    expect(scenario('我感觉我快要心梗了，心慌出冷汗').urgency).toBe('emergent');
  });
  it('keeps a heart attack brought on by a row, lying on the floor, an emergency', () => {
    expect(scenario('我爸跟邻居吵架，气得心脏病发作，现在躺在地上').urgency).toBe('emergent');
  });
});

describe('"without struggling to breathe"', () => {
  it('is struggling to breathe', () => {
    expect(scenario('Dad can\'t walk to the bathroom without struggling to breathe tonight and his ankles are huge').urgency).toBe('emergent');
  });
});

describe('a young baby\'s age told with 了, in Chinese', () => {
  it('keeps a one-month-old with a fever urgent', () => {
    expect(scenario('宝宝一个月了，有点发烧，精神还好，要去医院吗').urgency).toBe('urgent');
    expect(scenario('宝宝出生十天了，摸着有点发热，要紧吗').urgency).toBe('urgent');
  });
});

describe('a fever told as 三十八九度, in Chinese', () => {
  it('keeps the delirium principle for sudden confusion with it', () => {
    expect(pool('奶奶发烧三十八九度，今天突然不认人了，说胡话')).toContain('URG-051');
  });
});

describe('a cramping calf in heat stroke', () => {
  it('keeps the heat-stroke principle', () => {
    expect(pool('My husband collapsed after the half marathon in the heat, he\'s confused, hot to touch and shivering and his calf is cramping')).toContain('URG-036');
  });
});

describe('an EpiPen needed now', () => {
  it('keeps the anaphylaxis principle', () => {
    expect(pool('I think I need my EpiPen, I just ate a prawn and my mouth feels weird and my voice is going')).toContain('URG-022');
    expect(pool('Allergic to nuts, just ate satay sauce by mistake, itchy mouth and hives spreading, I have my EpiPen here, what now?')).toContain('URG-022');
  });
});

describe('harmless questions the new triggers caught', () => {
  it('keeps a lost milk tooth out of poisoning', () => {
    expect(pool('My 7 year old has lost a front tooth, one is missing and the other is wobbly, is that normal?')).not.toContain('URG-020');
  });
  it('keeps a pet\'s own worming tablet no poisoning', () => {
    expect(scenario('The vet gave us worming tablets and the dog ate his tablet wrapped in ham, when is the next one due?').urgency).toBe('not_applicable');
    expect(scenario('我家狗吃了驱虫药片，下次什么时候吃').urgency).toBe('not_applicable');
  });
  it('keeps shaving cuts, thorn scratches, a slip with a box cutter and a surgical ligature out of self-harm', () => {
    expect(pool('I keep cutting my legs when I shave, any tips?')).not.toContain('URG-019');
    expect(pool('My daughter keeps cutting her legs on the rose bushes in the garden, should I put cream on?')).not.toContain('URG-019');
    expect(pool('拆快递用美工刀不小心割到手了，流血不止怎么办')).not.toContain('URG-019');
    expect(pool('Thyroidectomy this morning, neck swelling fast and she\'s stridulous - could a ligature have slipped?')).not.toContain('URG-019');
  });
});
