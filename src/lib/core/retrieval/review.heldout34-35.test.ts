// Paraphrases written after heldout34's and heldout35's evaluation, none of them in a labelled set:
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

describe('what is asked for', () => {
  it('reads a letter or note wanted for work or school as a document', () => {
    expect(classify('my employer wants a return to work letter after my knee op, can you write one I can get signed?').task_type).toBe('documentation');
    expect(classify('need a note for school, my son was off two days with a cold and is fine now, can you write something short?').task_type).toBe('documentation');
  });

  it('reads where to keep an insulin pen as a medicine question (Chinese)', () => {
    expect(classify('刚确诊1型糖尿病 宿舍没冰箱 胰岛素笔放哪儿比较好').task_type).toBe('medication');
  });

  it('reads results told beside an emergency happening now as advice (Chinese)', () => {
    const q = '化验单显示HCG 2100 B超宫内没看到孕囊 刚才突然下腹剧痛 眼前发黑 肩膀也疼';
    expect(classify(q).task_type).toBe('advice');
    expect(classify(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-013');
  });

  it('keeps a discharge summary that names grade 3 hypertension and angina a record to translate', () => {
    const q = '我妈刚出院 出院小结看不懂 帮我翻译一下：诊断 不稳定型心绞痛 高血压3级 出院带药 阿司匹林 氯吡格雷';
    expect(classify(q).task_type).toBe('health_data');
    expect(pool(q)).not.toContain('URG-004');
  });
});

describe('who is asking', () => {
  it('reads a medicines-counter assistant as neither a clinician nor the patient', () => {
    expect(classify('I work on the medicines counter (not the pharmacist), a man wants co-codamol for his back, what should I ask him?').expertise).toBe('unclear');
  });

  it('reads a Chinese paediatric triage heading followed by 患儿 as a clinician', () => {
    expect(classify('儿科急诊分诊 患儿女 2岁 腹泻3天 8小时无尿 哭时无泪 下一步').expertise).toBe('health_professional');
  });
});

describe('timing', () => {
  it('reads "5/52 post PCI" as history, so a named NSTEMI then is not an emergency now', () => {
    expect(classify('cardiology CNS: 58F, 6/52 post PCI for NSTEMI, on ticagrelor, mild breathlessness since starting it, obs fine, can she switch?').urgency).not.toBe('emergent');
  });
});

describe('no patient', () => {
  it('reads a podcast, a sculpture, an old photograph and an exam practice question as no one\'s illness now', () => {
    expect(aboutNoPatient('listening to a true crime podcast where the victim was poisoned with antifreeze, how would that work?')).toBe('fiction');
    expect(aboutNoPatient('我们社团要做一个雕塑 主题是有人在做心肺复苏 手放哪里')).toBe('fiction');
    expect(aboutNoPatient('翻出一张老照片 是我外公 听说他拍完没几年就心梗走了 那时候怎么治')).toBe('fiction');
    expect(aboutNoPatient('practice question for my exam: a 30 week pregnant woman with BP 168/110, what is the first drug?')).toBe('teaching');
  });

  it('reads putting up a first aid poster as teaching material', () => {
    expect(aboutNoPatient('my manager wants me to put up a first aid poster in the staff room about choking, 5 bullet points')).toBe('teaching');
  });

  it('reads a scene in a family drama with a space before 里面 as fiction', () => {
    expect(aboutNoPatient('昨天看一个家庭剧 里面爷爷突然抽搐 家人往他嘴里塞筷子 这样对吗')).toBe('fiction');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['Vasc reg: 70M with known disc prolapse, new perianal numbness and a PVR of 700 tonight, MRI not till morning', 'URG-018'],
    ['haematology helpline: 40F with ALL on induction, temp 38.6 and rigors at home', 'URG-038'],
    ['my twins were born 5 weeks ago and one of them feels hot, 38.1 under the arm', 'URG-011'],
    ['71, on apixaban, caught my head on the corner of a shelf an hour ago, proper whack, small cut', 'URG-008'],
    ['我跑外卖的 同事今天在外面晒了一下午 刚才说话含含糊糊的 不太理人 身上很烫', 'URG-036'],
    ['孩子1岁半 肠胃炎 吐了好几次 6个小时没尿 哭时无泪', 'URG-012'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a child\'s fingertip-type bruises as safeguarding, and keeps burns first aid out of a burn mark beside them', () => {
    const q = 'my stepson is 6 and came back from his dads with fingertip type bruises on his arms and a small round mark like a burn';
    expect(pool(q)).toContain('URG-041');
    expect(pool(q)).not.toContain('URG-024');
  });

  it('reads carbon monoxide in a tent, in French, as an emergency', () => {
    expect(classify('on a mis un barbecue dans la tente cette nuit, ce matin on a tous mal à la tête et mon copain est très somnolent').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps an atypical heart attack out of a tearing pain through to the back', () => {
    const q = 'passenger says something ripped in his chest 10 minutes ago, now going through to his back, he looks grey';
    expect(pool(q)).not.toContain('URG-052');
  });

  it('keeps emergency contraception and poisoning out of PrEP missed between men', () => {
    const q = 'on event based prep, forgot the second doses, had condomless sex with a guy on saturday, what now?';
    expect(pool(q)).toContain('URG-050');
    expect(pool(q)).not.toContain('URG-049');
    expect(pool(q)).not.toContain('URG-020');
  });

  it('keeps a baby\'s fever out of a medicine taken for two months', () => {
    expect(pool('我妈吃甲巯咪唑快两个月了 这两天嗓子疼 发热37.9 要紧吗')).not.toContain('URG-011');
  });

  it('keeps pre-eclampsia and a faint out of a ruptured early pregnancy', () => {
    const q = 'HCG 1900 宫内未见孕囊 刚才小肚子剧痛 眼前发黑差点晕过去 肩膀也疼';
    expect(pool(q)).not.toContain('URG-014');
    expect(pool(q)).not.toContain('URG-007');
  });
});
