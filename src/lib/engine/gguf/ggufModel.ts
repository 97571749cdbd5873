// What a GGUF model is and whether this browser can run it, from its header alone: architecture,
// size, quantization, context, experts, a memory estimate, and the split-file bookkeeping.

import { GgufCorruptError, GgufMissingPartsError, GgufTooLargeError, GgufUnsupportedError } from './errors';
import { architectureProblem } from './architectures';
import { FILE_TYPE_LABELS, GGML_TYPES } from './ggmlTypes';
import type { GgufHeader, GgufValue } from './ggufHeader';

/**
 * The most memory the in-browser engine can use: wllama's WebAssembly heap is capped at
 * 65,536 pages of 64 KiB (4 GiB), and model weights, KV cache and work buffers all live in it.
 */
export const BROWSER_MEMORY_LIMIT_BYTES = 4 * 2 ** 30;

/** The WebAssembly runtime, llama.cpp's bookkeeping and the server's buffers: a rough allowance. */
const RUNTIME_OVERHEAD_BYTES = 64 * 2 ** 20;
/** llama.cpp's default micro-batch, which sizes its work buffers. */
const MICRO_BATCH = 512;

/** A model as the settings and the loader describe it. */
export interface GgufModelInfo {
  /** The (first) file's name. */
  fileName: string;
  architecture: string;
  /** `general.name`, when the file has one. */
  name: string | null;
  parameterCount: number;
  /** For mixture-of-experts models: parameters used per token. */
  activeParameterCount: number | null;
  /** e.g. "Q4_K_M" (from general.file_type) or the tensor type holding most bytes. */
  quantization: string;
  /** The context length the model was trained for. */
  contextLength: number | null;
  expertCount: number | null;
  expertUsedCount: number | null;
  layerCount: number | null;
  embeddingLength: number | null;
  /** Width of the feed-forward layers (of one expert, for MoE models). */
  feedForwardLength: number | null;
  headCount: number | null;
  headCountKv: number | null;
  keyLength: number | null;
  valueLength: number | null;
  vocabSize: number | null;
  hasChatTemplate: boolean;
  /** Number of files the model is split into. */
  parts: number;
  /** Size of all files together. */
  fileBytes: number;
  /** Bytes of tensor data (what has to be in memory). */
  weightBytes: number;
}

export interface MemoryEstimate {
  weightsBytes: number;
  kvCacheBytes: number;
  workBytes: number;
  totalBytes: number;
}

function asNumber(value: GgufValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Some architectures store per-layer values; the largest one sizes the cache.
  if (value && typeof value === 'object' && value.items) {
    const numbers = value.items.filter((v): v is number => typeof v === 'number');
    return numbers.length ? Math.max(...numbers) : null;
  }
  return null;
}

function asString(value: GgufValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** Tensors that hold the routed experts of a mixture-of-experts layer (ffn_up_exps and the like). */
const EXPERT_TENSOR = /_exps(\.|$)/;

/**
 * Summarises a model from the headers of its files (one, or every part of a split model in any
 * order). Throws GgufMissingPartsError when the split parts do not add up, GgufCorruptError when
 * the first part lacks an architecture.
 */
export function describeGguf(headers: readonly GgufHeader[]): GgufModelInfo {
  const ordered = orderSplitHeaders(headers);
  const first = ordered[0]!;
  const meta = first.metadata;
  const architecture = asString(meta.get('general.architecture'));
  if (!architecture) throw new GgufCorruptError(first.source, 'it does not name its architecture');
  const arch = (key: string) => meta.get(`${architecture}.${key}`);

  let parameterCount = 0;
  let expertParameters = 0;
  const bytesByType = new Map<number, number>();
  let weightBytes = 0;
  for (const header of ordered) {
    for (const tensor of header.tensors) {
      const elements = tensor.dims.reduce((p, d) => p * d, 1);
      parameterCount += elements;
      if (EXPERT_TENSOR.test(tensor.name)) expertParameters += elements;
      weightBytes += tensor.bytes;
      bytesByType.set(tensor.type, (bytesByType.get(tensor.type) ?? 0) + tensor.bytes);
    }
  }
  const expertCount = asNumber(arch('expert_count'));
  const expertUsedCount = asNumber(arch('expert_used_count'));
  const activeParameterCount =
    expertCount && expertUsedCount && expertParameters > 0
      ? Math.round(parameterCount - expertParameters + (expertParameters * expertUsedCount) / expertCount)
      : null;

  const fileType = asNumber(meta.get('general.file_type'));
  const dominant = [...bytesByType.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const quantization =
    (fileType !== null ? FILE_TYPE_LABELS.get(fileType) : undefined) ??
    (dominant !== undefined ? GGML_TYPES.get(dominant)?.name : undefined) ??
    'unknown';

  const embeddingLength = asNumber(arch('embedding_length'));
  const headCount = asNumber(arch('attention.head_count'));
  const tokens = meta.get('tokenizer.ggml.tokens');
  return {
    fileName: first.source,
    architecture,
    name: asString(meta.get('general.name')),
    parameterCount,
    activeParameterCount,
    quantization,
    contextLength: asNumber(arch('context_length')),
    expertCount,
    expertUsedCount,
    layerCount: asNumber(arch('block_count')),
    embeddingLength,
    feedForwardLength: asNumber(arch('expert_feed_forward_length')) ?? asNumber(arch('feed_forward_length')),
    headCount,
    headCountKv: asNumber(arch('attention.head_count_kv')) ?? headCount,
    keyLength: asNumber(arch('attention.key_length')),
    valueLength: asNumber(arch('attention.value_length')),
    vocabSize: asNumber(arch('vocab_size')) ?? (tokens && typeof tokens === 'object' ? tokens.length : null),
    hasChatTemplate: typeof meta.get('tokenizer.chat_template') === 'string',
    parts: ordered.length,
    fileBytes: ordered.reduce((sum, h) => sum + h.fileSize, 0),
    weightBytes,
  };
}

/** Puts the headers of a split model in part order and checks every part is there exactly once. */
function orderSplitHeaders(headers: readonly GgufHeader[]): GgufHeader[] {
  if (headers.length === 0) throw new GgufMissingPartsError('No model file was given.');
  const count = (h: GgufHeader) => asNumber(h.metadata.get('split.count')) ?? 1;
  const index = (h: GgufHeader) => asNumber(h.metadata.get('split.no')) ?? 0;
  const expected = Math.max(...headers.map(count));
  const ordered = [...headers].sort((a, b) => index(a) - index(b));
  const seen = ordered.map(index);
  const missing = Array.from({ length: expected }, (_, i) => i).filter((i) => !seen.includes(i));
  if (missing.length || ordered.length !== expected || new Set(seen).size !== seen.length) {
    const name = ordered[0]!.source;
    throw new GgufMissingPartsError(
      `“${name}” is one part of a model split into ${expected} files, and ${
        missing.length ? `part${missing.length > 1 ? 's' : ''} ${missing.map((i) => i + 1).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` : 'some parts were given twice'
      }.`,
    );
  }
  return ordered;
}

/** Memory the model needs with a context of `contextSize` tokens (f16 KV cache, default batch). */
export function estimateMemory(info: GgufModelInfo, contextSize: number): MemoryEstimate {
  const layers = info.layerCount ?? 0;
  const heads = info.headCount ?? 0;
  const headDim = info.embeddingLength && heads ? info.embeddingLength / heads : 0;
  const kvHeads = info.headCountKv ?? heads;
  const perTokenPerLayer = kvHeads * ((info.keyLength ?? headDim) + (info.valueLength ?? headDim));
  const kvCacheBytes = layers * contextSize * perTokenPerLayer * 2;
  // Activations of one micro-batch in f32 (llama.cpp enables flash attention, so no full score
  // matrix), plus logits for a few outputs.
  const embd = info.embeddingLength ?? 0;
  const ff = info.feedForwardLength ?? 4 * embd;
  const workBytes = 4 * MICRO_BATCH * (4 * embd + 3 * ff) + 16 * (info.vocabSize ?? 0) + RUNTIME_OVERHEAD_BYTES;
  const weightsBytes = info.weightBytes;
  return { weightsBytes, kvCacheBytes, workBytes, totalBytes: weightsBytes + kvCacheBytes + workBytes };
}

/**
 * Throws when this model cannot run in the browser: GgufUnsupportedError for architectures the
 * built-in llama.cpp cannot chat with, GgufTooLargeError when the memory estimate exceeds the limit.
 */
export function assertRunnable(info: GgufModelInfo, contextSize: number, limitBytes = BROWSER_MEMORY_LIMIT_BYTES): MemoryEstimate {
  const problem = architectureProblem(info.architecture);
  if (problem) throw new GgufUnsupportedError(info.fileName, problem);
  const estimate = estimateMemory(info, contextSize);
  if (estimate.totalBytes > limitBytes) throw new GgufTooLargeError(info.fileName, estimate.totalBytes, limitBytes);
  return estimate;
}

const SPLIT_NAME = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

/** For a split file name ("m-00002-of-00003.gguf"): its stem, 1-based part number and part count. */
export function splitPartOf(fileName: string): { stem: string; part: number; of: number } | null {
  const m = SPLIT_NAME.exec(fileName);
  if (!m) return null;
  return { stem: m[1]!, part: Number(m[2]), of: Number(m[3]) };
}

/**
 * Orders the files the user picked as the parts of one model. A single plain file is a model on its
 * own; split files (`…-00001-of-00003.gguf`) must all be there, once each, with the same stem.
 */
export function orderModelFiles<F extends { name: string }>(files: readonly F[]): F[] {
  if (files.length === 0) throw new GgufMissingPartsError('No model file was given.');
  const parts = files.map((f) => ({ file: f, split: splitPartOf(f.name) }));
  if (parts.length === 1 && !parts[0]!.split) return [...files];
  const plain = parts.filter((p) => !p.split);
  if (plain.length) {
    throw new GgufMissingPartsError(
      `Several files were given, but “${plain[0]!.file.name}” is not a part of a split model (named like model-00001-of-00003.gguf). Give one model at a time.`,
    );
  }
  const first = parts[0]!.split!;
  if (parts.some((p) => p.split!.stem !== first.stem || p.split!.of !== first.of)) {
    throw new GgufMissingPartsError('The files given are parts of different models. Give one model at a time.');
  }
  const numbers = parts.map((p) => p.split!.part);
  const missing = Array.from({ length: first.of }, (_, i) => i + 1).filter((n) => !numbers.includes(n));
  if (missing.length || new Set(numbers).size !== numbers.length) {
    throw new GgufMissingPartsError(
      `“${first.stem}” is split into ${first.of} files, and ${
        missing.length ? `part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` : 'some parts were given twice'
      }.`,
    );
  }
  return [...parts].sort((a, b) => a.split!.part - b.split!.part).map((p) => p.file);
}

/** For the URL of part 1 of a split model, the URLs of every part; otherwise just the URL. */
export function splitPartUrls(url: string): string[] {
  const parsed = new URL(url, 'http://placeholder.invalid');
  const fileName = parsed.pathname.split('/').pop() ?? '';
  const split = splitPartOf(fileName);
  if (!split || split.part !== 1) return [url];
  const pad = (n: number) => String(n).padStart(5, '0');
  return Array.from({ length: split.of }, (_, i) =>
    url.replace(`-${pad(1)}-of-${pad(split.of)}.gguf`, `-${pad(i + 1)}-of-${pad(split.of)}.gguf`),
  );
}
