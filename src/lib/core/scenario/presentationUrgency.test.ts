import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import type { PoolCandidate } from '../retrieval/principleIndex';
import { presentationUrgency } from './presentationUrgency';
import { classifyScenarioByRules } from './rules';

const library = readShippedPrinciples();
const isUrgent = (u: string) => u === 'emergent' || u === 'urgent';

describe('presentationUrgency', () => {
  it('reads an emergency-only presentation as emergent and an emergent-or-urgent one as urgent', () => {
    expect(presentationUrgency('my 14 year old has sudden pain in his left testicle', library)).toBe('emergent');
    expect(presentationUrgency('My migraine feels different this time', library)).toBe('urgent');
    // A thunderclap headache is one of that principle's emergency signs.
    expect(presentationUrgency('I have the worst headache of my life', library)).toBe('emergent');
  });

  it('says nothing without a trigger, or for presentations that also fit routine questions', () => {
    expect(presentationUrgency('Can you explain what cholesterol is?', library)).toBeNull();
    // Emergency contraception is a time window, not an emergency.
    expect(presentationUrgency('The condom broke last night, can I still get the morning after pill?', library)).toBeNull();
  });

  it('reads a presentation\'s emergency sign as emergent, whatever else the principle covers', () => {
    // An emergent-or-urgent presentation whose red flag is written "emergency: …".
    const base: PoolCandidate = { ...library.find((p) => p.id === 'URG-018')!, id: 'USR-002' };
    const flagged: PoolCandidate = { ...base, presentation: { name: 'xylophone back', triggers: ['xylophone back', 'emergency: xylophone back + numb|bladder', 'emergency: 木琴背 + 麻木'] } };
    const lib = [...library.filter((p) => !p.presentation), flagged];
    expect(presentationUrgency('I have xylophone back again', lib)).toBe('urgent');
    expect(presentationUrgency('xylophone back and now I feel numb down there', lib)).toBe('emergent');
    expect(presentationUrgency('木琴背三天了，今天屁股麻木', lib)).toBe('emergent');
    // Negated, the sign is not there ("no numbness"); a disabled principle says nothing.
    expect(presentationUrgency('xylophone back, no numbness or bladder trouble', lib)).toBe('urgent');
    expect(presentationUrgency('xylophone back and now I feel numb down there', [...library.filter((p) => !p.presentation), { ...flagged, enabled: false }])).toBeNull();
    // "emergency:" in front of an exclusion means nothing and compiles to nothing.
    const odd: PoolCandidate = { ...base, presentation: { name: 'xylophone back', triggers: ['xylophone back', 'emergency: !numb'] } };
    expect(presentationUrgency('xylophone back and numb', [odd])).toBe('urgent');
  });

  it('ignores a disabled principle', () => {
    const off: PoolCandidate[] = library.map((p) => (p.id === 'URG-017' ? { ...p, enabled: false } : p));
    expect(presentationUrgency('my 14 year old has sudden pain in his left testicle', off)).toBeNull();
  });
});

describe('classifyScenarioByRules with the library', () => {
  // A user principle whose trigger the classifier's own cues cannot know: only the library makes it urgent.
  const twin: PoolCandidate = {
    ...library.find((p) => p.id === 'URG-017')!,
    id: 'USR-001',
    presentation: { name: 'xylophone fits', triggers: ['xylophone fits'] },
  };
  const withTwin = [...library, twin];

  it('raises a person\'s situation to the urgency its named presentation requires', () => {
    const q = 'My son suddenly started xylophone fits an hour ago, what should I do?';
    expect(classifyScenarioByRules(q).urgency).toBe('routine');
    expect(classifyScenarioByRules(q, withTwin).urgency).toBe('emergent');
  });

  it('raises a clinician\'s drug question about a described patient, not a lay medication question that names a presentation', () => {
    const clinician = 'Triage nurse: 58M, known hypertensive, sudden pain between the shoulder blades, BP 190/100. Can he have aspirin?';
    const s = classifyScenarioByRules(clinician, library);
    expect(s.expertise).toBe('health_professional');
    expect(isUrgent(s.urgency)).toBe(true);
    const lay = classifyScenarioByRules('Can I take ibuprofen for my migraine?', library);
    expect(lay.task_type).toBe('medication');
    expect(isUrgent(lay.urgency)).toBe(false);
  });

  it('leaves a presentation that is not happening now alone: recurring, long-standing, past or planned for', () => {
    for (const q of [
      'My migraine is back, what can I do to ease it?',
      'I get headaches most afternoons at work, what should I do?',
      'My son has asthma, what should we do to prepare for winter?',
      'My wife has had heartburn for weeks, what should she try?',
      '我偏头痛又犯了，怎么缓解？',
      '我经常头疼，怎么办？',
    ]) expect(classifyScenarioByRules(q, library).urgency, q).toBe('routine');
    expect(classifyScenarioByRules('My son had xylophone fits years ago, should we tell the school?', withTwin).urgency).toBe('routine');
  });

  it('leaves a general question about a presentation alone', () => {
    expect(classifyScenarioByRules('What are the signs of testicular torsion?', library).urgency).toBe('not_applicable');
  });

  it('reads Chinese triggers the same way', () => {
    const twinZh: PoolCandidate = { ...twin, presentation: { name: 'xylophone fits', triggers: ['木琴病'] } };
    const q = '我儿子刚才突然木琴病发作，怎么办？';
    expect(classifyScenarioByRules(q).urgency).toBe('routine');
    expect(classifyScenarioByRules(q, [...library, twinZh]).urgency).toBe('emergent');
  });
});

describe('rule classifier cues added with the heldout7 review', () => {
  const c = (q: string) => classifyScenarioByRules(q, library);

  it('reads a role given as a heading with a qualifier as a clinician, and "my nurse said" as a layperson', () => {
    expect(c('Staff nurse: 80F on the ward, new confusion since this morning, what should we check?').expertise).toBe('health_professional');
    expect(c('Paramedic student - wasp sting 10 min ago, now stridor and systolic 70. First drug, dose and route?').expertise).toBe('health_professional');
    expect(c('My nurse said my blood pressure is a bit high, should I worry?').expertise).toBe('layperson');
  });

  it('treats stridor and a low systolic pressure in a described patient as an emergency', () => {
    expect(c('Paramedic student - wasp sting 10 min ago, now stridor and systolic 70. First drug, dose and route?').urgency).toBe('emergent');
  });

  it('treats strangling and threats to kill by a partner as urgent, in English and Chinese', () => {
    expect(isUrgent(c('Last week he had his hands round my throat and said he would kill me if I left. Who can I talk to?').urgency)).toBe(true);
    expect(isUrgent(c('男朋友一喝酒就动手，昨天掐我脖子，还说要弄死我，我该怎么办').urgency)).toBe(true);
  });

  it('does not call a badly aching knee urgent because it "hurts a lot"', () => {
    expect(isUrgent(c('我奶奶最近膝盖疼得厉害，想给她买点布洛芬，可以吗？').urgency)).toBe(false);
  });

  it('reads Chinese clinician case writing and lay storytelling', () => {
    expect(c('急诊，男，62岁，高血压病史，突发胸背痛，双上肢血压不一样，下一步怎么处理？').expertise).toBe('health_professional');
    expect(c('工地上一个工友突然晕倒了，怎么叫都叫不醒').expertise).toBe('layperson');
    expect(c('化验单上写着肌酐130，医生说要注意，我到底是不是肾不好？').expertise).toBe('layperson');
  });
});
