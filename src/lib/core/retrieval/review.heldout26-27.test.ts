// Paraphrases written after heldout26's and heldout27's evaluation, none of them in a labelled set:
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

describe('timing and who is asking', () => {
  it('reads minutes counted as a duration as happening now ("for about 25 min")', () => {
    const q = 'at work up a ladder, crushing pain across my chest for about 20 min going into my jaw, sweating buckets, had a rennie';
    expect(classify(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-004');
  });

  it('reads "not a nurse" as someone who is not a clinician', () => {
    expect(classify('I am a home carer (not a nurse), my client is on gliclazide and is shaky, sweaty and muddled this morning').expertise).not.toBe('health_professional');
  });

  it('reads a report of one\'s own scan or letter as a lay person\'s, whatever its vocabulary', () => {
    expect(classify('Had an ultrasound for my gallbladder and the report says: incidental anechoic 2 cm simple cyst, thin wall, posterior acoustic enhancement. Is that bad?').expertise).toBe('layperson');
  });

  it('reads a Chinese department heading followed by "一个…" as a clinician', () => {
    expect(classify('县医院急诊值班 一个老人摔倒后头痛呕吐 在吃华法林 先做什么').expertise).toBe('health_professional');
  });
});

describe('what is asked for', () => {
  it('reads "turn this into plain English" as health data', () => {
    expect(classify('can you put this into plain english for me, from my clinic letter: impression mild LV systolic dysfunction, EF 45%').task_type).toBe('health_data');
  });

  it('reads "summarise what the trials show" as an evidence question', () => {
    expect(classify('Can you summarise what the trials show for SGLT2 inhibitors in CKD, numbers if possible?').task_type).toBe('evidence');
    expect(classify('summarise these obs for handover: HR 110, BP 100/60, sats 94%').task_type).toBe('health_data');
  });

  it('reads a work-injury claim in Chinese as admin', () => {
    expect(classify('我是外卖员 上个月送餐摔伤手腕骨折 公司说不算工伤 医药费能不能报').task_type).toBe('other');
  });

  it('reads halving an adult medicine for a child as a medication question with the weight missing', () => {
    const s = classify('外孙咳嗽低烧 家里只有大人吃的感冒药 掰一半给他吃行吗');
    expect(s.task_type).toBe('medication');
    expect(s.uncertainty).toBe('missing_context');
  });

  it('reads a claim passed around the family group as an information question, and keeps stroke out', () => {
    const q = '亲戚说他爷爷当年中风是用针扎手指放血救回来的 家族群都在转 到底有没有道理';
    expect(classify(q).task_type).toBe('information');
    expect(pool(q)).not.toContain('URG-005');
  });
});

describe('no patient: a pet that got into something', () => {
  it('reads a dog that chewed tablets as an animal\'s problem', () => {
    const q = 'my labrador chewed open a packet of paracetamol, 2 missing, what do I do';
    expect(aboutNoPatient(q)).toBe('animal');
    expect(pool(q)).not.toContain('URG-020');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['kitchen porter here, hot oil from the fryer splashed my hand, it is blistering and white in the middle', 'URG-024'],
    ['ED SHO: 61M sudden interscapular pain, left arm BP 170/90, right arm 130/80, what first', 'URG-055'],
    ['大二 真的撑不下去了 唑吡坦吃多少片能睡过去不再醒', 'URG-046'],
    ['33+4 with my first, she is normally really wriggly at night but tonight only a few little flutters', 'URG-014'],
    ['my bf keeps my bank card and checks ur phone thing every night, last night he shoved me into the door', 'URG-045'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps cauda equina out of saddle numbness on long rides that goes away', () => {
    expect(pool('long bike rides give me a numb undercarriage that goes away after getting off, no back pain, is that normal?')).not.toContain('URG-018');
    expect(pool('bad back since Monday and today my bum is numb and I cannot pee')).toContain('URG-018');
  });

  it('keeps poisoning out of a missing button battery', () => {
    const q = '孩子刚才玩遥控器 纽扣电池少了一颗 不知道是不是吞了';
    expect(pool(q)).toContain('URG-040');
    expect(pool(q)).not.toContain('URG-020');
  });

  it('keeps psychosis out of someone calling herself paranoid about reduced movements', () => {
    expect(pool('35 weeks, baby quieter than usual today, probably just being paranoid, should I wait till tomorrow?')).not.toContain('URG-042');
  });

  it('keeps delirium out of septic shock with new confusion', () => {
    expect(pool('FY1: 80F, UTI, T 39, BP 80/45, lactate 5, new confusion, what now')).not.toContain('URG-051');
  });

  it('keeps burns out of sun cream and sepsis out of man flu', () => {
    expect(pool('going to Spain, I burn easily, what SPF suncream should I use?')).not.toContain('URG-024');
    expect(pool('my husband has man flu, temp 37.5, moaning on the sofa, wants A&E')).not.toContain('URG-009');
  });

  it('keeps a heart attack out of stopping aspirin years after one', () => {
    expect(pool('我爸十年前心梗放了支架 每年复查都好 想自己停了阿司匹林 换成吃保健品 行吗')).not.toContain('URG-004');
  });

  it('keeps domestic abuse out of a wife grabbing her own head', () => {
    expect(pool('my wife suddenly grabbed the back of her head saying something burst, worst headache ever')).not.toContain('URG-045');
  });
});
