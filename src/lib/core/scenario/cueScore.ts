// Scoring a question against cue lexicons, shared by the English and the Chinese classifier.

import type { Cue } from './cues';

/** Sums the weights of the cues that match (each cue counts once). */
export function score(text: string, cues: readonly Cue[]): number {
  let total = 0;
  for (const [pattern, weight] of cues) if (pattern.test(text)) total += weight;
  return total;
}

/**
 * Scores cues against a question in its two forms: negated words blanked (so "no chest pain" does
 * not count), except that a cue flagged self-negating ("not breathing") reads the plain text.
 */
export function liveScore(live: string, plain: string, cues: readonly Cue[]): number {
  return Math.max(score(live, cues), score(plain, cues.filter(([, , flags]) => flags?.selfNegating)));
}

export const any = (cues: readonly RegExp[], text: string) => cues.some((c) => c.test(text));
