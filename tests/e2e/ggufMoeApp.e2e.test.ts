// The whole app loop on a mixture-of-experts model in headless Chromium: the tiny qwen3moe picked in
// Settings, described from its header (experts, active parameters), then one revision run in Ask.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';

let session: AppSession;

beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

const openSettings = (page: Page) => page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();

describe('the app on a mixture-of-experts GGUF (real wllama in Chromium, tiny qwen3moe)', () => {
  it('stores the model, shows its experts and active parameters, and runs the whole revision loop on it', { timeout: 300_000 }, async () => {
    const { page } = session;
    await openSettings(page);
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await expect.poll(() => page.getByLabel('GGUF file on this computer', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Choose a GGUF file').setInputFiles(fixturePath(FIXTURES.moe));
    const card = page.getByTestId('gguf-model-card');
    await card.waitFor();
    const fact = (name: string) => card.locator(`[data-fact="${name}"]`).textContent();
    expect(await fact('architecture')).toBe('qwen3moe');
    expect(await fact('experts')).toBe('8, 2 used per token');
    expect(await fact('parameters')).toMatch(/^\s*618\s?K\s*\(323\s?K active per token\)\s*$/);
    expect(await page.getByRole('radio', { name: /^tiny-moe\.gguf/ }).isChecked()).toBe(true);
    // Every character is a token for this model, so the pipeline's prompts need a long window.
    await page.getByLabel('Context size (tokens)').fill('16384');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();

    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page
      .getByTestId('final-answer')
      .waitFor({ timeout: 280_000 })
      .catch(async (err: unknown) => {
        // Say where the run stood, so a slow machine can be told from a stuck run.
        throw new Error(`${err instanceof Error ? err.message : String(err)}\nOn screen: ${(await page.evaluate(() => document.body.innerText)).slice(0, 3000)}`);
      });
    expect(await page.locator('details.round').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('ul.rubric').first().locator('.rubric-item').count()).toBeGreaterThan(0);
    expect(await page.locator('.run header .muted').textContent()).toContain('tiny-moe.gguf · F32 · llama.cpp in this browser');
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect.poll(() => page.locator('li', { hasText: 'fever and a cough' }).textContent()).not.toContain('failed');
    expect(session.pageErrors).toEqual([]);
  });
});
