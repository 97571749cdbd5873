// The installable, offline app in real Chromium: manifest and icons, the Workbox service worker's
// versioned precache (never model files), starting with the network off and saying so, and a new
// version that waits for the user's "Reload" instead of swapping in by itself.

import { copyFileSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../support/appDriver';

let session: AppSession;
let scratch: string;
/** URL path → file, read by the static server on every request: lets a test deploy a "new version". */
const overrides: Record<string, string> = {};

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'clinrevise-pwa-'));
  overrides['/models/pretend.gguf'] = join(scratch, 'pretend.gguf');
  copyFileSync('dist/index.html', overrides['/models/pretend.gguf']);
  session = await openApp({ files: overrides });
});
afterAll(async () => {
  await session?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every URL path in the app's caches (Workbox precache and the engine-code cache). */
function cachedPaths(session: AppSession): Promise<string[]> {
  return session.page.evaluate(async () => {
    const names = await caches.keys();
    const requests = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return requests.map((r) => new URL(r.url).pathname);
  });
}

describe('installable offline app', () => {
  it('links a manifest with 192 and 512 px PNG icons, and the icons are real PNGs of that size', async () => {
    const { page, app } = session;
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await fetch(new URL(href!, app.url))).json()) as { name: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toBe('ClinRevise');
    expect(manifest.display).toBe('standalone');
    for (const icon of manifest.icons) {
      const bytes = Buffer.from(await (await fetch(new URL(icon.src, app.url))).arrayBuffer());
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([w, h]);
    }
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('the service worker controls the page and precaches the app, versioned, without any model file', async () => {
    const { page } = session;
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await cachedPaths(session)).includes('/index.html'), { timeout: 30_000 }).toBe(true);
    const names = await page.evaluate(() => caches.keys());
    expect(names.some((n) => /^clinrevise-precache-v2-/.test(n))).toBe(true);
    // A model file the page fetches passes through and is not stored.
    expect(await page.evaluate(async () => (await fetch('/models/pretend.gguf')).status)).toBe(200);
    const paths = await cachedPaths(session);
    expect(paths.some((p) => p.includes('/assets/index-'))).toBe(true);
    expect(paths.filter((p) => p.startsWith('/models/') || p.endsWith('.gguf'))).toEqual([]);
  });

  it('starts with the network off, shows that it is offline, and stops showing it once back online', async () => {
    const { page, context } = session;
    expect(await page.getByTestId('offline-indicator').count()).toBe(0);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).waitFor();
    // The app started from the precache. A reload of this cross-origin isolated page can start a new
    // renderer that Playwright's offline emulation does not reach (navigator.onLine stays true while
    // requests still fail): say offline to it again, as the browser would on a real loss of network.
    if (await page.evaluate(() => navigator.onLine)) {
      await context.setOffline(false);
      await context.setOffline(true);
    }
    expect(await page.evaluate(async () => fetch(`/not-cached-${Date.now()}`, { cache: 'no-store' }).then(() => 'reached', () => 'failed'))).toBe('failed');
    await expect.poll(() => page.getByTestId('offline-indicator').textContent()).toContain('Offline.');
    // Pages load from the precache too.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /OpenAI-compatible server/ }).waitFor();
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('offline-indicator').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('a new version waits: the page is not reloaded, a prompt offers Reload, and Reload switches to it (removing the old shell cache)', async () => {
    const { page } = session;
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    // What the hand-written worker of earlier releases left behind; the new version must remove it.
    await page.evaluate(async () => (await caches.open('clinrevise-shell-v1')).put('/legacy', new Response('old shell')));
    // Deploy a "new version": a byte-different service worker.
    const newWorker = join(scratch, 'sw.js');
    copyFileSync('dist/sw.js', newWorker);
    appendFileSync(newWorker, '\n// next release\n');
    overrides['/sw.js'] = newWorker;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.textContent()).toContain('A new version of ClinRevise is ready');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain('clinrevise-shell-v1');
  });
});
