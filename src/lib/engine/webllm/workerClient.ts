// The page side of the web-llm worker: sends load and chat requests by id, routes progress, tokens
// and answers back to the caller, turns a Stop into an abort for that call only, and reports when
// the worker or its GPU device is gone. Rejections carry the worker's raw WireError; engine.ts maps them.

import { abortError } from '../../core/errors';
import type { ChatMessage, ChatOptions, ChatResult } from '../../core/chat';
import type { LoadProgress } from '../types';
import type { WorkerModelSpec } from './modelSpec';
import type { PageToWorker, WireError, WorkerToPage } from './protocol';

/** The parts of a Worker the engine uses (a fake in unit tests). */
export interface WorkerPort {
  onmessage: ((event: MessageEvent<WorkerToPage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: PageToWorker): void;
  terminate(): void;
}

/** What a call in flight rejects with when the device (or the whole worker) is lost during it. */
export const DEVICE_LOST: WireError = { name: 'DeviceLostError', message: 'The GPU device was lost.', diagnosis: { kind: 'device_lost' } };

interface Pending {
  kind: 'load' | 'chat';
  resolve(value: ChatResult | undefined): void;
  reject(error: unknown): void;
  onProgress?: (progress: LoadProgress) => void;
  onToken?: (delta: string) => void;
}

export class WebLlmWorkerClient {
  #nextId = 0;
  readonly #pending = new Map<number, Pending>();

  /** `onLost`: the worker crashed or its GPU device went away; the model must be loaded again. */
  constructor(
    private readonly port: WorkerPort,
    private readonly onLost: () => void,
  ) {
    port.onmessage = (event) => this.#receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      this.#crashed(event.message ?? '');
    };
  }

  /**
   * Loads the model in the worker, reporting progress. Rejects with the worker's WireError, or an
   * AbortError when `signal` aborts (the caller then terminates the worker: a load cannot be stopped otherwise).
   */
  load(model: WorkerModelSpec, options: { signal?: AbortSignal; onProgress?: (progress: LoadProgress) => void } = {}): Promise<void> {
    return this.#request('load', (id) => ({ type: 'load', id, model }), options.signal, { onProgress: options.onProgress }).then(() => undefined);
  }

  /** One chat call. Rejects with the worker's WireError, DEVICE_LOST, or an AbortError. */
  chat(messages: ChatMessage[], options: ChatOptions, onStreamed: () => void): Promise<ChatResult> {
    const request = (id: number): PageToWorker => ({
      type: 'chat',
      id,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      options: { maxTokens: options.maxTokens, temperature: options.temperature, schema: options.schema?.schema, thinking: options.thinking },
    });
    return this.#request('chat', request, options.signal, {
      onToken: (delta) => {
        onStreamed();
        options.onToken?.(delta);
      },
    }) as Promise<ChatResult>;
  }

  /** Rejects every call in flight with `error`, frees the model and stops the worker. */
  close(error: unknown): void {
    this.#rejectAll(error);
    this.port.postMessage({ type: 'unload', id: ++this.#nextId });
    this.port.terminate();
  }

  /** Stops the worker at once (downloads and GPU work end; what was downloaded stays cached). */
  terminate(): void {
    this.port.terminate();
  }

  #request(
    kind: Pending['kind'],
    message: (id: number) => PageToWorker,
    signal: AbortSignal | undefined,
    callbacks: Pick<Pending, 'onProgress' | 'onToken'>,
  ): Promise<ChatResult | undefined> {
    if (signal?.aborted) return Promise.reject(abortError());
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // Reject at once; the worker stops this call (and only this one) when it gets the abort.
        this.#pending.delete(id);
        this.port.postMessage({ type: 'abort', id });
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        kind,
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        ...callbacks,
      });
      this.port.postMessage(message(id));
    });
  }

  #receive(message: WorkerToPage): void {
    if (message.type === 'device_lost') {
      this.onLost();
      return;
    }
    const pending = this.#pending.get(message.id);
    switch (message.type) {
      case 'progress':
        pending?.onProgress?.(message.progress);
        break;
      case 'token':
        pending?.onToken?.(message.text);
        break;
      case 'loaded':
      case 'unloaded':
        this.#pending.delete(message.id);
        pending?.resolve(undefined);
        break;
      case 'done':
        this.#pending.delete(message.id);
        pending?.resolve(message.result);
        break;
      case 'failed':
        this.#pending.delete(message.id);
        pending?.reject(message.error);
        break;
    }
  }

  /** The worker died: a load in flight fails with a WorkerError; chat calls as with a lost device. */
  #crashed(detail: string): void {
    this.onLost();
    this.#rejectAll(DEVICE_LOST, { name: 'WorkerError', message: detail });
  }

  #rejectAll(error: unknown, loadError: unknown = error): void {
    for (const call of this.#pending.values()) call.reject(call.kind === 'load' ? loadError : error);
    this.#pending.clear();
  }
}
