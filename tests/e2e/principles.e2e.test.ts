// The Principles page in real Chromium against the built app. Runs use the scripted OpenAI-compatible
// server (a test double: it replies from a script), so this verifies plumbing, not model quality.

import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrincipleFileSchema } from '../../src/lib/core/schemas';
import { readManifest, readShippedPrinciples } from '../../cli/library';
import { groupTriggers } from '../../src/lib/components/triggerDisplay';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { shootLightDark } from '../support/pageWatch';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
const shipped = readShippedPrinciples();
const VERSION = readManifest().version.replace(/\./g, '\\.');
const SHOTS = 'tests/screenshots';

beforeAll(async () => {
  server = await startScriptedServer();
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openPrinciples(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Principles' }).click();
  await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
  await page.locator('[data-principle-id]').first().waitFor();
}

const listItems = (page: Page) => page.getByRole('list', { name: 'Principles' }).locator('[data-principle-id]');
const summary = (page: Page) => page.getByTestId('library-summary').textContent();

async function findAndOpen(page: Page, id: string): Promise<void> {
  await page.getByLabel('Search principles').fill(id);
  await expect.poll(() => listItems(page).count()).toBe(1);
  await listItems(page).first().getByRole('button').click();
  await page.locator('.principle-detail').getByText(id, { exact: true }).waitFor();
}

/** The pool shown for the run on screen, as principle ids. */
async function poolIds(page: Page): Promise<string[]> {
  // The trace (scenario, principles, rubric) sits folded below the answer.
  await page.getByTestId('trace').evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const pool = page.locator('section[aria-labelledby="pool-h"]');
  await pool.waitFor();
  return pool.locator('.pool li a.tag').allTextContents();
}

describe('Principles page in Chromium', () => {
  it('shows the library version and lets the user browse by dimension and category, search, and open a principle', async () => {
    const { page } = session;
    await openPrinciples(page);
    expect(await summary(page)).toMatch(new RegExp(`HealthPrinciples library version ${VERSION} · ${shipped.length} shipped, 0 your own, 0 edited, 0 switched off`));
    expect(await listItems(page).count()).toBe(shipped.length);

    const urgency = shipped.filter((p) => p.dimension === 'urgency');
    await page.getByRole('button', { name: `Urgency (${urgency.length})` }).click();
    expect(await listItems(page).count()).toBe(urgency.length);
    await page.getByLabel('Category').selectOption('Time-critical first aid');
    expect(await listItems(page).count()).toBe(urgency.filter((p) => p.category === 'Time-critical first aid').length);
    await page.getByRole('button', { name: /^All \(/ }).click();

    await page.getByLabel('Search principles').fill('anaphylaxis');
    await expect.poll(() => listItems(page).locator('.tag').allTextContents()).toContain('URG-022');
    await page.locator('[data-principle-id="URG-022"]').getByRole('button').click();
    const detail = page.locator('.principle-detail');
    await detail.getByRole('heading', { name: 'Checks' }).waitFor();
    const urg22 = shipped.find((p) => p.id === 'URG-022')!;
    expect(await detail.locator('table.checks tbody tr').count()).toBe(urg22.checks.length);
    expect(await detail.locator('.sources li').first().textContent()).toContain(String(urg22.sources[0]!.year));
    expect(session.pageErrors).toEqual([]);
  });

  it('a switched-off principle is not used in a run', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    const question = 'My son has had a fever and a cough for two days, what should I do?';
    await ask(page, question);
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });
    const before = await poolIds(page);
    const dropped = before[0]!;

    await openPrinciples(page);
    await findAndOpen(page, dropped);
    await page.getByLabel(`Use ${dropped} in runs`).uncheck();
    await expect.poll(() => summary(page)).toMatch(/1 switched off/);

    server.requests.length = 0;
    await ask(page, question);
    // The first run's answer stays on Ask until the new run replaces it: wait for the new run to reach
    // the server, then for its own final answer.
    await expect.poll(() => server.requests.some((r) => r.step === 'draft'), { timeout: 30_000 }).toBe(true);
    await page.locator('article.run[data-status="done"]').getByTestId('final-answer').waitFor({ timeout: 30_000 });
    const after = await poolIds(page);
    expect(after).not.toContain(dropped);
    expect(after.length).toBe(before.length);
    // The rubric prompt lists principles by number and title (items refer to them by number).
    const rubricPrompt = server.requests.find((r) => r.step === 'rubric')!.body.messages.map((m) => m.content).join('\n');
    const titleOf = (id: string) => shipped.find((p) => p.id === id)!.title;
    expect(rubricPrompt).not.toContain(`. ${titleOf(dropped)}.`);
    expect(rubricPrompt).toContain(`1. ${titleOf(after[0]!)}.`);

    await openPrinciples(page);
    await findAndOpen(page, dropped);
    await page.getByLabel(`Use ${dropped} in runs`).check();
    await expect.poll(() => summary(page)).toMatch(/0 switched off/);
  });

  it('edits a principle with validation, then resets it to the shipped version', async () => {
    const { page } = session;
    await openPrinciples(page);
    await findAndOpen(page, 'URG-004');
    const original = shipped.find((p) => p.id === 'URG-004')!;
    await page.locator('.principle-detail').getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit URG-004' });

    await form.getByLabel('Title').fill('');
    await form.getByLabel('Check 1 points').fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('checks #1 points: points must not be 0');
    expect(await alert.textContent()).toMatch(/title:/);

    await form.getByLabel('Title').fill('Chest pain that could be cardiac: call an ambulance');
    await form.getByLabel('Check 1 points').fill(String(original.checks[0]!.points));
    await form.getByRole('button', { name: 'Save' }).click();
    const detail = page.locator('.principle-detail');
    await detail.getByRole('heading', { name: 'Chest pain that could be cardiac: call an ambulance' }).waitFor();
    expect(await detail.locator('.meta').textContent()).toContain('edited by you');
    await expect.poll(() => summary(page)).toMatch(/1 edited/);

    await page.reload();
    await openPrinciples(page);
    await findAndOpen(page, 'URG-004');
    await page.locator('.principle-detail').getByRole('heading', { name: 'Chest pain that could be cardiac: call an ambulance' }).waitFor();
    await page.locator('.principle-detail').getByRole('button', { name: 'Reset to shipped version' }).click();
    await page.locator('.principle-detail').getByRole('heading', { name: original.title }).waitFor();
    await expect.poll(() => summary(page)).toMatch(/0 edited/);
  });

  it('shows a principle’s trigger terms and lets them be edited, with validation, then reset', async () => {
    const { page } = session;
    await openPrinciples(page);
    await findAndOpen(page, 'URG-017');
    const detail = page.locator('.principle-detail');
    const triggers = detail.locator('.presentation .triggers');
    expect(await detail.locator('.presentation').textContent()).toContain('testicular pain');
    expect(await triggers.textContent()).toContain('testicle');
    expect(await triggers.textContent()).toContain('睾丸');

    await detail.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit URG-017' });
    expect(await form.getByLabel('Presentation name').inputValue()).toBe('testicular pain');
    await form.getByLabel(/^Trigger terms/).fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/presentation triggers: a presentation needs at least one trigger term/);

    await form.getByLabel(/^Trigger terms/).fill('testicle, Nuts\n蛋疼');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => triggers.textContent()).toBe('testicle, nuts, 蛋疼');
    expect(await detail.locator('.meta').textContent()).toContain('edited by you');

    await detail.getByRole('button', { name: 'Reset to shipped version' }).click();
    await expect.poll(() => triggers.textContent()).toBe(groupTriggers(shipped.find((p) => p.id === 'URG-017')!.presentation!.triggers).terms.join(', '));
    await expect.poll(() => summary(page)).toMatch(/0 edited/);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows word combinations and exclusions as a clinician reads them, in English and Chinese', async () => {
    const { page } = session;
    mkdirSync(SHOTS, { recursive: true });
    await openPrinciples(page);
    await findAndOpen(page, 'URG-031');
    const detail = page.locator('.principle-detail');
    const groups = groupTriggers(shipped.find((p) => p.id === 'URG-031')!.presentation!.triggers);
    expect(groups.exclusions.length).toBeGreaterThan(0);
    // Exclusions read as words joined by "and" and "or", not as the file's "+" and "|".
    const exclusions = detail.locator('.exclusions li');
    expect(await exclusions.count()).toBe(groups.exclusions.length);
    expect((await exclusions.first().textContent())?.trim()).toMatch(/^rash\s*and\s*fever or temperature$/);
    expect(await detail.locator('.presentation').textContent()).not.toMatch(/[|+!]/);
    if (groups.combinations.length > 4) {
      await detail.getByText(`Show ${groups.combinations.length - 4} word combinations`).click();
    }
    expect(await detail.locator('.combinations:not(.exclusions):not(.emergency) li').count()).toBe(groups.combinations.length);
    // Emergency signs (the thunderclap headache's) are listed apart, folded after four, in words.
    expect(groups.emergencySigns.length).toBeGreaterThan(4);
    await detail.getByText(`Show ${groups.emergencySigns.length - 4} more emergency signs`).click();
    expect(await detail.locator('.emergency li').count()).toBe(groups.emergencySigns.length);
    expect((await detail.locator('.emergency li').allTextContents()).map((s) => s.trim())).toContain('thunderclap');
    expect(await detail.getByText(/^Emergency signs/).count()).toBe(1);
    await shootLightDark(page, SHOTS, 'principles-triggers-en');

    const zh = await session.browser.newContext({ locale: 'zh-CN' });
    const zhPage = await zh.newPage();
    await zhPage.goto(session.app.url);
    await zhPage.getByRole('navigation').getByRole('link', { name: '临床原则' }).click();
    await zhPage.locator('[data-principle-id]').first().waitFor();
    await zhPage.getByLabel('搜索原则').fill('URG-031');
    const zhItems = zhPage.getByRole('list', { name: '原则列表' }).locator('[data-principle-id]');
    await expect.poll(() => zhItems.count()).toBe(1);
    await zhItems.first().getByRole('button').click();
    const zhDetail = zhPage.locator('.principle-detail');
    await zhDetail.getByText('URG-031', { exact: true }).waitFor();
    expect((await zhDetail.locator('.exclusions li').first().textContent())?.trim()).toMatch(/^rash\s*且\s*fever 或 temperature$/);
    expect(await zhDetail.locator('.presentation').textContent()).toContain('问题中出现以下内容时不选用');
    expect(await zhDetail.locator('.presentation').textContent()).toContain('急症信号');
    await shootLightDark(zhPage, SHOTS, 'principles-triggers-zh');
    await zh.close();
    expect(session.pageErrors).toEqual([]);
  });

  it('rejects a bad import file, naming every bad record by position, and changes nothing', async () => {
    const { page } = session;
    await openPrinciples(page);
    const before = await summary(page);
    const file = [
      { ...shipped[0]!, title: 'A valid edit that must not be applied' },
      { ...shipped[1]!, checks: [{ criterion: 'Points of zero are not allowed', points: 0, axis: 'accuracy' }] },
      { ...shipped[2]!, id: 'URG-999' },
      { ...shipped[3]!, dimension: 'severity', sources: [] },
    ];
    await page.getByLabel('Import library file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toMatch(/Nothing was imported/);
    expect(text).not.toContain('Record 1');
    expect(text).toContain(`Record 2 (${shipped[1]!.id}): checks #1 points: points must not be 0`);
    expect(text).toContain('Record 3 (URG-999)');
    expect(text).toContain(`Record 4 (${shipped[3]!.id}): dimension`);
    expect(text).toContain(`Record 4 (${shipped[3]!.id}): sources`);
    expect(await summary(page)).toBe(before);
    await findAndOpen(page, shipped[0]!.id);
    await page.locator('.principle-detail').getByRole('heading', { name: shipped[0]!.title }).waitFor();

    await page.getByLabel('Import library file').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toMatch(/not valid JSON/);
    expect(await summary(page)).toBe(before);
  });

  it('imports a good file and exports the library as valid JSON', async () => {
    const { page } = session;
    await openPrinciples(page);
    const own = { ...shipped[0]!, id: 'USR-100', title: 'Imported principle of my own', category: 'Imported' };
    await page.getByLabel('Import library file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([own])) });
    await page.getByRole('status').filter({ hasText: 'Imported: 1 new, 0 updated.' }).waitFor();
    await expect.poll(() => summary(page)).toMatch(/1 your own/);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export library (JSON)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^clinrevise-principles-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown[];
    const parsed = PrincipleFileSchema.safeParse(exported);
    expect(parsed.success).toBe(true);
    expect(exported).toHaveLength(shipped.length + 1);
    expect(exported).toContainEqual(expect.objectContaining({ id: 'USR-100', title: 'Imported principle of my own', enabled: true }));
  });

  it('adds a principle of the user’s own through the form, and deletes it', async () => {
    const { page } = session;
    await openPrinciples(page);
    await page.getByRole('button', { name: 'Add principle' }).click();
    const form = page.getByRole('form', { name: 'New principle' });
    await form.getByLabel('Category').fill('My additions');
    await form.getByLabel('Title').fill('Ask about recent travel');
    await form.getByLabel('Statement').fill('When fever follows travel abroad, ask where and when the person travelled before giving advice.');
    await form.getByLabel('Why it matters').fill('Malaria and other imported infections change what is urgent.');
    await form.getByLabel('Keywords (one per line or separated by commas)').fill('travel, abroad, malaria');
    await form.getByLabel('Check 1 criterion').fill('Asks about recent travel and the destination');
    await form.getByLabel('Check 2 criterion').fill('Gives reassurance about fever without asking about travel');
    await form.getByLabel('Source 1 name').fill('WHO International travel and health');
    await form.getByRole('button', { name: 'Save' }).click();
    const detail = page.locator('.principle-detail');
    await detail.getByRole('heading', { name: 'Ask about recent travel' }).waitFor();
    expect(await detail.locator('.meta').textContent()).toMatch(/USR-101.*your own/s);

    await detail.getByRole('button', { name: 'Delete' }).click();
    await detail.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => page.locator('[data-principle-id="USR-101"]').count()).toBe(0);
  });

  it('keeps the user’s edits, switches and own principles when the shipped library is upgraded', async () => {
    const { page } = session;
    await openPrinciples(page);
    await findAndOpen(page, 'URG-010');
    await page.locator('.principle-detail').getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: 'Edit URG-010' }).getByLabel('Title').fill('My wording for meningitis');
    await page.getByRole('form', { name: 'Edit URG-010' }).getByRole('button', { name: 'Save' }).click();
    await page.locator('.principle-detail').getByRole('heading', { name: 'My wording for meningitis' }).waitFor();
    await findAndOpen(page, 'UNC-001');
    await page.getByLabel('Use UNC-001 in runs').uncheck();
    await expect.poll(() => summary(page)).toMatch(/1 switched off/);

    // Make the stored library look like an older shipped version (0.9.0) with different text, as if
    // this browser had last run an older release; reloading the app must upgrade it to the shipped version.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('clinrevise');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['principles', 'settings'], 'readwrite');
      tx.objectStore('settings').put({ key: 'libraryVersion', value: '0.9.0' });
      const store = tx.objectStore('principles');
      for (const id of ['URG-011', 'URG-010']) {
        const get = store.get(id);
        get.onsuccess = () => {
          const old = get.result as { statement: string; shipped: { statement: string } };
          const statement = 'Statement as written in library 0.9.0.';
          store.put(id === 'URG-011' ? { ...old, statement, shipped: { ...old.shipped, statement } } : { ...old, shipped: { ...old.shipped, statement } });
        };
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await page.reload();
    await openPrinciples(page);
    expect(await summary(page)).toMatch(new RegExp(`version ${VERSION} · ${shipped.length} shipped, 1 your own, 1 edited, 1 switched off`));

    await findAndOpen(page, 'URG-011');
    const urg11 = shipped.find((p) => p.id === 'URG-011')!;
    expect(await page.locator('.principle-detail .statement').textContent()).toBe(urg11.statement);
    await findAndOpen(page, 'URG-010');
    await page.locator('.principle-detail').getByRole('heading', { name: 'My wording for meningitis' }).waitFor();
    await findAndOpen(page, 'UNC-001');
    expect(await page.getByLabel('Use UNC-001 in runs').isChecked()).toBe(false);
    await page.getByLabel('Search principles').fill('USR-100');
    await expect.poll(() => listItems(page).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('marks a kept principle the shipped library retired: "retired, replaced by" its successor', async () => {
    const { page } = session;
    await openPrinciples(page);
    // The record the upgrade keeps when the user had edited a principle the library then retired
    // (see PrinciplesRepository.syncShipped): TSK-003, retired in 1.1.0 for URG-003.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('clinrevise');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['principles'], 'readwrite');
      const store = tx.objectStore('principles');
      const get = store.get('URG-003');
      get.onsuccess = () => {
        const base = get.result as Record<string, unknown>;
        store.put({ ...base, id: 'TSK-003', dimension: 'task_type', title: 'My own safety-net wording', edited: true, retired: { since: '1.1.0', replaced_by: ['URG-003'] } });
      };
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await page.reload();
    await openPrinciples(page);
    await findAndOpen(page, 'TSK-003');
    expect(await page.locator('[data-principle-id="TSK-003"]').textContent()).toContain('retired');
    expect(await page.locator('.principle-detail .retired').textContent()).toMatch(/Retired in library 1\.1\.0, replaced by URG-003/);
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('.principle-detail').screenshot({ path: `${SHOTS}/principles-retired-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    // Search reads trigger terms and Chinese text too.
    await page.getByLabel('Search principles').fill('睾丸');
    await expect.poll(() => listItems(page).locator('.tag').allTextContents()).toEqual(['URG-017']);
    expect(session.pageErrors).toEqual([]);
  });
});
