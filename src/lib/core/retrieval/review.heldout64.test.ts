// Paraphrases written after heldout64's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('carbon monoxide', () => {
  it('reads an alarm going off with headaches and sickness as an emergency and brings the poisoning principle', () => {
    const q = 'our CO alarm keeps going off and my husband and I both have headaches and feel sick';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-020');
  });
  it('brings it for a charcoal fire indoors with everyone dizzy, in Chinese', () => {
    expect(pool('冬天在屋里烧炭火取暖，一家人都头晕想吐，怎么回事')).toContain('URG-020');
  });
});

describe('a fever after travel', () => {
  it('reads a fever a week after coming back from Ghana as urgent, and a cold met on getting back from work as not', () => {
    expect(scenario('came back from Ghana last week and since yesterday I have a fever and chills').urgency).toBe('urgent');
    expect(scenario('got back from work and my husband has a temperature of 37.8 and a runny nose, is it just a cold?').urgency).not.toBe('urgent');
  });
});

describe('delusions told by a flatmate or a brother', () => {
  it('brings the psychosis principle for someone convinced he is being spied on, barely sleeping', () => {
    expect(pool('my flatmate says the landlord put cameras in the light fittings to watch him, he has taped over them and is barely sleeping')).toContain('URG-042');
  });
});

describe('a TIA the year before last, fine since, in Chinese', () => {
  it('keeps the stroke principle out', () => {
    expect(pool('前年我妈有一次突然说不出话，半小时就自己好了，之后一直挺正常，还需要做什么检查吗')).not.toContain('URG-005');
  });
});

describe('registering with a GP, in French', () => {
  it('reads it as an admin question', () => {
    const s = scenario('Je viens d\'arriver à Manchester pour mes études. Comment je peux m\'inscrire chez un médecin ?');
    expect([s.urgency, s.task_type]).toEqual(['not_applicable', 'other']);
  });
});

describe('a dose in millilitres and a trade given as who asks, in Chinese', () => {
  it('reads "要喝几毫升" as a medication question', () => {
    expect(scenario('孩子两岁发烧38.6，泰诺林要喝几毫升').task_type).toBe('medication');
  });
  it('reads "送快递的，…" as someone\'s situation', () => {
    expect(scenario('送快递的，天天爬楼，膝盖疼了半年了，上下楼更疼，咋办').urgency).toBe('routine');
  });
});
