// What the user configures for each engine kind, and whether it is complete enough to use.
// Each engine kind adds one member to the EngineSettings union.

import { webLlmSettingsProblems } from './webllm/modelSpec';

/** An OpenAI-compatible chat server: llama.cpp server, Ollama, vLLM, SGLang… */
export interface OpenAiEngineSettings {
  kind: 'openai';
  /** Base URL up to and including the API version, e.g. http://127.0.0.1:8000/v1 */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when non-empty. */
  apiKey: string;
  /** How long the server may stay silent (before the first byte, or between streamed chunks). */
  timeoutSeconds: number;
  /** The model's context window, used to refuse questions that cannot fit. */
  contextWindow: number;
}

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

/** Where a GGUF model comes from: one stored in this browser (picked or dropped file), or a URL. */
export type GgufModelSource = { type: 'stored'; modelId: string; name: string } | { type: 'url'; url: string };

/** A GGUF model run in this browser by llama.cpp (wllama), on the CPU or WebGPU. */
export interface GgufEngineSettings {
  kind: 'gguf';
  source: GgufModelSource;
  /** Tokens of context (KV cache) to allocate. */
  contextSize: number;
  /** CPU threads; 0 chooses from the number of cores. */
  threads: number;
  /** Offload to WebGPU when the browser offers an adapter. */
  useGpu: boolean;
}

export type EngineSettings = WebLlmEngineSettings | OpenAiEngineSettings | GgufEngineSettings;

export type EngineKind = EngineSettings['kind'];

export const DEFAULT_OPENAI_SETTINGS: OpenAiEngineSettings = {
  kind: 'openai',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: '',
  apiKey: '',
  timeoutSeconds: 120,
  contextWindow: 8192,
};

/** The on-device engine with the default model: what new users start with. */
export const DEFAULT_WEBLLM_SETTINGS: WebLlmEngineSettings = {
  kind: 'webllm',
  catalogId: 'Qwen3-4B-q4f16_1-MLC',
  modelUrl: '',
  modelLibUrl: '',
  customName: '',
  customShaderF16: false,
  customThinking: true,
  contextWindow: 8192,
};

export const DEFAULT_GGUF_SETTINGS: GgufEngineSettings = {
  kind: 'gguf',
  source: { type: 'stored', modelId: '', name: '' },
  contextSize: 4096,
  threads: 0,
  useGpu: false,
};

/** What is missing or wrong, in user words; empty when the settings can be used. */
export function engineSettingsProblems(settings: EngineSettings): string[] {
  const problems: string[] = [];
  switch (settings.kind) {
    case 'openai': {
      try {
        const url = new URL(settings.baseUrl);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('The server URL must start with http:// or https://.');
      } catch {
        problems.push('The server URL is not a valid URL.');
      }
      if (!settings.model.trim()) problems.push('Enter the model name the server knows the model by.');
      if (!(settings.timeoutSeconds > 0)) problems.push('The timeout must be a positive number of seconds.');
      if (!(settings.contextWindow >= 512)) problems.push('The context window must be at least 512 tokens.');
      break;
    }
    case 'webllm':
      problems.push(...webLlmSettingsProblems(settings));
      break;
    case 'gguf': {
      if (settings.source.type === 'stored' && !settings.source.modelId) problems.push('Choose a GGUF file (or drop one on the page) first.');
      if (settings.source.type === 'url') {
        try {
          const url = new URL(settings.source.url, 'http://app.invalid/');
          if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('The model URL must start with http://, https:// or /.');
          else if (!/\.gguf$/i.test(url.pathname)) problems.push('The model URL must point to a .gguf file.');
        } catch {
          problems.push('The model URL is not a valid URL.');
        }
      }
      if (!(Number.isInteger(settings.contextSize) && settings.contextSize >= 512 && settings.contextSize <= 131072)) {
        problems.push('The context size must be a whole number of tokens between 512 and 131072.');
      }
      if (!(Number.isInteger(settings.threads) && settings.threads >= 0 && settings.threads <= 64)) {
        problems.push('Threads must be 0 (automatic) or a whole number up to 64.');
      }
      break;
    }
  }
  return problems;
}
