// The passphrase lock in real Chromium against the built app: turn it on, run a question (the
// scripted OpenAI-compatible server is a test double; the WebCrypto, IndexedDB and UI are real),
// reload → locked, a wrong passphrase refused, the right one shows the run, and the raw IndexedDB
// record holds no question text. Screenshots of the lock settings and the unlock screen.

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const SHOTS = 'tests/screenshots';
const PASSPHRASE = 'plum lantern river quietly';
const NEW_PASSPHRASE = 'copper meadow falls asleep';
const QUESTION = 'My grandmother takes warfarin and bruises easily on her arms. Is that worrying?';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openLockSettings(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const section = page.getByTestId('lock-settings');
  await section.waitFor();
  return section;
}

/** Every record of the runs store as stored, the ciphertext's bytes read as text, and its field names. */
async function rawRuns(page: Page): Promise<{ fields: string[][]; text: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('clinrevise');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('runs').objectStore('runs').getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const latin1 = new TextDecoder('latin1');
    const asText = (v: unknown): string =>
      JSON.stringify(v, (_k, x: unknown) => (x instanceof ArrayBuffer ? latin1.decode(x) : ArrayBuffer.isView(x) ? latin1.decode(x) : x));
    return { fields: values.map((v) => Object.keys(v as object).sort()), text: values.map(asText).join('\n') };
  });
}

async function shoot(page: Page, name: string, locator: ReturnType<Page['getByTestId']>) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await locator.scrollIntoViewIfNeeded();
    await locator.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('passphrase lock', () => {
  it('turns on from Settings → Data with a confirmed passphrase and a strength hint', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    const section = await openLockSettings(page);
    expect(await section.getByTestId('lock-status').textContent()).toContain('Off');
    await shoot(page, 'lock-settings-off', section);
    await section.getByLabel('Passphrase', { exact: true }).fill('short');
    expect(await section.getByTestId('lock-strength').textContent()).toContain('Too short');
    expect(await section.getByTestId('lock-enable').isDisabled()).toBe(true);
    await section.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await section.getByLabel('Confirm passphrase').fill(PASSPHRASE + 'x');
    expect(await section.getByTestId('lock-enable').isDisabled()).toBe(true);
    await section.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await section.getByLabel(/idle minutes/).fill('7');
    await section.getByTestId('lock-enable').click();
    await section.getByTestId('lock-done').waitFor({ timeout: 60_000 });
    expect(await section.getByTestId('lock-status').textContent()).toContain('On');
    await page.getByTestId('lock-now').waitFor();
    await shoot(page, 'lock-settings-on', section);
  });

  it('saves a run encrypted: the raw IndexedDB record holds no question text', async () => {
    const { page } = session;
    await ask(page, QUESTION);
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    // The run is saved after the last step; wait for History to list it.
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByText(QUESTION).first().waitFor();
    const raw = await rawRuns(page);
    expect(raw.fields).toEqual([['createdAt', 'id', 'sealed']]);
    expect(raw.text).not.toContain('warfarin');
    expect(raw.text).not.toContain('grandmother');
    expect(session.pageErrors).toEqual([]);
  });

  it('after a reload History is locked; a wrong passphrase is refused, the right one shows the run', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    const unlock = page.getByTestId('unlock-screen');
    await unlock.waitFor();
    expect(await page.getByText(QUESTION).count()).toBe(0);
    await shoot(page, 'unlock-screen', page.locator('main'));
    await unlock.getByLabel('Passphrase').fill('not the passphrase');
    await unlock.getByTestId('unlock').click();
    await unlock.getByTestId('unlock-wrong').waitFor({ timeout: 60_000 });
    expect(await page.getByText(QUESTION).count()).toBe(0);
    await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.getByTestId('unlock').click();
    await page.getByText(QUESTION).first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('unlock-screen').count()).toBe(0);
  });

  it('the header’s Lock button locks at once, and Ask asks to unlock too', async () => {
    const { page } = session;
    await page.getByTestId('lock-now').click();
    await page.getByTestId('unlock-screen').waitFor();
    expect(await page.getByText(QUESTION).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    await page.getByTestId('unlock-screen').waitFor();
    expect(await page.getByLabel('Question', { exact: true }).count()).toBe(0);
    // Rubric reviews and evaluations are encrypted too: their pages wait behind the unlock screen.
    for (const name of ['Rubrics', 'Evaluate']) {
      await page.getByRole('navigation').getByRole('link', { name }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(name.toLowerCase());
      await page.getByTestId('unlock-screen').waitFor();
      expect(await page.getByRole('heading', { name, level: 1 }).count()).toBe(0);
    }
    // Principles are not encrypted and stay available.
    await page.getByRole('navigation').getByRole('link', { name: 'Principles' }).click();
    await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
    expect(await page.getByTestId('unlock-screen').count()).toBe(0);
  });

  it('changing the passphrase re-encrypts 1,000 runs with progress; turning it off decrypts them', async () => {
    const { page } = session;
    const section = await openLockSettings(page);
    await section.getByTestId('unlock-screen').getByLabel('Passphrase').fill(PASSPHRASE);
    await section.getByTestId('unlock').click();
    await section.getByRole('button', { name: 'Change passphrase' }).waitFor({ timeout: 60_000 });
    // 1,000 more runs of ~30 kB, written straight into the store as an older build would have left
    // them (plain): the change must seal them all, as it re-seals the one under the old key.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('clinrevise');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('runs', 'readwrite');
      for (let i = 0; i < 1000; i++) tx.objectStore('runs').put({ id: `bulk-${String(i).padStart(4, '0')}`, createdAt: 1_000_000 + i, question: `bulk question ${i}`, answer: 'y'.repeat(30_000) });
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
      db.close();
    });
    await section.getByRole('button', { name: 'Change passphrase' }).click();
    await section.getByLabel('Current passphrase').fill(PASSPHRASE);
    await section.getByLabel('New passphrase').fill(NEW_PASSPHRASE);
    await section.getByLabel('Confirm passphrase').fill(NEW_PASSPHRASE);
    const started = Date.now();
    await section.getByTestId('lock-change').click();
    await section.getByTestId('lock-progress').waitFor();
    await section.getByTestId('lock-done').waitFor({ timeout: 110_000 });
    const changeMs = Date.now() - started;
    let raw = await rawRuns(page);
    expect(raw.fields).toHaveLength(1001);
    expect(raw.fields.every((f) => f.join() === 'createdAt,id,sealed')).toBe(true);
    expect(raw.text).not.toContain('bulk question');

    await section.getByRole('button', { name: 'Turn off the lock' }).click();
    await section.getByLabel('Current passphrase').fill(PASSPHRASE);
    await section.getByTestId('lock-disable').click();
    // The old passphrase no longer opens anything.
    await section.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor({ timeout: 60_000 });
    await section.getByLabel('Current passphrase').fill(NEW_PASSPHRASE);
    const disableStarted = Date.now();
    await section.getByTestId('lock-disable').click();
    await section.getByTestId('lock-done').waitFor({ timeout: 110_000 });
    const disableMs = Date.now() - disableStarted;
    expect(await section.getByTestId('lock-status').textContent()).toContain('Off');
    raw = await rawRuns(page);
    expect(raw.text).toContain('bulk question 999');
    expect(raw.text).toContain('warfarin');
    expect(raw.fields.some((f) => f.includes('sealed'))).toBe(false);
    expect(await page.getByTestId('lock-now').count()).toBe(0);
    console.log(`lock e2e (Chromium, 1,001 runs of ~30 kB): change passphrase ${changeMs} ms, turn off ${disableMs} ms (each includes PBKDF2 derivations)`);
  });

  it('in Chinese and dark mode: the lock section, the header’s Lock button and the unlock screen', async () => {
    const { page } = session;
    await page.emulateMedia({ colorScheme: 'dark' });
    await openLockSettings(page);
    await page.getByLabel('Language of the app').selectOption('zh-Hans');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    const section = page.getByTestId('lock-settings');
    expect(await section.getByRole('heading').first().textContent()).toBe('口令锁');
    await section.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
    expect(await section.getByTestId('lock-strength').textContent()).toBe('强。');
    await section.getByLabel('确认口令').fill(PASSPHRASE);
    await shoot(page, 'lock-settings-zh-dark', section);
    await section.getByTestId('lock-enable').click();
    await section.getByTestId('lock-done').waitFor({ timeout: 110_000 });
    await shoot(page, 'lock-header-zh-dark', page.locator('header'));
    expect(await page.getByTestId('lock-now').textContent()).toContain('锁定');
    await page.getByTestId('lock-now').click();
    await page.getByRole('navigation').getByRole('link', { name: '历史记录' }).click();
    await page.getByTestId('unlock-screen').waitFor();
    await shoot(page, 'unlock-screen-zh-dark', page.locator('main'));
    await page.getByTestId('unlock-screen').getByLabel('口令').fill('错的口令');
    await page.getByTestId('unlock').click();
    expect(await page.getByTestId('unlock-wrong').textContent({ timeout: 60_000 })).toContain('口令错误');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('measures what the lock costs in this browser (reported, not asserted)', async () => {
    const { page } = session;
    const timing = await page.evaluate(async () => {
      const utf8 = new TextEncoder();
      const t0 = performance.now();
      const material = await crypto.subtle.importKey('raw', utf8.encode('measure me'), 'PBKDF2', false, ['deriveKey']);
      const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations: 600_000 }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const derive = performance.now() - t0;
      // A run as stored is ~20-60 kB of JSON; seal 1,000 of 30 kB.
      const record = utf8.encode(JSON.stringify({ text: 'x'.repeat(30_000) }));
      const t1 = performance.now();
      await Promise.all(Array.from({ length: 1000 }, () => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, record)));
      return { derive, seal1000: performance.now() - t1 };
    });
    console.log(`lock timing (Chromium): PBKDF2-SHA-256 600k derive ${timing.derive.toFixed(0)} ms; AES-GCM seal 1,000 × 30 kB ${timing.seal1000.toFixed(0)} ms`);
    expect(timing.derive).toBeGreaterThan(0);
  });
});
