// Paraphrases written after heldout44's and heldout45's evaluation, none of them in a labelled set:
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

describe('free of a condition', () => {
  it('reads "seizure free" as no seizure, and a seizure now as one', () => {
    const q = 'ten years seizure-free on levetiracetam, my GP wants to start me on the pill, do they interact?';
    expect(pool(q)).not.toContain('URG-025');
    expect(classify(q).urgency).not.toBe('emergent');
    expect(pool('she was seizure free for years but she is jerking on the floor right now and wont respond')).toContain('URG-025');
  });
});

describe('no patient', () => {
  it('reads a podcast binged, a question saying nobody is ill and a cartoon watched as no one\'s illness', () => {
    expect(aboutNoPatient('been binging a medical podcast, one episode had a man whose appendix burst, how fast does that happen?')).toBe('fiction');
    expect(aboutNoPatient('why do strokes affect speech? just curious, no one in my family is ill')).toBe('fiction');
    expect(aboutNoPatient('my kids watched a cartoon where the rabbit chokes on a carrot and gets slapped on the back, is that right?')).toBe('fiction');
    expect(aboutNoPatient('my dad has been ill all week and now he is confused')).toBeNull();
  });

  it('reads a part in a play and a textbook exercise as no one\'s illness, and an emergency at a rehearsal or during homework as one', () => {
    expect(aboutNoPatient('儿子学校元旦演出 他要演一个心脏病发作的老爷爷 怎么演才像')).toBe('fiction');
    expect(aboutNoPatient('生理学课后练习第二题 为什么失血会引起心率加快')).toBe('teaching');
    expect(aboutNoPatient('女儿排练话剧的时候突然倒地抽搐 现在还没醒')).toBeNull();
    expect(aboutNoPatient('孩子在写课后作业的时候突然说头很痛 吐了两次')).toBeNull();
  });
});

describe('whose role', () => {
  it('reads a role that started a medicine as someone else\'s, and a clinician who did as the asker', () => {
    expect(classify('Practice nurse started me on amlodipine last month and my ankles have swelled up, is that the tablets?').expertise).not.toBe('health_professional');
    expect(classify('Doctor started me on ramipril two weeks ago and now I have a tickly cough that wont go').expertise).not.toBe('health_professional');
    expect(classify('Practice nurse here, I started a patient on amlodipine and her ankles are swollen, switch or add?').expertise).toBe('health_professional');
  });

  it('reads staff speaking for a place of care in Chinese as clinicians, and a patient at one as not', () => {
    expect(classify('我们是社区诊所 来了一个六十岁男的 说胸口闷了半小时 出冷汗 现在先做什么').expertise).toBe('health_professional');
    expect(classify('体检中心护士 想问一下胃镜前降压药要不要停').expertise).toBe('health_professional');
    expect(classify('我在诊所输液 突然觉得心慌 手有点麻 要不要叫护士').expertise).not.toBe('health_professional');
  });
});

describe('an overdose told in Chinese', () => {
  it('reads tablets missing from the bottle and tablets taken on purpose as an overdose', () => {
    expect(pool('我爸的药瓶里少了十几片 问他 他说是故意吃的 现在有点想睡')).toContain('URG-020');
    expect(pool('我姐说她昨晚故意吞了一板安眠药 现在叫不太醒')).toContain('URG-020');
  });

  it('leaves a tablet count to take alone', () => {
    expect(pool('医生让我一次吃两片药 一天三次 饭前还是饭后吃')).not.toContain('URG-020');
  });
});

describe('a colour told with a qualifier', () => {
  it('reads lips "going a bit blue" as an emergency sign', () => {
    expect(classify('my husband choked on some steak, he is coughing weakly and his lips are going a bit blue, what do I do').urgency).toBe('emergent');
  });
});
