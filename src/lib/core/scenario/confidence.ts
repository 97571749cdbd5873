// How far the rule classifier can be trusted on one question, so the loop can skip the model's
// classification call when the rules are sure and ask the model when they are not.
//
// The evidence is read from the classifier's behaviour, not its internals (cue lexicons and
// thresholds change): a decision that rests on one word, or sits just at a threshold, flips when
// one word is taken away; a decision carried by several cues does not. Confidence is the share of
// single-word deletions that leave all four dimensions unchanged, discounted when expertise came
// out "unclear" — the classifier's answer when it found no cue at all, a default rather than
// evidence. The threshold was chosen on the dev part of tests/fixtures/scenario-labels.json; the
// held-out part only measures it (see confidence.test.ts).

import { STOPWORDS, hasHan, tokenize } from '../retrieval/text';
import { DIMENSIONS, type Scenario } from '../types';
import type { PresentationLibrary } from './presentationUrgency';
import { classifyScenarioByRules } from './rules';

/**
 * At or above this, the rules' scenario is used without asking the model. Chosen on the dev
 * questions as the lowest threshold (in steps of 0.05) whose accuracy-when-confident, all four
 * dimensions exact, is at least 97.5%: dev 27/27 right at 38% coverage; held-out 7/7 at 22%
 * (the rules get 69% of all held-out questions right).
 */
export const RULE_CONFIDENCE_THRESHOLD = 0.85;

/** Fewer words than this are too little evidence to skip the model, however stable the decision. */
export const MIN_WORDS = 5;

/**
 * Share of a question's words that must be common English words for the English cues to be trusted:
 * a question in another Latin-script language matches few cues, and matching none looks stable.
 */
export const MIN_ENGLISH_SHARE = 0.2;

/** How much an "unclear" expertise (no cue found) lowers confidence. */
const DEFAULT_EXPERTISE_DISCOUNT = 0.85;

export interface RuleClassification {
  scenario: Scenario;
  /** 0…1: how stable the rules' decision is under the loss of any one word. */
  confidence: number;
  /** Whether `confidence` reaches RULE_CONFIDENCE_THRESHOLD. */
  confident: boolean;
}

const sameScenario = (a: Scenario, b: Scenario) => DIMENSIONS.every((d) => a[d] === b[d]);

/** The share of a text's words that are common English words. */
function englishShare(text: string): number {
  const words = tokenize(text);
  return words.length ? words.filter((w) => STOPWORDS.has(w)).length / words.length : 0;
}

/**
 * A person's situation judged routine: the rules found no urgent cue, and an absence is as stable
 * as any decision, but it is where a missed cue does harm ("I don't see the point in going on").
 * Only a cue that fired (emergent, urgent) or a task with no patient situation (not_applicable) is
 * trusted; a routine verdict goes to the model.
 */
const missesPossibleEmergency = (scenario: Scenario) => scenario.urgency === 'routine';

/**
 * The rule classifier's scenario for `said` with its confidence (reading the library's presentation
 * triggers when given, see classifyScenarioByRules). Chinese questions are never
 * confident (the labelled set has none to calibrate the measure against), nor are questions of
 * fewer than MIN_WORDS words: the model decides.
 */
export function classifyWithConfidence(said: string, threshold = RULE_CONFIDENCE_THRESHOLD, library?: PresentationLibrary): RuleClassification {
  const scenario = classifyScenarioByRules(said, library);
  const words = said.split(/\s+/).filter(Boolean);
  if (hasHan(said) || words.length < MIN_WORDS || englishShare(said) < MIN_ENGLISH_SHARE) return { scenario, confidence: 0, confident: false };
  let unchanged = 0;
  for (let i = 0; i < words.length; i++) {
    const without = words.filter((_, j) => j !== i).join(' ');
    if (sameScenario(classifyScenarioByRules(without, library), scenario)) unchanged++;
  }
  const stability = unchanged / words.length;
  const confidence = scenario.expertise === 'unclear' ? stability * DEFAULT_EXPERTISE_DISCOUNT : stability;
  return { scenario, confidence, confident: confidence >= threshold && !missesPossibleEmergency(scenario) };
}
