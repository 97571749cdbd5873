// Privacy budget of a whole run: every request the browser makes (page, workers, service worker)
// goes to the app's own origin or the configured engine host, nowhere else; the built page's
// Content-Security-Policy holds without a single violation. Server engine = scripted test double;
// GGUF engine = the tiny model from a URL on a model host of another origin (real wllama, a whole
// run); web-llm = a custom model on a model host double with no weights (the load attempt only).

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, draftOnlyRuns, openApp, type AppSession } from '../support/appDriver';
import { startForeignHost, type ForeignHost } from '../support/foreignHost';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { startModelHost, type ModelHost } from '../support/modelHost';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';

let session: AppSession;
let server: ScriptedServer;
let foreign: ForeignHost;
const requests: string[] = [];

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

beforeAll(async () => {
  foreign = await startForeignHost();
  server = await startScriptedServer();
  session = await openApp();
  session.context.on('request', (request) => requests.push(request.url()));
  // Violations, seen from inside the page (the page opened before this, so reload it once below).
  await session.context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await session.page.reload();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
  await foreign?.close();
});

/** The origins a list of request URLs went to (data: and blob: never leave the browser). */
function origins(urls: readonly string[]): string[] {
  return [...new Set(urls.filter((u) => !/^(data|blob):/.test(u)).map((u) => new URL(u).origin))].sort();
}

describe('requests during a run', () => {
  it('a full question run talks only to the app origin and the configured server, with no CSP violation', async () => {
    const { page, app } = session;
    await configureServer(page, server.url);
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page.getByTestId('final-answer').waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await page.getByRole('link', { name: /fever and a cough/ }).click();
    await page.getByTestId('final-answer').waitFor();
    expect(server.requests.length).toBeGreaterThanOrEqual(6);
    expect(origins(requests)).toEqual([app.url, new URL(server.url).origin].sort());
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('the built page carries the policy: inline script does not run and a foreign image is refused', async () => {
    const { page } = session;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("img-src 'self' data: blob:");
    // Script injected by some future bug, not by the sanitiser (which would drop it first).
    const ran = await page.evaluate(async (host) => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = `http://${host}/csp-probe.png`;
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      img.remove();
      return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
    }, foreign.host);
    expect(ran).toBe(false);
    expect(foreign.hits).toEqual([]);
    const violations = await page.evaluate(() => window.cspViolations);
    expect(violations).toContain(`img-src http://${foreign.host}/csp-probe.png`);
    expect(violations?.some((v) => v.startsWith('script-src-elem'))).toBe(true);
  });
});

/** Opens the app with every request of the browser context (page, workers, service worker) recorded. */
async function recordedSession(webgpu: boolean): Promise<{ session: AppSession; urls: string[] }> {
  const session = await openApp({ webgpu });
  const urls: string[] = [];
  session.context.on('request', (request) => urls.push(request.url()));
  await session.context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await session.page.reload();
  return { session, urls };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();


describe('requests with the GGUF engine (a model from a URL on another origin)', () => {
  let run: { session: AppSession; urls: string[] };
  let host: ModelHost;

  beforeAll(async () => {
    host = await startModelHost({ '/tiny.gguf': new Uint8Array(readFileSync(fixturePath(FIXTURES.tiny))) });
    run = await recordedSession(false);
  });
  afterAll(async () => {
    await run?.session.close();
    await host?.close();
  });

  it('a whole run downloads the model from the configured host and talks to nothing else', { timeout: 700_000 }, async () => {
    const { page, app } = run.session;
    await nav(page, 'Settings');
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await page.getByLabel('GGUF from a URL', { exact: true }).check();
    await page.getByLabel('Model URL').fill(`${host.url}/tiny.gguf`);
    await page.getByRole('button', { name: 'Check the model' }).click();
    await page.getByTestId('gguf-model-card').waitFor();
    await page.getByLabel('Context size (tokens)').fill('16384');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await draftOnlyRuns(page);
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page
      .getByTestId('final-answer')
      .waitFor({ timeout: 600_000 })
      .catch(async (err: unknown) => {
        throw new Error(`${err instanceof Error ? err.message : String(err)}\nOn screen: ${(await page.evaluate(() => document.body.innerText)).slice(0, 3000)}`);
      });
    expect(host.requests.some((r) => r.path === '/tiny.gguf' && r.method === 'GET')).toBe(true);
    expect(origins(run.urls)).toEqual([app.url, host.url].sort());
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(run.session.pageErrors).toEqual([]);
  });
});

describe('requests with the on-device web-llm engine (a custom model on a host with no weights)', () => {
  let run: { session: AppSession; urls: string[] };
  let host: ModelHost;

  beforeAll(async () => {
    // No weights exist here: every model file answers 404, so the run stops at loading the model.
    host = await startModelHost({});
    run = await recordedSession(true);
  });
  afterAll(async () => {
    await run?.session.close();
    await host?.close();
  });

  it('loading the model asks only the configured model host, and the failure says so', { timeout: 120_000 }, async () => {
    const { page, app } = run.session;
    await nav(page, 'Settings');
    await page.getByRole('radio', { name: /On this device/ }).check();
    await page.getByRole('radio', { name: /Custom MLC model/ }).check();
    await page.getByLabel('Name').fill('test-model-q4f32_1');
    await page.getByLabel('Model URL (converted weights)').fill(`${host.url}/m/`);
    await page.getByLabel('Model-library URL (.wasm)').fill(`${host.url}/lib/test.wasm`);
    await page.getByRole('checkbox', { name: /needs shader-f16/ }).uncheck();
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    await page.getByRole('alert').first().waitFor({ timeout: 90_000 });
    expect(host.requests.length).toBeGreaterThan(0);
    expect(origins(run.urls)).toEqual([app.url, host.url].sort());
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  });
});
