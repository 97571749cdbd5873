import { describe, expect, it, vi } from 'vitest';
import type { ChatEngine, ChatResult } from '../core/chat';
import { GgufEngineFailedError } from '../engine/gguf';
import { DEFAULT_OPENAI_SETTINGS } from '../engine/openai';

/** Engines the mocked factory made, in order; each fails its calls once `crash` is set. */
const made: { engine: ChatEngine; crash: boolean; disposed: boolean }[] = [];

vi.mock('../engine', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../engine')>();
  return {
    ...actual,
    createEngine: async () => {
      const entry = { crash: false, disposed: false, engine: null as unknown as ChatEngine };
      entry.engine = {
        label: `engine ${made.length}`,
        contextWindow: 4096,
        async chat(): Promise<ChatResult> {
          if (entry.crash) throw new GgufEngineFailedError('RuntimeError: Aborted(OOM)');
          return { text: 'ok', finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } };
        },
        async dispose() {
          entry.disposed = true;
        },
      };
      made.push(entry);
      return entry.engine;
    },
  };
});

const { EngineState } = await import('./engine.svelte');
const settings = { ...DEFAULT_OPENAI_SETTINGS, model: 'm' };

describe('EngineState', () => {
  it('reuses a working engine, but drops one whose worker died so a resumed run loads a fresh one', async () => {
    const state = new EngineState();
    const first = await state.get(settings);
    expect(await state.get(settings)).toBe(first);
    await first.chat([{ role: 'user', content: 'q' }]);

    made[0]!.crash = true;
    await expect(first.chat([{ role: 'user', content: 'q' }])).rejects.toBeInstanceOf(GgufEngineFailedError);
    expect(made[0]!.disposed).toBe(true);
    expect(state.status).toBe('idle');

    const second = await state.get(settings);
    expect(second).not.toBe(first);
    expect(made).toHaveLength(2);
    expect((await second.chat([{ role: 'user', content: 'q' }])).text).toBe('ok');
  });
});
