// Speed of the in-browser GGUF engine (wllama in its worker) on the project's tiny llama model in
// headless Chromium: load time, prefill, grammar-constrained decoding, per-request overhead, KV reuse
// and a whole revision run — with cross-origin isolation (threads) and without (one thread).
// It measures the runtime and plumbing; it says nothing about a real model's speed.

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
  /** Decoding under a JSON-schema grammar (the structured steps' path), with threads. */
  grammarTokensPerSecond: 100,
  /** A whole revision run (classify … final) on the tiny model, with threads. */
  pipelineSeconds: 90,
};

interface Measured {
  setting: string;
  threads: number;
  coldLoadMs: number;
  warmLoadMs: number;
  prefillTokensPerSecond: number;
  grammarTokensPerSecond: number;
  /** Wall time of a short free-text reply (a few tokens): the per-request overhead. */
  shortReplyMs: number;
  /** Share of the second turn's prompt served from the KV cache. */
  cachedShare: number;
  pipelineSeconds: number;
  pipelineEnd: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function measure(page: Page, setting: string): Promise<Measured> {
  const call = <K extends keyof Harness>(name: K, ...args: Parameters<Harness[K]>) =>
    page.evaluate(([n, a]) => (window.harness[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as Promise<Awaited<ReturnType<Harness[K]>>>;
  const model = await call('store', [{ url: `/fixtures/${FIXTURES.tiny}`, name: FIXTURES.tiny }]);
  const settings = { source: { type: 'stored' as const, modelId: model.id, name: FIXTURES.tiny }, contextSize: 16384 };
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

  const short: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await call('chat', question, { maxTokens: 64, temperature: 0.3, stream: false });
    if (r.ok) short.push(r.ms);
  }
  const notes = { type: 'object', properties: { notes: { type: 'array', items: { type: 'string', minLength: 20, maxLength: 30 }, minItems: 30, maxItems: 30 } }, required: ['notes'] };
  const grammar = await call('chat', question, { maxTokens: 2000, temperature: 0.8, stream: false, schema: { name: 'notes', schema: notes } });
  const prefill = await call('chat', [{ role: 'user', content: 'word '.repeat(800) }], { maxTokens: 8, stream: false });
  const first = await call('chat', question, { maxTokens: 64, temperature: 0, stream: false });
  const second = await call('chat', [...question, { role: 'assistant', content: first.ok ? first.result.text : '' }, { role: 'user', content: 'Shorter, please.' }], {
    maxTokens: 64,
    temperature: 0,
    stream: false,
  });
  const usage = second.ok ? second.result.usage : null;
  const run = await call('pipeline', 'My son has had a fever and a cough for two days. Should he see a doctor?');
  const last = run.events.at(-1);
  return {
    setting,
    threads,
    coldLoadMs: Math.round(loads[0]!),
    warmLoadMs: Math.round(median(loads.slice(1))),
    prefillTokensPerSecond: Math.round(prefill.ok ? (prefill.result.usage.prefillTokensPerSecond ?? 0) : 0),
    grammarTokensPerSecond: Math.round(grammar.ok ? (grammar.result.usage.decodeTokensPerSecond ?? 0) : 0),
    shortReplyMs: Math.round(median(short)),
    cachedShare: usage?.promptTokens ? Number(((usage.cachedPromptTokens ?? 0) / usage.promptTokens).toFixed(2)) : 0,
    pipelineSeconds: Number((run.ms / 1000).toFixed(1)),
    pipelineEnd: run.ok ? (last?.type === 'final' ? `final (${last.final.reason})` : 'no final') : `failed: ${run.code}`,
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
  if (threaded.grammarTokensPerSecond < TARGETS.grammarTokensPerSecond) {
    missed.push(`grammar decode ${threaded.grammarTokensPerSecond} tok/s < ${TARGETS.grammarTokensPerSecond}`);
  }
  if (!threaded.pipelineEnd.startsWith('final') || threaded.pipelineSeconds > TARGETS.pipelineSeconds) {
    missed.push(`revision run: ${threaded.pipelineEnd} in ${threaded.pipelineSeconds} s (target: a final answer within ${TARGETS.pipelineSeconds} s)`);
  }
  const table = formatTable(
    ['setting', 'threads', 'cold load ms', 'warm load ms', 'prefill tok/s', 'grammar tok/s', 'short reply ms', 'cached share', 'run s', 'run ended'],
    results.map((r) => [
      r.setting,
      r.threads,
      r.coldLoadMs,
      r.warmLoadMs,
      r.prefillTokensPerSecond,
      r.grammarTokensPerSecond,
      r.shortReplyMs,
      r.cachedShare,
      r.pipelineSeconds,
      r.pipelineEnd,
    ]),
  );
  return { name: 'gguf', table, json: { model: 'tests/fixtures/tiny.gguf (llama, 419K params, F32)', targets: TARGETS, results }, missed };
}
