// Paraphrases written after heldout54's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a chemical splashed on the skin', () => {
  it('reads acid or bleach splashed on an arm as a burn, and does not send a grown man to hospital for a button battery', () => {
    const acid = pool('at the garage, acid from a car battery splashed on my hand a few minutes ago, skin is red and stinging, what now');
    expect(acid).toContain('URG-024');
    expect(acid).not.toContain('URG-040');
    expect(pool('bleach splashed on my forearm while cleaning the drains, skin has gone red and burning, what should I do')).toContain('URG-024');
    // A child and a missing battery is still the battery emergency.
    expect(pool("my toddler might have swallowed a battery from the remote, it's missing and I can't find it")).toContain('URG-040');
  });
});

describe('a race run, not an age', () => {
  const race = "Sports day, 30 degrees. A Year 4 boy collapsed after the 400m, he's boiling hot and confused. I'm one of the teachers, the first aider is coming. What do we do?";
  it('does not read "after the 400m" as a clinician\'s age shorthand, and still reads "a 72F" as one', () => {
    expect(scenario(race).expertise).not.toBe('health_professional');
    expect(pool(race)).toContain('URG-036');
    expect(scenario('seeing a 72F in clinic today with new AF, HR 130, do I start a DOAC or refer').expertise).toBe('health_professional');
  });

  it('keeps the blackout principle out of a child collapsing hot and confused at a sports event', () => {
    expect(pool('Year 5 girl keeled over after the 400m at sports day, boiling hot to touch and not making sense, the teachers are with her. What do we do?')).not.toContain('URG-007');
  });
});

describe('a job application\'s health questionnaire', () => {
  it('reads a past febrile fit asked about for a job form as admin, with no seizure principle', () => {
    const q = 'applying to be a bus driver, the health questionnaire asks about fits. I had one febrile fit as a baby and none since, do I declare it?';
    expect(scenario(q).task_type).toBe('other');
    expect(pool(q)).not.toContain('URG-025');
  });
});

describe('a letter someone else wants, drafted on request', () => {
  it('reads "the nursery wants a letter… could you draft something" as documentation, and "where do I get one" as not', () => {
    expect(scenario('the nursery wants a letter saying my son can have his epipen on him at all times, could you draft something for the GP to sign').task_type).toBe('documentation');
    expect(scenario('the nursery wants a letter about his epipen, do I ask the GP or the allergy clinic').task_type).not.toBe('documentation');
  });
});

describe('a medicine named by its regimen', () => {
  it('reads a chlordiazepoxide regimen asked for as a medication question', () => {
    expect(scenario('custody nurse, detainee drinking heavily, last drink 18 hours ago, shaky and sweaty. What chlordiazepoxide regimen is usual?').task_type).toBe('medication');
  });
});

describe('figures to quote in a report', () => {
  it('reads which figures to quote in a programme report as an evidence question from a professional with no patient', () => {
    const s = scenario("I'm writing the yearly report for our bowel screening programme. Which figures should I quote for cancers found per 1,000 people screened?");
    expect(s.task_type).toBe('evidence');
    expect(s.expertise).toBe('health_professional');
    expect(s.urgency).toBe('not_applicable');
    // Writing a report without asking for figures stays documentation.
    expect(scenario('please draft the yearly report for our bowel screening programme from these notes').task_type).toBe('documentation');
  });
});

describe('antibiotics carried just in case, and self-care put urgently', () => {
  it('offers the stewardship principle when ciprofloxacin brought just in case is proposed for traveller\'s diarrhoea', () => {
    expect(pool('My husband has had the runs for 3 days on our holiday in Spain, no blood, drinking ok. We brought a strip of ciprofloxacin just in case, should he start it?')).toContain('TSK-017');
  });

  it('offers specific self-care for a spot before a big day', () => {
    expect(pool("Massive painful spot came up on my forehead overnight and my sister's wedding is tomorrow, fastest way to get it down? can I pop it?")).toContain('TSK-002');
  });
});

describe('snoring with pauses, in Chinese', () => {
  it('does not read breath caught again after snoring as breathlessness now, and reads breathlessness now as urgent', () => {
    expect(scenario('我爸睡觉打呼噜很响 中间会停十几秒不出气 然后又大喘一口 白天总打瞌睡 要不要去看看').urgency).not.toBe('urgent');
    expect(['urgent', 'emergent']).toContain(scenario('我爸今天下午开始喘得厉害 走几步就要停下来 要紧吗').urgency);
  });
});

describe('alcohol with a medicine, in Chinese', () => {
  it('reads whether a sip of beer is safe after cephalosporins as a medication question, and forty years of drinking as not', () => {
    expect(scenario('吃头孢期间喝了一口啤酒 会有事吗 原理是什么').task_type).toBe('medication');
    expect(scenario('我爸喝了四十年白酒 最近说要戒 突然不喝会出事吗').task_type).not.toBe('medication');
  });
});

describe('a film named in book-title brackets', () => {
  it('reads a question prompted by a film as no patient\'s, and an article\'s title with one\'s own symptom as someone\'s', () => {
    expect(scenario('看了《滚蛋吧！肿瘤君》，里面她化疗后发烧就进了ICU，化疗的人发烧都这么危险吗？').urgency).toBe('not_applicable');
    expect(scenario('我在化疗 今天发烧38.6度 看了《化疗患者须知》说要马上去医院 是真的吗').urgency).not.toBe('not_applicable');
  });
});
