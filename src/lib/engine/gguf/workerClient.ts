// The page side of the GGUF engine's worker: one promise per request, progress and streamed tokens
// to callbacks, and an abort that rejects at once and tells the worker to stop.

import { abortError } from '../../core/errors';
import { GgufEngineFailedError } from './errors';
import type { LoadProgress } from '../types';
import type { ChatResult } from '../../core/chat';
import type { PageToWorker, WorkerToPage, GgufChatRequest, GgufLoadRequest, GgufLoaded } from './protocol';
import { decodeError } from './wireErrors';

/** The page's view of a worker (a Worker, or a MessagePort in tests). */
export interface ClientPort {
  postMessage(message: PageToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerToPage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  start?(): void;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
  onToken?: (text: string) => void;
  expects: 'loaded' | 'done' | 'unloaded';
}

/** The page side: one promise per request; aborting rejects at once and tells the worker to stop. */
export class GgufWorkerClient {
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #dead: Error | null = null;

  constructor(private readonly port: ClientPort) {
    port.addEventListener('message', (event) => this.#receive(event.data));
    const crash = (event: Event) => {
      const message = (event as { message?: unknown }).message;
      const detail = typeof message === 'string' && message ? message : 'its worker stopped unexpectedly';
      this.failAll(new GgufEngineFailedError(detail));
    };
    port.addEventListener('error', crash);
    port.addEventListener('messageerror', crash);
    port.start?.();
  }

  /** Loads a model, reporting progress; rejects with the worker's named error or an AbortError. */
  load(request: GgufLoadRequest, options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<GgufLoaded> {
    return this.#call({ type: 'load', request }, 'loaded', options.signal, { onProgress: options.onProgress });
  }

  /** One chat completion; `onToken` receives the visible text as it streams. */
  chat(request: Omit<GgufChatRequest, 'stream'>, options: { signal?: AbortSignal; onToken?: (text: string) => void } = {}): Promise<ChatResult> {
    return this.#call({ type: 'chat', request: { ...request, stream: Boolean(options.onToken) } }, 'done', options.signal, {
      onToken: options.onToken,
    });
  }

  /** Frees the model in the worker. */
  unload(): Promise<void> {
    return this.#call({ type: 'unload' }, 'unloaded', undefined, {});
  }

  /** Rejects every call in flight and every later one (the worker is gone). */
  failAll(error: Error): void {
    this.#dead ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #call<T>(
    message: { type: 'load'; request: GgufLoadRequest } | { type: 'chat'; request: GgufChatRequest } | { type: 'unload' },
    expects: Pending['expects'],
    signal: AbortSignal | undefined,
    callbacks: Pick<Pending, 'onProgress' | 'onToken'>,
  ): Promise<T> {
    if (this.#dead) return Promise.reject(this.#dead);
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        if (!this.#pending.delete(id)) return;
        this.port.postMessage({ type: 'abort', id });
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        resolve: ((value: T) => {
          done();
          resolve(value);
        }) as (value: never) => void,
        reject: (error) => {
          done();
          reject(error);
        },
        expects,
        ...callbacks,
      });
      this.port.postMessage({ ...message, id } as PageToWorker);
    });
  }

  #receive(message: WorkerToPage): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return; // aborted, or already settled
    switch (message.type) {
      case 'progress':
        pending.onProgress?.(message.progress);
        return;
      case 'token':
        pending.onToken?.(message.text);
        return;
      case 'failed':
        this.#pending.delete(message.id);
        pending.reject(decodeError(message.error));
        return;
      default: {
        if (message.type !== pending.expects) return;
        this.#pending.delete(message.id);
        const value = message.type === 'loaded' ? message.loaded : message.type === 'done' ? message.result : undefined;
        (pending.resolve as (v: unknown) => void)(value);
      }
    }
  }
}
