// Paraphrases written after heldout49's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const urgency = (q: string) => classifyScenarioByRules(q, library).urgency;
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);

describe('a head clipped on the way down', () => {
  it('reads a head clipped on a shelf as a head injury, and a busy ("slammed") kitchen with a head chef as none', () => {
    expect(pool('she clipped her head on the corner of the shelf climbing down the ladder, big lump now and she feels sick')).toContain('URG-008');
    expect(pool("we're slammed tonight and the head chef won't let me sit down, my feet are killing me, what can I do")).not.toContain('URG-008');
  });
});

describe('a used needle through a glove', () => {
  it('reads sticking oneself with the needle just used on a client as urgent with post-exposure prophylaxis, and a sewing needle as routine', () => {
    const q = 'I stuck myself through my glove with the needle I had just used on a client, what should I do now';
    expect(urgency(q)).toBe('urgent');
    expect(pool(q)).toContain('URG-050');
    expect(urgency('stuck myself with a sewing needle taking up some trousers, tiny drop of blood, do I need anything')).toBe('routine');
  });
});

describe("a kitchen's hot metal grabbed", () => {
  it('reads a baking tray grabbed bare-handed with blistered fingers as a burn, and a salamander setting as none', () => {
    const q = 'grabbed the baking tray without a cloth, two fingers blistered already and throbbing';
    expect(urgency(q)).toBe('urgent');
    expect(pool(q)).toContain('URG-024');
    expect(pool('what setting should the salamander be on to glaze a crème brûlée')).not.toContain('URG-024');
  });
});

describe('the odds of a past postpartum psychosis coming back', () => {
  it('reads planning a next baby after one years ago as routine, without the psychosis principles, and odd beliefs days after a birth now as them', () => {
    const plan = '四年前生老大后得了产后精神病，当时老觉得有人要害孩子。现在打算要老二，再犯的可能性有多大？需要提前做哪些准备？';
    expect(urgency(plan)).toBe('routine');
    expect(pool(plan)).not.toContain('URG-043');
    expect(pool(plan)).not.toContain('URG-042');
    expect(pool('我老婆生完孩子第三天 一直说宝宝不是她亲生的 整夜不睡 怎么办')).toContain('URG-043');
  });
});

describe('asked ahead, in case', () => {
  it('does not read a collapse in a shopping centre asked about in case as an emergency, and reads one happening as one', () => {
    expect(urgency('先问问以备不时之需：要是在商场碰到有人突然倒地叫不醒，我能做什么')).not.toBe('emergent');
    expect(urgency('地铁上有人刚刚突然倒地叫不醒 我该怎么做')).toBe('emergent');
  });
});

describe('a collapse without breathing', () => {
  it('gives a collapse with no breathing the CPR principle and not the blackout one, and keeps the blackout one for a faint', () => {
    const arrest = pool('my dad just collapsed in the kitchen and he is not breathing, what do I do');
    expect(arrest).toContain('URG-021');
    expect(arrest).not.toContain('URG-007');
    expect(pool('my dad fainted in the kitchen for a few seconds and came round, he has a heart condition')).toContain('URG-007');
  });
});
