// Paraphrases written after heldout15's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('an emergency presentation now, asked with cost or remedy words', () => {
  it('asks what to do, not about cost, when a clot may be in the lungs abroad', () => {
    const q = 'On holiday in Spain after a long flight, my calf has been swollen since Sunday and today I am out of breath walking up the stairs. A&E here is expensive, can it wait until I am home?';
    const s = classify(q);
    expect(s.task_type).toBe('advice');
    expect(s.urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-032');
  });

  it('reads minutes counted in words as now, and a remedy asked for as advice', () => {
    const s = classify('I am 81 and diabetic. For the past thirty minutes I have had an ache in my jaw and a cold sweat, no chest pain. Should I take an antacid?');
    expect(s.urgency).toBe('emergent');
    expect(s.task_type).toBe('advice');
  });

  it('asks what to do about an urgent presentation now, whatever app or booking words come with it', () => {
    const s = classify('My 3 week old has had a temperature of 38.2 since this morning, which app can I use to book a GP?');
    expect(s.task_type).toBe('advice');
    expect(s.urgency).toBe('urgent');
  });

  it('reads a change since yesterday as new', () => {
    expect(classify('Care home night staff: Mrs K, 91, is normally bright, since yesterday afternoon she is muddled and seeing cats on the wall').urgency).toBe('urgent');
  });

  it('keeps a cost question with no presentation an admin one', () => {
    expect(classify('How much does it cost to see a GP privately in London?').task_type).toBe('other');
  });
});

describe('presentations in clinicians\u2019 words', () => {
  it.each([
    ['Paramedic: 79M, fall at home 30 min ago, struck his occiput on the radiator, on rivaroxaban, GCS 15. Convey?', 'URG-008'],
    ['GP trainee: 41F, sciatica now in both legs, she says wiping feels different and she wet herself yesterday without noticing. Routine MRI ok?', 'URG-018'],
    ['社区医生求教：3个月大的宝宝，家长说从床上滚下来，右小腿肿，孩子还不会翻身，拍片有骨折', 'URG-041'],
    ['孕34周，今天一下午宝宝几乎没动静，平时这个点很闹，要去医院吗', 'URG-014'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads the cauda equina case as an emergency', () => {
    expect(classify('GP trainee: 41F, sciatica now in both legs, she says wiping feels different and she wet herself yesterday without noticing. Routine MRI ok?').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps delirium and a cardiac faint out of heat stroke', () => {
    const ids = pool('My uncle collapsed on a walk in the desert heat, his skin is burning hot and dry and he is talking nonsense');
    expect(ids).toContain('URG-036');
    expect(ids).not.toContain('URG-051');
    expect(ids).not.toContain('URG-007');
  });

  it('keeps a clot out of a baby\u2019s broken leg', () => {
    expect(pool('4个月大的婴儿从沙发上摔下来，腿肿，拍片是骨折')).not.toContain('URG-032');
  });
});

describe('no patient: a pet, a taught session, an exam question, a documentary', () => {
  it.each([
    'My spaniel ate some grapes an hour ago, how worried should I be?',
    'Can I give my son\u2019s antihistamine for a 12 kg dog that got stung?',
    'I am teaching a first aid refresher to office staff next month, what is the current advice on the recovery position?',
    'Exam question: a 60-year-old with crushing chest pain and ST elevation in V1-V4, which is the best next step?',
    '执业医师考试题：男，58岁，突发胸痛1小时，ST段抬高，首选治疗是什么？',
    '昨天看了一部关于急救的纪录片，里面有人心脏骤停，想问问除颤的原理是什么',
  ])('has no patient: %s', (q) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(classify(q).urgency).toBe('not_applicable');
  });

  it('still reads a patient in the lab or in a boxing gym', () => {
    expect(aboutNoPatient('The lab has my results back, my potassium is 6.1, is that dangerous?')).toBeNull();
    expect(aboutNoPatient('The boxer was knocked out and is still confused')).toBeNull();
  });
});

describe('clinicians and lay people', () => {
  it.each([
    'Occupational health adviser: a nurse had a needlestick injury 20 hours ago from a patient of unknown status. PEP?',
    '药师求教：患者在吃华法林，现在要加阿奇霉素，有相互作用吗？',
  ])('reads a health professional: %s', (q) => {
    expect(classify(q).expertise).toBe('health_professional');
  });

  it('reads parents asking together as lay people', () => {
    expect(classify('How much paracetamol can we give our little one? She is 8 months and 8 kg').expertise).toBe('layperson');
  });
});

describe('medicine questions that carry numbers', () => {
  it('reads results given to size a named medicine as a medication question', () => {
    expect(classify('Pharmacist: 80F, 50 kg, creatinine 150, eGFR 28, on apixaban 5 mg bd. Should the dose be reduced?').task_type).toBe('medication');
  });

  it('keeps results asked about on their own a health-data question', () => {
    expect(classify('Can you explain my results: creatinine 150, eGFR 28, potassium 5.4?').task_type).toBe('health_data');
  });

  it.each([
    ['药店药师：顾客在吃卡马西平，来买紧急避孕药，左炔诺孕酮还有用吗？', 'medication'],
    ['医院药师：处方上甲氨蝶呤7.5mg写的qd，规范的用法应该怎么写？', 'medication'],
  ])('reads a Chinese pharmacist\u2019s question as medication: %s', (q, task) => {
    expect(classify(q).task_type).toBe(task);
  });
});

describe('an urgent pool leads with the urgent-only general principle', () => {
  it('ranks "name the service and the timeframe" first among general urgency principles', () => {
    const q = 'My 2 year old has had diarrhoea all day and no wet nappy for six hours, still playing a bit. Hospital or wait?';
    const s = classify(q);
    expect(s.urgency).toBe('urgent');
    const entries = selectPrinciplePool(s, q, library).filter((e) => e.dimension === 'urgency');
    const general = entries.filter((e) => !e.why?.triggers.length);
    expect(general[0]?.id).toBe('URG-026');
  });
});
