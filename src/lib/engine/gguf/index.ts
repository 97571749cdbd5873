// The GGUF engine's public face: what the app may import from gguf/. The engine itself (engine.ts,
// its worker and wllama) is loaded lazily by ../createEngine.ts, so only its type is here.

export type { GgufEngine } from './engine';
export * from './errors';
export { DEFAULT_GGUF_SETTINGS, ggufSettingsProblems, type GgufEngineSettings, type GgufModelSource } from './settings';
export { BROWSER_MEMORY_LIMIT_BYTES, estimateMemory, type GgufModelInfo, type MemoryEstimate } from './ggufModel';
export { SMALLEST_CONTEXT, describeStoredModel, inspectModelFiles, inspectModelUrl } from './inspect';
export {
  listStoredModels,
  modelStorageAvailable,
  removeStoredModel,
  storageUsage,
  storeModelFiles,
  type StorageUsage,
  type StoredModel,
  type StoredModelPart,
} from './modelStore';
export {
  GGUF_CATALOG,
  CATALOG_VERSION,
  catalogEntryBytes,
  catalogEntryMemoryBytes,
  catalogEntryProblems,
  type CatalogEntry,
  type CatalogFile,
} from './catalog';
export { recommendCatalogEntry, type CatalogPlacement, type CatalogReason, type CatalogRecommendation, type DeviceFacts } from './catalogRecommend';
export { activeCatalog } from './catalogSource';
export { CONFIRM_ABOVE_BYTES, hostOf, type DownloadProgress } from './downloadPlan';
export { catalogModelId, discardCatalogDownload, downloadCatalogEntry, listPartialDownloads, type PartialDownload } from './download';
export { offloadDecision, probeWebGpu, type GpuProbe, type GpuProbeResult, type OffloadReason, type Placement } from './gpuProbe';
export { AUTO_CONTEXT, MAX_AUTO_CONTEXT, chooseContextSize, contextMemoryBudget, type ContextChoice } from './contextChoice';
