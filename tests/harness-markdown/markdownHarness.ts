// A page for browser tests of the Markdown sanitiser on its own, in a real DOM (no CSP here, so the
// sanitiser alone must stop every payload). Built by tests/e2e/markdownSanitiser.e2e.test.ts.

import { renderMarkdown } from '../../src/lib/markdown/renderMarkdown';

const out = document.getElementById('out') as HTMLElement;

const mdHarness = {
  /** Renders `text` with the sanitiser into the live page, as Markdown.svelte does. */
  show(text: string): string {
    const html = renderMarkdown(text);
    out.innerHTML = html;
    return html;
  },
  /** Inserts `html` unsanitised: the control that proves the leak detector can see a leak. */
  showUnsafe(html: string): void {
    out.innerHTML = html;
  },
};

declare global {
  interface Window {
    mdHarness: typeof mdHarness;
  }
}
window.mdHarness = mdHarness;
document.title = 'ready';
