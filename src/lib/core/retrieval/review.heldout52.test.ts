// Paraphrases written after heldout52's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { statedAgeDays } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a young baby in telephone-triage shorthand', () => {
  it('reads "6/52 boy, T 38.2" under an OOH triage heading as a clinician with an urgent young-baby fever', () => {
    const q = 'OOH triage - 6/52 boy, T 38.2 at home x1, feeding ok, no rash. Mum asking if she can wait till morning?';
    expect(statedAgeDays(q)).toBe(42);
    expect(scenario(q).expertise).toBe('health_professional');
    expect(scenario(q).urgency).toBe('urgent');
    expect(pool(q)).toContain('URG-011');
  });

  it('does not read a dose question for a 6/52 infant as a situation, nor "triage is" as a heading', () => {
    expect(scenario('what is the paracetamol dose for a 6/52 infant').urgency).not.toBe('urgent');
    expect(scenario('triage is always so slow at our hospital, why does it take hours').expertise).not.toBe('health_professional');
  });
});

describe('sepsis told by a flatmate', () => {
  it('keeps the delirium principle out of muddle with fast breathing and no urine, and in for sudden muddle after an operation', () => {
    expect(pool("my housemate has had flu for days and now she's muddled, breathing really fast and hasn't had a wee since last night")).not.toContain('URG-051');
    expect(pool('my grandad has been suddenly muddled since his hip operation yesterday, pulling at his drip')).toContain('URG-051');
  });
});

describe('agonal breathing told in Chinese', () => {
  it('gives a collapse with snoring, gasping breaths the CPR principle and not the blackout one', () => {
    const arrest = pool('地铁站有个人突然倒地 叫他没反应 呼吸像打呼噜一样 隔好久才喘一下 怎么办');
    expect(arrest).toContain('URG-021');
    expect(arrest).not.toContain('URG-007');
  });
});

describe('a drowsy child with cold hands and feet', () => {
  it('reads a lethargic child with cold extremities after days of diarrhoea as an emergency, and cold hands alone in winter as none', () => {
    expect(scenario('孩子两岁 吐了一天 尿很少 现在没精神 一直想睡 手脚冰凉 怎么办').urgency).toBe('emergent');
    expect(scenario('冬天孩子手脚冰凉 但是吃得好玩得好 正常吗').urgency).not.toBe('emergent');
  });
});

describe('what a free health check covers', () => {
  it('reads which tests a free check includes and what papers to bring as admin, not a situation', () => {
    expect(scenario('我爸70了 社区免费体检包括哪些项目 要带什么证件').task_type).toBe('other');
  });
});

describe('a heat stroke last year, asked about for this year', () => {
  it('keeps the heat-stroke principle out of planning the next race, and in for collapsing in the heat today', () => {
    expect(pool('前年跑马拉松中暑晕倒过 住了两天院 今年还能报名吗 要注意些什么')).not.toContain('URG-036');
    expect(pool('我朋友刚才跑马拉松中暑了 倒地叫不醒 身上滚烫 怎么办')).toContain('URG-036');
  });
});
