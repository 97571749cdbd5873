// Lets the app and the evaluation meter what each model call cost (tokens, prefill and decode speed,
// KV cache reuse) without the pipeline knowing: wraps any ChatEngine and reports each call's usage.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult, ChatUsage } from './chat';

/** A ChatEngine that forwards everything and reports the usage of each completed call. */
export class UsageRecordingEngine implements ChatEngine {
  constructor(
    readonly inner: ChatEngine,
    private readonly onUsage: (usage: ChatUsage) => void,
  ) {}

  get label(): string {
    return this.inner.label;
  }

  get contextWindow(): number | null {
    return this.inner.contextWindow;
  }

  async chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
    const result = await this.inner.chat(messages, options);
    this.onUsage(result.usage);
    return result;
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
