// Paraphrases written after heldout56's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('numbness in the saddle with back pain, in Chinese', () => {
  it('keeps the testicular principle out of back pain with numbness down below, and in for a sudden sore testicle', () => {
    expect(pool('俺男人前几天就腰疼，今天疼得更厉害了，说裆下面那一圈麻了没知觉，尿也尿不出来，要紧不')).not.toContain('URG-017');
    expect(pool('我儿子12岁，刚才突然说左边蛋蛋疼得厉害，怎么办')).toContain('URG-017');
  });
});

describe('a disulfiram-like reaction', () => {
  it('does not read flushing and chest tightness named as 双硫仑反应 as a heart attack, and still reads it as an emergency', () => {
    expect(scenario('昨晚喝了半斤白酒，今天中午吃了头孢，现在脸通红、心慌、胸口发闷，是不是双硫仑反应？').urgency).toBe('emergent');
    expect(pool('昨晚喝了半斤白酒，今天中午吃了头孢，现在脸通红、心慌、胸口发闷，是不是双硫仑反应？')).not.toContain('URG-004');
  });
});

describe('an efficacy figure, in Chinese', () => {
  it('reads what a vaccine\'s protection rate means as an evidence question', () => {
    expect(scenario('新闻说这个疫苗保护率是70%，这个数字是怎么算出来的？').task_type).toBe('evidence');
  });
});

describe('a village doctor asking a dose', () => {
  it('reads 我是村医 as a clinician and 怎么给量 as a medication question', () => {
    const s = scenario('我是村医，一个5岁孩子发烧38.8度，卫生室只有布洛芬混悬液，怎么给量？');
    expect(s.expertise).toBe('health_professional');
    expect(s.task_type).toBe('medication');
  });
});

describe('muddled talk, in Chinese', () => {
  it('brings the delirium principle for an old man suddenly talking in circles, but not for a worker muddled in the midday sun', () => {
    expect(pool('楼下的大爷平时很精神，今天说话颠三倒四的，问他话答非所问，这几天尿尿疼，要不要叫120？')).toContain('URG-051');
    expect(pool('工地上一个工友大太阳底下干了一上午，浑身滚烫，现在说话颠三倒四的，咋办')).not.toContain('URG-051');
  });
});

describe('a round burn beside bruises', () => {
  it('reads a small round burn with bruises and a secret as possible abuse, not a burn to cool', () => {
    const q = "my 5 year old niece has bruises on both arms and a small round burn on her wrist, she says mummy's boyfriend did it and not to tell";
    expect(pool(q)).not.toContain('URG-024');
    expect(pool(q)).toContain('URG-041');
  });
});

describe('leftover antibiotic eye ointment', () => {
  it('offers the stewardship principle when a sibling\'s chloramphenicol is proposed for a sticky eye', () => {
    expect(pool('My 2 year old has a gunky sticky eye since this morning, no fever. I have an open tube of chloramphenicol eye ointment from when her sister had conjunctivitis, can I use it?')).toContain('TSK-017');
  });
});

describe('an ATMIST pre-alert', () => {
  it('reads a request for an ATMIST pre-alert as documentation', () => {
    expect(scenario('pls turn into ATMIST pre alert: 45F fall from ladder ~3m, GCS 15, ?# R wrist, obs stable').task_type).toBe('documentation');
  });
});

describe('one seizure years ago, nothing since', () => {
  it('keeps the seizure principles out of a single provoked seizure years ago asked about for a diving course', () => {
    const p = pool('I had one seizure three years ago after no sleep, nothing since, no meds. Can I do a scuba diving course this summer?');
    expect(p).not.toContain('URG-025');
    expect(p).not.toContain('URG-037');
  });
});
