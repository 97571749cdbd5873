// The deterministic scenario classifier: used when the model's classification is unusable and by
// `clinrevise scenario`. Weighted cue lexicons over the normalised question, with negation ("no chest
// pain" is not chest pain) and framing (asking what a stroke looks like is not having one). No LLM.
// English cues are in cues.ts, Simplified Chinese ones in cuesZh.ts; this file holds the decisions.

import { hasHan, isSpanishOrFrench, scanCjk, scanQuestion } from '../retrieval/text';
import type { Expertise, Scenario, TaskType, Uncertainty, Urgency } from '../types';
import {
  ACUTE_NOW,
  ADVICE_FRAME,
  CHRONIC,
  CONTRAST,
  HAPPENING_AS_ASKED,
  HISTORY,
  HYPOTHETICAL,
  SETTLED_SINCE,
  CONTESTED,
  CONTEXT_FACTS,
  DOCUMENT_NAMED,
  DOCUMENT_REQUEST,
  FIGURES_TO_QUOTE,
  DRUG,
  EMERGENT,
  EVIDENCE,
  GENERAL_FRAME,
  HEALTH_DATA,
  INFORMATION_FRAME,
  LAB_VALUE,
  LETHAL_DOSE,
  RESEARCH_ASKED,
  RESULT_EXPLANATION,
  LAY,
  NON_CLINICAL_STAFF,
  REPORTED_RESULTS,
  MEDICATION_FRAME,
  OTHER,
  PATIENT_SITUATION,
  PROFESSIONAL,
  RECORD_NOUN,
  SETTLED,
  SITUATION,
  STRONG_NOW,
  TECHNICAL,
  TODAY,
  URGENT,
} from './cues';
import { any, liveScore, noPatient, noPatientTask, noPatientUrgency, presentationTask, readNoPatient, score } from './cueScore';
import { presentationUrgency, settledUrgency, withPresentationUrgency, type PresentationLibrary } from './presentationUrgency';
import { classifyChineseScenario } from './rulesZh';
import { ES_FR_ADMIN, ES_FR_ADVICE, ES_FR_EMERGENT, ES_FR_LAY, ES_FR_MEDICINE, ES_FR_MEDICINE_ASKED, ES_FR_PERSONAL, ES_FR_URGENT } from './cuesEsFr';

/** The question in the two forms the cues read: every word, and with negated words blanked out. */
interface Text {
  /** Lower-case words separated by single spaces (apostrophes dropped: "can't" → "cant"). */
  plain: string;
  /** The same, with words a negation covers replaced by "_" ("no chest pain" → "no _ _"). */
  live: string;
  words: number;
}

function prepare(question: string): Text {
  const tokens = scanQuestion(question);
  return {
    plain: ` ${tokens.map((t) => t.word).join(' ')} `,
    live: ` ${tokens.map((t) => (t.negated ? '_' : t.word)).join(' ')} `,
    words: tokens.length,
  };
}

/** Emergent and urgent cue scores of the Latin-script words of a question (also used for mixed Chinese text). */
export function englishUrgencyScores(question: string): { emergent: number; urgent: number } {
  const t = prepare(question);
  return { emergent: liveScore(t.live, t.plain, EMERGENT), urgent: liveScore(t.live, t.plain, URGENT) };
}


/** Something new told after a settled past (see timingOf). */
const SETTLED_THEN_NEW = new RegExp(`${SETTLED_SINCE.source}.*(\\b(but|and) now\\b|\\bnow (his|her|my|he|she|i|it|the|theres)\\b|\\b(again|suddenly|this time)\\b)`);

/** How a question's time reads: a history only (bare condition names do not count), hypothetical, or happening now. */
interface Timing {
  pastOnly: boolean;
  hypothetical: boolean;
  /** Happening now, for a named presentation to raise urgency (see withPresentationUrgency). */
  now: boolean;
  /** A past episode that has not come back, and nothing told as today (see SETTLED_SINCE). */
  settledPast: boolean;
}

function timingOf(t: Text, situation: boolean, generalFrame: boolean): Timing {
  const history = any(HISTORY, t.plain) || any(CHRONIC, t.plain);
  // "Nothing like it since" settles a past episode, unless something after it is new ("he's been fine
  // since, but now his face has dropped"): a contrast, or "now his…", again, suddenly told after it
  // ("nothing like it since. Should I do anything about it now?" stays settled).
  const settled = history && SETTLED_SINCE.test(t.plain) && !any(CONTRAST, t.plain) && !SETTLED_THEN_NEW.test(t.plain);
  const strong = any(CONTRAST, t.plain) || (!settled && any(STRONG_NOW, t.plain));
  return {
    pastOnly: history && !strong,
    hypothetical: (generalFrame && !situation) || (any(HYPOTHETICAL, t.plain) && !HAPPENING_AS_ASKED.test(t.plain)),
    now: strong || (any(ACUTE_NOW, t.plain) && !history),
    settledPast: settled && !TODAY.test(t.plain),
  };
}

function classifyUrgency(t: Text, task: TaskType, situation: boolean, timing: Timing): Urgency {
  if (task === 'documentation' || task === 'other') return 'not_applicable';
  // Whose records or decision: "my results", "my doctor wants me to…" make it someone's situation.
  // A research team's own project ("our pilot", "our trial") or a programme run ("our breast screening programme") is not anyone's health.
  const personal = /\b(my|our)\b(?! (pilot|trial|study|studies|protocol|review|audit|journal club|department|unit|team|service|research|grant|project)\b| (\w+ ){0,2}(programme|program)\b)/.test(t.plain);
  if (task === 'health_data' || task === 'evidence') return personal ? 'routine' : 'not_applicable';
  // Cues that include their own negation ("rash that doesn't fade", "not breathing") read the plain text.
  const emergent = liveScore(t.live, t.plain, EMERGENT, timing);
  const urgent = liveScore(t.live, t.plain, URGENT, timing);
  if (LETHAL_DOSE.test(t.plain)) return emergent >= 3 && !timing.hypothetical ? 'emergent' : 'urgent';
  // Asking what an emergency looks like, with nobody in it, or what to do if one ever happens, is not an emergency.
  // The emergency cues of a past episode that has not come back tell what happened then.
  if (!timing.hypothetical && !timing.settledPast) {
    if (emergent >= 3) return 'emergent';
    if (emergent >= 2 || urgent >= 2) return 'urgent';
  }
  // A definition asked for in a hypothetical frame ("is a heart attack the same thing as a cardiac arrest? settle it")
  // is general knowledge, whoever the preamble names.
  if ((!situation || (timing.hypothetical && task === 'information')) && (task === 'information' || task === 'medication')) {
    // Managing a condition or acting on a medicine implies someone doing it; facts about them do not.
    const acting = /\b(treat|treatment|treating|heal|healing|recover|recovery|get rid of|cure|relieve|remedy|remedies|exercise with|go away|is it (safe|ok|okay|alright) to|can i|should i)\b/;
    return acting.test(t.plain) ? 'routine' : 'not_applicable';
  }
  return 'routine';
}

/** A question about how much of a medicine to give: its dose, a dose change, a renal or weight adjustment. */
const DOSE_QUESTION = /\b(dose|doses|dosing|dosage|dose reduction|reduce the dose|reduced dose|dose adjust\w*|renally adjust\w*|adjust the dose|criteria for (the )?(lower|reduced) dose)\b/;

function classifyTask(t: Text, situation: boolean, emergency: boolean): TaskType {
  const text = t.plain;
  // "Rewrite this radiology report in plain English" works on a record: health data, not a new document.
  const aboutRecord = new RegExp(`\\b(rewrite|translate|explain|reword|simplify|summari[sz]e|extract) (\\w+ ){0,3}${RECORD_NOUN}\\b`).test(text);
  if (FIGURES_TO_QUOTE.test(text)) return 'evidence';
  if (DOCUMENT_REQUEST.test(text) && !aboutRecord) return 'documentation';
  if (RESEARCH_ASKED.test(text)) return 'evidence';
  const labValues = text.match(LAB_VALUE)?.length ?? 0;
  // Values told along with an emergency happening now ("temp 39.4, her neck hurts and the light hurts her
  // eyes, is that ok?") are the story, not results to read.
  const emergencyNow = emergency && situation;
  // One value asked about ("explain what an HbA1c of 58 means for me") is a result to explain too.
  if (any(HEALTH_DATA, text) && !emergencyNow) return 'health_data';
  // Values given to size a named medicine ("creatinine 168, eGFR 24, on apixaban 5 mg: does she meet the
  // dose-reduction criteria?") ask about the medicine; values given on their own ask about the results.
  const dosing = DRUG.test(text) && DOSE_QUESTION.test(text);
  if (!dosing && !emergencyNow && (labValues >= 2 || (labValues === 1 && RESULT_EXPLANATION.test(text)))) return 'health_data';
  if (DOCUMENT_NAMED.test(text)) return 'documentation';
  if (any(EVIDENCE, text) && !/\bwhat should i study\b|\bstudy (to|for|medicine|nursing)\b/.test(text)) return 'evidence';
  // Someone in an emergency is asked about before any admin word ("…happier if I wasn't around, after losing my job").
  if (emergencyNow && !/\b(differential|ddx|what could (it|this) be)\b/.test(text)) return 'advice';
  if (any(OTHER, text)) return 'other';
  // Medicines asked about together at a pharmacy counter ("community pharmacist - lady wants Daktarin and some Nurofen, on warfarin").
  if (namedMedicines(text) >= 2 && /\b(pharmacist|chemist|at the counter|over the counter|otc|dispensing|dispensed)\b/.test(text)) return 'medication';
  const info = any(INFORMATION_FRAME, text);
  if (DRUG.test(text) && any(MEDICATION_FRAME, text)) return 'medication';
  if (/\b(side effects? of|dose of|dosage of|interactions? (between|of|with))\b/.test(text)) return 'medication';
  // A medicine's name and then "dose" as the first words ("sugammadex dose for deep roc block, 118kg").
  if (/^ [a-z]{5,} (dose|dosing|dosage|regimen)\b/.test(text)) return 'medication';
  const advice = any(ADVICE_FRAME, text);
  if (advice && !(info && /^ (what|whats|why|how does|explain|describe|define)\b/.test(text) && !situation)) {
    return info && !/\b(should|do i need|what (do|should|can) i do|what to do|tips|advice|how (do|can|should) i|do (i|we) (start|give|stop|wait|call|send|admit|deliver))\b/.test(text) ? 'information' : 'advice';
  }
  if (info) return 'information';
  return situation ? 'advice' : 'information';
}

function classifyExpertise(t: Text): Expertise {
  const technical = new Set(t.plain.match(TECHNICAL) ?? []).size;
  // Lab names pasted from one's own results (REPORTED_RESULTS) are not a clinician's vocabulary.
  const vocabulary = REPORTED_RESULTS.test(t.plain) ? 0 : technical >= 3 ? 3 : technical === 2 ? 1 : 0;
  const pro = score(t.plain, PROFESSIONAL) + vocabulary;
  const lay = score(t.plain.replace(/\bmy (patient|patients|pt|pts|ward|students|nursing students|medical students|trainees|team)\b/g, ' '), LAY);
  // Non-clinical staff relaying a caller or asking about admin: not a clinician, not a patient unless they tell their own story.
  if (NON_CLINICAL_STAFF.test(t.plain)) return lay >= 4 ? 'layperson' : 'unclear';
  if (pro >= 6) return 'health_professional';
  if (pro >= 3 && pro > lay) return 'health_professional';
  if (lay >= 2) return 'layperson';
  return 'unclear';
}

/** Generic medicine words ("tablets", "meds") that name no particular medicine. */
const GENERIC_MEDICINE = /^(medications?|medicines?|meds|drugs?|tablets?|pills?|capsules?|syrup|liquid|cream|ointment|patch|injection|jab|supplements?|painkillers?|the pill|fluids)$/;

/** How many different particular medicines a question names. */
function namedMedicines(text: string): number {
  const global = new RegExp(DRUG.source, 'g');
  return new Set([...text.matchAll(global)].map((m) => m[0]).filter((w) => !GENERIC_MEDICINE.test(w))).size;
}

function classifyUncertainty(t: Text, task: TaskType, situation: boolean): Uncertainty {
  const text = t.plain;
  if (task === 'evidence' || (any(CONTESTED, text) && task !== 'documentation' && task !== 'health_data' && task !== 'other')) {
    return 'uncertain_evidence';
  }
  if (task === 'other') return 'sufficient_context';
  if (!situation && task !== 'medication') {
    return t.words <= 3 || (task === 'advice' && t.words <= 6) ? 'missing_context' : 'sufficient_context';
  }
  const facts = CONTEXT_FACTS.filter((c) => c.test(text)).length;
  const content = text.trim().split(' ').filter((w) => w.length > 2).length;
  if (task === 'documentation') return content < 14 ? 'missing_context' : 'sufficient_context';
  if (task === 'medication') {
    // A dose for a child needs age or weight; an unnamed medicine ("my tablets") needs naming.
    const child = /\b(child|children|kid|baby|toddler|infant|son|daughter|\d+ year old)\b/.test(text);
    const dose = /\b(how much|how many|dose|dosage|ml|mg)\b/.test(text);
    const ageOrWeight = /\b\d+ ?(kg|kgs|lbs?)\b|\b\d+ ?(years?|months?|weeks?) old\b|\baged? \d+\b/.test(text);
    if (child && dose && !ageOrWeight) return 'missing_context';
    if (/\bmy (\w+ )?(tablets|pills|medication|medicine|meds|pill)\b/.test(text) && !/\bbirth control pill\b/.test(text) && !DRUG.test(text.replace(/\b(tablets|pills|medication|medicine|meds|pill|blood pressure)\b/g, ' '))) return 'missing_context';
    // "Could I take Sudafed for my blocked nose? I'm on amlodipine for high blood pressure" names both
    // medicines and what each is for; "Can I take ibuprofen while I'm on sertraline?" still leaves the why out.
    const reasonsGiven = namedMedicines(text) >= 2 && /\bfor (my|his|her|a|an|high|low)\b/.test(text);
    if (/\b(can|could|should) i (take|have|use|mix)\b/.test(text) && facts === 0 && content < 12 && !reasonsGiven) return 'missing_context';
    if (/\b(on \d+|many|several|lots of) (different )?(tablets|medications|medicines|pills|drugs)\b/.test(text)) return 'missing_context';
    if (/\bforgot|missed\b/.test(text) && !/\b\d+ ?(mg|mcg)\b/.test(text)) return 'missing_context';
    return 'sufficient_context';
  }
  if (content <= 5) return 'missing_context';
  if (facts === 0 && /\b(what could (it|this) be|what should i do|what to do|is (this|it) normal|do i need|should i)\b/.test(text)) return 'missing_context';
  if (/\b(isnt|not) getting (any )?better\b|\bon and off\b|\bkeeps? (coming back|happening)\b/.test(text) && facts <= 1) return 'missing_context';
  if (/\b(late|negative|positive) (and|but)\b|\btest is (negative|positive)\b/.test(text) && facts === 0) return 'missing_context';
  return 'sufficient_context';
}

/**
 * A Spanish or French question: the English reading (which finds little) corrected by the few cues
 * cuesEsFr.ts has — an emergency or an urgent problem described, a relative or the asker's own
 * situation, a request for what to do, a medicine asked about. An emergency described is advice for
 * someone now; a medicine someone asks to take or give, outside an emergency, is a medication question
 * about their own situation.
 */
function readSpanishOrFrench(t: Text, english: Scenario): Scenario {
  const emergent = any(ES_FR_EMERGENT, t.plain);
  const urgent = !emergent && any(ES_FR_URGENT, t.plain);
  const calm = !emergent && !urgent;
  const medicine = calm && ES_FR_MEDICINE.test(t.plain) && ES_FR_MEDICINE_ASKED.test(t.plain);
  const acting = emergent || urgent || ES_FR_ADVICE.test(t.plain);
  // What to do, or which medicine to take, for the asker or a relative: someone's situation, not general knowledge.
  const someones = (medicine || acting) && ES_FR_PERSONAL.test(t.plain);
  // Registering with a GP or the health system, outside an emergency, is admin: nobody's health.
  const admin = calm && !medicine && ES_FR_ADMIN.test(t.plain);
  const urgency: Urgency = emergent ? 'emergent' : urgent ? 'urgent' : admin ? 'not_applicable' : someones && english.urgency === 'not_applicable' ? 'routine' : english.urgency;
  return {
    urgency,
    uncertainty: english.uncertainty,
    expertise: ES_FR_LAY.test(t.plain) && english.expertise === 'unclear' ? 'layperson' : english.expertise,
    task_type: admin ? 'other' : medicine ? 'medication' : acting && (english.task_type === 'information' || english.task_type === 'other') ? 'advice' : english.task_type,
  };
}

/**
 * Classifies a question along the four clinical dimensions from cue lexicons (no model); given the
 * principle library, a named emergency presentation among its triggers raises the urgency (see
 * withPresentationUrgency). A question
 * with Chinese characters is read by the Chinese cues; any other is read as English (a question in
 * another language matches few cues and lands on the cautious defaults, never on a presentation).
 */
export function classifyScenarioByRules(question: string, library?: PresentationLibrary): Scenario {
  const implied = library ? presentationUrgency(question, library) : null;
  if (hasHan(question)) return classifyChineseScenario(scanCjk(question), englishUrgencyScores(question), implied);
  const t = prepare(question);
  const expertise = classifyExpertise(t);
  const situation = any(expertise === 'health_professional' ? PATIENT_SITUATION : SITUATION, t.plain);
  const generalFrame = any(GENERAL_FRAME, t.plain);
  // A pet's illness or a character's is nobody's emergency: read like a hypothetical.
  const { kind: noPatientKind, poisoned } = readNoPatient(question, LETHAL_DOSE.test(t.plain));
  const nobody = noPatientKind !== null;
  const timing = noPatient(nobody, timingOf(t, situation, generalFrame));
  // Read as classifyUrgency reads it: cues that name their own negation ("if I wasn't around") read the plain text.
  // An emergency presentation happening to someone now is asked about for what to do, whatever cost or
  // remedy words come with it ("hospitals here cost a fortune", "would milk of magnesia be sensible?").
  const presentationNow = implied === 'emergent' && situation && timing.now && !timing.hypothetical;
  const emergencyCue = (liveScore(t.live, t.plain, EMERGENT, timing) >= 3 && !timing.hypothetical) || presentationNow;
  const task_type = presentationTask(noPatientTask(noPatientKind, classifyTask(t, situation, emergencyCue), DOCUMENT_REQUEST.test(t.plain), poisoned), implied, situation && timing.now && !timing.hypothetical);
  const scenario: Scenario = {
    // Nobody's situation (a pet, a story) has no urgency; its questions are general ones. A dream's worry is the dreamer's.
    urgency: noPatientKind ? noPatientUrgency(noPatientKind, situation, poisoned) : settledUrgency(withPresentationUrgency(
      classifyUrgency(t, task_type, situation, timing),
      implied,
      task_type,
      situation && !timing.hypothetical,
      expertise === 'health_professional',
      timing.now,
      TODAY.test(t.plain),
      !timing.pastOnly,
    ), implied, SETTLED.test(t.live)),
    uncertainty: classifyUncertainty(t, task_type, situation),
    expertise,
    task_type,
  };
  return isSpanishOrFrench(t.plain.trim().split(' ')) ? readSpanishOrFrench(t, scenario) : scenario;
}
