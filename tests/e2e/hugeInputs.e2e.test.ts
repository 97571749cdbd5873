// Huge inputs in the built app in real Chromium: a 1 MB question, 50 MB principle, rubric and History
// files and a 100,000-line evaluation file are each refused or handled with a clear message, without
// freezing the page. Each case measures the page's longest main-thread task (PerformanceObserver
// "longtask") and logs it; the bound asserted is generous (2 s) so a loaded CI machine does not fail
// it — the logged numbers are the measurement. The server is the scripted test double.

import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../cli/library';
import { configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const DIR = join(tmpdir(), `clinrevise-huge-${process.pid}`);
const MB = 1024 * 1024;
/** Far above what the app should ever take; the real numbers are logged. */
const LONGEST_TASK_BOUND_MS = 2000;

declare global {
  interface Window {
    longTasks?: number[];
  }
}

/** Writes `lines()` to a file until it holds `bytes` (or the generator ends), as a stream. */
async function writeLines(name: string, lines: Iterable<string>, bytes = Infinity): Promise<string> {
  const path = join(DIR, name);
  const out = createWriteStream(path);
  let written = 0;
  for (const line of lines) {
    if (written >= bytes) break;
    const chunk = `${line}\n`;
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return path;
}

function* repeat(make: (i: number) => string): Generator<string> {
  for (let i = 0; ; i++) yield make(i);
}

/** Starts recording long tasks afresh. */
const startRecording = (page: Page) => page.evaluate(() => (window.longTasks = []));

/** The longest task since startRecording (0 when none passed 50 ms), logged under `label`. */
async function longestTask(page: Page, label: string, elapsedMs: number): Promise<number> {
  // Let the observer deliver the last entries.
  await page.waitForTimeout(200);
  const tasks = await page.evaluate(() => window.longTasks ?? []);
  const longest = Math.round(Math.max(0, ...tasks));
  console.log(`[huge inputs] ${label}: answered in ${elapsedMs} ms; longest main-thread task ${longest} ms (${tasks.length} tasks over 50 ms)`);
  return longest;
}

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
  await session.context.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks!.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await session.page.reload();
  await configureServer(session.page, server.url);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('huge inputs are refused or handled with a clear message, without freezing the page', () => {
  it('a 1 MB question is refused at once, before it is sent or tokenised', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    const question = `Is this normal? ${'potassium 6.2 mmol/L, creatinine 180. '.repeat(Math.ceil(MB / 38))}`.slice(0, MB);
    await page.getByLabel('Question', { exact: true }).fill(question);
    await startRecording(page);
    const before = server.requests.length;
    const started = Date.now();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /context window/i });
    await alert.waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      throw new Error(`${String(err)}\nOn screen: ${(await page.evaluate(() => document.body.innerText)).slice(0, 1500)}`);
    });
    const elapsed = Date.now() - started;
    expect(await alert.textContent()).toMatch(/question/i);
    expect(server.requests.length).toBe(before);
    expect(await longestTask(page, '1 MB question', elapsed)).toBeLessThan(LONGEST_TASK_BOUND_MS);
  });

  it('a 50 MB principle library file is refused by its size, with the limit named', async () => {
    const { page } = session;
    const [principle] = readShippedPrinciples();
    const path = await writeLines(
      'principles-50mb.json',
      (function* () {
        yield '[';
        for (let i = 0; ; i++) yield `${i ? ',' : ''}${JSON.stringify({ ...principle, id: `USR-huge-${i}` })}`;
      })(),
      50 * MB,
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Principles' }).click();
    await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
    const summary = await page.getByText(/HealthPrinciples library version/).textContent();
    await startRecording(page);
    const started = Date.now();
    await page.getByLabel('Import library file').setInputFiles(path);
    const problem = page.locator('.transfer-block [role="alert"]');
    await problem.waitFor({ timeout: 30_000 });
    const elapsed = Date.now() - started;
    expect(await problem.textContent()).toMatch(/too large to be a principle library \(5\d\.\d MB; the limit is 10\.\d MB\)/);
    expect(await page.getByText(/HealthPrinciples library version/).textContent()).toBe(summary);
    expect(await longestTask(page, '50 MB principle file', elapsed)).toBeLessThan(LONGEST_TASK_BOUND_MS);
    await page.screenshot({ path: 'tests/screenshots/huge-principles-1280.png' });
  });

  it('a 50 MB HealthRubrics file of bad records is read as a stream and refused, naming lines', { timeout: 120_000 }, async () => {
    const { page } = session;
    const path = await writeLines('rubrics-50mb.jsonl', repeat((i) => JSON.stringify({ format: 'healthrubrics/1', id: `hr-${i}`, question: 'x'.repeat(500) })), 50 * MB);
    await page.getByRole('navigation').getByRole('link', { name: 'Rubrics' }).click();
    await startRecording(page);
    const started = Date.now();
    await page.getByLabel('Import HealthRubrics file').setInputFiles(path);
    const problems = page.getByTestId('rubric-import-problems');
    await problems.waitFor({ timeout: 100_000 });
    const elapsed = Date.now() - started;
    expect(await problems.textContent()).toMatch(/line 1:/);
    expect(await longestTask(page, '50 MB rubric file', elapsed)).toBeLessThan(LONGEST_TASK_BOUND_MS);
  });

  it('a 50 MB History file is read as a stream and imported', { timeout: 240_000 }, async () => {
    const { page } = session;
    const answer = 'Check the potassium again today and seek same-day review if you feel weak or your heart flutters. '.repeat(20);
    const path = await writeLines(
      'runs-50mb.jsonl',
      repeat((i) =>
        JSON.stringify({
          id: `huge-${i}`, question: `Imported question ${i}?`, createdAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_000 + i, status: 'done',
          options: { rounds: 2, targetScore: 0.8, poolSize: 12 }, engineLabel: 'imported', scenario: null, scenarioSource: null, pool: [], rubric: [],
          rounds: [{ index: 0, kind: 'draft', answer, grades: [], score: 0.5, truncated: false }],
          final: { round: 0, answer, score: 0.5, reason: 'max_rounds' }, currentStep: null, failure: null,
        }),
      ),
      50 * MB,
    );
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await startRecording(page);
    const started = Date.now();
    await page.getByLabel('Import runs file').setInputFiles(path);
    const message = page.getByTestId('history-message');
    await expect.poll(() => message.textContent(), { timeout: 220_000 }).toMatch(/^Imported [\d,]+ runs|Nothing was imported|too large/);
    const elapsed = Date.now() - started;
    console.log(`[huge inputs] History message: ${await message.textContent()}`);
    expect(await longestTask(page, '50 MB History file', elapsed)).toBeLessThan(LONGEST_TASK_BOUND_MS);
  });

  it('a 100,000-line evaluation file is read as a stream and handled with a clear message', { timeout: 240_000 }, async () => {
    const { page } = session;
    const path = await writeLines(
      'healthbench-100k.jsonl',
      (function* () {
        for (let i = 0; i < 100_000; i++) {
          yield JSON.stringify({
            prompt_id: `huge-${i}`,
            prompt: [{ role: 'user', content: `Is a potassium of 6.${i % 10} dangerous?` }],
            rubrics: [{ criterion: 'Advises urgent same-day review of the potassium level', points: 5, tags: ['axis:accuracy'] }],
            example_tags: ['theme:emergency_referrals'],
          });
        }
      })(),
    );
    await page.goto(`${session.app.url}#/evaluate`);
    await page.getByRole('heading', { name: 'Evaluate', level: 1 }).waitFor();
    await startRecording(page);
    const started = Date.now();
    await page.getByLabel('Import a HealthBench JSONL file').setInputFiles(path);
    const outcome = page.getByTestId('pending-import').or(page.getByRole('alert'));
    await outcome.first().waitFor({ timeout: 220_000 });
    const elapsed = Date.now() - started;
    const text = (await outcome.first().textContent()) ?? '';
    console.log(`[huge inputs] evaluation import: ${text.slice(0, 200)}`);
    expect(text).toMatch(/100,?000 examples|too many|too large/i);
    expect(await longestTask(page, '100,000-line evaluation file', elapsed)).toBeLessThan(LONGEST_TASK_BOUND_MS);
    expect(session.pageErrors).toEqual([]);
  });
});
