// The offline promise with real inference: the built app and the project's tiny GGUF model loaded
// once, the service worker installed, then the network switched off in the browser
// (context.setOffline), a reload, and a whole revision run to a final answer — real wllama in
// Chromium, nothing fetched from anywhere. Then a full storage: the engine-code cache cannot be
// written (QuotaExceededError in the service worker) and the engine still loads.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOnlyRuns, openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';

let session: AppSession;
/** Requests that failed while offline, other than the ones the test makes fail on purpose. */
const failedRequests: string[] = [];

beforeAll(async () => {
  session = await openApp();
  session.context.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
});
afterAll(async () => {
  await session?.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

async function ask(page: Page, question: string): Promise<void> {
  await nav(page, 'Ask');
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

/** Every URL path in the app's caches. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const requests = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return requests.map((r) => new URL(r.url).pathname);
  });
}


async function onScreen(page: Page, err: unknown): Promise<never> {
  throw new Error(`${err instanceof Error ? err.message : String(err)}\nOn screen: ${(await page.evaluate(() => document.body.innerText)).slice(0, 3000)}`);
}

describe('a full GGUF run with the network off', () => {
  it('loads the app and the tiny model once, then completes a whole run offline after a reload', { timeout: 900_000 }, async () => {
    const { page, context } = session;
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await cachedPaths(page)).includes('/index.html'), { timeout: 30_000 }).toBe(true);

    await nav(page, 'Settings');
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await expect.poll(() => page.getByLabel('GGUF file on this computer', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Choose a GGUF file').setInputFiles(fixturePath(FIXTURES.tiny));
    await page.getByTestId('gguf-model-card').waitFor();
    // Every character is a token for this model, so the pipeline's prompts need a long window.
    await page.getByLabel('Context size (tokens)').fill('16384');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await draftOnlyRuns(page);

    // Load the engine once online (its WebAssembly is cached on first use), then stop.
    await ask(page, 'How long should a sprained ankle take to heal?');
    await page.getByText('Writing the rubric…').waitFor({ timeout: 120_000 }).catch((err: unknown) => onScreen(page, err));
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Stopped during/).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await cachedPaths(page)).some((p) => /\/assets\/wllama-[\w-]+\.wasm$/.test(p)), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    failedRequests.length = 0;
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).waitFor();
    // The reload of a cross-origin isolated page can start a new renderer; say offline to it as well.
    if (await page.evaluate(() => navigator.onLine)) {
      console.log('[offline gguf] navigator.onLine was true after the reload: offline mode applied again');
      await context.setOffline(false);
      await context.setOffline(true);
    }
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    // The network really is off for the page: even the app's own server cannot be reached.
    expect(await page.evaluate(async () => fetch(`/not-cached-${Date.now()}`, { cache: 'no-store' }).then(() => 'reached', () => 'failed'))).toBe('failed');
    failedRequests.length = 0;
    // The indicator is AppStatus's (tests/e2e/pwa.e2e.test.ts covers it); here it is only reported.
    console.log(`[offline gguf] offline indicator after the reload: ${(await page.getByTestId('offline-indicator').count()) ? 'shown' : 'NOT shown'}`);
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const started = Date.now();
    await page.getByTestId('final-answer').waitFor({ timeout: 650_000 }).catch((err: unknown) => onScreen(page, err));
    console.log(`[offline gguf] whole run with the network off: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(await page.locator('details.round').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.run header .muted').textContent()).toContain('tiny.gguf');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(failedRequests, 'a request tried the network while offline').toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await context.setOffline(false);
  });
});

describe('a full storage does not break loading the engine', () => {
  it('the engine-code cache cannot be written (quota), the service worker still serves the engine and the run starts', { timeout: 200_000 }, async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      await page.goto(session.app.url);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
      await expect.poll(async () => (await cachedPaths(page)).includes('/index.html'), { timeout: 30_000 }).toBe(true);
      await nav(page, 'Settings');
      await page.locator('input[name="engine-kind"][value="gguf"]').check();
      await page.getByLabel('Choose a GGUF file').setInputFiles(fixturePath(FIXTURES.tiny));
      await page.getByTestId('gguf-model-card').waitFor();
      await page.getByLabel('Context size (tokens)').fill('16384');
      await page.getByRole('button', { name: 'Save' }).first().click();
      await page.getByText('Saved.').first().waitFor();
      // A full storage, as the service worker meets it: every Cache.put fails with QuotaExceededError.
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate(() => {
        Cache.prototype.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      });

      await ask(page, 'How long should a sprained ankle take to heal?');
      await page.getByText('Writing the rubric…').waitFor({ timeout: 120_000 }).catch((err: unknown) => onScreen(page, err));
      // The WebAssembly came from the network: it could not be stored, and the run went on regardless.
      expect((await cachedPaths(page)).some((p) => /\/assets\/wllama-[\w-]+\.wasm$/.test(p))).toBe(false);
      await page.getByRole('button', { name: 'Stop' }).click();
      await page.getByText(/Stopped during/).waitFor({ timeout: 30_000 });
      // Other pages (lazily loaded code) still load.
      await nav(page, 'Principles');
      await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a lazily loaded page whose code cannot load', () => {
  it('shows a clear error with Retry instead of a blank page, and Retry loads it once the code is reachable', async () => {
    // No service worker here, so the page's own requests can be failed (as offline without a cache).
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      await page.goto(session.app.url);
      await nav(page, 'Ask');
      let failing = true;
      await context.route(/\/assets\/PrinciplesPage-[\w-]+\.js$/, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
      await nav(page, 'Principles');
      const failure = page.getByTestId('page-load-failed');
      await failure.waitFor({ timeout: 15_000 });
      expect(await failure.textContent()).toMatch(/This page could not be loaded \(.+\)\. You may be offline, or browser storage may be full/);
      await page.screenshot({ path: 'tests/screenshots/page-load-failed-1280.png' });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({ path: 'tests/screenshots/page-load-failed-360.png' });
      await page.setViewportSize({ width: 1280, height: 900 });
      failing = false;
      // Retry reloads the app at the same page (Chromium keeps a failed import for the document's life).
      await failure.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('page-load-failed').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
