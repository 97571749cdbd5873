import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  DEFAULT_MODEL_ID,
  PREBUILT_MODELS,
  RECIPE_MODELS,
  estimateDownloadBytes,
  estimateVramMB,
  f32Alternative,
  findCatalogModel,
  needsShaderF16,
  recommendedModel,
  smallerModels,
} from './catalog';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';

const record = (id: string) => prebuiltAppConfig.model_list.find((r) => r.model_id === id);

describe('catalog against the pinned web-llm 0.2.86', () => {
  it.each(PREBUILT_MODELS.map((m) => [m.id, m] as const))('%s exists in web-llm’s prebuilt list with the same memory figure and 4096 context', (id, model) => {
    const r = record(id);
    expect(r, `${id} missing from web-llm's prebuilt list`).toBeDefined();
    expect(r!.vram_required_MB).toBe(model.vramMB);
    expect(r!.overrides?.context_window_size).toBe(4096);
  });

  it('recipes reuse libraries web-llm really ships, of the same quantisation', () => {
    for (const recipe of RECIPE_MODELS.filter((m) => m.libraryFrom)) {
      expect(record(recipe.libraryFrom!)).toBeDefined();
      expect(recipe.libraryFrom).toContain(recipe.quantization);
    }
  });

  it('web-llm’s q4f16 Qwen3 records do not declare shader-f16, so the catalog must infer it', () => {
    expect(record('Qwen3-4B-q4f16_1-MLC')!.required_features ?? []).not.toContain('shader-f16');
    expect(needsShaderF16('Qwen3-4B-q4f16_1-MLC')).toBe(true);
    expect(needsShaderF16('Qwen3-4B-q4f32_1-MLC')).toBe(false);
    expect(needsShaderF16('https://host/models/x-q0f16-MLC')).toBe(true);
  });

  it('defaults new users to a Qwen3 model in the catalog, with a revision-loop-sized context', () => {
    expect(DEFAULT_WEBLLM_SETTINGS.catalogId).toBe(DEFAULT_MODEL_ID);
    expect(findCatalogModel(DEFAULT_MODEL_ID)?.label).toMatch(/Qwen3/);
    expect(DEFAULT_WEBLLM_SETTINGS.contextWindow).toBeGreaterThanOrEqual(8192);
  });

  it('ids are unique', () => {
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
  });
});

describe('estimates', () => {
  it('download size follows parameters × bits (Qwen3-4B q4f16 ≈ 2.26 GB)', () => {
    expect(estimateDownloadBytes(findCatalogModel('Qwen3-4B-q4f16_1-MLC')!) / 1e9).toBeCloseTo(2.26, 2);
  });

  it('memory grows with the context window by the attention cache size', () => {
    const qwen4b = findCatalogModel('Qwen3-4B-q4f16_1-MLC')!;
    expect(estimateVramMB(qwen4b, 4096)).toBe(Math.round(qwen4b.vramMB));
    // 36 layers × 8 KV heads × 128 dims × K and V × 2 bytes × 4096 more tokens = 576 MiB
    expect(estimateVramMB(qwen4b, 8192) - estimateVramMB(qwen4b, 4096)).toBe(576);
  });

  it('suggests the f32 twin and smaller models', () => {
    expect(f32Alternative(findCatalogModel('Qwen3-4B-q4f16_1-MLC')!)?.id).toBe('Qwen3-4B-q4f32_1-MLC');
    expect(smallerModels(findCatalogModel('Qwen3-8B-q4f32_1-MLC')!)[0]?.id).toBe('Qwen3-4B-q4f32_1-MLC');
  });

  it('recommends the first Qwen3 model that runs', () => {
    expect(recommendedModel(() => true)?.id).toBe('Qwen3-4B-q4f16_1-MLC');
    expect(recommendedModel((m) => m.quantization === 'q4f32_1')?.id).toBe('Qwen3-4B-q4f32_1-MLC');
    expect(recommendedModel(() => false)).toBeNull();
  });
});
