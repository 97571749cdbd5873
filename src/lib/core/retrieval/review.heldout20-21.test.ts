// Paraphrases written after heldout20's and heldout21's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { scanCjk } from './text';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('reading the question', () => {
  it('reads "不…了" after a symptom as the symptom gone, and keeps symptoms with 不 in them', () => {
    expect(scanCjk('现在也不胸痛了').live).not.toContain('胸痛');
    expect(scanCjk('已经不疼了').live).not.toContain('疼');
    expect(scanCjk('胳膊抬不起来').live).toContain('抬不起来');
    expect(scanCjk('说话不清楚').live).toContain('不清楚');
  });

  it('does not read another person named in passing as the asker ("school nurse is off site")', () => {
    expect(classify('Football coach here, one of my under 12s is wheezing and his inhaler is not helping, the club nurse is away today, what do I do').expertise).toBe('layperson');
    expect(classify('School nurse here: a year 4 boy fell off the wall and hit his head, now drowsy').expertise).toBe('health_professional');
  });

  it('reads a clinician heading of a grade and a department in Chinese ("普外住院医请教 …")', () => {
    expect(classify('骨科住院医请教 男 70岁 股骨颈骨折术后第二天 晚上突然糊涂 下一步怎么办').expertise).toBe('health_professional');
    expect(classify('王医生请教一下 我妈今天头晕 要不要去医院').expertise).toBe('layperson');
  });

  it('reads a past event told by an age as history ("when I was 15")', () => {
    expect(classify('Filling in a job medical: I fainted once when I was 15 at a concert, do I have to declare it?').urgency).not.toBe('urgent');
  });
});

describe('what is asked for', () => {
  it('reads stopping a medicine for a week and "能停吗 停哪个" as medication questions', () => {
    expect(classify('我妈吃氯吡格雷 下周拔牙 牙医让先停一周 到底要不要听').task_type).toBe('medication');
    expect(classify('我爸吃阿司匹林和氯吡格雷 最近老流鼻血 能停吗 停哪个').task_type).toBe('medication');
  });

  it('reads an adverse-event report asked for as documentation', () => {
    expect(classify('护士长 帮我写一份不良事件上报 昨晚患者跌倒 无头部撞击').task_type).toBe('documentation');
  });

  it('reads a question about named trials\' results as an evidence question', () => {
    expect(classify('心内住院医 想问DAPA-HF和EMPEROR-Reduced具体结果是怎样的').task_type).toBe('evidence');
  });

  it('reads medicines together at a pharmacy counter as a medication question', () => {
    expect(classify('Pharmacist: man on clopidogrel wants ibuprofen and omeprazole off the shelf for back pain, anything to flag?').task_type).toBe('medication');
  });
});

describe('no patient: dramas, projects and lessons', () => {
  it.each([
    ['昨天看美剧 男主突然倒地 旁边的人马上做心肺复苏 现实中真的这么按吗', 'URG-021'],
    ['刚刷到一个电视剧片段 女主被蜜蜂蛰了休克 现实会这么严重吗', 'URG-022'],
    ['my son has a science project on how the heimlich was invented, who came up with it?', 'URG-034'],
    ['I have to do a first aid lesson for year 7 next month, how should I explain the recovery position?', 'URG-021'],
  ])('keeps the presentation out: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
  });

  it('keeps a parent mentioning exams a situation ("等期末考完再带她去看")', () => {
    expect(aboutNoPatient('女儿手腕上有划痕 说不想活了 我老公说等期末考完再带她去看')).toBeNull();
    expect(pool('女儿手腕上有划痕 日记写着不想活了 我老公说等期末考完再带她去看 现在怎么办')).toContain('URG-019');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['送外卖的同事在路边倒了 身上很烫 不出汗 说话颠三倒四 怎么办', 'URG-036'],
    ['怀孕31周 早上擦的时候纸上有鲜红色的血 不疼 要马上去医院吗', 'URG-047'],
    ['安眠药吃几片能一直睡过去不醒', 'URG-046'],
    ['刚从国外飞回来 吃着避孕药 今天一吸气胸口就疼 喘不上气 小腿也胀', 'URG-032'],
    ['my brother took a knee to the head at football, was out cold for a few seconds, now a banging headache and he was sick', 'URG-008'],
    ['the man I support grabbed a sandwich and now he cant cough or talk, going red', 'URG-034'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads shoulder-tip pain in early pregnancy as an emergency', () => {
    expect(classify('6 weeks pregnant, sharp pain low down on one side since this afternoon and now my shoulder tip hurts, should I wait for my scan?').urgency).toBe('emergent');
  });

  it('reads a village doctor\'s septic shock in observations as an emergency', () => {
    expect(classify('村医求助 老太太咳嗽发烧三天 今天血压80/45 心率120 人迷糊 先怎么处理').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps a low sugar out of a diabetic\'s heart attack told as indigestion and sweating', () => {
    const q = 'my husband is diabetic, sweating and grey, rubbing his chest, says it is indigestion from lunch';
    expect(pool(q)).not.toContain('URG-035');
    expect(pool('my son is type 1 diabetic, sweating and shaky and not making sense before lunch')).toContain('URG-035');
  });

  it('keeps delirium out of confusion after a fit', () => {
    expect(pool('GP here: 30M, first tonic-clonic last night, post-ictal confusion for 20 min, now back to normal, driving?')).not.toContain('URG-051');
  });

  it('keeps alcohol withdrawal out of skipping one antibiotic dose to drink', () => {
    expect(pool('吃头孢第三天 今晚同事聚餐要喝酒 我那顿先停一次 喝完明天再吃行不')).not.toContain('URG-044');
    expect(pool('我爸喝了三十年白酒 下周开始一口不碰 要注意什么')).toContain('URG-044');
  });

  it('keeps poisoning out of a question about how many sleeping pills would never wake you', () => {
    const q = '安眠药吃多少片能睡过去不醒 最近真的太累了';
    expect(pool(q)).toContain('URG-046');
    expect(pool(q)).not.toContain('URG-020');
  });

  it('keeps choking out of a partner\'s hands round the throat', () => {
    expect(pool('last week he had his hands round my throat, I cannot leave because of the kids, who can I talk to?')).not.toContain('URG-034');
  });
});
