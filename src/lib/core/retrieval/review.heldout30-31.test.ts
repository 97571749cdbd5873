// Paraphrases written after heldout30's and heldout31's evaluation, none of them in a labelled set:
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
  it('reads a training grade as a heading ("ST3 …") as a clinician', () => {
    expect(classify('ST3 paeds on nights. 4yo, sats 91% on air, RR 48, recession, do I start high flow now or wait for the gas').expertise).toBe('health_professional');
  });

  it('reads a Chinese care worker who mentions the nurses\' handover as a lay person', () => {
    const q = '我是病房护工 陪护的老太太打胰岛素的 刚才一身冷汗手抖 说胡话 护士们在交班 我先给她喝点啥';
    expect(classify(q).expertise).not.toBe('health_professional');
    expect(pool(q)).toContain('URG-035');
  });

  it('still reads a handover one is writing as a clinician\'s', () => {
    expect(classify('帮我整理一下交班记录 3床 男68 肺炎 今日体温正常').expertise).toBe('health_professional');
  });

  it('reads a village doctor heading typed with a space as a clinician', () => {
    expect(classify('村医 山里 一个孕36周的 头痛眼花 血压170/110 我这里啥也没有 怎么转').expertise).toBe('health_professional');
    expect(classify('村卫生室的 刚才来了个小孩 高烧40度 抽了一下').expertise).toBe('health_professional');
  });
});

describe('timing', () => {
  it('reads a clock time it started at as happening now ("since about 4am")', () => {
    const q = 'since about 4am a heavy feeling in my chest going into my left arm, sweating, on shift till 8, ok to wait?';
    expect(classify(q).urgency).toBe('emergent');
  });

  it('keeps a relative\'s heart attack at an age out of one\'s own results', () => {
    const q = 'my health check printout: cholesterol 7.1, LDL 4.9, HbA1c 44, BP 141/88. mum had a heart attack at 58. which numbers matter?';
    const s = classify(q);
    expect(s.urgency).not.toBe('emergent');
    expect(s.task_type).toBe('health_data');
    expect(pool(q)).not.toContain('URG-052');
  });

  it('reads "1990ish" and "when I was about 8" as history', () => {
    expect(classify('when i was about 8 (1990ish) my dad was told he had a silent heart attack, what does that actually mean?').urgency).not.toBe('emergent');
  });

  it('reads medical finals being revised for as teaching', () => {
    expect(aboutNoPatient('finals next week, why do you give a beta blocker before a vasodilator in aortic dissection?')).toBe('teaching');
  });

  it('reads a Chinese friend\'s old ectopic and her odds of another as information', () => {
    const q = '我姐五年前宫外孕破裂大出血 切了一侧输卵管 她想再要孩子 再来一次宫外孕的概率大吗';
    const s = classify(q);
    expect(s.urgency).not.toBe('emergent');
    expect(s.task_type).toBe('information');
    expect(pool(q)).not.toContain('URG-013');
  });
});

describe('what is asked for', () => {
  it('reads notes to be turned into a discharge summary, and a form section worded, as documents', () => {
    expect(classify('gen surg F2: turn this into a discharge summary for the GP: 54M lap chole 12/06, day case, no complications, TTO co-codamol').task_type).toBe('documentation');
    expect(classify('travel insurance wants my medical history, can you help me word the declaration section, I had a PE in 2021 treated with apixaban').task_type).toBe('documentation');
  });

  it('reads an NNT asked for as an evidence question', () => {
    expect(classify('ED reg - what is the NNT for thrombolysis at 4 hours in stroke, and what is the NNH for bleeding?').task_type).toBe('evidence');
  });

  it('reads a Chinese results slip photographed and "看下这个血常规" as health data', () => {
    expect(classify('我妈的体检单子拍给我了 帮我看看：总胆固醇 6.8 低密度 4.5 甘油三酯 2.6').task_type).toBe('health_data');
    expect(classify('帮忙看下这个血常规 女38 Hb 92 MCV 70 PLT 400').task_type).toBe('health_data');
  });

  it('reads a clinician\'s next step put as "do I start…or wait" as advice', () => {
    expect(classify('ED SHO: 70M, lactate 5, BP 78/40, febrile, do I start noradrenaline peripherally or wait for ICU?').task_type).toBe('advice');
  });
});

describe('no patient', () => {
  it('reads a Chinese farmer\'s chickens or pigs as animals', () => {
    expect(aboutNoPatient('我家养了三十多只鸭 天太热 好几只张嘴喘 人吃的药鸭能吃吗')).toBe('animal');
    expect(pool('我爸养了几头猪 这几天热得趴着不动 是中暑吗 人吃的藿香正气水猪能吃吗')).not.toContain('URG-036');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['farmer, my husband was spraying pesticide on the potatoes, now drooling, sweating and his pupils are tiny', 'URG-020'],
    ['hockey coach, a player took a stick to the side of the head 30 min ago, was dazed for a bit, now sick', 'URG-008'],
    ['my daughter had her ears pierced 4 days ago, infected and oozing, now she isnt making sense and her breathing is really fast', 'URG-009'],
    ['youth worker: a 15yo told me she has been saving up her dads tramadol and is going to do it this weekend', 'URG-019'],
    ['同事在马拉松终点附近倒了 说话颠三倒四 皮肤滚烫 不怎么出汗', 'URG-036'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a fever on chemotherapy days after a cycle as an emergency', () => {
    expect(classify('practice nurse: 62F on paclitaxel, last cycle 8 days ago, shivery and fluey since this morning').urgency).toBe('emergent');
  });

  it('reads severe pre-eclampsia with magnesium asked about as an emergency', () => {
    expect(classify('obs reg: 35+1 primip, BP 166/112, headache and epigastric pain since this evening, do I start mag sulf before the bloods?').urgency).toBe('emergent');
  });

  it('reads a Chinese asthma attack the reliever is not touching as an emergency', () => {
    expect(classify('孩子有哮喘 跑完步喘得厉害 说话要分好几口气 蓝色喷雾喷了三下没啥用').urgency).toBe('emergent');
  });
});

describe('negation', () => {
  it('reads 也没 and 都没 as negations, as 没 is', () => {
    const q = '坐了一整天 左小腿肿了 按着疼 没有喘不上气 也没胸痛';
    expect(pool(q)).toContain('URG-032');
    expect(pool(q)).not.toContain('URG-004');
    expect(pool('左小腿肿了 按着疼 今天突然胸痛 喘不上气')).toContain('URG-004');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps an atypical heart attack out of a silent one found at a check-up long ago', () => {
    expect(pool('my uncle was told years ago a silent heart attack showed up on his ECG at a check up, how can that happen without pain?')).not.toContain('URG-052');
  });

  it('keeps a heart attack out of pesticide poisoning with a tight chest', () => {
    const q = 'my dad was using organophosphate sheep dip this morning, now sweating, drooling and his chest feels tight';
    expect(pool(q)).toContain('URG-020');
    expect(pool(q)).not.toContain('URG-004');
  });

  it('keeps a low sugar out of a faint that a coach calls one', () => {
    expect(pool('28岁 健身的时候突然眼前一黑倒了十几秒 醒了没事 之前没预兆 我爸40岁心脏病去世 教练说就是低血糖')).not.toContain('URG-035');
  });

  it('keeps alcohol withdrawal out of a drunk husband who hits', () => {
    const q = '老公一喝酒就动手 昨天把我推倒 还掐我脖子 我该怎么办';
    expect(pool(q)).toContain('URG-045');
    expect(pool(q)).not.toContain('URG-044');
  });
});
