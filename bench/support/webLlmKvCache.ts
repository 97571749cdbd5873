// A ChatEngine wrapper that accounts for tokens the way web-llm spends them, for the loop-cost
// benchmark. web-llm keeps its KV cache only when a request's messages[:-1] equal the conversation
// it stored after the previous request (that request's messages plus the reply it produced), and
// that conversation has more than a system prompt; then it prefills only the new tail. Otherwise
// it resets and prefills the whole prompt. Token ids come from the real Qwen3 tokenizer.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../src/lib/core/chat';
import { ASSISTANT_HEADER, renderChatMessage, type Tokenizer } from '../../src/lib/core/pipeline/tokens';
import { isDeepStrictEqual } from 'node:util';

/** What one request cost. */
export interface CallCost {
  /** The step, as the wrapped engine's caller named it (see `stepOf`). */
  step: string;
  /** Tokens of the whole prompt (chat format included). */
  promptTokens: number;
  /** Tokens actually prefilled: the whole prompt, or only its new tail when the cache was kept. */
  prefill: number;
  /** Tokens an ideal prefix cache would have had to prefill (see `IdealPrefixCache`). */
  distinct: number;
  /** Tokens generated, counting the end-of-turn token when the reply ended normally. */
  decode: number;
  /** Tokens in the context once the reply is written. */
  context: number;
  /** Whether web-llm's rule kept the KV cache for this request. */
  reused: boolean;
}

const END_OF_TURN = '<|im_end|>\n';

/**
 * The smallest prefill any prefix cache could achieve: each request's prompt minus its longest
 * common prefix with an earlier request's prompt-plus-reply (the token sequences the engine has
 * computed). This is the benchmark's definition of the "distinct tokens" a run needs.
 */
export class IdealPrefixCache {
  readonly #sequences: number[][] = [];

  /** Tokens of `prompt` no earlier sequence covers; then remembers prompt + reply. */
  admit(prompt: readonly number[], reply: readonly number[]): number {
    let best = 0;
    for (const seq of this.#sequences) {
      const limit = Math.min(seq.length, prompt.length);
      let i = 0;
      while (i < limit && seq[i] === prompt[i]) i++;
      if (i > best) best = i;
    }
    this.#sequences.push([...prompt, ...reply]);
    return prompt.length - best;
  }
}

export interface KvCacheOptions {
  /** false = a naive engine that keeps nothing between requests. */
  reuse: boolean;
  contextWindow: number;
  /** Names the step of a request, for the per-step report. */
  stepOf: (messages: readonly ChatMessage[], options: ChatOptions) => string;
}

/** Wraps an engine, emulating web-llm's KV-cache reuse rule and recording every request's cost. */
export class WebLlmKvCache implements ChatEngine {
  readonly calls: CallCost[] = [];
  readonly #inner: ChatEngine;
  readonly #tokenizer: Tokenizer;
  readonly #options: KvCacheOptions;
  readonly #ideal = new IdealPrefixCache();
  readonly #ids = new Map<string, number[]>();
  /** The conversation web-llm holds: the last request's messages plus its reply. */
  #stored: ChatMessage[] | null = null;
  /** Tokens in the KV cache: the last prompt plus the reply (the end-of-turn token is never fed back). */
  #kvLength = 0;

  constructor(inner: ChatEngine, tokenizer: Tokenizer, options: KvCacheOptions) {
    this.#inner = inner;
    this.#tokenizer = tokenizer;
    this.#options = options;
  }

  get label(): string {
    return `${this.#inner.label} (web-llm KV-cache emulation)`;
  }

  get contextWindow(): number {
    return this.#options.contextWindow;
  }

  #encode(text: string): number[] {
    let ids = this.#ids.get(text);
    if (!ids) {
      ids = this.#tokenizer.encode(text);
      this.#ids.set(text, ids);
    }
    return ids;
  }

  /** A message's ids as they sit in the KV cache: an assistant turn is header + decoded reply + end marker. */
  #messageIds(message: ChatMessage): number[] {
    if (message.role !== 'assistant') return this.#encode(renderChatMessage(message));
    return [...this.#encode(ASSISTANT_HEADER), ...this.#encode(message.content), ...this.#encode(END_OF_TURN)];
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const prompt = [...messages.flatMap((m) => this.#messageIds(m)), ...this.#encode(ASSISTANT_HEADER)];
    const history = messages.slice(0, -1);
    const reused =
      this.#options.reuse &&
      this.#stored !== null &&
      history.some((m) => m.role !== 'system') &&
      isDeepStrictEqual(history, this.#stored);
    const prefill = reused ? prompt.length - this.#kvLength : prompt.length;
    if (prompt.length + (options.maxTokens ?? 0) > this.contextWindow) {
      throw new Error(`request of ${prompt.length} + ${options.maxTokens ?? 0} tokens exceeds the ${this.contextWindow}-token window`);
    }

    const result = await this.#inner.chat(messages, options);
    const reply = this.#encode(result.text);
    this.#stored = [...messages, { role: 'assistant', content: result.text }];
    this.#kvLength = prompt.length + reply.length;
    this.calls.push({
      step: this.#options.stepOf(messages, options),
      promptTokens: prompt.length,
      prefill,
      distinct: this.#ideal.admit(prompt, reply),
      decode: reply.length + (result.finishReason === 'stop' ? 1 : 0),
      context: prompt.length + reply.length,
      reused,
    });
    return result;
  }

  async dispose(): Promise<void> {
    await this.#inner.dispose();
  }
}
