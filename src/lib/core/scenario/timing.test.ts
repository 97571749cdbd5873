// When a question happens: a history, a hypothetical or training question, or something happening
// now (cues.ts HISTORY / HYPOTHETICAL / STRONG_NOW / CONTRAST and their Chinese counterparts).
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from './rules';

const library = readShippedPrinciples();
const urgent = (q: string) => {
  const u = classifyScenarioByRules(q, library).urgency;
  return u === 'emergent' || u === 'urgent';
};

describe('a condition named as history does not make a question urgent', () => {
  it.each([
    'My mum had a stroke four years ago, what exercises can help her balance?',
    'I was diagnosed with a pulmonary embolism in 2021, is it safe to start running?',
    'He had febrile seizures as a toddler, will his little sister get them too?',
    'Recovering from sepsis last winter and still tired, is that normal?',
    '我爸三年前中风过，现在走路还是有点拖腿，平时怎么锻炼比较好？',
    '去年做过宫外孕手术，现在想备孕，需要注意什么？',
  ])('%s', (q) => expect(urgent(q)).toBe(false));
});

describe('something happening now stays urgent, whatever the history', () => {
  it.each([
    'I had a stroke two years ago and suddenly my left arm has gone weak again',
    '60M known angina for years, pain at rest for 30 minutes not relieved by GTN, what now?',
    'Diagnosed with epilepsy as a child, she has been fitting for 7 minutes and will not stop',
    '我妈以前中风过，刚才突然说话不清楚，右手拿不住筷子',
    '我有癫痫，刚才又发作了，抽了六分钟还没停',
  ])('%s', (q) => expect(urgent(q)).toBe(true));
});

describe('a hypothetical or training question is not an emergency', () => {
  it.each([
    'For my first aid course: what do you do first if someone collapses and stops breathing?',
    'What should I do if my son ever has an asthma attack at school?',
    '如果有人突然倒地不省人事，旁边的人应该先做什么？',
    '心梗有哪些早期信号？',
  ])('%s', (q) => expect(urgent(q)).toBe(false));

  it('but asking as it happens is', () => {
    expect(urgent('What do I do if he is fitting right now? He has been shaking for 5 minutes')).toBe(true);
  });
});

describe('lay descriptions without the condition\'s name', () => {
  it.each([
    'My husband says it feels like an elephant sitting on his chest',
    'Stung by a bee ten minutes ago and now her lips are puffy and her voice sounds funny',
    'My toddler swallowed a dishwasher tablet, what do I do?',
    'She cannot swallow her own spit and her voice is muffled',
    'His words are all jumbled and his right hand will not grip the cup',
    'His sugar meter just says HI and he keeps vomiting and breathing fast',
    '孕34周，今天一直头痛，眼前冒金星，脸也肿了',
    '宝宝误喝了消毒液，怎么办',
  ])('%s', (q) => expect(urgent(q)).toBe(true));
});

describe('roles as headings and pregnancy in months (trigger tuners\' review)', () => {
  it('reads a department-and-role heading or a Chinese role with a colon as a clinician', () => {
    expect(classifyScenarioByRules('ED doc: 45M, tearing chest pain to back, BP 180/100, what next?', library).expertise).toBe('health_professional');
    expect(classifyScenarioByRules('助产士：产妇产后第二天，头痛，血压160/110', library).expertise).toBe('health_professional');
    expect(classifyScenarioByRules('社区医生：老人发热，意识模糊', library).expertise).toBe('health_professional');
  });

  it('keeps a lay person addressing a doctor lay', () => {
    expect(classifyScenarioByRules('医生，我孩子发烧了怎么办', library).expertise).toBe('layperson');
  });

  it('reads a pregnancy counted in months as someone\'s situation', () => {
    expect(classifyScenarioByRules('孕八个月了，突然流血', library).urgency).not.toBe('not_applicable');
  });
});
