import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { selectPrinciplePool } from '../retrieval/selectPool';
import { blendValue, classifyScenarioOffline } from '../scenario/offline';
import { classifyScenarioByRules } from '../scenario/rules';
import type { Urgency } from '../types';
import { featureTerms, hashedFeatures } from './features';
import { logistic, softmax, trainLogistic, trainSoftmax } from './linear';
import { decodeLearned, encodeLearned, learnedFeatures, learnedPlausible, learnedPoolPrior, learnedValues, LEARNED_DIMENSIONS, PLAUSIBLE_AT, POOL_WEIGHTS_KEPT } from './model';
import { learnedPoolHints, shippedLearnedRelevance } from './shipped';
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
    for (const q of ['itchy rash', 'renew prescription']) {
      const before = learnedPoolPrior(model, learnedFeatures(model, q));
      const after = learnedPoolPrior(decoded, learnedFeatures(decoded, q));
      for (const id of decoded.poolIds) expect(after.get(id)!).toBeCloseTo(before.get(id)!, 1);
    }
  });

  it('keeps at most POOL_WEIGHTS_KEPT weights per pool principle, the largest', () => {
    const decoded = decodeLearned(encodeLearned(model));
    for (let k = 0; k < decoded.poolIds.length; k++) {
      const row = (m: typeof model) => Array.from(m.pool.weights.subarray(k * m.pool.buckets, (k + 1) * m.pool.buckets));
      const kept = row(decoded).filter((w) => w !== 0).length;
      const nonzero = row(model).filter((w) => w !== 0).length;
      expect(kept).toBeLessThanOrEqual(Math.min(POOL_WEIGHTS_KEPT, nonzero));
      // The largest weight survives, within int8 rounding.
      const weights = row(model);
      const at = weights.reduce((best, w, j) => (Math.abs(w) > Math.abs(weights[best]!) ? j : best), 0);
      expect(row(decoded)[at]!).toBeCloseTo(weights[at]!, 2);
    }
  });

  it('refuses a file of another shape', () => {
    const file = encodeLearned(model);
    expect(() => decodeLearned({ ...file, format: 'other' })).toThrow(/not a learned relevance model/);
    expect(() => decodeLearned({ ...file, scenario: { ...file.scenario, urgency: { ...file.scenario.urgency, weights: 'AAAA' } } })).toThrow(/do not match/);
    expect(() => decodeLearned(null)).toThrow();
    const [id, row] = Object.entries(file.pool.principles)[0]!;
    expect(() => decodeLearned({ ...file, pool: { principles: { ...file.pool.principles, [id]: { ...row, weights: 'AAA=' } } } })).toThrow(/not whole entries/);
    // Bucket 0xffff is past the model's buckets.
    expect(() => decodeLearned({ ...file, pool: { principles: { ...file.pool.principles, [id]: { ...row, weights: '//8B' } } } })).toThrow(/past the/);
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

describe('plausible readings', () => {
  const library = readShippedPrinciples();
  // A labelled misreading: a trivia question about first aid read as advice, which shuts out the
  // information principles (correcting a misconception) by their task-type gate.
  const q = 'one trivia card says you put a spoon in someones mouth during a fit, what is the actual answer now';
  const advice = { ...classifyScenarioOffline(q, library), task_type: 'advice' as const };

  it('lets a general principle gated to a plausible value in, named as such, and ranks it below an equal strict fit', () => {
    const all = (plausible?: { task_type: ('information' | 'advice')[] }) => selectPrinciplePool(advice, q, library, { plausible, maxSize: 1000 });
    expect(all().map((e) => e.id)).not.toContain('TSK-008');
    const entry = all({ task_type: ['information'] }).find((e) => e.id === 'TSK-008');
    expect(entry?.why?.fits).toContainEqual({ dimension: 'task_type', value: 'information', plausible: true });
    // The same principle under the reading itself scores more: the plausible fit costs a little.
    const strict = selectPrinciplePool({ ...advice, task_type: 'information' }, q, library, { maxSize: 1000 }).find((e) => e.id === 'TSK-008')!;
    expect(entry!.score).toBeLessThan(strict.score);
    expect(strict.why?.fits.some((f) => f.plausible)).toBe(false);
  });

  it('never lets a presentation principle in by a plausible reading', () => {
    const chest = '58, crushing chest pain down my left arm for an hour, sweaty';
    const clinician = { ...classifyScenarioOffline(chest, library), expertise: 'health_professional' as const };
    const lay = library.filter((p) => p.presentation && p.applies_when.expertise?.length && !p.applies_when.expertise.includes('health_professional')).map((p) => p.id);
    expect(lay).toContain('URG-004');
    const pool = selectPrinciplePool(clinician, chest, library, { plausible: { expertise: ['layperson', 'unclear'] }, maxSize: 1000 });
    expect(pool.filter((e) => lay.includes(e.id))).toEqual([]);
    expect(selectPrinciplePool({ ...clinician, expertise: 'layperson' }, chest, library).map((e) => e.id)).toContain('URG-004');
  });

  it('reads as plausible every other value the model gives at least PLAUSIBLE_AT, and nothing else', () => {
    const model = shippedLearnedRelevance();
    for (const question of [q, 'my 3 year old has had diarrhoea since yesterday', '帮我把这些化验结果整理成交班记录', 'what does an NNT of 20 mean']) {
      const s = classifyScenarioOffline(question, library);
      const x = learnedFeatures(model, question);
      const plausible = learnedPlausible(model, x, s);
      for (const d of LEARNED_DIMENSIONS) {
        const expected = [...learnedValues(model, x, d)].filter(([v, p]) => p >= PLAUSIBLE_AT && v !== s[d]).map(([v]) => v);
        expect(plausible[d]).toEqual(expected);
      }
      expect(learnedPoolHints(question, s).plausible).toEqual(plausible);
    }
  });
});
