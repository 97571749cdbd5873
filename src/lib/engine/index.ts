// The engines' shared public face: the settings union and its dispatch, creating the configured
// engine, load progress, the usage wrapper and the errors every engine can raise. Each engine's
// own face is its folder's index.ts (openai/, webllm/, gguf/).

export { createEngine } from './createEngine';
export { EngineNotConfiguredError, StorageQuotaExceededError } from './errors';
export {
  DEFAULT_ENGINE_SETTINGS,
  DEFAULT_GGUF_SETTINGS,
  DEFAULT_OPENAI_SETTINGS,
  DEFAULT_WEBLLM_SETTINGS,
  engineSettingsProblems,
  type EngineKind,
  type EngineSettings,
  type GgufEngineSettings,
  type GgufModelSource,
  type OpenAiEngineSettings,
  type WebLlmEngineSettings,
} from './settings';
export type { EngineLoadOptions, LoadPhase, LoadProgress } from './types';
export { UsageRecordingEngine } from '../core/usageRecording';
