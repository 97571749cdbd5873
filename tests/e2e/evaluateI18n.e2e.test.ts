// The Evaluate page in Simplified Chinese, in real Chromium against the scripted server (a test
// double): setup and a report carry no English left from before the catalogs, and fit a phone.
// Screenshots: tests/screenshots/evaluate-zh-*.png (and evaluate-en-* for comparison).

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const SHOTS = 'tests/screenshots';
let session: AppSession;
let server: ScriptedServer;

/** English phrases the page used to hard-code; none may remain in the Chinese UI. */
const FORMER_ENGLISH = [
  'New evaluation',
  'Load the demo set',
  'Replies to grade',
  'Grader',
  'Start evaluation',
  'Evaluations in this browser',
  'examples',
  'By theme',
  'By axis',
  'Export CSV',
  'not graded',
  'HealthBench scoring',
  'Plain',
  'Revised',
  'Conversation',
  'Criterion',
  'bootstrap',
  'calls',
  'tokens prefilled',
];

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${scheme}-${width}.png`, fullPage: true });
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px`).toBeLessThanOrEqual(360);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page's visible text, minus what comes from data (example ids, criteria, replies, engine labels). */
async function uiText(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.example-id, .reply-text, .turn, .eval-items tbody, .muted, h2#eval-report-title, .chart-label, code').forEach((n) => n.remove());
    return copy.innerText;
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
  await session.page.setViewportSize({ width: 1280, height: 900 });
  await configureServer(session.page, server.url);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Evaluate in Chinese', () => {
  it('setup and a report are in the catalog’s words', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Evaluate' }).click();
    await page.getByRole('button', { name: 'Load the demo set' }).click();
    await page.getByTestId('pending-import').getByText('28 examples').waitFor();
    await shoot(page, 'evaluate-en-setup');

    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.locator('#ui-language').selectOption('zh-Hans');
    await page.getByRole('navigation').getByRole('link', { name: '评测' }).click();
    await page.getByRole('heading', { name: '评估', level: 1 }).waitFor();
    await page.getByRole('button', { name: '加载演示集' }).click();
    await page.getByTestId('pending-import').getByText('28 个示例').waitFor();
    const setup = await uiText(page);
    for (const phrase of FORMER_ENGLISH) expect(setup, `"${phrase}" on the setup`).not.toContain(phrase);
    await shoot(page, 'evaluate-zh-setup');

    await page.getByRole('radio', { name: /^直接回答/ }).check();
    await page.getByLabel('同时进行的回复数').fill('4');
    await page.getByRole('button', { name: '开始评估' }).click();
    await expect.poll(() => page.getByTestId('overall-plain').textContent(), { timeout: 120_000 }).toMatch(/n=28/);
    await page.getByRole('button', { name: '停止' }).waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('details.example summary').first().click();
    expect(await page.getByRole('figure', { name: '按主题' }).count()).toBe(1);
    expect(await page.locator('.eval-report > .hint').first().textContent()).toMatch(/\d+ 次调用 · 预填充 [\d.万千]+ 个词元/);
    const report = await uiText(page);
    for (const phrase of FORMER_ENGLISH) expect(report, `"${phrase}" on the report`).not.toContain(phrase);
    await shoot(page, 'evaluate-zh-report');

    await page.getByRole('link', { name: '← 全部评估' }).click();
    expect(await page.locator('.eval-runs li').first().textContent()).toMatch(/直接回答 · 28 个示例/);
    expect(session.pageErrors).toEqual([]);
  });
});
