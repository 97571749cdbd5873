// The web-llm engine's public face: what the app may import from webllm/. The engine itself
// (engine.ts, the worker and web-llm) is loaded lazily by ../createEngine.ts, so only its type is here.

export type { WebLlmEngine } from './engine';
export * from './errors';
export { DEFAULT_WEBLLM_SETTINGS, webLlmSettingsProblems, type WebLlmEngineSettings } from './settings';
export {
  CATALOG,
  CONTEXT_WINDOW_CHOICES,
  CUSTOM_MODEL_ID,
  DEFAULT_CONTEXT_WINDOW,
  DEFAULT_MODEL_ID,
  PREBUILT_MODELS,
  RECIPE_MODELS,
  estimateDownloadBytes,
  estimateVramMB,
  f32Alternative,
  findCatalogModel,
  needsShaderF16,
  recommendedModel,
  smallerModels,
  type CatalogModel,
  type ModelSource,
  type Quantization,
  type RequiredInput,
} from './catalog';
export { resolveModel, type ResolvedModel } from './modelSpec';
export { adapterName, assessModel, probeGpu, type FitNote, type FitReason, type FitVerdict, type GpuAdapterReport, type GpuProbe, type ModelFit } from './capability';
export {
  deleteCachedLibraries,
  deleteCachedModel,
  findCachedModel,
  readCacheInventory,
  type CacheInventory,
  type CacheStorageLike,
  type CachedModel,
} from './modelCache';
export { storageEstimate } from './browserDeps';
export { runnableAlternative, type RunnableAlternative } from './recommendation';
