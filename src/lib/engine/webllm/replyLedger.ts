// web-llm reuses its KV cache only when a request's earlier messages equal, character for character,
// the conversation it stored — and it stores the assistant reply as generated (with Qwen3's
// "<think>…</think>" block, empty when thinking is off). The app sees replies without thinking, so
// the worker remembers each reply's stored form and puts it back when the reply comes round again.

import { ThinkFilter } from '../thinkFilter';
import type { ChatMessage } from '../../core/chat';

/** Keeps the visible part of a streamed reply: thinking removed, and the blank lines after it. */
export class VisibleStream {
  #filter = new ThinkFilter();
  #started = false;

  /** Visible text to release for this raw chunk (may be empty). */
  push(raw: string): string {
    return this.#gate(this.#filter.push(raw));
  }

  flush(): string {
    return this.#gate(this.#filter.flush());
  }

  #gate(text: string): string {
    if (this.#started) return text;
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed) this.#started = true;
    return trimmed;
  }
}

/** The visible reply for a raw stored one (same result as streaming it through VisibleStream). */
export function visibleReply(raw: string): string {
  const stream = new VisibleStream();
  return stream.push(raw) + stream.flush();
}

/** Remembers stored (raw) forms of replies by their visible text, for the current model. */
export class ReplyLedger {
  readonly #rawByVisible = new Map<string, string>();

  constructor(private readonly capacity = 64) {}

  remember(visible: string, raw: string): void {
    if (visible === raw) return;
    this.#rawByVisible.delete(visible);
    this.#rawByVisible.set(visible, raw);
    if (this.#rawByVisible.size > this.capacity) {
      const oldest = this.#rawByVisible.keys().next().value;
      if (oldest !== undefined) this.#rawByVisible.delete(oldest);
    }
  }

  /** The messages with each assistant reply this model produced put back in its stored form. */
  restore(messages: readonly ChatMessage[]): ChatMessage[] {
    return messages.map((m) => {
      if (m.role !== 'assistant') return m;
      const raw = this.#rawByVisible.get(m.content);
      return raw === undefined ? m : { role: m.role, content: raw };
    });
  }

  clear(): void {
    this.#rawByVisible.clear();
  }
}
