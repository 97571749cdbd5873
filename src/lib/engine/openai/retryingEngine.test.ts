import { describe, expect, it } from 'vitest';
import type { ChatEngine, ChatResult } from '../../core/chat';
import { isAbortError } from '../../core/errors';
import { ServerHttpError, ServerTimeoutError, parseRetryAfter } from './errors';
import { RetryingEngine, isRetryable, retryDelayMs } from './retryingEngine';

const ok: ChatResult = { text: '{}', finishReason: 'stop', usage: { promptTokens: 1, completionTokens: 1 } };

/** An engine failing with the given errors, in order, then answering. */
function failing(errors: unknown[]): ChatEngine & { calls: number } {
  const engine = {
    label: 'x',
    contextWindow: null,
    calls: 0,
    async chat() {
      const err = errors[engine.calls++];
      if (err) throw err;
      return ok;
    },
    async dispose() {},
  };
  return engine;
}

describe('RetryingEngine', () => {
  it('retries 429, 5xx and timeouts, then succeeds', async () => {
    const inner = failing([new ServerHttpError('s', 429, 'busy'), new ServerHttpError('s', 503, 'down'), new ServerTimeoutError('s', 1)]);
    const delays: number[] = [];
    const engine = new RetryingEngine(inner, { baseDelayMs: 1, onRetry: ({ delayMs }) => delays.push(delayMs) });
    await expect(engine.chat([])).resolves.toEqual(ok);
    expect(inner.calls).toBe(4);
    expect(delays).toHaveLength(3);
  });

  it('does not retry what a retry cannot fix', async () => {
    const inner = failing([new ServerHttpError('s', 400, 'bad request')]);
    await expect(new RetryingEngine(inner, { baseDelayMs: 1 }).chat([])).rejects.toBeInstanceOf(ServerHttpError);
    expect(inner.calls).toBe(1);
    expect(isRetryable(new ServerHttpError('s', 401, ''))).toBe(false);
  });

  it('gives up after the last attempt with the last error', async () => {
    const inner = failing(Array.from({ length: 9 }, () => new ServerHttpError('s', 500, 'x')));
    await expect(new RetryingEngine(inner, { attempts: 3, baseDelayMs: 1 }).chat([])).rejects.toBeInstanceOf(ServerHttpError);
    expect(inner.calls).toBe(3);
  });

  it('waits what Retry-After says, and backs off exponentially with jitter otherwise', () => {
    expect(retryDelayMs(new ServerHttpError('s', 429, '', 2), 1)).toBe(2000);
    expect(retryDelayMs(new ServerHttpError('s', 429, '', 999), 1, { maxRetryAfterMs: 10_000 })).toBeNull();
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(new ServerHttpError('s', 503, ''), n, policy))).toEqual([100, 200, 400, 799, 999]);
    expect(retryDelayMs(new ServerHttpError('s', 503, ''), 3, { ...policy, random: () => 0 })).toBe(0);
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(3);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('a Stop during the wait ends the call at once', async () => {
    const controller = new AbortController();
    const engine = new RetryingEngine(failing([new ServerHttpError('s', 429, '', 60)]));
    const call = engine.chat([], { signal: controller.signal });
    controller.abort();
    expect(isAbortError(await call.catch((e: unknown) => e))).toBe(true);
  });
});
