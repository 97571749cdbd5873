// Paraphrases written after heldout55's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('which inhaler is for when, in Chinese', () => {
  it('reads which of two inhalers is for wheezing as a medication question, not an asthma attack', () => {
    const q = '我有两个吸入器，一个信必可一个万托林，哪个是每天用的，哪个是喘的时候才用？';
    expect(scenario(q).task_type).toBe('medication');
    expect(scenario(q).urgency).not.toBe('urgent');
    expect(pool(q)).not.toContain('URG-006');
    expect(pool('孩子哮喘犯了 万托林喷了三下还是喘得说不出话 嘴唇发紫')).toContain('URG-006');
  });
});

describe('a partner who hit his own head', () => {
  it('keeps the domestic-abuse principle out of a boyfriend who hit his head on a beam, and in for a partner who hit the asker', () => {
    expect(pool('my boyfriend hit his head on a low beam in the loft this afternoon and now he has been sick twice, what do I do')).not.toContain('URG-045');
    expect(pool('my husband hit me last night and I banged my head on the door, I am scared to go home')).toContain('URG-045');
  });
});

describe('a risk being lowered', () => {
  it('reads what "cuts my risk of a stroke" means as no emergency and keeps the stroke principle out; a drooping face keeps it in', () => {
    const q = 'My GP says these blood pressure pills cut my risk of a stroke by a third, what does that mean for me? I\'m 61.';
    expect(scenario(q).urgency).not.toBe('emergent');
    expect(pool(q)).not.toContain('URG-005');
    expect(pool("my dad's face has dropped on one side and his speech is slurred, what do I do")).toContain('URG-005');
  });
});

describe('neglect noticed by a teacher', () => {
  it('offers the safeguarding principle when pupils keep coming in hungry and in the same clothes', () => {
    expect(pool('a couple of my pupils come in hungry and in the same clothes every day, should I tell someone?')).toContain('URG-041');
  });
});

describe('cardiac pressure and unresponsiveness in dialect', () => {
  it('reads 心口窝 pain like a stone pressing as the heart-attack emergency', () => {
    const q = '我爹说心口窝子闷得慌，跟压了块石头似的，一脑门子汗，咋办';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-004');
  });

  it('reads someone who cannot answer to their name as an emergency', () => {
    expect(scenario('我妈刚才在厨房突然站不稳，叫她名字也答不上来，怎么办').urgency).toBe('emergent');
  });
});
