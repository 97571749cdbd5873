// Turns the user's web-llm settings into one resolved model: what to show (label, sizes), what the
// capability check needs, and what the worker needs to load it. Pure; shared by Settings, Ask and the engine.

import type { WebLlmEngineSettings } from './settings';
import { CUSTOM_MODEL_ID, estimateDownloadBytes, estimateVramMB, findCatalogModel, needsShaderF16, type CatalogModel } from './catalog';

/** What the worker needs to build web-llm's model record. */
export interface WorkerModelSpec {
  /** web-llm's model_id: the cache identity and the name it reports. */
  modelId: string;
  /** Take the weights URL and library from web-llm's prebuilt record with this id. */
  prebuiltId?: string;
  /** Take only the library from this prebuilt record (a recipe with the same architecture). */
  libraryFromPrebuiltId?: string;
  /** Absolute URL of the weights (recipes and custom models). */
  modelUrl?: string;
  /** Absolute URL of the model library (custom models and recipes that need one). */
  modelLibUrl?: string;
  contextWindow: number;
  /** Qwen3-style thinking: switched off with `enable_thinking: false` when a step asks for no thinking. */
  thinking: boolean;
  /** Declared to web-llm as a required feature, so it refuses too (its records omit it for q4f16 models). */
  requiresShaderF16: boolean;
}

/** A model as the app reasons about it. */
export interface ResolvedModel {
  id: string;
  label: string;
  catalog: CatalogModel | null;
  requiresShaderF16: boolean;
  /** GPU memory needed at the chosen context window; null when unknown (custom models). */
  vramMB: number | null;
  /** Approximate download size; null when unknown. */
  downloadBytes: number | null;
  /** Where the weights are, when the settings say (recipes, custom); null for prebuilt models. */
  modelUrl: string | null;
  worker: WorkerModelSpec;
}

/** Resolves usable settings (check `webLlmSettingsProblems` in settings.ts first) into the model to load. */
export function resolveModel(settings: WebLlmEngineSettings): ResolvedModel {
  const contextWindow = settings.contextWindow;
  if (settings.catalogId === CUSTOM_MODEL_ID) {
    const id = settings.customName.trim();
    const modelUrl = settings.modelUrl.trim();
    return {
      id,
      label: `${id} (custom)`,
      catalog: null,
      requiresShaderF16: settings.customShaderF16,
      vramMB: null,
      downloadBytes: null,
      modelUrl,
      worker: {
        modelId: id,
        modelUrl,
        modelLibUrl: settings.modelLibUrl.trim(),
        contextWindow,
        thinking: settings.customThinking,
        requiresShaderF16: settings.customShaderF16,
      },
    };
  }
  const model = findCatalogModel(settings.catalogId);
  if (!model) throw new Error(`unknown catalog model ${settings.catalogId}`);
  const requiresShaderF16 = needsShaderF16(model.quantization);
  const worker: WorkerModelSpec = { modelId: model.id, contextWindow, thinking: model.thinking, requiresShaderF16 };
  if (model.source === 'prebuilt') worker.prebuiltId = model.id;
  else {
    worker.modelUrl = settings.modelUrl.trim();
    if (model.requires.includes('model_lib_url')) worker.modelLibUrl = settings.modelLibUrl.trim();
    else worker.libraryFromPrebuiltId = model.libraryFrom;
  }
  return {
    id: model.id,
    label: model.label,
    catalog: model,
    requiresShaderF16,
    vramMB: estimateVramMB(model, contextWindow),
    downloadBytes: estimateDownloadBytes(model),
    modelUrl: worker.modelUrl ?? null,
    worker,
  };
}

/** web-llm's rule for where files live: `<url>/resolve/main/` unless the URL already names a revision. */
export function modelFilesBase(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}
