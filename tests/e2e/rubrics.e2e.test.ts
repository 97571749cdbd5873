// HealthRubrics in real Chromium against the built app: review a run's rubric, verify, re-grade,
// prefer, export, import into a fresh profile; and a candidate principle distilled from two verified
// rubrics becoming a library principle. Runs and grading use the scripted OpenAI-compatible server
// (a test double), so this verifies the workflow and storage, not model quality.

import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecordLine } from '../../src/lib/core/rubrics/jsonl';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const QUESTION = 'My son has had a fever and a cough for two days. Should he see a doctor?';
const SHOTS = 'tests/screenshots';

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

const items = (page: Page) => page.getByTestId('rubric-item');

/** Asks the question, waits for the run to finish, and opens its rubric review. */
async function reviewNewRun(page: Page, question = QUESTION): Promise<void> {
  await ask(page, question);
  // The Ask page may still show the previous run for a moment: wait for this question's finished run.
  const run = page.locator('article.run[data-status="done"]').filter({ has: page.locator('.run-question', { hasText: question }) });
  await run.getByTestId('final-answer').waitFor({ timeout: 60_000 });
  await run.getByRole('link', { name: 'Review rubric' }).click();
  await page.getByRole('heading', { name: 'Rubrics', level: 1 }).waitFor();
  // A second visit to the page must show the new review (the state outlives the first visit's page).
  await expect.poll(() => page.locator('.question').textContent()).toBe(question);
  await expect.poll(() => items(page).count()).toBe(5);
}

async function addItem(page: Page, criterion: string): Promise<void> {
  await page.getByRole('button', { name: 'Add item' }).click();
  await items(page).last().getByRole('textbox').first().fill(criterion);
}

async function verifyAs(page: Page, name: string): Promise<void> {
  await page.getByLabel('Reviewer name').fill(name);
  await page.getByRole('button', { name: 'Verify rubric' }).click();
  await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(new RegExp(`Verified by ${name}`));
}

async function exportAll(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSONL)' }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('HealthRubrics in Chromium', () => {
  it('review → verify → re-grade → prefer → export → import into a fresh profile gives identical records', async () => {
    const { page } = session;
    await reviewNewRun(page);

    // Invalid points are refused with the message next to the field.
    const first = items(page).first();
    await first.getByLabel('Item 1 points').fill('0');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await first.locator('.field-problem').getByText(/whole number from −10 to 10, not 0/).waitFor();
    await first.getByLabel('Item 1 points').fill('9');
    await items(page).nth(1).getByRole('textbox').first().fill('Asks how many days the fever and cough have lasted');
    await page.getByRole('button', { name: 'Delete item 4' }).click();
    await addItem(page, 'Asks whether the child is drinking fluids and passing urine');
    // Move the new item above the negative one.
    await page.getByRole('button', { name: 'Move item 5 up' }).click();
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/Draft: not verified · 1 saved edit/);

    await verifyAs(page, 'Dr Lee');
    const diff = page.getByTestId('rubric-diff');
    expect(await diff.locator('ins').allTextContents()).toEqual(expect.arrayContaining(['9', 'many days', 'fever and cough']));
    expect(await diff.textContent()).toContain('drinking fluids and passing urine');
    const history = page.getByTestId('edit-history');
    await history.locator('summary').click();
    expect(await history.locator('ul li').allTextContents()).toEqual(
      expect.arrayContaining(['R1 points: 8 → 9', 'R6 added: “Asks whether the child is drinking fluids and passing urine”', 'R4 removed: “Uses plain language without unexplained jargon”']),
    );

    // Re-grade under the verified rubric: each round's score and its change from the model's rubric.
    await page.getByRole('button', { name: 'Re-grade with the current engine' }).click();
    const rows = page.getByTestId('score-changes').locator('tbody tr');
    await expect.poll(() => rows.allInnerTexts(), { timeout: 60_000 }).toEqual([
      'Draft (round 0)\t36%\t36%\t±0 pts',
      'Revision 1\t59%\t56%\t−3 pts',
      'Revision 2\t86%\t80%\t−6 pts',
    ]);
    // Three answers, five items, one call each (HealthBench's per-item grading).
    expect(server.requests.filter((r) => r.step === 'grade_item')).toHaveLength(15);

    await page.getByRole('button', { name: 'B is better' }).click();
    await expect.poll(() => page.getByTestId('preference').textContent()).toMatch(/Revision 2 \(80%\) preferred over Draft \(round 0\) \(36%\)/);
    await screenshots(page, 'rubric-review');

    const exported = await exportAll(page);
    const lines = exported.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = parseRecordLine(lines[0]!, 1);
    if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
    expect(parsed.record).toMatchObject({ reviewer: 'Dr Lee', preference: { chosen: 'round-2', rejected: 'round-0', tie: false } });
    expect(parsed.record.rubric.map((i) => i.tags.at(-1))).toEqual(['origin:edited', 'origin:edited', 'origin:model', 'origin:clinician', 'origin:model']);
    expect(parsed.record.model_rubric).toHaveLength(5);
    expect(parsed.record.responses.map((r) => r.score)).toEqual([9 / 25, 14 / 25, 20 / 25]);

    // A fresh profile (new browser context, so a new IndexedDB) imports the file and exports the same bytes.
    const fresh = await session.browser.newContext({ locale: 'en-US' });
    try {
      const other = await fresh.newPage();
      await other.goto(session.app.url);
      await other.getByRole('navigation').getByRole('link', { name: 'Rubrics' }).click();
      const input = other.getByLabel('Import HealthRubrics file');
      await input.setInputFiles({ name: 'healthrubrics.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
      await other.getByText('Imported 1 rubric.').waitFor();
      expect(await exportAll(other)).toBe(exported);
      await input.setInputFiles({ name: 'again.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
      await other.getByText('Imported 0 rubrics; skipped 1 already here.').waitFor();
      // A bad line rejects the whole file, naming the line.
      await input.setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${exported}{"format":"healthrubrics/1"}\n`) });
      await other.getByTestId('rubric-import-problems').getByText(/^line 2: id: /).waitFor();
      await other.getByRole('link', { name: QUESTION }).click();
      await expect.poll(() => other.getByTestId('review-status').textContent()).toMatch(/Verified by Dr Lee/);
      expect(await other.getByTestId('rubric-item').count()).toBe(5);
      await screenshots(other, 'rubric-imported');
    } finally {
      await fresh.close();
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('a candidate principle appears from two similar clinician-added items and becomes a library principle with provenance', async () => {
    const { page } = session;
    // A principle must recur across questions: the second rubric is for another question.
    await reviewNewRun(page, 'My daughter has had diarrhoea since yesterday. What should I watch for?');
    await addItem(page, 'Asks if the child is drinking enough fluids and passing urine');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await verifyAs(page, 'Dr Okafor');

    // Filters: two verified rubrics, one per reviewer.
    await page.locator('#rv-reviewer').selectOption('Dr Okafor');
    await expect.poll(() => page.getByRole('list', { name: 'Rubrics' }).locator('li').count()).toBe(1);
    await page.locator('#rv-reviewer').selectOption('all');
    await page.locator('#rv-status').selectOption('verified');
    await expect.poll(() => page.getByRole('list', { name: 'Rubrics' }).locator('li').count()).toBe(2);
    await page.locator('#rv-status').selectOption('all');

    await page.getByRole('navigation').getByRole('link', { name: 'Principles' }).click();
    const candidate = page.getByTestId('candidate-principle').filter({ hasText: 'drinking' });
    await candidate.waitFor();
    expect(await candidate.locator('li').count()).toBe(2);
    await screenshots(page, 'candidate-principles');

    // Reject hides a group; accept opens the editor prefilled.
    const others = page.getByTestId('candidate-principle').filter({ hasNotText: 'drinking' });
    const before = await others.count();
    if (before > 0) {
      await others.first().getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => others.count()).toBe(before - 1);
    }
    await candidate.getByRole('button', { name: 'Accept…' }).click();
    const editor = page.getByRole('form', { name: 'New principle' });
    await editor.waitFor();
    expect(await editor.getByLabel('Title').inputValue()).toMatch(/drinking.*fluids and passing urine/);
    expect(await editor.getByLabel('Statement').inputValue()).toMatch(/^A good answer asks/);
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('accepted-candidates').getByText(/USR-001: from 2 items in 2 verified rubrics/).waitFor();
    await expect.poll(() => page.getByTestId('candidate-principle').filter({ hasText: 'drinking' }).count()).toBe(0);
    await page.getByLabel('Search principles').fill('USR-001');
    await page.locator('[data-principle-id="USR-001"]').waitFor();
    expect(await page.getByTestId('library-summary').textContent()).toMatch(/1 your own/);
    expect(session.pageErrors).toEqual([]);
  });
});
