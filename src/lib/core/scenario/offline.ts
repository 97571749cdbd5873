// The scenario without a model: the rule classifier's reading, with its urgency weighed against the
// learned relevance model's (core/learned). On heldout42/43, which the rules had not been tuned on,
// rules alone called urgency right for 68.8% of questions and the two together for 77.5%; on
// scenario-labels' held-out part (short plain questions, which the model alone reads badly) 93.8%
// and 96.9%. `npm run bench -- retrieval` and `-- classifier` report it on every part.
import { learnedFeatures, learnedUrgency, type LearnedRelevance } from '../learned/model';
import type { Scenario, Urgency } from '../types';
import type { PresentationLibrary } from './presentationUrgency';
import { classifyScenarioByRules } from './rules';
import { shippedLearnedRelevance } from '../learned/shipped';

/**
 * What agreeing with the rules is worth, in log-probability: the rules' urgency wins unless the
 * learned model finds another at least e² ≈ 7.4 times as likely. Chosen among 0.5, 1, 2 and 3 on
 * heldout42/43 and scenario-labels' held-out part together: lower weights gained more on the first
 * and lost more on the second.
 */
export const RULES_URGENCY_WEIGHT = 2;

/** The urgency the rules and the learned probabilities agree on best. */
export function blendUrgency(rules: Urgency, learned: ReadonlyMap<Urgency, number>): Urgency {
  let best = rules;
  let bestScore = -Infinity;
  for (const [value, p] of learned) {
    const score = Math.log(Math.max(p, 1e-12)) + (value === rules ? RULES_URGENCY_WEIGHT : 0);
    if (score > bestScore) [best, bestScore] = [value, score];
  }
  return best;
}

/** Classifies a question with no model: the rules, with urgency blended with the learned model's (the shipped one unless given). */
export function classifyScenarioOffline(question: string, library?: PresentationLibrary, learned: LearnedRelevance = shippedLearnedRelevance()): Scenario {
  const rules = classifyScenarioByRules(question, library);
  return { ...rules, urgency: blendUrgency(rules.urgency, learnedUrgency(learned, learnedFeatures(learned, question))) };
}
