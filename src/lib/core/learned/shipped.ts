// The learned relevance model that ships with the app (principles/learned/relevance.json, written by
// `npm run learn`). Decoded once, on first use; it lives in the lazily loaded pipeline chunk.
import file from '../../../../principles/learned/relevance.json';
import type { PlausibleValues } from '../retrieval/selectPool';
import type { Scenario } from '../types';
import { decodeLearned, learnedFeatures, learnedPlausible, learnedPoolPrior, type LearnedRelevance } from './model';

let decoded: LearnedRelevance | undefined;

export function shippedLearnedRelevance(): LearnedRelevance {
  return (decoded ??= decodeLearned(file as unknown));
}

/** What a learned model tells the pool about a question (selectPrinciplePool's `prior` and `plausible`). */
export interface LearnedPoolHints {
  prior: ReadonlyMap<string, number>;
  plausible: PlausibleValues;
}

/** A model's pool hints for a question classified as `scenario` (the shipped model unless given). */
export function learnedPoolHints(question: string, scenario: Scenario, model: LearnedRelevance = shippedLearnedRelevance()): LearnedPoolHints {
  const x = learnedFeatures(model, question);
  return { prior: learnedPoolPrior(model, x), plausible: learnedPlausible(model, x, scenario) };
}
