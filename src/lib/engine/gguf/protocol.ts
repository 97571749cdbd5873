// The messages between the page and the GGUF engine's worker, and both ends of the conversation:
// the page's client (promises, progress, streamed tokens, abort) and the worker's request loop.
// Errors cross as codes and fields and are rebuilt into the same named classes on the page.

import { ClinReviseError, ContextBudgetError, abortError, isAbortError, causeText } from '../../core/errors';
import { GgufBrowserUnsupportedError, GgufCorruptError, GgufDownloadError, GgufEngineFailedError, GgufMissingPartsError, GgufStorageError, GgufStoredModelMissingError, GgufTooLargeError, GgufTruncatedError, GgufUnsupportedError, NotGgufError } from './errors';
import type { GgufModelSource } from '../settings';
import type { LoadProgress } from '../types';
import type { ChatMessage, ChatResult, JsonSchemaSpec } from '../../core/chat';
import type { GgufModelInfo, MemoryEstimate } from './ggufModel';

export interface GgufLoadRequest {
  /** A URL here is absolute (the page resolves it); a URL's model is downloaded once, then stored. */
  source: GgufModelSource;
  /** Tokens of context (KV cache) to allocate. */
  contextSize: number;
  /** CPU threads; 0 chooses from the number of cores. More than one needs cross-origin isolation. */
  threads: number;
  /** Offload layers to WebGPU when the browser offers an adapter. */
  useGpu: boolean;
}

/** What the worker reports once a model is ready. */
export interface GgufLoaded {
  label: string;
  /** The context actually allocated. */
  contextSize: number;
  threads: number;
  multithreaded: boolean;
  /** Where the weights are: on the CPU, or offloaded to the GPU (WebGPU). */
  backend: 'cpu' | 'gpu';
  info: GgufModelInfo;
  estimate: MemoryEstimate;
}

export interface GgufChatRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  schema?: JsonSchemaSpec;
  thinking?: boolean;
  /** Whether to send `token` messages as the reply is generated. */
  stream: boolean;
}

export type ToWorker =
  | { type: 'load'; id: number; request: GgufLoadRequest }
  | { type: 'chat'; id: number; request: GgufChatRequest }
  | { type: 'abort'; id: number }
  | { type: 'unload'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'token'; id: number; text: string }
  | { type: 'loaded'; id: number; loaded: GgufLoaded }
  | { type: 'chatted'; id: number; result: ChatResult }
  | { type: 'unloaded'; id: number }
  | { type: 'failed'; id: number; error: WireError };

/** An error as it crosses the worker boundary. */
export type WireError =
  | { kind: 'abort' }
  | { kind: 'known'; code: string; fields: Record<string, string | number> }
  | { kind: 'unexpected'; message: string };

type Fields = Record<string, string | number>;
const s = (f: Fields, k: string) => String(f[k] ?? '');
const n = (f: Fields, k: string) => Number(f[k] ?? 0);

/** What the engine calls the overflowing text in a context error. */
const CONTEXT_SUBJECT = 'The conversation';

/** Every error the worker may raise on purpose: its fields, and how to rebuild it. */
const WIRE_ERRORS: Record<string, { fields: string[]; make: (f: Fields) => ClinReviseError }> = {
  gguf_not_gguf: { fields: ['fileName'], make: (f) => new NotGgufError(s(f, 'fileName')) },
  gguf_truncated: {
    fields: ['fileName', 'expectedBytes', 'actualBytes'],
    make: (f) => new GgufTruncatedError(s(f, 'fileName'), n(f, 'expectedBytes'), n(f, 'actualBytes')),
  },
  gguf_corrupt: { fields: ['fileName', 'detail'], make: (f) => new GgufCorruptError(s(f, 'fileName'), s(f, 'detail')) },
  gguf_unsupported: { fields: ['fileName', 'detail'], make: (f) => new GgufUnsupportedError(s(f, 'fileName'), s(f, 'detail')) },
  gguf_too_large: {
    fields: ['fileName', 'neededBytes', 'limitBytes'],
    make: (f) => new GgufTooLargeError(s(f, 'fileName'), n(f, 'neededBytes'), n(f, 'limitBytes')),
  },
  gguf_missing_parts: { fields: ['detail'], make: (f) => new GgufMissingPartsError(s(f, 'detail')) },
  gguf_storage: { fields: ['detail'], make: (f) => new GgufStorageError(s(f, 'detail')) },
  gguf_stored_model_missing: { fields: ['modelName'], make: (f) => new GgufStoredModelMissingError(s(f, 'modelName')) },
  gguf_download_failed: { fields: ['url', 'detail'], make: (f) => new GgufDownloadError(s(f, 'url'), s(f, 'detail')) },
  gguf_engine_failed: { fields: ['detail'], make: (f) => new GgufEngineFailedError(s(f, 'detail')) },
  gguf_browser_unsupported: { fields: ['detail'], make: (f) => new GgufBrowserUnsupportedError(s(f, 'detail')) },
  context_budget: {
    fields: ['neededTokens', 'windowTokens'],
    make: (f) => new ContextBudgetError(n(f, 'neededTokens'), n(f, 'windowTokens'), CONTEXT_SUBJECT),
  },
};

/** The context error the engine raises when a conversation no longer fits. */
export function contextOverflow(neededTokens: number, windowTokens: number): ContextBudgetError {
  return new ContextBudgetError(neededTokens, windowTokens, CONTEXT_SUBJECT);
}

/** Turns any thrown value into something postMessage can carry. */
export function encodeError(err: unknown): WireError {
  if (isAbortError(err)) return { kind: 'abort' };
  if (err instanceof ClinReviseError) {
    const spec = WIRE_ERRORS[err.code];
    if (spec) {
      const record = err as unknown as Record<string, unknown>;
      const fields: Fields = {};
      for (const key of spec.fields) {
        const value = record[key];
        if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
      }
      return { kind: 'known', code: err.code, fields };
    }
  }
  return { kind: 'unexpected', message: causeText(err) };
}

/** Rebuilds the error the worker raised. Unknown failures become GgufEngineFailedError. */
export function decodeError(wire: WireError): Error {
  if (wire.kind === 'abort') return abortError();
  if (wire.kind === 'known') {
    const spec = WIRE_ERRORS[wire.code];
    if (spec) return spec.make(wire.fields);
  }
  return new GgufEngineFailedError(wire.kind === 'unexpected' ? wire.message : `error ${wire.code}`);
}

/** The page's view of a worker (a Worker, or a MessagePort in tests). */
export interface ClientPort {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  start?(): void;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
  onToken?: (text: string) => void;
  expects: 'loaded' | 'chatted' | 'unloaded';
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
    return this.#call({ type: 'chat', request: { ...request, stream: Boolean(options.onToken) } }, 'chatted', options.signal, {
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
      this.port.postMessage({ ...message, id } as ToWorker);
    });
  }

  #receive(message: FromWorker): void {
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
        const value = message.type === 'loaded' ? message.loaded : message.type === 'chatted' ? message.result : undefined;
        (pending.resolve as (v: unknown) => void)(value);
      }
    }
  }
}

/** What the worker's engine does; the real one wraps wllama, tests use a scripted one. */
export interface GgufBackend {
  load(request: GgufLoadRequest, control: { signal: AbortSignal; onProgress: (p: LoadProgress) => void }): Promise<GgufLoaded>;
  chat(request: GgufChatRequest, control: { signal: AbortSignal; onToken: (text: string) => void }): Promise<ChatResult>;
  unload(): Promise<void>;
}

/** The worker's view of its page (the worker global scope, or a MessagePort in tests). */
export interface HostPort {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  start?(): void;
}

/** The worker side: runs each request on the backend, forwards progress and tokens, honours abort. */
export function serveGgufRequests(port: HostPort, backend: GgufBackend): void {
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker) => port.postMessage(message);

  async function run(id: number, work: (signal: AbortSignal) => Promise<FromWorker>): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      post(await work(controller.signal));
    } catch (err) {
      post({ type: 'failed', id, error: encodeError(controller.signal.aborted && !isKnown(err) ? abortError() : err) });
    } finally {
      running.delete(id);
    }
  }

  port.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'abort':
        running.get(message.id)?.abort();
        return;
      case 'load':
        void run(message.id, async (signal) => ({
          type: 'loaded',
          id: message.id,
          loaded: await backend.load(message.request, { signal, onProgress: (progress) => post({ type: 'progress', id: message.id, progress }) }),
        }));
        return;
      case 'chat':
        void run(message.id, async (signal) => ({
          type: 'chatted',
          id: message.id,
          result: await backend.chat(message.request, {
            signal,
            onToken: (text) => {
              if (message.request.stream) post({ type: 'token', id: message.id, text });
            },
          }),
        }));
        return;
      case 'unload':
        void run(message.id, async () => {
          await backend.unload();
          return { type: 'unloaded', id: message.id };
        });
        return;
    }
  });
  port.start?.();
}

/** Our own errors keep their identity even when they race an abort. */
function isKnown(err: unknown): boolean {
  return err instanceof ClinReviseError;
}
