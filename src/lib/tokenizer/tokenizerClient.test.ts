import { describe, expect, it } from 'vitest';
import { roughTokenCount } from '../core/pipeline/tokens';
import type { PageToTokenizer, TokenizerToPage } from './protocol';
import { WorkerTokenizer, type TokenizerPort } from './tokenizerClient';

/** An in-process stand-in for the worker: counts words, answers asynchronously, records what it got. */
function fakePort(behaviour: 'works' | 'fails' = 'works') {
  const received: PageToTokenizer[] = [];
  const listeners: ((event: MessageEvent<TokenizerToPage>) => void)[] = [];
  const send = (data: TokenizerToPage) => setTimeout(() => listeners.forEach((l) => l({ data } as MessageEvent<TokenizerToPage>)), 1);
  let loaded = false;
  const port: TokenizerPort = {
    postMessage(message) {
      received.push(message);
      if (behaviour === 'fails') return send({ type: 'failed', id: message.type === 'count' ? message.id : null, message: 'chunk failed to load' });
      if (!loaded) {
        loaded = true;
        send({ type: 'status', status: 'loading' });
        send({ type: 'status', status: 'ready' });
      }
      if (message.type === 'count') send({ type: 'counts', id: message.id, counts: message.texts.map((t) => t.split(/\s+/).filter(Boolean).length) });
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<TokenizerToPage>) => void);
    },
    terminate() {},
  };
  return { port, received };
}

describe('WorkerTokenizer', () => {
  it('sends counts asked together as one batch, and answers repeats from its memo', async () => {
    const { port, received } = fakePort();
    const tokenizer = new WorkerTokenizer(() => port);
    const statuses: string[] = [];
    tokenizer.onStatus((s) => statuses.push(s));
    await tokenizer.ready();
    const counts = await Promise.all(['one two', 'three', 'four five six'].map((t) => tokenizer.count(t)));
    expect(counts).toEqual([2, 1, 3]);
    expect(received.filter((m) => m.type === 'count')).toHaveLength(1);
    expect(tokenizer.count('one two')).toBe(2);
    expect(statuses).toEqual(['loading', 'ready']);
  });

  it('falls back to the conservative estimate when the worker cannot load the tokenizer', async () => {
    const { port } = fakePort('fails');
    const tokenizer = new WorkerTokenizer(() => port);
    await tokenizer.ready();
    expect(tokenizer.status).toBe('fallback');
    const text = 'Metformin 500 mg twice daily with eGFR 38';
    expect(await tokenizer.count(text)).toBe(roughTokenCount(text));
  });

  it('stops waiting for the load when aborted', async () => {
    const tokenizer = new WorkerTokenizer(() => ({ postMessage() {}, addEventListener() {}, terminate() {} }));
    const controller = new AbortController();
    const waiting = tokenizer.ready(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
