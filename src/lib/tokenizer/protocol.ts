// Messages between the page and the tokenizer worker: batches of texts to count, their counts, and
// the loading status the page shows while the 1.9 MB tokenizer arrives.

/** The page asks. */
export type PageToTokenizer = { type: 'load' } | { type: 'count'; id: number; texts: string[] };

/** The worker answers. */
export type TokenizerToPage =
  | { type: 'status'; status: 'loading' | 'ready' }
  | { type: 'counts'; id: number; counts: number[] }
  | { type: 'failed'; id: number | null; message: string };
