// The Evaluate page and Settings → "Check this model" in real Chromium against the built app and the
// scripted OpenAI-compatible server (a test double: it replies from a script, so this verifies the
// plumbing end to end — import, runs, persistence, Stop/resume, report — never model quality).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalibrationSet } from '../../src/lib/core/eval/modelCheck';
import { configureServer, openApp, type AppSession } from '../support/appDriver';
import { SCRIPTS, healthBenchGradingCall, type Script } from '../support/scriptedReplies';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const SHOTS = 'tests/screenshots';
const demo = readFileSync('datasets/healthbench-demo.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { rubrics: unknown[] });
const DEMO_ITEMS = demo.reduce((n, e) => n + e.rubrics.length, 0);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startScriptedServer();
  session = await openApp();
  await configureServer(session.page, server.url);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openEvaluate(page: Page): Promise<void> {
  await page.goto(`${session.app.url}#/evaluate`);
  await page.getByRole('heading', { name: 'Evaluate', level: 1 }).waitFor();
}

/** Loads the demo set and starts it in `mode`, one reply at a time (the script's counters are per run). */
async function startDemo(page: Page, mode: 'Plain' | 'Revised' | 'Both'): Promise<void> {
  await openEvaluate(page);
  await page.getByRole('button', { name: 'Load the demo set' }).click();
  await page.getByTestId('pending-import').getByText('28 examples').waitFor();
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByLabel('Replies at once').fill('1');
  await page.getByRole('button', { name: 'Start evaluation' }).click();
}

/** Waits until the evaluation shown has ended (its stored status is no longer "running"). */
async function waitForFinish(page: Page): Promise<void> {
  await page.locator('.eval-report:not([data-status="running"])').waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached' });
}

describe('Evaluate in Chromium', () => {
  it('plain: every demo example answered once and every item graded in its own call', async () => {
    const { page } = session;
    const before = server.requests.length;
    await startDemo(page, 'Plain');
    await waitForFinish(page);
    const steps = server.requests.slice(before).map((r) => r.step);
    expect(steps.filter((s) => s === 'draft')).toHaveLength(28);
    expect(steps.filter((s) => s === 'hb_grade')).toHaveLength(DEMO_ITEMS);
    expect(await page.getByTestId('overall-plain').textContent()).toMatch(/Plain\d+\.\d%± \d+\.\d · n=28/);
    expect(await page.getByTestId('overall-revised').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('revised: the full loop per example; the script makes every revised reply meet every positive item', async () => {
    const { page } = session;
    const before = server.requests.length;
    await startDemo(page, 'Revised');
    await waitForFinish(page);
    const steps = server.requests.slice(before).map((r) => r.step);
    // One loop per example; the model classifies those the rule classifier is not confident about.
    expect(steps.filter((s) => s === 'draft')).toHaveLength(28);
    expect(steps.filter((s) => s === 'classify').length).toBeLessThan(28);
    expect(steps.filter((s) => s === 'revise').length).toBeGreaterThanOrEqual(28);
    expect(steps.filter((s) => s === 'hb_grade')).toHaveLength(DEMO_ITEMS);
    expect(await page.getByTestId('overall-revised').textContent()).toMatch(/100\.0%/);
  });

  it('both: plain and revised side by side, the difference, charts and drill-down; screenshots at 1280 and 360 px', async () => {
    const { page } = session;
    await startDemo(page, 'Both');
    await page.getByTestId('eval-count').waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/evaluate-running-1280.png` });
    await waitForFinish(page);
    expect(await page.getByTestId('difference').textContent()).toMatch(/Revised − plain\+\d+\.\d pts95% CI \+\d+\.\d pts to \+\d+\.\d pts/);
    const themes = page.getByRole('figure', { name: 'By theme' });
    expect(await themes.locator('.chart-row').count()).toBe(7);
    expect(await themes.locator('.chart-row').first().locator('.chart-track').count()).toBe(2);
    expect(await page.getByRole('figure', { name: 'By axis' }).locator('.chart-row').count()).toBe(5);
    const example = page.locator('details.example[data-prompt-id="demo-cs-03"]');
    await example.locator('summary').click();
    expect(await example.locator('.turn').count()).toBe(3);
    expect(await example.locator('.example-reply').count()).toBe(2);
    expect(await example.locator('.example-reply[data-mode="revised"] tbody tr').count()).toBe(4);
    expect(await example.locator('.example-reply[data-mode="revised"] tbody tr').first().textContent()).toContain('The reply does what the item describes.');
    await page.screenshot({ path: `${SHOTS}/evaluate-report-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    // Nothing wider than a phone screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/evaluate-report-360.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/evaluate-report-360-top.png` });
    await example.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/evaluate-example-360.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('prompt_id,mode,theme,example_score,criterion,points,axis,met,explanation');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 2 * DEMO_ITEMS);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.report).toMatchObject({ mode: 'both', n_examples: 28, difference: { mean: expect.any(Number) } });
    expect(exported.results).toHaveLength(56);
  });

  it('keeps evaluations after a reload; Stop, then Resume finishes without redoing graded replies', async () => {
    const { page } = session;
    await page.reload();
    await openEvaluate(page);
    await expect.poll(() => page.locator('.eval-runs li').count()).toBe(3);

    server.options.answerChunkDelayMs = 60;
    const before = server.requests.length;
    await startDemo(page, 'Plain');
    await expect.poll(async () => Number((await page.getByTestId('eval-count').textContent())?.split(' / ')[0] ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/This evaluation is stopped/).waitFor();
    server.options.answerChunkDelayMs = 0;
    // A reload in between: the examples and graded replies come back from IndexedDB.
    await page.reload();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('overall-plain').textContent(), { timeout: 60_000 }).toMatch(/n=28/);
    await waitForFinish(page);
    const drafts = server.requests.slice(before).filter((r) => r.step === 'draft').length;
    // 28 replies, plus at most the one cut off by Stop.
    expect(drafts).toBeGreaterThanOrEqual(28);
    expect(drafts).toBeLessThanOrEqual(29);
  });

  it('refuses a file with bad lines until they are skipped, naming the lines', async () => {
    const { page } = session;
    await openEvaluate(page);
    const path = join(tmpdir(), 'bad-healthbench.jsonl');
    const lines = readFileSync('datasets/healthbench-demo.jsonl', 'utf8').trim().split('\n').slice(0, 2);
    writeFileSync(path, `${lines[0]}\n{broken\n${lines[1]}\n`);
    const before = server.requests.length;
    await page.getByLabel('Import a HealthBench JSONL file').setInputFiles(path);
    await page.getByTestId('pending-import').getByText('2 examples').waitFor();
    expect(await page.getByRole('list', { name: 'Bad lines' }).textContent()).toContain('Line 2: not valid JSON');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/evaluate-setup-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/evaluate-setup-1280.png`, fullPage: true });
    await page.getByRole('radio', { name: /^Plain/ }).check();
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/1 bad line\(s\), so nothing was run/);
    expect(server.requests.length).toBe(before);
    await page.getByLabel(/Skip the bad lines/).check();
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    await expect.poll(() => page.getByTestId('overall-plain').textContent(), { timeout: 30_000 }).toMatch(/n=2/);
  });
});

describe('Settings → Check this model in Chromium', () => {
  it('a grader that knows the verdicts comes out suitable', async () => {
    const { page } = session;
    const cases = parseCalibrationSet(readFileSync('datasets/model-check.jsonl', 'utf8'));
    const truth = new Map(cases.map((c) => [`${c.criterion}\u0000${c.reply}`, c.verdict]));
    const knowing: Script = (step, call) => {
      if (step !== 'hb_grade') return SCRIPTS.improves(step, call);
      const { criterion, reply } = healthBenchGradingCall(call.messages);
      return { text: JSON.stringify({ explanation: 'known', criteria_met: truth.get(`${criterion}\u0000${reply}`) ?? false }) };
    };
    server.options.script = knowing;
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Check this model' }).click();
    const result = page.getByTestId('model-check-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-verdict')).toBe('suitable');
    expect(await result.textContent()).toMatch(/macro F1 1\.00 \(72 cases\)/);
    await page.getByRole('heading', { name: 'Check this model' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-model-check-1280.png` });
    server.options.script = 'improves';
  });
});
