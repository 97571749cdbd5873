// Text features for the learned relevance models: word unigrams and bigrams of Latin-script text,
// character 1–3-grams of each run of Chinese characters (Chinese has no spaces to split on), hashed
// into a fixed number of buckets so the shipped model needs no vocabulary. Counts are damped
// (1 + ln n) and the vector has unit length, so a long question weighs no more than a short one.

/** A sparse feature vector: ascending bucket indices and their values. */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

const LATIN_WORD = /[\p{Script=Latin}0-9]+(?:'[\p{Script=Latin}]+)?/gu;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** 32-bit FNV-1a over UTF-16 code units: stable across runtimes, so training and use agree. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The feature strings of a question (prefixed by kind so a word and a character never collide by name). */
export function featureTerms(question: string): string[] {
  const text = question.normalize('NFKC').toLowerCase();
  const terms: string[] = [];
  const words = text.match(LATIN_WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    terms.push(`w:${words[i]}`);
    if (i > 0) terms.push(`b:${words[i - 1]}_${words[i]}`);
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) terms.push(`c${n}:${chars.slice(i, i + n).join('')}`);
  }
  return terms;
}

/** The question's hashed feature vector over `2^bits` buckets. */
export function hashedFeatures(question: string, bits: number): SparseVector {
  const mask = (1 << bits) - 1;
  const counts = new Map<number, number>();
  for (const term of featureTerms(question)) {
    const bucket = fnv1a(term) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const index = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const value = new Float64Array(index.length);
  let norm = 0;
  index.forEach((bucket, i) => {
    const v = 1 + Math.log(counts.get(bucket)!);
    value[i] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < value.length; i++) value[i]! /= norm;
  return { index, value };
}
