// The page side of the web-llm engine: a ChatEngine that checks the GPU and storage before any
// download, starts the worker, turns Stop into an interrupt for the right call, and reloads the
// model after the GPU device is lost. It never imports web-llm; the worker does.

import { abortError, isAbortError, throwIfAborted } from '../../core/errors';
import { StorageQuotaExceededError } from '../errors';
import { ShaderF16UnavailableError, WebGpuUnavailableError } from './errors';
import type { WebLlmEngineSettings } from '../settings';
import type { EngineLoadOptions, LoadProgress } from '../types';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../core/chat';
import type { GpuProbe } from './capability';
import { f32Alternative } from './catalog';
import { mapWebLlmError } from './mapError';
import { resolveModel, type ResolvedModel } from './modelSpec';
import type { PageToWorker, WireError, WorkerToPage } from './protocol';

/** The parts of a Worker the engine uses (a fake in unit tests). */
export interface WorkerPort {
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: PageToWorker): void;
  terminate(): void;
}

/** Everything the engine needs from the browser, injectable for tests. */
export interface WebLlmDeps {
  spawn(): WorkerPort;
  probe(): Promise<GpuProbe>;
  /** Storage this site uses and may use, or null when the browser does not say. */
  estimate(): Promise<{ usage: number; quota: number } | null>;
  /** Bytes of this model already in the browser cache (a partial download counts). */
  cachedBytes(model: ResolvedModel): Promise<number>;
}

interface PendingCall {
  resolve(result: ChatResult): void;
  reject(error: unknown): void;
  onToken?: (delta: string) => void;
}

/** Thrown inside the engine when the worker reports the device lost during a call. */
const DEVICE_LOST: WireError = { name: 'DeviceLostError', message: 'The GPU device was lost.', diagnosis: { kind: 'device_lost' } };

export class WebLlmEngine implements ChatEngine {
  readonly label: string;
  readonly contextWindow: number;
  #worker: WorkerPort | null = null;
  #nextId = 0;
  readonly #pending = new Map<number, PendingCall>();
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
  static async load(settings: WebLlmEngineSettings, options: EngineLoadOptions, deps: WebLlmDeps): Promise<WebLlmEngine> {
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
    const worker = this.deps.spawn();
    this.#worker = worker;
    this.#needsReload = false;
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle = (fn: () => void) => {
          signal?.removeEventListener('abort', onAbort);
          fn();
        };
        worker.onerror = (event) => {
          event.preventDefault?.();
          settle(() => reject(mapWebLlmError({ name: 'WorkerError', message: event.message ?? '' }, { phase: 'load', model: this.model })));
        };
        worker.onmessage = (event) => {
          const message = event.data;
          if (message.type === 'progress') onProgress?.(message.progress);
          else if (message.type === 'loaded') settle(resolve);
          else if (message.type === 'load_failed') settle(() => void this.#loadError(message.error).then(reject));
        };
        worker.postMessage({ type: 'load', model: this.model.worker });
      });
    } catch (err) {
      // Terminating stops every download and frees the GPU; what was downloaded stays cached.
      worker.terminate();
      if (this.#worker === worker) this.#worker = null;
      throw err;
    }
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#workerDied();
    };
  }

  async #loadError(error: WireError): Promise<Error> {
    let availableBytes: number | null = null;
    if (error.name === 'QuotaExceededError') {
      const estimate = await this.deps.estimate().catch(() => null);
      availableBytes = estimate ? estimate.quota - estimate.usage : null;
    }
    return mapWebLlmError(error, { phase: 'load', model: this.model, availableBytes });
  }

  #receive(message: WorkerToPage): void {
    switch (message.type) {
      case 'token':
        this.#pending.get(message.id)?.onToken?.(message.text);
        break;
      case 'done':
        this.#pending.get(message.id)?.resolve(message.result);
        this.#pending.delete(message.id);
        break;
      case 'failed':
        this.#pending.get(message.id)?.reject(message.error);
        this.#pending.delete(message.id);
        break;
      case 'device_lost':
        this.#needsReload = true;
        break;
      default:
        break;
    }
  }

  /** The worker crashed: treat it like a lost device (reload before the next call). */
  #workerDied(): void {
    this.#needsReload = true;
    for (const call of this.#pending.values()) call.reject(DEVICE_LOST);
    this.#pending.clear();
  }

  /** Replaces the worker and loads the model again (from the browser cache). */
  async #reload(signal?: AbortSignal): Promise<void> {
    this.#worker?.terminate();
    this.#worker = null;
    await this.#boot(signal);
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    throwIfAborted(options.signal);
    if (this.#disposed) throw abortError();
    if (this.#needsReload || !this.#worker) await this.#reload(options.signal);
    let streamed = false;
    try {
      return await this.#call(messages, options, () => (streamed = true));
    } catch (err) {
      if (isAbortError(err) || options.signal?.aborted) throw err;
      const lost = (err as WireError | undefined)?.diagnosis?.kind === 'device_lost';
      if (!lost) throw mapWebLlmError(err, { phase: 'chat', model: this.model });
      await this.#reload(options.signal);
      // Nothing was shown yet: answer the call on the reloaded model. Otherwise the run must resume.
      if (streamed) throw mapWebLlmError(err, { phase: 'chat', model: this.model });
      try {
        return await this.#call(messages, options, () => undefined);
      } catch (retryErr) {
        if (isAbortError(retryErr) || options.signal?.aborted) throw retryErr;
        if ((retryErr as WireError | undefined)?.diagnosis?.kind === 'device_lost') this.#needsReload = true;
        throw mapWebLlmError(retryErr, { phase: 'chat', model: this.model });
      }
    }
  }

  /** One call in the worker. Rejects with the raw WireError (mapped by `chat`) or an AbortError. */
  #call(messages: ChatMessage[], options: ChatOptions, onStreamed: () => void): Promise<ChatResult> {
    const worker = this.#worker;
    if (options.signal?.aborted) return Promise.reject(abortError());
    if (!worker) return Promise.reject(DEVICE_LOST);
    const id = ++this.#nextId;
    const signal = options.signal;
    return new Promise<ChatResult>((resolve, reject) => {
      const onAbort = () => {
        // Reject at once; the worker stops this call (and only this one) when it gets the interrupt.
        this.#pending.delete(id);
        worker.postMessage({ type: 'interrupt', id });
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        resolve: (result) => {
          done();
          resolve(result);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        onToken: (delta) => {
          onStreamed();
          options.onToken?.(delta);
        },
      });
      worker.postMessage({
        type: 'chat',
        id,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        options: { maxTokens: options.maxTokens, temperature: options.temperature, schema: options.schema?.schema, thinking: options.thinking },
      });
    });
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const call of this.#pending.values()) call.reject(abortError());
    this.#pending.clear();
    this.#worker?.postMessage({ type: 'unload' });
    this.#worker?.terminate();
    this.#worker = null;
  }
}
