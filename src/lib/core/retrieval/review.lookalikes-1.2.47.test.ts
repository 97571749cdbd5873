// Look-alikes from a review of library 1.2.47: questions its new rules misread, most of them real
// emergencies the older library got right. Each fails on 1.2.47.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { classifyScenarioOffline } from '../scenario/offline';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a customer outside a pharmacy, in Chinese', () => {
  it('keeps a cashier whose customer collapsed a lay asker, with CPR', () => {
    const q = '我在超市收银，一位老年顾客突然倒地，没有呼吸了，怎么办';
    expect(scenario(q).expertise).not.toBe('health_professional');
    expect(pool(q)).toContain('URG-021');
  });
  it('keeps a restaurant customer choking with the choking principle', () => {
    expect(pool('饭店里有个顾客吃东西噎住了，说不出话，脸发紫')).toContain('URG-034');
  });
  it('keeps a customer asking about vitamin C a lay question', () => {
    expect(scenario('有个顾客问我维生素C一天吃多少合适').expertise).not.toBe('health_professional');
  });
});

describe('groaning in someone who cannot be woken, in Chinese', () => {
  it('keeps CPR', () => {
    expect(pool('我爸刚才倒地没反应，嘴里哼哼唧唧的，呼吸很怪')).toContain('URG-021');
  });
});

describe('a first seizure today after a febrile fit in childhood, in Chinese', () => {
  it('keeps the first-seizure principle', () => {
    expect(pool('我老公小时候发过一次高烧抽风，后来没再犯过，今天开车时突然全身抽搐，第一次这样')).toContain('URG-037');
    expect(pool('孩子3岁左右发过一次高热惊厥，之后没再犯过，现在10岁，今天第一次不发烧也抽了')).toContain('URG-037');
  });
});

describe('writing named beside a real emergency', () => {
  it('keeps a button battery swallowed mid-story an emergency', () => {
    expect(pool('I\'m in the middle of the story I\'m writing and my 4 year old just swallowed a button battery')).toContain('URG-040');
  });
  it('keeps a stroke told after "the book we are working on can wait" an emergency', () => {
    expect(pool('Sorry typing fast, the book we are working on can wait - my wife suddenly can\'t lift her right arm and her speech is slurred')).toContain('URG-005');
  });
});

describe('a film or a TV drama being watched when someone falls ill, blended', () => {
  it('lets the learned model overrule the rules\' fiction reading', () => {
    expect(classifyScenarioOffline('我陪妈妈看电视剧，她突然说话不清楚，一边嘴角歪了', library).urgency).not.toBe('not_applicable');
  });
});

describe('harmless questions the round caught', () => {
  it('keeps a child who drinks cola and a toddler who drinks milk at night non-urgent', () => {
    expect(scenario('My son drinks a lot of cola, how do I get him to stop?').urgency).not.toBe('urgent');
    expect(scenario('My toddler drinks milk all night and won\'t stop').urgency).not.toBe('urgent');
  });
  it('keeps a bruised blood-test puncture and a thorn puncture non-urgent', () => {
    expect(scenario('I\'m a bit worried, after my blood test the puncture mark is bruised').urgency).not.toBe('urgent');
    expect(scenario('The nurse got me on the first try, only a tiny puncture mark, is bruising normal').urgency).not.toBe('urgent');
  });
  it('keeps asking before combining paracetamol medicines, or having stopped one, non-urgent', () => {
    expect(scenario('泰诺感冒片和对乙酰氨基酚能一起吃吗？我已经吃了一片泰诺，还没吃别的').urgency).not.toBe('urgent');
    expect(scenario('医生说泰诺感冒片不要和扑热息痛一起吃，我已经停了扑热息痛，只吃感冒片三天了').urgency).not.toBe('urgent');
  });
  it('keeps "LMP 2/52" with pelvic pain and discharge out of early pregnancy', () => {
    expect(pool('LMP 2/52, lower abdominal pain and fever, smelly discharge')).not.toContain('URG-013');
  });
});
