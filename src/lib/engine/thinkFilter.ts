// Streaming removal of <think>…</think> reasoning, for engines whose models think in the content.
// Tags may be split across chunks, so a possible partial tag at the end is held back until resolved.

const OPEN = '<think>';
const CLOSE = '</think>';

/** Longest suffix of `text` that is a proper prefix of `tag` (a tag that may continue in the next chunk). */
function partialTagSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

/** Feed streamed chunks in, get only the visible (non-thinking) text out. */
export class ThinkFilter {
  #inThink = false;
  #held = '';

  /** Returns the visible text that can be released now. */
  push(chunk: string): string {
    let text = this.#held + chunk;
    this.#held = '';
    let out = '';
    for (;;) {
      if (this.#inThink) {
        const end = text.indexOf(CLOSE);
        if (end === -1) {
          this.#held = text.slice(text.length - partialTagSuffix(text, CLOSE));
          return out;
        }
        text = text.slice(end + CLOSE.length);
        this.#inThink = false;
      } else {
        const start = text.indexOf(OPEN);
        if (start === -1) {
          const keep = partialTagSuffix(text, OPEN);
          out += text.slice(0, text.length - keep);
          this.#held = text.slice(text.length - keep);
          return out;
        }
        out += text.slice(0, start);
        text = text.slice(start + OPEN.length);
        this.#inThink = true;
      }
    }
  }

  /** Releases whatever was held back once the stream has ended. */
  flush(): string {
    const rest = this.#inThink ? '' : this.#held;
    this.#held = '';
    return rest;
  }
}
