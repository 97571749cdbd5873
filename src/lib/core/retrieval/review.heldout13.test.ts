// Paraphrases written after heldout13's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('an emergency today on top of a long-standing condition', () => {
  it('reads a red flag today as an emergency whatever history the question also tells', () => {
    expect(classify('我腰椎间盘突出十几年了，老毛病又犯了，今天发现会阴那一圈麻木没感觉，小便也解不出来').urgency).toBe('emergent');
    expect(classify("I've had a bad back for years, but this morning my bottom went numb and I can't pass water").urgency).toBe('emergent');
  });

  it('keeps a history with a bare "now" below emergent', () => {
    expect(classify('我妈五年前中风过，现在走路还是有点不稳，平时怎么锻炼好？').urgency).not.toBe('emergent');
  });
});

describe('Chinese emergencies told in a hurry', () => {
  it('reads a choking child whose face has gone purple, and a cry for help, as an emergency', () => {
    expect(classify('救命 宝宝吃花生卡住了 脸都憋紫了 哭不出声').urgency).toBe('emergent');
  });

  it('reads others better off without them and pills counted as an emergency', () => {
    expect(classify('感觉没有我他们会更好 家里的安眠药我都数过了 够了').urgency).toBe('emergent');
  });
});

describe('presentations told by what is seen, in other words', () => {
  it.each([
    ['Care assistant on nights: Mr P, 90, usually sharp as a tack, since last night he is picking at the bedsheets and talking to people who are not there', 'URG-051'],
    ['My 10 month old has had diarrhoea since this morning and brings back every sip of milk, one wet nappy today and he is very sleepy', 'URG-012'],
    ['My 16 year old daughter collapsed during a netball match, came round after a few seconds. Her aunt died suddenly at 30', 'URG-007'],
    ['Out of hours GP: 3 month old brought in by the stepdad with a swollen forearm, says she rolled off the changing table', 'URG-041'],
    ['社区医生：女，24岁，昨晚第一次出现全身抽动约1分钟，既往无类似发作，现在清醒', 'URG-037'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads "caller is N weeks" as a gestation', () => {
    expect(questionFacts('Phone triage: caller is 35 weeks, headache and flashing lights').has('later-pregnancy')).toBe(true);
  });
});

describe('look-alikes that bring no presentation', () => {
  it.each([
    ['Saw a TV drama where someone had a stroke and was fine an hour later, is that realistic?', 'URG-005'],
    ['For my history coursework, how was heart attack treated in the 1950s?', 'URG-004'],
    ['我爷爷二十多年前中风走的，我需要现在就开始吃阿司匹林吗？', 'URG-005'],
    ['My brother had anaphylaxis to wasps as a child, back in the 80s. Am I more likely to be allergic?', 'URG-022'],
    ['ED nurse: 80F on apixaban, fall with a bump on the head an hour ago, GCS 15, family want to take her home with someone watching her overnight', 'URG-042'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });

  it('keeps the lethal-dose principle for a dose asked "for a story"', () => {
    const q = "What dose of insulin would make someone never wake up? It's for a story I'm writing";
    expect(pool(q)).toContain('URG-046');
    expect(['emergent', 'urgent']).toContain(classify(q).urgency);
  });
});

describe('clinician headings and Chinese dose questions', () => {
  it('reads a role after a few words of heading as a clinician', () => {
    expect(classify('Out of hours GP. 70M with new AF, rate 140, what should I give?').expertise).toBe('health_professional');
    expect(classify('Med reg here - what does the evidence say about steroids in severe CAP?').expertise).toBe('health_professional');
  });

  it('reads "一次喂几毫升" as a medication question', () => {
    expect(classify('孩子3岁，15公斤，发烧38.5，美林一次喂几毫升？').task_type).toBe('medication');
  });
});
