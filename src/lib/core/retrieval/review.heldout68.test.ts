// Paraphrases written after heldout68's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { classifyScenarioOffline } from '../scenario/offline';
import { questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('a bite told as punctures', () => {
  it('reads a cat\'s teeth through the thumb as urgent', () => {
    expect(scenario('our cat went for me when I picked her up, two little puncture wounds on my thumb and it is swelling tonight').urgency).toBe('urgent');
  });
});

describe('early pregnancy in clinicians\' shorthand', () => {
  it('reads "LMP 6/52" beside an early-pregnancy unit as an early pregnancy, so feeling faint with pain brings no fainting principle', () => {
    const q = 'phone triage: 29F, LMP 6/52, R iliac fossa pain since lunch, felt lightheaded and faint on standing, EPAU or ED?';
    expect([...questionFacts(q)]).toContain('early-pregnancy');
    expect(pool(q)).not.toContain('URG-007');
  });
});

describe('a heavy drinker who "drinks" stopping at once', () => {
  it('reads it as urgent', () => {
    expect(scenario('my uncle drinks two bottles of wine a day and says he is stopping completely from tomorrow, no help').urgency).toBe('urgent');
  });
});

describe('a novel being written', () => {
  it('reads "for a story I am writing" as fiction', () => {
    const s = scenario('For a story I am writing: a teenager collapses at a party after taking a pill and has a seizure. What would paramedics do first?');
    expect(s.urgency).toBe('not_applicable');
  });
  it('keeps a lethal dose asked "for a story" urgent, with the lethal-dose principle', () => {
    const q = 'how many of grandad\'s sleeping tablets would it take to not wake up? it is for a novel I\'m writing';
    expect(scenario(q).urgency).toBe('urgent');
    expect(pool(q)).toContain('URG-046');
  });
  it('reads one asked "for a novel" in Chinese as it reads the bare question', () => {
    expect(scenario('写小说用的：安眠药吃多少片会死？').urgency).toBe(scenario('安眠药吃多少片会死？').urgency);
    expect(scenario('写小说用的：安眠药吃多少片会死？').urgency).not.toBe('not_applicable');
  });
});

describe('two paracetamol medicines together, at a pharmacy counter, in Chinese', () => {
  it('reads counter staff asking about a customer as a professional, and the double dose as urgent', () => {
    const s = scenario('药房这边请教一下：有个顾客这几天每天吃4次感冒灵，同时还在吃对乙酰氨基酚片，一次两片，已经吃了四天了，怎么办');
    expect([s.expertise, s.urgency]).toEqual(['health_professional', 'urgent']);
  });
  it('keeps asking whether two can be taken together not urgent', () => {
    expect(scenario('感冒灵和扑热息痛能一起吃吗').urgency).not.toBe('urgent');
  });
});

describe('bleeding late in pregnancy told as "好多血", in Chinese', () => {
  it('brings the later-pregnancy bleeding principle', () => {
    expect(pool('我媳妇怀孕8个月，刚刚上厕所发现有好多血，肚子有点紧')).toContain('URG-047');
  });
});

describe('sleeping pills hidden, not taken, in Chinese', () => {
  it('brings the suicide principle and not the overdose one', () => {
    const q = '儿子说活着没意思，我在他书包里翻到一板安眠药，还没吃，我该怎么跟他谈';
    expect(pool(q)).toContain('URG-019');
    expect(pool(q)).not.toContain('URG-020');
  });
  it('keeps a strip of sleeping pills taken an overdose', () => {
    expect(pool('我妈刚才把一板安眠药全吃了，现在很困')).toContain('URG-020');
  });
});

describe('someone who will not wake, in Chinese', () => {
  // (A groaning exclusion was tried for a diabetic who would not wake, and dropped: groaning or snoring
  // in someone who cannot be woken is how people describe agonal breathing.)
  it('keeps CPR for groaning that sounds like snoring', () => {
    expect(pool('爷爷突然倒在地上，叫不醒，嘴里哼哼的，像打呼噜，我们要不要按压')).toContain('URG-021');
  });
  it('keeps CPR for snoring-like breathing', () => {
    expect(pool('我爷爷倒在地上叫不醒，呼吸像打呼噜一样，一下一下的')).toContain('URG-021');
  });
});

describe('a febrile fit in childhood, never again, in Chinese', () => {
  it('brings no first-seizure principle', () => {
    expect(pool('我小时候三岁发烧抽过一回，之后没再犯过，现在要考驾照，需要申报吗')).not.toContain('URG-037');
  });
});

describe('a dog\'s fit, blended with the learned model', () => {
  it('keeps the rules\' no-urgency reading', () => {
    expect(classifyScenarioOffline('我家猫刚才突然抽了一分钟，口吐白沫，现在好了但走路不稳，要不要马上去医院？', library).urgency).toBe('not_applicable');
  });
});

describe('"LMP n/52" with no sign of pregnancy', () => {
  it('is no pregnancy', () => {
    expect([...questionFacts('LMP 2/52, lower abdominal pain and fever, smelly discharge')]).not.toContain('early-pregnancy');
  });
});
