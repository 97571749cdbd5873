// Paraphrases written after heldout28's and heldout29's evaluation, none of them in a labelled set:
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
  it('reads a man giving his own age as "60M" and deciding whether to drive himself as a lay person', () => {
    const q = '60M. heavy chest since 6, sweaty, wife wants ambulance, im 15 min from A&E, can i just drive myself';
    expect(classify(q).expertise).toBe('layperson');
    expect(pool(q)).toContain('URG-004');
  });

  it('reads "not medical" as someone who is not a clinician', () => {
    expect(classify('security guard at a shopping centre, not medical, a lad fell off the escalator and has a lump on the back of his head').expertise).toBe('layperson');
  });

  it('reads "I support a man with…" as a carer', () => {
    expect(classify('I support a man with autism (28). He was sent his cholesterol results, total 6.8, can you explain them simply?').expertise).toBe('layperson');
  });
});

describe('timing: what is not happening now', () => {
  it('reads an argument over what words mean as a general question', () => {
    const q = 'my dad (70) reckons a stroke and a brain haemorrhage are the same thing, are a stroke and a bleed the same thing as each other? settle it';
    const s = classify(q);
    expect(s.urgency).toBe('not_applicable');
    expect(s.task_type).toBe('information');
    expect(pool(q)).not.toContain('URG-005');
  });

  it('keeps "who is right?" about a real fever on chemotherapy a real question', () => {
    expect(classify('My mum is on chemo, last dose a week ago, temp 38.4 tonight and shivery, she wants to sleep it off. Who is right?').urgency).not.toBe('not_applicable');
  });

  it('reads a CPR drill on manikins as teaching', () => {
    expect(aboutNoPatient('we are doing a CPR drill on the manikins for our warehouse staff next week, how do I explain compressions')).toBe('teaching');
    expect(aboutNoPatient('公司下周搞急救演练，用模拟人练心肺复苏，怎么讲比较好')).toBe('teaching');
  });

  it('reads a memoir as history told', () => {
    const q = '我在写回忆录，我奶奶六十年代心梗去世，那时候农村是怎么抢救的';
    expect(aboutNoPatient(q)).toBe('fiction');
    expect(pool(q)).not.toContain('URG-004');
  });

  it('reads a stroke in a named year as history, so stopping aspirin now is a medicine question', () => {
    const q = '我妈2018年脑梗过一次，现在恢复得很好，一直吃阿司匹林，她想自己停了，能停吗';
    const s = classify(q);
    expect(s.urgency).not.toBe('emergent');
    expect(s.task_type).toBe('medication');
  });

  it('keeps one\'s own driving test tomorrow from making a first fit hypothetical', () => {
    const q = '室友半夜突然抽搐了两分钟 口吐白沫 现在醒了有点懵 以前从没有过 他不肯去医院 说明天还要考试 我该怎么办';
    expect(classify(q).urgency).not.toBe('routine');
    expect(pool(q)).toContain('URG-037');
  });

  it('keeps hearsay about a better pill from making emergency contraception hypothetical', () => {
    expect(classify('我19岁 昨晚套子破了 听说有种药比毓婷更好 药店会卖给我吗').urgency).toBe('urgent');
  });
});

describe('what is asked for', () => {
  it('reads a paracetamol volume question at the counter as a medicine question, not a cost one or an overdose', () => {
    const q = 'pharmacist here, dad has run out of the infant paracetamol bottle, it is empty, he only has the 6+ one, can he give a smaller volume to his 2 year old? he cannot afford another bottle';
    const s = classify(q);
    expect(s.task_type).toBe('medication');
    expect(s.urgency).not.toBe('emergent');
    expect(pool(q)).not.toContain('URG-020');
  });

  it('still reads an empty bottle a child got into as an overdose', () => {
    expect(pool('found my 3 year old with the calpol bottle, it is empty, it was half full this morning')).toContain('URG-020');
  });

  it('reads two guidelines compared for a journal club as an evidence question', () => {
    expect(classify('for journal club: where do the ADA and NICE guidelines differ on when to start insulin in type 2?').task_type).toBe('evidence');
  });

  it('reads a research team\'s own trial as nobody\'s health', () => {
    expect(classify('We are designing our trial of a falls app in care homes; what outcomes do studies of falls prevention use?').urgency).toBe('not_applicable');
  });

  it('reads Chinese requests to fill in a form or turn notes into a record as documents', () => {
    expect(classify('学校要填一个过敏情况登记表，帮我按表格的格式写一下，孩子对青霉素过敏').task_type).toBe('documentation');
    expect(classify('帮我整理成规范的入院记录：男55 胸闷3天 心电图ST段压低 肌钙蛋白阴性').task_type).toBe('documentation');
    expect(classify('班主任让家长出一份情况说明，孩子有癫痫，帮我写一份').task_type).toBe('documentation');
  });

  it('reads readings to be tabulated with the abnormal ones marked as health data', () => {
    expect(classify('帮我整理成表格，把异常的标出来：张阿姨 血糖8.9，李大爷 血糖5.2，王奶奶 血糖12.1').task_type).toBe('health_data');
  });

  it('reads a bare list of Chinese lab values as someone\'s results with the question left out', () => {
    const s = classify('谷丙转氨酶88 谷草转氨酶61 总胆红素25');
    expect(s.task_type).toBe('health_data');
    expect(s.urgency).toBe('routine');
    expect(s.uncertainty).toBe('missing_context');
  });

  it('reads an interaction asked as 冲突 as a medicine question', () => {
    expect(classify('我在吃辛伐他汀，每天喝西柚汁会不会冲突').task_type).toBe('medication');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['my daughter is 11 with asthma, had 4 puffs of her blue inhaler and still struggling, cannot get a full sentence out', 'URG-006'],
    ['bouncer here, bloke slipped on the stairs an hour ago and has an egg on his forehead, been sick twice', 'URG-008'],
    ['怀孕35周 头特别疼 眼前总是有闪光 脚和手也突然肿了', 'URG-014'],
    ['血糖2.8 出冷汗 手抖 打胰岛素', 'URG-035'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads an asthma attack that the reliever is not touching as an emergency', () => {
    expect(classify('my son 8 has asthma, 6 puffs of ventolin and still wheezing, no better, lips ok').urgency).toBe('emergent');
  });

  it('reads a low sugar with shaking and sweat in Chinese as an emergency', () => {
    expect(classify('血糖2.4 手抖 一身冷汗 打胰岛素的').urgency).toBe('emergent');
  });

  it('reads sex without a condom and a needle through a bin bag as urgent', () => {
    expect(classify('前天晚上跟男朋友没戴套 现在吃药还来得及吗').urgency).toBe('urgent');
    expect(classify('i do the bins at a care home, a needle came through the bag into my thumb an hour ago, no idea whose').urgency).toBe('urgent');
    expect(classify('Pharmacist: 30F, UPSI 70 hours ago, asking for Levonelle, on no other meds. Still an option?').urgency).toBe('urgent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps stroke out of choking that leaves someone unable to speak', () => {
    const q = '饭店里一个大叔吃东西卡住了 说不出话 两只手掐着脖子 怎么办';
    expect(pool(q)).toContain('URG-034');
    expect(pool(q)).not.toContain('URG-005');
    expect(pool('我爸突然说不出话 右手抬不起来')).toContain('URG-005');
  });

  it('keeps a clot out of heavy bleeding after birth with a racing heart', () => {
    const q = '生完孩子第10天 今天突然出血很多 一小时湿透一片卫生巾 有血块 心慌头晕';
    expect(pool(q)).toContain('URG-048');
    expect(pool(q)).not.toContain('URG-032');
  });
});
