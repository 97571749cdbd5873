// Paraphrases written after heldout40's and heldout41's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, statedAgeDays } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('what is asked for', () => {
  it('reads a job mentioned in passing as no admin question, and a job application as one', () => {
    expect(classify('I do deliveries so it is a physical job, I drink a bottle of wine a night and get the shakes, want to stop on monday').task_type).not.toBe('other');
    expect(classify('applying for airline jobs and the medical form asks if I have ever fainted, I did once at 15').task_type).toBe('other');
  });
});

describe('a baby\'s age', () => {
  it('reads "生下来第6天" as a newborn', () => {
    expect(statedAgeDays('外孙生下来第5天 今天有点烫')).toBe(5);
  });
});

describe('no patient', () => {
  it('reads a video someone sent, a medical drama being followed and an old diary as no one\'s illness', () => {
    expect(aboutNoPatient('my aunt sent me a tiktok video where a nurse says you can stop a heart attack by coughing, is that real?')).toBe('fiction');
    expect(aboutNoPatient('最近在追一部医疗剧 病人心跳停了医生直接往心脏里打针 现实中是这样吗')).toBe('fiction');
    expect(aboutNoPatient('整理奶奶的旧日记 有一页写着舅舅小时候高烧抽风 用针扎手指放血 有用吗')).toBe('fiction');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['pub toilets, a lad is slumped on the floor breathing really slow, like one breath every few seconds, pinpoint pupils', 'URG-020'],
    ['at our coffee morning a lady with no epilepsy that anyone knows of suddenly went stiff and shook for two minutes, now sleepy', 'URG-037'],
    ['急诊夜班 男31 首次抽搐 强直阵挛约2分钟 现在清醒 能回家吗', 'URG-037'],
    ['今天38度 广场上跳舞的王阿姨突然倒了 身上烫得吓人 汗都不怎么出了 说胡话', 'URG-036'],
    ['how many of my mums sleeping tablets would it take to just not wake up, asking for a friend lol', 'URG-019'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads chest pain and a wasp sting with a swelling tongue, in Spanish, as emergencies', () => {
    expect(classify('mi padre tiene 70 años y le duele mucho el pecho, una presión que le baja al brazo izquierdo').urgency).toBe('emergent');
    expect(classify('a mi hijo le ha picado una avispa y se le está hinchando la lengua, le cuesta respirar').urgency).toBe('emergent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps abuse out of a swaddle opened (包被打开) and burns out of a body hot to the touch', () => {
    expect(pool('宝宝出生第6天 包被打开半小时再量还是38.2度 吃奶还行')).not.toContain('URG-045');
    expect(pool('今天37度 老伴在外面晒了一中午 身上烫得吓人 说胡话 不怎么出汗')).not.toContain('URG-024');
  });

  it('keeps heat stroke out of "I help run the coffee morning"', () => {
    expect(pool('I help run the coffee morning at church, one of the ladies suddenly shook all over and now is confused')).not.toContain('URG-036');
  });

  it('keeps a clot out of heavy bleeding after a birth, and sepsis out of heat stroke', () => {
    expect(pool('my wife gave birth 4 days ago and tonight she has soaked two pads in an hour and passed a clot, feels faint')).not.toContain('URG-032');
    expect(pool('in a heatwave, 42 degrees, my dad walked around at midday and now his skin is burning hot and he is not making sense')).not.toContain('URG-009');
  });
});
