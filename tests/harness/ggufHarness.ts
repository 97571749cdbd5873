// A page for browser tests of the GGUF engine below the UI: the real worker, wllama and model store,
// driven from the test through `window.harness`. Built by the e2e global setup; never shipped.

import { describeError, errorCode } from '../../src/lib/core/errors';
import { runPipeline } from '../../src/lib/core/pipeline/pipeline';
import { DEFAULT_RUN_OPTIONS, type RunEvent } from '../../src/lib/core/types';
import { loadShippedPrinciples } from '../../src/lib/db/shippedLibrary';
import { createEngine, type LoadProgress } from '../../src/lib/engine';
import { DEFAULT_GGUF_SETTINGS, listStoredModels, probeWebGpu, removeStoredModel, storeModelFiles, type GgufEngine, type GgufEngineSettings } from '../../src/lib/engine/gguf';
import type { ChatMessage, ChatOptions, ChatResult } from '../../src/lib/core/chat';

export interface HarnessFailure {
  ok: false;
  code: string;
  name: string;
  message: string;
}

let engine: GgufEngine | null = null;

function failure(err: unknown): HarnessFailure {
  return { ok: false, code: errorCode(err), name: err instanceof Error ? err.name : typeof err, message: describeError(err) };
}

const harness = {
  env() {
    return { isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency };
  },

  /** The page's WebGPU probe, to compare with where the worker put the model. */
  async gpu() {
    return probeWebGpu();
  },

  /** Stores a model's files (fetched from the harness server) in the browser, as picked files would be. */
  async store(parts: { url: string; name: string }[]) {
    const files = await Promise.all(
      parts.map(async (p) => new File([await (await fetch(p.url)).arrayBuffer()], p.name, { lastModified: 1 })),
    );
    const stored = await storeModelFiles(files);
    return { id: stored.id, name: stored.name, parts: stored.parts.length };
  },

  async list() {
    return listStoredModels();
  },

  async remove(id: string) {
    await removeStoredModel(id);
  },

  /** Loads through createEngine (as the app does); returns what loaded plus every progress report. */
  async load(settings: Partial<GgufEngineSettings>, abortAfterMs?: number) {
    await engine?.dispose();
    engine = null;
    const progress: LoadProgress[] = [];
    const controller = new AbortController();
    if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
    const started = performance.now();
    try {
      const created = await createEngine({ ...DEFAULT_GGUF_SETTINGS, ...settings }, { signal: controller.signal, onProgress: (p) => progress.push(p) });
      if (!('details' in created)) throw new Error('not a GGUF engine');
      engine = created as GgufEngine;
      return { ok: true as const, ms: performance.now() - started, label: engine.label, contextWindow: engine.contextWindow, details: engine.details, progress };
    } catch (err) {
      return { ...failure(err), progress };
    }
  },

  /** One chat call; `abortAfterTokens` presses Stop after that many streamed pieces. */
  async chat(messages: ChatMessage[], options: Omit<ChatOptions, 'signal' | 'onToken'> & { stream?: boolean; abortAfterTokens?: number } = {}) {
    if (!engine) throw new Error('no engine loaded');
    const tokens: string[] = [];
    const controller = new AbortController();
    const started = performance.now();
    let abortedAt: number | null = null;
    try {
      const result: ChatResult = await engine.chat(messages, {
        ...options,
        signal: controller.signal,
        onToken:
          options.stream === false
            ? undefined
            : (t) => {
                tokens.push(t);
                if (options.abortAfterTokens !== undefined && tokens.length >= options.abortAfterTokens && !controller.signal.aborted) {
                  abortedAt = performance.now();
                  controller.abort();
                }
              },
      });
      return { ok: true as const, result, tokens, ms: performance.now() - started };
    } catch (err) {
      const settledAt = performance.now();
      return { ...failure(err), tokens, stopMs: abortedAt === null ? null : settledAt - abortedAt };
    }
  },

  /** The whole revision loop on the loaded engine with the shipped principles; events without tokens. */
  async pipeline(question: string) {
    if (!engine) throw new Error('no engine loaded');
    const events: Exclude<RunEvent, { type: 'token' }>[] = [];
    const started = performance.now();
    try {
      const principles = await loadShippedPrinciples();
      for await (const e of runPipeline({ question, engine, principles, options: DEFAULT_RUN_OPTIONS, signal: new AbortController().signal })) {
        if (e.type !== 'token') events.push(e);
      }
      return { ok: true as const, ms: performance.now() - started, events };
    } catch (err) {
      return { ...failure(err), ms: performance.now() - started, events };
    }
  },

  async dispose() {
    await engine?.dispose();
    engine = null;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.getElementById('status')!.textContent = 'ready';
