// First-run defaults and the Settings layout in real Chromium. The GPU is a test double (an init
// script replaces navigator.gpu with an adapter of chosen features), so these check what the app
// does with a probe's answer — not what a real GPU reports. The server is the scripted one.
// Screenshots: tests/screenshots/firstrun-*.png, settings-*.png.

import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serveStatic, type StaticServer } from '../support/staticServer';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const SHOTS = 'tests/screenshots';
let app: StaticServer;
let browser: Browser;
let server: ScriptedServer;

/** A page whose WebGPU adapter has the given shape; every request to a model host is refused and counted. */
async function pageWithGpu(adapter: { shaderF16: boolean; fallback: boolean }): Promise<{ context: BrowserContext; page: Page; modelRequests: string[]; errors: string[] }> {
  const context = await browser.newContext();
  await context.addInitScript((a) => {
    const fake = {
      requestAdapter: async () => ({
        features: { has: (f: string) => f === 'shader-f16' && a.shaderF16 },
        limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 31 },
        info: { vendor: 'test-vendor', architecture: 'test', device: '', description: 'test GPU', isFallbackAdapter: a.fallback },
      }),
    };
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => fake, configurable: true });
    Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 8, configurable: true });
  }, adapter);
  const modelRequests: string[] = [];
  await context.route(/huggingface\.co|raw\.githubusercontent\.com/, (route) => {
    modelRequests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
  return { context, page, modelRequests, errors };
}

async function shoot(page: Page, name: string, languages: readonly ('en' | 'zh-Hans')[] = ['en']): Promise<void> {
  for (const language of languages) {
    if (language !== 'en') await switchLanguage(page, language);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${SHOTS}/${name}-${language}-${scheme}-${width}.png`, fullPage: true });
        if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px`).toBeLessThanOrEqual(360);
      }
    }
    if (language !== 'en') await switchLanguage(page, 'en');
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Switches the UI language through Settings and comes back to the page it was on. */
async function switchLanguage(page: Page, language: 'en' | 'zh-Hans'): Promise<void> {
  const back = await page.evaluate(() => location.hash);
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.locator('#ui-language').selectOption(language);
  await page.evaluate((h) => (location.hash = h), back);
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await serveStatic('dist');
  browser = await launchChromium();
  server = await startScriptedServer();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await server?.close();
});

describe('first run', () => {
  it('preselects a model that runs on this GPU and asks before a large download, naming its size and host', async () => {
    const { context, page, modelRequests, errors } = await pageWithGpu({ shaderF16: false, fallback: false });
    try {
      const note = page.getByTestId('preselected');
      await note.waitFor();
      const status = page.getByTestId('model-status');
      const label = (await note.textContent())!.match(/device: (.+) runs on its GPU/)![1]!;
      expect(await status.textContent()).toContain(label);
      expect(await status.textContent()).not.toMatch(/cannot run/i);
      // The choice is saved: after a reload it is still the model shown.
      await page.reload();
      await expect.poll(() => page.getByTestId('model-status').textContent()).toContain(label);

      await page.getByLabel('Question', { exact: true }).fill('Is a fever of 38.5 °C in a 4-year-old an emergency?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      expect(await confirm.textContent()).toMatch(new RegExp(`Download ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [\\d.]+ (GB|MB) from huggingface\\.co\\?`));
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start download');
      await shoot(page, 'firstrun-confirm');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
      // The same dialog in Chinese (switching language leaves the page, so it is asked for again).
      await switchLanguage(page, 'zh-Hans');
      await page.locator('#question').fill('4 岁孩子发烧 38.5 °C 算急症吗？');
      await page.locator('.question-form button[type="submit"]').click();
      expect(await page.getByRole('alertdialog').textContent()).toContain('来自 huggingface.co');
      await shoot(page, 'firstrun-confirm-zh');
      await page.getByRole('alertdialog').locator('button.secondary').click();
      await switchLanguage(page, 'en');
      // "Load it now" asks the same question; nothing has been fetched from a model host.
      await page.getByRole('button', { name: 'Load it now' }).click();
      await page.getByRole('alertdialog').waitFor();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
      expect(modelRequests).toEqual([]);
      expect(await page.getByText(/Starting|Loading/).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says plainly when no on-device model runs well here and what to use instead', async () => {
    const { context, page, errors } = await pageWithGpu({ shaderF16: true, fallback: true });
    try {
      const banner = page.getByTestId('no-runnable-model');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('software adapter');
      expect(await banner.textContent()).toContain('GGUF engine');
      expect(await banner.textContent()).toContain('OpenAI-compatible server');
      expect(await page.getByTestId('preselected').count()).toBe(0);
      await shoot(page, 'firstrun-none', ['en', 'zh-Hans']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('Settings', () => {
  it('shows only the chosen engine’s sections, with one Save; the Model field offers the server’s models', async () => {
    const { context, page, errors } = await pageWithGpu({ shaderF16: true, fallback: false });
    try {
      await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
      const main = page.locator('main');
      const saves = () => main.getByRole('button', { name: 'Save', exact: true }).count();
      const gpuHeading = () => main.getByRole('heading', { name: 'This device’s GPU' }).count();
      const storageHeading = () => main.getByRole('heading', { name: 'Model storage' }).count();

      await page.getByRole('radio', { name: /On this device/ }).check();
      expect(await saves()).toBe(1);
      expect(await gpuHeading()).toBe(1);
      await shoot(page, 'settings-webllm');

      await page.getByRole('radio', { name: /GGUF/ }).check();
      expect(await saves()).toBe(1);
      expect(await gpuHeading()).toBe(0);
      // GGUF models are stored in this browser too: the storage section stays (issue 14: it lists them).
      expect(await storageHeading()).toBe(1);
      await shoot(page, 'settings-gguf');

      await page.getByRole('radio', { name: /OpenAI-compatible server/ }).check();
      expect(await saves()).toBe(1);
      expect(await gpuHeading()).toBe(0);
      expect(await storageHeading()).toBe(0);
      await page.getByLabel('Server URL').fill(server.url);
      await page.getByRole('button', { name: 'Check connection' }).click();
      await page.getByText(/Connected/).waitFor();
      const model = page.getByLabel('Model', { exact: true });
      expect(await model.getAttribute('list')).toBe('server-models');
      expect(await page.locator('#server-models option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['scripted']);
      // Free text still allowed.
      await model.fill('my-own-model');
      expect(await model.inputValue()).toBe('my-own-model');
      await shoot(page, 'settings-openai', ['en', 'zh-Hans']);

      // The revision loop saves as it changes: after a reload the new value is there.
      await page.getByLabel('Revisions at most').fill('3');
      await page.getByText('Saved. The next question uses these settings.').waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel('Revisions at most').inputValue()).toBe('3');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
