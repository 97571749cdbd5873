// Paraphrases written after heldout8's evaluation, none of them in a labelled set: each kind of
// wording its misses and strays showed, in other words than the set's, with look-alikes beside.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);
const urgent = (q: string) => ['emergent', 'urgent'].includes(classifyScenarioByRules(q, library).urgency);

describe('strays from words used in another sense', () => {
  it.each([
    ['老公胸口疼得厉害，一直冒汗，他不让我打120，说躺躺就好', 'URG-045'],
    ['Grandad has indigestion-type pain at the top of his tummy and says he will pop out and get some antacids', 'URG-042'],
    ['She is 36 weeks and has had a headache for two days with puffy hands', 'URG-031'],
    ['Deadlifting just now and got a headache like someone hit the back of my head with a hammer', 'URG-008'],
    ['I had a DVT after my hip operation years ago, is a 9 hour flight ok now?', 'URG-032'],
    ['Summarise for the ward list: admitted with pleuritic chest pain, CTPA negative, no evidence of PE', 'URG-032'],
    ['had a mini stroke 5 yrs ago and take clopidogrel, can I take naproxen for my knee?', 'URG-005'],
    ['女儿一型糖尿病，吐了一天，我们怕她低血糖把长效胰岛素停了，现在血糖20多，呼吸很深', 'URG-035'],
    ['例假推迟了十天，测了两道杠，刚才肚子一侧剧痛差点晕倒', 'URG-007'],
  ])('keeps the wrong presentation out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });
});

describe('presentations told by what is seen, in other words', () => {
  it.each([
    ['我妈七十多了，前几天尿频尿疼，今天发高烧，开始说胡话，手脚冰凉', 'URG-009'],
    ['my sister texted saying sorry for everything and thanks for everything, she gave her cat to a neighbour and now she is not answering', 'URG-019'],
    ['儿子昨晚突然抽了一次，吐白沫，他以前从来没有这样过，现在好了还要去医院吗', 'URG-037'],
    ['I coach under-9s and one boy keeps turning up with finger marks on his upper arms, dad says he is just clumsy', 'URG-041'],
    ['宝宝才五十天，今天摸着烫，体温38度', 'URG-011'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });
});

describe('the classifier on the same kinds', () => {
  it('reads a lay description of meningitis as urgent even when a remedy is asked for', () => {
    expect(urgent('my housemate has a temp of 39 and says his neck is really stiff and the light hurts his eyes, shall I give him more paracetamol')).toBe(true);
    expect(urgent('stiff neck from sleeping on a new pillow, what stretches help?')).toBe(false);
  });

  it('reads a worsening this week as happening now, despite a long history (Chinese)', () => {
    expect(urgent('腰突好多年了，这几天腰疼突然加重，两条腿发麻，屁股那一圈没感觉，尿不出来')).toBe(true);
  });

  it('reads a friend in danger, a broken condom and persecutory voices as urgent (Chinese)', () => {
    expect(urgent('我好友说她男朋友喝醉了就掐她脖子，工资卡也被他拿着，我该怎么帮她')).toBe(true);
    expect(urgent('昨晚套子破了，现在吃毓婷还来得及吗')).toBe(true);
    expect(urgent('我哥最近总说邻居在他家装了监控要害他，半夜听见有人在墙外骂他')).toBe(true);
  });

  it('reads "is that ok" about an age or a time as advice, and about a measured value as data', () => {
    expect(classifyScenarioByRules('my dad is 74 and the left side of his face looks droopy, he wants a nap, is that ok?', library).task_type).toBe('advice');
    expect(classifyScenarioByRules('my fasting glucose was 7.2 mmol this morning, is that high?', library).task_type).toBe('health_data');
  });

  it('reads a quoted record to summarise as health data, whatever "evidence" it mentions', () => {
    expect(classifyScenarioByRules("Summarise this for handover: 'PMH COPD. Admitted with SOB. CXR no evidence of consolidation.'", library).task_type).toBe('health_data');
  });

  it('reads a named relative first and a drug checked against another as lay medication', () => {
    const s = classifyScenarioByRules("Mum's 79 and on warfarin, is an antifungal mouth gel ok with her warfarin?", library);
    expect(s.expertise).toBe('layperson');
    expect(s.task_type).toBe('medication');
  });

  it('reads a leave note for work as documentation (Chinese)', () => {
    expect(classifyScenarioByRules('帮我写个请假条给领导，我发烧了要休息两天', library).task_type).toBe('documentation');
  });
});
