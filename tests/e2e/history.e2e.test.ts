// History at 10,000 runs in real Chromium: the first page and the count, search, delete with undo,
// a streamed export of everything, import (a bad file changes nothing; duplicates are skipped), and
// refreshing when another tab saves a run. Runs are seeded straight into the app's IndexedDB; the
// run from the other tab goes through a scripted OpenAI-compatible server (a test double).

import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const RUNS = 10_000;
let session: AppSession;
let server: ScriptedServer;

/** Writes `count` valid runs into the app's own database from inside the page (one a minute back). */
async function seedRuns(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const words = 'patient dose chest pain fever child adult daily review urgent advice symptom blood pressure kidney insulin warfarin'.split(' ');
    const text = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('clinrevise');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const newest = Date.now() - 60_000;
    for (let start = 0; start < count; start += 1000) {
      const tx = db.transaction('runs', 'readwrite');
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const answer = `${i === 4321 ? 'needle-4321 ' : ''}${text(i, 150)}`;
        const score = (i % 100) / 100;
        tx.objectStore('runs').put({
          id: `seed-${String(i).padStart(5, '0')}`,
          question: `Seeded question ${i}: ${text(i, 20)}?`,
          createdAt: newest - i * 60_000,
          updatedAt: newest - i * 60_000 + 1000,
          status: i % 10 === 3 ? 'failed' : 'done',
          options: { rounds: 2, targetScore: 0.8, poolSize: 12, grading: 'batched' },
          engineLabel: i % 2 ? 'qwen3:4b @ http://127.0.0.1:8000/v1' : 'tiny.gguf (in this browser)',
          scenario: { urgency: 'routine', uncertainty: 'sufficient_context', expertise: 'health_professional', task_type: 'advice' },
          scenarioSource: 'model',
          pool: [],
          rubric: [{ id: 'R1', criterion: 'Advises a same-day review when needed', points: 5, axis: 'accuracy', principle_id: null }],
          rounds: [{ index: 0, kind: 'draft', answer, grades: [{ item_id: 'R1', met: true, evidence: '' }], score, truncated: false }],
          final: i % 10 === 3 ? null : { round: 0, answer, score, reason: 'max_rounds' },
          currentStep: null,
          failure: i % 10 === 3 ? { step: 'grade', code: 'server_unreachable', message: 'The server did not answer.' } : null,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
}

const countText = (page: Page) => page.getByTestId('history-count').textContent();

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `tests/screenshots/${name}-${width}.png`, fullPage: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp();
  await session.page.getByRole('navigation').waitFor();
  await seedRuns(session.page, RUNS);
}, 180_000);
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('History with 10,000 runs in Chromium', () => {
  it('shows the first page and the count quickly after a reload, and loads more on scroll', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('navigation').waitFor();
    const started = Date.now();
    await openHistory(page);
    await page.locator('ul.history li').first().waitFor();
    const firstPageMs = Date.now() - started;
    console.log(`[history e2e] first page of ${RUNS} runs visible ${firstPageMs} ms after clicking History (cold, Chromium)`);
    await expect.poll(() => countText(page)).toMatch(/10,000 runs in this browser · showing 30/);
    const readMs = await page.evaluate(() => performance.getEntriesByName('clinrevise:history-page').map((e) => Math.round(e.duration)));
    console.log(`[history e2e] first page + count read from IndexedDB in ${readMs.join(', ')} ms (target 50 ms)`);
    await page.getByRole('button', { name: 'Show more' }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('ul.history li').count()).toBeGreaterThanOrEqual(60);
    await screenshots(page, 'history-10000');
  });

  it('finds a run by a word in its answer, and counts the matches of a filter', async () => {
    const { page } = session;
    const started = Date.now();
    await page.getByLabel('Search questions and answers').fill('needle-4321');
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/^1 match of 10,000 runs/);
    console.log(`[history e2e] search through ${RUNS} runs (every run read) and count: ${Date.now() - started} ms`);
    expect(await page.locator('ul.history li').count()).toBe(1);
    expect(await page.locator('ul.history li').first().textContent()).toContain('Seeded question 4321');
    await screenshots(page, 'history-search');

    await page.getByLabel('Search questions and answers').fill('');
    await page.getByLabel('Status').selectOption('failed');
    await expect.poll(() => countText(page), { timeout: 60_000 }).toMatch(/^1,000 match of 10,000 runs/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => countText(page)).toMatch(/^10,000 runs/);
  });

  it('deletes a run with Undo, which puts it back exactly', async () => {
    const { page } = session;
    const row = page.locator('li[data-run-id="seed-00000"]');
    await row.getByRole('button', { name: /Delete run/ }).click();
    await expect.poll(() => countText(page)).toMatch(/^9,999 runs/);
    expect(await row.count()).toBe(0);
    await screenshots(page, 'history-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => countText(page)).toMatch(/^10,000 runs/);
    await row.waitFor();
  });

  it('exports all 10,000 runs as JSONL, streamed from the database', async () => {
    const { page } = session;
    const heapBefore = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export all' }).click()]);
    const path = await download.path();
    const exportMs = Date.now() - started;
    const heapAfter = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    console.log(
      `[history e2e] export of ${lines.length} runs: ${(statSync(path).size / 1e6).toFixed(1)} MB in ${exportMs} ms; page JS heap ${(heapBefore / 1e6).toFixed(1)} → ${(heapAfter / 1e6).toFixed(1)} MB`,
    );
    expect(lines).toHaveLength(RUNS);
    expect((JSON.parse(lines[0]!) as { id: string }).id).toBe('seed-00000');
    expect(download.suggestedFilename()).toMatch(/^clinrevise-runs-\d{4}-\d{2}-\d{2}\.jsonl$/);
  });

  it('refuses a file with a bad line, naming it, and imports nothing; then imports new runs and skips known ones', async () => {
    const { page } = session;
    const good = (id: string) =>
      JSON.stringify({
        id,
        question: `Imported question ${id}?`,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        status: 'done',
        options: { rounds: 2, targetScore: 0.8, poolSize: 12 },
        engineLabel: 'imported',
        scenario: null,
        scenarioSource: null,
        pool: [],
        rubric: [],
        rounds: [],
        final: null,
        currentStep: null,
        failure: null,
      });
    const bad = join(tmpdir(), `runs-bad-${Date.now()}.jsonl`);
    await writeFile(bad, [good('imp-1'), '{"id": "broken"', good('imp-2')].join('\n'));
    await page.getByLabel('Import runs file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('history-message').textContent()).toMatch(/Nothing was imported: 1 line is not a valid run \(line 2: not valid JSON\)/);
    expect(await countText(page)).toMatch(/^10,000 runs/);
    await screenshots(page, 'history-import-refused');

    const fine = join(tmpdir(), `runs-good-${Date.now()}.jsonl`);
    await writeFile(fine, [good('imp-1'), good('imp-2'), good('seed-00005')].join('\n'));
    await page.getByLabel('Import runs file').setInputFiles(fine);
    await expect.poll(() => page.getByTestId('history-message').textContent()).toBe('Imported 2 runs; 1 already here (skipped).');
    expect(await countText(page)).toMatch(/^10,002 runs/);
  });

  it('refreshes by itself when another tab saves a run', async () => {
    const { page, context } = session;
    const other = await context.newPage();
    await other.goto(session.app.url);
    await configureServer(other, server.url);
    await ask(other, 'A question asked in another tab about a sprained ankle?');
    await other.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('ul.history li').first().textContent(), { timeout: 10_000 }).toContain('another tab');
    expect(await countText(page)).toMatch(/^10,003 runs/);
    await other.close();
    expect(session.pageErrors).toEqual([]);
  });
});
