// Text normalisation shared by principle retrieval, the library's near-duplicate check and the
// rule-based classifier: one tokeniser and one light stemmer, so a keyword and a question agree;
// and for Chinese, one segmentation (Intl.Segmenter) that marks what a negation covers.

/** Words that carry no topic on their own; dropped from bag-of-words scoring (kept in phrases). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ' +
    'ours ourselves out over own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours yourself yourselves im ive id dont doesnt didnt cant wont isnt arent wasnt shouldnt couldnt ' +
    'also get got may might must shall s t u ll re ve d m ' +
    // Conversational filler: common in questions, says nothing about which principle applies.
    'feel feels felt really keep kept look looking looked need needs go going gone went think thinking thought ago last ' +
    'right now want wanted know like thing things seem seems seemed say says said tell told ok okay still lot bit quite ' +
    'much many well please thanks thank hi hello anyone someone something anything maybe sure actually basically ' +
    'one two three four five six seven eight nine ten'
  ).split(' '),
);

/** Common Spanish and French function words and family words, rare in English text. */
const ES_FR_WORDS = new Set(
  (
    // Spanish
    'el la los las mi mis tu su sus del que y es esta estoy tiene tengo muy con por para una unos hace desde ahora pero ' +
    'tambien como cuando donde hijo hija padre madre abuela abuelo marido esposa esposo tio tia se le lo hay puedo debo ' +
    // French
    'le les mon ma mes du des et est il elle une avec pour dans depuis tres mais je suis nous vous sont ai fils fille ' +
    'pere mere mari femme bebe ce cette qui quoi pas plus au aux ca'
  ).split(' '),
);

/** Words common to English questions (to tell "la" in "la la land" from a Spanish sentence). */
const EN_WORDS = new Set('the and is my of to in with for he she it i you was have has this that what'.split(' '));

/**
 * Whether a question's tokens (see tokenize) are Spanish or French: at least three of their function
 * words and more of them than of English ones. Callers read Chinese text first: it has no such tokens.
 */
export function isSpanishOrFrench(words: readonly string[]): boolean {
  let esFr = 0;
  let en = 0;
  for (const w of words) {
    if (ES_FR_WORDS.has(w)) esFr++;
    if (EN_WORDS.has(w)) en++;
  }
  return esFr >= 3 && esFr > en;
}

/**
 * Splits text into lower-case word tokens. Apostrophes are dropped inside words ("can't" → "cant",
 * "John's" → "johns") and every other non-alphanumeric character separates tokens ("a&e" → "a", "e";
 * "d-dimer" → "d", "dimer"), so a keyword and a question tokenise the same way whatever their punctuation.
 */
export function tokenize(text: string): string[] {
  let lower = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(lower)) lower = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return lower
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/(\w)'(\w)/g, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A deliberately light English stemmer: folds plurals, common verb endings and a final "e" so
 * "seizures"/"seizure", "doses"/"dosing"/"dose" and "breathe"/"breathing" meet, without the
 * aggressive conflation of a full Porter stemmer (which merges "organ" with "organise").
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let t = stemCache.get(token);
  if (t !== undefined) return t;
  t = stemUncached(token);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(token, t);
  return t;
}

const stemCache = new Map<string, string>();

function stemUncached(token: string): string {
  let t = token;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (/(ches|shes|sses|xes|zes)$/.test(t)) t = t.slice(0, -2);
  else if (t.endsWith('s') && !/(ss|us|is|ous)$/.test(t)) t = t.slice(0, -1);
  if (t.endsWith('ing') && t.length > 5) t = undouble(t.slice(0, -3));
  else if (t.endsWith('ed') && t.length > 4 && !t.endsWith('eed')) t = undouble(t.slice(0, -2));
  else if (t.endsWith('ly') && t.length > 5) t = t.slice(0, -2);
  if (t.endsWith('e') && !t.endsWith('ee') && t.length > 3) t = t.slice(0, -1);
  return t;
}

/** "stopp" → "stop", "bleed" stays: removes a doubled final consonant left by -ing/-ed. */
function undouble(t: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(t) && !/(ll|ss|zz|ff)$/.test(t) ? t.slice(0, -1) : t;
}

/** A token worth scoring on its own: not a stop word, a single character or a bare number ("20"). */
export function isContentToken(token: string): boolean {
  return token.length > 1 && !STOPWORDS.has(token) && !/^\d+$/.test(token);
}

/** Stemmed content terms of a text (no stop words, single characters or bare numbers), in order, with repeats. */
export function contentTerms(text: string): string[] {
  return tokenize(text).filter(isContentToken).map(stem);
}

/** Words that negate what follows in the same clause ("no chest pain", "doesn't have a fever"). */
const NEGATORS: ReadonlySet<string> = new Set(
  'no not without never nor denies denied deny denying dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt'.split(' '),
);
/** Whether a (lower-case) word negates what follows ("no", "not", "doesnt"…). */
export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

/** How many tokens after a negator it reaches, within its clause. */
const NEGATION_REACH = 4;

/** A question token, stemmed, with whether a negation covers it. */
export interface ScannedToken {
  /** As written (lower-case). */
  word: string;
  /** Stemmed. */
  term: string;
  negated: boolean;
}

/**
 * Tokenises a question and marks the words a negation covers: up to four tokens after "no", "not",
 * "without", "denies", "doesn't"… within the same clause (clauses end at punctuation, "but", or a turn
 * to what happened next: "no warning just woke up on the grass", "no pain then suddenly…"), and the
 * word before "free" ("seizure free for three years").
 * "Can't" and "won't" are not negations here: "can't breathe" and "won't wake up" are symptoms.
 */
export function scanQuestion(text: string, stemmer: (token: string) => string = stem): ScannedToken[] {
  const out: ScannedToken[] = [];
  for (const clause of text.split(/[.,;:!?()\n]+|\bbut\b|(?=\b(?:just|then|suddenly)\b)/i)) {
    let reach = 0;
    const clauseStart = out.length;
    for (const word of tokenize(clause)) {
      if (NEGATORS.has(word)) {
        out.push({ word, term: stemmer(word), negated: false });
        reach = NEGATION_REACH;
        continue;
      }
      // "Seizure free for 3 years", "pain-free since the op": free of what it follows.
      const previous = out[out.length - 1];
      if (word === 'free' && previous && clauseStart < out.length && !NEGATORS.has(previous.word)) previous.negated = true;
      out.push({ word, term: stemmer(word), negated: reach > 0 });
      if (reach > 0) reach--;
    }
  }
  return out;
}

/** Han characters (Chinese), the script the CJK path reads. */
const HAN = /\p{Script=Han}/u;

/** Whether a text contains Chinese characters (and so needs the CJK path). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Chinese words that negate what follows ("没有胸痛", "否认胸痛"). Bare 不 is left out on purpose:
 * it sits inside many symptom phrases ("抬不起来" can't lift, "说话不清楚" slurred, "不褪色" doesn't
 * fade), and Intl.Segmenter gives 无法/没法 ("unable to") as words of their own, so they do not count.
 */
// Intl.Segmenter keeps 也/都/还 with the negator that follows ("也没/胸痛", "都没/胸痛", "也没有/发烧").
const CJK_NEGATORS: ReadonlySet<string> = new Set(['没有', '没', '无', '未', '否认', '不是', '并无', '从未', '从没', '并没有', '也没', '也没有', '都没', '都没有', '也无']);
/** How many words after a Chinese negator it reaches, within its clause. */
const CJK_NEGATION_REACH = 2;
/** Clause breaks in Chinese text: punctuation, and 但/但是/可是 ("but"). */
const CJK_CLAUSE_BREAK = /^[，。；：！？、,.;:!?()（）\s]+$|^(但|但是|可是|不过)$/u;

/**
 * "No longer": 不 before a symptom and 了 ("现在也不胸痛了", "已经不疼了", "不再发烧了"). Bare 不 is no
 * negator (see above), but with 了 after one of these symptoms it says the symptom has gone.
 */
const CJK_NO_LONGER = /不再?(胸痛|胸闷|胸口疼|胸口痛|头痛|头疼|肚子疼|肚子痛|腹痛|疼|痛|发烧|发热|烧|喘|咳嗽|咳|出血|流血|吐)了/gu;

/** Whether a Chinese term contains a negator, so that it names a negation itself ("没有呼吸" not breathing, "一边没力气"). */
export function containsCjkNegator(term: string): boolean {
  for (const n of CJK_NEGATORS) if (term.includes(n)) return true;
  return false;
}

/**
 * Characters Chinese writers use interchangeably in symptom language, folded to one so a trigger
 * written one way matches the other: 痛/疼 (pain: 胸口痛 = 胸口疼) and 昏/晕 (faint, dizzy: 昏倒 = 晕倒,
 * 头昏 = 头晕). One character for one keeps the text's length, which the negation blanking relies on.
 */
const CJK_FOLD: ReadonlyMap<string, string> = new Map([
  ['痛', '疼'],
  ['昏', '晕'],
]);
const CJK_FOLD_RE = new RegExp(`[${[...CJK_FOLD.keys()].join('')}]`, 'gu');

/** Chinese text in the form triggers and questions are compared in: width-folded, lower-case, interchangeable characters folded. */
export function foldCjk(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(CJK_FOLD_RE, (c) => CJK_FOLD.get(c) ?? c);
}

/**
 * Observations in Latin shorthand inside Chinese text ("BP 84/50 HR 118 R 32次/分"), as the Chinese
 * words the triggers are written with (血压84/50 心率118 呼吸32次/分): clinicians write both.
 */
const LATIN_VITALS: readonly (readonly [RegExp, string])[] = [
  [/\bbp\s?(?=\d)/gi, '血压'],
  [/\b(hr|p)\s?(?=\d)/gi, '心率'],
  [/\b(rr|r)\s?(?=\d)/gi, '呼吸'],
  [/\b(spo2|sao2|sats?)\s?(?=\d)/gi, '血氧'],
  [/\bt\s?(?=(3[5-9]|4[0-2])(\.\d)?\b)/gi, '体温'],
];
function chineseVitals(text: string): string {
  return LATIN_VITALS.reduce((t, [re, word]) => t.replace(re, word), text);
}

/**
 * A CJK scan with interchangeable characters folded (foldCjk), the form triggers and Chinese
 * keywords are matched in. The classifier's cues read the scan unfolded: they spell out both forms.
 */
export function foldedCjkScan(text: string): CjkScan {
  const { plain, live } = scanCjk(chineseVitals(text));
  return { plain: foldCjk(plain), live: foldCjk(live) };
}

/** A question in the form the CJK path reads: the text as written, and with negated words blanked. */
export interface CjkScan {
  /** Lower-cased, width-folded (NFKC) text. */
  plain: string;
  /** The same, each character of a word a negation covers replaced by "＿" (same length as `plain`). */
  live: string;
}

let segmenter: Intl.Segmenter | null = null;

/**
 * Segments Chinese text into words with Intl.Segmenter (in every current browser and in Node) and
 * blanks the words a negator covers: up to two words after 没有/否认/无… within the clause, so
 * "没有胸痛" does not read as chest pain while "胸口疼" and "无法呼吸" (can't breathe) do.
 */
export function scanCjk(text: string): CjkScan {
  const plain = text.normalize('NFKC').toLowerCase();
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let live = '';
  let reach = 0;
  for (const { segment } of segmenter.segment(plain)) {
    if (CJK_CLAUSE_BREAK.test(segment)) {
      reach = 0;
      live += segment;
    } else if (CJK_NEGATORS.has(segment)) {
      reach = CJK_NEGATION_REACH;
      live += segment;
    } else if (reach > 0) {
      reach--;
      live += '＿'.repeat(segment.length);
    } else {
      live += segment;
    }
  }
  live = live.replace(CJK_NO_LONGER, (m, symptom: string) => m.replace(symptom, '＿'.repeat(symptom.length)));
  return { plain, live };
}

/** Stemmed tokens of a phrase, stop words kept (so "should i" and "what is" still match as phrases). */
export function phraseTerms(text: string): string[] {
  return tokenize(text).map(stem);
}

/** The first index where `phrase` occurs as a contiguous run of `tokens`, or -1. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0 || phrase.length > tokens.length) return -1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** A sparse TF-IDF vector, L2-normalised. */
export type TermVector = Map<string, number>;

/**
 * TF-IDF vectors (unigrams and bigrams of stemmed content terms) for a set of texts, for measuring
 * how alike two of them are. IDF is smoothed (ln((1+N)/(1+df)) + 1) so a term shared by all texts
 * still counts a little.
 */
export function tfidfVectors(texts: readonly string[]): TermVector[] {
  const bags = texts.map((text) => {
    const terms = contentTerms(text);
    const grams = [...terms];
    for (let i = 0; i + 1 < terms.length; i++) grams.push(`${terms[i]} ${terms[i + 1]}`);
    const tf = new Map<string, number>();
    for (const g of grams) tf.set(g, (tf.get(g) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const g of bag.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = texts.length;
  return bags.map((bag) => {
    const v: TermVector = new Map();
    let norm = 0;
    for (const [g, tf] of bag) {
      const w = (1 + Math.log(tf)) * (Math.log((1 + n) / (1 + (df.get(g) ?? 0))) + 1);
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  });
}

/** Cosine similarity of two L2-normalised vectors (0 = nothing shared, 1 = identical). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, w] of small) {
    const other = large.get(g);
    if (other !== undefined) dot += w * other;
  }
  return dot;
}

/** Pairs of texts whose TF-IDF cosine is at least `threshold`, most similar first. */
export function similarPairs(texts: readonly string[], threshold: number): { a: number; b: number; similarity: number }[] {
  const vectors = tfidfVectors(texts);
  const pairs: { a: number; b: number; similarity: number }[] = [];
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      const similarity = cosine(vectors[a]!, vectors[b]!);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
