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

import { hasHan } from '../retrieval/text';
import { DIMENSIONS, type Scenario } from '../types';
import { classifyScenarioByRules } from './rules';

/**
 * At or above this, the rules' scenario is used without asking the model. Chosen on the dev
 * questions as the lowest threshold (in steps of 0.05) whose accuracy-when-confident, all four
 * dimensions exact, is at least 97.5%: dev 47/48 right at 67% coverage; held-out 14/16 (88%) at 50%,
 * against 69% on all held-out questions.
 */
export const RULE_CONFIDENCE_THRESHOLD = 0.8;

/** Fewer words than this are too little evidence to skip the model, however stable the decision. */
export const MIN_WORDS = 5;

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

/**
 * The rule classifier's scenario for `said` with its confidence. Chinese questions are never
 * confident (the labelled set has none to calibrate the measure against), nor are questions of
 * fewer than MIN_WORDS words: the model decides.
 */
export function classifyWithConfidence(said: string, threshold = RULE_CONFIDENCE_THRESHOLD): RuleClassification {
  const scenario = classifyScenarioByRules(said);
  const words = said.split(/\s+/).filter(Boolean);
  if (hasHan(said) || words.length < MIN_WORDS) return { scenario, confidence: 0, confident: false };
  let unchanged = 0;
  for (let i = 0; i < words.length; i++) {
    const without = words.filter((_, j) => j !== i).join(' ');
    if (sameScenario(classifyScenarioByRules(without), scenario)) unchanged++;
  }
  const stability = unchanged / words.length;
  const confidence = scenario.expertise === 'unclear' ? stability * DEFAULT_EXPERTISE_DISCOUNT : stability;
  return { scenario, confidence, confident: confidence >= threshold };
}
