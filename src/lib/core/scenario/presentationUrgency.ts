// The urgency a question's named presentations imply. The library's presentation principles carry
// their own urgency (an emergency-only principle such as stroke or testicular pain, or one for
// emergent or urgent care such as a thunderclap headache), and their triggers are the library's
// richest reading of how people describe those presentations, in English and Chinese. The rule
// classifier's own cue lexicons cannot list every phrasing; a question that names such a
// presentation is at least as urgent as the principle says, so the classifier reads the triggers too.

import { matchQuestion, principleIndexFor, type PoolCandidate, type PrincipleIndex } from '../retrieval/principleIndex';
import type { TaskType, Urgency } from '../types';

/** The principles (or their prebuilt index) whose triggers inform the classifier. */
export type PresentationLibrary = readonly PoolCandidate[] | PrincipleIndex;

const indexOf = (library: PresentationLibrary): PrincipleIndex => ('docs' in library ? library : principleIndexFor(library));

/**
 * The most urgent level the question's triggered presentations require: 'emergent' when one of
 * them applies only to emergencies or the question shows one of its emergency signs ("emergency: …"
 * triggers, see EMERGENCY_SIGN), 'urgent' when one applies only to emergent or urgent care, and
 * null when none does (no trigger, or only presentations that also fit routine questions, such as
 * alcohol withdrawal or emergency contraception). Disabled principles say nothing.
 */
export function presentationUrgency(question: string, library: PresentationLibrary): Extract<Urgency, 'emergent' | 'urgent'> | null {
  const index = indexOf(library);
  const { triggers } = matchQuestion(index, question);
  let floor: 'urgent' | null = null;
  for (const [doc, matched] of triggers) {
    const principle = index.docs[doc]!.principle;
    if (principle.enabled === false) continue;
    // A red flag the library names ("emergency: sciatica|back pain + wipe|bladder") is an emergency
    // whatever other care the principle also covers (DKA's sick-day rules, a headache's same-day flags).
    if (matched.some((t) => t.emergency)) return 'emergent';
    const allowed = principle.applies_when.urgency;
    if (!allowed?.length || allowed.some((v) => v === 'routine' || v === 'not_applicable')) continue;
    if (allowed.every((v) => v === 'emergent')) return 'emergent';
    floor = 'urgent';
  }
  return floor;
}

/**
 * An emergency reading of an event that is over ("had a fit… came round and is fine now", "昏了几秒就醒了
 * 现在正常") comes down to urgent when the presentations it names are ones for emergent or urgent care
 * and none is an emergency-only one or shows an emergency sign (`implied` is 'urgent'): a first
 * seizure or a faint with red flags is assessed promptly, not with an ambulance for what has passed
 * (the labelled sets: a first seizure 18 of 19 times urgent, a blackout 14 of 14). Stroke signs that
 * fade and chest pain keep their emergency: their principles are emergency-only.
 */
export function settledUrgency(urgency: Urgency, implied: 'emergent' | 'urgent' | null, settled: boolean): Urgency {
  return urgency === 'emergent' && implied === 'urgent' && settled ? 'urgent' : urgency;
}

/** The more urgent of two levels. */
export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  const order: readonly Urgency[] = ['not_applicable', 'routine', 'urgent', 'emergent'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/**
 * Raises a classified urgency to what a named presentation implies, when the question is someone's
 * situation asked about now: advice for a person, or a clinician's question about a described patient
 * (a drug or a next step for "58M, tearing back pain, BP 190/100"), or a remedy asked for while the
 * presentation is happening. An information question that merely names a presentation, a medicine
 * question about one that is not happening now ("ibuprofen for my migraine?") and a general question
 * ("what are the signs of a stroke?") keep their urgency, and so does one that is not happening now
 * (`now`: a sudden onset or a time just past, and nothing long-standing, recurring or planned —
 * "my migraine is back", "headaches most afternoons", "he had a stroke five years ago").
 */
export function withPresentationUrgency(
  urgency: Urgency,
  implied: 'emergent' | 'urgent' | null,
  task: TaskType,
  situation: boolean,
  patientOfClinician: boolean,
  now: boolean,
  today = now,
  untimed = false,
): Urgency {
  // An emergency sign today on top of a long-standing condition ("bad back for years… today my
  // bottom is numb and I can't pass water") is the emergency: for an emergent presentation a time
  // today is enough, whatever history the question also tells. So is no time at all (`untimed`:
  // nothing past, long-standing or recurring is told — "he's stopped sweating, skin really hot,
  // saying random stuff"): an emergency described with no time is described as it is.
  const happening = now || (implied === 'emergent' && (today || untimed));
  if (!implied || !situation || !happening) return urgency;
  // A remedy asked for while a presentation is happening ("can I just give her some Gaviscon and see
  // how she is in the morning?" with a jaw ache and clamminess for the last hour) is still that
  // presentation; the triggers and `now` already keep out what is long-standing or recurring.
  const asksNow = task === 'advice' || task === 'medication' || (patientOfClinician && task === 'information');
  return asksNow ? moreUrgent(urgency, implied) : urgency;
}
