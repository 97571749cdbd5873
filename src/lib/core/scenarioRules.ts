// The deterministic scenario classifier: used when the model's classification is unusable and by
// `clinrevise scenario`. Keyword cues only, no LLM; it errs towards the safer (more urgent) reading.

import type { Scenario } from './types';

const has = (text: string, patterns: RegExp[]) => patterns.some((p) => p.test(text));

const EMERGENT = [
  /chest (pain|tightness|pressure)/, /can'?t breathe|cannot breathe|struggling to breathe|short(ness)? of breath/,
  /face (is )?droop|slurred speech|weakness (on|in) one side|stroke/, /unconscious|unresponsive|not breathing|collapsed/,
  /seizure|fit(ting)? for/, /suicid|kill myself|end my life|overdose|took too many/, /anaphyla|swollen (lips|tongue|throat)/,
  /severe bleeding|bleeding (heavily|won'?t stop)|vomiting blood|black tarry/, /stiff neck.*(fever|rash)|rash.*(doesn'?t fade|won'?t fade)/,
];
const URGENT = [
  /high fever|fever of (39|40|10[3-5])/, /(baby|infant|newborn).*(fever|temperature)/, /blood in (urine|stool|poo)/,
  /severe (pain|headache|abdominal)/, /(worsening|getting worse) (fast|quickly)/, /dehydrat/, /pregnan.*(bleed|pain)/,
  /testic.*pain/, /can'?t (keep|hold) (anything|fluids) down/,
];
const PROFESSIONAL = [
  /\b(i am|i'm) an? (doctor|physician|nurse|pharmacist|gp|resident|paramedic|midwife|clinician)/, /\bmy patient\b/,
  /\b(differential|contraindicat|pharmacokinetic|titrat|eGFR|HbA1c|mg\/kg|q\d+h|bid|tds|prn)\b/i, /\bguideline\b/,
];
const LAYPERSON = [/\bmy (son|daughter|child|baby|mum|mom|dad|husband|wife|partner)\b/, /\b(i have|i've got|i feel|should i|can i)\b/];

/** Classifies a question along the four clinical dimensions from keyword cues. */
export function classifyScenarioByRules(question: string): Scenario {
  const q = question.toLowerCase();
  const urgency = has(q, EMERGENT) ? 'emergent' : has(q, URGENT) ? 'urgent' : 'routine';
  const expertise = has(q, PROFESSIONAL) ? 'health_professional' : has(q, LAYPERSON) ? 'layperson' : 'unclear';
  const task_type = /\b(summari[sz]e|extract|lab results?|these results)\b/.test(q)
    ? 'health_data'
    : /\b(write|draft) (a|an|the) (letter|note|summary|referral)|soap note|discharge summary\b/.test(q)
      ? 'documentation'
      : /\b(dose|dosage|mg|tablet|pill|medication|medicine|drug|interaction|side effect)/.test(q)
        ? 'medication'
        : /\b(evidence|study|studies|trial|meta-analysis|research)\b/.test(q)
          ? 'evidence'
          : /\b(should i|what should|can i|how do i|what can i)\b/.test(q)
            ? 'advice'
            : 'information';
  const uncertainty = /\b(evidence|studies|controversial|unclear|conflicting)\b/.test(q)
    ? 'uncertain_evidence'
    : q.split(/\s+/).length < 12
      ? 'missing_context'
      : 'sufficient_context';
  return { urgency, uncertainty, expertise, task_type };
}
