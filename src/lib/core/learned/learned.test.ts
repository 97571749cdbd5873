import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { selectPrinciplePool } from '../retrieval/selectPool';
import { blendValue, classifyScenarioOffline } from '../scenario/offline';
import { classifyScenarioByRules } from '../scenario/rules';
import type { Urgency } from '../types';
import { featureTerms, hashedFeatures } from './features';
import { logistic, softmax, trainLogistic, trainSoftmax } from './linear';
import { decodeLearned, encodeLearned, learnedFeatures, learnedValues } from './model';
import { trainLearnedRelevance, type LabelledQuestion } from './train';
import { SCENARIO_VALUES } from '../types';

const URGENCY_CLASSES = SCENARIO_VALUES.urgency;

describe('question features', () => {
  it('takes words and word pairs of Latin text and character runs of Chinese', () => {
    const terms = featureTerms("Can't breathe — 胸口疼");
    expect(terms).toEqual(expect.arrayContaining(["w:can't", 'w:breathe', "b:can't_breathe", 'c1:胸', 'c2:胸口', 'c3:胸口疼']));
    expect(featureTerms('Niño tiene fiebre')).toEqual(expect.arrayContaining(['w:niño', 'b:tiene_fiebre']));
  });

  it('gives a unit-length vector, the same for the same text, whatever its case', () => {
    const a = hashedFeatures('Crushing CHEST pain for an hour', 13);
    const b = hashedFeatures('crushing chest pain for an hour', 13);
    expect([...a.index]).toEqual([...b.index]);
    expect(a.value.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 10);
    expect([...a.index]).toEqual([...a.index].sort((x, y) => x - y));
  });
});

const toy: LabelledQuestion[] = [
  { question: 'he collapsed and is not breathing', urgency: 'emergent', expertise: 'layperson', task_type: 'advice', must: ['CPR'] },
  { question: 'she collapsed and her lips are blue, not breathing', urgency: 'emergent', expertise: 'layperson', task_type: 'advice', must: ['CPR'] },
  { question: 'not breathing after falling in the pool', urgency: 'emergent', expertise: 'layperson', task_type: 'advice', must: ['CPR'] },
  { question: 'rash on my arm for a week, itchy', urgency: 'routine', expertise: 'layperson', task_type: 'advice', must: ['SKIN'] },
  { question: 'itchy rash that comes and goes', urgency: 'routine', expertise: 'layperson', task_type: 'advice', must: ['SKIN'] },
  { question: 'how do I renew my repeat prescription', urgency: 'not_applicable', expertise: 'layperson', task_type: 'advice', must: ['ADMIN'] },
  { question: 'can you renew the prescription form for me', urgency: 'not_applicable', expertise: 'layperson', task_type: 'advice', must: ['ADMIN'] },
];

describe('training', () => {
  const rows = toy.map((r) => hashedFeatures(r.question, 10));
  const options = { buckets: 1 << 10, l2: 1e-4, iterations: 200, learningRate: 0.1 };

  it('learns a softmax that reads new wording by the words it shares', () => {
    const model = trainSoftmax(rows, toy.map((r) => URGENCY_CLASSES.indexOf(r.urgency)), URGENCY_CLASSES.length, options);
    const p = softmax(model, hashedFeatures('my dad collapsed, not breathing', 10));
    expect(URGENCY_CLASSES[p.indexOf(Math.max(...p))]).toBe('emergent');
    const q = softmax(model, hashedFeatures('renew my prescription please', 10));
    expect(URGENCY_CLASSES[q.indexOf(Math.max(...q))]).toBe('not_applicable');
  });

  it('learns independent scores, each high only where its label was', () => {
    const ids = ['ADMIN', 'CPR', 'SKIN'];
    const model = trainLogistic(rows, toy.map((r) => new Set(r.must.map((m) => ids.indexOf(m)))), ids.length, options);
    const p = logistic(model, hashedFeatures('itchy rash on my leg', 10));
    expect(p[2]).toBeGreaterThan(0.5);
    expect(p[1]).toBeLessThan(0.5);
  });

  it('gives the same model for the same rows (so the shipped file can be reproduced)', () => {
    const input = { rows: toy, presentationIds: new Set<string>(), parts: ['toy'], libraryVersion: 'x' };
    expect(encodeLearned(trainLearnedRelevance(input))).toEqual(encodeLearned(trainLearnedRelevance(input)));
  });
});

describe('the file form', () => {
  const model = trainLearnedRelevance({ rows: [...toy, ...toy], presentationIds: new Set(['CPR']), parts: ['toy'], libraryVersion: 'x' });

  it('keeps what the model reads through encoding', () => {
    const decoded = decodeLearned(JSON.parse(JSON.stringify(encodeLearned(model))));
    for (const q of ['collapsed not breathing', 'itchy rash', 'renew prescription']) {
      const before = learnedValues(model, learnedFeatures(model, q), 'urgency');
      const after = learnedValues(decoded, learnedFeatures(decoded, q), 'urgency');
      for (const c of URGENCY_CLASSES) expect(after.get(c)!).toBeCloseTo(before.get(c)!, 1);
    }
    // A presentation principle enters by its triggers only: the model learns no prior for it.
    expect(decoded.poolIds).toEqual(['ADMIN', 'SKIN']);
  });

  it('refuses a file of another shape', () => {
    const file = encodeLearned(model);
    expect(() => decodeLearned({ ...file, format: 'other' })).toThrow(/not a learned relevance model/);
    expect(() => decodeLearned({ ...file, scenario: { ...file.scenario, urgency: { ...file.scenario.urgency, weights: 'AAAA' } } })).toThrow(/do not match/);
    expect(() => decodeLearned(null)).toThrow();
  });
});

describe('blending a dimension with the rules', () => {
  const probs = (e: number, u: number, r: number, n: number) => new Map<Urgency, number>([['emergent', e], ['urgent', u], ['routine', r], ['not_applicable', n]]);

  it('keeps the rules when the model finds another reading only a little likelier', () => {
    expect(blendValue('urgent', probs(0.45, 0.4, 0.1, 0.05))).toBe('urgent');
    expect(blendValue('urgent', probs(0.8, 0.15, 0.04, 0.01))).toBe('urgent');
  });

  it('takes the model when it is sure', () => {
    expect(blendValue('routine', probs(0.95, 0.02, 0.02, 0.01))).toBe('emergent');
  });
});

describe('the shipped learned model', () => {
  const library = readShippedPrinciples();

  it('reads an emergency the rules leave routine, in words they have no cue for', () => {
    const q = 'my wife is sweating buckets and says her jaw and left arm ache, she looks grey';
    expect(classifyScenarioByRules(q, library).urgency).not.toBe('emergent');
    expect(classifyScenarioOffline(q, library).urgency).toBe('emergent');
  });

  it('leaves uncertainty to the rules', () => {
    for (const q of ['what is the evidence for statins after 75?', 'can I take my tablets with grapefruit', '我妈头疼 怎么办']) {
      expect(classifyScenarioOffline(q, library).uncertainty).toBe(classifyScenarioByRules(q, library).uncertainty);
    }
  });

  it('lifts a principle clinicians label for such questions into the pool, and says so', () => {
    const q = 'in a film I watched the hero gets stabbed and pulls the knife out and carries on, is that how it works?';
    const s = classifyScenarioOffline(q, library);
    const prior = new Map([['TSK-008', 1]]);
    expect(selectPrinciplePool(s, q, library).map((e) => e.id)).not.toContain('TSK-008');
    const entry = selectPrinciplePool(s, q, library, { prior }).find((e) => e.id === 'TSK-008');
    expect(entry?.why?.learned).toBe(true);
    expect(entry?.reason).toMatch(/clinicians chose it for questions like this one/);
  });

  it('never lets a presentation principle in by the prior', () => {
    const q = 'what should I pack for a week of hiking?';
    const s = classifyScenarioOffline(q, library);
    const presentation = library.filter((p) => p.presentation).map((p) => p.id);
    const prior = new Map(presentation.map((id) => [id, 1]));
    expect(selectPrinciplePool(s, q, library, { prior }).filter((e) => presentation.includes(e.id))).toEqual([]);
  });
});
