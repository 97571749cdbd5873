// Shared steps for browser tests: open the built app in a fresh profile and drive it like a user.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium';
import { FIXTURES, fixturePath } from './ggufFixtures';
import { serveStatic, type StaticServer, type StaticServerOptions } from './staticServer';

export interface AppSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  app: StaticServer;
  /** Console errors and uncaught page errors seen so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openApp(options: StaticServerOptions & { webgpu?: boolean } = {}): Promise<AppSession> {
  const app = await serveStatic('dist', options);
  const browser = await launchChromium({ webgpu: options.webgpu });
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(app.url);
  return {
    browser,
    context,
    page,
    app,
    pageErrors,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Points the app at an OpenAI-compatible server through the Settings page. */
export async function configureServer(page: Page, url: string, model = 'scripted'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  // New users start on the on-device engine; pick the server engine first.
  await page.getByRole('radio', { name: /OpenAI-compatible server/ }).check();
  await page.getByLabel('Server URL').fill(url);
  await page.getByLabel('Model', { exact: true }).fill(model);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved.').first().waitFor();
}

/** Settings → the on-device GGUF engine with the project's tiny model given as a file, saved. */
export async function configureTinyGguf(page: Page, contextTokens = 16384): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.locator('input[name="engine-kind"][value="gguf"]').check();
  // The GGUF section shows its file source before the file is given, and the file is stored in the
  // browser before it is listed, which took longer than the 30 s default on a loaded CI machine.
  await expect.poll(() => page.getByLabel('GGUF file on this computer', { exact: true }).isChecked()).toBe(true);
  await page.getByLabel('Choose a GGUF file').setInputFiles(fixturePath(FIXTURES.tiny));
  await page.getByRole('radio', { name: /^tiny\.gguf/ }).check({ timeout: 60_000 });
  await page.getByLabel('Context size (tokens)').fill(String(contextTokens));
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved.').first().waitFor();
}

/** Types a question on the Ask page and presses Ask. */
export async function ask(page: Page, question: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
  // Exact: a finished run offers a "Follow-up question" box and "Ask follow-up" below it.
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

/** No revision rounds: the run is classify, rubric, draft, grade, final — the whole loop but shorter (a loaded CI machine runs the tiny model slowly). */
export async function draftOnlyRuns(page: Page): Promise<void> {
  // The loop options save as they change (Settings has one Save button, the engine's): stored once a
  // reload shows them. A reload before the save lands loses the edit, so each try sets it again.
  await expect
    .poll(async () => {
      await page.locator('#opt-rounds').fill('0');
      await page.getByText('Saved. The next question uses these settings.').waitFor({ timeout: 5_000 }).catch(() => {});
      await page.reload();
      await page.locator('#opt-rounds').waitFor();
      return page.locator('#opt-rounds').inputValue();
    }, { timeout: 30_000 })
    .toBe('0');
}
