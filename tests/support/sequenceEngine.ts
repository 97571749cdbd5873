// A ChatEngine double that replies with fixed texts in order and records every request, for unit
// tests of one step (grading, rubric, structured output). A test double: no model behind it.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../src/lib/core/chat';

export interface SequenceEngine {
  engine: ChatEngine;
  /** The messages of each request, in order. */
  seen: ChatMessage[][];
  /** The options of each request, in order. */
  options: ChatOptions[];
}

/** An engine answering the n-th request with `replies[n]`; a request past the end fails the test. */
export function sequenceEngine(replies: Partial<ChatResult>[], contextWindow: number | null = null): SequenceEngine {
  const seen: ChatMessage[][] = [];
  const options: ChatOptions[] = [];
  const engine: ChatEngine = {
    label: 'sequence engine (test double)',
    contextWindow,
    async chat(messages, opts = {}) {
      seen.push(structuredClone(messages));
      options.push(opts);
      const r = replies[seen.length - 1];
      if (!r) throw new Error(`no scripted reply for request ${seen.length}`);
      return { text: r.text ?? '', finishReason: r.finishReason ?? 'stop', usage: { promptTokens: null, completionTokens: null } };
    },
    async dispose() {},
  };
  return { engine, seen, options };
}
