// Paraphrases written after heldout24's and heldout25's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('facts and timing', () => {
  it('reads "early 30s" and "late 40s" as adult ages', () => {
    expect(questionFacts('my client, early 30s, keeps turning up with marks').has('adult')).toBe(true);
    expect(questionFacts('a man in his late 40s').has('adult')).toBe(true);
  });

  it('reads someone holding their chest or sweating as happening now', () => {
    const s = classify('I work the front desk at a gym, a member just came off the treadmill holding his chest, says it is crushing and going into his jaw, and he is sweating');
    expect(s.urgency).toBe('emergent');
  });

  it('reads a mother\'s birth long ago as history ("我妈生我的时候…")', () => {
    const q = '我妈生我的时候大出血 还切了子宫 我现在怀孕18周 这个会遗传吗';
    expect(classify(q).urgency).not.toBe('emergent');
    expect(pool(q)).not.toContain('URG-023');
  });
});

describe('who is asking', () => {
  it('reads a personal trainer and a gym front desk as lay, and a patient as a clinician\'s "pt"', () => {
    expect(classify('im a PT at a gym and one of my clients has bruises on her arms again').expertise).toBe('layperson');
    expect(classify('pt on the ward is 80M with new confusion and a temp of 38.4, what next').expertise).toBe('health_professional');
  });

  it('reads a Chinese nurse of a long-named workplace and a rotating trainee as clinicians', () => {
    expect(classify('我是社区卫生服务中心的护士 上门看一位老人 血压170/100 头痛').expertise).toBe('health_professional');
    expect(classify('呼吸科轮转的规培 男 60岁 咳嗽咳痰 下一步怎么办').expertise).toBe('health_professional');
  });
});

describe('what is asked for', () => {
  it('reads a protocol the team wants as documentation', () => {
    expect(classify('GP here, we want a one page protocol for reception on callers with chest pain').task_type).toBe('documentation');
  });

  it('does not read a sick note someone else wants as a document asked for', () => {
    expect(classify('hurt my back at work, my manager wants a sick note, do I ring the GP or can I self certify?').task_type).not.toBe('documentation');
    expect(classify('can you write me a sick note template for my practice').task_type).toBe('documentation');
  });

  it('reads a long Chinese document name asked for as documentation ("写一份…随访记录")', () => {
    expect(classify('按SOAP格式帮我写一份慢病管理签约居民随访记录 男 70岁 高血压').task_type).toBe('documentation');
  });

  it('reads a discharge summary to be put into plain words as health data', () => {
    expect(classify('我妈刚出院 出院小结看不懂 帮我翻译成大白话：诊断 慢性心衰急性加重').task_type).toBe('health_data');
  });

  it('reads a meta-analysis in Chinese as an evidence question, whatever numbers it gives', () => {
    expect(classify('在做一个meta分析 纳入9个RCT 合并后RR 0.8 I²=70% 结论能写有效吗').task_type).toBe('evidence');
  });

  it('reads a dose someone else forgot to give as a medication question', () => {
    expect(classify('我爸吃二甲双胍 昨晚保姆忘了给他吃 今天要补一片吗').task_type).toBe('medication');
  });
});

describe('no patient: an old diary, highlights, a class', () => {
  it.each([
    ['收拾东西翻出奶奶1979年的日记 里面写爷爷中风了 要绝对卧床 那时候都这么治吗', 'URG-005'],
    ['watching old match highlights where a player collapsed and they used a defib, how does it restart the heart?', 'URG-021'],
    ['下周班会课想教孩子们海姆立克 怎么讲比较好', 'URG-034'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
  });
});

describe('presentations in other words', () => {
  it.each([
    ['snowboarding, my friend fell and was out for about 10 seconds, now he is fine but has a headache', 'URG-008'],
    ['my daughter\'s friend took two pills someone gave her at the party, maybe ecstasy, she is very hot and chatty', 'URG-020'],
    ['cleaner on nights, a needle went into my hand through a bin bag an hour ago, what do I do', 'URG-050'],
    ['oncology nurse: 60M day 8 post cycle 2 docetaxel, T 38.4, shivery, HR 110', 'URG-038'],
    ['心内规培 男 52岁 突发胸背部撕裂样疼 右上肢血压180/100 左上肢140/80 怎么处理', 'URG-055'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a seizure still going on as an emergency', () => {
    expect(classify('lifeguard here, a kid went stiff in the pool and is still jerking now after 3 minutes, lips blue').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps stroke out of slurring after drink with a head injury', () => {
    const q = 'my son is 17, very drunk on vodka, fell off a wall and banged his head, now slurring and sleepy';
    expect(pool(q)).toContain('URG-008');
    expect(pool(q)).not.toContain('URG-005');
  });

  it('keeps meningitis and domestic abuse out of a headache like being hit with a bat', () => {
    const q = 'me and my partner were having sex and suddenly a headache like being hit with a bat, worst ever, neck a bit stiff';
    expect(pool(q)).toContain('URG-031');
    expect(pool(q)).not.toContain('URG-010');
    expect(pool(q)).not.toContain('URG-045');
  });

  it('keeps child abuse out of an adult\'s bruises and brings domestic abuse', () => {
    const q = 'my client, early 30s, has fingertip bruises on her upper arms again and says her boyfriend gets like that';
    expect(pool(q)).not.toContain('URG-041');
    expect(pool(q)).toContain('URG-045');
    expect(pool('I teach year 3 and a boy in my class has bruises on his arms again, shaped like fingers')).toContain('URG-041');
  });

  it('keeps a faint out of anaphylaxis in the dental chair', () => {
    expect(pool('dentist here, patient in the chair, lips swelling, wheeze, feels faint, BP 80/50')).not.toContain('URG-007');
  });

  it('keeps a seizure out of "stopping drinking can cause fits" read online', () => {
    expect(pool('我爸喝了三十年白酒 明天开始不喝了 网上说突然戒酒会抽搐 是真的吗')).not.toContain('URG-025');
  });
});
