// Untrusted content on every screen that shows it, in the built app in real Chromium: every payload in
// tests/fixtures/xssPayloads.ts (script, and resources on 127.0.0.2 — a second loopback address, never
// a public one) in model output (answers, rubric items, grader explanations), the question, imported
// principle, rubric, runs and evaluation files, and a pasted answer. On each screen: no payload ran (no
// dialog, no flag set by a payload, no element that loads something), and 127.0.0.2 got no request.
// The server is the scripted test double; the rendering and the browser are real.

import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../cli/library';
import { allPayloadsDocument, payloadsFor } from '../fixtures/xssPayloads';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startForeignHost, type ForeignHost } from '../support/foreignHost';
import { SCRIPTS, type Script } from '../support/scriptedReplies';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
let foreign: ForeignHost;
/** Requests the browser itself started towards 127.0.0.2 (whether or not they got through). */
const browserRequests: string[] = [];
const dialogs: string[] = [];
const SHOTS = 'tests/screenshots';
const QUESTION_START = 'XSS probe: potassium 6.2, what should I do?';

/** Every payload, plus ones that set a flag instead of alerting (alert may be what a filter looks for). */
function payloads(host: string): string {
  const flagging = [
    '<img src=x onerror="window.__xssRan=\'flag img\'">',
    '<svg><animate onbegin="window.__xssRan=\'flag animate\'" attributeName="x" dur="1s"/></svg>',
    '[flag link](javascript:window.__xssRan=1)',
  ].join('\n\n');
  return `${allPayloadsDocument(host)}\n\n${flagging}\n\n![ECG](http://${host}/t.png?q=potassium-6.2)`;
}

/** The default script with payloads in every answer, rubric item, grade evidence and grader explanation. */
function payloadScript(host: string): Script {
  const doc = payloads(host);
  const short = payloadsFor(host).map((p) => p.text).filter((t) => t.length < 200);
  return (step, call) => {
    const reply = SCRIPTS.improves(step, call);
    if (step === 'draft' || step === 'revise') return { text: `${reply.text}\n\n${doc}` };
    if (step === 'rubric') {
      const rubric = JSON.parse(reply.text) as { items: { criterion: string }[] };
      rubric.items.forEach((item, i) => (item.criterion += ` ${short[i % short.length]} ![x](http://${host}/rubric-${i}.png)`));
      return { text: JSON.stringify(rubric) };
    }
    if (step === 'grade') {
      const grades = JSON.parse(reply.text) as { grades?: { evidence?: string }[] };
      for (const g of grades.grades ?? []) g.evidence = `${g.evidence ?? ''} <img src=x onerror=alert("evidence")> ![e](http://${host}/evidence.png)`;
      return { text: JSON.stringify(grades) };
    }
    if (step === 'hb_grade') {
      const verdict = JSON.parse(reply.text) as { explanation: string };
      verdict.explanation += ` <img src="http://${host}/explanation.png" onerror=alert("explanation")>`;
      return { text: JSON.stringify(verdict) };
    }
    return reply;
  };
}

/**
 * Gives handlers their chance (hover, focus, time for loads), then checks nothing ran and nothing
 * loaded. `where` names the screen in failure messages.
 */
async function expectInert(page: Page, where: string): Promise<void> {
  await page.mouse.move(5, 5);
  await page.mouse.move(400, 300);
  await page.mouse.move(640, 600);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(dialogs, `${where}: a payload opened a dialog`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xssRan?: unknown }).__xssRan ?? null), `${where}: a payload ran`).toBeNull();
  expect(foreign.hits, `${where}: 127.0.0.2 received a request`).toEqual([]);
  expect(browserRequests, `${where}: the browser asked 127.0.0.2`).toEqual([]);
  // The app's own forms (no action: they never submit anywhere) are not content; anything else is.
  const loaders = await page.evaluate(() =>
    [...document.querySelectorAll('main :is(img, iframe, object, embed, video, audio, picture, source, track, link, meta, base, form[action], input[type="image"], script, style, image, use, feImage)')].map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(loaders, `${where}: an element that can load or run something was rendered`).toEqual([]);
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('main *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)),
  );
  expect(handlers, `${where}: an event handler or javascript: URL survived`).toEqual([]);
  expect(session.pageErrors, `${where}: page errors`).toEqual([]);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

beforeAll(async () => {
  foreign = await startForeignHost();
  server = await startScriptedServer({ script: payloadScript(foreign.host) });
  session = await openApp();
  session.context.on('request', (request) => {
    if (new URL(request.url()).hostname === '127.0.0.2') browserRequests.push(request.url());
  });
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await configureServer(session.page, server.url);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  await foreign?.close();
});

describe('no payload runs or loads anything, on every screen that shows untrusted content', () => {
  it('the detector sees a request that does reach 127.0.0.2 (so silence below means something)', async () => {
    const { page } = session;
    // The CSP stops images from other hosts before they are requested; a fetch is let through.
    await page.evaluate((host) => fetch(`http://${host}/control`, { mode: 'no-cors' }).catch(() => undefined), foreign.host);
    await expect.poll(() => foreign.hits).toContain('GET /control');
    expect(browserRequests.length).toBeGreaterThan(0);
    foreign.hits.length = 0;
    browserRequests.length = 0;
  });

  it('Ask: a whole run — streamed answers, round diffs, rubric table, self-check, question', { timeout: 120_000 }, async () => {
    const { page } = session;
    await ask(page, `${QUESTION_START}\n\n${payloads(foreign.host)}`);
    await page.getByTestId('final-answer').waitFor({ timeout: 90_000 });
    expect(server.requests.map((r) => r.step)).toContain('revise');
    // Open every folded part: rounds, diffs, traces.
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await expectInert(page, 'Ask run view');
    expect(await page.locator('main .md-image').count()).toBeGreaterThan(1);
    // The round diff was there to be checked, showing the payload text as text.
    expect(await page.locator('.round-diff').first().textContent()).toContain('onerror');
    await screenshots(page, 'xss-run');
  });

  it('History: the list, search, and the run reopened after a reload', async () => {
    const { page } = session;
    await page.reload();
    await nav(page, 'History');
    await page.getByRole('link', { name: /XSS probe/ }).first().waitFor();
    await expectInert(page, 'History list');
    await page.getByLabel('Search questions and answers').fill('onerror');
    await page.getByRole('link', { name: /XSS probe/ }).first().waitFor();
    await expectInert(page, 'History search');
    await page.getByRole('link', { name: /XSS probe/ }).first().click();
    await page.getByTestId('final-answer').waitFor();
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await expectInert(page, 'History run');
  });

  it('History: an imported runs file carrying payloads, in a fresh profile', async () => {
    const doc = payloads(foreign.host);
    const answer = `Imported answer. ${doc}`;
    const line = JSON.stringify({
      id: 'xss-imported-1', question: `XSS probe imported <img src=x onerror=alert("q")> ${doc}`, createdAt: Date.now(), updatedAt: Date.now(), status: 'done',
      options: { rounds: 2, targetScore: 0.8, poolSize: 12 }, engineLabel: '<svg onload=alert("engine")>', scenario: null, scenarioSource: null, pool: [],
      rubric: [{ id: 'R1', criterion: `Imported item <img src=x onerror=alert("item")> ![i](http://${foreign.host}/item.png)`, points: 5, axis: 'accuracy', principle_id: null }],
      rounds: [{ index: 0, kind: 'draft', answer, grades: [{ item_id: 'R1', met: true, evidence: '<img src=x onerror=alert("ev")>' }], score: 1, truncated: false }],
      final: { round: 0, answer, score: 1, reason: 'max_rounds' }, currentStep: null, failure: null,
    });
    const path = join(tmpdir(), `xss-runs-${process.pid}.jsonl`);
    writeFileSync(path, `${line}\n`);
    const fresh = await session.browser.newContext();
    const other = await fresh.newPage();
    other.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await other.goto(session.app.url);
      await nav(other, 'History');
      await other.getByLabel('Import runs file').setInputFiles(path);
      await expect.poll(() => other.getByTestId('history-message').textContent()).toBe('Imported 1 run.');
      await expectInert(other, 'History imported list');
      await other.getByRole('link', { name: /XSS probe imported/ }).first().click();
      await other.getByTestId('final-answer').waitFor();
      for (const d of await other.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
      expect(await other.getByTestId('final-answer').locator('.md-image').count()).toBeGreaterThan(0);
      await expectInert(other, 'History imported run');
    } finally {
      await fresh.close();
    }
  });

  it('Rubrics: review and edit the run’s rubric, prefer between rounds, paste an answer', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Review rubric' }).first().click();
    await page.getByRole('heading', { name: 'Rubrics', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('rubric-item').count()).toBe(5);
    await expectInert(page, 'Rubrics review');
    // Editing: the payload-carrying criteria sit in text fields; saving keeps them as text.
    await page.getByTestId('rubric-item').first().getByRole('textbox').first().fill(`Edited <img src=x onerror=alert("edited")> ![e](http://${foreign.host}/edited.png)`);
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await expectInert(page, 'Rubrics edit');
    await page.locator('summary', { hasText: 'Compare with an answer of your own' }).click();
    await page.locator('#pref-paste').fill(`A pasted answer.\n\n${payloads(foreign.host)}`);
    await page.getByRole('button', { name: 'Add answer' }).click();
    // The pasted answer becomes answer B and is rendered as Markdown.
    await page.locator('.answer', { hasText: 'A pasted answer.' }).waitFor();
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await expectInert(page, 'Rubrics pasted answer');
    await screenshots(page, 'xss-rubrics');
  });

  it('Rubrics: an imported HealthRubrics file carrying payloads, in a fresh profile', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSONL)' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('onerror');
    const fresh = await session.browser.newContext();
    const other = await fresh.newPage();
    other.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await other.goto(session.app.url);
      await nav(other, 'Rubrics');
      await other.getByLabel('Import HealthRubrics file').setInputFiles({ name: 'payloads.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(exported) });
      await other.getByText('Imported 1 rubric.').waitFor();
      await expectInert(other, 'Rubrics import list');
      await other.getByRole('link', { name: /XSS probe/ }).first().click();
      await expect.poll(() => other.getByTestId('rubric-item').count()).toBe(5);
      for (const d of await other.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
      await expectInert(other, 'Rubrics imported review');
    } finally {
      await fresh.close();
    }
  });

  it('Principles: an imported principle file, its detail and its editor', async () => {
    const { page } = session;
    const base = readShippedPrinciples()[0]!;
    const doc = payloads(foreign.host);
    const principle = {
      ...base,
      id: 'USR-XSS',
      title: `<img src=x onerror=alert("title")> probe`,
      category: `<svg onload=alert("category")>`,
      statement: `Probe principle statement. ${doc}`,
      rationale: `Probe rationale. ${doc}`,
      keywords: ['xss probe', '<img src=x onerror=alert("kw")>'],
      checks: [{ criterion: `Probe check ${doc}`, points: 5, axis: 'accuracy' as const }],
    };
    await nav(page, 'Principles');
    await page.getByRole('heading', { name: 'Principles', level: 1 }).waitFor();
    await page.getByLabel('Import library file').setInputFiles({ name: 'payloads.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([principle])) });
    await page.getByRole('status').filter({ hasText: 'Imported: 1 new, 0 updated.' }).waitFor();
    await expectInert(page, 'Principles list');
    await page.getByLabel('Search principles').fill('USR-XSS');
    await page.getByRole('list', { name: 'Principles' }).locator('[data-principle-id="USR-XSS"]').getByRole('button').first().click();
    await page.locator('.principle-detail').getByText('USR-XSS', { exact: true }).waitFor();
    await expectInert(page, 'Principle detail');
    await screenshots(page, 'xss-principle');
    await page.locator('.principle-detail').getByRole('button', { name: 'Edit' }).click();
    await page.locator('#ed-title').waitFor();
    await expectInert(page, 'Principle editor');
  });

  it('Evaluate: an imported evaluation file, run, and its drill-down', { timeout: 120_000 }, async () => {
    const { page } = session;
    const doc = payloads(foreign.host);
    const lines = readFileSync('datasets/healthbench-demo.jsonl', 'utf8').trim().split('\n').slice(0, 2);
    const poisoned = lines.map((line, n) => {
      const example = JSON.parse(line) as { prompt_id: string; prompt: { content: string }[]; rubrics: { criterion: string }[] };
      example.prompt_id = `xss-${n}-<img src=x onerror=alert("id")>`;
      example.prompt[0]!.content += `\n\n${doc}`;
      for (const item of example.rubrics) item.criterion += ` <svg onload=alert("criterion")> ![c](http://${foreign.host}/criterion.png)`;
      return JSON.stringify(example);
    });
    const path = join(tmpdir(), 'xss-healthbench.jsonl');
    writeFileSync(path, `${poisoned.join('\n')}\n`);
    await page.goto(`${session.app.url}#/evaluate`);
    await page.getByRole('heading', { name: 'Evaluate', level: 1 }).waitFor();
    await page.getByLabel('Import a HealthBench JSONL file').setInputFiles(path);
    await page.getByTestId('pending-import').getByText('2 examples').waitFor();
    await expectInert(page, 'Evaluate import');
    await page.getByRole('radio', { name: /^Plain/ }).check();
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    await expect.poll(() => page.getByTestId('overall-plain').textContent(), { timeout: 90_000 }).toMatch(/n=2/);
    for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    expect(await page.locator('.example-detail .reply-text').first().textContent()).toContain('onerror');
    await expectInert(page, 'Evaluate drill-down');
    await screenshots(page, 'xss-evaluate');
  });
});
