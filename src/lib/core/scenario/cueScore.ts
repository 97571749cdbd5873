// Scoring a question against cue lexicons, shared by the English and the Chinese classifier.

import type { TaskType } from '../types';
import type { Cue } from './cues';
import { aboutNoPatient, animalPoisoning, type NoPatientKind } from '../retrieval/questionFacts';

/** How a question is read: `pastOnly` when it tells a history, so a condition's bare name does not count. */
export interface ScoreOptions {
  pastOnly?: boolean;
}

/** Sums the weights of the cues that match (each cue counts once). */
export function score(text: string, cues: readonly Cue[], options: ScoreOptions = {}): number {
  let total = 0;
  for (const [pattern, weight, flags] of cues) if (!(options.pastOnly && flags?.names) && pattern.test(text)) total += weight;
  return total;
}

/**
 * Scores cues against a question in its two forms: negated words blanked (so "no chest pain" does
 * not count), except that a cue flagged self-negating ("not breathing") reads the plain text.
 */
export function liveScore(live: string, plain: string, cues: readonly Cue[], options: ScoreOptions = {}): number {
  return Math.max(score(live, cues, options), score(plain, cues.filter(([, , flags]) => flags?.selfNegating), options));
}

export const any = (cues: readonly RegExp[], text: string) => cues.some((c) => c.test(text));

/**
 * What kind of question about no person's illness this is, as the classifiers read it (see
 * aboutNoPatient), and whether it tells of an animal swallowing something toxic. A lethal dose asked
 * "for a story" (`lethalDoseAsked`) is still a possible wish to die: the pretext does not make it nobody's.
 */
export function readNoPatient(text: string, lethalDoseAsked: boolean): { kind: NoPatientKind | null; poisoned: boolean } {
  const told = aboutNoPatient(text);
  const kind = told && told !== 'animal' && lethalDoseAsked ? null : told;
  return { kind, poisoned: kind === 'animal' && animalPoisoning(text) };
}

/**
 * The urgency of a question about no person's illness: none — except a dream, whose worry is the
 * dreamer's own situation, routine (labellers read "I keep having this dream that my baby stops
 * breathing… she's fine" and "梦到自己心脏病发作… 现在完全没事" so), and an animal that has swallowed
 * something toxic (`poisoned`, see animalPoisoning), urgent: a vet within hours.
 */
export function noPatientUrgency(kind: NoPatientKind, situation: boolean, poisoned = false): 'urgent' | 'routine' | 'not_applicable' {
  if (kind === 'animal' && poisoned) return 'urgent';
  return kind === 'dream' && situation ? 'routine' : 'not_applicable';
}

/** Timing read as a hypothetical when the question has no patient (an animal or a story, see aboutNoPatient). */
export function noPatient<T extends { hypothetical: boolean; now: boolean }>(nobody: boolean, timing: T): T {
  return nobody ? { ...timing, hypothetical: true, now: false } : timing;
}

/**
 * The task of a question about a story, a screen or teaching material (see aboutNoPatient): nobody is
 * to be advised or dosed, so what it asks for is information ("who's right, how do they treat it
 * these days?", "how should the poster word it?") — unless a document is asked for in so many words.
 * An animal's illness keeps its task: a vet's dose is still a medication question. An animal that has
 * swallowed something toxic (`poisoned`) is asked about for what to do now ("do I need the emergency
 * vet tonight?"), however the pills are named: advice.
 */
export function noPatientTask(kind: NoPatientKind | null, task: TaskType, documentRequested: boolean, poisoned = false): TaskType {
  if (kind === 'animal' && poisoned && task === 'medication') return 'advice';
  if (kind !== 'fiction' && kind !== 'teaching') return task;
  if (task === 'documentation') return documentRequested ? task : 'information';
  // Teaching that asks what research shows ("one slide with real figures", "measured or modelled?") stays evidence.
  if (task === 'evidence' && kind === 'teaching') return task;
  return task === 'advice' || task === 'evidence' || task === 'medication' ? 'information' : task;
}

/**
 * A presentation happening to someone now is not an admin question, whatever service or cost words
 * come with it ("met a guy from an app… condom came off… it's Monday"): what to do comes first.
 */
export function presentationTask(task: TaskType, implied: 'emergent' | 'urgent' | null, happeningNow: boolean): TaskType {
  return task === 'other' && implied !== null && happeningNow ? 'advice' : task;
}
