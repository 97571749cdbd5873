// Paraphrases written after heldout10's evaluation, none of them in a labelled set: each kind of
// wording its misses and strays showed, in other words than the set's, with look-alikes beside.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);

describe('presentations told by what is seen, in other words', () => {
  it.each([
    ['My husband was stirring his tea and suddenly dropped the cup, and his talking came out all garbled. Can he just sleep it off?', 'URG-005'],
    ["I've been giving my things away and I honestly think my family would be happier if I wasn't around. Is that normal after losing my job?", 'URG-019'],
    ["Mum slumped in her chair, she won't answer and she's making a snoring gasp every so often, her lips are grey", 'URG-021'],
    ['大热天在工地干了半天活的工友，现在站都站不稳，说胡话，身上烫得厉害', 'URG-036'],
    ['GP: 41F had a witnessed generalised tonic-clonic at home last night, now back to normal, she drives a van. Referral timeframe and driving advice?', 'URG-037'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });
});

describe('strays from another presentation or a prevention question', () => {
  it.each([
    ['My daughter was stung by a wasp, her lips are swelling and she is wheezing, should I use her EpiPen or give antihistamine first?', 'URG-006'],
    ['大热天在工地干了半天活的工友，现在站都站不稳，说胡话，身上烫得厉害', 'URG-051'],
    ['大热天在工地干了半天活的工友，现在站都站不稳，说胡话，身上烫得厉害', 'URG-024'],
    ['心内科：阿司匹林一级预防心梗，对80岁以上老人现在指南怎么推荐？', 'URG-052'],
    ['I had a stroke three years ago and take clopidogrel. The dentist wants to take a tooth out, do I need to stop it?', 'URG-005'],
    ['Peanut allergy, my tongue feels thick and my voice sounds odd, I have my pen', 'URG-005'],
  ])('keeps the wrong presentation out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });
});

describe('the classifier on the same kinds', () => {
  it('reads "does this folk remedy work" about a described scald as advice, and in general as evidence (Chinese)', () => {
    expect(classifyScenarioByRules('孩子被开水烫了，起了水泡，奶奶说抹酱油，真的有用吗？', library).task_type).toBe('advice');
    expect(classifyScenarioByRules('烫伤抹牙膏真的有用吗？', library).task_type).toBe('evidence');
  });

  it('reads a child dose with neither weight nor age in numbers as missing context (Chinese)', () => {
    expect(classifyScenarioByRules('孩子上幼儿园了，发烧38.5，布洛芬混悬液一次喂多少毫升？', library).uncertainty).toBe('missing_context');
    expect(classifyScenarioByRules('孩子3岁，14公斤，布洛芬混悬液一次喂多少毫升？', library).uncertainty).not.toBe('missing_context');
  });

  it('reads stopping a medicine as a medication question', () => {
    expect(classifyScenarioByRules('我爸血压最近都正常了，想把降压药停了，可以吗？', library).task_type).toBe('medication');
    expect(classifyScenarioByRules('Do I need to stop my apixaban before a tooth extraction?', library).task_type).toBe('medication');
  });
});
