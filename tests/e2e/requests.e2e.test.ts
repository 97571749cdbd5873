// Privacy budget of a whole run: every request the browser makes (page, workers, service worker)
// goes to the app's own origin or the configured engine host, nowhere else; the built page's
// Content-Security-Policy holds without a single violation. Server engine = scripted test double.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, configureServer, openApp, type AppSession } from '../support/appDriver';
import { startForeignHost, type ForeignHost } from '../support/foreignHost';
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
