// The worker protocol end to end over a real MessageChannel: the page's client against the worker's
// request loop, with a scripted backend standing in for wllama (a test double: no model runs here).

import { afterEach, describe, expect, it } from 'vitest';
import { ContextBudgetError, errorCode, isAbortError } from '../../core/errors';
import { GgufCorruptError, GgufEngineFailedError, GgufTooLargeError } from './errors';
import type { LoadProgress } from '../types';
import type { ChatResult } from '../../core/chat';
import type { GgufChatRequest, GgufLoadRequest, GgufLoaded } from './protocol';
import { contextOverflow } from './wireErrors';
import { GgufWorkerClient, type ClientPort } from './workerClient';
import { serveGgufRequests, type GgufBackend, type HostPort } from './workerHandler';

const LOADED = { label: 'tiny', contextSize: 2048, threads: 2, multithreaded: true, placement: { where: 'cpu', threads: 2, reason: 'setting_off' } } as GgufLoaded;
const REQUEST: GgufLoadRequest = { source: { type: 'stored', modelId: 'm1', name: 'tiny.gguf' }, contextSize: 2048, threads: 0, useGpu: false };
const RESULT: ChatResult = { text: 'abc', finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 3 } };

/** A backend whose behaviour each test scripts; it records what it was asked and whether it was aborted. */
class ScriptedBackend implements GgufBackend {
  chats: GgufChatRequest[] = [];
  abortedChats = 0;
  unloads = 0;
  load: GgufBackend['load'] = async (_request, { onProgress }) => {
    for (const fraction of [0.25, 0.5, 1]) onProgress({ phase: 'load', fraction, loadedBytes: fraction * 100, totalBytes: 100, text: '' });
    return LOADED;
  };
  chat: GgufBackend['chat'] = async (request, { onToken }) => {
    this.chats.push(request);
    for (const t of ['a', 'b', 'c']) onToken(t);
    return RESULT;
  };
  async unload(): Promise<void> {
    this.unloads++;
  }
  /** A chat that streams until aborted. */
  endless(): void {
    this.chat = (request, { signal, onToken }) =>
      new Promise((_resolve, reject) => {
        this.chats.push(request);
        const timer = setInterval(() => onToken('x'), 2);
        signal.addEventListener('abort', () => {
          clearInterval(timer);
          this.abortedChats++;
          reject(new DOMException('stopped', 'AbortError'));
        });
      });
  }
}

const channels: MessageChannel[] = [];
function connect(backend: GgufBackend): { client: GgufWorkerClient; pagePort: MessagePort } {
  const channel = new MessageChannel();
  channels.push(channel);
  serveGgufRequests(channel.port2 as unknown as HostPort, backend);
  return { client: new GgufWorkerClient(channel.port1 as unknown as ClientPort), pagePort: channel.port1 };
}
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('GGUF worker protocol', () => {
  it('forwards load progress in order and resolves with what the worker loaded', async () => {
    const { client } = connect(new ScriptedBackend());
    const progress: LoadProgress[] = [];
    await expect(client.load(REQUEST, { onProgress: (p) => progress.push(p) })).resolves.toEqual(LOADED);
    expect(progress.map((p) => p.fraction)).toEqual([0.25, 0.5, 1]);
  });

  it('streams tokens in order when asked, and sends none when not', async () => {
    const backend = new ScriptedBackend();
    const { client } = connect(backend);
    const tokens: string[] = [];
    await expect(client.chat({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 }, { onToken: (t) => tokens.push(t) })).resolves.toEqual(RESULT);
    expect(tokens).toEqual(['a', 'b', 'c']);
    await client.chat({ messages: [{ role: 'user', content: 'again' }] });
    expect(backend.chats.map((c) => c.stream)).toEqual([true, false]);
    expect(backend.chats[0]).toMatchObject({ maxTokens: 8, messages: [{ role: 'user', content: 'hi' }] });
  });

  it('Stop rejects at once with an AbortError, the worker aborts the generation, and the next chat works', async () => {
    const backend = new ScriptedBackend();
    backend.endless();
    const { client } = connect(backend);
    const controller = new AbortController();
    let seen = 0;
    const call = client.chat({ messages: [] }, { signal: controller.signal, onToken: () => ++seen === 3 && controller.abort() });
    const err = await call.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    await expect.poll(() => backend.abortedChats).toBe(1);
    backend.chat = new ScriptedBackend().chat;
    await expect(client.chat({ messages: [] })).resolves.toEqual(RESULT);
  });

  it('an already-aborted signal sends nothing', async () => {
    const backend = new ScriptedBackend();
    const { client } = connect(backend);
    const err = await client.chat({ messages: [] }, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.chats).toHaveLength(0);
  });

  it('rebuilds the worker’s named errors on the page, with their fields and messages', async () => {
    const backend = new ScriptedBackend();
    const { client } = connect(backend);
    backend.load = async () => {
      throw new GgufCorruptError('bad.gguf', 'invalid magic characters');
    };
    const corrupt = await client.load(REQUEST).catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(GgufCorruptError);
    expect(corrupt).toMatchObject({ fileName: 'bad.gguf', detail: 'invalid magic characters' });
    expect((corrupt as Error).message).toBe(new GgufCorruptError('bad.gguf', 'invalid magic characters').message);

    backend.load = async () => {
      throw new GgufTooLargeError('big.gguf', 9e9, 4e9);
    };
    expect(await client.load(REQUEST).catch((e: unknown) => e)).toMatchObject({ neededBytes: 9e9, limitBytes: 4e9, code: 'gguf_too_large' });

    backend.chat = async () => {
      throw contextOverflow(2020, 1024);
    };
    const overflow = await client.chat({ messages: [] }).catch((e: unknown) => e);
    expect(overflow).toBeInstanceOf(ContextBudgetError);
    expect(overflow).toMatchObject({ neededTokens: 2020, windowTokens: 1024 });

    backend.chat = async () => {
      throw new TypeError('wasm exploded');
    };
    const unexpected = await client.chat({ messages: [] }).catch((e: unknown) => e);
    expect(unexpected).toBeInstanceOf(GgufEngineFailedError);
    expect((unexpected as Error).message).toContain('wasm exploded');
  });

  it('matches replies to requests when they finish out of order', async () => {
    const backend = new ScriptedBackend();
    backend.chat = async (request) => {
      const text = request.messages[0]!.content;
      await new Promise((r) => setTimeout(r, text === 'slow' ? 40 : 1));
      return { ...RESULT, text };
    };
    const { client } = connect(backend);
    const [slow, fast] = await Promise.all([
      client.chat({ messages: [{ role: 'user', content: 'slow' }] }),
      client.chat({ messages: [{ role: 'user', content: 'fast' }] }),
    ]);
    expect([slow.text, fast.text]).toEqual(['slow', 'fast']);
  });

  it('a crashed worker fails the calls in flight and every later call with a named error', async () => {
    const backend = new ScriptedBackend();
    backend.endless();
    const { client, pagePort } = connect(backend);
    const inFlight = client.chat({ messages: [] }, { onToken: () => {} });
    await expect.poll(() => backend.chats.length).toBe(1);
    pagePort.dispatchEvent(Object.assign(new Event('error'), { message: 'RuntimeError: memory access out of bounds' }));
    const err = await inFlight.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GgufEngineFailedError);
    expect((err as Error).message).toContain('memory access out of bounds');
    expect(errorCode(await client.chat({ messages: [] }).catch((e: unknown) => e))).toBe('gguf_engine_failed');
  });

  it('unload reaches the backend', async () => {
    const backend = new ScriptedBackend();
    const { client } = connect(backend);
    await client.unload();
    expect(backend.unloads).toBe(1);
  });
});
