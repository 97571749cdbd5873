// Paraphrases written after heldout12's evaluation, none of them in a labelled set: the kinds of
// question it showed the rules misreading (Chinese handover writing, a gestation as weeks+days, a
// pet's or a character's illness, a danger told at the end of another question, general principles
// a Chinese question shares no English keyword with), in other words than the set's.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, questionFacts } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('Chinese handover writing', () => {
  it('reads a shift heading, a patient as sex and age and Latin observations as a clinician with a patient now', () => {
    const q = '心内科夜班交班：男58，1h前突发胸痛大汗，BP 86/52，P 124，SpO2 91%，下一步先做什么？';
    const s = classify(q);
    expect(s.expertise).toBe('health_professional');
    expect(s.urgency).toBe('emergent');
    expect(s.task_type).toBe('advice');
  });

  it('brings the clinician principles to a handover about a patient on chemotherapy with a fever', () => {
    const q = '血液科值班：女61，淋巴瘤化疗后第8天，T 38.9，P 118，BP 96/58，寒战，要不要等血常规回来再用抗生素？';
    expect(classify(q)).toMatchObject({ expertise: 'health_professional', urgency: 'emergent' });
    expect(pool(q)).toEqual(expect.arrayContaining(['URG-038', 'URG-053']));
  });
});

describe('facts read from the question', () => {
  it('reads weeks+days beside an obstetric word as a gestation, and 停经 N 周 as one', () => {
    expect(questionFacts('Midwife here, multip at 36+4 with a headache and swollen ankles').has('later-pregnancy')).toBe(true);
    expect(questionFacts('停经七周，今天有点出血').has('early-pregnancy')).toBe(true);
    // A score or a dose is not a gestation.
    expect(questionFacts('The match ended 3+2 and my knee hurts').has('later-pregnancy')).toBe(false);
  });

  it('knows a question about a pet or a story character has no patient', () => {
    expect(aboutNoPatient('Our dog had a fit this morning, the vet wants to start phenobarbital')).toBe('animal');
    expect(aboutNoPatient('我家的猫咪今天吐了好几次，要不要去宠物医院')).toBe('animal');
    expect(aboutNoPatient("In the screenplay I'm writing, the main character has a heart attack on stage")).toBe('fiction');
    expect(aboutNoPatient('The dog bit my son on the hand and it will not stop bleeding')).toBeNull();
  });

  it('brings no presentation and no urgency to an animal or a story', () => {
    const pet = 'Our dog had a fit this morning and the vet wants to start phenobarbital, what side effects should we watch for?';
    expect(pool(pet).filter((id) => id.startsWith('URG-0') && id !== 'URG-001')).not.toContain('URG-025');
    expect(classify(pet).urgency).toBe('not_applicable');
    const story = "In the screenplay I'm writing, the main character has a stroke on stage. What would the crew notice?";
    expect(pool(story)).not.toContain('URG-005');
    expect(classify(story).urgency).toBe('not_applicable');
  });
});

describe('emergency signs told in other words', () => {
  it.each([
    ['Had my daughter 8 days ago, since this afternoon I have been soaking through a pad an hour and passed clots the size of a golf ball, I feel faint standing up', 'URG-048'],
    ['My sister said ten minutes ago she suddenly got a splitting headache while lifting a box, like being hit on the back of the head', 'URG-031'],
    ['我奶奶在温室里摘了一上午菜，回来就糊涂了，身上滚烫，一点汗都没有', 'URG-036'],
    ['My toddler was playing with the remote earlier and now the little battery cover is off and one battery is missing. He seems fine', 'URG-040'],
  ])('reads it as an emergency and brings the principle: %s', (q, id) => {
    expect(classify(q).urgency).toBe('emergent');
    expect(pool(q)).toContain(id);
  });

  it('reads means put by with the medicine named as an emergency, even when told over weeks', () => {
    expect(classify('For a few weeks I have been saving up my amitriptyline and I think my family would be fine without me').urgency).toBe('emergent');
  });

  it('brings clinician sepsis to an infection with new confusion in a care home', () => {
    const q = 'Care home nurse: resident, 91, on trimethoprim for a UTI since Monday, now far more confused than usual and clammy. GP says review tomorrow. Should I push for more?';
    expect(pool(q)).toContain('URG-030');
    expect(classify(q).urgency).toBe('emergent');
  });

  it('brings child safeguarding to bruises shaped by a grip', () => {
    expect(pool('Nursery worker: a 3 year old came in with fingertip-shaped bruises on both upper arms again, mum says he fell. What do I do today?')).toContain('URG-041');
  });

  it('does not read a training module or a death years ago as the presentation', () => {
    expect(classify('This week\'s module on my call handler training course is choking. Why do we ask about coughing first?').urgency).not.toBe('emergent');
    const history = 'My father died of an aortic aneurysm in 2004. I am 50 and smoke, should I ask for a screening scan?';
    expect(pool(history)).not.toContain('URG-033');
    expect(classify(history).urgency).not.toBe('emergent');
  });
});

describe('Chinese questions and the general principles', () => {
  it('reads spoken medicine questions and first-person lives', () => {
    expect(classify('我爸在吃华法林，牙疼得厉害，吃点布洛芬行不').task_type).toBe('medication');
    expect(classify('我在北京上班，医保在老家，住院能报销吗').expertise).toBe('layperson');
  });

  it('finds general principles by their Chinese keywords', () => {
    expect(pool('我爸吃着华法林，能和布洛芬一起吃吗？')).toContain('TSK-012');
    expect(pool('我妈八十多了，最近老忘事，我一个人照顾她快撑不住了，怎么办')).toContain('EXP-016');
  });
});
