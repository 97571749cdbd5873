// Look-alikes found by a review of the changes in libraries 1.2.38–1.2.42: questions that the new
// triggers, exclusions and timing rules must not misread. None is in a labelled set.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a settled past followed by something new', () => {
  it('reads "fine since, but now…" as an emergency now, in English and in Chinese', () => {
    const en = 'Dad had a stroke in 2019, he has been fine since, but now his face has dropped and he suddenly cannot lift his arm';
    expect(scenario(en).urgency).toBe('emergent');
    expect(pool(en)).toContain('URG-005');
    expect(scenario('我爸前年中风过，之后一直挺好，突然又说不出话了').urgency).toBe('emergent');
  });
  it('keeps the stroke principle for a TIA this morning that passed, and the headache one after a clear scan years ago', () => {
    expect(pool('我妈今天上午突然右手没力、说话不清，当时二十分钟就好了，要去医院吗')).toContain('URG-005');
    expect(pool('My MRI in 2024 came back clear. This morning I got the worst sudden headache of my life')).toContain('URG-031');
  });
  it('keeps the heart-attack principle for chest pain today after a stent, and for chest pain asked about with a claim seen online', () => {
    expect(pool('我爸之前心梗放过支架，今天又胸口压着疼，出冷汗')).toContain('URG-004');
    expect(pool('我爸现在胸口痛，网上说含速效救心丸就行，是真的吗')).toContain('URG-004');
  });
});

describe('everyday words near the new cues', () => {
  it('does not read a game being played when a fit starts as fiction', () => {
    expect(scenario('儿子打游戏中突然抽搐，叫他没反应').urgency).toBe('emergent');
  });
  it('does not read 一了百了 about a wisdom tooth, or a heavy sleeper, as urgent', () => {
    expect(scenario('智齿老发炎，干脆拔了一了百了？').urgency).not.toBe('urgent');
    expect(scenario('孩子早上叫半天才醒，是不是睡眠不够').urgency).not.toBe('emergent');
  });
  it('does not read being sent home from nursery with a temperature as a fever after travel', () => {
    expect(scenario('my son was sent home from nursery with a temperature of 37.9, he is eating and playing fine').urgency).not.toBe('urgent');
  });
  it('reads "a bite that broke the skin" as urgent, and a mosquito bite scratched open as not', () => {
    expect(scenario('the dog gave him a bite on his hand that broke the skin').urgency).toBe('urgent');
    expect(scenario('a mosquito bite on my leg that I scratched until it broke the skin, what cream?').urgency).not.toBe('urgent');
  });
  it('keeps CPR in when someone was found not breathing after the asker woke up and sat him up', () => {
    expect(pool('I woke up and found him not breathing, I sat him up and he still will not respond')).toContain('URG-021');
  });
  it('keeps the old reach of phrases that now end on a function word', () => {
    expect(pool('some days I feel there is no point in going on')).toContain('URG-019');
  });
  it('does not read a treatment\'s cost as an admin question, or paperwork as outranking an emergency', () => {
    expect(scenario('what is the cheapest way to treat my daughter\'s head lice?').task_type).not.toBe('other');
    expect(scenario('刚办完住院手续，我爸突然叫不醒了').urgency).toBe('emergent');
  });
});
