// Paraphrases written after heldout59's and heldout62's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a week of pregnancy named, in Chinese', () => {
  it('keeps the early-pregnancy-pain principle out of a medicine question, and in when there is pain and bleeding', () => {
    expect(pool('怀孕10周了，最近便秘得厉害，能吃乳果糖吗')).not.toContain('URG-013');
    expect(pool('怀孕6周，今天右下腹一阵一阵地疼，还见红了')).toContain('URG-013');
  });
});

describe('a collapse with gurgling, rare gasps, in Chinese', () => {
  it('brings CPR, not the stroke principle', () => {
    const q = '超市里一个阿姨突然歪倒了，叫她没反应，嘴里咕噜咕噜响，好一会儿才喘一下';
    expect(pool(q)).toContain('URG-021');
    expect(pool(q)).not.toContain('URG-005');
  });
});

describe('a TIA years ago, fully recovered', () => {
  it('keeps the stroke principle out, and in for a droop today', () => {
    expect(pool('Two years ago I had a TIA, fully recovered and no problems since. Can I come off my clopidogrel?')).not.toContain('URG-005');
    expect(pool('My dad had a TIA years ago and today his face is drooping and his speech is slurred')).toContain('URG-005');
  });
});

describe('thoughts of suicide, in Chinese', () => {
  it('reads a plan tonight on a rooftop as an emergency, and "活着也没什么意思" without a plan as urgent', () => {
    const plan = '最近压力太大了，今晚已经站在天台上了，觉得就这样算了';
    expect(scenario(plan).urgency).toBe('emergent');
    expect(pool(plan)).toContain('URG-019');
    expect(scenario('工作太累了，天天加班，有时候觉得活着也没什么意思，这正常吗').urgency).toBe('urgent');
  });
});

describe('breathlessness after a named operation', () => {
  it('reads breathlessness and pain on breathing in a week after an appendix operation as a possible clot, an emergency', () => {
    const q = 'Had my appendix out a week ago, now I get breathless walking upstairs and it hurts on the left when I breathe in';
    expect(pool(q)).toContain('URG-032');
    expect(scenario(q).urgency).toBe('emergent');
  });
});

describe('a burn from hot metal', () => {
  it('brings the burns principle for molten metal that blistered the skin', () => {
    expect(pool('a bit of molten metal landed on my wrist while welding and it has blistered, do I pop it?')).toContain('URG-024');
  });
});

describe('repeated bruises on a pupil who will not meet your eye, in Chinese', () => {
  it('brings the safeguarding principle', () => {
    expect(pool('我是初中老师，有个学生胳膊上又有几块青紫，问他就说是自己撞的，眼睛都不敢看人')).toContain('URG-041');
  });
});

describe('a heart attack named in a claim or a history, in Chinese', () => {
  it('keeps the heart-attack principles out of a video\'s claim checked and a stent last year, and in for chest pain now', () => {
    for (const q of ['朋友圈看到说心梗的时候拼命咳嗽能自救，是真的吗', '我妈前年心梗做了支架，现在恢复得很好，能去旅游吗']) {
      expect(pool(q)).not.toContain('URG-004');
      expect(pool(q)).not.toContain('URG-052');
    }
    expect(pool('我爸刚才突然胸口疼得厉害，出冷汗')).toContain('URG-004');
  });
});

describe('hypothermia after a cold swim', () => {
  it('reads stopping shivering and slurring as an emergency, without the sepsis or delirium principles', () => {
    const q = 'after a wild swim in the lake my friend stopped shivering and now he is slurring and clumsy';
    expect(scenario(q).urgency).toBe('emergent');
    expect(pool(q)).not.toContain('URG-009');
    expect(pool(q)).not.toContain('URG-051');
  });
});

describe('an infected wound with a fever', () => {
  it('keeps the heat-stroke principle out of a red, hot wound with shivers and confusion', () => {
    expect(pool('my c-section wound is red and hot, I have the shivers and my husband says I am not making sense')).not.toContain('URG-036');
  });
});

describe('a septic patient in Chinese shorthand with a NEWS2 score', () => {
  it('brings the clinician sepsis principle', () => {
    expect(pool('值班护士：患者NEWS2 8分，T 39.1，BP 85/50，意识有点差，先怎么处理')).toContain('URG-030');
  });
});

describe('pesticide poisoning, in Chinese', () => {
  it('brings the poisoning principle for drooling and pinpoint pupils after spraying', () => {
    expect(pool('我爸下午在地里打药，回来一直流口水，瞳孔缩得很小')).toContain('URG-020');
  });
});

describe('a web novel, in Chinese', () => {
  it('reads first aid asked for a web novel\'s plot as nobody\'s emergency', () => {
    expect(scenario('我在写一本网文，主角心梗倒在地上，旁边的人该怎么急救才写得真实').urgency).toBe('not_applicable');
  });
});

describe('a child wetting the bed again and always thirsty', () => {
  it('reads it as urgent (possible new diabetes), and bedwetting alone as not', () => {
    expect(scenario('my 5 year old has started wetting the bed again and is always thirsty, drinking loads').urgency).toBe('urgent');
    expect(scenario('my 5 year old still wets the bed sometimes, when should we worry?').urgency).not.toBe('urgent');
  });
});

describe('answering only after a long call, in Chinese', () => {
  it('reads it as an emergency', () => {
    expect(scenario('我奶奶今天一直昏睡，叫半天才应一声，平时不这样').urgency).toBe('emergent');
  });
});

describe('a trip with no fever, in French', () => {
  it('does not read "pas de fièvre" on a trip as a fever after travel', () => {
    expect(scenario('Je suis en voyage en Espagne, j\'ai mal à la gorge depuis deux jours mais pas de fièvre. Je peux continuer ?').urgency).not.toBe('urgent');
  });
});
