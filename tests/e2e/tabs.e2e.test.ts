// Two tabs of the app in one Chromium profile (shared Web Locks and BroadcastChannel): the server
// engine runs in both at once; the on-device engine (real wllama, the tiny GGUF model) is held by one
// tab at a time, the other says which tab holds it, waits, or takes it over.

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureServer, configureTinyGguf, openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import { shootLightDark } from '../support/pageWatch';

const SHOTS = 'tests/screenshots';

let session: AppSession;
let server: ScriptedServer;
let second: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp({ files: { '/models/tiny.gguf': fixturePath(FIXTURES.tiny) } });
  second = await session.context.newPage();
  second.on('pageerror', (err) => session.pageErrors.push(`second tab: ${err.message}`));
  await second.goto(session.app.url);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** Asks on the Ask page; the exact label, so Settings' "Principles per question" never matches mid-navigation. */
async function ask(page: Page, question: string): Promise<void> {
  await nav(page, 'Ask');
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

const shoot = (page: Page, name: string) => shootLightDark(page, SHOTS, `tabs-${name}`);

describe('two tabs', () => {
  it('the server engine needs no lock: both tabs run at the same time', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await second.reload();
    server.options.answerChunkDelayMs = 40;
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await ask(second, 'How long should a sprained ankle take to heal?');
    await page.locator('.live-answer').waitFor({ timeout: 15_000 });
    await second.locator('.live-answer').waitFor({ timeout: 15_000 });
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    await second.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    expect(await second.getByTestId('engine-in-other-tab').count()).toBe(0);
    server.options.answerChunkDelayMs = 0;
  });

  it('the on-device engine is held by one tab; the other says which tab holds it and can take it over', { timeout: 300_000 }, async () => {
    const { page } = session;
    await configureTinyGguf(page);
    await second.reload();

    // The first tab loads the model and runs.
    await ask(page, 'What should I do about a bee sting on my hand?');
    await page.locator('.step-progress').waitFor({ timeout: 120_000 });

    // The second tab finds the model taken, and says by whom.
    await ask(second, 'Is it safe to take ibuprofen with a cold?');
    const notice = second.getByTestId('engine-in-other-tab');
    await notice.waitFor({ timeout: 15_000 });
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toMatch(/The on-device model is in use in another tab \(Ask, since \d{1,2}:\d{2}( [AP]M)?\)/);
    expect(await notice.textContent()).toMatch(/waits and starts by itself/);
    expect(await second.locator('.load-progress').count()).toBe(0);
    await shoot(second, 'engine-in-other-tab');

    // Take over: the first tab stops its run at its step and unloads; the second loads and runs.
    await notice.getByRole('button', { name: 'Take over' }).click();
    await page.getByTestId('engine-handed-over').waitFor({ timeout: 30_000 });
    await page.getByText(/Stopped during/).waitFor({ timeout: 30_000 });
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    await second.locator('.step-progress').waitFor({ timeout: 120_000 });
    await shoot(page, 'engine-handed-over');

    // Now the first tab waits in line, and gets the model by itself when the holder goes away.
    await ask(page, 'What should I do about a bee sting on my hand?');
    const waiting = page.getByTestId('engine-in-other-tab');
    await waiting.waitFor({ timeout: 15_000 });
    await expect.poll(() => waiting.textContent(), { timeout: 10_000 }).toMatch(/in use in another tab \(Ask, since/);
    await second.close();
    await waiting.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.step-progress').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Stopped during/).waitFor({ timeout: 30_000 });
    expect(session.pageErrors).toEqual([]);
  });
});
