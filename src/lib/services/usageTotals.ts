// Keeps a run's model-usage totals current without the pipeline knowing: wraps the engine for one
// run and adds every finished call (its reported usage and its wall time) to the totals.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../core/chat';
import { addCallUsage, EMPTY_RUN_USAGE, type RunUsage } from '../core/runUsage';

/** A ChatEngine for one run that totals the usage of its calls (starting from `initial` on resume). */
export class UsageTotallingEngine implements ChatEngine {
  #totals: RunUsage;

  constructor(
    private readonly inner: ChatEngine,
    initial: RunUsage = EMPTY_RUN_USAGE,
  ) {
    this.#totals = initial;
  }

  get totals(): RunUsage {
    return this.#totals;
  }

  get label(): string {
    return this.inner.label;
  }

  get contextWindow(): number | null {
    return this.inner.contextWindow;
  }

  async chat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatResult> {
    const started = performance.now();
    const result = await this.inner.chat(messages, options);
    this.#totals = addCallUsage(this.#totals, result.usage, performance.now() - started);
    return result;
  }

  /** The engine outlives the run: disposing is the engine state's job, not this wrapper's. */
  async dispose(): Promise<void> {}
}
