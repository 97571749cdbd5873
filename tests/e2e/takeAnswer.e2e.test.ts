// Taking a finished answer away, in real Chromium against a scripted OpenAI-compatible server (a test
// double: it checks what the screen does with answers, not their quality): copy formatted and plain,
// print (a print stylesheet), Markdown and JSON export, re-run with other settings, and follow-up
// questions in one conversation, reopened from History with every turn.
// Screenshots: tests/screenshots/take-*.png.

import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

const SHOTS = 'tests/screenshots';
const QUESTION = 'My son has had a fever and a cough for two days. Should he see a doctor?';
const FINAL = 'Revised answer 2: see a doctor today; call emergency services if it gets worse.';
const FOLLOW_UP = 'He is 4 years old. Does that change anything?';

let session: AppSession;
let server: ScriptedServer;

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/take-${name}-${scheme}-${width}.png`, fullPage: true });
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 360 px`).toBeLessThanOrEqual(360);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

async function finishedRun(page: Page, question: string): Promise<void> {
  await ask(page, question);
  await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.app.url });
  await session.page.setViewportSize({ width: 1280, height: 900 });
  await configureServer(session.page, server.url);
  await finishedRun(session.page, QUESTION);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('taking a finished answer away', () => {
  it('copies the answer formatted (HTML and plain text) and as plain text', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('Copied the final answer.').waitFor();
    const flavours = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) => (item!.types.includes(type) ? (await item!.getType(type)).text() : null);
      return { types: [...item!.types], html: await read('text/html'), plain: await read('text/plain') };
    });
    expect(flavours.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(flavours.html).toContain('<p>');
    expect(flavours.html).toContain('see a doctor today');
    expect(flavours.plain).toBe(FINAL);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await page.getByText('Copied the final answer as plain text.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FINAL);
  });

  it('prints the question, final answer, self-check line and notice — not the app around them', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'print' });
    try {
      const visible = async (selector: string) => page.locator(selector).first().isVisible();
      expect(await visible('.run-question')).toBe(true);
      expect(await visible('[data-testid="final-answer"]')).toBe(true);
      expect(await visible('.final [data-testid="self-check"]')).toBe(true);
      expect(await visible('[data-testid="medical-notice"]')).toBe(true);
      for (const chrome of ['.topbar', '.question-form', '[data-testid="trace"]', '.answer-actions', '[data-testid="follow-up"]', '.page > h1'])
        expect(await visible(chrome), `${chrome} is not printed`).toBe(false);
      await page.pdf({ path: `${SHOTS}/take-print.pdf` }).catch(() => undefined);
      await page.screenshot({ path: `${SHOTS}/take-print-1280.png`, fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('exports the run as Markdown and as JSON', async () => {
    const { page } = session;
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/^clinrevise-run-[\w-]+\.md$/);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain(`## Question\n\n${QUESTION}`);
    expect(markdown).toContain(`## Final answer\n\n${FINAL}`);
    expect(markdown).toMatch(/\*Self-check: \d+ of \d+ rubric items met/);
    expect(markdown).toContain('not a medical device');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const run = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { question: string; final: { answer: string }; rounds: unknown[] };
    expect(run.question).toBe(QUESTION);
    expect(run.final.answer).toBe(FINAL);
    expect(run.rounds.length).toBe(3);
  });

  it('re-runs with other settings: the question prefilled, this run’s options editable, the saved defaults untouched', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Re-run with other settings' }).click();
    const rerun = page.getByTestId('rerun');
    await rerun.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rerun-h');
    expect(await page.getByLabel('Question', { exact: true }).inputValue()).toBe(QUESTION);
    expect(await rerun.getByLabel('Revisions at most').inputValue()).toBe('2');
    await rerun.getByLabel('Revisions at most').fill('0');
    await shoot(page, 'rerun');
    const before = server.requests.length;
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => page.locator('.final').textContent(), { timeout: 60_000 }).toContain('the revision limit was reached');
    const steps = server.requests.slice(before).map((r) => r.step);
    expect(steps).toContain('draft');
    expect(steps).not.toContain('revise');
    expect(await rerun.count()).toBe(0);
    // Settings still hold the default of 2 revisions.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    expect(await page.getByLabel('Revisions at most').inputValue()).toBe('2');
  });

  it('follow-up questions: earlier turns go to the model, each turn has its own trace, History reopens the conversation', async () => {
    const { page } = session;
    await finishedRun(page, QUESTION);
    const followUp = page.getByTestId('follow-up');
    await followUp.getByLabel('Follow-up question').fill(FOLLOW_UP);
    const before = server.requests.length;
    await followUp.getByRole('button', { name: 'Ask follow-up' }).click();
    // The box goes away as the turn starts; focus waits on the run's heading (then the new turn's), never <body>.
    await followUp.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('run-question');
    await expect.poll(() => page.locator('.run-question').last().textContent(), { timeout: 60_000 }).toBe(FOLLOW_UP);
    await page.getByTestId('final-answer').last().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.run[data-status="done"] .run-question').allTextContents()).toContain(FOLLOW_UP);
    // The draft call of the follow-up carries the first question and its final answer as earlier turns.
    const draft = server.requests.slice(before).find((r) => r.step === 'draft');
    const contents = draft!.body.messages.map((m) => `${m.role}: ${m.content}`);
    expect(contents).toEqual(expect.arrayContaining([`user: ${QUESTION}`, `assistant: ${FINAL}`]));
    expect(contents.at(-1)).toContain(FOLLOW_UP);
    // The earlier turn is on screen, folded, with its own answer and trace.
    const earlier = page.getByTestId('earlier-turns');
    await earlier.waitFor();
    expect(await earlier.locator('summary').first().textContent()).toBe('Earlier in this conversation (1 turn)');
    await earlier.locator('summary').first().click();
    expect(await earlier.locator('.run-question').textContent()).toBe(QUESTION);
    expect(await earlier.getByTestId('trace').count()).toBe(1);
    await shoot(page, 'follow-up');

    // History: the follow-up's run reopens with the whole conversation.
    const runId = await page.evaluate(() => location.hash);
    expect(runId).toBe('#/ask');
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('link', { name: FOLLOW_UP }).first().click();
    await page.getByTestId('earlier-turns').waitFor();
    await page.getByTestId('earlier-turns').locator('summary').first().click();
    expect(await page.getByTestId('earlier-turns').locator('.run-question').textContent()).toBe(QUESTION);
    expect(await page.locator('main .run-question').last().textContent()).toBe(FOLLOW_UP);
    await shoot(page, 'history-conversation');
    // The same conversation in Chinese: actions, follow-up box and earlier turns from the catalog.
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.locator('#ui-language').selectOption('zh-Hans');
    await page.goBack();
    await page.getByTestId('earlier-turns').waitFor();
    expect(await page.getByTestId('earlier-turns').locator('summary').first().textContent()).toBe('本次对话中较早的内容（1 轮）');
    expect(await page.getByRole('group', { name: '带走这个回答' }).getByRole('button').allTextContents()).toEqual(['复制', '复制为纯文本', '打印', '导出 Markdown', '导出 JSON', '用其他设置重新运行']);
    expect(await page.getByTestId('follow-up').getByRole('button').textContent()).toBe('追问');
    await shoot(page, 'history-conversation-zh');
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.locator('#ui-language').selectOption('en');
    expect(session.pageErrors.join('\n')).toBe('');
  });
});
