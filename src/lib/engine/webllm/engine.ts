// The web-llm engine's ChatEngine: checks the GPU and storage before any download, loads the model
// in a worker (through WebLlmWorkerClient), maps the worker's failures to the app's errors, and
// reloads the model after the GPU device is lost. It never imports web-llm; the worker does.

import { abortError, isAbortError, throwIfAborted } from '../../core/errors';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../core/chat';
import { StorageQuotaExceededError } from '../errors';
import type { EngineLoadOptions, LoadProgress } from '../types';
import { browserDeps, type WebLlmDeps } from './browserDeps';
import { f32Alternative } from './catalog';
import { ShaderF16UnavailableError, WebGpuUnavailableError } from './errors';
import { mapWebLlmError } from './mapError';
import { resolveModel, type ResolvedModel } from './modelSpec';
import type { WireError } from './protocol';
import type { WebLlmEngineSettings } from './settings';
import { WebLlmWorkerClient } from './workerClient';

export class WebLlmEngine implements ChatEngine {
  readonly label: string;
  readonly contextWindow: number;
  #client: WebLlmWorkerClient | null = null;
  #needsReload = false;
  #disposed = false;

  private constructor(
    readonly model: ResolvedModel,
    private readonly deps: WebLlmDeps,
  ) {
    this.label = `${model.label} · on this device (web-llm)`;
    this.contextWindow = model.worker.contextWindow;
  }

  /**
   * Checks that this GPU can run the model and that storage can hold it, then loads it in a new
   * worker. Rejects with the app's named errors; aborting cancels the download and stops the worker.
   */
  static async create(settings: WebLlmEngineSettings, options: EngineLoadOptions = {}, deps: WebLlmDeps = browserDeps): Promise<WebLlmEngine> {
    throwIfAborted(options.signal);
    const model = resolveModel(settings);
    const probe = await deps.probe();
    if (!probe.api) throw new WebGpuUnavailableError('no_api');
    if (!probe.adapter) throw new WebGpuUnavailableError('no_adapter');
    if (model.requiresShaderF16 && !probe.adapter.shaderF16) {
      throw new ShaderF16UnavailableError(model.label, model.catalog ? (f32Alternative(model.catalog)?.label ?? null) : null);
    }
    if (model.downloadBytes !== null) {
      const [estimate, cached] = await Promise.all([deps.estimate(), deps.cachedBytes(model)]);
      const needed = Math.max(0, model.downloadBytes - cached);
      if (estimate && needed > estimate.quota - estimate.usage) throw new StorageQuotaExceededError(needed, estimate.quota - estimate.usage);
    }
    throwIfAborted(options.signal);
    const engine = new WebLlmEngine(model, deps);
    await engine.#boot(options.signal, options.onProgress);
    return engine;
  }

  /** Starts a worker and loads the model in it; the worker is gone again if this rejects. */
  async #boot(signal: AbortSignal | undefined, onProgress?: (progress: LoadProgress) => void): Promise<void> {
    const client = new WebLlmWorkerClient(this.deps.spawn(), () => (this.#needsReload = true));
    this.#client = client;
    try {
      await client.load(this.model.worker, { signal, onProgress });
    } catch (err) {
      // Terminating stops every download and frees the GPU; what was downloaded stays cached.
      client.terminate();
      if (this.#client === client) this.#client = null;
      throw isAbortError(err) ? err : await this.#loadError(err as WireError);
    }
    // A device lost while loading fails the load itself; only a loss after it needs a reload.
    this.#needsReload = false;
  }

  async #loadError(error: WireError): Promise<Error> {
    let availableBytes: number | null = null;
    if (error.name === 'QuotaExceededError') {
      const estimate = await this.deps.estimate().catch(() => null);
      availableBytes = estimate ? estimate.quota - estimate.usage : null;
    }
    return mapWebLlmError(error, { phase: 'load', model: this.model, availableBytes });
  }

  /** Replaces the worker and loads the model again (from the browser cache). */
  async #reload(signal?: AbortSignal): Promise<void> {
    this.#client?.terminate();
    this.#client = null;
    await this.#boot(signal);
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    throwIfAborted(options.signal);
    if (this.#disposed) throw abortError();
    if (this.#needsReload || !this.#client) await this.#reload(options.signal);
    let streamed = false;
    try {
      return await this.#client!.chat(messages, options, () => (streamed = true));
    } catch (err) {
      if (isAbortError(err) || options.signal?.aborted) throw err;
      const lost = (err as WireError | undefined)?.diagnosis?.kind === 'device_lost';
      if (!lost) throw mapWebLlmError(err, { phase: 'chat', model: this.model });
      await this.#reload(options.signal);
      // Nothing was shown yet: answer the call on the reloaded model. Otherwise the run must resume.
      if (streamed) throw mapWebLlmError(err, { phase: 'chat', model: this.model });
      try {
        return await this.#client!.chat(messages, options, () => undefined);
      } catch (retryErr) {
        if (isAbortError(retryErr) || options.signal?.aborted) throw retryErr;
        if ((retryErr as WireError | undefined)?.diagnosis?.kind === 'device_lost') this.#needsReload = true;
        throw mapWebLlmError(retryErr, { phase: 'chat', model: this.model });
      }
    }
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#client?.close(abortError());
    this.#client = null;
  }
}
