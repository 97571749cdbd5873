// Linear models over hashed sparse features, trained by full-batch Adam from zero (so training is
// deterministic: the same rows give the same weights on any machine). Two shapes:
// - a softmax classifier (one label of several per row), for a scenario dimension;
// - independent logistic scores (any number of labels per row), for "this principle belongs in
//   the pool", with positives weighted up to balance how rarely each is labelled.
import type { SparseVector } from './features';

export interface TrainOptions {
  /** Feature buckets (the vectors' dimension). */
  readonly buckets: number;
  /** L2 penalty on the weights, per row (the mean loss is minimised plus l2/2 · |w|²). */
  readonly l2: number;
  readonly iterations: number;
  readonly learningRate: number;
}

/** Weights as rows of `buckets` (one row per output), and one bias per output. */
export interface LinearWeights {
  readonly outputs: number;
  readonly buckets: number;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

function scores(model: LinearWeights, x: SparseVector, out: Float64Array): void {
  const { buckets, weights, bias } = model;
  for (let k = 0; k < model.outputs; k++) {
    let z = bias[k]!;
    const row = k * buckets;
    for (let j = 0; j < x.index.length; j++) z += weights[row + x.index[j]!]! * x.value[j]!;
    out[k] = z;
  }
}

/** Softmax probabilities of each output. */
export function softmax(model: LinearWeights, x: SparseVector): Float64Array {
  const z = new Float64Array(model.outputs);
  scores(model, x, z);
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
  return z;
}

/** Each output's own probability (logistic). */
export function logistic(model: LinearWeights, x: SparseVector): Float64Array {
  const z = new Float64Array(model.outputs);
  scores(model, x, z);
  for (let k = 0; k < z.length; k++) z[k] = 1 / (1 + Math.exp(-z[k]!));
  return z;
}

/**
 * Full-batch Adam on a loss whose gradient with respect to each output's score, per row, `gradient`
 * writes (given the current scores). Returns the trained weights.
 */
function fit(
  rows: readonly SparseVector[],
  outputs: number,
  options: TrainOptions,
  gradient: (row: number, z: Float64Array, g: Float64Array) => void,
): LinearWeights {
  const { buckets, l2, iterations, learningRate } = options;
  const size = outputs * buckets;
  const weights = new Float64Array(size);
  const bias = new Float64Array(outputs);
  const model: LinearWeights = { outputs, buckets, weights, bias };
  const gw = new Float64Array(size), mw = new Float64Array(size), vw = new Float64Array(size);
  const gb = new Float64Array(outputs), mb = new Float64Array(outputs), vb = new Float64Array(outputs);
  const z = new Float64Array(outputs), g = new Float64Array(outputs);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const n = rows.length || 1;
  for (let t = 1; t <= iterations; t++) {
    gw.fill(0);
    gb.fill(0);
    rows.forEach((x, r) => {
      scores(model, x, z);
      gradient(r, z, g);
      for (let k = 0; k < outputs; k++) {
        const gk = g[k]! / n;
        if (gk === 0) continue;
        gb[k]! += gk;
        const row = k * buckets;
        for (let j = 0; j < x.index.length; j++) gw[row + x.index[j]!]! += gk * x.value[j]!;
      }
    });
    const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
    for (let i = 0; i < size; i++) {
      const gi = gw[i]! + l2 * weights[i]!;
      mw[i] = b1 * mw[i]! + (1 - b1) * gi;
      vw[i] = b2 * vw[i]! + (1 - b2) * gi * gi;
      weights[i]! -= (learningRate * mw[i]! / c1) / (Math.sqrt(vw[i]! / c2) + eps);
    }
    for (let k = 0; k < outputs; k++) {
      mb[k] = b1 * mb[k]! + (1 - b1) * gb[k]!;
      vb[k] = b2 * vb[k]! + (1 - b2) * gb[k]! * gb[k]!;
      bias[k]! -= (learningRate * mb[k]! / c1) / (Math.sqrt(vb[k]! / c2) + eps);
    }
  }
  return model;
}

/** A softmax classifier: `labels[r]` is row r's output index. */
export function trainSoftmax(rows: readonly SparseVector[], labels: readonly number[], outputs: number, options: TrainOptions): LinearWeights {
  return fit(rows, outputs, options, (r, z, g) => {
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += g[k] = Math.exp(z[k]! - max);
    for (let k = 0; k < outputs; k++) g[k] = g[k]! / sum - (k === labels[r] ? 1 : 0);
  });
}

/** Independent logistic outputs: `positives[r]` holds the outputs that are true for row r. */
export function trainLogistic(rows: readonly SparseVector[], positives: readonly ReadonlySet<number>[], outputs: number, options: TrainOptions): LinearWeights {
  // Balance each output's positives against its negatives (each side carries half the weight).
  const count = new Float64Array(outputs);
  for (const set of positives) for (const k of set) count[k]!++;
  const n = rows.length;
  const up = Float64Array.from(count, (c) => (c ? n / (2 * c) : 0));
  const down = Float64Array.from(count, (c) => (c < n ? n / (2 * (n - c)) : 0));
  return fit(rows, outputs, options, (r, z, g) => {
    const set = positives[r]!;
    for (let k = 0; k < outputs; k++) {
      const p = 1 / (1 + Math.exp(-z[k]!));
      g[k] = set.has(k) ? (p - 1) * up[k]! : p * down[k]!;
    }
  });
}
