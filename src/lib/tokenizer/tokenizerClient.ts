// The page's side of the tokenizer worker: a TokenCounter whose counts come from the worker. Calls
// made together are sent as one batch, repeated texts are answered from a memo, and should the
// worker fail to load, counting falls back to the conservative estimate (budgets only get stricter).

import { roughTokenCount, type TokenCounter } from '../core/pipeline/tokens';
import type { PageToTokenizer, TokenizerToPage } from './protocol';

export type TokenizerStatus = 'idle' | 'loading' | 'ready' | 'fallback';

/** The part of a Worker the client uses (a test can stand in for it). */
export interface TokenizerPort {
  postMessage(message: PageToTokenizer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TokenizerToPage>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

const MEMO_CAPACITY = 512;

/** Counts tokens with the Qwen3 tokenizer running in a Web Worker. */
export class WorkerTokenizer {
  #port: TokenizerPort | null = null;
  #status: TokenizerStatus = 'idle';
  #nextId = 1;
  #pending = new Map<number, { texts: string[]; resolve: (counts: number[]) => void; reject: (err: Error) => void }>();
  #queue: { text: string; resolve: (n: number) => void; reject: (err: Error) => void }[] = [];
  #memo = new Map<string, number>();
  #ready: Promise<void> | null = null;
  #listeners = new Set<(status: TokenizerStatus) => void>();

  constructor(private readonly createPort: () => TokenizerPort) {}

  get status(): TokenizerStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: TokenizerStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts loading (once) and resolves when counting is possible — with the real tokenizer, or with
   * the estimate if the worker could not load it. Aborting stops the wait, not the load.
   */
  ready(signal?: AbortSignal): Promise<void> {
    this.#ready ??= new Promise<void>((resolve) => {
      const port = this.#connect();
      if (!port) return resolve();
      const done = this.onStatus((status) => {
        if (status === 'ready' || status === 'fallback') {
          done();
          resolve();
        }
      });
      port.postMessage({ type: 'load' });
    });
    if (!signal) return this.#ready;
    return Promise.race([
      this.#ready,
      new Promise<never>((_, reject) => {
        const abort = () => reject(new DOMException('Stopped.', 'AbortError'));
        if (signal.aborted) abort();
        signal.addEventListener('abort', abort, { once: true });
      }),
    ]);
  }

  /** The TokenCounter: exact Qwen3 counts from the worker (or the estimate after a failed load). */
  readonly count: TokenCounter = (text: string) => {
    const hit = this.#memo.get(text);
    if (hit !== undefined) return hit;
    if (this.#status === 'fallback' || !this.#connect()) return roughTokenCount(text);
    return new Promise<number>((resolve, reject) => {
      if (this.#queue.length === 0) queueMicrotask(() => this.#flush());
      this.#queue.push({ text, resolve, reject });
    }).then((n) => {
      if (this.#memo.size >= MEMO_CAPACITY) this.#memo.delete(this.#memo.keys().next().value as string);
      this.#memo.set(text, n);
      return n;
    });
  };

  dispose(): void {
    this.#port?.terminate();
    this.#port = null;
  }

  #connect(): TokenizerPort | null {
    if (this.#port || this.#status === 'fallback') return this.#port;
    try {
      const port = this.createPort();
      port.addEventListener('message', (event: MessageEvent<TokenizerToPage>) => this.#receive(event.data));
      port.addEventListener('error', () => this.#fail());
      this.#port = port;
    } catch {
      this.#fail();
    }
    return this.#port;
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    if (this.#status === 'fallback' || !this.#port) {
      for (const item of batch) item.resolve(roughTokenCount(item.text));
      return;
    }
    const id = this.#nextId++;
    const texts = batch.map((b) => b.text);
    this.#pending.set(id, {
      texts,
      resolve: (counts) => batch.forEach((b, i) => b.resolve(counts[i]!)),
      reject: (err) => batch.forEach((b) => b.reject(err)),
    });
    if (this.#status === 'idle') this.#setStatus('loading');
    this.#port.postMessage({ type: 'count', id, texts });
  }

  #receive(message: TokenizerToPage): void {
    if (message.type === 'status') this.#setStatus(message.status);
    else if (message.type === 'counts') {
      this.#pending.get(message.id)?.resolve(message.counts);
      this.#pending.delete(message.id);
    } else this.#fail();
  }

  /** The worker could not load the tokenizer: answer everything with the conservative estimate. */
  #fail(): void {
    this.#port?.terminate();
    this.#port = null;
    this.#setStatus('fallback');
    for (const [, pending] of this.#pending) pending.resolve(pending.texts.map(roughTokenCount));
    this.#pending.clear();
  }

  #setStatus(status: TokenizerStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
