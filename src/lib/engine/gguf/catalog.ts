// A curated list of GGUF chat models that a browser tab can hold, mixture-of-experts first, as data:
// where to download each, its licence and shape, and what a tab needs to run it. No I/O happens here.

/**
 * Provenance: URLs follow the file names the hosts publish; sizes are the hosts' listed sizes,
 * rounded (so `bytesExact` is false); architecture numbers are the models' published configs.
 * None of it was fetched from the machine that wrote this file (the hosts are unreachable there),
 * so no SHA-256 is pinned: the first download records the hash and its exact size, and later loads
 * verify against that record (`integrity: 'recorded_on_first_download'`).
 */

import { BROWSER_MEMORY_LIMIT_BYTES } from './ggufModel';

/** Bumped whenever an entry is added, removed or changed, so stored recommendations can be revisited. */
export const CATALOG_VERSION = 1;

/**
 * The largest single file wllama can load: it reads each file into one ArrayBuffer, whose length
 * tops out at 2 GiB; a bigger model must be split into parts (llama-gguf-split) first.
 */
export const MAX_FILE_BYTES = 2 ** 31 - 1;

/** One downloadable file (one part of a split model, or the whole model). */
export interface CatalogFile {
  url: string;
  fileName: string;
  /** Size in bytes: the host's listed size, rounded, unless `bytesExact`. */
  bytes: number;
  bytesExact: boolean;
  /** Lower-case hex SHA-256, or null when it could not be learned (recorded on first download). */
  sha256: string | null;
}

export interface CatalogMixture {
  /** Routed experts per layer. */
  experts: number;
  /** Experts each token is routed to. */
  expertsUsed: number;
}

/** The attention shape, which sizes the KV cache. */
export interface CatalogAttention {
  layers: number;
  kvHeads: number;
  headDim: number;
}

export interface CatalogEntry {
  /** Stable id, e.g. "granite-3.1-1b-a400m-instruct-q4_k_m". */
  id: string;
  /** Display name. */
  name: string;
  /** llama.cpp's architecture name (`general.architecture`). */
  architecture: string;
  /** Null for dense models. */
  mixture: CatalogMixture | null;
  totalParameters: number;
  /** Parameters used per token (equal to the total for dense models). */
  activeParameters: number;
  /** e.g. "Q4_K_M". */
  quantization: string;
  /** The context length the model was trained for. */
  contextLength: number;
  attention: CatalogAttention;
  licence: { spdx: string; url: string };
  /** The model card. */
  homepage: string;
  /** Every file, in part order. */
  files: CatalogFile[];
  /** How a download is checked: against pinned hashes, or against the hash the first download recorded. */
  integrity: 'pinned' | 'recorded_on_first_download';
  /** What a user should know before choosing it. */
  notes: string;
}

const APACHE_2 = { spdx: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' };

/** A file on Hugging Face, by repository and file name, with its listed size. */
function hfFile(repo: string, fileName: string, listedBytes: number): CatalogFile {
  return { url: `https://huggingface.co/${repo}/resolve/main/${fileName}`, fileName, bytes: listedBytes, bytesExact: false, sha256: null };
}

/** The catalog, MoE entries first. */
export const GGUF_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'granite-3.1-1b-a400m-instruct-q4_k_m',
    name: 'IBM Granite 3.1 1B-A400M Instruct',
    architecture: 'granitemoe',
    mixture: { experts: 32, expertsUsed: 8 },
    totalParameters: 1.3e9,
    activeParameters: 0.4e9,
    quantization: 'Q4_K_M',
    contextLength: 131072,
    attention: { layers: 24, kvHeads: 8, headDim: 64 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/ibm-granite/granite-3.1-1b-a400m-instruct',
    files: [hfFile('bartowski/granite-3.1-1b-a400m-instruct-GGUF', 'granite-3.1-1b-a400m-instruct-Q4_K_M.gguf', 0.82e9)],
    integrity: 'recorded_on_first_download',
    notes: 'The smallest MoE here: about 400 M parameters work per token, so it stays quick on a few CPU threads.',
  },
  {
    id: 'granite-3.1-3b-a800m-instruct-q4_k_m',
    name: 'IBM Granite 3.1 3B-A800M Instruct',
    architecture: 'granitemoe',
    mixture: { experts: 40, expertsUsed: 8 },
    totalParameters: 3.3e9,
    activeParameters: 0.8e9,
    quantization: 'Q4_K_M',
    contextLength: 131072,
    attention: { layers: 32, kvHeads: 8, headDim: 64 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/ibm-granite/granite-3.1-3b-a800m-instruct',
    files: [hfFile('bartowski/granite-3.1-3b-a800m-instruct-GGUF', 'granite-3.1-3b-a800m-instruct-Q4_K_M.gguf', 2.02e9)],
    integrity: 'recorded_on_first_download',
    notes: 'More knowledge than the 1B at twice its per-token work; its single file is close to the 2 GiB a tab can read at once.',
  },
  {
    id: 'olmoe-1b-7b-0125-instruct-q4_k_m',
    name: 'OLMoE 1B-7B (0125) Instruct',
    architecture: 'olmoe',
    mixture: { experts: 64, expertsUsed: 8 },
    totalParameters: 6.9e9,
    activeParameters: 1.3e9,
    quantization: 'Q4_K_M',
    contextLength: 4096,
    attention: { layers: 16, kvHeads: 16, headDim: 128 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/allenai/OLMoE-1B-7B-0125-Instruct',
    files: [hfFile('allenai/OLMoE-1B-7B-0125-Instruct-GGUF', 'OLMoE-1B-7B-0125-Instruct-Q4_K_M.gguf', 4.21e9)],
    integrity: 'recorded_on_first_download',
    notes: 'Fully open (weights, data and code), but at Q4_K_M it needs more memory than a tab has: a model for a clinic server.',
  },
  {
    id: 'smallthinker-4b-a0.6b-instruct-q4_0',
    name: 'SmallThinker 4B-A0.6B Instruct',
    architecture: 'smallthinker',
    mixture: { experts: 32, expertsUsed: 4 },
    totalParameters: 4.3e9,
    activeParameters: 0.6e9,
    quantization: 'Q4_0',
    contextLength: 32768,
    attention: { layers: 32, kvHeads: 2, headDim: 128 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/PowerInfer/SmallThinker-4BA0.6B-Instruct',
    files: [hfFile('PowerInfer/SmallThinker-4BA0.6B-Instruct-GGUF', 'SmallThinker-4B-A0.6B-Instruct.Q4_0.gguf', 2.4e9)],
    integrity: 'recorded_on_first_download',
    notes: 'Built for on-device use; its single file is over 2 GiB, so it must be split into parts and served next to the app.',
  },
  {
    id: 'qwen3-0.6b-q8_0',
    name: 'Qwen3 0.6B',
    architecture: 'qwen3',
    mixture: null,
    totalParameters: 0.6e9,
    activeParameters: 0.6e9,
    quantization: 'Q8_0',
    contextLength: 32768,
    attention: { layers: 28, kvHeads: 8, headDim: 128 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/Qwen/Qwen3-0.6B',
    files: [hfFile('Qwen/Qwen3-0.6B-GGUF', 'Qwen3-0.6B-Q8_0.gguf', 0.64e9)],
    integrity: 'recorded_on_first_download',
    notes: 'Dense and tiny: a fallback for devices with little memory or storage.',
  },
  {
    id: 'qwen3-1.7b-q8_0',
    name: 'Qwen3 1.7B',
    architecture: 'qwen3',
    mixture: null,
    totalParameters: 1.7e9,
    activeParameters: 1.7e9,
    quantization: 'Q8_0',
    contextLength: 32768,
    attention: { layers: 28, kvHeads: 8, headDim: 128 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/Qwen/Qwen3-1.7B',
    files: [hfFile('Qwen/Qwen3-1.7B-GGUF', 'Qwen3-1.7B-Q8_0.gguf', 1.83e9)],
    integrity: 'recorded_on_first_download',
    notes: 'Dense: every parameter works on every token, so it wants a GPU or many threads.',
  },
  {
    id: 'qwen3-4b-q4_k_m',
    name: 'Qwen3 4B',
    architecture: 'qwen3',
    mixture: null,
    totalParameters: 4.0e9,
    activeParameters: 4.0e9,
    quantization: 'Q4_K_M',
    contextLength: 32768,
    attention: { layers: 36, kvHeads: 8, headDim: 128 },
    licence: APACHE_2,
    homepage: 'https://huggingface.co/Qwen/Qwen3-4B',
    files: [hfFile('Qwen/Qwen3-4B-GGUF', 'Qwen3-4B-Q4_K_M.gguf', 2.5e9)],
    integrity: 'recorded_on_first_download',
    notes: 'The dense model the ClinAlign paper also aligned; its file is over 2 GiB, so it must be split first.',
  },
];

/** The context the catalog plans for: room for the revision loop's longest prompt with a real tokenizer. */
export const PLANNED_CONTEXT_TOKENS = 8192;

/** Work buffers and runtime overhead on top of weights and KV cache: a rough allowance. */
const WORK_ALLOWANCE_BYTES = 256 * 2 ** 20;

/** Bytes of all files together. */
export function catalogEntryBytes(entry: CatalogEntry): number {
  return entry.files.reduce((sum, f) => sum + f.bytes, 0);
}

/** Memory the model needs at `contextTokens` of context: weights, an f16 KV cache, and work buffers. */
export function catalogEntryMemoryBytes(entry: CatalogEntry, contextTokens = PLANNED_CONTEXT_TOKENS): number {
  const { layers, kvHeads, headDim } = entry.attention;
  const context = Math.min(contextTokens, entry.contextLength);
  const kvCache = layers * context * kvHeads * headDim * 2 /* K and V */ * 2; /* bytes per f16 */
  return catalogEntryBytes(entry) + kvCache + WORK_ALLOWANCE_BYTES;
}

/**
 * Why this entry cannot be downloaded and run in a tab as listed, whatever the device: a file over
 * the 2 GiB a tab reads at once, or more memory than wllama's 4 GiB heap. Empty when it can.
 */
export function catalogEntryProblems(entry: CatalogEntry, contextTokens = PLANNED_CONTEXT_TOKENS): string[] {
  const problems: string[] = [];
  const oversized = entry.files.filter((f) => f.bytes > MAX_FILE_BYTES);
  for (const f of oversized) problems.push(`${f.fileName} is larger than the 2 GiB a browser tab can read as one file: split it into parts first`);
  if (catalogEntryMemoryBytes(entry, contextTokens) > BROWSER_MEMORY_LIMIT_BYTES) {
    problems.push(`it needs more memory than the 4 GiB a browser tab can give llama.cpp`);
  }
  return problems;
}
