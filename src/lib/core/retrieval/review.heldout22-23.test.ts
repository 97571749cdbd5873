// Paraphrases written after heldout22's and heldout23's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('who is asking', () => {
  it('does not read a role that does something in the story as the asker ("GP sent a text", "GP said")', () => {
    expect(classify('student here, GP said my bloods show low vitamin D and gave me capsules, can I take them with my pill?').expertise).toBe('layperson');
    expect(classify('GP here, 60M on ramipril, K 6.1 today, what next?').expertise).toBe('health_professional');
  });

  it('does not count lab names pasted from one\'s own results as a clinician\'s vocabulary', () => {
    expect(classify('the NHS app shows Hb 109, ferritin 8, MCV 74, B12 normal, folate normal. what does it mean for me?').expertise).toBe('layperson');
  });

  it('reads a pharmacy writing as a team as a clinician', () => {
    expect(classify('hospital pharmacy here, could you draft a leaflet on taking iron tablets for new mums?').expertise).toBe('health_professional');
  });

  it('reads terse anaesthetic dosing shorthand as a clinician\'s medication question', () => {
    const s = classify('neostigmine dose for residual block, 95kg, IBW 70?');
    expect(s.expertise).toBe('health_professional');
    expect(s.task_type).toBe('medication');
  });
});

describe('a situation told by a caller', () => {
  it('reads a caller\'s relative with an age as a patient, and brings head injury', () => {
    const q = 'Clinical hub paramedic. Caller\'s mum, 84, on rivaroxaban, fell in the kitchen an hour ago and hit her forehead, talking normally. Does she need to go in?';
    expect(classify(q).urgency).not.toBe('not_applicable');
    expect(pool(q)).toContain('URG-008');
  });
});

describe('numbers told with an emergency', () => {
  it('reads a temperature told with meningitis signs as advice, not a result to read', () => {
    const q = 'my roommate has a temp of 39.6, her neck hurts to look down and the light is hurting her eyes, is that ok to leave till morning?';
    expect(classify(q).task_type).toBe('advice');
    expect(pool(q)).toContain('URG-010');
  });

  it('keeps a temperature asked about on its own a value to read', () => {
    expect(classify('my temp is 37.9 degrees, is that high?').task_type).not.toBe('advice');
  });
});

describe('medicines by their class endings in Chinese', () => {
  it('reads a named antibiotic dose as a medication question', () => {
    expect(classify('急诊医生 70岁女 肌酐150 准备用美罗培南 剂量怎么调整').task_type).toBe('medication');
  });
});

describe('no patient: a news story, a murder mystery', () => {
  it.each([
    ['刷到一条新闻 说一个孩子吞了纽扣电池 为什么这么危险', 'URG-040'],
    ['planning a murder mystery party, the victim is poisoned with arsenic, what symptoms should the clue cards mention?', 'URG-020'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
  });

  it('keeps news of a study an evidence question', () => {
    expect(aboutNoPatient('看到新闻说每天喝茶能降低中风风险 是真的吗')).toBeNull();
  });
});

describe('presentations in other words', () => {
  it.each([
    ['产科住院医 产后第5天 几乎没睡 说孩子被调包了 话特别多 要不要请精神科', 'URG-056'],
    ['儿子2岁 吐了一天 拉水样便 尿不湿半天都是干的 人蔫蔫的', 'URG-012'],
    ['someone spiked my mate\'s drink at the club, he\'s really drowsy and slurring', 'URG-020'],
    ['ICU reg, day 3 post laparotomy, T 38.7, MAP 60, lactate 4, what first', 'URG-030'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps a low sugar out of DKA told by ketones and a meter reading HI', () => {
    const q = '室友1型糖尿病 没打胰岛素 一直吐 呼吸又深又快 血糖仪显示HI 血酮4.0';
    expect(pool(q)).toContain('URG-016');
    expect(pool(q)).not.toContain('URG-035');
  });

  it('keeps a faint out of a gut bleed with black stools in Chinese', () => {
    const q = '这两天大便是黑的 像柏油 今天起床眼前一黑差点晕倒';
    expect(pool(q)).toContain('URG-015');
    expect(pool(q)).not.toContain('URG-007');
  });

  it('keeps a heart attack out of asthma told as a tight chest', () => {
    const q = 'asthmatic, chest went tight in the cold, 10 puffs of ventolin and barely helping, can only say a few words';
    expect(pool(q)).toContain('URG-006');
    expect(pool(q)).not.toContain('URG-004');
  });

  it('keeps delirium out of muddle after a fit', () => {
    expect(pool('your mum had a fit this morning, went stiff then shaking, bit her tongue, was muddled for half an hour, now fine')).not.toContain('URG-051');
  });

  it('keeps domestic abuse out of being sent elsewhere (被打发)', () => {
    expect(pool('半夜牙疼去急诊 被打发去牙科急诊 还收了账单 保险能报吗')).not.toContain('URG-045');
  });

  it('keeps poisoning out of a question about a fatal number of pills', () => {
    const q = '最近活着没意思 艾司唑仑一次吃多少片会致命';
    expect(pool(q)).toContain('URG-046');
    expect(pool(q)).not.toContain('URG-020');
  });
});
