// Speed of the in-browser GGUF engine (wllama in its worker) on the project's tiny llama model in
// headless Chromium: load time, prefill, free-text and grammar-constrained decoding, and KV reuse —
// with cross-origin isolation (threads) and without (one thread). Says nothing about real models.

import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../tests/support/chromium';
import { FIXTURES, GGUF_HARNESS_DIR, ensureGgufFixtures, fixturePath } from '../tests/support/ggufFixtures';
import { serveStatic } from '../tests/support/staticServer';
import type { BenchOutcome } from './run';
import { formatTable } from './table';

type Harness = Window['harness'];

const TARGETS = {
  /** First load in a fresh page (worker start, 10 MB wasm compile, model read). */
  coldLoadMs: 5000,
  /** Free-text decoding with threads, after warm-up. */
  decodeTokensPerSecond: 200,
  /** Decoding under a JSON-schema grammar, with threads. */
  constrainedTokensPerSecond: 40,
};

interface Measured {
  setting: string;
  threads: number;
  coldLoadMs: number;
  warmLoadMs: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  constrainedTokensPerSecond: number;
  /** Share of the second turn's prompt served from the KV cache. */
  cachedShare: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measure(page: Page, setting: string): Promise<Measured> {
  const call = <K extends keyof Harness>(name: K, ...args: Parameters<Harness[K]>) =>
    page.evaluate(([n, a]) => (window.harness[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as Promise<Awaited<ReturnType<Harness[K]>>>;
  const model = await call('store', [{ url: `/fixtures/${FIXTURES.tiny}`, name: FIXTURES.tiny }]);
  const settings = { source: { type: 'stored' as const, modelId: model.id, name: FIXTURES.tiny }, contextSize: 8192 };
  const loads = [];
  let threads = 0;
  for (let i = 0; i < 3; i++) {
    const loaded = await call('load', settings);
    if (!loaded.ok) throw new Error(loaded.message);
    loads.push(loaded.ms);
    threads = loaded.details.threads;
  }
  const question = [{ role: 'user' as const, content: 'Is it safe to take ibuprofen with a cold?' }];
  await call('chat', question, { maxTokens: 64 }); // warm-up: the first requests after a load are slower

  const decode: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await call('chat', question, { maxTokens: 200, temperature: 1, stream: false });
    if (r.ok && r.result.usage.decodeTokensPerSecond) decode.push(r.result.usage.decodeTokensPerSecond);
  }
  const long = { type: 'object', properties: { notes: { type: 'array', items: { type: 'string', minLength: 20, maxLength: 30 }, minItems: 30, maxItems: 30 } }, required: ['notes'] };
  const constrained = await call('chat', question, { maxTokens: 2000, temperature: 0.8, stream: false, schema: { name: 'notes', schema: long } });
  const prompt = [{ role: 'user' as const, content: 'word '.repeat(800) }];
  const prefill = await call('chat', prompt, { maxTokens: 8, stream: false });
  const first = await call('chat', question, { maxTokens: 64, temperature: 0, stream: false });
  const firstText = first.ok ? first.result.text : '';
  const second = await call('chat', [...question, { role: 'assistant', content: firstText }, { role: 'user', content: 'Shorter, please.' }], {
    maxTokens: 64,
    temperature: 0,
    stream: false,
  });
  const usage = second.ok ? second.result.usage : null;
  return {
    setting,
    threads,
    coldLoadMs: Math.round(loads[0]!),
    warmLoadMs: Math.round(median(loads.slice(1))),
    prefillTokensPerSecond: Math.round(prefill.ok ? (prefill.result.usage.prefillTokensPerSecond ?? 0) : 0),
    decodeTokensPerSecond: Math.round(median(decode)),
    constrainedTokensPerSecond: Math.round(constrained.ok ? (constrained.result.usage.decodeTokensPerSecond ?? 0) : 0),
    cachedShare: usage?.promptTokens ? Number(((usage.cachedPromptTokens ?? 0) / usage.promptTokens).toFixed(2)) : 0,
  };
}

export async function runBench(): Promise<BenchOutcome> {
  ensureGgufFixtures();
  await build({ root: resolve('tests/harness'), configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: GGUF_HARNESS_DIR, emptyOutDir: true } });
  const browser = await launchChromium();
  const results: Measured[] = [];
  try {
    for (const isolation of [true, false]) {
      const server = await serveStatic(GGUF_HARNESS_DIR, { isolation, files: { [`/fixtures/${FIXTURES.tiny}`]: fixturePath(FIXTURES.tiny) } });
      try {
        const page = await (await browser.newContext()).newPage();
        await page.goto(`${server.url}/`);
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
        results.push(await measure(page, isolation ? 'COOP/COEP (threads)' : 'no isolation (1 thread)'));
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  const threaded = results[0]!;
  const missed: string[] = [];
  if (threaded.coldLoadMs > TARGETS.coldLoadMs) missed.push(`cold load ${threaded.coldLoadMs} ms > ${TARGETS.coldLoadMs} ms`);
  if (threaded.decodeTokensPerSecond < TARGETS.decodeTokensPerSecond) missed.push(`decode ${threaded.decodeTokensPerSecond} tok/s < ${TARGETS.decodeTokensPerSecond}`);
  if (threaded.constrainedTokensPerSecond < TARGETS.constrainedTokensPerSecond) {
    missed.push(`constrained decode ${threaded.constrainedTokensPerSecond} tok/s < ${TARGETS.constrainedTokensPerSecond}`);
  }
  const table = formatTable(
    ['setting', 'threads', 'cold load ms', 'warm load ms', 'prefill tok/s', 'decode tok/s', 'grammar tok/s', 'cached share'],
    results.map((r) => [r.setting, r.threads, r.coldLoadMs, r.warmLoadMs, r.prefillTokensPerSecond, r.decodeTokensPerSecond, r.constrainedTokensPerSecond, r.cachedShare]),
  );
  return { name: 'gguf', table, json: { model: 'tests/fixtures/tiny.gguf (llama, 419K params, F32)', targets: TARGETS, results }, missed };
}
