import { beforeAll, describe, expect, it } from 'vitest';
import expertise from '../../../../principles/expertise.json';
import taskType from '../../../../principles/task_type.json';
import uncertainty from '../../../../principles/uncertainty.json';
import urgency from '../../../../principles/urgency.json';
import type { ChatMessage } from '../chat';
import { ASSISTANT_HEADER, budgetTokenCounter, countPromptTokens, loadQwen3Tokenizer, renderChatMessage, roughTokenCount, type Tokenizer } from './tokens';

const SHIPPED = [...urgency, ...uncertainty, ...expertise, ...taskType];

let qwen3: Tokenizer;
beforeAll(async () => {
  qwen3 = await loadQwen3Tokenizer();
}, 60_000);

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You are a careful clinical assistant.' },
  { role: 'user', content: 'My daughter (4 y, 17 kg) has a fever of 39.2 °C. How much paracetamol?' },
  { role: 'assistant', content: '15 mg/kg → about 250 mg every 4–6 hours, at most 4 doses in 24 hours.' },
];

describe('the Qwen3 tokenizer', () => {
  it('loads offline in Node and encodes text as Qwen3 does', () => {
    expect(qwen3.encode('Hello world')).toEqual([9707, 1879]);
    // Chat-format markers are single special tokens.
    expect(qwen3.encode('<|im_start|>user\nhi<|im_end|>')).toEqual([151644, 872, 198, 6023, 151645]);
  });

  it('is shared: a second load returns the same tokenizer', async () => {
    expect(await loadQwen3Tokenizer()).toBe(qwen3);
    expect(await budgetTokenCounter()).toBe(qwen3.count);
  });

  it('counts a request message by message exactly as the whole rendered prompt', async () => {
    const rendered = MESSAGES.map(renderChatMessage).join('') + ASSISTANT_HEADER;
    expect(await countPromptTokens(MESSAGES, qwen3.count)).toBe(qwen3.encode(rendered).length);
  });

  it('the fallback estimate never under-counts, even text dense with numbers and symbols', () => {
    const texts = [
      ...MESSAGES.map((m) => m.content),
      ...SHIPPED.flatMap((p) => [p.statement, p.rationale, ...p.checks.map((c) => c.criterion)]),
    ];
    expect(texts.length).toBeGreaterThan(400);
    for (const text of texts) expect(roughTokenCount(text)).toBeGreaterThanOrEqual(qwen3.count(text));
  });
});
