// Retries for batch work against busy servers (vLLM, SGLang behind a load balancer): 429 and 5xx
// answers, timeouts and dropped connections are retried with exponential backoff and full jitter,
// honouring Retry-After. Interactive use does not need it: a person sees the error and decides.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../core/chat';
import { abortError, isAbortError } from '../../core/errors';
import { ServerConnectionLostError, ServerHttpError, ServerTimeoutError, ServerUnreachableError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** First backoff ceiling, ms (default 500); doubles each retry. */
  baseDelayMs?: number;
  /** Largest backoff ceiling, ms (default 30 s). A longer Retry-After is still honoured, up to `maxRetryAfterMs`. */
  maxDelayMs?: number;
  /** Longest Retry-After honoured, ms (default 5 min); longer ones fail the call. */
  maxRetryAfterMs?: number;
  /** For tests: the random source of the jitter. */
  random?: () => number;
  /** Called before each wait, e.g. to count retries. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** Whether a failed call is worth repeating: the server is busy or briefly unreachable, not wrong. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ServerHttpError) return err.status === 429 || err.status === 408 || err.status >= 500;
  return err instanceof ServerTimeoutError || err instanceof ServerUnreachableError || err instanceof ServerConnectionLostError;
}

/** The wait before retry number `attempt` (1-based): Retry-After when given, else full-jitter backoff. */
export function retryDelayMs(err: unknown, attempt: number, policy: RetryPolicy = {}): number | null {
  const base = policy.baseDelayMs ?? 500;
  const max = policy.maxDelayMs ?? 30_000;
  if (err instanceof ServerHttpError && err.retryAfterSeconds !== null) {
    const ms = err.retryAfterSeconds * 1000;
    return ms <= (policy.maxRetryAfterMs ?? 300_000) ? ms : null;
  }
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round((policy.random ?? Math.random)() * ceiling);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A ChatEngine that retries the calls of `inner` that failed for a retryable reason. Meant for
 * non-streaming use (structured steps): a retried call streams its tokens again from the start.
 */
export class RetryingEngine implements ChatEngine {
  constructor(
    private readonly inner: ChatEngine,
    private readonly policy: RetryPolicy = {},
  ) {}

  get label(): string {
    return this.inner.label;
  }

  get contextWindow(): number | null {
    return this.inner.contextWindow;
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const attempts = Math.max(1, this.policy.attempts ?? 5);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inner.chat(messages, options);
      } catch (err) {
        if (options.signal?.aborted && !isAbortError(err)) throw abortError();
        if (isAbortError(err) || attempt >= attempts || !isRetryable(err)) throw err;
        const delayMs = retryDelayMs(err, attempt, this.policy);
        if (delayMs === null) throw err;
        this.policy.onRetry?.({ attempt, delayMs, error: err });
        await sleep(delayMs, options.signal);
      }
    }
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
