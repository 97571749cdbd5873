// The worker side of the GGUF engine: runs each request from the page on the backend (wllama in the
// real worker, a scripted one in tests), forwards progress and tokens, and honours abort.

import { ClinReviseError, abortError } from '../../core/errors';
import type { LoadProgress } from '../types';
import type { ChatResult } from '../../core/chat';
import type { PageToWorker, WorkerToPage, GgufChatRequest, GgufLoadRequest, GgufLoaded } from './protocol';
import { encodeError } from './wireErrors';

/** What the worker's engine does; the real one wraps wllama, tests use a scripted one. */
export interface GgufBackend {
  load(request: GgufLoadRequest, control: { signal: AbortSignal; onProgress: (p: LoadProgress) => void }): Promise<GgufLoaded>;
  chat(request: GgufChatRequest, control: { signal: AbortSignal; onToken: (text: string) => void }): Promise<ChatResult>;
  unload(): Promise<void>;
}

/** The worker's view of its page (the worker global scope, or a MessagePort in tests). */
export interface HostPort {
  postMessage(message: WorkerToPage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageToWorker>) => void): void;
  start?(): void;
}

/** The worker side: runs each request on the backend, forwards progress and tokens, honours abort. */
export function serveGgufRequests(port: HostPort, backend: GgufBackend): void {
  const running = new Map<number, AbortController>();
  const post = (message: WorkerToPage) => port.postMessage(message);

  async function run(id: number, work: (signal: AbortSignal) => Promise<WorkerToPage>): Promise<void> {
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
          type: 'done',
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
