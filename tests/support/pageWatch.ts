// Small page helpers shared by browser tests: watching texts that come and go too fast to poll, and
// screenshots of one state in light and dark at 1280 and 360 px.

import type { Page } from 'playwright-core';

/** Records every text the element matching `selector` shows from now on, under `key`. */
export async function watchTexts(page: Page, key: string, selector: string): Promise<void> {
  await page.evaluate(
    ([k, sel]) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[k] = seen;
      new MutationObserver(() => {
        const text = document.querySelector(sel)?.textContent?.trim();
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [key, selector] as const,
  );
}

/** The texts recorded under `key` by `watchTexts`, in order. */
export const seenTexts = (page: Page, key: string): Promise<string[]> =>
  page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);

/** Full-page screenshots `<dir>/<prefix>-<width>[-dark].png` in light and dark at 1280 and 360 px; leaves the page light at 1280. */
export async function shootLightDark(page: Page, dir: string, prefix: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${dir}/${prefix}-${width}${scheme === 'dark' ? '-dark' : ''}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}
