import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { FIXTURE_PRINCIPLES } from '../../../../tests/support/fixturePrinciples';
import { classifyScenarioByRules } from '../scenario/rules';
import { DIMENSIONS, SCENARIO_VALUES, type PoolEntry, type Principle, type Scenario } from '../types';
import { matchQuestion, principleIndexFor, type PrincipleIndex } from './principleIndex';
import { buildPrincipleIndex, selectPrinciplePool, type PoolCandidate } from './selectPool';
import { contentTerms } from './text';

const library = readShippedPrinciples();
const scenario = (s: Partial<Scenario>): Scenario => ({
  urgency: 'routine',
  uncertainty: 'sufficient_context',
  expertise: 'unclear',
  task_type: 'advice',
  ...s,
});
const EMERGENT_LAY = scenario({ urgency: 'emergent', expertise: 'layperson' });

describe('selectPrinciplePool: coverage and budget', () => {
  it('gives an emergent layperson question urgency and expertise principles, and every dimension that fits', () => {
    const pool = selectPrinciplePool(EMERGENT_LAY, 'My dad collapsed and is not breathing, what do I do?', library);
    const dims = new Set(pool.map((e) => e.dimension));
    expect(dims).toEqual(new Set(DIMENSIONS));
    expect(pool.filter((e) => e.dimension === 'urgency').length).toBeGreaterThanOrEqual(2);
    expect(pool.filter((e) => e.dimension === 'expertise').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps at most 12 by default and honours maxSize, covering as many dimensions as the budget allows', () => {
    const q = 'Can I take ibuprofen with my blood pressure tablets?';
    const s = scenario({ uncertainty: 'missing_context', expertise: 'layperson', task_type: 'medication' });
    expect(selectPrinciplePool(s, q, library)).toHaveLength(12);
    for (const maxSize of [1, 3, 4, 7]) {
      const pool = selectPrinciplePool(s, q, library, { maxSize });
      expect(pool).toHaveLength(maxSize);
      expect(new Set(pool.map((e) => e.dimension)).size).toBe(Math.min(maxSize, 4));
    }
    expect(selectPrinciplePool(s, q, library, { maxSize: 0 })).toEqual([]);
  });

  it('does not let one dimension take more than half the pool while others have fitting principles', () => {
    const pool = selectPrinciplePool(EMERGENT_LAY, 'crushing chest pain, sweating, short of breath, can’t breathe, collapsed, not breathing, seizure', library);
    for (const dim of DIMENSIONS) expect(pool.filter((e) => e.dimension === dim).length, dim).toBeLessThanOrEqual(6);
  });

  it('never selects a principle whose applies_when excludes the scenario, except a named presentation past its urgency', () => {
    for (const urgency of SCENARIO_VALUES.urgency) {
      for (const expertise of SCENARIO_VALUES.expertise) {
        for (const task_type of ['advice', 'medication'] as const) {
          const s = scenario({ urgency, expertise, task_type });
          const pool = selectPrinciplePool(s, 'chest pain and a fever in my baby', library);
          for (const entry of pool) {
            const p = library.find((x) => x.id === entry.id)!;
            expect(p.applies_when.expertise ?? [expertise], entry.id).toContain(expertise);
            expect(p.applies_when.task_type ?? [task_type], entry.id).toContain(task_type);
            if ((p.applies_when.urgency ?? [urgency]).includes(urgency)) continue;
            // Only a presentation the question names, in a situation where advice is asked.
            expect(p.presentation, entry.id).toBeDefined();
            expect(urgency === 'emergent' || urgency === 'urgent' || (urgency === 'routine' && task_type === 'advice'), `${entry.id} ${urgency} ${task_type}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('selectPrinciplePool: disabled principles', () => {
  it('never selects a disabled principle, even the best match', () => {
    const q = 'I got stung by a bee and my lips and tongue are swelling';
    const before = selectPrinciplePool(EMERGENT_LAY, q, library);
    expect(before[0]!.id).toBe('URG-022');
    const withDisabled: PoolCandidate[] = library.map((p) => (p.id === 'URG-022' ? { ...p, enabled: false } : p));
    const after = selectPrinciplePool(EMERGENT_LAY, q, withDisabled);
    expect(after.map((e) => e.id)).not.toContain('URG-022');
    expect(after).toHaveLength(12);
  });

  it('selects nothing from a dimension whose principles are all disabled', () => {
    const noExpertise = library.map((p) => (p.dimension === 'expertise' ? { ...p, enabled: false } : p));
    const pool = selectPrinciplePool(EMERGENT_LAY, 'my son is having a seizure', noExpertise);
    expect(pool.some((e) => e.dimension === 'expertise')).toBe(false);
    expect(pool).toHaveLength(12);
  });
});

describe('selectPrinciplePool: determinism', () => {
  it('returns the same pool for the same input, whatever the order of the library', () => {
    const q = 'How much paracetamol can I give my 4 year old?';
    const s = scenario({ uncertainty: 'missing_context', expertise: 'layperson', task_type: 'medication' });
    const first = selectPrinciplePool(s, q, library);
    expect(selectPrinciplePool(s, q, library)).toEqual(first);
    const reversed = [...library].reverse();
    const rotated = [...library.slice(50), ...library.slice(0, 50)];
    expect(selectPrinciplePool(s, q, reversed)).toEqual(first);
    expect(selectPrinciplePool(s, q, rotated)).toEqual(first);
  });

  it('breaks score ties by id', () => {
    const twins: Principle[] = ['URG-002', 'URG-001', 'URG-003'].map((id) => ({ ...FIXTURE_PRINCIPLES[0]!, id }));
    const pool = selectPrinciplePool(EMERGENT_LAY, 'unrelated words', twins);
    expect(pool.map((e) => e.id)).toEqual(['URG-001', 'URG-002', 'URG-003']);
    expect(new Set(pool.map((e) => e.score)).size).toBe(1);
  });
});

describe('selectPrinciplePool: relevance', () => {
  const clear: [string, Partial<Scenario>, string][] = [
    ['My mum’s face has dropped on one side and her speech is slurred', { urgency: 'emergent', expertise: 'layperson' }, 'URG-005'],
    ['I got stung by a wasp and now my throat feels like it is closing', { urgency: 'emergent', expertise: 'layperson' }, 'URG-022'],
    ['My flatmate swallowed a whole bottle of pills an hour ago', { urgency: 'emergent', expertise: 'layperson' }, 'URG-020'],
    ['My toddler is having a fit and is shaking all over', { urgency: 'emergent', expertise: 'layperson' }, 'URG-025'],
    ['I spilled boiling water on my hand and it is blistering', { urgency: 'urgent', expertise: 'layperson' }, 'URG-024'],
    ['I forgot to take my tablet this morning, should I take two tonight?', { task_type: 'medication', expertise: 'layperson' }, 'TSK-015'],
    ['Is it safe to take sertraline with sumatriptan for my migraines?', { task_type: 'medication' }, 'TSK-012'],
    ['Write a SOAP note from these consultation details', { urgency: 'not_applicable', task_type: 'documentation', expertise: 'health_professional' }, 'TSK-024'],
    ['Please summarise these clinic notes into key points', { urgency: 'not_applicable', task_type: 'health_data' }, 'TSK-018'],
    ['Can you give me the DOI and PubMed reference for that study?', { urgency: 'not_applicable', task_type: 'evidence' }, 'TSK-031'],
    ['What is the NNT and absolute risk reduction for statins in primary prevention?', { urgency: 'not_applicable', task_type: 'evidence', expertise: 'health_professional' }, 'EXP-008'],
    ['I want to anonymise this case report before publishing: remove the patient name and NHS number', { urgency: 'not_applicable', task_type: 'health_data', expertise: 'health_professional' }, 'TSK-023'],
  ];
  it.each(clear)('“%s” → the matching principle ranks first in its dimension', (question, s, expected) => {
    const pool = selectPrinciplePool(scenario(s), question, library);
    const dimension = library.find((p) => p.id === expected)!.dimension;
    expect(pool.filter((e) => e.dimension === dimension)[0]?.id).toBe(expected);
    expect(pool.findIndex((e) => e.id === expected)).toBeLessThan(3);
  });

  const fitting = (p: Principle) =>
    Object.fromEntries(DIMENSIONS.map((d) => [d, (p.applies_when[d] as string[] | undefined)?.[0] ?? SCENARIO_VALUES[d][0]])) as unknown as Scenario;

  it('reaches every general principle from any one of its keywords when the scenario fits', () => {
    const missed: string[] = [];
    for (const p of library.filter((x) => !x.presentation)) {
      for (const k of p.keywords) {
        // Keywords made only of stop words ("how much") are weak on purpose and may be outranked.
        if (contentTerms(k).length === 0) continue;
        if (!selectPrinciplePool(fitting(p), `A question about ${k}.`, library).some((e) => e.id === p.id)) missed.push(`${p.id} "${k}"`);
      }
    }
    expect(missed).toEqual([]);
  });

  /** Words that state each question fact (see questionFacts.ts). */
  const FACT_EXAMPLE: Record<string, string> = { '@child': 'my 5 year old', '@adult': 'my 40 year old husband', '@early-pregnancy': '7 weeks pregnant', '@later-pregnancy': '30 weeks pregnant' };
  /** A question fragment a trigger matches: the term itself, or a combination's first alternative of each part. */
  const exampleOf = (t: string) => (t.includes('+') || t.includes('|') || t.startsWith('@') ? t.split('+').map((part) => { const a = part.split('|')[0]!.trim(); return FACT_EXAMPLE[a] ?? a; }).join(', ') : t);

  it('reaches every presentation principle from any one of its trigger terms, ranked first in its dimension', () => {
    const missed: string[] = [];
    for (const p of library.filter((x) => x.presentation)) {
      // Exclusions ("!@adult") keep a principle out; they are tested below.
      for (const t of p.presentation!.triggers.filter((x) => !x.startsWith('!'))) {
        const pool = selectPrinciplePool(fitting(p), `A question about ${exampleOf(t)}.`, library);
        const mine = pool.filter((e) => e.dimension === p.dimension);
        if (!mine.some((e) => e.id === p.id) || !mine[0]!.reason.startsWith('The question mentions')) missed.push(`${p.id} "${t}"`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('never chooses a presentation principle without one of its triggers, however well its keywords match', () => {
    const s = scenario({ urgency: 'emergent', expertise: 'layperson' });
    for (const p of library.filter((x) => x.presentation)) {
      // Keywords that contain one of its triggers (alone or in combination) do name the presentation.
      const index = principleIndexFor(library);
      const doc = library.indexOf(p);
      const keywords = p.keywords.filter((k) => !matchQuestion(index, k).triggers.has(doc) && !library.some((o) => o.presentation?.triggers.some((t) => k.toLowerCase().includes(t.toLowerCase()))));
      if (!keywords.length) continue;
      // One keyword at a time: two keywords together may name it by a combination trigger ("pregnant + swelling").
      for (const k of keywords) expect(selectPrinciplePool(s, `I read about ${k}.`, library).map((e) => e.id), `${p.id}: ${k}`).not.toContain(p.id);
    }
  });

  it('does not count negated symptoms: "no chest pain" does not pull in the chest-pain principle', () => {
    const s = scenario({ urgency: 'urgent', expertise: 'layperson' });
    const negated = selectPrinciplePool(s, 'No chest pain and not short of breath, but my ankle is swollen after a fall', library);
    const plain = selectPrinciplePool(s, 'Chest pain and short of breath, and my ankle is swollen after a fall', library);
    expect(plain.map((e) => e.id)).toContain('URG-004');
    expect(negated.map((e) => e.id)).not.toContain('URG-004');
  });
});

describe('selectPrinciplePool: reasons', () => {
  it('names the scenario values matched and the terms the question shares, in words', () => {
    const pool = selectPrinciplePool(EMERGENT_LAY, 'My husband has crushing chest pain going down his left arm', library);
    const top = pool.find((e) => e.id === 'URG-004')!;
    expect(pool.filter((e) => e.dimension === 'urgency')[0]!.id).toBe('URG-004');
    // A presentation principle's reason names the trigger that matched and the presentation.
    // Pain going down the arm is one of its emergency signs, named first (a combination as the parts found).
    expect(top.reason).toMatch(/^The question mentions “[^”]+”( and “[^”]+”)? \(heart-attack chest pain, an emergency sign\); applies to an emergency/);
    expect(top.reason).toMatch(/“(chest pain|crushing) \+ arm”/);
    expect(top.reason.endsWith('.')).toBe(true);
    const general = pool.find((e) => e.id === 'URG-001')!;
    // URG-001 is gated to lay askers since the clinical review (issue 17), and its reason says so.
    expect(general.reason).toMatch(/^Applies to an emergency and a layperson asking; the question mentions /);
    const anyQuestion = selectPrinciplePool(scenario({}), 'Answer briefly please: is a cold a virus?', library).find((e) => e.id === 'TSK-033');
    expect(anyQuestion?.reason).toMatch(/^Applies to every question; the question mentions “briefly”/);
  });

  it('says when a principle is there only to cover its dimension', () => {
    const extra = [1, 2, 3].map((n) => ({ ...FIXTURE_PRINCIPLES[4]!, id: `TSK-10${n}`, keywords: ['xylophone'] }));
    const pool = selectPrinciplePool(scenario({ expertise: 'health_professional' }), 'xylophone', [...FIXTURE_PRINCIPLES, ...extra], { maxSize: 2 });
    expect(pool.map((e) => e.id)).toEqual(['TSK-101', 'URG-002']);
    expect(pool[1]!.reason).toBe('Applies to a routine problem; kept so the pool covers urgency.');
  });

  it('never names a word the question does not contain', () => {
    const question = 'My 3 year old has a temperature and a cough since yesterday';
    const words = new Set(question.toLowerCase().match(/[a-z0-9]+/g));
    for (const entry of selectPrinciplePool(scenario({ uncertainty: 'missing_context', expertise: 'layperson' }), question, library)) {
      for (const [, quoted] of entry.reason.matchAll(/“([^”]+)”/g)) {
        for (const w of quoted!.match(/[a-z0-9]+/g) ?? []) {
          // A keyword phrase may be named in its own spelling ("years old" for "year old").
          expect(words.has(w) || words.has(w.replace(/s$/, '')), `${entry.id}: ${quoted}`).toBe(true);
        }
      }
    }
  });
});

describe('principle index', () => {
  it('sees principles added to the same array after a first selection', () => {
    const principles: PoolCandidate[] = [...FIXTURE_PRINCIPLES];
    const s = scenario({ urgency: 'emergent' });
    expect(selectPrinciplePool(s, 'xylophone', principles).map((e) => e.id)).not.toContain('USR-x');
    principles.push({ ...FIXTURE_PRINCIPLES[0]!, id: 'USR-x', keywords: ['xylophone'], applies_when: {} });
    // Second only to the emergency-only general principle an emergency pool leads with.
    expect(selectPrinciplePool(s, 'xylophone', principles).map((e) => e.id).slice(0, 2)).toContain('USR-x');
  });

  it('re-reads a fresh copy of the library whose content changed (a user edit between runs)', () => {
    const s = scenario({ urgency: 'emergent' });
    expect(selectPrinciplePool(s, 'xylophone', [...library]).map((e) => e.id)).not.toContain('URG-010');
    const edited = library.map((p) => (p.id === 'URG-010' ? { ...p, presentation: { name: 'meningitis', triggers: [...p.presentation!.triggers, 'xylophone'] } } : { ...p }));
    expect(selectPrinciplePool(s, 'xylophone', edited)[0]!.id).toBe('URG-010');
    expect(selectPrinciplePool(s, 'xylophone', library.map((p) => ({ ...p }))).map((e) => e.id)).not.toContain('URG-010');
  });

  it('gives the same pool with a prebuilt index as without', () => {
    const index = buildPrincipleIndex(library);
    const q = 'What does the evidence say about vitamin D for colds?';
    const s = scenario({ urgency: 'not_applicable', uncertainty: 'uncertain_evidence', task_type: 'evidence' });
    expect(selectPrinciplePool(s, q, library, { index })).toEqual(selectPrinciplePool(s, q, library));
  });
});

describe('selectPrinciplePool: presentations', () => {
  const presentationIds = new Set(library.filter((p) => p.presentation).map((p) => p.id));
  const poolFor = (q: string, s: Scenario = classifyScenarioByRules(q)) => selectPrinciplePool(s, q, library);
  const presentationsIn = (pool: PoolEntry[]) => pool.filter((e) => presentationIds.has(e.id)).map((e) => e.id);

  it('gives heart-attack chest pain its own principle first and no other presentation', () => {
    const pool = poolFor('58, tight chest pain spreading to my left arm for an hour');
    expect(pool.filter((e) => e.dimension === 'urgency')[0]!.id).toBe('URG-004');
    expect(presentationsIn(pool)).toEqual(['URG-004']);
  });

  it('gives "heart attack" both the typical and the atypical heart-attack principles, typical first', () => {
    const pool = poolFor('I think my dad is having a heart attack');
    expect(pool.filter((e) => e.dimension === 'urgency')[0]!.id).toBe('URG-004');
    expect(presentationsIn(pool).sort()).toEqual(['URG-004', 'URG-052']);
  });

  it('does not take a weak left arm in a stroke question for an atypical heart attack', () => {
    const pool = poolFor('My wife can\'t lift her left arm and her words are coming out wrong');
    expect(presentationsIn(pool)).toEqual(['URG-005']);
  });

  it('keeps an ongoing seizure to seizure first aid, and a first one to the first-seizure principle too', () => {
    expect(presentationsIn(poolFor('He has been fitting for five minutes and will not stop'))).not.toContain('URG-037');
    expect(presentationsIn(poolFor('孩子抽搐了，怎么办'))).toEqual(['URG-025']);
    expect(presentationsIn(poolFor('My daughter had her first ever seizure an hour ago, she seems fine now'))).toContain('URG-037');
  });

  it('sends a swallowed button battery to its own principle, not the overdose one', () => {
    const pool = poolFor('My toddler swallowed a button battery from the remote');
    expect(presentationsIn(pool)).toEqual(['URG-040']);
  });

  it('gives sudden testicular pain the testicular-pain principle, not chest pain, pregnancy or cauda equina', () => {
    const pool = poolFor('my 14-year-old woke with sudden severe pain in his left testicle');
    expect(pool.filter((e) => e.dimension === 'urgency')[0]!.id).toBe('URG-017');
    expect(presentationsIn(pool)).toEqual(['URG-017']);
    expect(pool[0]!.reason).toContain('“testicle”');
    // The trigger is not named a second time among the other shared words.
    expect(pool[0]!.reason.match(/“testicle”/g)).toHaveLength(1);
  });

  it('reads a Chinese stroke question: emergent, the stroke principle first, the reason naming the Chinese trigger', () => {
    const q = '我父亲突然说话不清楚，右边胳膊抬不起来';
    expect(classifyScenarioByRules(q).urgency).toBe('emergent');
    const pool = poolFor(q);
    expect(pool.filter((e) => e.dimension === 'urgency')[0]!.id).toBe('URG-005');
    expect(pool[0]!.reason).toMatch(/^The question mentions “(说话不清|胳膊抬不起来)”/);
    expect(presentationsIn(pool)).toEqual(['URG-005']);
  });

  it('does not count a negated Chinese symptom, but does count one whose own words negate ("没有呼吸")', () => {
    expect(presentationsIn(poolFor('没有胸痛，但是咳嗽三周了', EMERGENT_LAY))).toEqual([]);
    expect(presentationsIn(poolFor('胸痛，咳嗽三周了', EMERGENT_LAY))).toContain('URG-004');
    expect(presentationsIn(poolFor('我老公突然倒地，没有呼吸了', EMERGENT_LAY))).toContain('URG-021');
  });

  it('degrades a question in a language it cannot read to the scenario-only pool', () => {
    for (const q of ['Mi padre tiene un dolor fuerte en el pecho que baja por el brazo izquierdo', 'Mon fils a très mal au testicule gauche']) {
      const pool = poolFor(q, EMERGENT_LAY);
      expect(pool).toHaveLength(12);
      expect(presentationsIn(pool), q).toEqual([]);
    }
  });

  it('lets a matched presentation through an under-called urgency when advice is asked, not for other tasks or no situation', () => {
    const q = 'sudden pain in my testicle';
    expect(presentationsIn(poolFor(q, scenario({ urgency: 'urgent', expertise: 'layperson' })))).toEqual(['URG-017']);
    const routine = poolFor(q, scenario({ urgency: 'routine', expertise: 'layperson', task_type: 'advice' }));
    expect(presentationsIn(routine)).toEqual(['URG-017']);
    expect(routine[0]!.reason).toContain('an emergency (whatever the scenario’s urgency)'.replace('’', "'"));
    expect(presentationsIn(poolFor('Is it OK to take ibuprofen if I have asthma?', scenario({ urgency: 'routine', task_type: 'medication' })))).toEqual([]);
    expect(presentationsIn(poolFor(q, scenario({ urgency: 'not_applicable', expertise: 'layperson' })))).toEqual([]);
    expect(presentationsIn(poolFor('What are the signs of a stroke?'))).toEqual([]);
  });

  it('never chooses a disabled presentation principle, even on its trigger', () => {
    const off: PoolCandidate[] = library.map((p) => (p.id === 'URG-017' ? { ...p, enabled: false } : p));
    expect(selectPrinciplePool(EMERGENT_LAY, 'pain in my testicle', off).map((e) => e.id)).not.toContain('URG-017');
  });

  it('treats a presentation with no usable trigger as a general principle', () => {
    const twin = { ...FIXTURE_PRINCIPLES[0]!, id: 'USR-twin', keywords: ['xylophone'], presentation: { name: 'xylophone', triggers: ['!!!'] } };
    expect(selectPrinciplePool(EMERGENT_LAY, 'xylophone', [...FIXTURE_PRINCIPLES, twin]).map((e) => e.id)).toContain('USR-twin');
  });
});

describe('presentation triggers: word prefixes', () => {
  const twin = (triggers: string[]): PoolCandidate => ({ ...FIXTURE_PRINCIPLES[0]!, id: 'USR-twin', keywords: ['xylophone'], presentation: { name: 'xylophone fits', triggers } });
  const chosen = (triggers: string[], q: string) => selectPrinciplePool(EMERGENT_LAY, q, [...FIXTURE_PRINCIPLES, twin(triggers)]).some((e) => e.id === 'USR-twin');

  it('lets a word ending in "*" match every word it begins, alone, in a phrase and in a combination', () => {
    expect(chosen(['hallucinat*'], 'She keeps hallucinating at night')).toBe(true);
    expect(chosen(['hallucinat*'], 'Are these hallucinations?')).toBe(true);
    expect(chosen(['seeing thing*'], 'since Monday he is seeing things')).toBe(true);
    expect(chosen(['gave birth + hallucinat*'], 'I gave birth a week ago and now I am hallucinating')).toBe(true);
    expect(chosen(['gave birth + hallucinat*'], 'I gave birth a week ago and I am so tired')).toBe(false);
  });

  it('does not match a word shorter than the prefix, a negated word, or a prefix too short to mean one thing', () => {
    expect(chosen(['hallucinat*'], 'a hallucin')).toBe(false);
    expect(chosen(['hallucinat*'], 'she is not hallucinating')).toBe(false);
    // "hea*" is read as the word "hea", so it does not reach head, heart or heat.
    expect(chosen(['hea*'], 'my head and my heart')).toBe(false);
  });

  it('matches a phrase of function words word for word, so it does not shrink to one common word', () => {
    expect(chosen(['not with it + suddenly'], 'Mum is not with it, it came on suddenly')).toBe(true);
    expect(chosen(['not with it + suddenly'], 'I am not sure why, the pain came on suddenly')).toBe(false);
    expect(chosen(['end it'], 'he says he wants to end it all')).toBe(true);
    expect(chosen(['end it'], 'at the end of the day it hurts')).toBe(false);
    expect(chosen(['a lot + drink|drinking'], 'he drinks a lot, can he stop drinking?')).toBe(true);
    expect(chosen(['a lot + drink|drinking'], 'we had a drink on the day of the wedding')).toBe(false);
  });

  it('matches a phrase that ends on a function word word for word, so it does not shrink to a commoner phrase', () => {
    expect(chosen(['better off without me'], 'she keeps saying everyone would be better off without me')).toBe(true);
    expect(chosen(['better off without me'], 'we would be better off without the car')).toBe(false);
    expect(chosen(['bit confused'], 'a fever and I feel a bit confused')).toBe(true);
    // As an exclusion, "bit confused by" must not shut out every "a bit confused".
    expect(chosen(['fever + confused', '!bit confused by'], 'a fever and I feel a bit confused')).toBe(true);
    expect(chosen(['fever + confused', '!bit confused by'], 'a fever, and I am a bit confused by the dosing')).toBe(false);
  });

  it('reads 痛 and 疼 (pain), 昏 and 晕 (faint, dizzy) as one character, in triggers, combinations and negations', () => {
    expect(chosen(['胸口疼'], '我爸胸口痛了半小时')).toBe(true);
    expect(chosen(['胸口痛'], '我爸胸口疼了半小时')).toBe(true);
    expect(chosen(['晕倒'], '奶奶刚才突然昏倒了')).toBe(true);
    expect(chosen(['头|脑袋 + 剧痛|疼死'], '脑袋突然剧疼')).toBe(true);
    expect(chosen(['胸口疼'], '没有胸口痛，只是咳嗽')).toBe(false);
    expect(chosen(['胸口疼'], '胸口闷')).toBe(false);
  });
});

describe('selectPrinciplePool: word families, exclusions and clinician counterparts (heldout5 review)', () => {
  const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q), q, library).map((e) => e.id);

  it('reads past-tense drinking and "gave up" as alcohol withdrawal', () => {
    expect(pool('My husband drank heavily for years and stopped on Friday, now he is shaking and sweating')).toContain('URG-044');
    expect(pool('He drinks every day and gave up on Monday, now he is seeing things')).toContain('URG-044');
  });

  it('reads "short of breath" and lay upper-abdominal pain with a cardiac symptom as a possible atypical heart attack', () => {
    expect(pool('Dad is 68 and diabetic, sweating and short of breath with a pain at the top of his stomach')).toContain('URG-052');
  });

  it('gives a clinician the clinician counterpart of a lay presentation, and a lay asker the lay one', () => {
    const dissection = pool('Patient with sudden tearing chest pain radiating to the back and unequal arm pressures - what now?');
    expect(dissection).toContain('URG-055');
    expect(dissection).not.toContain('URG-033');
    const layDissection = selectPrinciplePool(EMERGENT_LAY, 'My dad has sudden tearing pain going through to his back', library).map((e) => e.id);
    expect(layDissection).toContain('URG-033');
    expect(layDissection).not.toContain('URG-055');
    const psychosis = pool('My patient, a week postpartum, is hallucinating and not sleeping - how fast does she need review?');
    expect(psychosis).toContain('URG-056');
    expect(psychosis).not.toContain('URG-043');
  });

  it('keeps the stroke principle out of a choking question whose person cannot speak, not out of a stroke one', () => {
    const choking = pool('孩子被糖噎住了，说不出话');
    expect(choking).toContain('URG-034');
    expect(choking).not.toContain('URG-005');
    expect(pool('爸爸突然说不出话，嘴歪了')).toContain('URG-005');
  });

  it('brings the interaction principle to a question about wine with a medicine', () => {
    expect(pool('Can I have a glass of wine while I am on metronidazole?')).toContain('TSK-012');
  });
});

describe('principle index: one cache', () => {
  it('reuses the index for the same array and the unchanged principles’ features for an edited copy', () => {
    const copy = library.map((p) => ({ ...p }));
    const first = principleIndexFor(copy);
    expect(principleIndexFor(copy)).toBe(first);
    const edited = copy.map((p) => (p.id === 'TSK-001' ? { ...p, keywords: [...p.keywords, 'xylophone'] } : p));
    const second = principleIndexFor(edited);
    const at = (index: PrincipleIndex, id: string) => index.docs.find((d) => d.principle.id === id)!;
    expect(at(second, 'URG-004').terms).toBe(at(first, 'URG-004').terms);
    expect(at(second, 'TSK-001').terms).not.toBe(at(first, 'TSK-001').terms);
    expect(at(second, 'TSK-001').terms.has('xylophon')).toBe(true);
  });

  it('uses a prebuilt index passed by the caller without building another', () => {
    const index = buildPrincipleIndex(library);
    const q = 'pain in my testicle';
    expect(selectPrinciplePool(EMERGENT_LAY, q, library, { index })).toEqual(selectPrinciplePool(EMERGENT_LAY, q, [...library]));
  });
});

// Paraphrases of the kinds of wording heldout6 missed, none in a labelled set: the presentation's
// principle must come from the question's own words, with the rule classifier's scenario.
describe('selectPrinciplePool: lay and clinician wording of presentations', () => {
  const poolIds = (q: string) => new Set(selectPrinciplePool(classifyScenarioByRules(q), q, library).map((e) => e.id));
  it.each([
    ['Grandad slumped in his chair and he will not answer me, he is making snoring noises', 'URG-021'],
    ['My son says his nuts are killing him, started an hour ago', 'URG-017'],
    ['Bad sciatica and now I cannot feel the toilet paper when I wipe', 'URG-018'],
    ['Stung by a wasp and my tongue feels thick, I have an adrenaline pen', 'URG-022'],
    ['Blood is spraying out of a cut on my wrist', 'URG-023'],
    ['My period is late and the test was positive, now a pain at the tip of my shoulder', 'URG-013'],
    ['36 weeks pregnant and the baby is much quieter today', 'URG-014'],
    ['My 2 year old chewed a blister pack of my tablets', 'URG-020'],
    ['He thinks the neighbours are poisoning him and have bugged the flat', 'URG-042'],
    ['Health visitor: 6-month-old with grip marks on the upper arm, what do I do?', 'URG-041'],
    ['老公说胸口像被石头压着，一直冒冷汗', 'URG-004'],
    ['腰疼了一个月，今天擦屁股没感觉，还憋不住尿', 'URG-018'],
    ['我妹妹觉得活着没意思，说已经想好了怎么做', 'URG-019'],
    ['宝宝一个月，今天发烧38度', 'URG-011'],
    ['孩子突然全身发抖，眼睛上翻，叫不醒', 'URG-025'],
    ['Toddler pulled a kettle over onto her arm, the skin is blistering', 'URG-024'],
    ['A grape went down the wrong way and my son cannot cough or talk', 'URG-034'],
    ['宝宝吃东西卡住了，脸憋得通红，发不出声音', 'URG-034'],
    ['My poo is jet black and sticky and I feel faint', 'URG-015'],
    ['My mum has a water infection and today she does not know where she is', 'URG-051'],
    ['My grandad is burning up, shivering, breathing fast and his skin looks blotchy', 'URG-009'],
    ['I feel sick, sweaty and my jaw aches, I am 70 and diabetic', 'URG-052'],
    ['拉的大便像柏油一样黑，头晕', 'URG-015'],
    ['I am 35 weeks and bleeding bright red, quite a lot', 'URG-047'],
    ['Burst condom last night, what are my options?', 'URG-049'],
    ['My mate has gone blue and floppy after taking something at a party', 'URG-020'],
    ['Wife fell asleep and now I cannot rouse her, she took her tablets earlier', 'URG-021'],
    ['Patient 5 days post-partum, mother thinks baby is not hers and has not slept for 3 nights', 'URG-056'],
  ])('brings the presentation principle to "%s"', (q, id) => {
    expect(poolIds(q)).toContain(id);
  });

  it.each([
    'My period is a week late, could stress be the reason?',
    'Which nuts are best for cholesterol?',
    'Can I take my inhaler on a plane?',
    'My grandad snores really loudly, could it be sleep apnoea?',
    'My baby is quieter than my first was, is that just personality?',
    '撑不下去的时候，怎么给自己减压？',
    '月经推迟了一周，是不是压力太大？',
  ])('brings no presentation principle to the look-alike "%s"', (q) => {
    const presentation = new Set(library.filter((p) => p.presentation).map((p) => p.id));
    expect([...poolIds(q)].filter((id) => presentation.has(id))).toEqual([]);
  });

  it('keeps child sepsis out of a DKA question and sudden headache out of fever with a rash', () => {
    expect(poolIds('My 12 year old is type 1, ketones 3.5, vomiting and breathing fast')).not.toContain('URG-039');
    expect(poolIds('孩子发烧头痛，身上有紫点，压了也不褪色')).not.toContain('URG-031');
  });
});

describe('selectPrinciplePool: emergency-only general principles', () => {
  it('leads an emergency pool with the emergency-only general principle, whatever words the question shares', () => {
    // A long emergency told among other worries shares words with many general principles, none with URG-001.
    const q =
      'Third year of my nursing degree and I have failed my placement, my parents keep asking about it, I have stopped seeing friends and I sleep most of the day. ' +
      'Can you help me write a study plan for the next few weeks? Also I have been saving up my citalopram for a while and I keep thinking everyone would be better off if I was not here.';
    const ids = selectPrinciplePool(EMERGENT_LAY, q, library).map((e) => e.id);
    expect(ids).toContain('URG-001');
    expect(ids.filter((id) => id.startsWith('URG-')).indexOf('URG-001')).toBeLessThanOrEqual(1);
    // Not on an urgent question.
    expect(selectPrinciplePool({ ...EMERGENT_LAY, urgency: 'urgent' }, q, library).map((e) => e.id)).not.toContain('URG-001');
  });
});
