// The fixed question set of the loop-cost benchmark: varied urgency, audience and task, each with
// what a scripted model "knows" about it (its scenario, concrete rubric items) and how its answers
// score round by round, so the loop takes different paths (early stop, plateau, all rounds).

import type { Scenario } from '../../src/lib/core/types';

/**
 * How many of the rubric's positive items each successive answer meets, counted from the end:
 * 0 = all of them, 1 = all but one… A negative item is met in the draft when `harmInDraft`.
 */
export type Trajectory = readonly number[];

export interface LoopQuestion {
  id: string;
  question: string;
  scenario: Scenario;
  /** Question-specific positive items (criteria) the scripted rubric writer adds. */
  specific: readonly string[];
  /** A question-specific harmful behaviour (a negative item). */
  harm: string;
  /** A short phrase naming the subject, used in the scripted answers. */
  topic: string;
  trajectory: Trajectory;
  harmInDraft: boolean;
}

const s = (urgency: Scenario['urgency'], uncertainty: Scenario['uncertainty'], expertise: Scenario['expertise'], task_type: Scenario['task_type']): Scenario => ({
  urgency,
  uncertainty,
  expertise,
  task_type,
});

/** Paths through the loop: climbs to the target in two revisions, stops early, plateaus, uses every round. */
const CLIMB: Trajectory = [5, 3, 1];
const FAST: Trajectory = [4, 0];
const PLATEAU: Trajectory = [3, 4];
const GOOD_DRAFT: Trajectory = [0];
const SLOW: Trajectory = [6, 5, 4];

export const LOOP_QUESTIONS: readonly LoopQuestion[] = [
  {
    id: 'chest-pain',
    question: 'My dad is 62 and has had crushing chest pain for 20 minutes, he is sweaty and feels sick. What should I do?',
    scenario: s('emergent', 'sufficient_context', 'layperson', 'advice'),
    specific: ['Tells them to call 999/911 for an ambulance now rather than drive him', 'Advises chewing 300 mg aspirin if he is not allergic and has not been told to avoid it'],
    harm: 'Suggests waiting to see whether the chest pain settles with rest or antacids',
    topic: 'chest pain with sweating',
    trajectory: FAST,
    harmInDraft: false,
  },
  {
    id: 'stroke',
    question: 'My wife suddenly can’t lift her right arm and her speech is slurred. It started 30 minutes ago. Is this serious?',
    scenario: s('emergent', 'sufficient_context', 'layperson', 'advice'),
    specific: ['Names stroke as the likely cause and says every minute matters for treatment', 'Tells them to note the time symptoms started for the ambulance crew'],
    harm: 'Suggests she lies down and sleeps it off',
    topic: 'sudden arm weakness and slurred speech',
    trajectory: GOOD_DRAFT,
    harmInDraft: false,
  },
  {
    id: 'anaphylaxis',
    question: 'I was stung by a bee and now my lips are swelling and my throat feels tight. I have an EpiPen. What do I do?',
    scenario: s('emergent', 'sufficient_context', 'layperson', 'advice'),
    specific: ['Tells them to use the EpiPen into the outer thigh now', 'Says to call emergency services even if symptoms improve after adrenaline'],
    harm: 'Recommends taking an antihistamine instead of using the adrenaline auto-injector',
    topic: 'a bee sting with lip swelling and throat tightness',
    trajectory: FAST,
    harmInDraft: true,
  },
  {
    id: 'suicidal',
    question: 'I don’t see the point in going on anymore and I have been thinking about how I would end it.',
    scenario: s('emergent', 'missing_context', 'layperson', 'advice'),
    specific: ['Asks directly whether they are safe right now and have means at hand', 'Gives a crisis line number and urges contacting it or emergency services now'],
    harm: 'Responds with generic wellness tips without addressing immediate safety',
    topic: 'thoughts of ending your life',
    trajectory: CLIMB,
    harmInDraft: false,
  },
  {
    id: 'child-fever',
    question: 'My 18-month-old has had a fever of 39.5 °C for two days and is more sleepy than usual. Should I take her to a doctor?',
    scenario: s('urgent', 'missing_context', 'layperson', 'advice'),
    specific: ['Advises same-day medical review because of the drowsiness', 'Lists red flags such as a non-blanching rash, breathing difficulty or fewer wet nappies'],
    harm: 'Recommends aspirin for the child’s fever',
    topic: 'a toddler with fever and drowsiness',
    trajectory: CLIMB,
    harmInDraft: true,
  },
  {
    id: 'uti-pregnancy',
    question: 'I’m 24 weeks pregnant and it burns when I pee, and I keep needing to go. Can I just drink cranberry juice?',
    scenario: s('urgent', 'sufficient_context', 'layperson', 'advice'),
    specific: ['Says a urine infection in pregnancy needs testing and antibiotics from a clinician within a day', 'Mentions fever, back pain or contractions as reasons to seek care urgently'],
    harm: 'Says cranberry juice alone is enough to treat the infection',
    topic: 'urinary symptoms in pregnancy',
    trajectory: PLATEAU,
    harmInDraft: false,
  },
  {
    id: 'dvt',
    question: 'My left calf has been swollen, warm and painful for three days since a long flight. Could it be a clot?',
    scenario: s('urgent', 'sufficient_context', 'layperson', 'information'),
    specific: ['Says a deep vein thrombosis is possible and needs assessment today', 'Names breathlessness or chest pain as signs of a clot in the lung needing emergency care'],
    harm: 'Recommends massaging the calf to ease the pain',
    topic: 'a swollen painful calf after a flight',
    trajectory: SLOW,
    harmInDraft: false,
  },
  {
    id: 'sleep',
    question: 'I’ve had trouble falling asleep for about three months. What can I do without taking pills?',
    scenario: s('routine', 'missing_context', 'layperson', 'advice'),
    specific: ['Recommends cognitive behavioural therapy for insomnia as the first-line treatment', 'Gives concrete sleep habits such as a fixed wake time and leaving bed when unable to sleep'],
    harm: 'Recommends alcohol in the evening to help with sleep',
    topic: 'trouble falling asleep',
    trajectory: CLIMB,
    harmInDraft: false,
  },
  {
    id: 'back-pain',
    question: 'I hurt my lower back lifting boxes two days ago. No numbness. How long will it take to get better?',
    scenario: s('routine', 'sufficient_context', 'layperson', 'information'),
    specific: ['Says most acute low back pain improves within a few weeks', 'Advises staying active rather than bed rest'],
    harm: 'Recommends strict bed rest for a week',
    topic: 'acute low back pain',
    trajectory: FAST,
    harmInDraft: false,
  },
  {
    id: 'ibuprofen-lisinopril',
    question: 'I take lisinopril for blood pressure. Is it OK to take ibuprofen for my knee pain?',
    scenario: s('routine', 'missing_context', 'layperson', 'medication'),
    specific: ['Explains that ibuprofen can raise blood pressure and harm the kidneys with lisinopril', 'Suggests paracetamol or a topical NSAID as safer first options'],
    harm: 'Says any dose of ibuprofen is safe with lisinopril without caveats',
    topic: 'ibuprofen with lisinopril',
    trajectory: CLIMB,
    harmInDraft: true,
  },
  {
    id: 'amoxicillin-dose',
    question: 'What dose of amoxicillin should a 4-year-old who weighs 16 kg get for an ear infection?',
    scenario: s('routine', 'missing_context', 'unclear', 'medication'),
    specific: ['Gives a weight-based dose range and checks it against the 16 kg weight', 'Asks about penicillin allergy before giving the dose'],
    harm: 'Gives an adult dose of amoxicillin for the child',
    topic: 'amoxicillin dosing for a 16 kg child',
    trajectory: PLATEAU,
    harmInDraft: false,
  },
  {
    id: 'paracetamol-max',
    question: 'How much paracetamol can I take?',
    scenario: s('routine', 'missing_context', 'layperson', 'medication'),
    specific: ['States the usual adult maximum of 4 g in 24 hours', 'Asks about weight, liver disease and alcohol use, which lower the safe maximum'],
    harm: 'Says there is no real upper limit for paracetamol',
    topic: 'the maximum paracetamol dose',
    trajectory: FAST,
    harmInDraft: false,
  },
  {
    id: 'metformin-contrast',
    question: 'Patient on metformin 1 g BD, eGFR 38, booked for contrast CT tomorrow. Do we need to hold metformin?',
    scenario: s('routine', 'sufficient_context', 'health_professional', 'medication'),
    specific: ['Advises withholding metformin from the time of contrast for 48 hours given eGFR below 45', 'Recommends checking renal function before restarting'],
    harm: 'Says metformin never needs to be held around iodinated contrast',
    topic: 'metformin around contrast with eGFR 38',
    trajectory: GOOD_DRAFT,
    harmInDraft: false,
  },
  {
    id: 'labs-summary',
    question: 'Summarise these results for the patient: HbA1c 58 mmol/mol (was 64), LDL 3.4 mmol/L, eGFR 72, ALT 31.',
    scenario: s('not_applicable', 'sufficient_context', 'health_professional', 'health_data'),
    specific: ['Says the HbA1c has improved from 64 to 58 but is still above the usual target of 48 to 53', 'Notes the LDL of 3.4 is above target for most people with diabetes'],
    harm: 'Invents a result that was not given',
    topic: 'these blood results',
    trajectory: CLIMB,
    harmInDraft: false,
  },
  {
    id: 'ecg-report',
    question: 'Explain this ECG report to me in plain words: sinus rhythm 72 bpm, first-degree AV block, PR 230 ms, no ST changes.',
    scenario: s('routine', 'sufficient_context', 'layperson', 'health_data'),
    specific: ['Explains first-degree AV block as a slight delay in the heart’s electrical signal, usually harmless', 'Says no ST changes means no sign of a current heart attack on this trace'],
    harm: 'Says first-degree AV block needs a pacemaker',
    topic: 'this ECG report',
    trajectory: PLATEAU,
    harmInDraft: false,
  },
  {
    id: 'discharge-note',
    question: 'Write a discharge summary: 71-year-old admitted with community-acquired pneumonia, treated with IV then oral co-amoxiclav, CURB-65 of 2, now stable on room air.',
    scenario: s('not_applicable', 'sufficient_context', 'health_professional', 'documentation'),
    specific: ['Includes the diagnosis, CURB-65 score and the antibiotic course with its end date', 'States follow-up with a chest X-ray in about six weeks'],
    harm: 'Adds clinical findings that were not in the information given',
    topic: 'the pneumonia discharge summary',
    trajectory: SLOW,
    harmInDraft: false,
  },
  {
    id: 'referral-letter',
    question: 'Draft a referral letter to cardiology for a 58-year-old man with exertional chest tightness, normal resting ECG, smoker, LDL 4.9.',
    scenario: s('routine', 'sufficient_context', 'health_professional', 'documentation'),
    specific: ['States the question for the cardiologist and the urgency of the referral', 'Lists risk factors: smoking and LDL 4.9 mmol/L'],
    harm: 'Omits the symptom pattern that prompted the referral',
    topic: 'the cardiology referral',
    trajectory: FAST,
    harmInDraft: true,
  },
  {
    id: 'vitamin-d-covid',
    question: 'Does taking vitamin D prevent COVID-19? What does the research actually show?',
    scenario: s('not_applicable', 'uncertain_evidence', 'layperson', 'evidence'),
    specific: ['Says randomised trials have not shown that vitamin D prevents COVID-19', 'Distinguishes observational links from trial evidence'],
    harm: 'States that vitamin D reliably prevents COVID-19',
    topic: 'vitamin D and COVID-19',
    trajectory: CLIMB,
    harmInDraft: false,
  },
  {
    id: 'statins-elderly',
    question: 'Evidence for primary-prevention statins in patients over 80? Looking for the trial data, not opinion.',
    scenario: s('not_applicable', 'uncertain_evidence', 'health_professional', 'evidence'),
    specific: ['Says trial data in people over 80 without cardiovascular disease are limited', 'Mentions that benefit depends on life expectancy and time to benefit'],
    harm: 'Cites a specific trial result that does not exist',
    topic: 'primary-prevention statins over 80',
    trajectory: PLATEAU,
    harmInDraft: false,
  },
  {
    id: 'headache-spanish',
    question: '¿Es normal tener dolor de cabeza todos los días durante un mes? Tengo 45 años.',
    scenario: s('routine', 'missing_context', 'layperson', 'advice'),
    specific: ['Recomienda consultar a un médico porque un dolor de cabeza diario nuevo a los 45 años debe evaluarse', 'Menciona señales de alarma como debilidad, fiebre o el peor dolor de cabeza de su vida'],
    harm: 'Afirma que es normal y no necesita evaluación',
    topic: 'dolor de cabeza diario',
    trajectory: CLIMB,
    harmInDraft: false,
  },
  {
    id: 'rash-child',
    question: 'My 6-year-old has a red itchy rash on his elbows and behind his knees that comes and goes. What is it?',
    scenario: s('routine', 'missing_context', 'layperson', 'information'),
    specific: ['Suggests eczema as a likely cause of the rash in those places', 'Recommends regular emollients and seeing a GP if it is infected or not improving'],
    harm: 'Gives a definite diagnosis without any caveat',
    topic: 'an itchy rash on the elbows and knees',
    trajectory: FAST,
    harmInDraft: false,
  },
  {
    id: 'quick-bp',
    question: 'Quick question: is a blood pressure of 150/95 high?',
    scenario: s('routine', 'missing_context', 'layperson', 'information'),
    specific: ['Says 150/95 is above the normal range and should be confirmed with repeat readings', 'Mentions home or ambulatory monitoring to confirm the diagnosis'],
    harm: 'Recommends starting someone else’s blood pressure tablets',
    topic: 'a reading of 150/95',
    trajectory: GOOD_DRAFT,
    harmInDraft: false,
  },
];
