// Paraphrases written after heldout32's and heldout33's evaluation, none of them in a labelled set:
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
const presentations = (q: string) => pool(q).filter((id) => library.find((p) => p.id === id)?.presentation);

describe('Spanish and French: the scenario without presentations', () => {
  it('reads an emergency described in Spanish as an emergency a lay person asks about, with no presentation principle', () => {
    const q = 'Mi madre tiene un dolor muy fuerte en el pecho desde hace media hora y le baja por el brazo, está sudando. ¿Qué hago?';
    const s = classify(q);
    expect(s.urgency).toBe('emergent');
    expect(s.expertise).toBe('layperson');
    expect(s.task_type).toBe('advice');
    expect(pool(q)).toContain('URG-001');
    expect(presentations(q)).toEqual([]);
  });

  it('reads one in French the same way', () => {
    const q = "Mon fils de 3 ans a de la fièvre et la nuque raide, il est très somnolent. Qu'est-ce que je fais ?";
    expect(classify(q).urgency).toBe('emergent');
    expect(presentations(q)).toEqual([]);
  });

  it('keeps an English-looking word in Spanish from choosing a presentation ("angina" is a sore throat there)', () => {
    expect(presentations('Mi hija tiene angina y fiebre desde ayer, ¿le puedo dar ibuprofeno con el paracetamol?')).toEqual([]);
  });

  it('does not read an English question with a Spanish name in it as Spanish', () => {
    expect(presentations('my friend Maria de la Cruz has crushing chest pain going down her left arm right now')).toContain('URG-004');
  });

  it('reads a young baby\'s fever in French as urgent', () => {
    expect(classify('Mon bébé a 5 semaines et il a 38,2 de fièvre ce soir, il boit un peu moins').urgency).toBe('urgent');
  });
});

describe('an event that is over', () => {
  it('reads a first fit that has passed, the person back to normal, as urgent rather than an emergency', () => {
    expect(classify('my husband had a seizure in his sleep for about 2 minutes, first ever, he came round after 10 minutes and is now fine and chatting').urgency).toBe('urgent');
    expect(classify('爸爸昨晚第一次抽搐了两分钟 后来醒过来了 现在完全正常 要去医院吗').urgency).toBe('urgent');
  });

  it('keeps a seizure still going an emergency', () => {
    expect(classify('my son is having a seizure right now and it has been going for 6 minutes').urgency).toBe('emergent');
  });

  it('keeps stroke signs that faded an emergency', () => {
    expect(classify('my dad\'s face drooped and his speech went slurred for 10 minutes, now he is completely fine').urgency).toBe('emergent');
  });
});

describe('who is asking', () => {
  it('reads a CPN or a district nurse heading as a clinician', () => {
    expect(classify('CPN. client on lithium, level 1.3 today, tremor and diarrhoea, do I stop it?').expertise).toBe('health_professional');
  });

  it('reads Chinese prescription review and nursing students as clinicians', () => {
    expect(classify('药剂科审方 儿童 头孢克洛 每次2g tid 这个剂量对吗').expertise).toBe('health_professional');
    expect(classify('护理实习生 带教老师让我们做一份跌倒预防的宣教单').expertise).toBe('health_professional');
  });

  it('reads a Chinese pharmacy window heading followed by the customer as a clinician', () => {
    expect(classify('药房窗口 一位阿姨吃着华法林 又拿了阿莫西林 要提醒什么').expertise).toBe('health_professional');
  });
});

describe('no patient', () => {
  it('reads a video game\'s rules and a cartoon as no one\'s illness', () => {
    expect(aboutNoPatient('playing a zombie game where your guy gets sepsis from a cut, is that how sepsis works?')).toBe('fiction');
    expect(aboutNoPatient('孩子看动画片里小兔子被鱼刺卡住了 喝醋就好了 这有用吗')).toBe('fiction');
  });

  it('keeps a child watching cartoons today someone\'s situation', () => {
    expect(aboutNoPatient('孩子发烧38度 还在看动画片 精神还行 能吃布洛芬吗')).toBeNull();
  });

  it('reads a rumour passed round a family chat as no one\'s illness', () => {
    const q = '家族群里转了一篇文章 说心梗的时候用力咳嗽能自救 是真的吗';
    expect(aboutNoPatient(q)).toBe('fiction');
    expect(pool(q)).not.toContain('URG-004');
  });

  it('reads teaching a school year as teaching', () => {
    expect(aboutNoPatient('teaching year 10 biology next week on how vaccines work, is herd immunity explained right in the textbook?')).toBe('teaching');
  });
});

describe('what is asked for', () => {
  it('reads Chinese biochemistry to sort out and a report photo with "啥意思" as health data', () => {
    expect(classify('帮忙整理下生化 Cr 178 K 5.6 Na 133 有没有要马上处理的').task_type).toBe('health_data');
    expect(classify('老家的体检报告照片发给我了：血红蛋白105 白细胞7.1 这是啥意思').task_type).toBe('health_data');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['ITU nurse: 66M post op day 3, T 38.7, HR 125, lact 4.2, BP 84/50, what first', 'URG-030'],
    ['im a foster carer, my 9yo came back from a visit with finger shaped bruises on his arm and said he was told not to tell', 'URG-041'],
    ['月嫂 宝妈产后第二周 今天说想抱着孩子一起从窗户跳下去', 'URG-043'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads heat stroke with random talk and no sweat as an emergency', () => {
    expect(classify('at a festival, 35C, my mate stopped sweating, skin really hot, saying random stuff and cant walk straight').urgency).toBe('emergent');
  });

  it('reads alcohol withdrawal with things seen on the walls as an emergency', () => {
    expect(classify('my dad stopped drinking 3 days ago after years of a bottle a day, now shaking and seeing insects on the walls').urgency).toBe('emergent');
    expect(classify('老公喝了二十年酒 前天开始一口都没喝 今天手抖出汗 说看见墙上有虫子').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps poisoning out of food poisoning', () => {
    expect(pool('I think I have food poisoning from a takeaway, vomiting since midnight, what should I do?')).not.toContain('URG-020');
  });

  it('keeps child safeguarding out of an adult\'s grip-mark bruises', () => {
    const q = 'one of my salon clients (40s) has grip marks on both arms again, she said her husband gets like that';
    expect(pool(q)).toContain('URG-045');
    expect(pool(q)).not.toContain('URG-041');
  });

  it('keeps CPR out of someone who did not respond and then woke', () => {
    expect(pool('同事吃饭时突然倒地抽了一分钟 叫他没反应 后来慢慢醒了 现在清醒了')).not.toContain('URG-021');
  });

  it('keeps a lethal-dose principle out of how high a temperature is dangerous', () => {
    expect(pool('工友前几年中暑没救过来 热射病为什么会死人 体温高到多少就危险')).not.toContain('URG-046');
  });

  it('keeps an atypical heart attack out of a low sugar with a cold sweat', () => {
    expect(pool('老伴打胰岛素 中午没吃饭 刚才一身冷汗手抖 血糖仪测了2.8')).not.toContain('URG-052');
  });
});
