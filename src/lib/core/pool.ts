// Principle pool selection: which principles apply to this question, ranked, within a size budget,
// each with the reason it was chosen. Scenario fit (applies_when) is combined with BM25 relevance
// over title, statement and keywords; every dimension with a fitting principle is represented.
// Deterministic; disabled principles are never selected. The index is built once per library.

import { contentTerms, isContentToken, scanQuestion, stem, tokenize } from './text';
import { DIMENSIONS, SCENARIO_VALUES, type Dimension, type PoolEntry, type Principle, type Scenario } from './types';

/** A principle as the library holds it: the record plus whether the user has it switched on. */
export type PoolCandidate = Principle & { enabled?: boolean };

export interface PoolOptions {
  /** Maximum pool size (default 12). */
  maxSize?: number;
  /** How many principles of each dimension to keep, when it has fitting ones, before filling by score (default 2). */
  perDimensionFloor?: number;
  /** A prebuilt index of the same principles array (otherwise one is built and cached per array). */
  index?: PrincipleIndex;
}

/**
 * How much each field counts towards a term's weight in a principle (BM25F-style field boosts). A
 * one-word keyword counts most; a word inside a multi-word keyword counts less on its own ("chest"
 * from "chest infection"), the whole phrase earning its own bonus when the question contains it.
 */
const FIELD_WEIGHT = { keyword: 3, phraseWord: 1.5, title: 1.5, statement: 0.4 } as const;
/** BM25 saturation and length normalisation. */
const BM25_K1 = 1.2;
const BM25_B = 0.5;
/** Bonus per extra word when a multi-word keyword occurs as a whole phrase in the question. */
const PHRASE_BONUS_PER_WORD = 1.2;
/** A keyword phrase of only stop words ("should i", "what could it be") is weaker evidence. */
const STOPWORD_PHRASE_BONUS_PER_WORD = 0.6;
/** Lexical relevance is squashed to 0…LEXICAL_WEIGHT: lex / (lex + LEXICAL_HALF) × LEXICAL_WEIGHT. */
const LEXICAL_HALF = 6;
const LEXICAL_WEIGHT = 3;
/** Weight of a fully specific applies_when constraint (one allowed value); broader lists weigh less. */
const FIT_WEIGHT = 0.6;
/** At most this many matched terms are named in a reason. */
const REASON_TERMS = 4;

interface KeywordPhrase {
  /** The keyword as written in the principle, for reasons. */
  text: string;
  /** Stemmed tokens, stop words kept. */
  terms: string[];
  bonus: number;
}

/** What retrieval derives from a principle's content (independent of the object holding it). */
interface PrincipleFeatures {
  /** Per dimension, a bitmask of the scenario values it applies to (all bits when unconstrained). */
  masks: number[];
  /** Per dimension, the scenario-fit weight when constrained (narrower lists weigh more), else 0. */
  fit: number[];
  /** Weighted term frequencies over the fields. */
  terms: Map<string, number>;
  length: number;
  phrases: KeywordPhrase[];
}

interface IndexedPrinciple extends PrincipleFeatures {
  principle: PoolCandidate;
}

/** Precomputed retrieval data for one principles array: build once, select many times. */
export interface PrincipleIndex {
  readonly principles: readonly PoolCandidate[];
  /** Per doc, its content key (see contentKey). */
  readonly keys: readonly string[];
  readonly docs: readonly IndexedPrinciple[];
  /** Per doc × dimension (doc * 4 + i): the applies_when bitmask, flat for a fast scan. */
  readonly masks: Uint16Array;
  /** Per doc: the total scenario-fit weight (constant: every constrained dimension must match). */
  readonly fitTotal: Float64Array;
  /** Per doc: BM25 length normalisation, 1 − b + b·length/averageLength. */
  readonly lengthNorm: Float64Array;
  /** term → [doc index, weighted tf] pairs, flattened. */
  readonly postings: ReadonlyMap<string, number[]>;
  readonly idf: ReadonlyMap<string, number>;
  readonly averageLength: number;
  /** First two stemmed tokens of a multi-word keyword ("chest pain") → [doc index, phrase index] pairs, flattened. */
  readonly phraseStarts: ReadonlyMap<string, number[]>;
}

const VALUE_BIT: Record<Dimension, Map<string, number>> = Object.fromEntries(
  DIMENSIONS.map((dim) => [dim, new Map((SCENARIO_VALUES[dim] as readonly string[]).map((v, i) => [v, 1 << i]))]),
) as Record<Dimension, Map<string, number>>;

function addTerms(into: Map<string, number>, terms: readonly string[], weight: number): number {
  for (const t of terms) into.set(t, (into.get(t) ?? 0) + weight);
  return terms.length * weight;
}

function principleFeatures(principle: Principle): PrincipleFeatures {
  const masks: number[] = [];
  const fit: number[] = [];
  for (const dim of DIMENSIONS) {
    const allowed = principle.applies_when[dim] as readonly string[] | undefined;
    const all = SCENARIO_VALUES[dim].length;
    if (!allowed || allowed.length === 0) {
      masks.push((1 << all) - 1);
      fit.push(0);
    } else {
      masks.push(allowed.reduce((m, v) => m | (VALUE_BIT[dim].get(v) ?? 0), 0));
      fit.push(FIT_WEIGHT * (1 - (allowed.length - 1) / all));
    }
  }
  const terms = new Map<string, number>();
  let length = addTerms(terms, contentTerms(principle.title), FIELD_WEIGHT.title);
  length += addTerms(terms, contentTerms(principle.statement), FIELD_WEIGHT.statement);
  const phrases: KeywordPhrase[] = [];
  for (const k of principle.keywords) {
    const tokens = tokenize(k);
    const content = tokens.filter(isContentToken);
    length += addTerms(terms, content.map(stem), tokens.length > 1 ? FIELD_WEIGHT.phraseWord : FIELD_WEIGHT.keyword);
    if (tokens.length < 2) continue;
    const bonus = (content.length === 0 ? STOPWORD_PHRASE_BONUS_PER_WORD : PHRASE_BONUS_PER_WORD) * (tokens.length - 1);
    phrases.push({ text: k, terms: tokens.map(stem), bonus });
  }
  return { masks, fit, terms, length, phrases };
}

/**
 * Features by content, so rebuilding the index for a fresh array of the same principles (the
 * library is re-read from storage for every run) costs lookups, not tokenising. Bounded.
 */
const featureCache = new Map<string, PrincipleFeatures>();
const FEATURE_CACHE_LIMIT = 20_000;

/** A principle's identity for retrieval: everything the index reads from it except the enabled switch. */
function contentKey(p: Principle): string {
  return JSON.stringify([p.id, p.dimension, p.title, p.statement, p.keywords, p.applies_when]);
}

function cachedFeatures(principle: Principle, key: string): PrincipleFeatures {
  let features = featureCache.get(key);
  if (!features) {
    features = principleFeatures(principle);
    if (featureCache.size >= FEATURE_CACHE_LIMIT) featureCache.clear();
    featureCache.set(key, features);
  }
  return features;
}

/** Builds the retrieval index for a principles array (which is then treated as immutable). */
export function buildPrincipleIndex(principles: readonly PoolCandidate[]): PrincipleIndex {
  return indexWithKeys(principles, principles.map(contentKey));
}

function indexWithKeys(principles: readonly PoolCandidate[], keys: readonly string[]): PrincipleIndex {
  const docs: IndexedPrinciple[] = principles.map((principle, i) => ({ ...cachedFeatures(principle, keys[i]!), principle }));
  const postings = new Map<string, number[]>();
  const phraseStarts = new Map<string, number[]>();
  let totalLength = 0;
  docs.forEach((doc, d) => {
    totalLength += doc.length;
    for (const [term, tf] of doc.terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(d, tf);
    }
    doc.phrases.forEach((phrase, p) => {
      const head = `${phrase.terms[0]} ${phrase.terms[1]}`;
      let list = phraseStarts.get(head);
      if (!list) phraseStarts.set(head, (list = []));
      list.push(d, p);
    });
  });
  const n = docs.length;
  const averageLength = n ? totalLength / n : 1;
  const masks = new Uint16Array(n * 4);
  const fitTotal = new Float64Array(n);
  const lengthNorm = new Float64Array(n);
  docs.forEach((doc, d) => {
    for (let i = 0; i < 4; i++) {
      masks[d * 4 + i] = doc.masks[i]!;
      fitTotal[d]! += doc.fit[i]!;
    }
    lengthNorm[d] = 1 - BM25_B + (BM25_B * doc.length) / averageLength;
  });
  const idf = new Map<string, number>();
  for (const [term, list] of postings) {
    const df = list.length / 2;
    idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  return { principles, keys, docs, masks, fitTotal, lengthNorm, postings, idf, averageLength, phraseStarts };
}

const indexCache = new WeakMap<readonly PoolCandidate[], PrincipleIndex>();
/** The most recently built index, reused for a fresh array holding the same content. */
let lastIndex: PrincipleIndex | null = null;

/**
 * The index for this array: cached per array (rebuilt if its elements changed since), and when the
 * array is new but holds the same principles as the last one indexed (the app re-reads the library
 * from storage for each run), the last index re-pointed at the new objects instead of rebuilt.
 */
export function principleIndexFor(principles: readonly PoolCandidate[]): PrincipleIndex {
  const cached = indexCache.get(principles);
  if (cached && cached.docs.length === principles.length && cached.docs.every((d, i) => d.principle === principles[i])) {
    return cached;
  }
  const keys = principles.map(contentKey);
  const last = lastIndex;
  const index =
    last && last.keys.length === keys.length && last.keys.every((k, i) => k === keys[i])
      ? { ...last, principles, docs: last.docs.map((d, i) => ({ ...d, principle: principles[i]! })) }
      : indexWithKeys(principles, keys);
  indexCache.set(principles, index);
  lastIndex = index;
  return index;
}

interface Scored {
  doc: number;
  id: string;
  /** Position in the ranking. */
  rank: number;
  dimension: Dimension;
  score: number;
}

interface QueryMatch {
  /** BM25 + phrase bonus per doc. */
  lexical: Float64Array;
  /** Phrase indexes matched per doc (only docs with at least one). */
  phrases: Map<number, number[]>;
  /** Unique stemmed content terms of the question, with the word as the user wrote it. */
  terms: Map<string, string>;
}

/**
 * Scores every principle's text against the question: BM25 over the question's content words that
 * no negation covers ("no chest pain" does not count as chest pain), plus a bonus for each keyword
 * phrase the question contains whole (a phrase whose first word is negated does not count, unless the
 * negation is part of the phrase, as in "not breathing").
 */
function matchQuestion(index: PrincipleIndex, question: string): QueryMatch {
  const lexical = new Float64Array(index.docs.length);
  const terms = new Map<string, string>();
  const scanned = scanQuestion(question);
  for (const token of scanned) {
    if (token.negated || !isContentToken(token.word)) continue;
    if (!terms.has(token.term)) terms.set(token.term, token.word);
  }
  for (const term of terms.keys()) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = index.idf.get(term)!;
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i]!;
      const tf = list[i + 1]!;
      lexical[d]! += (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * index.lengthNorm[d]!);
    }
  }
  const phrases = new Map<number, number[]>();
  for (let start = 0; start + 1 < scanned.length; start++) {
    if (scanned[start]!.negated) continue;
    const list = index.phraseStarts.get(`${scanned[start]!.term} ${scanned[start + 1]!.term}`);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i]!;
      const p = list[i + 1]!;
      const phrase = index.docs[d]!.phrases[p]!;
      if (start + phrase.terms.length > scanned.length) continue;
      let whole = true;
      for (let j = 2; j < phrase.terms.length; j++) {
        if (scanned[start + j]!.term !== phrase.terms[j]) {
          whole = false;
          break;
        }
      }
      if (!whole) continue;
      const seen = phrases.get(d);
      if (seen?.includes(p)) continue;
      if (seen) seen.push(p);
      else phrases.set(d, [p]);
      lexical[d]! += phrase.bonus;
    }
  }
  return { lexical, phrases, terms };
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

/** Why a principle was chosen, in words: the scenario values it fits and the terms the question shares with it. */
function explain(index: PrincipleIndex, doc: number, scenario: Scenario, match: QueryMatch, coverage: boolean): string {
  const d = index.docs[doc]!;
  const fits = DIMENSIONS.filter((_, i) => d.fit[i]! > 0).map((dim) => (FIT_WORDING[dim] as Record<string, string>)[scenario[dim]]!);
  const parts = [fits.length ? `Applies to ${joinWords(fits)}` : 'Applies to every question'];
  const named: string[] = [];
  const covered = new Set<string>();
  for (const p of match.phrases.get(doc) ?? []) {
    const phrase = d.phrases[p]!;
    named.push(`“${phrase.text}”`);
    for (const t of phrase.terms) covered.add(t);
  }
  const single = [...match.terms]
    .filter(([t]) => d.terms.has(t) && !covered.has(t))
    .map(([t, surface]) => ({ surface, weight: (index.idf.get(t) ?? 0) * d.terms.get(t)! }))
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface));
  for (const s of single) named.push(`“${s.surface}”`);
  if (named.length) parts.push(`the question mentions ${joinWords(named.slice(0, REASON_TERMS))}`);
  if (coverage && !named.length) parts.push(`kept so the pool covers ${DIMENSION_WORDING[d.principle.dimension]}`);
  return `${parts.join('; ')}.`;
}

/**
 * Ranks the enabled principles that fit the scenario and question and returns at most `maxSize`,
 * keeping up to `perDimensionFloor` of every dimension that has fitting principles, each with the
 * reason it was chosen. A principle fits when, for every dimension its applies_when names, the
 * scenario's value is listed; its score is the fit (narrower lists weigh more) plus BM25 relevance
 * of its title, statement and keywords to the question. Ties break by id, so the result is deterministic.
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
  const [b0, b1, b2, b3] = scenarioBits as [number, number, number, number];
  for (let doc = 0; doc < index.docs.length; doc++) {
    const m = doc * 4;
    if ((masks[m]! & b0) === 0 || (masks[m + 1]! & b1) === 0 || (masks[m + 2]! & b2) === 0 || (masks[m + 3]! & b3) === 0) continue;
    const principle = index.docs[doc]!.principle;
    if (principle.enabled === false) continue;
    const lex = match.lexical[doc]!;
    scored.push({ doc, rank: 0, id: principle.id, dimension: principle.dimension, score: fitTotal[doc]! + (LEXICAL_WEIGHT * lex) / (lex + LEXICAL_HALF) });
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
      return {
        id: p.id,
        dimension: p.dimension,
        title: p.title,
        reason: explain(index, s.doc, scenario, match, coverage.has(s) && !earnedOnScore),
        score: Math.round(s.score * 1000) / 1000,
      };
    });
}
