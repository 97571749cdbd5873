// Paraphrases written after heldout14's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('teaching material and screens have no patient', () => {
  it.each([
    ['We are making an awareness poster for the staff room on the signs of a stroke, what should it say?', 'URG-005'],
    ['Putting together a handout for our first aid volunteers: how to recognise a heart attack', 'URG-004'],
    ['社区要做一张科普海报，讲心梗的早期信号，怎么写比较好？', 'URG-004'],
    ['Watching a medical soap last night, a woman had a seizure in a lift. Do you really put something in their mouth?', 'URG-025'],
  ])('keeps the presentation out and reads it as information: %s', (q, id) => {
    expect(aboutNoPatient(q)).not.toBeNull();
    expect(pool(q)).not.toContain(id);
    const s = classify(q);
    expect(s.urgency).toBe('not_applicable');
    expect(s.task_type).toBe('information');
  });

  it('keeps a document asked for in so many words a documentation task', () => {
    expect(classify('Please write a leaflet for our awareness week on stroke signs').task_type).toBe('documentation');
  });

  it('still reads a real patient at a drill or a training session as one', () => {
    expect(aboutNoPatient('During netball drills one of my girls went pale and sweaty, she has type 1 diabetes')).toBeNull();
    expect(classify('During netball drills one of my girls went pale and sweaty and is slurring, she has type 1 diabetes').urgency).toBe('emergent');
  });
});

describe('presentations told in other words', () => {
  it.each([
    ['My 3 year old was playing with the kitchen scales and now the little round batteries are missing, he seems fine', 'URG-040'],
    ["I'm 35 weeks and she has been hardly moving all evening when she is usually wriggly", 'URG-014'],
    ['他一喝了酒就动手，昨天又把我推倒在地上，我该怎么办', 'URG-045'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a heavy drinker stopping at once as urgent, in Chinese', () => {
    expect(classify('我老公每天喝半斤白酒十几年了，这次查出脂肪肝，他说从明天开始一滴不沾，要注意什么？').urgency).toBe('urgent');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it.each([
    ['How should I store spare button batteries so my toddler cannot get them?', 'URG-040'],
    ['家里有纽扣电池，平时应该怎么存放才安全？', 'URG-040'],
    ['My back aches after gardening, is a hot water bottle or ibuprofen better?', 'URG-024'],
    ['今天快四十度，工友在工地上说胡话，皮肤烫得很，不出汗了', 'URG-024'],
    ['My teenage son with type 1 diabetes is pale, shaky and sweaty after football', 'URG-039'],
    ['Man in his 50s had his first ever fit last night, back to normal now, wants to know about driving', 'URG-025'],
    ['我姐姐好多年前宫外孕做过手术，这个会遗传吗？我的风险会不会更高？', 'URG-013'],
  ])('keeps it out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });
});

describe('Chinese clinicians who name their department or workplace', () => {
  it.each([
    '心内科医生。想问一下SGLT2抑制剂在HFrEF里的证据',
    '乡镇卫生院值班。男，45岁，胸痛2小时，先做什么？',
    '村卫生室，帮我写一封转诊信：女，60岁，咳嗽6周',
    '村医。3岁孩子腹泻两天，尿少，先补液还是转诊？',
    '女，58y，胸痛1小时，BP 90/60，HR 110，第一步先做什么？',
  ])('reads a health professional: %s', (q) => {
    expect(classify(q).expertise).toBe('health_professional');
  });

  it('does not read a lay person addressing a doctor by name as one', () => {
    expect(classify('王医生，我孩子昨晚发烧到39度，今天还要去吗？').expertise).toBe('layperson');
  });
});

describe('lay people who look after others', () => {
  it.each([
    'I coach an under-12 football team and a boy got hit in the eye with the ball',
    'Foster carer here, the 5 year old placed with us has bruises on her back',
    '我是护工，照顾的老人今天一直咳嗽',
  ])('reads a layperson: %s', (q) => {
    expect(classify(q).expertise).toBe('layperson');
  });
});

describe('a Chinese situation with no role named', () => {
  it('reads a lay person when someone\u2019s situation is told and no clinician\u2019s word is used', () => {
    expect(classify('在外地读研，不敢跟家里说，昨晚开始右下腹一直疼，今天走路都疼').expertise).toBe('layperson');
  });

  it('does not read a request for a document as a lay person\u2019s situation', () => {
    expect(classify('帮我写一份请假条，感冒发烧两天').expertise).toBe('unclear');
  });
});

describe('questions about access and odds', () => {
  it('reads getting a repeat prescription outside opening hours as an admin question', () => {
    const s = classify('My surgery is only open while I am at work. How can I order my repeat prescription without ringing at 8am?');
    expect(s.task_type).toBe('other');
    expect(s.urgency).toBe('not_applicable');
  });

  it('reads heredity and one\u2019s own odds as information, in Chinese', () => {
    expect(classify('我爸有糖尿病，这个病会遗传吗？我得的几率会不会比别人高？').task_type).toBe('information');
  });

  it('reads "is it necessary" as advice, in Chinese', () => {
    expect(classify('我妈非让我每天吃鱼油预防心脏病，我身体挺好的，真的有必要吗？').task_type).toBe('advice');
  });
});
