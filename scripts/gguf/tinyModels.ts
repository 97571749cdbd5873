// Tests of the in-browser GGUF engine need real models, and none can be downloaded at test time.
// These are the project's own: a tiny dense llama and a tiny qwen3moe mixture of experts, deterministic.

/**
 * How the weights are shaped (nothing is trained):
 * - Every token embedding has 1 in channel 0 (the "bias channel"). After RMS norm the output matrix
 *   turns that channel into a fixed per-token bias: printable ASCII is neutral, `"` a bit favoured,
 *   spaces and `<|im_end|>` disfavoured, and byte, control and unknown tokens strongly disfavoured,
 *   so replies never contain lone bytes that break UTF-8 decoding. Disfavouring spaces keeps
 *   grammar-constrained JSON compact (a grammar allows optional spaces; the model skips them).
 * - Each printable token (and the byte token for "\n", which ends every ChatML prompt) owns one
 *   more channel, so the output matrix holds a bigram table. It favours one successor per token.
 *   The successors form a shallow tree whose root is `"`, and the successor of `"` is `<|im_end|>`:
 *   decoding walks down the tree and stops after a handful of tokens. So chat replies are a few
 *   characters long, and so are JSON strings under a grammar — every character is a token here, and
 *   the pipeline's token budgets are sized for real tokenizers, so long strings would not fit them.
 * - Attention and feed-forward weights are small random values: they add context-dependent noise
 *   and real compute, but never outweigh the bias or the bigram table. They leave channel 0 alone.
 * - The mixture of experts replaces each layer's feed-forward block with routed experts: a random
 *   router (which ignores channel 0, so the choice depends on the token, not on the shared bias)
 *   picks the top experts per token, and each expert is a small SwiGLU block like the dense one.
 *   Its vocabulary, embeddings and output head are the dense model's, so it answers the same way.
 */

import { seededRandom } from '../../src/lib/core/random';
import { bool, f32, f32Tensor, i32, i32s, f32s, str, strings, u16, u32, writeGguf, type GgufMetadata, type GgufTensorEntry } from './writer';

/** Shape shared by both models. n_embd must be at least 1 + 96 + a few channels (bias, printables, "\n", the rest). */
const N_EMBD = 128;
const N_LAYER = 2;
const N_HEAD = 4;
const N_HEAD_KV = 4;
const HEAD_DIM = N_EMBD / N_HEAD;
/** Dense llama: feed-forward width. */
const N_FF = 256;
/** Mixture of experts: how many experts per layer, how many each token uses, and one expert's width. */
export const MOE_EXPERTS = 8;
export const MOE_EXPERTS_USED = 2;
const MOE_EXPERT_FF = 64;
/**
 * Trained context length. Every character is a token here, so the pipeline's prompts (a rubric
 * prompt with its principles is over 11,000 characters) need a long window; llama.cpp's server caps
 * each request at this value whatever context size is allocated.
 */
const CONTEXT_LENGTH = 32768;
const SEED = 0x5eed1234;

/** Logit shaping, in logit units. */
const BIAS_PRINTABLE = 0;
const BIAS_SPACE = -2;
const BIAS_QUOTE = 0.4;
const BIAS_END = -2;
const BIAS_FORBIDDEN = -20;
/** Added to the favoured successor; larger than 2 * BIGRAM_NOISE + the space and quote biases. */
const BIGRAM_BOOST = 2.2;
const END_AFTER_QUOTE_BOOST = 10;
/** Half-width of the uniform noise in the bigram table: it keeps sampled replies varied. */
const BIGRAM_NOISE = 0.5;
/** Router weights: large enough that different tokens prefer different experts. */
const ROUTER_STD = 0.3;

/** llama.cpp token types. */
const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

const ALIGNMENT = 32;

const CHAT_TEMPLATE =
  "{%- for message in messages -%}" +
  "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' -}}" +
  '{%- endfor -%}' +
  "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}";

/** Which of the project's tiny models. */
export type TinyModelKind = 'llama' | 'qwen3moe';

/** Element at an index that is known to exist (keeps `noUncheckedIndexedAccess` honest). */
function at<T>(list: ArrayLike<T>, i: number): T {
  const value = list[i];
  if (value === undefined) throw new RangeError(`index ${i} out of range`);
  return value;
}

interface Vocab {
  tokens: string[];
  scores: number[];
  types: number[];
  printable: number[];
  quote: number;
  space: number;
  newline: number;
  imStart: number;
  imEnd: number;
  unk: number;
  bos: number;
  eos: number;
}

/**
 * SentencePiece-style vocabulary: specials, 256 byte-fallback tokens, one token per printable
 * ASCII character ("▁" stands for the space), then the ChatML control tokens.
 */
function buildVocab(): Vocab {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const add = (text: string, type: number, score = 0) => {
    tokens.push(text);
    types.push(type);
    scores.push(score);
    return tokens.length - 1;
  };
  const unk = add('<unk>', TOKEN_UNKNOWN);
  const bos = add('<s>', TOKEN_CONTROL);
  const eos = add('</s>', TOKEN_CONTROL);
  let newline = -1;
  for (let b = 0; b < 256; b++) {
    const id = add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_BYTE);
    if (b === 0x0a) newline = id;
  }
  // No multi-character tokens, so there are no merges and the scores only need to be distinct.
  const space = add('\u2581', TOKEN_NORMAL, -1);
  const printable = [space];
  for (let c = 0x21; c <= 0x7e; c++) {
    printable.push(add(String.fromCharCode(c), TOKEN_NORMAL, -1 - printable.length));
  }
  const imStart = add('<|im_start|>', TOKEN_CONTROL);
  const imEnd = add('<|im_end|>', TOKEN_CONTROL);
  return { tokens, scores, types, printable, unk, bos, eos, newline, imStart, imEnd, space, quote: tokens.indexOf('"') };
}

/**
 * Preferred next token for each printable token and for "\n": a random tree rooted at `"`,
 * where each step moves to about a quarter of the distance from the root (so at most four steps
 * from anywhere), and `"` is followed by `<|im_end|>`.
 */
function buildSuccessors(vocab: Vocab, rand: () => number): Map<number, number> {
  const others = vocab.printable.filter((id) => id !== vocab.quote);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [others[i], others[j]] = [at(others, j), at(others, i)];
  }
  const chain = [vocab.quote, ...others];
  const successors = new Map([[vocab.quote, vocab.imEnd]]);
  for (let i = 1; i < chain.length; i++) {
    successors.set(at(chain, i), at(chain, Math.floor(i / 4) - (i >= 4 ? Math.floor(rand() * 2) : 0)));
  }
  // The reply starts far from the root, so greedy replies are a few characters long.
  successors.set(vocab.newline, at(chain, chain.length - 1 - Math.floor(rand() * 20)));
  return successors;
}

/** Draws from one seeded generator in a fixed order, so the bytes never change between runs. */
class WeightSource {
  readonly #rand: () => number;
  constructor(seed: number) {
    this.#rand = seededRandom(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.#rand();
  }
  /** Uniform noise with the given standard deviation. */
  noise(std: number): number {
    return (this.#rand() * 2 - 1) * std * Math.sqrt(3);
  }
  array(n: number, std: number): Float32Array {
    return Float32Array.from({ length: n }, () => this.noise(std));
  }
}

/**
 * Token embeddings, output norm and output matrix: the part that decides what the models say.
 * Draws from `rand` first (embeddings, successor tree, bigram noise), so both models share it.
 */
function buildHead(vocab: Vocab, rand: WeightSource): GgufTensorEntry[] {
  const nVocab = vocab.tokens.length;
  // Channel layout: 0 = bias, 1..95 = printable tokens, 96 = "\n", the rest = all other tokens.
  const printableChannel = new Map(vocab.printable.map((id, i) => [id, 1 + i]));
  const newlineChannel = 1 + vocab.printable.length;
  const sharedFrom = newlineChannel + 1;
  const sharedCount = N_EMBD - sharedFrom;
  if (sharedCount < 8) throw new Error('N_EMBD too small for the vocabulary');

  const embeddings = new Float32Array(N_EMBD * nVocab);
  for (let t = 0; t < nVocab; t++) {
    const row = embeddings.subarray(t * N_EMBD, (t + 1) * N_EMBD);
    row[0] = 1;
    const own = t === vocab.newline ? newlineChannel : printableChannel.get(t);
    if (own !== undefined) {
      row[own] = 1;
    } else {
      // A random unit vector in the shared channels, so every embedding has the same norm.
      const values = Array.from({ length: sharedCount }, () => Math.fround(rand.noise(1)));
      const norm = Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
      values.forEach((x, i) => {
        row[sharedFrom + i] = x / norm;
      });
    }
  }

  // RMS norm maps an embedding (squared norm 2) to one with channel 0 equal to this scale.
  const normScale = Math.sqrt(N_EMBD / 2);
  const successors = buildSuccessors(vocab, () => rand.next());
  const printableSet = new Set(vocab.printable);
  const baseBias = (v: number) => {
    if (v === vocab.space) return BIAS_SPACE;
    if (v === vocab.quote) return BIAS_QUOTE;
    if (v === vocab.imEnd) return BIAS_END;
    return printableSet.has(v) ? BIAS_PRINTABLE : BIAS_FORBIDDEN;
  };
  const output = new Float32Array(N_EMBD * nVocab);
  for (let v = 0; v < nVocab; v++) {
    const row = output.subarray(v * N_EMBD, (v + 1) * N_EMBD);
    row[0] = baseBias(v) / normScale;
    if (!printableSet.has(v)) continue;
    for (let i = 1; i < N_EMBD; i++) row[i] = ((rand.next() * 2 - 1) * BIGRAM_NOISE) / normScale;
  }
  for (const [current, next] of successors) {
    const channel = current === vocab.newline ? newlineChannel : printableChannel.get(current);
    if (channel === undefined) throw new Error('successor of a token without a channel');
    const boost = next === vocab.imEnd ? END_AFTER_QUOTE_BOOST : BIGRAM_BOOST;
    const index = next * N_EMBD + channel;
    output[index] = at(output, index) + boost / normScale;
  }
  return [
    f32Tensor('token_embd.weight', [N_EMBD, nVocab], embeddings),
    f32Tensor('output_norm.weight', [N_EMBD], ones(N_EMBD)),
    f32Tensor('output.weight', [N_EMBD, nVocab], output),
  ];
}

const ones = (n: number) => new Float32Array(n).fill(1);

/**
 * Zeroes the weights that write into channel 0: in ggml order a matrix [nIn, nOut] stores one row
 * of nIn inputs per output, so output 0 is the first nIn values (of every expert slice, for a
 * stacked [nIn, nOut, nExpert] tensor).
 */
function keepBiasChannel(m: Float32Array, nIn: number, nOut: number, slices = 1): Float32Array {
  for (let s = 0; s < slices; s++) m.fill(0, s * nIn * nOut, s * nIn * nOut + nIn);
  return m;
}

/** The attention block of layer `l`, in llama.cpp's names (q_norm/k_norm only where the architecture has them). */
function attention(p: string, rand: WeightSource, withQkNorm: boolean): GgufTensorEntry[] {
  const kvDim = HEAD_DIM * N_HEAD_KV;
  const tensors = [
    f32Tensor(p + 'attn_norm.weight', [N_EMBD], ones(N_EMBD)),
    f32Tensor(p + 'attn_q.weight', [N_EMBD, N_EMBD], rand.array(N_EMBD * N_EMBD, 0.08)),
    f32Tensor(p + 'attn_k.weight', [N_EMBD, kvDim], rand.array(N_EMBD * kvDim, 0.08)),
    f32Tensor(p + 'attn_v.weight', [N_EMBD, kvDim], rand.array(N_EMBD * kvDim, 0.05)),
    f32Tensor(p + 'attn_output.weight', [N_EMBD, N_EMBD], keepBiasChannel(rand.array(N_EMBD * N_EMBD, 0.002), N_EMBD, N_EMBD)),
  ];
  if (withQkNorm) {
    tensors.push(f32Tensor(p + 'attn_q_norm.weight', [HEAD_DIM], ones(HEAD_DIM)), f32Tensor(p + 'attn_k_norm.weight', [HEAD_DIM], ones(HEAD_DIM)));
  }
  return tensors;
}

function llamaLayers(rand: WeightSource): GgufTensorEntry[] {
  const tensors: GgufTensorEntry[] = [];
  for (let l = 0; l < N_LAYER; l++) {
    const p = `blk.${l}.`;
    tensors.push(
      ...attention(p, rand, false),
      f32Tensor(p + 'ffn_norm.weight', [N_EMBD], ones(N_EMBD)),
      f32Tensor(p + 'ffn_gate.weight', [N_EMBD, N_FF], rand.array(N_EMBD * N_FF, 0.1)),
      f32Tensor(p + 'ffn_up.weight', [N_EMBD, N_FF], rand.array(N_EMBD * N_FF, 0.1)),
      f32Tensor(p + 'ffn_down.weight', [N_FF, N_EMBD], keepBiasChannel(rand.array(N_FF * N_EMBD, 0.0015), N_FF, N_EMBD)),
    );
  }
  return tensors;
}

/** qwen3moe layers: attention with per-head q/k norms, a router, and stacked expert matrices. */
function moeLayers(rand: WeightSource): GgufTensorEntry[] {
  const tensors: GgufTensorEntry[] = [];
  const e = MOE_EXPERTS;
  const ff = MOE_EXPERT_FF;
  for (let l = 0; l < N_LAYER; l++) {
    const p = `blk.${l}.`;
    // The router reads the normed hidden state; zeroing its channel-0 column keeps the shared bias
    // (equal for every token) out of the expert choice.
    const router = rand.array(N_EMBD * e, ROUTER_STD);
    for (let x = 0; x < e; x++) router[x * N_EMBD] = 0;
    tensors.push(
      ...attention(p, rand, true),
      f32Tensor(p + 'ffn_norm.weight', [N_EMBD], ones(N_EMBD)),
      f32Tensor(p + 'ffn_gate_inp.weight', [N_EMBD, e], router),
      f32Tensor(p + 'ffn_gate_exps.weight', [N_EMBD, ff, e], rand.array(N_EMBD * ff * e, 0.1)),
      f32Tensor(p + 'ffn_up_exps.weight', [N_EMBD, ff, e], rand.array(N_EMBD * ff * e, 0.1)),
      // Each expert is narrower than the dense block, so its output weights are a little larger.
      f32Tensor(p + 'ffn_down_exps.weight', [ff, N_EMBD, e], keepBiasChannel(rand.array(ff * N_EMBD * e, 0.003), ff, N_EMBD, e)),
    );
  }
  return tensors;
}

/** Architecture-specific metadata keys (`<arch>.…`), in file order. */
function architectureMetadata(kind: TinyModelKind, nVocab: number): GgufMetadata {
  const a = kind;
  const common: GgufMetadata = [
    [`${a}.context_length`, u32(CONTEXT_LENGTH)],
    [`${a}.embedding_length`, u32(N_EMBD)],
    [`${a}.block_count`, u32(N_LAYER)],
  ];
  if (kind === 'llama') {
    return [
      ...common,
      [`${a}.feed_forward_length`, u32(N_FF)],
      [`${a}.attention.head_count`, u32(N_HEAD)],
      [`${a}.attention.head_count_kv`, u32(N_HEAD_KV)],
      [`${a}.attention.layer_norm_rms_epsilon`, f32(1e-5)],
      [`${a}.rope.dimension_count`, u32(HEAD_DIM)],
      [`${a}.rope.freq_base`, f32(10000)],
      [`${a}.vocab_size`, u32(nVocab)],
    ];
  }
  return [
    ...common,
    // llama.cpp reads the expert width from expert_feed_forward_length; the dense width is what
    // the experts used per token add up to, as Qwen's own conversions write it.
    [`${a}.feed_forward_length`, u32(MOE_EXPERT_FF * MOE_EXPERTS_USED)],
    [`${a}.expert_feed_forward_length`, u32(MOE_EXPERT_FF)],
    [`${a}.expert_count`, u32(MOE_EXPERTS)],
    [`${a}.expert_used_count`, u32(MOE_EXPERTS_USED)],
    [`${a}.attention.head_count`, u32(N_HEAD)],
    [`${a}.attention.head_count_kv`, u32(N_HEAD_KV)],
    [`${a}.attention.key_length`, u32(HEAD_DIM)],
    [`${a}.attention.value_length`, u32(HEAD_DIM)],
    [`${a}.attention.layer_norm_rms_epsilon`, f32(1e-6)],
    [`${a}.rope.dimension_count`, u32(HEAD_DIM)],
    [`${a}.rope.freq_base`, f32(1_000_000)],
    [`${a}.vocab_size`, u32(nVocab)],
  ];
}

interface TinyModel {
  metadata: GgufMetadata;
  tensors: GgufTensorEntry[];
}

/** The metadata and tensors of one tiny model. */
function buildModel(kind: TinyModelKind): TinyModel {
  const vocab = buildVocab();
  // One seed for both, so they share the head and the successor tree; only the layers differ.
  const rand = new WeightSource(SEED);
  const head = buildHead(vocab, rand);
  const tensors = [...head, ...(kind === 'llama' ? llamaLayers(rand) : moeLayers(rand))];
  const metadata: GgufMetadata = [
    ['general.architecture', str(kind)],
    ['general.name', str(kind === 'llama' ? 'clinrevise-tiny-test' : 'clinrevise-tiny-moe-test')],
    ['general.alignment', u32(ALIGNMENT)],
    ...architectureMetadata(kind, vocab.tokens.length),
    ['tokenizer.ggml.model', str('llama')],
    ['tokenizer.ggml.tokens', strings(vocab.tokens)],
    ['tokenizer.ggml.scores', f32s(vocab.scores)],
    ['tokenizer.ggml.token_type', i32s(vocab.types)],
    ['tokenizer.ggml.unknown_token_id', u32(vocab.unk)],
    ['tokenizer.ggml.bos_token_id', u32(vocab.bos)],
    ['tokenizer.ggml.eos_token_id', u32(vocab.eos)],
    ['tokenizer.ggml.eot_token_id', u32(vocab.imEnd)],
    ['tokenizer.ggml.add_bos_token', bool(true)],
    ['tokenizer.ggml.add_eos_token', bool(false)],
    // With a space prefix, "<|im_start|>assistant" would tokenize as "<|im_start|>▁assistant", and
    // llama.cpp's JSON-schema grammar (which starts with the generation prompt) would reject it.
    ['tokenizer.ggml.add_space_prefix', bool(false)],
    ['tokenizer.chat_template', str(CHAT_TEMPLATE)],
  ];
  return { metadata, tensors };
}

/** One tiny model as GGUF v3 bytes. Pure and deterministic: the same bytes on every call. */
export function buildTinyModel(kind: TinyModelKind): Uint8Array {
  const { metadata, tensors } = buildModel(kind);
  return writeGguf({ metadata, tensors, alignment: ALIGNMENT });
}

/**
 * One tiny model split into `count` files the way llama.cpp's gguf-split does: every part holds
 * some of the tensors and the split keys; the first part also holds all other metadata.
 */
export function buildTinyModelParts(kind: TinyModelKind, count: number, stem = 'tiny'): { name: string; bytes: Uint8Array }[] {
  const { metadata, tensors } = buildModel(kind);
  const per = Math.ceil(tensors.length / count);
  const pad = (n: number) => String(n).padStart(5, '0');
  return Array.from({ length: count }, (_, i) => {
    const split: GgufMetadata = [
      ['split.no', u16(i)],
      ['split.count', u16(count)],
      ['split.tensors.count', i32(tensors.length)],
    ];
    return {
      name: `${stem}-${pad(i + 1)}-of-${pad(count)}.gguf`,
      bytes: writeGguf({ metadata: i === 0 ? [...metadata, ...split] : split, tensors: tensors.slice(i * per, (i + 1) * per), alignment: ALIGNMENT }),
    };
  });
}
