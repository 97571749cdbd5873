// Which token counter a run uses, and the one tokenizer worker the page shares. On-device engines
// (small context windows) count with the real Qwen3 tokenizer, loaded in a worker; the server engine
// uses the conservative estimate — its model's tokenizer is unknown, so Qwen3 counts would be an
// estimate there too, and 1.9 MB of vocabulary is not worth loading for one.

import { budgetTokenCounter, roughTokenCount, type TokenCounter } from '../core/pipeline/tokens';
import type { EngineKind, EngineSettings } from '../engine/settings';
import { MAX_AUTO_CONTEXT } from '../engine/gguf';
import { WorkerTokenizer, type TokenizerPort } from './tokenizerClient';

export { WorkerTokenizer, type TokenizerStatus } from './tokenizerClient';

/** Whether runs on this engine kind count tokens with the real tokenizer (else the estimate). */
export function usesExactTokenizer(kind: EngineKind): boolean {
  return kind !== 'openai';
}

let shared: WorkerTokenizer | null = null;

/** The page's tokenizer worker (created on first use), or null where there are no workers (Node). */
export function sharedWorkerTokenizer(): WorkerTokenizer | null {
  if (typeof Worker === 'undefined') return null;
  shared ??= new WorkerTokenizer(
    () => new Worker(new URL('./tokenizer.worker.ts', import.meta.url), { type: 'module', name: 'clinrevise-tokenizer' }) as unknown as TokenizerPort,
  );
  return shared;
}

/**
 * The counter for a run on this engine kind. In the browser the exact one counts in the worker (this
 * waits until it has loaded); without workers (Node: tests, CLI) it runs in-process.
 */
export async function tokenCounterFor(kind: EngineKind, signal?: AbortSignal): Promise<TokenCounter> {
  if (!usesExactTokenizer(kind)) return roughTokenCount;
  const worker = sharedWorkerTokenizer();
  if (!worker) return budgetTokenCounter();
  await worker.ready(signal);
  return worker.count;
}

/** The context window the settings ask for (the engine may end up with less), for the pre-check. */
export function configuredContextWindow(settings: EngineSettings): number | null {
  switch (settings.kind) {
    case 'openai':
    case 'webllm':
      return settings.contextWindow;
    case 'gguf':
      // 0 is automatic (chosen from the model at load time): at most MAX_AUTO_CONTEXT.
      return settings.contextSize > 0 ? settings.contextSize : MAX_AUTO_CONTEXT;
  }
}
