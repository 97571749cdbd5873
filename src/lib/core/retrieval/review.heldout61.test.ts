// Paraphrases written after heldout61's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('an inhaler named in a question about how to use it', () => {
  it('keeps the asthma-attack principle out of a spacer question, and in when the blue inhaler is not helping', () => {
    expect(pool('My 5 year old has a blue reliever inhaler with a spacer and face mask. Is she old enough for the mouthpiece yet, and how many breaths per puff?')).not.toContain('URG-006');
    expect(pool('His blue inhaler is not helping, he is wheezing and can only say a word at a time')).toContain('URG-006');
  });
});

describe('alcohol withdrawal with hallucinations', () => {
  it('reads seeing insects two days after the last drink as an emergency, and dreams of spiders a month sober as not', () => {
    const q = 'My uncle drinks heavily and stopped three days ago. Tonight he is shaking, soaked in sweat and keeps brushing insects off his arms that are not there';
    expect(scenario(q).urgency).toBe('emergent');
    expect(scenario('I stopped drinking a month ago and keep dreaming about spiders, is that normal?').urgency).not.toBe('emergent');
  });
  it('brings the delirium principle for a clinician\'s patient picking at the air after his last drink', () => {
    expect(pool('Ward nurse: 50M, last drink 48 hours ago, tremor, HR 120, picking at the air and talking to people who are not there. Escalate how fast?')).toContain('URG-051');
  });
});

describe('a thunderclap headache years ago, investigated and fine since', () => {
  it('reads it as a history, and a thunderclap headache this morning as an emergency', () => {
    const past = 'In 2017 I had a thunderclap headache, the scan and lumbar puncture came back clear and I have been fine since. Am I at higher risk of a bleed?';
    expect(scenario(past).urgency).toBe('routine');
    expect(pool(past)).not.toContain('URG-031');
    expect(scenario('This morning I had a thunderclap headache, worst of my life').urgency).toBe('emergent');
  });
});

describe('agonal gasps after a collapse, in Chinese', () => {
  it('brings CPR, not the blackout principle, for someone down, not responding and gasping now and then', () => {
    const q = '公园里一个阿姨刚才突然倒地上了，叫她也没反应，隔一会儿一下一下地大喘气，我该怎么办';
    expect(pool(q)).toContain('URG-021');
    expect(pool(q)).not.toContain('URG-007');
  });
});

describe('a high sugar with vomiting and drowsiness, in Chinese', () => {
  it('reads it as ketoacidosis, an emergency, not a hypo', () => {
    const q = '我爸有糖尿病，打胰岛素的，血糖测了三十多，今天吐了好几次，人迷迷糊糊的';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-016');
    expect(pool(q)).not.toContain('URG-035');
  });
});

describe('paperwork for a chronic-disease card, in Chinese', () => {
  it('reads what documents to bring as an admin question', () => {
    expect(scenario('去医院办糖尿病门特要准备哪些材料？').task_type).toBe('other');
  });
});
