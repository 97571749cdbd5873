// What the user configures for the on-device engine (web-llm on WebGPU), its defaults, and whether
// it is usable. Reads the catalog only; resolving settings into a model is modelSpec.ts.

import { CUSTOM_MODEL_ID, DEFAULT_CONTEXT_WINDOW, DEFAULT_MODEL_ID, findCatalogModel } from './catalog';

/** The on-device engine (web-llm on WebGPU): a catalog model, a recipe with the user's files, or a custom MLC model. */
export interface WebLlmEngineSettings {
  kind: 'webllm';
  /** A catalog id (prebuilt model or recipe), or 'custom'. */
  catalogId: string;
  /** Recipes and custom models: absolute URL of the converted weights (served under `<url>/resolve/main/`). */
  modelUrl: string;
  /** Custom models (and recipes that need one): absolute URL of the compiled WebGPU model library (.wasm). */
  modelLibUrl: string;
  /** Custom models: the name the model is known and cached by. */
  customName: string;
  /** Custom models: stores 16-bit floats (q4f16, q0f16), so the GPU needs shader-f16. */
  customShaderF16: boolean;
  /** Custom models: Qwen3-style thinking that `enable_thinking: false` switches off. */
  customThinking: boolean;
  /** Tokens of context to allocate (memory grows with it). */
  contextWindow: number;
}

/** The on-device engine with the default model: what new users start with. */
export const DEFAULT_WEBLLM_SETTINGS: WebLlmEngineSettings = {
  kind: 'webllm',
  catalogId: DEFAULT_MODEL_ID,
  modelUrl: '',
  modelLibUrl: '',
  customName: '',
  customShaderF16: false,
  customThinking: true,
  contextWindow: DEFAULT_CONTEXT_WINDOW,
};

/** True for an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What is missing or wrong in web-llm settings, in user words; empty when they can be used. */
export function webLlmSettingsProblems(settings: WebLlmEngineSettings): string[] {
  const problems: string[] = [];
  if (!(settings.contextWindow >= 2048)) problems.push('The context window must be at least 2048 tokens.');
  if (settings.catalogId === CUSTOM_MODEL_ID) {
    if (!/^[\w.-]+$/.test(settings.customName.trim())) problems.push('Give the custom model a name (letters, digits, dot, dash or underscore).');
    if (!isHttpUrl(settings.modelUrl.trim())) problems.push('The model URL must be an absolute http(s) URL (web-llm fetches <URL>/resolve/main/…).');
    if (!isHttpUrl(settings.modelLibUrl.trim())) problems.push('The model-library URL must be an absolute http(s) URL of a .wasm file.');
    return problems;
  }
  const model = findCatalogModel(settings.catalogId);
  if (!model) {
    problems.push(`The model "${settings.catalogId}" is not in this version's catalog; choose another in Settings.`);
    return problems;
  }
  if (settings.contextWindow > model.maxContext) problems.push(`${model.label} supports at most ${model.maxContext} tokens of context.`);
  if (model.requires.includes('model_url') && !isHttpUrl(settings.modelUrl.trim())) {
    problems.push(`${model.label} needs the URL where you host its converted weights (absolute http(s) URL).`);
  }
  if (model.requires.includes('model_lib_url') && !isHttpUrl(settings.modelLibUrl.trim())) {
    problems.push(`${model.label} needs the URL of its compiled WebGPU model library (.wasm).`);
  }
  return problems;
}
