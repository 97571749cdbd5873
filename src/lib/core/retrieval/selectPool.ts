// Principle pool selection: which principles apply to this question, ranked, within a size budget,
// each with the reason it was chosen. Presentation-specific principles enter only on a trigger.
//
// Scenario fit (applies_when) is combined with BM25 relevance over title, statement and keywords;
// every dimension with a fitting principle is represented. A principle about a named presentation
// (stroke, testicular pain…) is chosen only when the question contains one of its triggers, and then
// ranks first in its dimension; general principles come from the scenario as before. Deterministic;
// disabled principles are never selected.

import { matchQuestion, principleIndexFor, VALUE_BIT, type PoolCandidate, type PrincipleIndex, type QueryMatch } from './principleIndex';
import { stem } from './text';
import { DIMENSIONS, type Dimension, type PoolEntry, type PoolReason, type Scenario } from '../types';

export { buildPrincipleIndex, type PoolCandidate, type PrincipleIndex } from './principleIndex';

export interface PoolOptions {
  /** Maximum pool size (default 12). */
  maxSize?: number;
  /** How many principles of each dimension to keep, when it has fitting ones, before filling by score (default 2). */
  perDimensionFloor?: number;
  /** A prebuilt index of the same principles array (otherwise the last index is reused or one is built). */
  index?: PrincipleIndex;
  /**
   * For general principles, the probability that clinicians would want each in this question's pool
   * (the learned relevance model's reading, core/learned); it adds up to LEARNED_WEIGHT to the score.
   */
  prior?: ReadonlyMap<string, number>;
  /**
   * Scenario values the question may also have besides the classified ones (the learned model's
   * plausible readings, core/learned). A general principle gated to one of them, and not to the
   * classified value, is still a candidate, PLAUSIBLE_FIT_PENALTY lower for each such dimension: a
   * misread task type or urgency no longer shuts out what the question needs. Presentation principles
   * keep their gates, so a stray cannot come in this way.
   */
  plausible?: PlausibleValues;
}

/** For each dimension, values the question may also have. */
export type PlausibleValues = { readonly [D in Dimension]?: readonly Scenario[D][] };

/** Lexical relevance is squashed to 0…LEXICAL_WEIGHT: lex / (lex + LEXICAL_HALF) × LEXICAL_WEIGHT. */
const LEXICAL_HALF = 6;
const LEXICAL_WEIGHT = 3;
/**
 * The learned prior at certainty weighs as much as the fit of a narrow gate plus some words: enough to
 * lift a principle clinicians label for questions like this past a merely fitting one (first chosen
 * on heldout42/43 among 1, 2, 4 and 8, as 4; raised to 6 with plausible readings, below).
 */
const LEARNED_WEIGHT = 6;
/**
 * What fitting a plausible reading instead of the classified one costs, per dimension: a little, so
 * that of two principles with the same words and prior the one that fits the classified scenario
 * ranks first. LEARNED_WEIGHT and this were chosen together by fold-out validation on the 46 tuned
 * relevance parts (every part scored by a model trained without its fold of four): weights 4, 6
 * and 8, penalties 0, 0.5, 1 and 2, and PLAUSIBLE_AT (core/learned) 0.1, 0.15 and 0.2. Must-haves
 * found went from 90.1% (weight 4, no plausible readings) to 91.8%; clean pools unchanged at 98.3%.
 */
const PLAUSIBLE_FIT_PENALTY = 0.5;
/** A prior at least this likely is named in the reason. */
const LEARNED_NAMED = 0.5;
/** A matched presentation outranks anything fit and words alone can score (at most ~2.4 + 3). */
const PRESENTATION_BONUS = 10;
/** Each further trigger of the same presentation in the question adds a little (orders two matches). */
const EXTRA_TRIGGER_BONUS = 0.5;
/**
 * A general principle written for one level of care only — emergencies (open with the action; a
 * clinician's intervention that cannot wait) or urgent problems (name the service and the timeframe)
 * — is the behaviour such an answer is judged on first: it ranks above every other general principle
 * of a pool at that level, whatever words the question shares with it, and below the presentation
 * the question is about. Routine pools have no such rule: their routine-only principles are cautions.
 */
const CARE_LEVEL_ONLY_BONUS = LEXICAL_WEIGHT;
/** At most this many matched terms are named in a reason. */
const REASON_TERMS = 4;

interface Scored {
  doc: number;
  id: string;
  /** Position in the ranking. */
  rank: number;
  dimension: Dimension;
  score: number;
  /** The learned prior it was given (0 for a presentation principle or none). */
  learned: number;
}

const FIT_WORDING: { [D in Dimension]: Record<Scenario[D], string> } = {
  urgency: { emergent: 'an emergency', urgent: 'an urgent problem', routine: 'a routine problem', not_applicable: 'a question with no patient situation' },
  uncertainty: { sufficient_context: 'a question with enough context', missing_context: 'missing context', uncertain_evidence: 'uncertain evidence' },
  expertise: { health_professional: 'a health professional asking', layperson: 'a layperson asking', unclear: 'an asker of unclear expertise' },
  task_type: {
    advice: 'an advice question',
    information: 'an information question',
    medication: 'a medication question',
    health_data: 'a health-data task',
    documentation: 'a documentation task',
    evidence: 'an evidence question',
    other: 'this kind of task',
  },
};

const DIMENSION_WORDING: Record<Dimension, string> = {
  urgency: 'urgency',
  uncertainty: 'uncertainty',
  expertise: 'expertise',
  task_type: 'task type',
};

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Why a principle was chosen, as data: for a presentation, the triggers the question contains; the
 * scenario values it fits; the terms the question shares with it; and whether it is there only to
 * cover its dimension.
 */
function why(index: PrincipleIndex, doc: number, scenario: Scenario, plausible: PlausibleValues | undefined, match: QueryMatch, coverage: boolean, learned: boolean): PoolReason {
  const d = index.docs[doc]!;
  const triggers = match.triggers.get(doc);
  const fits = DIMENSIONS.filter((_, i) => d.fit[i]! > 0).map((dimension): PoolReason['fits'][number] => {
    const allowed = d.principle.applies_when[dimension] as readonly string[] | undefined;
    if (!allowed || allowed.includes(scenario[dimension])) return { dimension, value: scenario[dimension] as string };
    // A general principle in through a plausible reading names that reading.
    const reading = (plausible?.[dimension] as readonly string[] | undefined)?.find((v) => allowed.includes(v));
    if (!d.presentation && reading) return { dimension, value: reading, plausible: true };
    // A presentation let in past its urgency list (see selectPrinciplePool) says what it is treated as.
    return { dimension, value: allowed[0]!, beyondUrgency: true };
  });
  const named: string[] = [];
  const covered = new Set<string>();
  // Trigger words are kept as written; the question's terms are stemmed, so compare stems.
  for (const t of triggers ?? []) if (t.kind === 'words') for (const term of t.terms) covered.add(stem(term));
  for (const p of match.phrases.get(doc) ?? []) {
    const phrase = d.phrases[p]!;
    if (phrase.terms.every((t) => covered.has(t))) continue;
    named.push(phrase.text);
    for (const t of phrase.terms) covered.add(t);
  }
  for (const k of match.keywordsZh.get(doc) ?? []) named.push(k);
  const single = [...match.terms]
    .filter(([t]) => d.terms.has(t) && !covered.has(t))
    .map(([t, surface]) => ({ surface, weight: (index.idf.get(t) ?? 0) * d.terms.get(t)! }))
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface));
  for (const s of single) named.push(s.surface);
  // An emergency sign matched is named first: it is why the question was read as an emergency.
  const ordered = [...(triggers ?? [])].sort((a, b) => Number(Boolean(b.emergency)) - Number(Boolean(a.emergency)));
  const shownTriggers = d.presentation && ordered.length ? ordered.slice(0, 2).map((t) => t.text) : [];
  return {
    triggers: shownTriggers,
    presentation: shownTriggers.length ? d.presentation : null,
    ...(d.presentation && ordered[0]?.emergency ? { emergencySign: true } : {}),
    fits,
    terms: named.slice(0, REASON_TERMS),
    ...(learned ? { learned: true } : {}),
    coverage: coverage && !named.length && !triggers?.length && !learned,
  };
}

/** The scenario bits of a dimension's plausible values. */
function plausibleMask<D extends Dimension>(dimension: D, plausible: PlausibleValues | undefined): number {
  let mask = 0;
  for (const value of plausible?.[dimension] ?? []) mask |= VALUE_BIT[dimension].get(value as Scenario[D]) ?? 0;
  return mask;
}

/** The reason in English words (for the CLI, stored runs and anything without the page's catalogs). */
export function reasonText(r: PoolReason, dimension: Dimension): string {
  const parts: string[] = [];
  if (r.triggers.length) parts.push(`The question mentions ${joinWords(r.triggers.map((t) => `“${t}”`))} (${r.presentation}${r.emergencySign ? ', an emergency sign' : ''})`);
  const fits = r.fits.map((f) =>
    f.beyondUrgency
      ? `${FIT_WORDING.urgency[f.value as Scenario['urgency']]} (whatever the scenario's urgency)`
      : f.plausible
        ? `${(FIT_WORDING[f.dimension] as Record<string, string>)[f.value]!} (a possible reading of the question)`
        : (FIT_WORDING[f.dimension] as Record<string, string>)[f.value]!,
  );
  parts.push(fits.length ? `${parts.length ? 'applies' : 'Applies'} to ${joinWords(fits)}` : `${parts.length ? 'applies' : 'Applies'} to every question`);
  if (r.terms.length) parts.push(`the question ${r.triggers.length ? 'also ' : ''}mentions ${joinWords(r.terms.map((t) => `“${t}”`))}`);
  if (r.learned) parts.push('clinicians chose it for questions like this one');
  if (r.coverage) parts.push(`kept so the pool covers ${DIMENSION_WORDING[dimension]}`);
  return `${parts.join('; ')}.`;
}

/**
 * Ranks the enabled principles that fit the scenario and question and returns at most `maxSize`,
 * keeping up to `perDimensionFloor` of every dimension that has fitting principles, each with the
 * reason it was chosen. A principle fits when, for every dimension its applies_when names, the
 * scenario's value is listed — and, for a principle about a named presentation, when the question
 * contains one of its triggers (such a principle then ranks first in its dimension). The score is
 * the fit (narrower lists weigh more) plus BM25 relevance of title, statement and keywords to the
 * question. Ties break by id, so the result is deterministic.
 */
export function selectPrinciplePool(
  scenario: Scenario,
  question: string,
  principles: readonly PoolCandidate[],
  options: PoolOptions = {},
): PoolEntry[] {
  const maxSize = Math.max(0, Math.floor(options.maxSize ?? 12));
  const floor = Math.max(0, Math.floor(options.perDimensionFloor ?? 2));
  if (maxSize === 0 || principles.length === 0) return [];
  const index = options.index && options.index.principles === principles ? options.index : principleIndexFor(principles);
  const match = matchQuestion(index, question);
  const scenarioBits = DIMENSIONS.map((dim) => VALUE_BIT[dim].get(scenario[dim]) ?? 0);

  const scored: Scored[] = [];
  const { masks, fitTotal } = index;
  const b0 = scenarioBits[0]!;
  // A question that names an emergency presentation and asks what to do is about that presentation
  // whatever urgency the classifier gave it (a rule classifier under-calls "my left ball is killing
  // him"; urgent vs emergent is a judgement). A routine medication or information question that
  // merely names one ("ibuprofen if I have asthma") and any question with no patient situation
  // ("what are the signs of a stroke?") keep the principle out.
  const careBits = (VALUE_BIT.urgency.get('emergent') ?? 0) | (VALUE_BIT.urgency.get('urgent') ?? 0);
  const situation = (b0 & careBits) !== 0 || (scenario.urgency === 'routine' && scenario.task_type === 'advice');
  // The urgency mask of a principle gated to the scenario's level of care only (emergent or urgent).
  const careLevelOnly = scenario.urgency === 'emergent' || scenario.urgency === 'urgent' ? (VALUE_BIT.urgency.get(scenario.urgency) ?? 0) : 0;
  const plausibleBits = DIMENSIONS.map((dim) => plausibleMask(dim, options.plausible));
  for (let doc = 0; doc < index.docs.length; doc++) {
    const m = doc * 4;
    const d = index.docs[doc]!;
    // Dimensions fitted only through a plausible reading (general principles only).
    let plausibleOnly = 0;
    let out = false;
    for (let k = 1; k < 4 && !out; k++) {
      if ((masks[m + k]! & scenarioBits[k]!) !== 0) continue;
      if (!d.presentation && (masks[m + k]! & plausibleBits[k]!) !== 0) plausibleOnly++;
      else out = true;
    }
    if (out || d.principle.enabled === false) continue;
    let bonus = 0;
    if (d.presentation) {
      const hits = match.triggers.get(doc);
      if (!hits) continue;
      if ((masks[m]! & b0) === 0 && !(situation && (masks[m]! & careBits) !== 0)) continue;
      bonus = PRESENTATION_BONUS + EXTRA_TRIGGER_BONUS * (hits.length - 1);
    } else if ((masks[m]! & b0) === 0) {
      if ((masks[m]! & plausibleBits[0]!) === 0) continue;
      plausibleOnly++;
    } else if (careLevelOnly !== 0 && masks[m] === careLevelOnly) bonus = CARE_LEVEL_ONLY_BONUS;
    const learned = d.presentation ? 0 : (options.prior?.get(d.principle.id) ?? 0);
    bonus += LEARNED_WEIGHT * learned - PLAUSIBLE_FIT_PENALTY * plausibleOnly;
    const lex = match.lexical[doc]!;
    scored.push({ doc, rank: 0, id: d.principle.id, dimension: d.principle.dimension, learned, score: bonus + fitTotal[doc]! + (LEXICAL_WEIGHT * lex) / (lex + LEXICAL_HALF) });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  scored.forEach((s, rank) => (s.rank = rank));

  // Coverage first: the best of each dimension, then the second best…, up to the floor.
  const chosen = new Set<Scored>();
  const byDimension = new Map<Dimension, Scored[]>(DIMENSIONS.map((dim) => [dim, []]));
  for (const s of scored) byDimension.get(s.dimension)!.push(s);
  const coverage = new Set<Scored>();
  for (let round = 0; round < floor; round++) {
    const heads = DIMENSIONS.flatMap((dim) => byDimension.get(dim)![round] ?? []).sort((a, b) => a.rank - b.rank);
    for (const s of heads) {
      if (chosen.size >= maxSize) break;
      chosen.add(s);
      coverage.add(s);
    }
  }
  // Then by score. A dimension may hold at most half the pool while others still have candidates.
  const cap = Math.max(floor, Math.ceil(maxSize / 2));
  const count = (dim: Dimension) => [...chosen].filter((s) => s.dimension === dim).length;
  for (const pass of [true, false]) {
    for (const s of scored) {
      if (chosen.size >= maxSize) break;
      if (chosen.has(s) || (pass && count(s.dimension) >= cap)) continue;
      chosen.add(s);
    }
  }

  return scored
    .filter((s) => chosen.has(s))
    .map((s) => {
      const p = index.docs[s.doc]!.principle;
      const earnedOnScore = s.rank < maxSize;
      const reason = why(index, s.doc, scenario, options.plausible, match, coverage.has(s) && !earnedOnScore, s.learned >= LEARNED_NAMED);
      return {
        id: p.id,
        dimension: p.dimension,
        title: p.title,
        reason: reasonText(reason, p.dimension),
        why: reason,
        score: Math.round(s.score * 1000) / 1000,
      };
    });
}
