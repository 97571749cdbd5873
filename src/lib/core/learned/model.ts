// The learned relevance model: what the labelled relevance sets teach beyond the hand-written rules.
// Two parts, both linear over hashed question features (features.ts):
// - urgency: a softmax over the four urgency values, blended with the rule classifier's reading
//   (scenario/offline.ts) — the rules miss many ways people describe an emergency, the labels do not;
// - pool: for each general principle labelled a must-have often enough, the probability that a
//   clinician would want it in this question's pool, which adds to its rank (retrieval/selectPool.ts).
// Trained by train.ts from tests/fixtures/relevance-labels.json; serialised compactly (urgency
// weights as int8 per output, pool weights as each principle's largest few) so it ships in the
// pipeline's lazily loaded chunk.
import { hashedFeatures, type SparseVector } from './features';
import { logistic, softmax, type LinearWeights } from './linear';
import type { Urgency } from '../types';

export const LEARNED_FORMAT = 'clinrevise-learned-relevance/1';

/** The serialised model (principles/learned/relevance.json). */
export interface LearnedRelevanceFile {
  readonly format: typeof LEARNED_FORMAT;
  /** What it was trained on: the labelled parts, how many questions, and the library version then. */
  readonly trainedOn: {
    readonly parts: readonly string[];
    readonly questions: number;
    readonly library: string;
    /** Other sets whose urgency labels the urgency part also learned from, and how many questions. */
    readonly urgencyParts: readonly string[];
    readonly urgencyQuestions: number;
  };
  readonly bits: number;
  readonly urgency: {
    readonly classes: readonly Urgency[];
    readonly bias: readonly number[];
    /** Per output: its weights are int8 × scale. */
    readonly scale: readonly number[];
    /** Base64 of outputs × 2^bits signed bytes, output-major. */
    readonly weights: string;
  };
  readonly pool: {
    readonly principles: Readonly<Record<string, { readonly bias: number; readonly weights: readonly (readonly [number, number])[] }>>;
  };
}

/** The model ready to use. */
export interface LearnedRelevance {
  readonly bits: number;
  readonly trainedOn: LearnedRelevanceFile['trainedOn'];
  readonly urgencyClasses: readonly Urgency[];
  readonly urgency: LinearWeights;
  readonly poolIds: readonly string[];
  readonly pool: LinearWeights;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** How many weights each pool principle keeps (its largest in size); the rest are dropped as noise. */
export const POOL_WEIGHTS_KEPT = 80;

/** The compact file form of a trained model. */
export function encodeLearned(model: LearnedRelevance): LearnedRelevanceFile {
  const { outputs, buckets, weights, bias } = model.urgency;
  const bytes = new Int8Array(outputs * buckets);
  const scale: number[] = [];
  for (let k = 0; k < outputs; k++) {
    let max = 0;
    for (let j = 0; j < buckets; j++) max = Math.max(max, Math.abs(weights[k * buckets + j]!));
    const s = max / 127 || 1;
    scale.push(s);
    for (let j = 0; j < buckets; j++) bytes[k * buckets + j] = Math.round(weights[k * buckets + j]! / s);
  }
  const principles: Record<string, { bias: number; weights: [number, number][] }> = {};
  model.poolIds.forEach((id, k) => {
    const row = Array.from(model.pool.weights.subarray(k * model.pool.buckets, (k + 1) * model.pool.buckets), (w, j) => [j, w] as [number, number]);
    const kept = row.filter(([, w]) => w !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, POOL_WEIGHTS_KEPT);
    principles[id] = { bias: round(model.pool.bias[k]!), weights: kept.sort((a, b) => a[0] - b[0]).map(([j, w]) => [j, round(w)]) };
  });
  return {
    format: LEARNED_FORMAT,
    trainedOn: model.trainedOn,
    bits: model.bits,
    urgency: { classes: model.urgencyClasses, bias: Array.from(bias, round), scale: scale.map((s) => Number(s.toPrecision(6))), weights: toBase64(new Uint8Array(bytes.buffer)) },
    pool: { principles },
  };
}

const round = (w: number) => Math.round(w * 1000) / 1000;

function isNumbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Whether a parsed JSON value has the file form's shape (its sizes are checked by decodeLearned). */
export function isLearnedRelevanceFile(v: unknown): v is LearnedRelevanceFile {
  const f = v as Partial<LearnedRelevanceFile> | null;
  if (!f || f.format !== LEARNED_FORMAT || !Number.isInteger(f.bits) || f.bits! < 1 || f.bits! > 20) return false;
  const u = f.urgency;
  if (!u || !Array.isArray(u.classes) || !isNumbers(u.bias) || !isNumbers(u.scale) || typeof u.weights !== 'string') return false;
  const t = f.trainedOn;
  if (!t || !Array.isArray(t.parts) || !Array.isArray(t.urgencyParts) || typeof t.questions !== 'number' || typeof t.urgencyQuestions !== 'number' || typeof t.library !== 'string') return false;
  const principles = f.pool?.principles;
  if (!principles || typeof principles !== 'object') return false;
  return Object.values(principles).every((p) => p && typeof p.bias === 'number' && Array.isArray(p.weights) && p.weights.every((w) => isNumbers(w) && w.length === 2));
}

/** Reads the file form; throws on a file of another format or shape. */
export function decodeLearned(input: unknown): LearnedRelevance {
  if (!isLearnedRelevanceFile(input)) throw new Error('not a learned relevance model (clinrevise-learned-relevance/1)');
  const file = input;
  const buckets = 1 << file.bits;
  const outputs = file.urgency.classes.length;
  const bytes = new Int8Array(fromBase64(file.urgency.weights).buffer);
  if (bytes.length !== outputs * buckets || file.urgency.scale.length !== outputs || file.urgency.bias.length !== outputs) {
    throw new Error('learned relevance model: urgency weights do not match its classes and buckets');
  }
  const weights = Float64Array.from(bytes, (b, i) => b * file.urgency.scale[Math.floor(i / buckets)]!);
  const poolIds = Object.keys(file.pool.principles).sort();
  const pool = new Float64Array(poolIds.length * buckets);
  const poolBias = new Float64Array(poolIds.length);
  poolIds.forEach((id, k) => {
    const p = file.pool.principles[id]!;
    poolBias[k] = p.bias;
    for (const [j, w] of p.weights) if (j >= 0 && j < buckets) pool[k * buckets + j] = w;
  });
  return {
    bits: file.bits,
    trainedOn: file.trainedOn,
    urgencyClasses: file.urgency.classes,
    urgency: { outputs, buckets, weights, bias: Float64Array.from(file.urgency.bias) },
    poolIds,
    pool: { outputs: poolIds.length, buckets, weights: pool, bias: poolBias },
  };
}

/** A question's features under this model (compute once, pass to both readings). */
export function learnedFeatures(model: LearnedRelevance, question: string): SparseVector {
  return hashedFeatures(question, model.bits);
}

/** The probability of each urgency value for the question. */
export function learnedUrgency(model: LearnedRelevance, x: SparseVector): ReadonlyMap<Urgency, number> {
  const p = softmax(model.urgency, x);
  return new Map(model.urgencyClasses.map((c, k) => [c, p[k]!]));
}

/** For each general principle the model knows, the probability that it belongs in the question's pool. */
export function learnedPoolPrior(model: LearnedRelevance, x: SparseVector): ReadonlyMap<string, number> {
  const p = logistic(model.pool, x);
  return new Map(model.poolIds.map((id, k) => [id, p[k]!]));
}
