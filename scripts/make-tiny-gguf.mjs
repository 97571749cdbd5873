// Tests of the in-browser GGUF engine need a real model, and none can be downloaded at test time.
// This writes a tiny, deterministic llama model whose chat replies are printable ASCII that ends by itself.

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
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Model shape. n_embd must be at least 1 + 96 + a few channels (bias, printables, "\n", the rest). */
const N_EMBD = 128;
const N_LAYER = 2;
const N_HEAD = 4;
const N_HEAD_KV = 4;
const N_FF = 256;
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

/** GGUF metadata value types. */
const GGUF_UINT16 = 2;
const GGUF_UINT32 = 4;
const GGUF_INT32 = 5;
const GGUF_FLOAT32 = 6;
const GGUF_BOOL = 7;
const GGUF_STRING = 8;
const GGUF_ARRAY = 9;

/** ggml tensor type F32, and llama.cpp token types. */
const GGML_TYPE_F32 = 0;
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

/**
 * Element at an index that is known to exist (keeps `noUncheckedIndexedAccess` honest).
 * @template T
 * @param {ArrayLike<T>} list
 * @param {number} i
 * @returns {T}
 */
function at(list, i) {
  const value = list[i];
  if (value === undefined) throw new RangeError(`index ${i} out of range`);
  return value;
}

/**
 * Seeded PRNG (mulberry32). Only integer ops and one division, so every run and engine agree.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @typedef {{ tokens: string[], scores: number[], types: number[], printable: number[],
 *   quote: number, space: number, newline: number, imStart: number, imEnd: number,
 *   unk: number, bos: number, eos: number }} Vocab
 */

/**
 * SentencePiece-style vocabulary: specials, 256 byte-fallback tokens, one token per printable
 * ASCII character ("▁" stands for the space), then the ChatML control tokens.
 * @returns {Vocab}
 */
function buildVocab() {
  /** @type {string[]} */ const tokens = [];
  /** @type {number[]} */ const scores = [];
  /** @type {number[]} */ const types = [];
  /** @param {string} text @param {number} type @param {number} [score] */
  const add = (text, type, score = 0) => {
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
  return {
    tokens, scores, types, printable, unk, bos, eos, newline, imStart, imEnd, space,
    quote: tokens.indexOf('"'),
  };
}

/**
 * Preferred next token for each printable token and for "\n": a random tree rooted at `"`,
 * where each step moves to about a quarter of the distance from the root (so at most four steps
 * from anywhere), and `"` is followed by `<|im_end|>`.
 * @param {Vocab} vocab
 * @param {() => number} rand
 * @returns {Map<number, number>} current token id -> favoured next token id
 */
function buildSuccessors(vocab, rand) {
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

/**
 * @typedef {{ name: string, dims: number[], data: Float32Array }} Tensor
 */

/**
 * All tensors of the model, in llama.cpp's names and ggml dimension order (ne0 first).
 * @param {Vocab} vocab
 * @returns {Tensor[]}
 */
function buildTensors(vocab) {
  const rand = mulberry32(SEED);
  /** Uniform noise with the given standard deviation. */
  const noise = (/** @type {number} */ std) => (rand() * 2 - 1) * std * Math.sqrt(3);
  /** @param {number} n @param {number} std */
  const randomArray = (n, std) => Float32Array.from({ length: n }, () => noise(std));
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
      const values = Array.from({ length: sharedCount }, () => Math.fround(noise(1)));
      const norm = Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
      values.forEach((x, i) => {
        row[sharedFrom + i] = x / norm;
      });
    }
  }

  // RMS norm maps an embedding (squared norm 2) to one with channel 0 equal to this scale.
  const normScale = Math.sqrt(N_EMBD / 2);
  const successors = buildSuccessors(vocab, rand);
  const printableSet = new Set(vocab.printable);
  /** @param {number} v */
  const baseBias = (v) => {
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
    for (let i = 1; i < N_EMBD; i++) row[i] = ((rand() * 2 - 1) * BIGRAM_NOISE) / normScale;
  }
  for (const [current, next] of successors) {
    const channel = current === vocab.newline ? newlineChannel : printableChannel.get(current);
    const boost = next === vocab.imEnd ? END_AFTER_QUOTE_BOOST : BIGRAM_BOOST;
    const index = next * N_EMBD + /** @type {number} */ (channel);
    output[index] = at(output, index) + boost / normScale;
  }

  const ones = () => new Float32Array(N_EMBD).fill(1);
  /** A matrix whose outputs never write into channel 0 (rows are ne1, the output index). */
  const keepBiasChannel = (/** @type {Float32Array} */ m, /** @type {number} */ nIn) => {
    m.fill(0, 0, nIn);
    return m;
  };
  const headDim = N_EMBD / N_HEAD;
  const kvDim = headDim * N_HEAD_KV;

  /** @type {Tensor[]} */
  const tensors = [
    { name: 'token_embd.weight', dims: [N_EMBD, nVocab], data: embeddings },
    { name: 'output_norm.weight', dims: [N_EMBD], data: ones() },
    { name: 'output.weight', dims: [N_EMBD, nVocab], data: output },
  ];
  for (let l = 0; l < N_LAYER; l++) {
    const p = `blk.${l}.`;
    tensors.push(
      { name: p + 'attn_norm.weight', dims: [N_EMBD], data: ones() },
      { name: p + 'attn_q.weight', dims: [N_EMBD, N_EMBD], data: randomArray(N_EMBD * N_EMBD, 0.08) },
      { name: p + 'attn_k.weight', dims: [N_EMBD, kvDim], data: randomArray(N_EMBD * kvDim, 0.08) },
      { name: p + 'attn_v.weight', dims: [N_EMBD, kvDim], data: randomArray(N_EMBD * kvDim, 0.05) },
      {
        name: p + 'attn_output.weight',
        dims: [N_EMBD, N_EMBD],
        data: keepBiasChannel(randomArray(N_EMBD * N_EMBD, 0.002), N_EMBD),
      },
      { name: p + 'ffn_norm.weight', dims: [N_EMBD], data: ones() },
      { name: p + 'ffn_gate.weight', dims: [N_EMBD, N_FF], data: randomArray(N_EMBD * N_FF, 0.1) },
      { name: p + 'ffn_up.weight', dims: [N_EMBD, N_FF], data: randomArray(N_EMBD * N_FF, 0.1) },
      {
        name: p + 'ffn_down.weight',
        dims: [N_FF, N_EMBD],
        data: keepBiasChannel(randomArray(N_FF * N_EMBD, 0.0015), N_FF),
      },
    );
  }
  return tensors;
}

/** Little-endian byte sink for the GGUF header. */
class ByteWriter {
  constructor() {
    /** @type {Uint8Array[]} */ this.chunks = [];
    this.length = 0;
  }
  /** @param {Uint8Array} bytes */
  bytes(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  /** @param {number} size @param {(view: DataView) => void} fill */
  fixed(size, fill) {
    const buf = new Uint8Array(size);
    fill(new DataView(buf.buffer));
    this.bytes(buf);
  }
  /** @param {number} v */ u16(v) { this.fixed(2, (d) => d.setUint16(0, v, true)); }
  /** @param {number} v */ u32(v) { this.fixed(4, (d) => d.setUint32(0, v, true)); }
  /** @param {number} v */ i32(v) { this.fixed(4, (d) => d.setInt32(0, v, true)); }
  /** @param {number} v */ f32(v) { this.fixed(4, (d) => d.setFloat32(0, v, true)); }
  /** @param {number} v */ u64(v) { this.fixed(8, (d) => d.setBigUint64(0, BigInt(v), true)); }
  /** @param {boolean} v */ bool(v) { this.bytes(Uint8Array.of(v ? 1 : 0)); }
  /** GGUF string: u64 byte length, then UTF-8 without a terminator. @param {string} s */
  str(s) {
    const utf8 = new TextEncoder().encode(s);
    this.u64(utf8.length);
    this.bytes(utf8);
  }
  /** Zero bytes up to the next multiple of the alignment. */
  align() {
    const pad = (ALIGNMENT - (this.length % ALIGNMENT)) % ALIGNMENT;
    if (pad) this.bytes(new Uint8Array(pad));
  }
  /** @returns {Uint8Array} */
  concat() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/**
 * @typedef {[key: string, type: number, value: unknown, arrayType?: number]} MetadataEntry
 */

/**
 * @param {ByteWriter} w
 * @param {number} type
 * @param {unknown} value
 */
function writeValue(w, type, value) {
  switch (type) {
    case GGUF_UINT16: return w.u16(/** @type {number} */ (value));
    case GGUF_UINT32: return w.u32(/** @type {number} */ (value));
    case GGUF_INT32: return w.i32(/** @type {number} */ (value));
    case GGUF_FLOAT32: return w.f32(/** @type {number} */ (value));
    case GGUF_BOOL: return w.bool(/** @type {boolean} */ (value));
    case GGUF_STRING: return w.str(/** @type {string} */ (value));
    default: throw new Error(`unsupported GGUF value type ${type}`);
  }
}

/**
 * The model's metadata and tensors.
 * @returns {{ metadata: MetadataEntry[], tensors: Tensor[] }}
 */
function buildModel() {
  const vocab = buildVocab();
  const tensors = buildTensors(vocab);

  /** @type {MetadataEntry[]} */
  const metadata = [
    ['general.architecture', GGUF_STRING, 'llama'],
    ['general.name', GGUF_STRING, 'clinrevise-tiny-test'],
    ['general.alignment', GGUF_UINT32, ALIGNMENT],
    ['llama.context_length', GGUF_UINT32, CONTEXT_LENGTH],
    ['llama.embedding_length', GGUF_UINT32, N_EMBD],
    ['llama.block_count', GGUF_UINT32, N_LAYER],
    ['llama.feed_forward_length', GGUF_UINT32, N_FF],
    ['llama.attention.head_count', GGUF_UINT32, N_HEAD],
    ['llama.attention.head_count_kv', GGUF_UINT32, N_HEAD_KV],
    ['llama.attention.layer_norm_rms_epsilon', GGUF_FLOAT32, 1e-5],
    ['llama.rope.dimension_count', GGUF_UINT32, N_EMBD / N_HEAD],
    ['llama.rope.freq_base', GGUF_FLOAT32, 10000],
    ['llama.vocab_size', GGUF_UINT32, vocab.tokens.length],
    ['tokenizer.ggml.model', GGUF_STRING, 'llama'],
    ['tokenizer.ggml.tokens', GGUF_ARRAY, vocab.tokens, GGUF_STRING],
    ['tokenizer.ggml.scores', GGUF_ARRAY, vocab.scores, GGUF_FLOAT32],
    ['tokenizer.ggml.token_type', GGUF_ARRAY, vocab.types, GGUF_INT32],
    ['tokenizer.ggml.unknown_token_id', GGUF_UINT32, vocab.unk],
    ['tokenizer.ggml.bos_token_id', GGUF_UINT32, vocab.bos],
    ['tokenizer.ggml.eos_token_id', GGUF_UINT32, vocab.eos],
    ['tokenizer.ggml.eot_token_id', GGUF_UINT32, vocab.imEnd],
    ['tokenizer.ggml.add_bos_token', GGUF_BOOL, true],
    ['tokenizer.ggml.add_eos_token', GGUF_BOOL, false],
    // With a space prefix, "<|im_start|>assistant" would tokenize as "<|im_start|>▁assistant", and
    // llama.cpp's JSON-schema grammar (which starts with the generation prompt) would reject it.
    ['tokenizer.ggml.add_space_prefix', GGUF_BOOL, false],
    ['tokenizer.chat_template', GGUF_STRING, CHAT_TEMPLATE],
  ];
  return { metadata, tensors };
}

/**
 * GGUF v3 bytes for this metadata and these tensors (data 32-byte aligned).
 * @param {MetadataEntry[]} metadata
 * @param {Tensor[]} tensors
 * @returns {Uint8Array}
 */
function writeGguf(metadata, tensors) {
  const w = new ByteWriter();
  w.bytes(new TextEncoder().encode('GGUF'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, type, value, arrayType] of metadata) {
    w.str(key);
    w.u32(type);
    if (type === GGUF_ARRAY) {
      const items = /** @type {unknown[]} */ (value);
      w.u32(/** @type {number} */ (arrayType));
      w.u64(items.length);
      for (const item of items) writeValue(w, /** @type {number} */ (arrayType), item);
    } else {
      writeValue(w, type, value);
    }
  }

  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offset);
    offset += Math.ceil(t.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  w.align();
  for (const t of tensors) {
    // Float32Array is little-endian on every platform Node and browsers run on.
    w.bytes(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    w.align();
  }
  return w.concat();
}

/**
 * The whole model as GGUF v3 bytes. Pure and deterministic: the same bytes on every call.
 * @returns {Uint8Array}
 */
export function buildTinyGguf() {
  const { metadata, tensors } = buildModel();
  return writeGguf(metadata, tensors);
}

/**
 * The same model split into `count` files the way llama.cpp's gguf-split does: every part holds
 * some of the tensors and the split keys; the first part also holds all other metadata.
 * @param {number} count
 * @returns {{ name: string, bytes: Uint8Array }[]}
 */
export function buildTinyGgufParts(count) {
  const { metadata, tensors } = buildModel();
  const per = Math.ceil(tensors.length / count);
  const pad = (/** @type {number} */ n) => String(n).padStart(5, '0');
  return Array.from({ length: count }, (_, i) => {
    /** @type {MetadataEntry[]} */
    const split = [
      ['split.no', GGUF_UINT16, i],
      ['split.count', GGUF_UINT16, count],
      ['split.tensors.count', GGUF_INT32, tensors.length],
    ];
    return {
      name: `tiny-${pad(i + 1)}-of-${pad(count)}.gguf`,
      bytes: writeGguf(i === 0 ? [...metadata, ...split] : split, tensors.slice(i * per, (i + 1) * per)),
    };
  });
}

/** Default output: tests/fixtures/tiny.gguf in the repository root. */
export const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures/tiny.gguf');

/**
 * Writes the model file, creating its folder if needed.
 * @param {string} [outPath] defaults to tests/fixtures/tiny.gguf in the repository root
 * @returns {Promise<{ path: string, bytes: number }>}
 */
export async function makeTinyGguf(outPath = DEFAULT_OUT) {
  const path = resolve(outPath);
  const data = buildTinyGguf();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return { path, bytes: data.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { path, bytes } = await makeTinyGguf(process.argv[2]);
  console.log(`wrote ${path} (${bytes} bytes)`);
}
