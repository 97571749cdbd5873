// The learned relevance model: what the labelled relevance sets teach beyond the hand-written rules.
// Two parts, both linear over hashed question features (features.ts):
// - scenario: a softmax over the values of urgency, expertise and task type, each blended with the
//   rule classifier's reading (scenario/offline.ts) — the rules miss many ways people describe an
//   emergency, a role or a request, and the labels hold them;
// - pool: for each general principle labelled a must-have often enough, the probability that a
//   clinician would want it in this question's pool, which adds to its rank (retrieval/selectPool.ts).
// Trained by train.ts from tests/fixtures/relevance-labels.json; serialised compactly (softmax
// weights as int8 per output, pool weights as each principle's largest few hundred, int8 too) so it
// ships in the pipeline's lazily loaded chunk.
import { hashedFeatures, type SparseVector } from './features';
import { logistic, softmax, type LinearWeights } from './linear';
import type { Scenario } from '../types';

export const LEARNED_FORMAT = 'clinrevise-learned-relevance/3';

/** The scenario dimensions the model reads (uncertainty stays with the rules: the model lost on it). */
export const LEARNED_DIMENSIONS = ['urgency', 'expertise', 'task_type'] as const;
export type LearnedDimension = (typeof LEARNED_DIMENSIONS)[number];

/** One softmax in file form. */
export interface SoftmaxFile {
  readonly classes: readonly string[];
  readonly bias: readonly number[];
  /** Per output: its weights are int8 × scale. */
  readonly scale: readonly number[];
  /** Base64 of outputs × 2^bits signed bytes, output-major. */
  readonly weights: string;
}

/** The serialised model (principles/learned/relevance.json). */
export interface LearnedRelevanceFile {
  readonly format: typeof LEARNED_FORMAT;
  /** What it was trained on: the labelled parts, how many questions, and the library version then. */
  readonly trainedOn: {
    readonly parts: readonly string[];
    readonly questions: number;
    readonly library: string;
    /** Other sets whose scenario labels the softmaxes also learned from, and how many questions. */
    readonly scenarioParts: readonly string[];
    readonly scenarioQuestions: number;
  };
  readonly bits: number;
  readonly scenario: Readonly<Record<LearnedDimension, SoftmaxFile>>;
  readonly pool: {
    readonly principles: Readonly<Record<string, PoolRowFile>>;
  };
}

/** One pool principle in file form: its largest weights, each int8 × scale at a bucket. */
export interface PoolRowFile {
  readonly bias: number;
  readonly scale: number;
  /** Base64 of 3 bytes per kept weight, in bucket order: the bucket (uint16, little-endian), then the int8. */
  readonly weights: string;
}

/** A softmax ready to use, with the value of each output. */
export interface LearnedSoftmax {
  readonly classes: readonly string[];
  readonly weights: LinearWeights;
}

/** The model ready to use. */
export interface LearnedRelevance {
  readonly bits: number;
  readonly trainedOn: LearnedRelevanceFile['trainedOn'];
  readonly scenario: Readonly<Record<LearnedDimension, LearnedSoftmax>>;
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

/**
 * How many weights each pool principle keeps (its largest in size). Fold-out validation on the tuned
 * parts found 91.8% of must-haves keeping 80, 92.2% keeping 200, 92.5% keeping 400 and 92.6% with
 * all 8,192 as int8 (which would add about 0.5 MB); past 400 the gain is within a few questions.
 */
export const POOL_WEIGHTS_KEPT = 400;

const round = (w: number) => Math.round(w * 1000) / 1000;

function encodeSoftmax(s: LearnedSoftmax): SoftmaxFile {
  const { outputs, buckets, weights, bias } = s.weights;
  const bytes = new Int8Array(outputs * buckets);
  const scale: number[] = [];
  for (let k = 0; k < outputs; k++) {
    let max = 0;
    for (let j = 0; j < buckets; j++) max = Math.max(max, Math.abs(weights[k * buckets + j]!));
    const step = max / 127 || 1;
    scale.push(Number(step.toPrecision(6)));
    for (let j = 0; j < buckets; j++) bytes[k * buckets + j] = Math.round(weights[k * buckets + j]! / scale[k]!);
  }
  return { classes: s.classes, bias: Array.from(bias, round), scale, weights: toBase64(new Uint8Array(bytes.buffer)) };
}

/** The compact file form of a trained model. */
export function encodeLearned(model: LearnedRelevance): LearnedRelevanceFile {
  const principles: Record<string, PoolRowFile> = {};
  model.poolIds.forEach((id, k) => {
    const row = Array.from(model.pool.weights.subarray(k * model.pool.buckets, (k + 1) * model.pool.buckets), (w, j) => [j, w] as [number, number]);
    const kept = row.filter(([, w]) => w !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, POOL_WEIGHTS_KEPT);
    kept.sort((a, b) => a[0] - b[0]);
    const max = kept.reduce((m, [, w]) => Math.max(m, Math.abs(w)), 0);
    const scale = Number((max / 127 || 1).toPrecision(6));
    const bytes = new Uint8Array(kept.length * 3);
    const view = new DataView(bytes.buffer);
    kept.forEach(([j, w], i) => {
      view.setUint16(i * 3, j, true);
      view.setInt8(i * 3 + 2, Math.round(w / scale));
    });
    principles[id] = { bias: round(model.pool.bias[k]!), scale, weights: toBase64(bytes) };
  });
  const scenario = Object.fromEntries(LEARNED_DIMENSIONS.map((d) => [d, encodeSoftmax(model.scenario[d])])) as Record<LearnedDimension, SoftmaxFile>;
  return { format: LEARNED_FORMAT, trainedOn: model.trainedOn, bits: model.bits, scenario, pool: { principles } };
}

function isNumbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function isSoftmaxFile(v: unknown): v is SoftmaxFile {
  const s = v as Partial<SoftmaxFile> | null;
  return !!s && Array.isArray(s.classes) && s.classes.every((c) => typeof c === 'string') && isNumbers(s.bias) && isNumbers(s.scale) && typeof s.weights === 'string';
}

/** Whether a parsed JSON value has the file form's shape (its sizes are checked by decodeLearned). */
export function isLearnedRelevanceFile(v: unknown): v is LearnedRelevanceFile {
  const f = v as Partial<LearnedRelevanceFile> | null;
  if (!f || f.format !== LEARNED_FORMAT || !Number.isInteger(f.bits) || f.bits! < 1 || f.bits! > 20) return false;
  const t = f.trainedOn;
  if (!t || !Array.isArray(t.parts) || !Array.isArray(t.scenarioParts) || typeof t.questions !== 'number' || typeof t.scenarioQuestions !== 'number' || typeof t.library !== 'string') return false;
  if (!f.scenario || !LEARNED_DIMENSIONS.every((d) => isSoftmaxFile(f.scenario![d]))) return false;
  const principles = f.pool?.principles;
  if (!principles || typeof principles !== 'object') return false;
  return Object.values(principles).every((p) => p && Number.isFinite(p.bias) && Number.isFinite(p.scale) && typeof p.weights === 'string');
}

function decodeSoftmax(file: SoftmaxFile, buckets: number, dimension: string): LearnedSoftmax {
  const outputs = file.classes.length;
  const bytes = new Int8Array(fromBase64(file.weights).buffer);
  if (bytes.length !== outputs * buckets || file.scale.length !== outputs || file.bias.length !== outputs) {
    throw new Error(`learned relevance model: ${dimension} weights do not match its classes and buckets`);
  }
  const weights = Float64Array.from(bytes, (b, i) => b * file.scale[Math.floor(i / buckets)]!);
  return { classes: file.classes, weights: { outputs, buckets, weights, bias: Float64Array.from(file.bias) } };
}

/** Reads the file form; throws on a file of another format or shape. */
export function decodeLearned(input: unknown): LearnedRelevance {
  if (!isLearnedRelevanceFile(input)) throw new Error(`not a learned relevance model (${LEARNED_FORMAT})`);
  const file = input;
  const buckets = 1 << file.bits;
  const scenario = Object.fromEntries(LEARNED_DIMENSIONS.map((d) => [d, decodeSoftmax(file.scenario[d], buckets, d)])) as Record<LearnedDimension, LearnedSoftmax>;
  const poolIds = Object.keys(file.pool.principles).sort();
  const pool = new Float64Array(poolIds.length * buckets);
  const poolBias = new Float64Array(poolIds.length);
  poolIds.forEach((id, k) => {
    const p = file.pool.principles[id]!;
    poolBias[k] = p.bias;
    const bytes = fromBase64(p.weights);
    if (bytes.length % 3 !== 0) throw new Error(`learned relevance model: ${id}'s pool weights are not whole entries`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length; i += 3) {
      const j = view.getUint16(i, true);
      if (j >= buckets) throw new Error(`learned relevance model: ${id} has a weight past the ${buckets} buckets`);
      pool[k * buckets + j] = view.getInt8(i + 2) * p.scale;
    }
  });
  return { bits: file.bits, trainedOn: file.trainedOn, scenario, poolIds, pool: { outputs: poolIds.length, buckets, weights: pool, bias: poolBias } };
}

/** A question's features under this model (compute once, pass to both readings). */
export function learnedFeatures(model: LearnedRelevance, question: string): SparseVector {
  return hashedFeatures(question, model.bits);
}

/** The probability of each value of a dimension for the question. */
export function learnedValues<D extends LearnedDimension>(model: LearnedRelevance, x: SparseVector, dimension: D): ReadonlyMap<Scenario[D], number> {
  const s = model.scenario[dimension];
  const p = softmax(s.weights, x);
  return new Map(s.classes.map((c, k) => [c as Scenario[D], p[k]!]));
}

/**
 * A value the model gives at least this probability is a plausible reading of the question for the
 * pool (selectPrinciplePool's `plausible`), whatever value the scenario holds. Chosen with the pool's
 * weights by fold-out validation among 0.05, 0.1, 0.15, 0.2, 0.3 and 0.4 (see PLAUSIBLE_FIT_PENALTY):
 * higher shuts out more of what a misread scenario needs; from 0.1 down, what it lets in crowds the pool.
 */
export const PLAUSIBLE_AT = 0.15;

/** The values of each learned dimension, other than the scenario's, the model finds plausible for the question. */
export function learnedPlausible(model: LearnedRelevance, x: SparseVector, scenario: Scenario): { [D in LearnedDimension]: Scenario[D][] } {
  const plausibleOf = <D extends LearnedDimension>(dimension: D): Scenario[D][] =>
    [...learnedValues(model, x, dimension)].filter(([value, p]) => p >= PLAUSIBLE_AT && value !== scenario[dimension]).map(([value]) => value);
  return { urgency: plausibleOf('urgency'), expertise: plausibleOf('expertise'), task_type: plausibleOf('task_type') };
}

/** For each general principle the model knows, the probability that it belongs in the question's pool. */
export function learnedPoolPrior(model: LearnedRelevance, x: SparseVector): ReadonlyMap<string, number> {
  const p = logistic(model.pool, x);
  return new Map(model.poolIds.map((id, k) => [id, p[k]!]));
}
