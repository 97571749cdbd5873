// The first Ask must not freeze the page: the tokenizer loads only for on-device engines, in a Web
// Worker, with visible progress; a 1 MB question is refused at once. The longest main-thread task
// is measured with a 'longtask' PerformanceObserver and printed (this shared 2-core machine is too
// loaded for a 200 ms assertion to be robust; the figure is recorded, not asserted). The server is
// a scripted test double; the GGUF engine runs the project's tiny model for real.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;

/**
 * Records every long task from page start (before the app's own scripts run), and the name of every
 * Worker the page creates (the service worker's precache fetches every file, so requests say nothing).
 */
const LONGTASK_RECORDER = `
  window.__workers = [];
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) { super(url, options); window.__workers.push(options?.name ?? String(url)); }
  };
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(Math.round(e.duration)); })
    .observe({ type: 'longtask', buffered: true });
`;

async function resetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __longtasks: number[] }).__longtasks = []));
}
async function workersCreated(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __workers: string[] }).__workers);
}
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: number[] }).__longtasks));
}

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp({ files: { '/models/tiny.gguf': fixturePath(FIXTURES.tiny) } });
  await session.context.addInitScript(LONGTASK_RECORDER);
  await session.page.reload();
  await session.page.getByRole('navigation').waitFor();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('First Ask without a freeze (Chromium)', () => {
  it('with the server engine never loads the tokenizer, and records the longest task of the first Ask', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await resetLongTasks(page);
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    const longest = await longestTask(page);
    console.log(`[first ask e2e] server engine, first Ask to final answer: longest main-thread task ${longest} ms (budget 200 ms)`);
    expect(await workersCreated(page)).not.toContain('clinrevise-tokenizer');
    expect(session.pageErrors).toEqual([]);
  });

  it('refuses a 1 MB question at once, before anything is sent or loaded', async () => {
    const { page } = session;
    const before = server.requests.length;
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    // Filled by script: typing a megabyte through the input would measure the test, not the app.
    await page.getByLabel('Question', { exact: true }).evaluate((el, text) => {
      const area = el as HTMLTextAreaElement;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'Patient notes: '.padEnd(1_000_000, 'potassium 6.2 mmol/L, ECG peaked T waves. '));
    await resetLongTasks(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/needs about [\d,]+ tokens/);
    const refusedMs = Date.now() - started;
    const longest = await longestTask(page);
    console.log(`[first ask e2e] 1 MB question refused ${refusedMs} ms after Ask; longest main-thread task ${longest} ms (budget 200 ms)`);
    expect(server.requests.length).toBe(before);
  });

  it('with the on-device GGUF engine counts in the tokenizer worker, showing progress while it loads', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await page.getByLabel('GGUF from a URL', { exact: true }).check();
    await page.getByLabel('Model URL').fill('/models/tiny.gguf');
    await page.getByLabel('Context size (tokens)').fill('4096');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    // Passes the cheap length check (under 6 characters a token) but not the exact Qwen3 count.
    const question = `A clinic letter to summarise: ${'The patient reports intermittent chest tightness on exertion. '.repeat(320)}`;
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    await page.getByLabel('Question', { exact: true }).fill(question);
    await resetLongTasks(page);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.getByTestId('tokenizer-progress').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 90_000 }).toMatch(/needs about [\d,]+ tokens but the model's context window holds [\d,]+/);
    const longest = await longestTask(page);
    console.log(`[first ask e2e] GGUF engine, tokenizer loaded in its worker and the question counted: longest main-thread task ${longest} ms (budget 200 ms)`);
    expect(await workersCreated(page)).toContain('clinrevise-tokenizer');
    expect(session.pageErrors).toEqual([]);
  });
});
