// The revision loop's browser-side pieces in real Chromium, against the built app and the scripted
// OpenAI-compatible server (a test double): the server engine never loads the Qwen3 tokenizer (its
// model's tokenizer is unknown, so the budget uses a conservative count), the context budget, and the
// grading-mode option. The tokenizer worker of the on-device engines is covered by firstAsk.e2e.

import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumRunTokens } from '../../src/lib/core/pipeline/budget';
import { roughTokenCount } from '../../src/lib/core/pipeline/tokens';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
/** Sizes of the JavaScript files the page fetched, in order. */
const scripts: { url: string; bytes: number }[] = [];

async function recordScript(response: Response): Promise<void> {
  if (!response.url().endsWith('.js')) return;
  const body = await response.body().catch(() => null);
  if (body) scripts.push({ url: response.url(), bytes: body.length });
}

const TOKENIZER_MIN_BYTES = 1_000_000;

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp();
  session.page.on('response', (r) => void recordScript(r));
  await session.page.reload();
  await session.page.getByRole('navigation').waitFor();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Saves the revision-loop options form with the given grading mode. */
async function chooseGrading(mode: 'batched' | 'per-item'): Promise<void> {
  const { page } = session;
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const form = page.locator('form', { has: page.getByLabel('Grading') });
  await form.getByLabel('Grading').selectOption(mode);
  // The loop options save as they change (Settings has one Save button, the engine's). Wait for the
  // page to say so before reloading: a reload while the write is in flight (a loaded CI machine) loses it.
  await page.getByText('Saved. The next question uses these settings.').waitFor({ timeout: 15_000 });
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByLabel('Grading').inputValue();
    })
    .toBe(mode);
}

describe('the revision loop in Chromium', () => {
  it('never fetches the Qwen3 tokenizer with the server engine, and grades per item when chosen', async () => {
    const { page } = session;
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.bytes > TOKENIZER_MIN_BYTES)).toEqual([]);

    await configureServer(page, server.url);
    await chooseGrading('per-item');
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });

    expect(scripts.filter((s) => s.bytes > TOKENIZER_MIN_BYTES)).toEqual([]);
    const items = 5;
    const gradeRound = Array<string>(items).fill('grade_item');
    expect(server.requests.map((r) => r.step)).toEqual([
      'draft', 'classify', 'rubric', ...gradeRound, 'revise', ...gradeRound, 'revise', ...gradeRound,
    ]);
    expect(await page.getByTestId('final-answer').textContent()).toMatch(/Revised answer 2/);
    expect(session.pageErrors).toEqual([]);
    await chooseGrading('batched');
  });

  it('refuses a question too long for the context window with the conservative count, and sends nothing', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Context window (tokens)').fill('4096');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    const before = server.requests.length;

    const question = `Please summarise: ${'the '.repeat(2200)}`;
    const needed = await minimumRunTokens(question.trim(), roughTokenCount);
    expect(needed).toBeGreaterThan(4096);

    await ask(page, question);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(`needs about ${needed.toLocaleString('en-US')} tokens`);
    expect(await alert.textContent()).toContain('4,096');
    expect(server.requests.length).toBe(before);
  });
});
