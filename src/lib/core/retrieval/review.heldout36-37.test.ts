// Paraphrases written after heldout36's and heldout37's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, statedAgeDays } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('a dream', () => {
  it('is nobody\'s illness but the dreamer\'s worry: routine, with no presentation chosen', () => {
    const q = 'I keep having this dream that my 6 week old stops breathing, I wake and check her all night, she is completely fine';
    expect(aboutNoPatient(q)).toBe('dream');
    expect(classify(q).urgency).toBe('routine');
    expect(pool(q)).not.toContain('URG-021');
    expect(classify('昨晚梦见自己中风了 醒来手脚都好好的 这是不是预兆').urgency).toBe('routine');
  });
});

describe('no patient', () => {
  it('reads an anime, a museum display and someone in the news as no one\'s illness', () => {
    expect(aboutNoPatient('in one piece a guy loses loads of blood and is fine the next episode, ik its anime but how much blood can you lose?')).toBe('fiction');
    expect(aboutNoPatient('went to a medical museum, the display on cholera said people died in hours, how?')).toBe('fiction');
    expect(aboutNoPatient('saw on the news a farmer in france died of a wasp sting, how does that happen?')).toBe('fiction');
  });

  it('reads a class pet as an animal', () => {
    expect(aboutNoPatient('the class hamster has been sneezing all week, is that a cold?')).toBe('animal');
  });

  it('reads a Chinese first-aid lesson for pupils and a medical student revising for finals as teaching', () => {
    expect(aboutNoPatient('下周要给初二上一节急救科普课 讲海姆立克 怎么讲学生容易懂')).toBe('teaching');
    expect(aboutNoPatient('医学生 期末复习 急性心梗的心电图演变怎么记')).toBe('teaching');
  });
});

describe('who is asking', () => {
  it('reads a veterinary nurse asking about herself as no clinician', () => {
    expect(classify('im a vet nurse (animals not people), rough week at work, can I take my sleeping tablets with a glass of wine?').expertise).not.toBe('health_professional');
  });

  it('reads a Chinese ward heading with the shift before the role as a clinician', () => {
    expect(classify('心内科夜班护士 12床 76岁男 突然胸闷出汗 血压90/60 先做什么').expertise).toBe('health_professional');
  });
});

describe('a baby\'s age in weeks as Chinese grandparents say it', () => {
  it('reads "才7个礼拜" as a young baby with a fever', () => {
    expect(statedAgeDays('孙子才6个礼拜 今天摸着头烫')).toBe(42);
    const q = '外孙才6个礼拜 今天下午量了38.3度 吃奶少了点';
    expect(classify(q).urgency).toBe('urgent');
    expect(pool(q)).toContain('URG-011');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['my friend drank most of a bottle of gin and now wont wake up properly, she is breathing', 'URG-020'],
    ['I had a new ileostomy 2 weeks ago and tonight my bag is full of dark red blood and clots', 'URG-015'],
    ['vet nurse, bad year, keep thinking how easy it would be to take some of the euthanasia drugs home', 'URG-019'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a stoma bleed with dizziness on standing as an emergency', () => {
    expect(classify('colostomy 3 weeks ago, bag filled twice with blood and clots tonight, I go dizzy when I stand').urgency).toBe('emergent');
  });

  it('reads bleeding in pregnancy in Spanish as urgent', () => {
    expect(classify('estoy embarazada de 30 semanas y acabo de ver sangre roja en la ropa interior, no me duele').urgency).toBe('urgent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps domestic abuse out of asthma that "kicks off" in the cold', () => {
    expect(pool('my asthma always kicks off in the cold, 8 puffs of ventolin tonight and still tight, my husband is at work')).not.toContain('URG-045');
  });

  it('keeps the after-birth principle out of a swollen calf after a caesarean', () => {
    const q = 'c-section 10 days ago, flew home yesterday, today my left calf is swollen and sore and I am short of breath';
    expect(pool(q)).toContain('URG-032');
    expect(pool(q)).not.toContain('URG-048');
  });

  it('keeps CPR out of a first fit in which he woke by himself', () => {
    expect(pool('老公昨晚突然抽搐 叫不醒 后来自己醒了 今天完全正常 以前没有过')).not.toContain('URG-021');
  });

  it('keeps a faint out of a fall from height that knocked someone out', () => {
    expect(pool('工地上一个工人从架子上摔下来 头先着地 晕过去几秒 现在说头晕想吐')).not.toContain('URG-007');
  });

  it('keeps later-pregnancy bleeding out of a headache with blood pressure mentioned', () => {
    expect(pool('34 weeks pregnant, blood pressure was fine last week, now a bad headache and flashing zigzags')).not.toContain('URG-047');
  });
});
