// The Markdown sanitiser in real Chromium, on a page without any CSP, so it alone has to stop every
// payload in tests/fixtures/xssPayloads.ts: nothing runs, nothing is requested from another host.

import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payloadsFor, allPayloadsDocument } from '../fixtures/xssPayloads';
import { launchChromium } from '../support/chromium';
import { startForeignHost, type ForeignHost } from '../support/foreignHost';
import { serveStatic, type StaticServer } from '../support/staticServer';

const OUT_DIR = resolve('tests/.artifacts/markdown-harness');

let browser: Browser;
let page: Page;
let app: StaticServer;
let foreign: ForeignHost;
const dialogs: string[] = [];

/** Lets the browser act on what was inserted (image loads, autofocus, refresh) before checking. */
const settle = (p: Page) => p.waitForTimeout(400);

/** Every element and attribute in the rendered output, to check structurally what survived. */
function renderedShape(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll('#out *')].map((el) => ({
      tag: el.tagName.toLowerCase(),
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    })),
  );
}

beforeAll(async () => {
  await build({
    root: resolve('tests/harness-markdown'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022' },
  });
  foreign = await startForeignHost();
  app = await serveStatic(OUT_DIR, { isolation: false });
  browser = await launchChromium({ webgpu: false });
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(app.url);
  await page.waitForFunction(() => document.title === 'ready');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await foreign?.close();
});

describe('renderMarkdown in Chromium', () => {
  // One payload's failure should not be blamed on the next.
  beforeEach(() => {
    foreign.hits.length = 0;
    dialogs.length = 0;
  });

  it('the leak detector sees a leak: unsanitised HTML does reach the foreign host', async () => {
    await page.evaluate((host) => window.mdHarness.showUnsafe(`<img src="http://${host}/control.png">`), foreign.host);
    await expect.poll(() => foreign.hits).toContain('GET /control.png');
  });

  for (const payload of payloadsFor('FOREIGN_PLACEHOLDER')) {
    it(`neutralises: ${payload.name}`, async () => {
      const text = payload.text.replaceAll('FOREIGN_PLACEHOLDER', foreign.host);
      await page.evaluate((t) => window.mdHarness.show(t), text);
      // Focus and hover are how some handlers fire; give them their chance.
      await page.mouse.move(5, 5);
      await page.mouse.move(60, 40);
      await settle(page);
      expect(dialogs, 'a payload ran script').toEqual([]);
      expect(foreign.hits, 'a request reached the foreign host').toEqual([]);
      for (const { tag, attrs } of await renderedShape(page)) {
        expect(['a', 'span', 'p', 'br', 'code', 'div', 'details', 'summary', 'table', 'tbody', 'tr', 'td', 'strong', 'em', 'pre']).toContain(tag);
        for (const [name, value] of Object.entries(attrs)) {
          expect(name, `${tag}[${name}]`).not.toMatch(/^on|^(src|srcset|style|action|formaction|poster|data|background|ping|xlink:href)$/);
          if (name === 'href') expect(value).toMatch(/^(https?|mailto):/i);
        }
        if (tag === 'a' && attrs.href) {
          expect(attrs.target).toBe('_blank');
          expect(attrs.rel).toBe('noopener noreferrer');
        }
      }
    });
  }

  it('shows a Markdown image as its alt text and address, with a link that loads nothing until clicked', async () => {
    const url = `http://${foreign.host}/t.png?q=potassium-6.2`;
    await page.evaluate((t) => window.mdHarness.show(t), `Look: ![ECG](${url}) and [the guideline](https://example.org/g).`);
    await settle(page);
    const placeholder = page.locator('#out .md-image');
    expect(await placeholder.textContent()).toBe(`[image not loaded: ECG — ${url}]`);
    expect(await placeholder.locator('a').getAttribute('href')).toBe(url);
    const links = await page.locator('#out a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
    expect(links).toEqual([
      [url, '_blank', 'noopener noreferrer'],
      ['https://example.org/g', '_blank', 'noopener noreferrer'],
    ]);
    expect(await page.locator('#out img').count()).toBe(0);
    expect(foreign.hits).toEqual([]);
  });

  it('keeps ordinary Markdown: headings, lists, tables with alignment, code with its language, task lists', async () => {
    const html = await page.evaluate((t) => window.mdHarness.show(t), [
      '## Plan', '', '1. **Call** 999', '2. *Wait*', '', '- [x] checked', '- [ ] open', '',
      '| drug | dose |', '|:-|-:|', '| paracetamol | 1 g |', '', '```js', 'const a = 1 < 2;', '```',
    ].join('\n'));
    expect(html).toContain('<h2>Plan</h2>');
    expect(html).toContain('<strong>Call</strong>');
    expect(html).toContain('<th align="right">dose</th>');
    expect(html).toContain('<code class="language-js">const a = 1 &lt; 2;');
    expect(await page.locator('#out li').allTextContents()).toEqual(['Call 999', 'Wait', '☑ checked', '☐ open']);
    expect(await page.locator('#out input').count()).toBe(0);
  });

  it('renders the whole payload document repeatedly, as streaming does, without a request or a dialog', async () => {
    const doc = allPayloadsDocument(foreign.host);
    // Streaming re-renders a growing prefix many times.
    for (let end = 50; end < doc.length + 50; end += Math.ceil(doc.length / 40)) {
      await page.evaluate((t) => window.mdHarness.show(t), doc.slice(0, end));
    }
    await settle(page);
    expect(dialogs).toEqual([]);
    expect(foreign.hits).toEqual([]);
  });
});
