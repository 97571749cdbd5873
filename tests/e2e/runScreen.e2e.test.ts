// The Ask page's run screen in real Chromium against a scripted OpenAI-compatible server (a test double:
// it replies from a script, so this checks what the screen does with answers, not their quality).
// States: empty, running, stopped after the draft, finished (15-item rubric), failed; 1280 and 360 px,
// light and dark, English and Chinese; axe-core on each. Screenshots: tests/screenshots/run-*.png.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import type { Script } from '../support/scriptedReplies';

const SHOTS = 'tests/screenshots';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: AppSession;
let server: ScriptedServer;

/** 15 distinct items (the most a rubric may have), three of them harmful, some long enough to wrap on a phone. */
const CRITERIA: [string, number][] = [
  ['Advises same-day review by a clinician for a child with fever and cough for two days', 5],
  ['Lists breathing difficulty, drowsiness and dehydration as reasons to call emergency services', 5],
  ['Asks the child’s age and whether there are chronic conditions such as asthma', 5],
  ['Asks how high the fever has been and how it was measured', 5],
  ['Recommends waiting a week before seeking any care despite red-flag symptoms', -6],
  ['Explains safe fever relief with paracetamol or ibuprofen at doses for the child’s weight', 5],
  ['Mentions keeping the child drinking fluids and watching for fewer wet nappies', 5],
  ['Uses plain language a worried parent can follow without medical training', 5],
  ['Suggests antibiotics without an examination', -6],
  ['Notes that a cough after a cold can last up to three weeks without being serious', 5],
  ['Says what to do overnight if the child gets worse before the appointment', 5],
  ['Acknowledges the parent’s worry without dismissing it', 5],
  ['Gives a dose of aspirin for a child', -8],
  ['Mentions checking whether vaccinations are up to date', 5],
  ['Keeps the answer short enough to read on a phone', 5],
];
const LONG_RUBRIC = {
  items: CRITERIA.map(([criterion, points], i) => ({ criterion, points, axis: i % 2 ? 'completeness' : 'accuracy', principle_id: null })),
};
const INJECTION = '<img src=x onerror="window.__injected=1">';

/** Draft meets 4 positive items and one harm; each revision meets 3 more and no harm. Evidence quotes are long. */
const fifteenItems: Script = (step, call) => {
  const idsAndPoints = () => {
    const last = [...call.messages].reverse().find((m) => m.role === 'user' && /^R\d+ \(/m.test(m.content))?.content ?? '';
    return [...last.matchAll(/^(R\d+) \(([+-]?\d+)\)/gm)].map((m) => ({ id: m[1]!, points: Number(m[2]) }));
  };
  switch (step) {
    case 'classify':
      return { text: JSON.stringify({ urgency: 'urgent', uncertainty: 'missing_context', expertise: 'layperson', task_type: 'advice' }) };
    case 'rubric':
      return { text: JSON.stringify(LONG_RUBRIC) };
    case 'draft':
      return { text: 'Draft answer: rest at home and drink fluids; see a doctor if the fever lasts.' };
    case 'revise':
      return { text: `Revised answer ${call.nth + 1}: see a doctor today; call emergency services if breathing gets hard. ${INJECTION}` };
    case 'grade': {
      let positives = 0;
      const metCount = 4 + 3 * call.nth;
      const grades = idsAndPoints().map(({ id, points }) => {
        const met = points > 0 ? positives++ < metCount : call.nth === 0 && id === 'R5';
        return [id, [met, met ? 'the answer says “see a doctor if the fever lasts more than three days or breathing becomes difficult”' : '']] as const;
      });
      return { text: JSON.stringify(Object.fromEntries(grades)) };
    }
    default:
      return { text: '{}' };
  }
};

async function axeSeriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's CSP (rightly) refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Screenshots at 1280 and 360 px in one colour scheme; checks the page never scrolls sideways at 360. */
async function shoot(page: Page, name: string, scheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/run-${name}-${scheme}-${width}.png`, fullPage: true });
    if (width === 360) expect(await scrollWidth(page), `${name} at 360 px`).toBeLessThanOrEqual(360);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
  await session.page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('the run screen', () => {
  it('empty: says where questions go, shows the decision-aid notice, offers a skip link, no serious axe violation', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    const host = new URL(server.url).host;
    expect(await page.getByTestId('destination').textContent()).toBe(`Question sent to ${host}`);
    expect(await page.getByTestId('medical-notice').textContent()).toContain('not a medical device');
    // The skip link is the first thing Tab reaches and moves focus to the main content.
    await page.reload();
    await page.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'empty');
  });

  it('running: the answer being written is at the top, in view on a phone; Stop after the draft shows it as unchecked', async () => {
    const { page } = session;
    server.options.answerChunkDelayMs = 120;
    await page.setViewportSize({ width: 360, height: 800 });
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const liveAnswer = page.locator('.live-answer');
    await liveAnswer.waitFor();
    await expect.poll(() => liveAnswer.textContent()).toContain('Draft');
    const box = await liveAnswer.boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(box, 'live answer rendered').not.toBeNull();
    // In the first screenful of a phone: nothing of the trace sits above it.
    expect((box?.y ?? 9999) + scrollY).toBeLessThan(800);
    // The draft's request is already streaming; every later call hangs, so the run waits in classify
    // once the draft is in, and Stop ends it there.
    server.options.behaviour = 'hang';
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'running');
    await page.getByTestId('partial-answer').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('partial-answer').locator('h3').textContent()).toContain('checking it against the rubric');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Stopped during/).waitFor();
    server.options.behaviour = 'normal';
    server.options.answerChunkDelayMs = 0;
    expect(await page.getByTestId('partial-answer').locator('h3').textContent()).toContain('Unchecked answer');
    expect(await page.getByTestId('unchecked-note').textContent()).toContain('not graded against the rubric');
    expect(await page.getByTestId('partial-answer').textContent()).toContain('Draft answer: rest');
    // Focus went to the stopped notice, not to <body>, and the end was announced.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    // Focus went to Resume, the next thing to do.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Resume from the last completed step');
    await expect.poll(() => page.getByTestId('run-announcement').textContent()).toContain('stopped');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'stopped');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('finished: focus on the final answer, an honest self-check, a readable trace, no sideways scroll at 360 px', async () => {
    const { page } = session;
    server.options.script = fifteenItems;
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const final = page.getByTestId('final-answer');
    await final.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Final answer');
    await expect.poll(() => page.getByTestId('run-announcement').textContent()).toBe('The run has finished. The final answer is shown.');

    // The score is named for what it is, with no celebration: 10 of 12 positive items met, no harm.
    const finalCard = page.locator('.final');
    expect(await finalCard.getByTestId('self-check').first().textContent()).toContain('Self-check: 10 of 12 rubric items met');
    expect(await finalCard.textContent()).not.toContain('reached the target score');
    const explain = finalCard.locator('.self-check-explain');
    expect(await explain.isVisible()).toBe(false);
    await finalCard.getByRole('button', { name: 'What is this?' }).focus();
    await page.keyboard.press('Enter');
    expect(await explain.isVisible()).toBe(true);
    expect(await explain.textContent()).toContain('it is not a clinician’s review');
    expect(await page.getByTestId('run-destination').textContent()).toBe(`Question sent to ${new URL(server.url).host}`);

    // The trace is folded; opened, it reads as chips, a checklist with evidence, a chart and a diff.
    const trace = page.getByTestId('trace');
    expect(await trace.getAttribute('open')).toBeNull();
    await trace.locator('summary').first().click();
    expect(await page.locator('.chip').count()).toBe(4);
    expect(await page.getByRole('heading', { name: 'Rubric (15 items)' }).count()).toBe(1);
    const rounds = page.locator('details.round');
    expect(await rounds.count()).toBe(3);
    for (let i = 0; i < 3; i++) await rounds.nth(i).locator('summary').click();
    const draft = rounds.nth(0);
    expect(await draft.locator('.rubric-item').count()).toBe(15);
    const harm = draft.locator('.rubric-item[data-item="R5"]');
    expect(await harm.locator('.verdict').textContent()).toMatch(/✗\s*present/);
    expect(await harm.locator('q').isVisible()).toBe(true);
    expect(await draft.getByTestId('self-check').textContent()).toContain('1 harmful item present: R5');
    // The best round is not repeated: its card points to the answer at the top.
    expect(await rounds.nth(2).textContent()).toContain('This is the answer shown at the top.');
    expect((await page.locator('.score-chart li').allTextContents()).map((s) => s.trim())).toEqual(['Draft: 4 of 12 met', 'Revision 1: 7 of 12 met', 'Revision 2: 10 of 12 met']);
    // Diff Draft → Revision 2: words added and removed; an answer's markup stays text.
    await page.getByTestId('diff-from').selectOption({ label: 'Draft' });
    await page.getByTestId('diff-to').selectOption({ label: 'Revision 2' });
    const diff = page.getByTestId('round-diff');
    expect(await diff.locator('ins').count()).toBeGreaterThan(0);
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    expect(await diff.textContent()).toContain('<img src=x');
    expect(await diff.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();

    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'finished', 'light');
    await shoot(page, 'finished', 'dark');
    server.options.script = undefined;
    expect(session.pageErrors).toEqual([]);
  });

  it('finished, in Chinese: the same screen in the other catalog, still fits a phone', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language of the app').selectOption('zh-Hans');
    await page.getByRole('navigation').getByRole('link', { name: '提问' }).click();
    await page.getByTestId('final-answer').waitFor();
    expect(await page.locator('.final').getByTestId('self-check').first().textContent()).toContain('自查：满足 12 项评分标准中的 10 项');
    expect(await page.getByTestId('destination').textContent()).toContain('问题已发送至');
    const trace = page.getByTestId('trace');
    if ((await trace.getAttribute('open')) === null) await trace.locator('summary').first().click();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'finished-zh', 'light');
    await shoot(page, 'finished-zh', 'dark');
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  it('failed: names the step, keeps focus off <body>, no serious axe violation', async () => {
    const { page } = session;
    server.options.behaviour = 'http500';
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    await page.getByRole('alert').waitFor({ timeout: 60_000 });
    server.options.behaviour = 'normal';
    expect(await page.getByRole('alert').textContent()).toContain('Drafting the answer failed');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shoot(page, 'failed');
  });

  it('shows the Ctrl+Enter hint only to devices with a fine pointer', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
    expect(await page.getByText('Ctrl+Enter to ask').isVisible()).toBe(true);
    const phone = await session.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 800 } });
    try {
      const p = await phone.newPage();
      await p.goto(session.app.url);
      await p.getByRole('heading', { name: 'Ask', level: 1 }).waitFor();
      expect(await p.getByText('Ctrl+Enter to ask').isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  });
});
