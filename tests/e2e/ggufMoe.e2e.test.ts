// A mixture-of-experts model running in headless Chromium: the project's tiny qwen3moe (8 experts,
// 2 routed per token) in the real GGUF worker and wllama. Real MoE inference; the text is gibberish.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioSchema, batchedGradeSchema, jsonSchemaOf } from '../../src/lib/core/schemas';
import { parseStructured } from '../../src/lib/core/structured/structured';
import { MOE_EXPERTS, MOE_EXPERTS_USED } from '../../scripts/gguf/tinyModels';
import { launchChromium } from '../support/chromium';
import { FIXTURES } from '../support/ggufFixtures';
import { chatWith, loadModel, ok, openHarness, storeFixture, type HarnessSession } from '../support/ggufHarnessDriver';

const QUESTION = [{ role: 'user' as const, content: 'Is it safe to take ibuprofen with a cold?' }];

let browser: Browser;
let session: HarnessSession;
let page: Page;
let moeId: string;

beforeAll(async () => {
  browser = await launchChromium();
  session = await openHarness(browser);
  page = session.page;
  moeId = (await storeFixture(page, FIXTURES.moe)).id;
});
afterAll(async () => {
  await browser?.close();
  await session?.server.close();
});

describe('a mixture-of-experts GGUF in Chromium (real wllama, tiny qwen3moe model)', () => {
  it('loads it and describes its experts and the parameters active per token', async () => {
    const loaded = ok(await loadModel(page, { source: { type: 'stored', modelId: moeId, name: FIXTURES.moe }, contextSize: 4096 }));
    expect(loaded.label).toContain('tiny-moe.gguf · F32 · llama.cpp in this browser (CPU, ');
    const info = loaded.details.info;
    expect(info).toMatchObject({ architecture: 'qwen3moe', expertCount: MOE_EXPERTS, expertUsedCount: MOE_EXPERTS_USED, parts: 1 });
    expect(info.activeParameterCount).not.toBeNull();
    expect(info.activeParameterCount!).toBeLessThan(info.parameterCount);
    expect(loaded.progress.filter((p) => p.phase === 'load').at(-1)).toMatchObject({ fraction: 1 });
  });

  it('streams a reply token by token, the same reply every time when sampling greedily', async () => {
    const first = ok(await chatWith(page, QUESTION, { maxTokens: 200, temperature: 0 }));
    expect(first.tokens.length).toBeGreaterThan(1);
    expect(first.tokens.join('').trim()).toBe(first.result.text);
    expect(first.result.text).toMatch(/^[\x20-\x7e]+$/);
    expect(first.result.finishReason).toBe('stop');
    expect(first.result.usage.completionTokens).toBeGreaterThanOrEqual(first.tokens.length);
    const again = ok(await chatWith(page, QUESTION, { maxTokens: 200, temperature: 0, stream: false }));
    expect(again.result.text).toBe(first.result.text);
  });

  it('returns JSON-schema-constrained replies that parse and validate', async () => {
    const scenario = ok(await chatWith(page, QUESTION, { maxTokens: 300, temperature: 0, schema: { name: 'scenario', schema: jsonSchemaOf(ScenarioSchema) } }));
    expect(parseStructured(scenario.result.text, ScenarioSchema)).toMatchObject({ ok: true });
    const ids = ['R1', 'R2', 'R3'];
    const grades = ok(await chatWith(page, QUESTION, { maxTokens: 800, temperature: 0.7, schema: { name: 'grades', schema: jsonSchemaOf(batchedGradeSchema(ids)) } }));
    const parsed = parseStructured(grades.result.text, batchedGradeSchema(ids));
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(Object.keys(parsed.value)).toEqual(ids);
  });

  it('reuses the KV cache when the conversation grows by one turn', async () => {
    const first = ok(await chatWith(page, QUESTION, { maxTokens: 64, temperature: 0, stream: false }));
    const thread = [...QUESTION, { role: 'assistant' as const, content: first.result.text }, { role: 'user' as const, content: 'Now grade that answer.' }];
    const second = ok(await chatWith(page, thread, { maxTokens: 64, temperature: 0, stream: false }));
    expect(second.result.usage.promptTokens).toBeGreaterThan(first.result.usage.promptTokens!);
    expect(second.result.usage.cachedPromptTokens).toBeGreaterThanOrEqual(first.result.usage.promptTokens! - 1);
  });

  it('is refused with a clear message when an expert tensor is missing (llama.cpp really reads the experts)', async () => {
    const broken = await storeFixture(page, FIXTURES.moeMissingExperts);
    const refused = await loadModel(page, { source: { type: 'stored', modelId: broken.id, name: FIXTURES.moeMissingExperts }, contextSize: 2048 });
    expect(refused).toMatchObject({ ok: false, code: 'gguf_corrupt', message: expect.stringContaining('“moe-missing-experts.gguf” is damaged') });
    expect(refused.ok ? '' : refused.message).toMatch(/llama\.cpp: .*ffn_up_exps/);
    expect(session.errors).toEqual([]);
  });
});
