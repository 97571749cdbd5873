// What the user configures for a GGUF model run in this browser, its defaults, and whether it is usable.

import { AUTO_CONTEXT, MIN_CONTEXT } from './contextChoice';

/** Where a GGUF model comes from: one stored in this browser (picked or dropped file), or a URL. */
export type GgufModelSource = { type: 'stored'; modelId: string; name: string } | { type: 'url'; url: string };

/** A GGUF model run in this browser by llama.cpp (wllama), on the CPU or WebGPU. */
export interface GgufEngineSettings {
  kind: 'gguf';
  source: GgufModelSource;
  /** Tokens of context (KV cache) to allocate; 0 chooses from the model's trained context and the memory budget. */
  contextSize: number;
  /** CPU threads; 0 chooses from the number of cores. */
  threads: number;
  /** Offload to WebGPU when the probe finds an adapter llama.cpp can use (see gpuProbe.ts). */
  useGpu: boolean;
}

export const DEFAULT_GGUF_SETTINGS: GgufEngineSettings = {
  kind: 'gguf',
  source: { type: 'stored', modelId: '', name: '' },
  contextSize: AUTO_CONTEXT,
  threads: 0,
  // On by default: the probe before each load falls back to CPU threads when WebGPU cannot be used.
  useGpu: true,
};

/** What is missing or wrong in GGUF settings, in user words; empty when they can be used. */
export function ggufSettingsProblems(settings: GgufEngineSettings): string[] {
  const problems: string[] = [];
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
  const context = settings.contextSize;
  if (!(Number.isInteger(context) && (context === AUTO_CONTEXT || (context >= MIN_CONTEXT && context <= 131072)))) {
    problems.push('The context size must be 0 (automatic) or a whole number of tokens between 512 and 131072.');
  }
  if (!(Number.isInteger(settings.threads) && settings.threads >= 0 && settings.threads <= 64)) {
    problems.push('Threads must be 0 (automatic) or a whole number up to 64.');
  }
  return problems;
}
