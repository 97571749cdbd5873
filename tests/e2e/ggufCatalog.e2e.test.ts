// The GGUF model catalog's downloads in headless Chromium, against a local server on 127.0.0.1 that
// serves the project's tiny GGUF models with Range support: progress, pause → reload → resume,
// integrity failure, storage refusal, and a hash recorded by the first download then verified.

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/lib/engine/gguf/catalog';
import { TEST_CATALOG_KEY } from '../../src/lib/engine/gguf/catalogSource';
import { launchChromium } from '../support/chromium';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { bytesOf, serveWithRanges, type RangeServer } from '../support/rangeServer';

const OUT = resolve('tests/.artifacts/catalog-app');
const tiny = bytesOf(fixturePath(FIXTURES.tiny));
const moe = bytesOf(fixturePath(FIXTURES.moe));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function entry(id: string, path: string, bytes: Uint8Array, over: Partial<CatalogEntry> & { sha256?: string | null; listedBytes?: number } = {}): CatalogEntry {
  const { sha256 = null, listedBytes, ...rest } = over;
  return {
    id,
    name: `Test ${id}`,
    architecture: 'qwen3moe',
    mixture: { experts: 8, expertsUsed: 2 },
    totalParameters: 1e6,
    activeParameters: 4e5,
    quantization: 'F32',
    contextLength: 4096,
    attention: { layers: 2, kvHeads: 2, headDim: 16 },
    licence: { spdx: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    homepage: 'http://127.0.0.1/',
    files: [{ url: path, fileName: path.split('/').pop()!, bytes: listedBytes ?? bytes.length, bytesExact: listedBytes === undefined, sha256 }],
    integrity: sha256 ? 'pinned' : 'recorded_on_first_download',
    notes: 'test entry',
    ...rest,
  };
}

const CATALOG: CatalogEntry[] = [
  entry('moe', '/models/moe.gguf', moe),
  entry('pinned', '/models/pinned.gguf', tiny, { architecture: 'llama', mixture: null, sha256: sha(tiny) }),
  entry('wrong', '/models/wrong.gguf', tiny, { architecture: 'llama', mixture: null, sha256: '0'.repeat(64) }),
  entry('big', '/models/big.gguf', tiny, { architecture: 'llama', mixture: null, listedBytes: 300e6 }),
];

let server: RangeServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  // The app built in `catalogtest` mode: the only build that reads a catalog from localStorage.
  await build({ mode: 'catalogtest', logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  server = await serveWithRanges(OUT, {
    models: { '/models/moe.gguf': moe, '/models/pinned.gguf': tiny, '/models/wrong.gguf': tiny, '/models/big.gguf': tiny },
    throttle: { chunkBytes: 32 * 1024, delayMs: 40 },
  });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [TEST_CATALOG_KEY, JSON.stringify(CATALOG)] as const);
  const page = await context.newPage();
  await page.goto(server.url);
  await openCatalog(page);
  return page;
}

async function openCatalog(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.locator('input[name="engine-kind"][value="gguf"]').check();
  await page.getByRole('heading', { name: 'Model catalog' }).waitFor();
}

const card = (page: Page, id: string) => page.locator(`[data-testid="catalog-entry"][data-entry="${id}"]`);
const loaded = async (page: Page, id: string) => Number((await card(page, id).getByTestId('catalog-progress').getAttribute('data-loaded')) ?? 0);

describe('GGUF catalog downloads (Chromium, local Range server)', () => {
  it('lists MoE first with facts and a recommendation, downloads with progress, pauses, resumes after a reload with a Range request, and records the hash', async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    const entries = page.getByTestId('catalog-entry');
    expect(await entries.first().getAttribute('data-entry')).toBe('moe');
    await expect.poll(() => page.locator('[data-recommended="true"]').count()).toBe(1);
    const moeCard = card(page, 'moe');
    expect(await moeCard.locator('[data-fact="parameters"]').textContent()).toMatch(/8 experts, 2 used/);
    expect(await moeCard.locator('[data-fact="runs"]').textContent()).toBe('yes');
    expect(await moeCard.getByTestId('catalog-hash-note').textContent()).toContain('first download records it');

    await moeCard.getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => loaded(page, 'moe')).toBeGreaterThan(100_000);
    await moeCard.getByText(/\/s/).first().waitFor();
    await moeCard.getByRole('button', { name: 'Pause' }).click();
    await moeCard.getByRole('button', { name: 'Resume' }).waitFor();
    const pausedAt = await loaded(page, 'moe');
    expect(pausedAt).toBeLessThan(moe.length);

    await page.reload();
    await openCatalog(page);
    await moeCard.getByRole('button', { name: 'Resume' }).waitFor();
    const afterReload = await loaded(page, 'moe');
    expect(afterReload).toBeGreaterThan(0);
    const before = server.modelRequests.length;
    await moeCard.getByRole('button', { name: 'Resume' }).click();
    await moeCard.getByRole('button', { name: 'Selected' }).or(moeCard.getByText('Selected')).waitFor({ timeout: 60_000 });
    const resumed = server.modelRequests.slice(before).filter((r) => r.path === '/models/moe.gguf');
    expect(resumed[0]?.range).toBe(`bytes=${afterReload}-`);
    expect(await moeCard.getByTestId('catalog-hash-note').textContent()).toContain('this first download recorded it');
    const recorded = await page.evaluate(async () => {
      const f = await (await navigator.storage.getDirectory()).getFileHandle('clinrevise-gguf-recorded-sha256.json');
      return JSON.parse(await (await f.getFile()).text()) as Record<string, string>;
    });
    expect(Object.values(recorded)).toEqual([sha(moe)]);
    await context.close();
  });

  it('keeps the bytes already written when the tab is closed mid-download (no pause), resumes from them with a Range request, and the file verifies', async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    const pinned = card(page, 'pinned');
    await pinned.getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => loaded(page, 'pinned')).toBeGreaterThan(300_000);
    const seenBeforeClose = await loaded(page, 'pinned');
    expect(seenBeforeClose).toBeLessThan(tiny.length);
    // The tab goes away while the body is still arriving: no Pause, no chance to commit anything.
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(server.url);
    await openCatalog(reopened);
    const again = card(reopened, 'pinned');
    await again.getByRole('button', { name: 'Resume' }).waitFor();
    const kept = await loaded(reopened, 'pinned');
    expect(kept).toBeGreaterThanOrEqual(seenBeforeClose);
    expect(kept).toBeLessThan(tiny.length);
    const before = server.modelRequests.length;
    await again.getByRole('button', { name: 'Resume' }).click();
    await again.getByText('Stored in this browser.').waitFor({ timeout: 60_000 });
    expect(await again.getByTestId('catalog-hash-note').textContent()).toContain('Checked against the catalog’s SHA-256');
    const resumed = server.modelRequests.slice(before).filter((r) => r.path === '/models/pinned.gguf');
    expect(resumed).toEqual([{ path: '/models/pinned.gguf', range: `bytes=${kept}-` }]);
    const stored = await reopened.evaluate(async () => {
      const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('clinrevise-gguf')).getDirectoryHandle('catalog-pinned');
      const names: string[] = [];
      for await (const name of dir.keys()) names.push(name);
      return names;
    });
    expect(stored).toContain('model.json');
    await context.close();
  });

  it('verifies later downloads against the recorded hash: a changed file is deleted and said so', async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    const moeCard = card(page, 'moe');
    await moeCard.getByRole('button', { name: 'Download' }).click();
    await moeCard.getByTestId('catalog-hash-note').filter({ hasText: 'this first download recorded it' }).waitFor({ timeout: 60_000 });
    // Remove the stored copy, then the host starts serving different bytes under the same URL.
    await page.getByRole('button', { name: /Remove/ }).first().click();
    await moeCard.getByRole('button', { name: 'Download' }).waitFor();
    const changed = new Uint8Array(moe);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 0xff;
    server.setModel('/models/moe.gguf', changed);
    try {
      await moeCard.getByRole('button', { name: 'Download' }).click();
      const error = moeCard.getByTestId('catalog-error');
      await error.waitFor({ timeout: 60_000 });
      expect(await error.textContent()).toContain('the first download on this browser recorded');
      expect(await error.textContent()).toContain('The file was deleted');
      server.setModel('/models/moe.gguf', moe);
      await moeCard.getByRole('button', { name: 'Try again' }).click();
      await moeCard.getByTestId('catalog-hash-note').filter({ hasText: 'recorded by the first download in this browser' }).waitFor({ timeout: 60_000 });
    } finally {
      server.setModel('/models/moe.gguf', moe);
    }
    await context.close();
  });

  it('accepts a file matching its pinned hash, and deletes one that does not', async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await card(page, 'pinned').getByRole('button', { name: 'Download' }).click();
    await card(page, 'pinned').getByTestId('catalog-hash-note').filter({ hasText: 'Checked against the catalog’s SHA-256' }).waitFor({ timeout: 60_000 });
    const wrong = card(page, 'wrong');
    await wrong.getByRole('button', { name: 'Download' }).click();
    await wrong.getByTestId('catalog-error').waitFor({ timeout: 60_000 });
    expect(await wrong.getByTestId('catalog-error').textContent()).toContain(`its SHA-256 is ${sha(tiny)}, but the catalog expects ${'0'.repeat(64)}. The file was deleted.`);
    const folders = await page.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('clinrevise-gguf');
      const names: string[] = [];
      for await (const name of root.keys()) names.push(name);
      return names;
    });
    expect(folders).not.toContain('catalog-wrong');
    expect(folders).toContain('catalog-pinned');
    await context.close();
  });

  it('asks before a download over 100 MB (size and host), and refuses it when storage is short', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      navigator.storage.estimate = async () => ({ quota: 50e6, usage: 10e6 });
    });
    const page = await newPage(context);
    const big = card(page, 'big');
    const requestsBefore = server.modelRequests.length;
    await big.getByRole('button', { name: 'Download' }).click();
    const dialog = big.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(`300 MB from ${new URL(server.url).host}`);
    await dialog.getByRole('button', { name: 'Start download' }).click();
    const error = big.getByTestId('catalog-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Not enough browser storage to download “Test big”: it needs 315 MB more, but this site has only 40 MB free/);
    expect(server.modelRequests.slice(requestsBefore).filter((r) => r.path === '/models/big.gguf')).toEqual([]);
    await context.close();
  });
});
