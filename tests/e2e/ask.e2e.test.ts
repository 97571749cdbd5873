// The foundation journey in real Chromium against the built app and a scripted OpenAI-compatible
// server (a test double: it replies from a script, so this verifies plumbing, not answer quality).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Ask → History in Chromium', () => {
  it('shows an inline message for an empty question and sends nothing', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    await page.getByLabel('Question', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Type a question first');
    expect(server.requests).toHaveLength(0);
  });

  it('runs the whole loop and shows scenario, principles, rubric, rounds and the final answer', async () => {
    const { page } = session;
    const question = 'My son has had a fever and a cough for two days. Should he see a doctor?';
    await ask(page, question);
    const final = page.getByTestId('final-answer');
    await final.waitFor({ timeout: 30_000 });
    expect(await final.textContent()).toMatch(/Revised answer 2/);
    expect(await page.locator('[data-dimension="urgency"]').textContent()).toBe('urgent');
    // The trace sits below the answer, folded.
    await page.getByTestId('trace').locator('summary').first().click();
    expect(await page.getByRole('heading', { name: /Principles used/ }).textContent()).toMatch(/\(\d+\)/);
    expect(await page.locator('ul.rubric').first().locator('.rubric-item').count()).toBe(5);
    expect(await page.locator('details.round').count()).toBe(3);
    expect(server.requests.map((r) => r.step)).toEqual(['draft', 'classify', 'rubric', 'grade', 'revise', 'grade', 'revise', 'grade']);
    expect(session.pageErrors).toEqual([]);
  });

  it('takes the rule classifier’s scenario without a model call when it is confident, and says so; screenshots at 1280 and 360 px', async () => {
    const { page } = session;
    const before = server.requests.length;
    await ask(page, 'My dad suddenly cannot lift his right arm and his speech is slurred, it started 20 minutes ago. What do I do?');
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });
    expect(server.requests.slice(before).map((r) => r.step)).not.toContain('classify');
    await page.getByTestId('trace').locator('summary').first().click();
    expect(await page.locator('[data-dimension="urgency"]').textContent()).toBe('emergent');
    const note = page.locator('[data-scenario-source="rules"]');
    expect(await note.textContent()).toMatch(/rule classifier, which was confident/);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      const card = page.locator('section[aria-labelledby="scenario-h"]');
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `tests/screenshots/scenario-rules-${width}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the run after a reload and reopens it from History', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    const entry = page.getByRole('link', { name: /fever and a cough/ });
    await entry.click();
    await page.getByTestId('final-answer').waitFor();
    expect(await page.getByTestId('final-answer').textContent()).toMatch(/Revised answer 2/);
  });

  it('Stop cancels a run mid-answer and History records it as stopped', async () => {
    const { page } = session;
    server.options.answerChunkDelayMs = 150;
    await ask(page, 'How long should a sprained ankle take to heal?');
    await page.locator('.live-answer').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Stopped during/).waitFor();
    server.options.answerChunkDelayMs = 0;
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    const row = page.locator('li', { hasText: 'sprained ankle' });
    await expect.poll(() => row.textContent()).toContain('stopped');
  });

  it('names the server and the step when the server is down, and saves the run as failed', async () => {
    const { page } = session;
    const down = await startScriptedServer();
    const url = down.url;
    await down.close();
    await configureServer(page, url);
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('Drafting the answer failed');
    expect(text).toContain(new URL(url).host);
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect.poll(() => page.locator('li', { hasText: 'ibuprofen' }).textContent()).toContain('failed');
  });
});
