// The retrieval index over a principle library: per-principle features (scenario masks, weighted
// terms, keyword phrases, presentation triggers), BM25 statistics, and matching a question against
// them. Selection and its wording live in selectPool.ts; this file only measures and matches.

import { contentTerms, hasHan, isContentToken, isSpanishOrFrench, isNegator, containsCjkNegator, foldCjk, foldedCjkScan, scanQuestion, stem, tokenize, type CjkScan, type ScannedToken } from './text';
import { aboutNoPatient, isQuestionFact, questionFacts, type QuestionFact } from './questionFacts';
import { DIMENSIONS, EMERGENCY_SIGN, SCENARIO_VALUES, type Dimension, type Principle } from '../types';

/** A principle as the library holds it: the record plus whether the user has it switched on. */
export type PoolCandidate = Principle & { enabled?: boolean };

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
/** Weight of a fully specific applies_when constraint (one allowed value); broader lists weigh less. */
const FIT_WEIGHT = 0.6;

export interface KeywordPhrase {
  /** The keyword as written in the principle, for reasons. */
  text: string;
  /** Stemmed tokens, stop words kept. */
  terms: string[];
  bonus: number;
}

/** A single term of a trigger ready to match: its words (see TRIGGER_SKIP), or (for Chinese) the characters themselves. */
export type CompiledTerm =
  | { kind: 'words'; text: string; terms: string[]; literal?: boolean; emergency?: true }
  | { kind: 'cjk'; text: string; chars: string; selfNegating: boolean; emergency?: true };

/**
 * A presentation trigger ready to match: one term, or (written "a|b + c|d") a combination whose
 * every part must occur somewhere in the question, each part one of its alternatives — a term or a
 * fact about the person read from the question (see QUESTION_FACTS): "@child + floppy|mottled".
 */
export type TriggerAlternative = CompiledTerm | { kind: 'fact'; text: string; fact: QuestionFact };
export type CompiledTrigger = CompiledTerm | { kind: 'all'; text: string; parts: TriggerAlternative[][]; emergency?: true };

/**
 * Function words a trigger and a question are both read without, so "pain in my chest" matches
 * "pain in his chest" and "chest feels heavy" matches "chest is heavy". Negations ("not", "no",
 * "won't") are kept: "not breathing" is a trigger and must not match "breathing".
 */
const TRIGGER_SKIP: ReadonlySet<string> = new Set(
  'a an the my his her their our your its it me him them us in on of to at into onto with from by and or that which is are was were be been being am feel feels felt feeling like really very so'.split(' '),
);

/**
 * How trigger words meet the question's words. The shipped library lists word forms explicitly
 * (testicle/testicles/testicular), so triggers match words exactly; a stemmer can be swapped in to
 * measure the alternative (bench/retrieval.bench.ts): stemming folds "burning" (as in "burning when
 * I pee") into "burn", which is why exact forms won.
 */
export type TriggerStemmer = (token: string) => string;
const exactForm: TriggerStemmer = (token) => token;

/** Shortest prefix a trigger word ending in "*" may have ("burst*" yes, "hea*" no: it would reach head, heart and heat). */
const PREFIX_MIN = 4;

/** Whether a question word (as read, and as normalised) meets one trigger word: equal, or beginning with a "*" prefix. */
function wordMeets(word: { word: string; term: string }, triggerTerm: string): boolean {
  return triggerTerm.endsWith('*') ? word.word.startsWith(triggerTerm.slice(0, -1)) : word.term === triggerTerm;
}

/** What retrieval derives from a principle's content (independent of the object holding it). */
export interface PrincipleFeatures {
  /** Per dimension, a bitmask of the scenario values it applies to (all bits when unconstrained). */
  masks: number[];
  /** Per dimension, the scenario-fit weight when constrained (narrower lists weigh more), else 0. */
  fit: number[];
  /** Weighted term frequencies over the fields. */
  terms: Map<string, number>;
  length: number;
  phrases: KeywordPhrase[];
  /** The named presentation, or null for a general principle. */
  presentation: string | null;
  /** Its triggers (empty for a general principle). */
  triggers: CompiledTrigger[];
  /** What keeps it out even when a trigger matched ("!@later-pregnancy"). */
  excludes: CompiledTrigger[];
  /** Chinese keywords, matched as substrings of the question (the word tokenizer reads only Latin script). */
  cjkKeywords: { text: string; chars: string }[];
}

export interface IndexedPrinciple extends PrincipleFeatures {
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
  /** First stemmed word of a word trigger → [doc, trigger] pairs, flattened. */
  readonly triggerWords: ReadonlyMap<string, number[]>;
  /** The same for triggers matched word for word, function words included (see compileTerm). */
  readonly literalTriggerWords: ReadonlyMap<string, number[]>;
  /** Word triggers whose first word is a "*" prefix: [prefix, doc, trigger] (few, checked against every word). */
  readonly triggerPrefixes: readonly (readonly [string, number, number])[];
  /** First character of a Chinese trigger → [doc, trigger] pairs, flattened (a character n-gram index). */
  readonly triggerChars: ReadonlyMap<string, number[]>;
  /** Docs with combination triggers or exclusions (checked one by one: there are few). */
  readonly combinedDocs: readonly number[];
  /** First character of a Chinese keyword → [doc, keyword] pairs, flattened. */
  readonly keywordChars: ReadonlyMap<string, number[]>;
  /** How trigger words were normalised (the question's words are read the same way). */
  readonly triggerStemmer: TriggerStemmer;
}

export const VALUE_BIT: Record<Dimension, Map<string, number>> = Object.fromEntries(
  DIMENSIONS.map((dim) => [dim, new Map((SCENARIO_VALUES[dim] as readonly string[]).map((v, i) => [v, 1 << i]))]),
) as Record<Dimension, Map<string, number>>;

function addTerms(into: Map<string, number>, terms: readonly string[], weight: number): number {
  for (const t of terms) into.set(t, (into.get(t) ?? 0) + weight);
  return terms.length * weight;
}

/**
 * Compiles trigger terms for matching: a term with Chinese characters matches as a substring of the
 * question, any other as a run of stemmed words. Terms that compile to nothing are dropped.
 */
export function compileTriggers(triggers: readonly string[], stemmer: TriggerStemmer = exactForm): CompiledTrigger[] {
  return compileTriggerList(triggers, stemmer).include;
}

function compileTerm(text: string, stemmer: TriggerStemmer): CompiledTerm | null {
  if (hasHan(text)) {
    const chars = foldCjk(text).replace(/\s+/g, '');
    return chars ? { kind: 'cjk', text, chars, selfNegating: containsCjkNegator(chars) } : null;
  }
  // A phrase made mostly of function words ("not with it", "end it", "a lot", "top of") would shrink
  // to one common word ("not", "end") and fire on any question holding it; so would a phrase that
  // ends on one ("took all of", "better off without me", "woke up and") shrink to a commoner phrase
  // ("took all" of the antibiotics, "better off without" the car). Both are matched word for word
  // instead, function words included.
  const every = tokenize(text);
  const content = every.filter((w) => !TRIGGER_SKIP.has(w)).length;
  if (every.length >= 2 && !text.includes('*') && (content <= 1 || TRIGGER_SKIP.has(every[every.length - 1]!))) {
    return { kind: 'words', text, terms: every.map((w) => (TRIGGER_SKIP.has(w) ? w : stemmer(w))), literal: true };
  }
  // A word ending in "*" matches any word it begins ("hallucinat*": hallucinating, hallucinations);
  // the prefix is kept as written (no stemmer) and must be long enough to mean one thing.
  const terms = text.split(/\s+/).flatMap((raw) => {
    const words = tokenize(raw).filter((w) => !TRIGGER_SKIP.has(w));
    if (!words.length) return [];
    const last = words.length - 1;
    const prefix = raw.endsWith('*') && words[last]!.length >= PREFIX_MIN;
    return words.map((w, i) => (i === last && prefix ? `${w}*` : stemmer(w)));
  });
  return terms.length ? { kind: 'words', text, terms } : null;
}

/**
 * Compiles a trigger list: plain terms, combinations ("pregnant + headache|blurred vision") and
 * exclusions ("!@later-pregnancy": the principle is not chosen when the question says so). A
 * combination or exclusion part that names an unknown fact compiles to nothing and is dropped.
 */
export function compileTriggerList(triggers: readonly string[], stemmer: TriggerStemmer = exactForm): { include: CompiledTrigger[]; exclude: CompiledTrigger[] } {
  const include: CompiledTrigger[] = [];
  const exclude: CompiledTrigger[] = [];
  for (const written of triggers) {
    const sign = EMERGENCY_SIGN.exec(written.trimStart());
    // An exclusion cannot be an emergency sign ("emergency: !…" says nothing a question could show).
    const raw = sign ? written.trimStart().slice(sign[0].length) : written;
    const negative = raw.trimStart().startsWith('!');
    if (sign && negative) continue;
    const text = negative ? raw.trimStart().slice(1) : raw;
    let compiled: CompiledTrigger | null = null;
    if (text.includes('+') || text.includes('|') || text.trim().startsWith('@')) {
      const parts = text.split('+').map((part) =>
        part.split('|').flatMap((alt): TriggerAlternative[] => {
          const a = alt.trim();
          if (a.startsWith('@')) return isQuestionFact(a.slice(1)) ? [{ kind: 'fact' as const, text: a, fact: a.slice(1) as QuestionFact }] : [];
          const term = compileTerm(a, stemmer);
          return term ? [term] : [];
        }),
      );
      if (parts.length && parts.every((alts) => alts.length)) compiled = { kind: 'all', text: raw, parts };
    } else compiled = compileTerm(text, stemmer);
    if (compiled && sign) compiled.emergency = true;
    if (compiled) (negative ? exclude : include).push(compiled);
  }
  return { include, exclude };
}

function principleFeatures(principle: Principle, stemmer: TriggerStemmer = exactForm): PrincipleFeatures {
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
  const { include: triggers, exclude: excludes } = compileTriggerList(principle.presentation?.triggers ?? [], stemmer);
  // A presentation without a usable trigger could never be chosen; it is treated as general instead.
  const presentation = triggers.length ? principle.presentation!.name : null;
  const cjkKeywords = principle.keywords.filter(hasHan).map((k) => ({ text: k, chars: foldCjk(k).replace(/\s+/g, '') })).filter((k) => k.chars);
  return { masks, fit, terms, length, phrases, presentation, triggers, excludes, cjkKeywords };
}

/** A principle's identity for retrieval: everything the index reads from it except the enabled switch. */
function contentKey(p: Principle): string {
  return JSON.stringify([p.id, p.dimension, p.title, p.statement, p.keywords, p.applies_when, p.presentation ?? null]);
}

function pushPair(map: Map<string, number[]>, key: string, a: number, b: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(a, b);
}

function indexFrom(
  principles: readonly PoolCandidate[],
  keys: readonly string[],
  features: readonly PrincipleFeatures[],
  triggerStemmer: TriggerStemmer = exactForm,
): PrincipleIndex {
  const docs: IndexedPrinciple[] = principles.map((principle, i) => ({ ...features[i]!, principle }));
  const postings = new Map<string, number[]>();
  const phraseStarts = new Map<string, number[]>();
  const triggerWords = new Map<string, number[]>();
  const literalTriggerWords = new Map<string, number[]>();
  const triggerChars = new Map<string, number[]>();
  const triggerPrefixes: [string, number, number][] = [];
  const keywordChars = new Map<string, number[]>();
  const combinedDocs: number[] = [];
  let totalLength = 0;
  docs.forEach((doc, d) => {
    totalLength += doc.length;
    if (doc.excludes.length || doc.triggers.some((t) => t.kind === 'all')) combinedDocs.push(d);
    doc.cjkKeywords.forEach((k, i) => pushPair(keywordChars, k.chars[0]!, d, i));
    for (const [term, tf] of doc.terms) pushPair(postings, term, d, tf);
    doc.phrases.forEach((phrase, p) => pushPair(phraseStarts, `${phrase.terms[0]} ${phrase.terms[1]}`, d, p));
    doc.triggers.forEach((t, k) => {
      if (t.kind === 'words' && t.terms[0]!.endsWith('*')) triggerPrefixes.push([t.terms[0]!.slice(0, -1), d, k]);
      else if (t.kind === 'words' && t.literal) pushPair(literalTriggerWords, t.terms[0]!, d, k);
      else if (t.kind === 'words') pushPair(triggerWords, t.terms[0]!, d, k);
      else if (t.kind === 'cjk') pushPair(triggerChars, t.chars[0]!, d, k);
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
  return { principles, keys, docs, masks, fitTotal, lengthNorm, postings, idf, averageLength, phraseStarts, triggerWords, literalTriggerWords, triggerPrefixes, triggerChars, combinedDocs, keywordChars, triggerStemmer };
}

/**
 * Builds the retrieval index for a principles array (which is then treated as immutable).
 * `triggerStemmer` is for measuring alternatives only; the default matches trigger words exactly.
 */
export function buildPrincipleIndex(principles: readonly PoolCandidate[], options: { triggerStemmer?: TriggerStemmer } = {}): PrincipleIndex {
  return indexFrom(principles, principles.map(contentKey), principles.map((p) => principleFeatures(p, options.triggerStemmer)), options.triggerStemmer);
}

/**
 * The one cache: the last index built. The app re-reads the library from storage for every run, so
 * a fresh array with the same content re-points that index at the new objects, and a library with a
 * few edited principles re-tokenises only those. Callers that keep their library loaded can pass a
 * prebuilt index instead (see PoolOptions.index) and never touch this.
 */
let lastIndex: PrincipleIndex | null = null;

/** The index for this array: the cached one when it holds the same content, else a new one (reusing unchanged principles' features). */
export function principleIndexFor(principles: readonly PoolCandidate[]): PrincipleIndex {
  const last = lastIndex && lastIndex.triggerStemmer === exactForm ? lastIndex : null;
  if (last && last.principles === principles && last.docs.length === principles.length && last.docs.every((d, i) => d.principle === principles[i])) {
    return last;
  }
  const keys = principles.map(contentKey);
  let index: PrincipleIndex;
  if (last && last.keys.length === keys.length && last.keys.every((k, i) => k === keys[i])) {
    index = { ...last, principles, docs: last.docs.map((d, i) => ({ ...d, principle: principles[i]! })) };
  } else {
    const known = new Map<string, PrincipleFeatures>();
    last?.keys.forEach((k, i) => known.set(k, last.docs[i]!));
    index = indexFrom(principles, keys, principles.map((p, i) => known.get(keys[i]!) ?? principleFeatures(p)));
  }
  lastIndex = index;
  return index;
}

/** What a question shares with each principle. */
export interface QueryMatch {
  /** BM25 + phrase bonus per doc. */
  lexical: Float64Array;
  /** Phrase indexes matched per doc (only docs with at least one). */
  phrases: Map<number, number[]>;
  /** Unique stemmed content terms of the question, with the word as the user wrote it. */
  terms: Map<string, string>;
  /** Triggers matched per doc (only presentation docs with at least one and no exclusion), as compiled. */
  triggers: Map<number, CompiledTrigger[]>;
  /** Chinese keywords the question contains, per doc (as written in the principle). */
  keywordsZh: Map<number, string[]>;
}

/** Lexical credit for a Chinese keyword found in the question (about what one matched English keyword earns). */
const CJK_KEYWORD_BONUS = 4;

function addHit(into: Map<number, CompiledTrigger[]>, doc: number, trigger: CompiledTrigger): void {
  const seen = into.get(doc);
  if (seen?.includes(trigger)) return;
  if (seen) seen.push(trigger);
  else into.set(doc, [trigger]);
}

/** Words a multi-word trigger may have between two of its own ("drank some bleach", "took a load of pills"). */
const TRIGGER_GAP = 1;

/** Whether `terms` occur as consecutive words from `start` (a phrase of function words: no gap allowed). */
function literalAt(words: readonly { term: string }[], start: number, terms: readonly string[]): boolean {
  if (start + terms.length > words.length) return false;
  for (let j = 0; j < terms.length; j++) if (words[start + j]!.term !== terms[j]) return false;
  return true;
}

/**
 * Whether `terms` follow `start` in order, the first at `start`, with at most TRIGGER_GAP other
 * words between consecutive ones; a negation is never skipped over ("drank no bleach").
 */
function wordsFollow(words: readonly { word: string; term: string }[], start: number, terms: readonly string[]): boolean {
  let at = start;
  for (let j = 1; j < terms.length; j++) {
    let found = -1;
    for (let k = at + 1; k <= at + 1 + TRIGGER_GAP && k < words.length; k++) {
      if (wordMeets(words[k]!, terms[j]!)) {
        found = k;
        break;
      }
      if (isNegator(words[k]!.word)) break;
    }
    if (found < 0) return false;
    at = found;
  }
  return true;
}

/**
 * Which of the index's presentation triggers a question contains, not negated: a word trigger as a
 * run of stemmed words whose first word no negation covers, a Chinese one as a substring of the text
 * with negated words blanked out (see scanCjk).
 */
function matchTriggers(index: PrincipleIndex, scanned: readonly ScannedToken[], question: string, cjk: CjkScan | null): Map<number, CompiledTrigger[]> {
  const hits = new Map<number, CompiledTrigger[]>();
  const words: { word: string; term: string; negated: boolean }[] = [];
  // Every word, function words included, for the triggers matched word for word.
  const every: { word: string; term: string; negated: boolean }[] = [];
  if (index.triggerWords.size || index.literalTriggerWords.size || index.triggerPrefixes.length || index.combinedDocs.length) {
    for (const t of scanned) {
      const skip = TRIGGER_SKIP.has(t.word);
      const w = { word: t.word, term: skip ? t.word : index.triggerStemmer(t.word), negated: t.negated };
      every.push(w);
      if (!skip) words.push(w);
    }
  }
  for (let start = 0; start < every.length; start++) {
    const list = index.literalTriggerWords.get(every[start]!.term);
    if (!list || every[start]!.negated) continue;
    for (let i = 0; i < list.length; i += 2) {
      const trigger = index.docs[list[i]!]!.triggers[list[i + 1]!]!;
      if (trigger.kind === 'words' && literalAt(every, start, trigger.terms)) addHit(hits, list[i]!, trigger);
    }
  }
  for (let start = 0; start < words.length; start++) {
    if (words[start]!.negated) continue;
    const tryTrigger = (doc: number, k: number) => {
      const trigger = index.docs[doc]!.triggers[k]!;
      if (trigger.kind !== 'words' || start + trigger.terms.length > words.length) return;
      if (wordsFollow(words, start, trigger.terms)) addHit(hits, doc, trigger);
    };
    const list = index.triggerWords.get(words[start]!.term);
    if (list) for (let i = 0; i < list.length; i += 2) tryTrigger(list[i]!, list[i + 1]!);
    for (const [prefix, doc, k] of index.triggerPrefixes) if (words[start]!.word.startsWith(prefix)) tryTrigger(doc, k);
  }
  if (index.triggerChars.size && cjk) {
    // A trigger that names its own negation ("没有呼吸") reads the text as written; any other reads
    // it with negated words blanked, so "没有胸痛" (no chest pain) does not match "胸痛".
    const { plain, live } = cjk;
    for (let at = 0; at < plain.length; at++) {
      const list = index.triggerChars.get(plain[at]!);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const trigger = index.docs[list[i]!]!.triggers[list[i + 1]!]!;
        if (trigger.kind === 'cjk' && (trigger.selfNegating ? plain : live).startsWith(trigger.chars, at)) addHit(hits, list[i]!, trigger);
      }
    }
  }
  if (index.combinedDocs.length) {
    let facts: Set<QuestionFact> | null = null;
    // Combination parts repeat across principles (body parts, "sudden", "baby"), so each term is
    // looked for once per question; a word term whose first word the question lacks is ruled out at once.
    const present = new Set<string>();
    for (const w of words) if (!w.negated) present.add(w.term);
    const seen = new Map<string, boolean>();
    const lookFor = (term: CompiledTerm): boolean => {
      if (term.kind === 'cjk') return cjk !== null && (term.selfNegating ? cjk.plain : cjk.live).includes(term.chars);
      if (term.literal) {
        for (let start = 0; start < every.length; start++) if (!every[start]!.negated && literalAt(every, start, term.terms)) return true;
        return false;
      }
      const first = term.terms[0]!;
      if (!first.endsWith('*') && !present.has(first)) return false;
      for (let start = 0; start + term.terms.length <= words.length; start++) {
        if (!words[start]!.negated && wordMeets(words[start]!, first) && wordsFollow(words, start, term.terms)) return true;
      }
      return false;
    };
    const termAnywhere = (term: CompiledTerm): boolean => {
      const key = term.kind === 'cjk' ? `c${term.selfNegating ? '!' : ''}${term.chars}` : `w${term.terms.join(' ')}`;
      let found = seen.get(key);
      if (found === undefined) seen.set(key, (found = lookFor(term)));
      return found;
    };
    // The alternatives that matched, one per part, or null when some part has none.
    const combinations = new Map<string, string[] | null>();
    const combination = (trigger: Extract<CompiledTrigger, { kind: 'all' }>): string[] | null => {
      let found = combinations.get(trigger.text);
      if (found === undefined) combinations.set(trigger.text, (found = combinationOnce(trigger)));
      return found;
    };
    const combinationOnce = (trigger: Extract<CompiledTrigger, { kind: 'all' }>): string[] | null => {
      const found: string[] = [];
      for (const alts of trigger.parts) {
        const hit = alts.find((a) => (a.kind === 'fact' ? (facts ??= questionFacts(question)).has(a.fact) : termAnywhere(a)));
        if (!hit) return null;
        found.push(hit.text);
      }
      return found;
    };
    const matches = (trigger: CompiledTrigger): boolean => (trigger.kind === 'all' ? combination(trigger) !== null : termAnywhere(trigger));
    for (const d of index.combinedDocs) {
      const doc = index.docs[d]!;
      for (const trigger of doc.triggers) {
        if (trigger.kind !== 'all') continue;
        const found = combination(trigger);
        if (found) addHit(hits, d, { kind: 'words', text: found.join(' + '), terms: [], ...(trigger.emergency ? { emergency: true as const } : {}) });
      }
      if (hits.has(d) && doc.excludes.some(matches)) hits.delete(d);
    }
  }
  return hits;
}

/**
 * Scores every principle's text against the question: BM25 over the question's content words that
 * no negation covers ("no chest pain" does not count as chest pain), plus a bonus for each keyword
 * phrase the question contains whole (a phrase whose first word is negated does not count, unless the
 * negation is part of the phrase, as in "not breathing"); and finds the presentation triggers it contains.
 */
export function matchQuestion(index: PrincipleIndex, question: string): QueryMatch {
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
  const keywordsZh = new Map<number, string[]>();
  // Chinese is scanned once per question, folded (foldCjk), for both the keywords and the triggers.
  const cjk = hasHan(question) ? foldedCjkScan(question) : null;
  if (index.keywordChars.size && cjk) {
    const { live } = cjk;
    for (let at = 0; at < live.length; at++) {
      const list = index.keywordChars.get(live[at]!);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const d = list[i]!;
        const keyword = index.docs[d]!.cjkKeywords[list[i + 1]!]!;
        if (!live.startsWith(keyword.chars, at)) continue;
        const seen = keywordsZh.get(d);
        if (seen?.includes(keyword.text)) continue;
        if (seen) seen.push(keyword.text);
        else keywordsZh.set(d, [keyword.text]);
        lexical[d]! += CJK_KEYWORD_BONUS;
      }
    }
  }
  // A question about an animal or a story has no patient, so no presentation is chosen (see
  // aboutNoPatient) — except those about the asker's own safety, with no urgency gate (a lethal dose
  // asked "for a story", abuse, emergency contraception, PEP), which such a framing can hide.
  // A Spanish or French question is read for its scenario only (see cuesEsFr.ts): the triggers are
  // English and Chinese, and an English-looking word there ("angina", a sore throat) is not one.
  if (!cjk && isSpanishOrFrench(scanned.map((t) => t.word))) return { lexical, phrases, terms, triggers: new Map(), keywordsZh };
  let triggers = matchTriggers(index, scanned, question, cjk);
  if (aboutNoPatient(question)) triggers = new Map([...triggers].filter(([doc]) => !index.docs[doc]!.principle.applies_when.urgency?.length));
  return { lexical, phrases, terms, triggers, keywordsZh };
}
