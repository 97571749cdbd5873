import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import type { Scenario } from '../types';
import { questionFacts, statedAgeDays, statedAgeYears, statedGestationWeeks } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const lay = (urgency: Scenario['urgency'], task_type: Scenario['task_type'] = 'advice'): Scenario => ({ urgency, uncertainty: 'sufficient_context', expertise: 'layperson', task_type });
const ids = (s: Scenario, q: string) => selectPrinciplePool(s, q, library).map((e) => e.id);

describe('question facts', () => {
  it('reads a stated age and gestation in English and Chinese', () => {
    expect(statedAgeYears('my 4 year old is floppy')).toBe(4);
    expect(statedAgeYears('My 75-year-old mum')).toBe(75);
    expect(statedAgeYears('宝宝两个月大')).toBe(0);
    expect(statedAgeYears('我58岁')).toBe(58);
    expect(statedGestationWeeks("I'm 33 weeks pregnant and bleeding")).toBe(33);
    expect(statedGestationWeeks('怀孕三十二周')).toBe(32);
    expect(statedGestationWeeks('孕7周')).toBe(7);
    expect(statedGestationWeeks('bleeding for 3 weeks')).toBeNull();
    // A person said to be N weeks is pregnant; weeks ago, old or after an operation are not gestations.
    expect(statedGestationWeeks('I am 35 weeks and bleeding bright red')).toBe(35);
    expect(statedGestationWeeks("She's 30 weeks and has a headache")).toBe(30);
    expect(statedGestationWeeks('I am 3 weeks post op and the wound is red')).toBeNull();
    expect(statedGestationWeeks('She is 6 weeks old and feeding less')).toBeNull();
  });

  it('calls a person a child or an adult only when the question says so', () => {
    expect([...questionFacts('My 4 year old has a rash')]).toEqual(['child']);
    expect([...questionFacts('My mum is confused')]).toEqual(['adult']);
    expect([...questionFacts('my son, aged 30, has a rash')]).toEqual(['adult']);
    expect([...questionFacts('Feeling unwell today')]).toEqual([]);
  });
});

describe('a young baby and obstetric shorthand', () => {
  it('reads a baby under 3 months from English, clinician and Chinese ways of giving the age', () => {
    for (const q of ['my 6 week old has a temp of 38', 'a 3-week-old with a fever', 'baby 6/52, febrile', 'our newborn feels hot', '宝宝才40天，量了体温38度2', '出生十天的宝宝', '两个月大的宝宝发烧', '刚满月的孩子发烧', '患儿，7周，发热', 'two month old is hot']) {
      expect(questionFacts(q).has('young-baby'), q).toBe(true);
    }
    expect(statedAgeDays('患儿男，8周')).toBe(56);
  });

  it('does not read a gestation, a time since something, or a baby of 3 months and over as a young baby', () => {
    for (const q of ['孕7周，肚子疼', '术后2周伤口红', '3周前摔了一跤', 'my son is 3 months old and has a cold', 'I had surgery 6 weeks ago', '我妈妈住院10天了', '吃药3天了还发烧', 'my 4 year old has a fever']) {
      expect(questionFacts(q).has('young-baby'), q).toBe(false);
    }
  });

  it('reads "28/40" as a gestation only beside an obstetric word', () => {
    expect(statedGestationWeeks('G2P1 28/40, headache and BP 160/110')).toBe(28);
    expect(statedGestationWeeks('Primip at 34+2/40 with reduced movements')).toBe(34);
    expect(statedGestationWeeks('she scored 3/40 on the quiz')).toBeNull();
  });

  it('brings the young-baby fever principle for an age the trigger lists never spelled out', () => {
    expect(ids(lay('urgent'), '宝宝才40天，量了体温38度2')).toContain('URG-011');
    expect(ids(lay('urgent'), 'Our little one is 9 weeks old and running a temperature, do we wait until morning?')).toContain('URG-011');
    expect(ids(lay('urgent'), 'My 3 year old has a temperature of 38.5')).not.toContain('URG-011');
  });
});

describe('gestation and child-vs-adult in the pool', () => {
  it('keeps the early-pregnancy principle out of later-pregnancy bleeding and the reverse', () => {
    const later = ids(lay('urgent'), "I'm 33 weeks pregnant and bleeding bright red");
    expect(later).toContain('URG-047');
    expect(later).not.toContain('URG-013');
    const early = ids(lay('emergent'), "I'm 6 weeks pregnant and bleeding with cramps");
    expect(early).toContain('URG-013');
    expect(early).not.toContain('URG-047');
  });

  it('does not bring pre-eclampsia in on a gestation alone', () => {
    expect(ids(lay('urgent'), '怀孕32周，阴道出血了')).not.toContain('URG-014');
    expect(ids(lay('urgent'), "I'm 30 weeks pregnant with a bad headache and blurry vision")).toContain('URG-014');
  });

  it('brings child sepsis in for a child only', () => {
    expect(ids(lay('emergent'), 'My 4 year old is floppy and her skin looks mottled')).toContain('URG-039');
    expect(ids(lay('emergent'), 'My mum has a UTI and her skin looks mottled')).not.toContain('URG-039');
  });

  it('needs both parts of a combination: childbirth alone is not postpartum bleeding', () => {
    expect(ids(lay('emergent'), 'Two weeks after giving birth my wife believes the baby has been swapped')).not.toContain('URG-048');
    expect(ids(lay('emergent'), 'Two weeks after giving birth and the bleeding is getting heavier')).toContain('URG-048');
  });
});

describe('Chinese keywords of general principles', () => {
  it('ranks a general principle on its Chinese keywords and names them in the reason', () => {
    const pool = selectPrinciplePool(lay('routine', 'medication'), '阿莫西林和布洛芬可以一起吃吗？', library);
    const interaction = pool.find((e) => e.id === 'TSK-012');
    expect(interaction).toBeDefined();
    expect(interaction!.reason).toContain('“一起吃”');
  });
});

describe('pregnancy counted in months', () => {
  it('reads lay month counts as a gestation, so later-pregnancy bleeding is told from early', () => {
    expect(statedGestationWeeks('孕八个月了，突然流血')).toBeGreaterThanOrEqual(20);
    expect(statedGestationWeeks('I am 8 months pregnant')).toBeGreaterThanOrEqual(20);
    expect(statedGestationWeeks('怀孕两个月，见红了')).toBeLessThan(20);
    expect(ids(lay('urgent'), '孕八个月了，突然流血')).toContain('URG-047');
    expect(ids(lay('urgent'), '孕八个月了，突然流血')).not.toContain('URG-013');
  });
});
