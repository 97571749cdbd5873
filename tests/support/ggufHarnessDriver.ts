// Drives the GGUF engine's test page (tests/harness) from a browser test: serve it with the generated
// fixtures, store a model in the page's browser storage, load it, chat with it.

import type { Browser, Page } from 'playwright-core';
import { FIXTURES, GGUF_HARNESS_DIR, fixturePath } from './ggufFixtures';
import { serveStatic, type StaticServer } from './staticServer';

type Harness = Window['harness'];
export type HarnessLoadResult = Awaited<ReturnType<Harness['load']>>;
export type HarnessChatResult = Awaited<ReturnType<Harness['chat']>>;

/** Every generated fixture, served under /fixtures/. */
const servedFixtures = Object.fromEntries(Object.values(FIXTURES).map((name) => [`/fixtures/${name}`, fixturePath(name)]));

export interface HarnessSession {
  page: Page;
  server: StaticServer;
  /** Uncaught page errors seen so far. */
  errors: string[];
}

/** Serves the harness (cross-origin isolated unless told otherwise) and opens it in a fresh context. */
export async function openHarness(browser: Browser, isolation = true): Promise<HarnessSession> {
  const server = await serveStatic(GGUF_HARNESS_DIR, { isolation, files: servedFixtures });
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return { page, server, errors };
}

/** Stores fixture files in the page's browser storage as one model (parts of a split model, or one file). */
export const storeFixture = (page: Page, ...names: string[]) =>
  page.evaluate((parts) => window.harness.store(parts), names.map((name) => ({ url: `/fixtures/${name}`, name })));

export const loadModel = (page: Page, settings: Parameters<Harness['load']>[0], abortAfterMs?: number): Promise<HarnessLoadResult> =>
  page.evaluate(([s, ms]) => window.harness.load(s, ms), [settings, abortAfterMs] as const);

export const chatWith = (page: Page, ...args: Parameters<Harness['chat']>): Promise<HarnessChatResult> =>
  page.evaluate(([messages, options]) => window.harness.chat(messages, options), args);

/** The success branch of a harness result, or a failure naming what came back instead. */
export function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}
