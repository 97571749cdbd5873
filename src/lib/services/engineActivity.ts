// Watches the model calls of a run so the screen can say how long the step has taken and how long
// the server has been silent ("no reply from 127.0.0.1:8000 for 40 s") — a hung server must not
// look like a slow draft. Plain fields, not reactive: the screen samples them on its own clock.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../core/chat';

/** What the run's engine is doing right now; null fields when no call is in flight. */
export interface EngineActivity {
  /** When the call in flight began (ms), or null between calls. */
  callStartedAt: number | null;
  /** When the engine last heard from the model during that call: its start, or the latest streamed bytes. */
  lastHeardAt: number | null;
}

/** A ChatEngine that records when each call began and when its model last sent anything. */
export class ActivityWatchingEngine implements ChatEngine {
  #callStartedAt: number | null = null;
  #lastHeardAt: number | null = null;

  constructor(
    private readonly inner: ChatEngine,
    private readonly now: () => number = Date.now,
  ) {}

  get label(): string {
    return this.inner.label;
  }

  get contextWindow(): number | null {
    return this.inner.contextWindow;
  }

  /** The call in flight and when its model was last heard from. */
  get activity(): EngineActivity {
    return { callStartedAt: this.#callStartedAt, lastHeardAt: this.#lastHeardAt };
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const started = this.now();
    this.#callStartedAt = started;
    this.#lastHeardAt = started;
    const heard = () => (this.#lastHeardAt = this.now());
    try {
      return await this.inner.chat(messages, {
        ...options,
        onActivity: () => {
          heard();
          options.onActivity?.();
        },
        onToken: options.onToken
          ? (delta) => {
              heard();
              options.onToken?.(delta);
            }
          : undefined,
      });
    } finally {
      // Calls of one run are sequential; only the call that set the fields clears them.
      if (this.#callStartedAt === started) {
        this.#callStartedAt = null;
        this.#lastHeardAt = null;
      }
    }
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
