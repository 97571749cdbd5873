// Paraphrases written after heldout57's and heldout58's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a clot in the history of a head injury', () => {
  it('keeps the clot principle out of a knock to the head on a blood thinner taken since a DVT, and in for breathlessness after one', () => {
    expect(pool('slipped on the stairs this morning and banged my head on the banister, no blackout. on apixaban since a DVT last year, do I need to be seen?')).not.toContain('URG-032');
    expect(pool('had a DVT last year, now suddenly short of breath and my calf is swollen again')).toContain('URG-032');
  });
});

describe('a thunderclap headache years ago, nothing since', () => {
  it('reads a sudden worst-ever headache long past, never come back, as routine, and one an hour ago as an emergency', () => {
    const past = 'Years ago I had a headache that came on out of nowhere in seconds, the worst ever, gone by the next day. Nothing like it since. Is it worth mentioning to my GP?';
    expect(scenario(past).urgency).toBe('routine');
    expect(pool(past)).not.toContain('URG-031');
    expect(scenario('An hour ago a headache came on out of nowhere in seconds, the worst ever').urgency).toBe('emergent');
  });
});

describe('food stuffed in a baby\'s mouth, in Chinese', () => {
  it('reads a child who crammed nuts in and cannot cough or cry as choking, now', () => {
    const q = '外孙一岁，刚才趁我不注意把几颗瓜子塞进嘴里，现在咳不出来，哭不出声，嘴唇发紫';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-034');
  });
});

describe('a baby feeding badly with a fever, in Chinese', () => {
  it('still reads a hot two-month-old who is not feeding (吃奶也不吃了) as a baby with fever', () => {
    expect(pool('外孙女两个月大，今天身上很烫，吃奶也不怎么吃了，怎么办')).toContain('URG-011');
  });
});

describe('a septic patient in a community doctor\'s Chinese shorthand', () => {
  it('brings the clinician sepsis principle for fever, new confusion and a NEWS2 score', () => {
    expect(pool('社区医生：80岁女，慢阻肺，发热3天，今天新发意识模糊，血压92/58，NEWS2估计7分，转诊前先做什么？')).toContain('URG-030');
  });
});

describe('cold-water hypothermia', () => {
  it('does not read slurred speech after a long cold swim as a stroke, and still does for a sudden droop and slur', () => {
    expect(pool('my brother came out of the sea after an hour, stopped shivering and is now slurring and stumbling, what do I do')).not.toContain('URG-005');
    expect(pool('my mum suddenly started slurring and her face is drooping on one side')).toContain('URG-005');
  });
});

describe('a heart attack as a figure of speech', () => {
  it('reads "nearly had a heart attack when I saw the bill" as no emergency, and an actual one as one', () => {
    const q = 'Almost had a heart attack when I opened the gas bill haha. Separate question: is a resting pulse of 48 ok for a runner?';
    expect(scenario(q).urgency).toBe('routine');
    expect(pool(q)).not.toContain('URG-052');
    expect(scenario('I think my husband is having a heart attack, crushing chest pain for 20 minutes').urgency).toBe('emergent');
  });
});

describe('teaching one\'s own juniors', () => {
  it('reads a test-accuracy question for a teaching session for our FY1s as a clinician\'s', () => {
    expect(scenario('Putting together teaching for our FY1s: a D-dimer has sensitivity 95% and specificity 40%; what does a negative mean at low pre-test probability?').expertise).toBe('health_professional');
  });
});

describe('a trainee heading in Chinese', () => {
  it('reads 规培一枚 as a clinician', () => {
    expect(scenario('内科规培一枚，请教：社区获得性肺炎，激素到底有没有用？有什么证据？').expertise).toBe('health_professional');
  });
});

describe('a result that was done, in Chinese', () => {
  it('reads a report of a scan one had done (做了…报告写) as health data, not a document to write', () => {
    expect(scenario('上个月体检做了甲状腺B超，报告写TI-RADS 3类，这个要紧吗？').task_type).toBe('health_data');
    expect(scenario('帮我做一份出院小结：男，65岁，肺炎，住院7天').task_type).toBe('documentation');
  });
});

describe('an insulin pen named by brand, in Chinese', () => {
  it('reads a leaked dose from a 诺和锐 pen as a medication question', () => {
    expect(scenario('我爸用诺和锐笔，刚才打的时候漏出来一些，要不要补打？').task_type).toBe('medication');
  });
});

describe('a utility bill', () => {
  it('does not read an energy bill mentioned in passing as an admin question', () => {
    expect(scenario('The electricity bill this winter is awful so we keep the house cold. My dad is 84, is a cold bedroom bad for his chest?').task_type).not.toBe('other');
  });
});
