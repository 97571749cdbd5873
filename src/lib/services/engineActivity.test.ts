import { describe, expect, it } from 'vitest';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../core/chat';
import { ActivityWatchingEngine } from './engineActivity';

/** An engine whose call the test drives by hand: it reports activity, then resolves when told. */
class HandDrivenEngine implements ChatEngine {
  readonly label = 'hand';
  readonly contextWindow = 4096;
  options: ChatOptions | null = null;
  finish: (() => void) | null = null;
  chat(_messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    this.options = options;
    return new Promise((resolve) => {
      this.finish = () => resolve({ text: 'ok', finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } });
    });
  }
  async dispose(): Promise<void> {}
}

describe('ActivityWatchingEngine', () => {
  it('records when a call began and when its model last sent anything, and clears both when it ends', async () => {
    let clock = 1_000;
    const inner = new HandDrivenEngine();
    const watched = new ActivityWatchingEngine(inner, () => clock);
    expect(watched.activity).toEqual({ callStartedAt: null, lastHeardAt: null });

    const seen: string[] = [];
    const call = watched.chat([{ role: 'user', content: 'q' }], { onToken: (t) => seen.push(t) });
    expect(watched.activity).toEqual({ callStartedAt: 1_000, lastHeardAt: 1_000 });

    clock = 4_000;
    inner.options?.onActivity?.();
    expect(watched.activity.lastHeardAt).toBe(4_000);
    clock = 9_000;
    inner.options?.onToken?.('Hel');
    expect(watched.activity).toEqual({ callStartedAt: 1_000, lastHeardAt: 9_000 });
    expect(seen).toEqual(['Hel']);

    inner.finish?.();
    await call;
    expect(watched.activity).toEqual({ callStartedAt: null, lastHeardAt: null });
  });

  it('passes no token callback to a call that asked for none (structured steps stay unstreamed)', async () => {
    const inner = new HandDrivenEngine();
    const call = new ActivityWatchingEngine(inner).chat([{ role: 'user', content: 'q' }]);
    expect(inner.options?.onToken).toBeUndefined();
    expect(inner.options?.onActivity).toBeTypeOf('function');
    inner.finish?.();
    await call;
  });
});
