// Paraphrases written after heldout18's and heldout19's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, questionFacts } from './questionFacts';
import { scanQuestion } from './text';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('facts read from the question', () => {
  it('reads "刚满6周" and "满5周" as a young baby, and "2y3m" as a child', () => {
    expect(questionFacts('宝宝刚满6周，今天摸着烫').has('young-baby')).toBe(true);
    expect(questionFacts('孩子满5周了，有点咳嗽').has('young-baby')).toBe(true);
    expect(questionFacts('男 2y3m 今天吐了五次').has('child')).toBe(true);
    expect(questionFacts('she is 32y and well').has('adult')).toBe(true);
  });

  it('reads a gestation with a hedge before it ("怀孕大概7周")', () => {
    expect(questionFacts('我老婆怀孕大概7周，今天肚子疼').has('early-pregnancy')).toBe(true);
    expect(questionFacts('怀孕差不多30周了').has('later-pregnancy')).toBe(true);
  });

  it('ends a negation where the story moves on ("no warning just woke up")', () => {
    const negated = (q: string, word: string) => scanQuestion(q).find((t) => t.word === word)?.negated;
    expect(negated('no warning just woke up on the floor', 'woke')).toBe(false);
    expect(negated('no pain then suddenly it started', 'started')).toBe(false);
    expect(negated('no pain in my chest at all', 'chest')).toBe(true);
  });
});

describe('who is asking', () => {
  it.each([
    ['儿科急诊 女 3岁 发热两天 今天抽了一次 现在精神差 下一步怎么处理'],
    ['全科医生请教 女 45岁 血压160/100 头痛三天 要不要马上转诊'],
    ['村卫生室 求助 男 70岁 发烧寒战 血压85/50'],
    ['GDP here, patient went pale and sweaty during an extraction, what should we do next'],
    ['resus q - 60M, GCS 13, BP 80/40, lactate 5, what next'],
  ])('a clinician: %s', (q) => {
    expect(classify(q).expertise).toBe('health_professional');
  });

  it('does not read a lay heading with a space as a clinician ("我家附近医院 …")', () => {
    expect(classify('我家附近医院 求助 我爸今天发烧39度 要不要去急诊').expertise).toBe('layperson');
  });

  it('reads non-clinical practice staff as neither a clinician nor a patient', () => {
    expect(classify('Surgery receptionist (non clinical): a caller says her husband has crushing chest pain, what do I tell her').expertise).toBe('unclear');
    expect(classify('I am a GP and need a referral letter for a 50 year old with chest pain').expertise).toBe('health_professional');
  });

  it('reads "本人…" as a person writing about themselves', () => {
    expect(classify('本人六十五岁，高血压多年，近日头晕，请问需要换药吗').expertise).toBe('layperson');
  });
});

describe('what is asked for', () => {
  it('reads a referral form asked for in Chinese as documentation, and a form mentioned as a need as not', () => {
    expect(classify('请帮我写一份转诊单 患者男 70岁 血糖控制差 转上级医院内分泌科').task_type).toBe('documentation');
    expect(classify('在英国读书 看专科需不需要GP转诊信 大概要多少钱').task_type).not.toBe('documentation');
  });

  it('reads pasted results with "哪些不正常" as a health-data task', () => {
    expect(classify('我的血常规：血红蛋白 98 g/L（130-175） 白细胞 4.1 血小板 210 哪些不正常 需要担心吗').task_type).toBe('health_data');
  });

  it('reads "吃了还能喂奶吗" about a named medicine as a medication question', () => {
    expect(classify('宝宝三个月 我牙疼吃了对乙酰氨基酚 吃了还能喂奶吗').task_type).toBe('medication');
  });

  it('reads counselling at dispensing as a medication question, and a supplement in it as no evidence question', () => {
    const s = classify('药师请教 患者吃华法林 今天加了阿莫西林 还在吃保健品鱼油 发药时怎么跟患者交代');
    expect(s.task_type).toBe('medication');
    expect(s.uncertainty).not.toBe('uncertain_evidence');
    expect(classify('保健品鱼油真的有用吗 能降血脂吗').uncertainty).toBe('uncertain_evidence');
  });

  it('does not read "I don\'t do doctors. Letter says…" as a letter asked for; pasted results are health data from a lay person', () => {
    const s = classify('Husband made me go for a work health check, I never see the GP. Letter says see GP. HbA1c 50, LDL 4.4, ALT 70, eGFR 80, is any of it bad?');
    expect(s.task_type).toBe('health_data');
    expect(s.expertise).toBe('layperson');
    expect(classify('Can you do a letter to my GP about my blood results?').task_type).toBe('documentation');
  });

  it('reads where a number comes from as an evidence question', () => {
    expect(classify('A podcast said 1 in 3 strokes happen in people under 65, where does that figure come from?').task_type).toBe('evidence');
  });

  it('reads a medical student revising a medical subject as a clinician in training', () => {
    expect(classify('药理明天考试 β受体阻滞剂和钙通道阻滞剂的禁忌症老是记混 有没有好记的办法').expertise).toBe('health_professional');
    expect(classify('儿子明天期末考 最近老说头疼 要不要带他去医院').expertise).not.toBe('health_professional');
  });

  it('brings the interaction principle to a macrolide with a statin', () => {
    expect(pool('Pharmacist here: erythromycin 500mg QDS prescribed for a man on simvastatin 40mg, what should I advise?')).toContain('TSK-012');
  });

  it('reads a child dose with the weight not known as missing context', () => {
    expect(classify('外孙4岁 发烧38.6 家里有布洛芬 一次吃多少 他多重我也不清楚').uncertainty).toBe('missing_context');
  });

  it('reads a question about the law on helping a stranger as no patient situation, and keeps CPR out', () => {
    const q = 'If I saw a stranger collapse in the street and do CPR and break a rib, could I be sued? What does the law say?';
    expect(classify(q).task_type).toBe('other');
    expect(pool(q)).not.toContain('URG-021');
    expect(pool('假如在商场看到有人倒地 我去做心肺复苏 会被家属告吗 法律上怎么规定').filter((id) => id === 'URG-021' || id === 'URG-007')).toEqual([]);
  });
});

describe('no patient: a drama, a lesson, a lecture', () => {
  it.each([
    ['最近在追剧 里面男主突然心梗倒地 现实中心梗真的这么快吗', 'URG-004'],
    ['rewatched Casualty last night, the bit where a man has a stroke in a lift. do people really recover that fast?', 'URG-005'],
    ['Our assembly is on asthma next week, can you give me three facts about inhalers for year 4s?', 'URG-006'],
    ['cardio lecture today, the lecturer said most heart attacks happen on Monday mornings, is that true?', 'URG-004'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
  });

  it('keeps a teacher telling of a pupil a situation ("I teach year 4…")', () => {
    expect(aboutNoPatient('I teach year 4 and one of my pupils has bruises shaped like fingers on both arms again today')).toBeNull();
  });

  it('keeps teaching that asks what research shows an evidence question', () => {
    expect(classify('For next week\'s lesson on strokes I want one slide: what does the research show on how many people know the FAST signs?').task_type).toBe('evidence');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['乡镇卫生院 男 80岁 肺炎三天 今天叫不太醒 T 39.0 BP 78/40 膝盖有花斑 先做什么', 'URG-030'],
    ['最近总觉得要是睡着了就不醒也挺好 也没想怎么做 就是这么想', 'URG-019'],
    ['Been saving my tablets for weeks, how many would be enough', 'URG-046'],
    ['2y1m boy with gastro since yesterday, vomited 6 times, only one wet nappy today, sunken eyes, what now', 'URG-012'],
    ['患儿 1y10m 腹泻三天 水样便 眼窝凹 今天尿不湿一直是干的', 'URG-012'],
    ['Dentist here. Patient slumped in the chair after the injection, unresponsive for about 10 seconds, came round quickly', 'URG-007'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads hiking heat with new confusion as an emergency', () => {
    expect(classify('walking in the desert, 40C, my dad started stumbling and doesnt know what day it is, should we just rest in the shade').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps overdose out of an allergic reaction with antihistamine in the kit', () => {
    const q = 'my 8 year old with a nut allergy ate a cookie, lips swelling and coughing, I have his epipen and a bottle of antihistamine, which first?';
    expect(pool(q)).toContain('URG-022');
    expect(pool(q)).not.toContain('URG-020');
    expect(pool('my 3 year old drank from a bottle of bleach under the sink')).toContain('URG-020');
  });

  it('keeps asthma out of COPD with a clot, and in for asthma', () => {
    expect(pool('I have COPD, back from a long flight, sudden breathlessness and a swollen calf, blue inhaler not helping')).not.toContain('URG-006');
    expect(pool('my asthma is bad tonight, blue inhaler not helping, can only say a few words')).toContain('URG-006');
  });

  it('keeps a low sugar out of a heart attack told by the stomach and the left arm', () => {
    expect(pool('我爸糖尿病 刚才吃完饭说胃里顶得难受 一直出冷汗 左边胳膊酸 是不是吃多了')).not.toContain('URG-035');
    expect(pool('我妈糖尿病打胰岛素 没吃饭 现在手抖出冷汗 说胡话')).toContain('URG-035');
  });

  it('keeps a faint out of early-pregnancy pain told in Chinese', () => {
    const q = '我老婆怀孕大概6周 今天下腹一阵阵疼 刚才差点晕倒 内裤有点血';
    expect(pool(q)).toContain('URG-013');
    expect(pool(q)).not.toContain('URG-007');
  });

  it('keeps a collapse with gasping out of fainting (went limp, snorting breaths)', () => {
    expect(pool('Nan just went limp in her chair, every few seconds a big gasp, lips grey, should I start compressions')).not.toContain('URG-007');
  });

  it('keeps a stockpile without a dose question under suicidal thoughts only', () => {
    const q = 'my friend says everyone would be better off without her and she has been saving her pills in a box';
    expect(pool(q)).toContain('URG-019');
    expect(pool(q)).not.toContain('URG-046');
  });
});
