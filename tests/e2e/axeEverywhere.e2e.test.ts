// axe-core on every page and state, in real Chromium against the scripted OpenAI-compatible server (a
// test double: answers come from a script). Zero serious or critical violations, in light and dark.
// Pages and states: Ask (empty, running, finished, failed, follow-up), History (empty, with runs,
// search without results), Settings (each engine), Principles (list, detail, editing), Rubrics (list,
// editing), Evaluate (empty, report).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const QUESTION = 'My son has had a fever and a cough for two days. Should he see a doctor?';

let session: AppSession;
let server: ScriptedServer;

/** Serious and critical axe violations on the page as it is, in light and in dark. */
async function violations(page: Page, state: string): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's CSP (rightly) refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ passes: unknown[]; violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const { violations, passes } = await axe.run(document);
      // A run that checked nothing would pass vacuously.
      if (passes.length < 10) return [`axe checked only ${passes.length} rules`];
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    found.push(...result.map((r) => `${state} (${scheme}) ${r}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp();
  await session.page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('axe-core on every page and state', () => {
  it('History, empty', async () => {
    const { page } = session;
    await nav(page, 'History');
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await page.getByText(/No runs yet|no runs/i).first().waitFor();
    expect(await violations(page, 'history empty')).toEqual([]);
  });

  it('Settings, each engine', async () => {
    const { page } = session;
    await nav(page, 'Settings');
    for (const engine of [/On this device/, /GGUF/, /OpenAI-compatible server/]) {
      await page.getByRole('radio', { name: engine }).check();
      expect(await violations(page, `settings ${engine.source}`)).toEqual([]);
    }
  });

  it('Ask: empty, running, finished (with its follow-up box), failed', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await nav(page, 'Ask');
    await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
    expect(await violations(page, 'ask empty')).toEqual([]);

    server.options.answerChunkDelayMs = 150;
    await ask(page, QUESTION);
    await page.locator('.live-answer').waitFor();
    expect(await violations(page, 'ask running')).toEqual([]);
    server.options.answerChunkDelayMs = 0;
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
    await page.getByTestId('trace').locator('summary').first().click();
    expect(await violations(page, 'ask finished')).toEqual([]);

    await page.getByTestId('follow-up').getByLabel('Follow-up question').fill('He is 4. Does that change anything?');
    await page.getByRole('button', { name: 'Ask follow-up' }).click();
    await page.getByTestId('earlier-turns').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.run[data-status="done"]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await page.getByTestId('earlier-turns').locator('summary').first().click();
    expect(await violations(page, 'ask follow-up')).toEqual([]);

    await page.getByRole('button', { name: 'Re-run with other settings' }).last().click();
    await page.getByTestId('rerun').waitFor();
    expect(await violations(page, 'ask re-run')).toEqual([]);
    await page.getByRole('button', { name: 'Start a new question instead' }).click();

    server.options.behaviour = 'http500';
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    await page.getByRole('alert').first().waitFor({ timeout: 60_000 });
    server.options.behaviour = 'normal';
    expect(await violations(page, 'ask failed')).toEqual([]);
  });

  it('History: with runs, a run opened, a search without results', async () => {
    const { page } = session;
    await nav(page, 'History');
    await page.getByRole('link', { name: QUESTION }).first().waitFor();
    expect(await violations(page, 'history with runs')).toEqual([]);
    await page.getByLabel('Search questions and answers').fill('zzzz-nothing-matches-this');
    await expect.poll(() => page.getByRole('link', { name: QUESTION }).count()).toBe(0);
    expect(await violations(page, 'history search no results')).toEqual([]);
    await page.getByLabel('Search questions and answers').fill('');
    await page.getByRole('link', { name: QUESTION }).first().click();
    await page.getByTestId('final-answer').waitFor();
    expect(await violations(page, 'history run')).toEqual([]);
  });

  it('Principles: list, detail, editing', async () => {
    const { page } = session;
    await nav(page, 'Principles');
    await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
    const items = page.getByRole('list', { name: 'Principles' }).locator('[data-principle-id]');
    await items.first().waitFor();
    expect(await violations(page, 'principles list')).toEqual([]);
    await items.first().getByRole('button').click();
    const detail = page.locator('.principle-detail');
    await detail.waitFor();
    expect(await violations(page, 'principle detail')).toEqual([]);
    await detail.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: /^Edit / }).waitFor();
    expect(await violations(page, 'principle editing')).toEqual([]);
  });

  it('Rubrics: list, editing', async () => {
    const { page } = session;
    await nav(page, 'Rubrics');
    await page.getByRole('heading', { name: 'Rubrics', level: 1 }).waitFor();
    expect(await violations(page, 'rubrics list (no reviews)')).toEqual([]);
    // A run's rubric, opened for review from the run, edited and saved; then the list has it.
    await nav(page, 'History');
    await page.getByRole('link', { name: QUESTION }).first().click();
    await page.getByRole('link', { name: 'Review rubric' }).first().click();
    await page.getByTestId('rubric-item').first().waitFor();
    await page.getByRole('button', { name: 'Add item' }).click();
    expect(await violations(page, 'rubric editing')).toEqual([]);
    await page.getByTestId('rubric-item').last().getByRole('textbox').first().fill('Asks whether the child is drinking');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await nav(page, 'Rubrics');
    await page.getByRole('link', { name: QUESTION }).first().waitFor();
    expect(await violations(page, 'rubrics list')).toEqual([]);
  });

  it('Evaluate: empty, a report', async () => {
    const { page } = session;
    await nav(page, 'Evaluate');
    await page.getByRole('heading', { name: 'Evaluate', level: 1 }).waitFor();
    expect(await violations(page, 'evaluate empty')).toEqual([]);
    await page.getByRole('button', { name: 'Load the demo set' }).click();
    await page.getByTestId('pending-import').waitFor();
    await page.getByRole('radio', { name: /^Plain/ }).check();
    await page.getByLabel('Replies at once').fill('4');
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    await expect.poll(() => page.getByTestId('overall-plain').textContent(), { timeout: 120_000 }).toMatch(/n=\d+/);
    await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached', timeout: 120_000 });
    await page.locator('details.example summary').first().click();
    expect(await violations(page, 'evaluate report')).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
