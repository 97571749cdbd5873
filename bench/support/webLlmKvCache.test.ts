import { beforeAll, describe, expect, it } from 'vitest';
import { sequenceEngine } from '../../tests/support/sequenceEngine';
import { ASSISTANT_HEADER, countPromptTokens, loadQwen3Tokenizer, renderChatMessage, type Tokenizer } from '../../src/lib/core/pipeline/tokens';
import type { ChatMessage } from '../../src/lib/core/chat';
import { IdealPrefixCache, WebLlmKvCache } from './webLlmKvCache';

let qwen3: Tokenizer;
beforeAll(async () => {
  qwen3 = await loadQwen3Tokenizer();
}, 60_000);

const SYSTEM: ChatMessage = { role: 'system', content: 'You are a careful clinical assistant.' };
const QUESTION: ChatMessage = { role: 'user', content: 'Is a blood pressure of 150/95 high?' };
const ANSWER = 'Yes, 150/95 is above the normal range; repeat the reading on another day.';
const GRADE: ChatMessage = { role: 'user', content: 'Grade the answer above.' };

function emulator(replies: string[], reuse = true, contextWindow = 4096) {
  const { engine } = sequenceEngine(replies.map((text) => ({ text })));
  return new WebLlmKvCache(engine, qwen3, { reuse, contextWindow, stepOf: (m) => m[m.length - 1]!.content.slice(0, 5) });
}

describe('WebLlmKvCache (web-llm’s reuse rule)', () => {
  it('prefills only the new tail when messages[:-1] equal the stored conversation', async () => {
    const kv = emulator([ANSWER, '{"R1":[true,"150/95"]}']);
    await kv.chat([SYSTEM, QUESTION]);
    await kv.chat([SYSTEM, QUESTION, { role: 'assistant', content: ANSWER }, GRADE]);
    const [first, second] = kv.calls;
    expect(first).toMatchObject({ reused: false, prefill: await countPromptTokens([SYSTEM, QUESTION], qwen3.count) });
    expect(first!.decode).toBe(qwen3.count(ANSWER) + 1);
    // The cache holds the first prompt and the reply; the tail is the reply's end marker, the new message and the header.
    const tail = qwen3.count('<|im_end|>\n') + qwen3.count(renderChatMessage(GRADE)) + qwen3.count(ASSISTANT_HEADER);
    expect(second).toMatchObject({ reused: true, prefill: tail });
    expect(second!.promptTokens).toBe(first!.context + tail);
    expect(second!.distinct).toBe(tail);
  });

  it('resets when the history differs in any way — here the reply sent back trimmed differently', async () => {
    const kv = emulator([` ${ANSWER}`, 'ok']);
    await kv.chat([SYSTEM, QUESTION]);
    await kv.chat([SYSTEM, QUESTION, { role: 'assistant', content: ANSWER }, GRADE]);
    const second = kv.calls[1]!;
    expect(second.reused).toBe(false);
    expect(second.prefill).toBe(second.promptTokens);
    // An ideal prefix cache would still have kept the shared system prompt and question.
    expect(second.distinct).toBeLessThan(second.prefill);
  });

  it('starts over for a new conversation (only a system prompt before the last message), and never reuses when reuse is off', async () => {
    const kv = emulator(['a', 'b']);
    await kv.chat([SYSTEM, QUESTION]);
    await kv.chat([SYSTEM, QUESTION]);
    expect(kv.calls[1]).toMatchObject({ reused: false, prefill: kv.calls[1]!.promptTokens });

    const naive = emulator([ANSWER, 'ok'], false);
    await naive.chat([SYSTEM, QUESTION]);
    await naive.chat([SYSTEM, QUESTION, { role: 'assistant', content: ANSWER }, GRADE]);
    expect(naive.calls[1]).toMatchObject({ reused: false, prefill: naive.calls[1]!.promptTokens });
  });

  it('refuses a request that cannot fit the window with its reply budget', async () => {
    const kv = emulator(['x'], true, 100);
    await expect(kv.chat([SYSTEM, { role: 'user', content: 'word '.repeat(90) }], { maxTokens: 20 })).rejects.toThrow(/exceeds the 100-token window/);
  });
});

describe('IdealPrefixCache', () => {
  it('counts only what no earlier prompt-plus-reply covers', () => {
    const cache = new IdealPrefixCache();
    expect(cache.admit([1, 2, 3], [4, 5])).toBe(3);
    expect(cache.admit([1, 2, 3, 4, 5, 6, 7], [])).toBe(2);
    expect(cache.admit([1, 2, 9], [])).toBe(1);
    expect(cache.admit([8], [])).toBe(1);
  });
});
