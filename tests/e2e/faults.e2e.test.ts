// Runs under faults, in real Chromium against the built app: a hung server, a server that dies
// mid-reply, a tab reloaded mid-run, a damaged stored record, and the GGUF worker dying mid-run.
// The server is the scripted test double; the GGUF part runs the real wllama worker on the tiny model.

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, configureTinyGguf, openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import { seenTexts, shootLightDark, watchTexts } from '../support/pageWatch';

const SHOTS = 'tests/screenshots';
const IDLE_TIMEOUT_SECONDS = 12;

let session: AppSession;
let server: ScriptedServer;
let host: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  host = new URL(server.url).host;
  session = await openApp({ files: { '/models/tiny.gguf': fixturePath(FIXTURES.tiny) } });
  // Keeps a handle on every worker the app starts, so a test can make one die as a crashed wasm would.
  await session.context.addInitScript(() => {
    const workers: Worker[] = [];
    (window as unknown as { __workers: Worker[] }).__workers = workers;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        Object.defineProperty(this, 'debugName', { value: options?.name ?? '' });
        workers.push(this);
      }
    } as typeof Worker;
  });
  await session.page.reload();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

const shoot = (page: Page, name: string) => shootLightDark(page, SHOTS, `faults-${name}`);


describe('a hung server', () => {
  it('Settings shows the idle timeout in the server section, and it can be changed', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    const field = page.getByLabel(/Idle timeout/);
    expect(await field.inputValue()).toBe('120');
    await field.fill(String(IDLE_TIMEOUT_SECONDS));
    // The "Saved." from configuring the server goes with the edit: it is not saved yet (and a wait
    // for "Saved." below would otherwise return before this save lands, and the reload lose it).
    expect(await page.getByText('Saved.', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.', { exact: true }).first().waitFor();
    await page.reload();
    await nav(page, 'Settings');
    expect(await page.getByLabel(/Idle timeout/).inputValue()).toBe(String(IDLE_TIMEOUT_SECONDS));
  });

  it('while waiting shows the time in the step and a live "no reply from <server> for N s"; Stop works', async () => {
    const { page } = session;
    server.options.hangAt = 'draft';
    await watchTexts(page, 'silent', '[data-testid="server-silent"]');
    await ask(page, 'How long should a sprained ankle take to heal?');
    await page.getByTestId('step-elapsed').waitFor();
    const silent = page.getByTestId('server-silent');
    await silent.waitFor({ timeout: 10_000 });
    expect(await silent.textContent()).toMatch(new RegExp(`No reply from ${host.replace(/\./g, '\\.')} for \\d+ s — the run gives up at ${IDLE_TIMEOUT_SECONDS} s`));
    // The line counts on, second by second.
    await expect.poll(async () => new Set(await seenTexts(page, 'silent')).size, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await shoot(page, 'hung-server');
    expect(await page.getByTestId('step-elapsed').textContent()).toMatch(/\d+ sec in this step/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped during: drafting the answer').waitFor({ timeout: 5_000 });
  });

  it('gives up after the idle timeout, saying so once with the server and what to change', async () => {
    const { page } = session;
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    const alert = page.getByRole('alert').filter({ hasText: 'sent nothing' });
    await alert.waitFor({ timeout: (IDLE_TIMEOUT_SECONDS + 10) * 1000 });
    const text = (await alert.textContent()) ?? '';
    expect(text.match(/Drafting the answer failed/g)).toHaveLength(1);
    expect(text).toContain(`sent nothing for ${IDLE_TIMEOUT_SECONDS} s`);
    expect(text).toContain(host);
    expect(text).toMatch(/raise the timeout in Settings/);
    server.options.hangAt = null;
  });
});

describe('the server dies mid-reply', () => {
  it('fails at the revision naming the step once, the server and Resume; Resume continues from the revision', async () => {
    const { page } = session;
    server.options.dieMidReplyAt = 'revise';
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const alert = page.getByRole('alert').filter({ hasText: 'Revising the answer failed' });
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text.match(/Revising the answer failed/g)).toHaveLength(1);
    expect(text).toContain(host);
    expect(text).toMatch(/lost in the middle of its reply/);
    expect(text).toMatch(/press Resume/);
    expect(text).not.toMatch(/Unexpected error|network error/);
    await shoot(page, 'server-died');

    const before = server.requests.length;
    await page.getByRole('button', { name: 'Resume from the last completed step' }).click();
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });
    const resumedSteps = server.requests.slice(before).map((r) => r.step);
    expect(resumedSteps[0]).toBe('revise');
    expect(resumedSteps).not.toContain('draft');
    expect(resumedSteps).not.toContain('classify');
    expect(resumedSteps).not.toContain('rubric');
  });
});

describe('a tab reloaded mid-run', () => {
  it('records the step the run really died in, lists it as interrupted, and resumes from there', async () => {
    const { page } = session;
    server.options.hangAt = 'classify';
    await ask(page, 'What should I do about a bee sting on my hand?');
    await page.getByText('Classifying the question…').waitFor({ timeout: 15_000 });
    await page.reload();
    await nav(page, 'Ask');
    const note = page.getByTestId('interrupted-note');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toContain('interrupted during: classifying the question');
    await nav(page, 'History');
    await expect.poll(() => page.locator('li', { hasText: 'bee sting' }).textContent()).toContain('interrupted');

    server.options.hangAt = null;
    const before = server.requests.length;
    await nav(page, 'Ask');
    await page.getByRole('button', { name: 'Resume from the last completed step' }).click();
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });
    expect(server.requests.slice(before).map((r) => r.step)[0]).toBe('classify');
  });
});

describe('a damaged stored run', () => {
  it('still shows what can be shown, with a note naming what was left out', async () => {
    const { page } = session;
    const id = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('clinrevise');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<Record<string, unknown>[]>((resolve) => {
        const request = db.transaction('runs').objectStore('runs').getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      });
      const source = all.find((r) => r.status === 'done' && Array.isArray(r.pool) && (r.pool as unknown[]).length > 0)!;
      const pool = source.pool as unknown[];
      const damaged: Record<string, unknown> = {
        ...source,
        id: 'damaged-run',
        question: 'A damaged record: repeated principle ids and no options',
        createdAt: Date.now(),
        pool: [...pool, pool[0]],
      };
      delete damaged.options;
      // A second one without its question, which the History list itself must survive.
      const questionless: Record<string, unknown> = { ...damaged, id: 'damaged-no-question', createdAt: Date.now() - 1 };
      delete questionless.question;
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('runs', 'readwrite');
        tx.objectStore('runs').put(damaged);
        tx.objectStore('runs').put(questionless);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { id: damaged.id as string, poolSize: pool.length };
    });
    const errorsBefore = session.pageErrors.length;
    await page.goto(`${session.app.url}#/history/${id.id}`);
    await page.getByRole('heading', { name: /A damaged record/ }).waitFor({ timeout: 10_000 });
    const note = page.getByTestId('record-repaired');
    expect(await note.textContent()).toMatch(/could not be read .*: principles and run settings/);
    await page.getByTestId('final-answer').waitFor();
    await page.getByTestId('trace').locator('summary').first().click();
    expect(await page.getByRole('heading', { name: /Principles used/ }).textContent()).toContain(`(${id.poolSize})`);
    await shoot(page, 'damaged-record');
    // The History list shows it too, next to the others.
    await nav(page, 'History');
    await page.getByRole('link', { name: /A damaged record/ }).waitFor({ timeout: 10_000 });
    await page.locator('li[data-run-id="damaged-no-question"]').waitFor();
    expect(await page.getByRole('link', { name: /fever and a cough/ }).count()).toBeGreaterThan(0);
    expect(session.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('the GGUF worker dies mid-run (real wllama, tiny model)', () => {
  it('fails at that step naming the engine, and Resume loads a fresh engine and continues from there', { timeout: 300_000 }, async () => {
    const { page } = session;
    await configureTinyGguf(page);

    await ask(page, 'How long should a sprained ankle take to heal?');
    await page.getByText('Writing the rubric…').waitFor({ timeout: 120_000 });
    const draft = await page.locator('[data-testid="partial-answer"] .markdown').textContent();
    // The worker goes as a wasm abort takes it: gone, with an error event on the page's side.
    const crashed = await page.evaluate(() => {
      const workers = (window as unknown as { __workers: (Worker & { debugName?: string })[] }).__workers;
      const gguf = workers.filter((w) => w.debugName === 'clinrevise-gguf');
      for (const w of gguf) {
        w.terminate();
        w.dispatchEvent(new ErrorEvent('error', { message: 'RuntimeError: Aborted(OOM)' }));
      }
      return gguf.length;
    });
    expect(crashed).toBeGreaterThan(0);
    const alert = page.getByRole('alert').filter({ hasText: 'Writing the rubric failed' });
    await alert.waitFor({ timeout: 15_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text.match(/Writing the rubric failed/g)).toHaveLength(1);
    expect(text).toContain('The in-browser model engine failed (RuntimeError: Aborted(OOM))');
    await shoot(page, 'gguf-crashed');

    await watchTexts(page, 'steps', '.step-progress span');
    const ggufWorkers = () =>
      page.evaluate(() => (window as unknown as { __workers: (Worker & { debugName?: string })[] }).__workers.filter((w) => w.debugName === 'clinrevise-gguf').length);
    const before = await ggufWorkers();
    await page.getByRole('button', { name: 'Resume from the last completed step' }).click();
    // A fresh engine: a new worker loads the model again (the dead one would fail the resumed run at once).
    await expect.poll(ggufWorkers, { timeout: 60_000 }).toBeGreaterThan(before);
    // The load bar may not have appeared yet when this looks, so the step's own wait covers the load
    // too: a loaded CI machine takes longer than the 30 s default to compile wllama again.
    await page.locator('.load-progress').waitFor({ state: 'hidden', timeout: 120_000 });
    await page.getByText('Writing the rubric…').waitFor({ timeout: 120_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped during: writing the rubric').waitFor({ timeout: 15_000 });
    const steps = await seenTexts(page, 'steps');
    // Resumed at the rubric: the draft and the classification were not done again.
    expect(steps).not.toContain('Drafting the answer…');
    expect(steps).not.toContain('Classifying the question…');
    expect(await page.locator('[data-testid="partial-answer"] .markdown').textContent()).toBe(draft);
  });
});
