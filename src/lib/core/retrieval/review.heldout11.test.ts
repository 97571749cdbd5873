// Paraphrases written after heldout11's evaluation, none of them in a labelled set: the kinds of
// question it showed the classifier misjudging (an emergency read as merely urgent, a Chinese
// clinician without "我是", a trial's endpoints, a news claim) and its strays, in other words than
// the set's, with look-alikes that must stay as they are.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('emergency signs of presentations that also cover urgent care', () => {
  it.each([
    // Diabetic ketoacidosis, lay and clinical, English and Chinese.
    ['My daughter has type 1, she has been throwing up since lunch, her blood ketones say 3.4 and she is breathing really deeply. Should we skip her evening Lantus?', 'URG-016'],
    ['闺女1型糖尿病，今天一直吐，肚子疼，血酮测出来4.1，喘气特别深，晚上的长效胰岛素还打不打？', 'URG-016'],
    // Cauda equina.
    ['Sciatica for a month, now both legs, and since this morning my bottom feels numb when I wipe and I keep feeling I have not emptied my bladder. Can it wait till Monday?', 'URG-018'],
    ['我爸腰椎间盘突出好多年了，这两天腰疼加重，说肛门周围发麻没感觉，小便也解不出来，能等门诊吗？', 'URG-018'],
    // A heart attack, with and without chest pain.
    ['My husband has had a heavy feeling in his chest for half an hour while resting and now it is going into his left arm and he is sweaty', 'URG-004'],
    ['Nan is 80 and diabetic, since lunch she has been clammy and out of breath with a heavy feeling at the top of her stomach. No chest pain. Is it indigestion?', 'URG-052'],
    // An ectopic pregnancy told without its name.
    ['My period is two weeks late, I have a sharp pain low on my right and my left shoulder tip aches, and I nearly passed out on the stairs. Could it be wind?', 'URG-013'],
    // Thunderclap headache, heat stroke, neutropenic sepsis, postpartum psychosis.
    ['My brother was lifting weights and got a sudden headache like a hammer blow to the back of his skull, the worst pain of his life, he has been sick once', 'URG-031'],
    ['My dad was mowing the lawn in the heatwave and now he is confused, slurring and his skin is burning hot', 'URG-036'],
    ['Mum is on chemo for lymphoma and tonight she is shivery and washed out, the thermometer says 37.6. Can we wait till morning?', 'URG-038'],
    ['我嫂子生完孩子十天，这两天整夜不睡，说孩子被人换了不是她亲生的，还说听见有人叫她', 'URG-043'],
  ])('reads it as an emergency and brings the principle: %s', (q, id) => {
    expect(classify(q).urgency).toBe('emergent');
    expect(pool(q)).toContain(id);
  });

  it('brings the open-with-the-action principle to a lay emergency so described', () => {
    expect(pool('My period is two weeks late, I have a sharp pain low on my right and my left shoulder tip aches, and I nearly passed out on the stairs. Could it be wind?')).toContain('URG-001');
  });

  it.each([
    // The presentation without its red flag, or not happening now.
    ['I have type 1 and want to know how to manage sick days so I never end up in DKA', 'not an emergency'],
    ['My calf has been a bit sore since my long flight last week, no breathlessness. Do I need a scan?', 'not an emergency'],
    ['I had cauda equina surgery two years ago and still get some back pain, what exercises are safe?', 'not an emergency'],
    ["I'm shaky and sweaty, my sugar is 3.6 on my meter, what should I eat?", 'not an emergency'],
    ['Running a half marathon in August, how do I avoid heat stroke on the day?', 'not an emergency'],
  ])('leaves the presentation without its emergency sign below emergent: %s', (q) => {
    expect(classify(q).urgency).not.toBe('emergent');
  });
});

describe('strays from a presentation the question is not about', () => {
  it.each([
    // An age under three months is not a fever.
    ['Health visitor: 10-week-old with a torn frenulum and a bruise on the cheek, parents say he bumped the cot. What should I do next?', 'URG-011'],
    ['My 2 month old has a blocked nose and snores when feeding, should I use saline drops?', 'URG-011'],
    // Confusion in a diabetic who is sweaty and shaky is a hypo, not delirium.
    ['Dad is on insulin and is suddenly sweaty, shaking and talking rubbish, can I give him juice?', 'URG-051'],
    // A faint beside possible ectopic pain belongs to the ectopic principle.
    ['My period is two weeks late, I have a sharp pain low on my right and my left shoulder tip aches, and I nearly passed out on the stairs. Could it be wind?', 'URG-007'],
    // Preventing heat stroke is not having it.
    ['Running a half marathon in August, how do I avoid heat stroke on the day?', 'URG-036'],
    ['夏天去工地干活，怎么预防中暑？', 'URG-036'],
  ])('keeps the wrong presentation out: %s', (q, id) => {
    expect(pool(q)).not.toContain(id);
  });

  it('still brings baby fever when the young baby has one', () => {
    expect(pool('My 2 month old feels hot and the thermometer says 38.1, what should I do?')).toContain('URG-011');
    expect(pool('宝宝两个月大，今天摸着很烫，量了38.3度')).toContain('URG-011');
  });
});

describe('the classifier on clinicians, trials and news claims', () => {
  it('reads a Chinese role heading with 提问 or 咨询 as a clinician', () => {
    expect(classify('肾内科住院医提问：CKD 4期患者的高钾血症，环硅酸锆钠和降钾树脂怎么选？').expertise).toBe('health_professional');
    expect(classify('社区护士咨询：糖尿病足溃疡换药多久换一次？').expertise).toBe('health_professional');
  });

  it('reads a question about a trial\'s endpoints or a mortality benefit as evidence', () => {
    expect(classify('PCSK9抑制剂在FOURIER试验里主要终点是什么？绝对获益有多大？').task_type).toBe('evidence');
    expect(classify('二甲双胍到底能不能降低死亡率？').task_type).toBe('evidence');
  });

  it('reads a claim from the news asked about as evidence, not advice', () => {
    const s = classify('Read an article saying coffee doubles your risk of atrial fibrillation. Is that really true? I drink four cups a day.');
    expect(s.task_type).toBe('evidence');
  });

  it('reads adjusting a named medicine in Chinese as a medication question', () => {
    expect(classify('患者肌酐升高，恩格列净还能继续用吗？螺内酯要不要减量？').task_type).toBe('medication');
    expect(classify('我爸的二甲双胍要减量还是停？他的肾功能下降了').task_type).toBe('medication');
  });
});

describe('urgency the tuned-on parts showed the classifier missing, in other words', () => {
  const isUrgent = (q: string) => ['emergent', 'urgent'].includes(classify(q).urgency);

  it('reads a question about a killing dose as at least urgent, however generally put', () => {
    expect(isUrgent('How many sleeping tablets would be a lethal amount for an adult?')).toBe(true);
    expect(isUrgent('What dose of amitriptyline would kill me?')).toBe(true);
    expect(isUrgent('吃多少片安眠药会死？')).toBe(true);
    // The maximum safe dose is an ordinary medicine question.
    expect(isUrgent('How many paracetamol can I safely take in a day?')).toBe(false);
  });

  it('reads a sexual assault, a child bruised where children rarely are, and methotrexate taken daily as urgent', () => {
    expect(isUrgent('I was raped on Friday and I am scared about pregnancy and HIV, what can I still do?')).toBe(true);
    expect(isUrgent('The little girl I childmind has bruises behind her ear and on her back again, mum says she fell. What should I do?')).toBe(true);
    expect(isUrgent('Dad has been taking his methotrexate every day this week instead of once a week, his mouth is sore')).toBe(true);
    // A toddler's shins bruised from play, and asking whether methotrexate could be daily, are not.
    expect(isUrgent('My toddler has bruises on his shins from climbing, is that normal?')).toBe(false);
    expect(isUrgent('Could my methotrexate be taken every day instead of weekly?')).toBe(false);
  });

  it('reads a state told in the present as happening now, so a named presentation raises urgency', () => {
    expect(classify('My grandad\'s face has gone droopy on one side and he can\'t get his words out').urgency).toBe('emergent');
    expect(classify('My 13 year old says his testicle is killing him after rugby').urgency).toBe('emergent');
    expect(classify('My son had testicular torsion surgery three years ago, can he play rugby?').urgency).not.toBe('emergent');
  });

  it('reads a request for records held elsewhere as admin, and a customer as a pharmacist\'s patient', () => {
    expect(classify('How can I get a copy of my late mum\'s GP records for the inquest?').task_type).toBe('other');
    expect(classify('How long does it take for notes to be transferred to a new GP practice?').task_type).toBe('other');
    expect(classify('Pharmacist: customer on lithium wants ibuprofen for a sprained ankle, is that OK?').urgency).toBe('routine');
  });

  it('does not make a clinician\'s "帮我总结" about a patient\'s record the asker\'s own', () => {
    expect(classify('帮我把这份出院记录总结成三条要点：患者男，68岁，COPD急性加重入院，已好转出院。').urgency).toBe('not_applicable');
  });
});
