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
