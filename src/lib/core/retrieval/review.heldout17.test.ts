// Paraphrases written after heldout17's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('no patient: a dream, a fundraiser, a quiz', () => {
  it.each([
    ['I dreamt last night that I had a stroke and woke up terrified, I feel completely fine today. Does it mean anything?', 'URG-005'],
    ['昨晚梦到自己中风了，吓醒了，今天一切正常，这是啥预兆吗？', 'URG-005'],
    ['Doing a charity run for the British Heart Foundation because my uncle had a heart attack, can you help with a caption?', 'URG-004'],
    ['Trivia night question: which hormone is given in an anaphylaxis pen?', 'URG-022'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
  });

  it('reads "what do the letters stand for" as a question, not a request for a letter', () => {
    expect(classify('What do the letters in the FAST campaign stand for?').task_type).not.toBe('documentation');
    expect(classify('Can you do a referral letter for this patient to cardiology?').task_type).toBe('documentation');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['FY2 on nights: 79M day 3 after a hip operation, orientated yesterday, now pulling at his catheter and thinks I am his son', 'URG-051'],
    ['Builder, 44. Hurt my back on Monday. Since this morning I can\u2019t really feel the paper when I wipe. Can it wait till my physio on Friday?', 'URG-018'],
    ['35 weeks pregnant and she has done hardly anything since teatime, she normally goes wild in the evening', 'URG-014'],
    ['SHO: 52F, day 8 after cycle 2 of docetaxel, temp 38.3, well in herself, the team want to wait for the neutrophil count', 'URG-038'],
    ['儿子16岁，今天早上突然倒地抽了一会儿，口吐白沫，现在好了，下个月要考驾照，用去医院吗？', 'URG-037'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads hot, dry and confused after a race as an emergency asked about for what to do', () => {
    const s = classify('After the 10k in the heat my friend is burning hot and dry and talking rubbish, should I give her paracetamol?');
    expect(s.urgency).toBe('emergent');
    expect(s.task_type).toBe('advice');
  });

  it('reads "need a discharge summary" as a document asked for', () => {
    expect(classify('F1, need a discharge summary for the GP: 70M, CAP, CRP 180 to 30, amoxicillin 5 days').task_type).toBe('documentation');
  });

  it('does not read "school wants a note" as a document asked for', () => {
    expect(classify('My son fainted in a match yesterday and the school wants a note before he plays again, should he see a GP first?').task_type).not.toBe('documentation');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps a faint out of a fit', () => {
    expect(pool('My 15 year old collapsed this morning and was jerking and frothing for a minute, now fine')).not.toContain('URG-007');
  });

  it('keeps delirium out of DKA', () => {
    expect(pool('Type 1 diabetic, vomiting since last night, blood ketones 4.1, breathing fast and a bit drowsy')).not.toContain('URG-051');
  });

  it('keeps delirium out of a grandmother who is back to normal', () => {
    expect(pool('奶奶刚才看见孙子摔了一跤，现在跟平时一样')).not.toContain('URG-051');
  });
});

describe('Chinese documents asked for', () => {
  it.each(['帮我写一个防跌倒宣传单的提纲', '帮我写一份给心内科的会诊申请', '帮我写一个3分钟的培训视频旁白稿'])('reads documentation: %s', (q) => {
    expect(classify(q).task_type).toBe('documentation');
  });
});
