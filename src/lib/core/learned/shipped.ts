// The learned relevance model that ships with the app (principles/learned/relevance.json, written by
// `npm run learn`). Decoded once, on first use; it lives in the lazily loaded pipeline chunk.
import file from '../../../../principles/learned/relevance.json';
import { decodeLearned, learnedFeatures, learnedPoolPrior, type LearnedRelevance } from './model';

let decoded: LearnedRelevance | undefined;

export function shippedLearnedRelevance(): LearnedRelevance {
  return (decoded ??= decodeLearned(file as unknown));
}

/** The shipped model's pool prior for a question (see selectPrinciplePool's `prior`). */
export function shippedPoolPrior(question: string): ReadonlyMap<string, number> {
  const model = shippedLearnedRelevance();
  return learnedPoolPrior(model, learnedFeatures(model, question));
}
