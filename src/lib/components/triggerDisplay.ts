// A presentation's trigger list as a clinician reads it: the single terms, the combinations (each a
// list of parts, each part its alternatives) and the exclusions, from the syntax principles/FORMAT.md
// defines ("a|b + c|d", "@child", "word*", "!…", "emergency: …"). Display only: matching is core/retrieval's.

import { EMERGENCY_SIGN } from '../core/types';

/** One alternative of a part: a term as written (a "*" prefix shown as "…"), or a fact about the person. */
export type TriggerAlternative = { kind: 'term'; text: string } | { kind: 'fact'; fact: string };

/** A combination: every part must occur, each part as one of its alternatives. */
export type TriggerCombination = TriggerAlternative[][];

export interface TriggerGroups {
  /** Single terms, any one of which chooses the principle. */
  terms: string[];
  /** Combinations, any one of which chooses it. */
  combinations: TriggerCombination[];
  /** What keeps it out even when a trigger matched (each a term or a combination, as parts). */
  exclusions: TriggerCombination[];
  /** Emergency signs ("emergency: …"): they choose it too, and make the question an emergency when happening now. */
  emergencySigns: TriggerCombination[];
}

function alternative(raw: string): TriggerAlternative | null {
  const text = raw.trim();
  if (!text) return null;
  if (text.startsWith('@')) return { kind: 'fact', fact: text.slice(1) };
  return { kind: 'term', text: shown(text) };
}

/** A term as shown: a trailing "*" (any word it begins) becomes "…". */
function shown(term: string): string {
  return term.replace(/\*(?=\s|$)/g, '…');
}

function parts(text: string): TriggerCombination {
  return text
    .split('+')
    .map((part) => part.split('|').flatMap((a) => alternative(a) ?? []))
    .filter((alts) => alts.length > 0);
}

/** Sorts a trigger list into terms, combinations and exclusions, in the order written. */
export function groupTriggers(triggers: readonly string[]): TriggerGroups {
  const groups: TriggerGroups = { terms: [], combinations: [], exclusions: [], emergencySigns: [] };
  for (const raw of triggers) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const sign = EMERGENCY_SIGN.exec(trimmed);
    if (sign) {
      const rest = trimmed.slice(sign[0].length);
      const combination = rest.startsWith('!') ? [] : parts(rest);
      if (combination.length) groups.emergencySigns.push(combination);
    } else if (trimmed.startsWith('!')) {
      const combination = parts(trimmed.slice(1));
      if (combination.length) groups.exclusions.push(combination);
    } else if (/[+|]/.test(trimmed) || trimmed.startsWith('@')) {
      const combination = parts(trimmed);
      if (combination.length) groups.combinations.push(combination);
    } else groups.terms.push(shown(trimmed));
  }
  return groups;
}
