// The two UI languages in real Chromium: English for an English browser, Chinese chosen in Settings
// (kept across a reload) or taken from a Chinese browser. The server is a scripted test double, so
// its answers stay English; what is checked is the app's own text. Screenshots: tests/screenshots/.

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../cli/library';
import { configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const SHOTS = 'tests/screenshots';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Screenshots of the current page at desktop and phone width. */
async function shoot(page: AppSession['page'], name: string, fullPage = true): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/i18n-${name}-zh-Hans-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('UI language', () => {
  it('is English in an English browser', async () => {
    const { page } = session;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('switches to Simplified Chinese in Settings, and the Ask page and a finished run are in Chinese', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await page.getByLabel('Language of the app').selectOption('zh-Hans');
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

    await page.getByRole('navigation').getByRole('link', { name: '提问' }).click();
    await page.getByRole('heading', { name: '提问', level: 1 }).waitFor();
    await page.getByLabel('问题').fill('我儿子发烧、咳嗽两天了，需要去看医生吗？');
    await page.getByRole('button', { name: '提问', exact: true }).click();
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });

    expect(await page.getByRole('heading', { name: /最终回答/ }).count()).toBe(1);
    // The trace sits below the answer, folded.
    await page.getByTestId('trace').locator('summary').first().click();
    expect(await page.getByRole('heading', { name: '临床场景' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^评分标准（\d+ 项）$/ }).count()).toBe(1);
    expect(await page.locator('.final .muted').first().textContent()).toMatch(/^从 3 个已评分的回答中选出最佳：第 2 次修订。/);
    expect(await page.locator('[data-dimension="urgency"]').textContent()).toBe('紧急');
    // The model was told to answer in the question's language (every answer and revision prompt).
    const draft = server.requests.find((r) => r.step === 'draft');
    expect(JSON.stringify(draft?.body.messages)).toContain('Answer in the language the question is written in.');
    const revise = server.requests.find((r) => r.step === 'revise');
    expect(JSON.stringify(revise?.body.messages)).toContain('Write it in the language the question is written in.');

    await shoot(page, 'ask');
    // Chinese headings are kept whole in the rubric tables; the finished run still fits a phone.
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps Chinese after a reload: History dates the Chinese way, the Principles page and Settings in Chinese', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: '历史记录' }).click();
    await page.getByRole('heading', { name: '历史记录', level: 1 }).waitFor();
    expect(await page.locator('ul.history li .muted').first().textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    await shoot(page, 'history');
    await page.getByRole('navigation').getByRole('link', { name: '临床原则' }).click();
    await page.getByRole('heading', { name: '临床原则', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('library-summary').textContent()).toMatch(new RegExp(`^HealthPrinciples 原则库版本 .* · 内置 ${readShippedPrinciples().length} 条`));
    await page.locator('.principle-list li').first().getByRole('button').click();
    await page.getByRole('heading', { name: '检查项' }).waitFor();
    await shoot(page, 'principles');
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('界面语言').waitFor();
    await shoot(page, 'settings', false);
  });

  it('opens in Chinese for a Chinese browser on its first visit', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(session.app.url);
      await page.getByRole('heading', { name: '提问', level: 1 }).waitFor();
      expect(await page.getByRole('navigation').getByRole('link', { name: '临床原则' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
