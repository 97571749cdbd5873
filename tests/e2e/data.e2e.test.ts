// Settings → Data and a full browser storage, in real Chromium against the built app. Runs come from
// the scripted OpenAI-compatible server (a test double); the storage, export and deleting are real.
// A full storage is simulated by making IDBObjectStore.put throw QuotaExceededError, as Chromium does.

import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
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

/** Every IndexedDB put now fails the way it does when the browser's storage for the site is full. */
function fillStorage(): void {
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

async function openData(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const data = page.getByTestId('data-settings');
  await data.waitFor();
  return data;
}

const records = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"] [data-testid="data-records"]`).textContent();

/** Clicks `button` and returns the text of the file it downloads. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const linesOf = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { store?: string; value?: { question?: string }; format?: string });

describe('Settings → Data', () => {
  it('shows what is stored by kind, with sizes and the browser’s total', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    await openData(page);
    await expect.poll(() => records(page, 'runs')).toBe('1');
    expect(Number(await records(page, 'principles'))).toBeGreaterThan(50);
    expect(await page.locator('[data-kind="runs"] [data-testid="data-bytes"]').textContent()).toMatch(/\d+(\.\d+)?\s*(kB|MB)/);
    expect(await page.getByTestId('data-total').textContent()).toMatch(/This site uses .+ of the .+ the browser allows it/);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      const section = page.getByTestId('data-settings');
      await section.scrollIntoViewIfNeeded();
      await page.getByRole('heading', { name: 'Data', level: 2 }).scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${SHOTS}/data-settings-${width}.png` });
      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('exports everything as one JSON Lines file that holds the runs, principles and settings', async () => {
    const { page } = session;
    const file = await download(page, () => page.getByRole('button', { name: 'Export everything' }).click());
    expect(file.name).toMatch(/^clinrevise-export-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = linesOf(file.text);
    expect(lines[0]).toMatchObject({ format: 'clinrevise-export', stores: expect.arrayContaining(['runs', 'principles', 'settings']) });
    expect(lines.filter((l) => l.store === 'runs').map((l) => l.value?.question)).toEqual([
      'My son has had a fever and a cough for two days. Should he see a doctor?',
    ]);
    expect(lines.filter((l) => l.store === 'principles').length).toBeGreaterThan(50);
    expect(lines.some((l) => l.store === 'settings')).toBe(true);
  });
});

describe('a full browser storage', () => {
  it('says storage is full, keeps the run in memory for export and writes no record', async () => {
    const { page } = session;
    await page.evaluate(fillStorage);
    await ask(page, 'How long should a sprained ankle take to heal?');
    const banner = page.getByTestId('unsaved-run');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('Storage is full');
    expect(await banner.textContent()).toContain('delete old runs or models (Settings → Data)');
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    expect(await page.getByText('Starting…').count()).toBe(0);
    const file = await download(page, () => banner.getByRole('button', { name: 'Export this run' }).click());
    const runs = linesOf(file.text).filter((l) => l.store === 'runs');
    expect(runs.map((l) => l.value?.question)).toEqual(['How long should a sprained ankle take to heal?']);
    expect(session.pageErrors).toEqual([]);
  });

  it('starts again after a reload, without the unsaved run', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('link', { name: /fever and a cough/ }).waitFor();
    expect(await page.getByRole('link', { name: /sprained ankle/ }).count()).toBe(0);
  });

  it('still starts the app on a first visit when nothing can be stored, and says why', async () => {
    const context = await session.browser.newContext();
    try {
      await context.addInitScript(fillStorage);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(session.app.url);
      await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
      expect(await page.getByTestId('storage-full').textContent()).toMatch(/Storage is full.*Settings → Data/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('deleting', () => {
  it('deletes all runs after a confirmation', async () => {
    const { page } = session;
    await openData(page);
    await expect.poll(() => records(page, 'runs')).toBe('1');
    await page.getByRole('button', { name: 'Delete all runs' }).click();
    await page.getByText('Delete all 1 runs?').waitFor();
    await page.getByRole('button', { name: 'Yes, delete all runs' }).click();
    await expect.poll(() => records(page, 'runs')).toBe('0');
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: /fever and a cough/ }).count()).toBe(0);
  });

  it('deletes everything only once DELETE is typed, then starts as new', async () => {
    const { page } = session;
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    await openData(page);
    await expect.poll(() => records(page, 'runs')).toBe('1');
    const button = page.getByRole('button', { name: 'Delete everything' });
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('delete');
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await Promise.all([page.waitForEvent('load'), button.click()]);
    // The app opens afresh on its start page.
    await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await openData(page);
    await expect.poll(() => records(page, 'runs')).toBe('0');
    // The server settings went with the database: a new user's engine choice is back.
    expect(await page.getByRole('radio', { name: /OpenAI-compatible server/ }).isChecked()).toBe(false);
    expect(Number(await records(page, 'principles'))).toBeGreaterThan(50);
  });
});
