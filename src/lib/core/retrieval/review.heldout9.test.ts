// Paraphrases written after heldout9's evaluation, none of them in a labelled set: each kind of
// wording its misses and strays showed, in other words than the set's, with look-alikes beside.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);
const urgency = (q: string) => classifyScenarioByRules(q, library).urgency;

describe('clinician shorthand and lay descriptions the triggers lacked', () => {
  it.each([
    ['FY1 on the surgical ward: 81M day 2 post laparotomy, new confusion overnight, HR 118, BP 86/52, T 38.9, NEWS2 8, ?chest source. What first?', 'URG-030'],
    ['GP: 52F, known disc prolapse, now pain down both legs and some urinary hesitancy, says she is numb when she wipes. Routine MRI booked for next month - ok?', 'URG-018'],
    ['Nursing home: 90M on rivaroxaban, unwitnessed fall overnight with a bump on his forehead, cannot remember falling. CT or neuro obs?', 'URG-008'],
    ['GP: 31F, first ever tonic-clonic seizure yesterday at work, fully recovered, drives for a living. Referral and driving advice?', 'URG-037'],
    ['广场上有个跑马拉松的大哥突然倒在地上，浑身滚烫，说话颠三倒四的，我们该怎么办', 'URG-036'],
    ['病房护士：患者女，79岁，股骨骨折术后第一天，晚上突然烦躁，拔了输液管，说看见墙上有虫子', 'URG-051'],
    ["I've been stockpiling my sleeping pills and my dad's painkillers for a while, I won't do anything tonight, but is feeling numb a side effect of fluoxetine?", 'URG-019'],
    ['My husband is 66 and diabetic, for the last couple of hours his jaw and left arm ache and he is clammy, can I just give him an antacid and see how he is tomorrow?', 'URG-052'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });
});

describe('strays from history, absence, hypotheticals and other readings', () => {
  it.each([
    ['剖腹产出院十天了，这两天头痛得厉害，脸和脚都肿，看东西模糊', 'URG-031'],
    ['生完孩子一周，头疼，吃了止痛药也没用，脚肿', 'URG-020'],
    ["32 weeks, a little fresh blood on the pad, no pain and the baby's kicking as normal - can it wait until Thursday?", 'URG-014'],
    ['Been on naproxen for a month, today two black sticky poos and I nearly fainted on the toilet', 'URG-007'],
    ['My dad had a mini-stroke back in 2018 and recovered well; is it ok for him to take ibuprofen for his knee?', 'URG-005'],
    ['我儿子前年做过睾丸扭转的手术，已经完全好了，另一边以后会不会也扭转？', 'URG-017'],
    ['Hypothetically, I hike alone a lot and have only had small local reactions to bee stings. Should I ask my GP for an EpiPen?', 'URG-022'],
    ["I've been saving up my tablets for weeks and feel nothing any more, is that the sertraline?", 'URG-020'],
    ['I accidentally took my levothyroxine twice this morning, do I skip tomorrow?', 'URG-020'],
  ])('keeps the wrong presentation out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });
});

describe('the classifier on the same kinds', () => {
  it('reads a count of tablets taken at once as an emergency, however well the person seems', () => {
    expect(urgency('my brother says he took about 24 of the 500mg paracetamol 5 hours ago but he seems totally fine, can he go to work tomorrow?')).toBe('emergent');
  });

  it('reads a hypothetical as no emergency', () => {
    expect(urgency('Hypothetically, if I got stung and my throat swelled, would antihistamines be enough?')).not.toBe('emergent');
  });

  it('reads a past operation on a named condition as history (Chinese)', () => {
    expect(urgency('我老公前年做过睾丸扭转的手术，现在完全好了，平时要注意什么？')).not.toBe('emergent');
  });

  it('reads medicine questions in Chinese and a pharmacist asked to sell one', () => {
    expect(classifyScenarioByRules('刚开始吃二甲双胍，听说伤肾，是不是要吃一辈子？', library).task_type).toBe('medication');
    expect(classifyScenarioByRules('皮肤科医生让我吃异维A酸，有什么要特别注意的？', library).task_type).toBe('medication');
    expect(classifyScenarioByRules('Pharmacist: customer on warfarin asking for miconazole oral gel - ok to sell?', library).task_type).toBe('medication');
  });

  it('reads a child dose by weight with no weight given as missing context (Chinese)', () => {
    expect(classifyScenarioByRules('说明书上写按体重算，孩子的退烧药该喝多少毫升？', library).uncertainty).toBe('missing_context');
    expect(classifyScenarioByRules('说明书上写按体重算，孩子15公斤，退烧药该喝多少毫升？', library).uncertainty).not.toBe('missing_context');
  });

  it('reads what a trial concluded and what guidelines recommend as an evidence question (Chinese)', () => {
    expect(classifyScenarioByRules('CRASH-3试验的结论是什么？现在的指南还推荐用氨甲环酸吗？', library).task_type).toBe('evidence');
  });
});
