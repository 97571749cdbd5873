// The ChatEngine for GGUF models run in this browser: starts the engine's worker, loads the model
// there, and turns chat calls into worker requests. Nothing of wllama is loaded on the page.

import { GgufEngineFailedError } from './errors';
import type { GgufEngineSettings } from './settings';
import type { EngineLoadOptions } from '../types';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../core/chat';
import type { GgufLoadRequest, GgufLoaded } from './protocol';
import { GgufWorkerClient, type ClientPort } from './workerClient';

/** The load request for these settings; a URL is made absolute against the page. */
export function loadRequestFor(settings: GgufEngineSettings, base: string): GgufLoadRequest {
  const source = settings.source.type === 'url' ? { type: 'url' as const, url: new URL(settings.source.url, base).href } : settings.source;
  return { source, contextSize: settings.contextSize, threads: settings.threads, useGpu: settings.useGpu };
}

export class GgufEngine implements ChatEngine {
  readonly label: string;
  readonly contextWindow: number;
  /** What was loaded: the model's description, threads, memory estimate. */
  readonly details: Pick<GgufLoaded, 'info' | 'estimate' | 'threads' | 'multithreaded' | 'placement'>;

  private constructor(
    private readonly worker: Worker,
    private readonly client: GgufWorkerClient,
    loaded: GgufLoaded,
  ) {
    this.label = loaded.label;
    this.contextWindow = loaded.contextSize;
    this.details = { info: loaded.info, estimate: loaded.estimate, threads: loaded.threads, multithreaded: loaded.multithreaded, placement: loaded.placement };
  }

  /** Starts a worker and loads the model; aborting stops the load and the worker. */
  static async create(settings: GgufEngineSettings, load: EngineLoadOptions = {}): Promise<GgufEngine> {
    const worker = new Worker(new URL('./gguf.worker.ts', import.meta.url), { type: 'module', name: 'clinrevise-gguf' });
    const client = new GgufWorkerClient(worker as unknown as ClientPort);
    try {
      const loaded = await client.load(loadRequestFor(settings, location.href), load);
      return new GgufEngine(worker, client, loaded);
    } catch (err) {
      worker.terminate();
      throw err;
    }
  }

  chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    return this.client.chat(
      { messages, maxTokens: options.maxTokens, temperature: options.temperature, schema: options.schema, thinking: options.thinking },
      { signal: options.signal, onToken: options.onToken },
    );
  }

  async dispose(): Promise<void> {
    await Promise.race([this.client.unload().catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
    this.worker.terminate();
    this.client.failAll(new GgufEngineFailedError('the model was unloaded'));
  }
}
