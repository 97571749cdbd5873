// The GGUF engine below the UI, in headless Chromium: the real worker, wllama (llama.cpp in
// WebAssembly) and browser storage, running the project's tiny llama model. Real inference, gibberish text.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioSchema, batchedGradeSchema, jsonSchemaOf } from '../../src/lib/core/schemas';
import { parseStructured } from '../../src/lib/core/structured/structured';
import { launchChromium } from '../support/chromium';
import { FIXTURES } from '../support/ggufFixtures';
import { chatWith as chat, loadModel as load, ok, openHarness, storeFixture as stored } from '../support/ggufHarnessDriver';
import type { StaticServer } from '../support/staticServer';

const QUESTION = [{ role: 'user' as const, content: 'Is it safe to take ibuprofen with a cold?' }];

let browser: Browser;
let page: Page;
let server: StaticServer;
let errors: string[];
let tinyId: string;

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, server, errors } = await openHarness(browser));
  tinyId = (await stored(page, FIXTURES.tiny)).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tiny = () => ({ source: { type: 'stored' as const, modelId: tinyId, name: FIXTURES.tiny }, contextSize: 4096 });

describe('GGUF engine in Chromium (real wllama, tiny llama model)', () => {
  it('loads a stored model in its worker with byte progress, on two threads under cross-origin isolation', async () => {
    const loaded = ok(await load(page, tiny()));
    expect(loaded.label).toContain('tiny.gguf · F32 · llama.cpp in this browser (CPU, ');
    // GPU on (the default), but SwiftShader is a software adapter without shader-f16: CPU threads.
    expect(loaded.details.placement).toMatchObject({ where: 'cpu', threads: loaded.details.threads });
    expect(['software_adapter', 'no_shader_f16']).toContain(loaded.details.placement.reason);
    expect(loaded.contextWindow).toBe(4096);
    expect(loaded.details.info).toMatchObject({ architecture: 'llama', contextLength: 32768, parts: 1 });
    const env = await page.evaluate(() => window.harness.env());
    expect(env.isolated).toBe(true);
    expect(loaded.details.multithreaded).toBe(env.cores > 1);
    expect(loaded.details.threads).toBe(env.cores > 1 ? Math.min(8, Math.max(2, env.cores - 1)) : 1);
    const reads = loaded.progress.filter((p) => p.phase === 'load' && p.loadedBytes);
    expect(reads.length).toBeGreaterThan(1);
    const fractions = reads.map((p) => p.fraction ?? 0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(reads.at(-1)).toMatchObject({ fraction: 1, loadedBytes: 1_687_712, totalBytes: 1_687_712 });
  });

  it('streams the reply token by token; the pieces add up to the text and usage counts them', async () => {
    const r = ok(await chat(page, QUESTION, { maxTokens: 200, temperature: 0 }));
    expect(r.tokens.length).toBeGreaterThan(1);
    expect(r.tokens.join('').trim()).toBe(r.result.text);
    expect(r.result.text).toMatch(/^[\x20-\x7e]+$/);
    expect(r.result.finishReason).toBe('stop');
    expect(r.result.usage.completionTokens).toBeGreaterThanOrEqual(r.tokens.length);
    expect(r.result.usage.promptTokens).toBeGreaterThan(10);
    expect(r.result.usage.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('returns JSON-schema-constrained replies that parse and validate: scenario, and batched grades with exactly the rubric’s ids', async () => {
    const scenario = ok(await chat(page, QUESTION, { maxTokens: 300, temperature: 0, schema: { name: 'scenario', schema: jsonSchemaOf(ScenarioSchema) } }));
    expect(parseStructured(scenario.result.text, ScenarioSchema)).toMatchObject({ ok: true });

    // The batched grading schema: every rubric id, a [met, quote] tuple each (zod writes `items: false`
    // for tuples, which the engine must strip or llama.cpp's converter crashes).
    const ids = ['R1', 'R2', 'R3', 'R4', 'R5'];
    const grades = ok(await chat(page, QUESTION, { maxTokens: 1000, temperature: 0.7, schema: { name: 'grades', schema: jsonSchemaOf(batchedGradeSchema(ids)) } }));
    const parsed = parseStructured(grades.result.text, batchedGradeSchema(ids));
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(Object.keys(parsed.value)).toEqual(ids);
  });

  it('Stop mid-generation rejects within moments, and the same model answers the next request', async () => {
    // A schema that forces a long reply: 150 strings of 20–30 characters, one token per character.
    const long = { type: 'object', properties: { notes: { type: 'array', items: { type: 'string', minLength: 20, maxLength: 30 }, minItems: 150, maxItems: 150 } }, required: ['notes'] };
    const stopped = await chat(page, QUESTION, { maxTokens: 8000, temperature: 0.7, schema: { name: 'long', schema: long }, abortAfterTokens: 30 });
    expect(stopped).toMatchObject({ ok: false, code: 'stopped' });
    if (stopped.ok) return;
    expect(stopped.tokens.length).toBeLessThan(400);
    expect(stopped.stopMs).toBeLessThan(2000);
    const after = ok(await chat(page, QUESTION, { maxTokens: 64, temperature: 0 }));
    expect(after.result.text.length).toBeGreaterThan(0);
  });

  it('reuses the KV cache when a conversation grows by one turn (the prefix is not prefilled again)', async () => {
    const first = ok(await chat(page, QUESTION, { maxTokens: 64, temperature: 0, stream: false }));
    const thread = [...QUESTION, { role: 'assistant' as const, content: first.result.text }, { role: 'user' as const, content: 'Now grade that answer.' }];
    const second = ok(await chat(page, thread, { maxTokens: 64, temperature: 0, stream: false }));
    expect(second.result.usage.cachedPromptTokens).toBeGreaterThanOrEqual(first.result.usage.promptTokens! - 1);
    expect(second.result.usage.promptTokens).toBeGreaterThan(first.result.usage.promptTokens!);
  });

  it('loads a model split into two files, stored together', async () => {
    const split = await stored(page, FIXTURES.part2, FIXTURES.part1);
    expect(split.parts).toBe(2);
    const loaded = ok(await load(page, { source: { type: 'stored', modelId: split.id, name: split.name }, contextSize: 2048 }));
    expect(loaded.details.info).toMatchObject({ parts: 2, parameterCount: 419_456, fileName: FIXTURES.part1 });
    expect(ok(await chat(page, QUESTION, { maxTokens: 32, temperature: 0 })).result.text.length).toBeGreaterThan(0);
  });

  it('refuses broken files with named errors before or after llama.cpp sees them, and recovers for the next load', async () => {
    const truncated = await stored(page, FIXTURES.truncated);
    expect(await load(page, { source: { type: 'stored', modelId: truncated.id, name: FIXTURES.truncated }, contextSize: 2048 })).toMatchObject({
      ok: false,
      code: 'gguf_truncated',
      message: expect.stringContaining('“truncated.gguf” is incomplete'),
    });
    const arch = await stored(page, FIXTURES.unknownArch);
    expect(await load(page, { source: { type: 'stored', modelId: arch.id, name: FIXTURES.unknownArch }, contextSize: 2048 })).toMatchObject({
      ok: false,
      code: 'gguf_unsupported',
      message: expect.stringContaining('“llamx” is not known'),
    });
    // Only llama.cpp can tell this one is broken: the load "succeeds" with an empty context.
    const missing = await stored(page, FIXTURES.missingTensor);
    const broken = await load(page, { source: { type: 'stored', modelId: missing.id, name: FIXTURES.missingTensor }, contextSize: 2048 });
    expect(broken).toMatchObject({ ok: false, code: 'gguf_corrupt', message: expect.stringContaining('“missing-tensor.gguf” is damaged') });
    expect(broken.ok ? '' : broken.message).toMatch(/llama\.cpp: .*output_norm/);
    ok(await load(page, tiny()));
    expect(ok(await chat(page, QUESTION, { maxTokens: 32, temperature: 0 })).result.text.length).toBeGreaterThan(0);
  });

  it('a model whose chat template breaks llama.cpp’s schema grammar still answers structured requests, unconstrained', async () => {
    const model = await stored(page, FIXTURES.spacePrefix);
    ok(await load(page, { source: { type: 'stored', modelId: model.id, name: FIXTURES.spacePrefix }, contextSize: 2048 }));
    const schema = { name: 'scenario', schema: jsonSchemaOf(ScenarioSchema) };
    // The first call meets llama.cpp's sampler failure and is asked again without the schema; later calls skip it.
    for (let i = 0; i < 2; i++) expect(ok(await chat(page, QUESTION, { maxTokens: 64, temperature: 0, schema })).result.text.length).toBeGreaterThan(0);
    ok(await load(page, tiny()));
  });

  it('downloads a model from a URL once with progress, then loads it from browser storage', async () => {
    const first = ok(await load(page, { source: { type: 'url', url: `/fixtures/${FIXTURES.tiny}` }, contextSize: 2048 }));
    const downloads = first.progress.filter((p) => p.phase === 'download');
    expect(downloads.at(-1)).toMatchObject({ loadedBytes: 1_687_712, totalBytes: 1_687_712, fraction: 1 });
    const fetches = () => server.requested.filter((p) => p === `/fixtures/${FIXTURES.tiny}`).length;
    const before = fetches();
    const second = ok(await load(page, { source: { type: 'url', url: `/fixtures/${FIXTURES.tiny}` }, contextSize: 2048 }));
    expect(second.progress.some((p) => p.phase === 'cache')).toBe(true);
    expect(second.progress.some((p) => p.phase === 'download')).toBe(false);
    expect(fetches()).toBe(before);
    const models = await page.evaluate(() => window.harness.list());
    expect(models.filter((m) => m.origin.type === 'url')).toHaveLength(1);
  });

  it('names the URL when a download fails, refuses a web page served in place of a model, and checks the header before downloading', async () => {
    const refused = await load(page, { source: { type: 'url', url: `/fixtures/${FIXTURES.unknownArch}` }, contextSize: 2048 });
    expect(refused).toMatchObject({ ok: false, code: 'gguf_unsupported' });
    expect(refused.progress.some((p) => (p.loadedBytes ?? 0) > 0)).toBe(false);
    expect(await load(page, { source: { type: 'url', url: '/fixtures/absent.gguf' }, contextSize: 2048 })).toMatchObject({
      ok: false,
      code: 'gguf_not_gguf', // the static host answers unknown paths with its index page
    });
    expect(await load(page, { source: { type: 'url', url: 'http://127.0.0.1:9/model.gguf' }, contextSize: 2048 })).toMatchObject({
      ok: false,
      code: 'gguf_download_failed',
      message: expect.stringContaining('http://127.0.0.1:9/model.gguf'),
    });
  });

  it('probes WebGPU before offloading: SwiftShader offers an adapter but no shader-f16, so it runs on CPU threads; GPU off says so', async () => {
    const gpu = await page.evaluate(() => window.harness.gpu());
    expect(gpu.probe).not.toBeNull();
    expect(gpu.probe!.shaderF16).toBe(false);
    const onDefault = ok(await load(page, { ...tiny(), useGpu: true }));
    expect(onDefault.details.placement.reason).toBe(gpu.probe!.isFallback ? 'software_adapter' : 'no_shader_f16');
    expect(onDefault.label).toMatch(/\(CPU, \d+ threads?\)$/);
    const off = ok(await load(page, { ...tiny(), useGpu: false }));
    expect(off.details.placement).toEqual({ where: 'cpu', threads: off.details.threads, reason: 'setting_off' });
    expect(ok(await chat(page, QUESTION, { maxTokens: 16, temperature: 0 })).result.text.length).toBeGreaterThan(0);
  });

  it('Cancel during a load stops it, and the next load works', async () => {
    const cancelled = await load(page, tiny(), 30);
    expect(cancelled).toMatchObject({ ok: false, code: 'stopped' });
    ok(await load(page, tiny()));
    expect(errors).toEqual([]);
  });

  it('falls back to one thread when the page is not cross-origin isolated, and still answers', async () => {
    const plain = await openHarness(browser, false);
    try {
      expect(await plain.page.evaluate(() => window.harness.env().isolated)).toBe(false);
      const id = (await stored(plain.page, FIXTURES.tiny)).id;
      const loaded = ok(await load(plain.page, { source: { type: 'stored', modelId: id, name: FIXTURES.tiny }, contextSize: 2048 }));
      expect(loaded.details).toMatchObject({ threads: 1, multithreaded: false });
      expect(ok(await chat(plain.page, QUESTION, { maxTokens: 32, temperature: 0 })).result.text.length).toBeGreaterThan(0);
    } finally {
      await plain.server.close();
    }
  });
});
