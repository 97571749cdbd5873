// The on-device models the app offers: a curated subset of web-llm 0.2.86's prebuilt list (figures
// copied from it; a unit test checks them against the pinned package), the paper's models as recipes
// that need files the user supplies, and custom MLC models. Pure data and arithmetic: no web-llm import.

/** How a catalog entry gets its files. */
export type ModelSource =
  /** Weights and library come from web-llm's own prebuilt list (resolved in the worker). */
  | 'prebuilt'
  /** The user supplies converted weights (and, for some, a compiled library). */
  | 'recipe';

export type Quantization = 'q4f16_1' | 'q4f32_1';

/** What the user must provide before a recipe model can load. */
export type RequiredInput = 'model_url' | 'model_lib_url';

/** Shape of the attention cache, for estimating memory at a given context window. */
export interface KvShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

export interface CatalogModel {
  /** web-llm's model_id for prebuilt models; our own id for recipes. Also the cache identity. */
  id: string;
  label: string;
  /** Architecture family, for suggesting a smaller model of the same kind. */
  family: 'qwen3' | 'llama3.2';
  /** Parameters in billions (total, embeddings included), for the download estimate. */
  parametersB: number;
  quantization: Quantization;
  /** GPU memory web-llm states for the model at its default 4096-token context. */
  vramMB: number;
  kv: KvShape;
  /** Longest context the model was trained for. */
  maxContext: number;
  /** Qwen3-style `<think>` reasoning that web-llm can switch off with `enable_thinking: false`. */
  thinking: boolean;
  source: ModelSource;
  /** Recipes: what the user must supply. */
  requires: RequiredInput[];
  /** Recipes whose architecture matches a prebuilt model: that model's library serves it. */
  libraryFrom?: string;
  /** One line on what the model is good for, or what supplying it involves. */
  note: string;
}

/** The context window web-llm's prebuilt records default to. */
export const WEBLLM_BASE_CONTEXT = 4096;
/** The context window we ask for by default: the draft → grade → revise loop needs about 6–8k tokens. */
export const DEFAULT_CONTEXT_WINDOW = 8192;
export const CONTEXT_WINDOW_CHOICES = [4096, 8192, 16384, 32768] as const;
/** Sized for a typical laptop GPU; q4f32 and smaller Qwen3 models are the fallbacks. */
export const DEFAULT_MODEL_ID = 'Qwen3-4B-q4f16_1-MLC';
/** The catalog id that stands for "a model the user describes". */
export const CUSTOM_MODEL_ID = 'custom';

const QWEN3_SMALL_KV: KvShape = { layers: 28, kvHeads: 8, headDim: 128 };
const QWEN3_LARGE_KV: KvShape = { layers: 36, kvHeads: 8, headDim: 128 };
const LLAMA32_3B_KV: KvShape = { layers: 28, kvHeads: 8, headDim: 128 };
const QWEN3_MOE_KV: KvShape = { layers: 48, kvHeads: 4, headDim: 128 };

function prebuilt(
  id: string,
  label: string,
  family: CatalogModel['family'],
  parametersB: number,
  quantization: Quantization,
  vramMB: number,
  kv: KvShape,
  maxContext: number,
  thinking: boolean,
  note: string,
): CatalogModel {
  return { id, label, family, parametersB, quantization, vramMB, kv, maxContext, thinking, source: 'prebuilt', requires: [], note };
}

/** Prebuilt models, best first; the figures are web-llm 0.2.86's (see catalog.test.ts). */
export const PREBUILT_MODELS: readonly CatalogModel[] = [
  prebuilt('Qwen3-4B-q4f16_1-MLC', 'Qwen3 4B (q4f16)', 'qwen3', 4.02, 'q4f16_1', 3431.59, QWEN3_LARGE_KV, 32768, true, 'Recommended for a typical laptop GPU.'),
  prebuilt('Qwen3-4B-q4f32_1-MLC', 'Qwen3 4B (q4f32)', 'qwen3', 4.02, 'q4f32_1', 4327.71, QWEN3_LARGE_KV, 32768, true, 'For GPUs without shader-f16.'),
  prebuilt('Qwen3-8B-q4f16_1-MLC', 'Qwen3 8B (q4f16)', 'qwen3', 8.19, 'q4f16_1', 5695.78, QWEN3_LARGE_KV, 32768, true, 'Better answers; needs a GPU with 8 GB or more.'),
  prebuilt('Qwen3-8B-q4f32_1-MLC', 'Qwen3 8B (q4f32)', 'qwen3', 8.19, 'q4f32_1', 6852.55, QWEN3_LARGE_KV, 32768, true, 'For large GPUs without shader-f16.'),
  prebuilt('Qwen3-1.7B-q4f16_1-MLC', 'Qwen3 1.7B (q4f16)', 'qwen3', 2.03, 'q4f16_1', 2036.66, QWEN3_SMALL_KV, 32768, true, 'Smaller fallback: faster, weaker grading.'),
  prebuilt('Qwen3-1.7B-q4f32_1-MLC', 'Qwen3 1.7B (q4f32)', 'qwen3', 2.03, 'q4f32_1', 2635.44, QWEN3_SMALL_KV, 32768, true, 'Smaller fallback without shader-f16.'),
  prebuilt('Qwen3-0.6B-q4f16_1-MLC', 'Qwen3 0.6B (q4f16)', 'qwen3', 0.75, 'q4f16_1', 1403.34, QWEN3_SMALL_KV, 32768, true, 'Smallest: for trying the app; rubric grading will be rough.'),
  prebuilt('Qwen3-0.6B-q4f32_1-MLC', 'Qwen3 0.6B (q4f32)', 'qwen3', 0.75, 'q4f32_1', 1924.98, QWEN3_SMALL_KV, 32768, true, 'Smallest, without shader-f16.'),
  prebuilt('Llama-3.2-3B-Instruct-q4f16_1-MLC', 'Llama 3.2 3B Instruct (q4f16)', 'llama3.2', 3.21, 'q4f16_1', 2263.69, LLAMA32_3B_KV, 131072, false, 'A non-Qwen alternative (no thinking mode).'),
  prebuilt('Llama-3.2-3B-Instruct-q4f32_1-MLC', 'Llama 3.2 3B Instruct (q4f32)', 'llama3.2', 3.21, 'q4f32_1', 2951.51, LLAMA32_3B_KV, 131072, false, 'A non-Qwen alternative without shader-f16.'),
];

/** The paper's models. Nothing here downloads by itself: the user must supply the converted files. */
export const RECIPE_MODELS: readonly CatalogModel[] = [
  {
    id: 'ClinAlign-4B-q4f16_1',
    label: 'ClinAlign-4B (q4f16, your converted weights)',
    family: 'qwen3',
    parametersB: 4.02,
    quantization: 'q4f16_1',
    vramMB: 3431.59,
    kv: QWEN3_LARGE_KV,
    maxContext: 32768,
    thinking: true,
    source: 'recipe',
    requires: ['model_url'],
    libraryFrom: 'Qwen3-4B-q4f16_1-MLC',
    note:
      'Same architecture as Qwen3-4B, so web-llm’s Qwen3-4B q4f16 library serves it. You supply the weights converted with ' +
      'MLC-LLM (mlc_llm convert_weight and gen_config with --quantization q4f16_1 and Qwen3-4B’s conversation template) at a URL you host.',
  },
  {
    id: 'ClinAlign-4B-q4f32_1',
    label: 'ClinAlign-4B (q4f32, your converted weights)',
    family: 'qwen3',
    parametersB: 4.02,
    quantization: 'q4f32_1',
    vramMB: 4327.71,
    kv: QWEN3_LARGE_KV,
    maxContext: 32768,
    thinking: true,
    source: 'recipe',
    requires: ['model_url'],
    libraryFrom: 'Qwen3-4B-q4f32_1-MLC',
    note: 'As above, quantised q4f32_1 for GPUs without shader-f16; served by web-llm’s Qwen3-4B q4f32 library.',
  },
  {
    id: 'ClinAlign-30B-A3B-q4f16_1',
    label: 'ClinAlign-30B-A3B (MoE, your weights and library)',
    family: 'qwen3',
    parametersB: 30.5,
    quantization: 'q4f16_1',
    // Weights at 4.5 bits a parameter plus the attention cache and working buffers: an estimate, not web-llm's figure.
    vramMB: 18500,
    kv: QWEN3_MOE_KV,
    maxContext: 32768,
    thinking: true,
    source: 'recipe',
    requires: ['model_url', 'model_lib_url'],
    note:
      'A qwen3_moe model: web-llm ships no library for it. You supply weights converted with MLC-LLM and a WebGPU library ' +
      'compiled with mlc_llm compile --device webgpu (untested on WebGPU by MLC). Needs a GPU with about 20 GB.',
  },
];

export const CATALOG: readonly CatalogModel[] = [...PREBUILT_MODELS, ...RECIPE_MODELS];

/** The catalog entry with this id, if any. */
export function findCatalogModel(id: string): CatalogModel | undefined {
  return CATALOG.find((m) => m.id === id);
}

/** Bits per stored parameter: 4-bit weights plus one scale per group of 32 (16- or 32-bit). */
const BITS_PER_PARAMETER: Record<Quantization, number> = { q4f16_1: 4.5, q4f32_1: 5 };

/** Approximate download size in bytes (parameters × bits per parameter). */
export function estimateDownloadBytes(model: Pick<CatalogModel, 'parametersB' | 'quantization'>): number {
  return Math.round((model.parametersB * 1e9 * BITS_PER_PARAMETER[model.quantization]) / 8);
}

/** Bytes the attention (KV) cache takes per token of context. */
export function kvBytesPerToken(kv: KvShape, quantization: Quantization): number {
  const elementBytes = quantization === 'q4f16_1' ? 2 : 4;
  return 2 * kv.layers * kv.kvHeads * kv.headDim * elementBytes;
}

/** GPU memory needed at `contextWindow`: web-llm's figure, adjusted for the context beyond its 4096 default. */
export function estimateVramMB(model: Pick<CatalogModel, 'vramMB' | 'kv' | 'quantization'>, contextWindow: number): number {
  const extraTokens = contextWindow - WEBLLM_BASE_CONTEXT;
  return Math.round(model.vramMB + (extraTokens * kvBytesPerToken(model.kv, model.quantization)) / (1024 * 1024));
}

/** True when the model stores 16-bit floats and so needs `shader-f16` (whatever its record says). */
export function needsShaderF16(nameOrUrl: string): boolean {
  return /q\d+f16/i.test(nameOrUrl);
}

/** The q4f32 twin of a q4f16 catalog model, for "choose this instead". */
export function f32Alternative(model: CatalogModel): CatalogModel | undefined {
  if (model.quantization !== 'q4f16_1') return undefined;
  return CATALOG.find((m) => m.id === model.id.replace('q4f16_1', 'q4f32_1') && m.id !== model.id);
}

/** Smaller prebuilt models with the same quantisation, same family first, largest first: "suggest a smaller model". */
export function smallerModels(model: Pick<CatalogModel, 'vramMB' | 'quantization' | 'family'>): CatalogModel[] {
  return PREBUILT_MODELS.filter((m) => m.quantization === model.quantization && m.vramMB < model.vramMB).sort(
    (a, b) => Number(b.family === model.family) - Number(a.family === model.family) || b.vramMB - a.vramMB,
  );
}

/** Which model to suggest, best first: the default, its q4f32 twin, then smaller Qwen3 models. */
const RECOMMENDATION_ORDER = [
  'Qwen3-4B-q4f16_1-MLC',
  'Qwen3-4B-q4f32_1-MLC',
  'Qwen3-1.7B-q4f16_1-MLC',
  'Qwen3-1.7B-q4f32_1-MLC',
  'Qwen3-0.6B-q4f16_1-MLC',
  'Qwen3-0.6B-q4f32_1-MLC',
];

/** The first model in the recommendation order that `runsHere` accepts, or null. */
export function recommendedModel(runsHere: (model: CatalogModel) => boolean): CatalogModel | null {
  for (const id of RECOMMENDATION_ORDER) {
    const model = findCatalogModel(id);
    if (model && runsHere(model)) return model;
  }
  return null;
}
